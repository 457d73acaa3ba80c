/**
 * Both sidebars in a real headless Chromium (Debian's `chromium`), served by `npm run preview`'s
 * server in-process: the pages are the build's own output, and every call goes through the
 * `google.script.run` stand-in to the same endpoints, over the sample district in memory.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';
import { SHEET, evaluate, findSheet, readWorkbook } from '../../src/core';
import { unitProgress } from '../../src/core/progress';
import { startPreview } from '../../scripts/preview';
import type { Preview } from '../../scripts/preview';

const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const ARTIFACTS = join(process.cwd(), 'test-artifacts');
const WIDTH = 300;

const haveChromium = existsSync(CHROMIUM);
if (!haveChromium && !process.env.CI) {
  console.warn(`Bỏ qua kiểm thử thanh bên: không có ${CHROMIUM} (cài bằng «apt-get install -y chromium»).`);
}
const suite = haveChromium || process.env.CI ? describe : describe.skip;

suite('the sidebars in Chromium at 300 px', () => {
  let preview: Preview;
  let context: BrowserContext;
  let profile: string;
  const dialogs: string[] = [];
  /** Uncaught errors of any page: there must be none. */
  const pageErrors: string[] = [];

  beforeAll(async () => {
    if (!haveChromium) throw new Error(`Thiếu ${CHROMIUM}: kiểm thử thanh bên cần Chromium trên máy CI.`);
    preview = await startPreview({ port: 0, log: () => undefined });
    profile = mkdtempSync(join(tmpdir(), 'thidua-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: FLAGS,
      viewport: { width: WIDTH, height: 900 },
      locale: 'vi-VN',
    });
    context.on('page', (page) => page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    }));
    mkdirSync(ARTIFACTS, { recursive: true });
  });

  afterAll(async () => {
    await context?.close();
    await preview?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  async function open(file: string): Promise<Page> {
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(`${file}: ${error.message}`));
    await page.goto(`${preview.url}${file}`);
    return page;
  }

  const nominations = () => readWorkbook(preview.host.input).nominations;

  describe('Nhập đề nghị', () => {
    let page: Page;
    beforeAll(async () => {
      page = await open('NhapDeNghi.html');
      await page.locator('#form').waitFor({ state: 'visible' });
    });

    it('validates as the user types and shows the verdict change as fields change', async () => {
      // CQ10 (Thanh tra huyện) ranks 3rd among the agencies (A3) and has sent one individual.
      await page.selectOption('#unitCode', 'CQ10');
      await expect(page.locator('#existing option').count()).resolves.toBe(2);
      await expectText(page, '#verdict-body', 'Hãy chọn hình thức');

      await page.selectOption('#kind', 'collective');
      await page.fill('#name', 'Tổ tiếp công dân và xử lý đơn thư — Thanh tra huyện');
      await page.fill('#satisfactionPercent', 'chín mươi');
      await expectText(page, '#satisfactionPercent-error', '«chín mươi» không phải là số');
      await expect(page.getAttribute('#satisfactionPercent', 'aria-invalid')).resolves.toBe('true');
      await page.fill('#satisfactionPercent', '96,5');
      await expectText(page, '#satisfactionPercent-error', '');

      for (const id of ['directCchc', 'compliance', 'unity', 'discipline', 'hasPlan']) await page.check(`#${id}`);
      await expectText(page, '#verdict-badge', 'Đủ điều kiện');
      await expectText(page, '#verdict-body', 'A3: cơ quan chuyên môn xếp thứ Nhất–Ba');
      await expectText(page, '#quota-badge', 'Trong chỉ tiêu');

      await page.uncheck('#compliance');
      await expectText(page, '#verdict-badge', 'Không đủ điều kiện');
      await expectText(page, '#verdict-body', 'Chưa đạt:');
      await expectText(page, '#verdict-summary', 'Kết quả xét thử: không đủ điều kiện');
      await page.check('#compliance');
      await expectText(page, '#verdict-badge', 'Đủ điều kiện');
      await expectText(page, '#verdict-body', 'Ngoài thời hạn');
      await page.fill('#submittedOn', '31/02/2023');
      await expectText(page, '#submittedOn-error', 'không phải là ngày');
      await page.fill('#submittedOn', '04/01/2023');
      await expectText(page, '#verdict-body', 'Trong thời hạn');
      await page.fill('#summary', 'Giải quyết 100% đơn thư đúng hạn; tiếp 312 lượt công dân.');
    });

    it('saves one row into the workbook and selects it', async () => {
      const before = nominations().length;
      const lastRow = findSheet(preview.host.input, SHEET.nominations)!.values.length;
      await page.click('#save');
      await expectText(page, '#status', `Đã thêm đề nghị ở hàng ${lastRow + 1}`);
      const saved = nominations();
      expect(saved).toHaveLength(before + 1);
      expect(saved.at(-1)).toMatchObject({
        row: lastRow + 1, unitCode: 'CQ10', kind: 'collective', name: 'Tổ tiếp công dân và xử lý đơn thư — Thanh tra huyện',
        satisfactionPercent: 96.5, compliance: true, submittedOn: { year: 2023, month: 1, day: 4 },
      });
      expect(preview.host.selection).toEqual({ sheet: SHEET.nominations, rows: [lastRow + 1] });
      // The form now edits that row, and the unit's list shows it.
      await expect(page.inputValue('#existing')).resolves.toBe(String(lastRow + 1));
      await page.screenshot({ path: join(ARTIFACTS, 'nhap-de-nghi.png'), fullPage: true });
    });

    it('loads an existing nomination to edit, and rewrites only its row', async () => {
      const sample = nominations().find((n) => n.unitCode === 'CQ10' && n.kind === 'individual')!;
      const count = nominations().length;
      await page.selectOption('#existing', String(sample.row));
      await expect(page.inputValue('#name')).resolves.toBe(sample.name);
      await expect(page.inputValue('#kind')).resolves.toBe('individual');
      await page.fill('#summary', 'Tham mưu rút ngắn 30% thời gian giải quyết khiếu nại, tố cáo.');
      await page.click('#save');
      await expectText(page, '#status', `Đã cập nhật đề nghị ở hàng ${sample.row}`);
      expect(nominations()).toHaveLength(count);
      expect(nominations().find((n) => n.row === sample.row)).toMatchObject({ name: sample.name, summary: 'Tham mưu rút ngắn 30% thời gian giải quyết khiếu nại, tố cáo.' });
    });

    it('refuses to save over a row that another person’s sort moved, and keeps what was typed', async () => {
      const sample = nominations().find((n) => n.unitCode === 'CQ10' && n.kind === 'individual')!;
      await page.selectOption('#existing', String(sample.row));
      await page.fill('#summary', 'Nội dung đang gõ dở');
      // Meanwhile someone sorts the sheet: another nomination is now on that row.
      const rows = findSheet(preview.host.input, SHEET.nominations)!.values;
      const other = rows.findIndex((r, i) => i > 0 && i !== sample.row - 1);
      [rows[sample.row - 1], rows[other]] = [rows[other]!, rows[sample.row - 1]!];
      const before = rows.map((r) => [...r]);
      await page.click('#save');
      await expectText(page, '#status', `Hàng ${sample.row} của trang «Đề nghị» đã thay đổi`);
      expect(findSheet(preview.host.input, SHEET.nominations)!.values).toEqual(before);
      await expect(page.inputValue('#summary')).resolves.toBe('Nội dung đang gõ dở');
      [rows[sample.row - 1], rows[other]] = [rows[other]!, rows[sample.row - 1]!];
      await page.click('#reload');
      await expectText(page, '#status', 'Bạn là chủ bảng tính');
    });

    it('shows a name that looks like markup as text, and runs no script', async () => {
      await page.click('#new');
      await page.selectOption('#kind', 'individual');
      const name = '<img src=x onerror=alert(1)>';
      await page.fill('#name', name);
      await page.selectOption('#ratingPrev', 'HTTNV');
      await page.selectOption('#ratingNow', 'HTXSNV');
      // A second collective would exceed; a second individual too: CQ10 already has one.
      await expectText(page, '#quota-badge', 'Vượt chỉ tiêu');
      await page.click('#save');
      await expectText(page, '#status', 'Đã thêm đề nghị');
      expect(nominations().at(-1)!.name).toBe(name);
      await expect(page.locator('#existing option', { hasText: name }).count()).resolves.toBe(1);
      await expect(page.locator('img').count()).resolves.toBe(0);
      await page.waitForTimeout(200);
      expect(dialogs).toEqual([]);
    });

    it('fills the unit’s meeting facts and a nominee’s report of achievements, written where the documents read them', async () => {
      await page.locator('#facts').waitFor({ state: 'visible' });
      await page.selectOption('#facts-unit', 'CQ10');
      await page.fill('#dossier-startTime', '14:00');
      await page.fill('#dossier-council', 'Hội đồng Thi đua - Khen thưởng Thanh tra huyện');
      await page.selectOption('#dossier-votingMethod', 'Bỏ phiếu kín');
      await page.click('#dossier-save');
      await expectText(page, '#facts-status', 'Đã lưu ở hàng');
      const dossier = readWorkbook(preview.host.input).dossiers.find((d) => d.unitCode === 'CQ10')!;
      expect(dossier).toMatchObject({ startTime: { hour: 14, minute: 0 }, council: 'Hội đồng Thi đua - Khen thưởng Thanh tra huyện', votingMethod: 'Bỏ phiếu kín' });

      const individual = nominations().find((n) => n.unitCode === 'CQ10' && n.kind === 'individual')!;
      await page.selectOption('#report-nominee', { label: `${individual.name} (Cá nhân)` });
      // Form 07 asks an individual for a home town, not for a seat address.
      await expect(page.isVisible('#report-homeTown')).resolves.toBe(true);
      await expect(page.isVisible('#report-address')).resolves.toBe(false);
      await page.fill('#report-homeTown', 'xã Minh Sơn, huyện Hữu Lũng, tỉnh Lạng Sơn');
      await page.fill('#report-previousAwards', '2021; Giấy khen; Quyết định số 85/QĐ-UBND ngày 20/12/2021; Chủ tịch UBND huyện');
      await page.click('#report-save');
      await expectText(page, '#facts-status', 'Đã lưu ở hàng');
      const report = readWorkbook(preview.host.input).reports!.find((r) => r.unitCode === 'CQ10' && r.name === individual.name)!;
      expect(report).toMatchObject({ homeTown: 'xã Minh Sơn, huyện Hữu Lũng, tỉnh Lạng Sơn', previousAwards: [{ year: '2021', form: 'Giấy khen' }] });
      await page.screenshot({ path: join(ARTIFACTS, 'ho-so-bao-cao.png'), fullPage: true });
    });

    it('labels every input, reaches every control by Tab in order, and shows focus', async () => {
      await expectLabelled(page);
      await expectKeyboardReachesAll(page);
      await expectFitsWidth(page);
      expect(pageErrors).toEqual([]);
    });
  });

  describe('Tiến độ', () => {
    let page: Page;
    const expected = () => unitProgress(evaluate(preview.host.input));
    beforeAll(async () => {
      page = await open('TienDo.html');
      await page.locator('#report').waitFor({ state: 'visible' });
    });

    it('shows the sample district’s counts, and a bar per ranked unit', async () => {
      const { totals, charts } = expected();
      await expect(page.locator('#units > li').count()).resolves.toBe(totals.units);
      const shown = await page.locator('#totals').innerText();
      expect(shown).toContain(`Đề nghị\n${totals.nominations}`);
      expect(shown).toContain(`Đủ điều kiện\n${totals.eligible}/${totals.nominations}`);
      expect(shown).toContain(`Đã thẩm định đủ tiêu chí\n${totals.appraised}/${totals.rankedBlockUnits}`);
      expect(shown).toContain(`Đơn vị vượt chỉ tiêu\n${totals.quotaProblems}`);
      const bars = charts.reduce((n, c) => n + c.bars.length, 0);
      await expect(page.locator('#charts svg rect').count()).resolves.toBe(bars);
      await page.screenshot({ path: join(ARTIFACTS, 'tien-do.png'), fullPage: true });
    });

    it('filters by block and by problem', async () => {
      const { units } = expected();
      await page.selectOption('#block', 'Cơ quan chuyên môn');
      await expect(page.locator('#units > li').count()).resolves.toBe(units.filter((u) => u.block === 'Cơ quan chuyên môn').length);
      await page.selectOption('#block', '');
      await page.selectOption('#problem', 'quota');
      const over = units.filter((u) => u.problems.includes('quota')).map((u) => u.code);
      expect(over.length).toBeGreaterThan(0);
      await expect(page.locator('#units > li').evaluateAll((items) => items.map((i) => i.getAttribute('data-unit')))).resolves.toEqual(over);
      await expectText(page, '#shown', `Đang hiện ${over.length}/${units.length} đơn vị.`);
      await page.selectOption('#problem', '');
    });

    it('selects a unit’s rows in the sheet from its row', async () => {
      const item = page.locator('#units > li[data-unit="X07"]');
      await item.locator('summary').click();
      await item.getByRole('button', { name: 'Chọn các hàng của X07 ở trang Chấm điểm' }).click();
      await expectText(page, '#status', 'Đã chọn 8 hàng của X07 ở trang «Chấm điểm».');
      expect(preview.host.selection?.sheet).toBe(SHEET.scores);
      expect(preview.host.selection?.rows).toHaveLength(8);
    });

    it('refreshes without reopening', async () => {
      const before = expected().totals.nominations;
      const sheet = findSheet(preview.host.input, SHEET.nominations)!;
      sheet.values.push(['CQ13', 'Tập thể', 'Bộ phận một cửa Phòng Dân tộc']);
      await page.click('#refresh');
      // The refresh answers asynchronously: wait for the new count rather than read at once.
      await page.waitForFunction((want) => (document.querySelector('#totals') as HTMLElement | null)?.innerText.includes(want) ?? false, `Đề nghị\n${before + 1}`, { timeout: 5000 }).catch(() => undefined);
      await expect(page.locator('#totals').innerText()).resolves.toContain(`Đề nghị\n${before + 1}`);
    });

    it('labels every input, reaches every control by Tab in order, and shows focus', async () => {
      await expectLabelled(page);
      await expectKeyboardReachesAll(page);
      await expectFitsWidth(page);
      expect(pageErrors).toEqual([]);
    });
  });
});

/** Waits (briefly) for an element's text to contain `text` ('' waits for it to be empty). */
async function expectText(page: Page, selector: string, text: string): Promise<void> {
  const locator = page.locator(selector);
  try {
    await page.waitForFunction(
      ([sel, want]) => {
        const content = document.querySelector(sel as string)?.textContent ?? '';
        return want === '' ? content === '' : content.includes(want as string);
      },
      [selector, text],
      { timeout: 3000 },
    );
  } catch {
    expect(await locator.textContent()).toContain(text);
  }
}

async function expectLabelled(page: Page): Promise<void> {
  const unlabelled = await page.evaluate(() =>
    Array.from(document.querySelectorAll('input, select, textarea'))
      .filter((e) => (e as HTMLInputElement).labels?.length === 0 && !e.getAttribute('aria-label'))
      .map((e) => e.id || e.outerHTML),
  );
  expect(unlabelled).toEqual([]);
}

/**
 * From the top of the page, Tab visits every visible control once, in document order, and
 * the focused control shows a focus ring.
 */
async function expectKeyboardReachesAll(page: Page): Promise<void> {
  const controls = await page.evaluate(() => {
    const all = Array.from(document.querySelectorAll<HTMLElement>('input, select, textarea, button, summary, a[href]'));
    return all
      .filter((e) => e.checkVisibility() && !(e as HTMLButtonElement).disabled)
      .map((e, i) => (e.dataset.tabKey = String(i)));
  });
  // Start where a person starts: at the page's title.
  await page.evaluate(() => {
    const title = document.querySelector('h1') as HTMLElement;
    title.tabIndex = -1;
    title.focus();
  });
  const visited: string[] = [];
  const unringed: string[] = [];
  // A date input takes three Tabs (day, month, year): focus stays on it meanwhile.
  for (let i = 0; i < controls.length * 3 + 2; i++) {
    await page.keyboard.press('Tab');
    const focus = await page.evaluate(() => {
      const e = document.activeElement as HTMLElement | null;
      if (!e || e === document.body) return null;
      const style = getComputedStyle(e);
      return { key: e.dataset.tabKey ?? `?${e.tagName}#${e.id}`, ring: style.outlineStyle !== 'none' && style.outlineWidth !== '0px' };
    });
    if (focus && focus.key === visited.at(-1)) continue;
    if (!focus || visited.includes(focus.key)) break;
    visited.push(focus.key);
    if (!focus.ring) unringed.push(focus.key);
  }
  expect(visited).toEqual(controls);
  expect(unringed).toEqual([]);
}

async function expectFitsWidth(page: Page): Promise<void> {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(WIDTH);
}
