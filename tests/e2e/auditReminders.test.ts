/**
 * «Nhắc việc» and Tiến độ's «Thay đổi gần đây» in a real headless Chromium at 300 px: the built
 * pages, their `google.script.run` calls carried as JSON to the SAME endpoints over the fake
 * Google (MailApp, triggers, the audit log), as Apps Script would.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';
import { SETTING, SHEET, UNIT_COL } from '../../src/core';
import { createEndpoints } from '../../src/addon/endpoints';
import { appsScriptHost } from '../../src/addon/sidebarHost';
import { EDIT_HANDLER, installAuditLog, recordEdit } from '../../src/addon/auditLog';
import { buildSidebars } from '../../scripts/buildAddon';
import { fakeGoogle, loadWorkbook, type FakeGoogle } from '../fakes';
import { personEdits } from '../fakes/editEvent';
import { DEFAULT_SETTINGS, GOOD_COLLECTIVE, UNITS, workbook } from '../helpers/workbook';

const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const ARTIFACTS = join(process.cwd(), 'test-artifacts');
const haveChromium = existsSync(CHROMIUM);
const suite = haveChromium || process.env.CI ? describe : describe.skip;

/** `google.script.run` for a page: each call goes to `window.thiduaCall(name, arg)`. */
const RUNNER = `(() => {
  const runner = (ok, fail) => new Proxy({}, { get: (_, name) => {
    if (name === 'withSuccessHandler') return (h) => runner(h, fail);
    if (name === 'withFailureHandler') return (h) => runner(ok, h);
    return (arg) => window.thiduaCall(name, arg === undefined ? null : arg).then(ok, fail);
  } });
  window.google = { script: { run: runner(() => {}, () => {}) } };
})();`;

suite('Nhắc việc and the latest changes in Chromium at 300 px', () => {
  let context: BrowserContext;
  let profile: string;
  let pages: Map<string, string>;
  let google: FakeGoogle;
  const pageErrors: string[] = [];
  const endpoints = createEndpoints(appsScriptHost) as unknown as Record<string, (arg: unknown) => unknown>;

  beforeAll(async () => {
    if (!haveChromium) throw new Error(`Thiếu ${CHROMIUM}: kiểm thử thanh bên cần Chromium trên máy CI.`);
    pages = new Map((await buildSidebars('src')).map((p) => [p.name, p.html]));
    profile = mkdtempSync(join(tmpdir(), 'thidua-chromium-'));
    context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: FLAGS, viewport: { width: 300, height: 900 }, locale: 'vi-VN' });
    mkdirSync(ARTIFACTS, { recursive: true });
  });

  beforeEach(() => {
    google = fakeGoogle();
    google.install();
    loadWorkbook(google, workbook({
      // The deadline lies ahead of the machine's clock, so the window is open.
      settings: { ...DEFAULT_SETTINGS, [SETTING.windowTo]: '31/12/2099' },
      units: UNITS.map((u) => ({ ...u, [UNIT_COL.emails]: u[UNIT_COL.code] === 'X03' ? '' : `${String(u[UNIT_COL.code]).toLowerCase()}@example.gov.vn` })),
      nominations: [GOOD_COLLECTIVE],
    }));
  });

  afterAll(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
    expect(pageErrors).toEqual([]);
  });

  async function open(file: string): Promise<Page> {
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(`${file}: ${error.message}`));
    // JSON both ways, as google.script.run carries it.
    await page.exposeFunction('thiduaCall', (name: string, arg: unknown) => JSON.parse(JSON.stringify(endpoints[name]!(arg === null ? undefined : arg))));
    await page.addInitScript(RUNNER);
    // Served by the page's own router: nothing goes to the network.
    await page.route('http://thidua.invalid/**', (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: pages.get(file)! }));
    await page.goto(`http://thidua.invalid/${file}`);
    return page;
  }

  const expectText = (page: Page, selector: string, text: string) => page.locator(selector).filter({ hasText: text }).first().waitFor();

  it('lists who owes what, previews the edited letter, sends within the quota and turns the daily run on', async () => {
    google.mail.remaining = 3;
    const page = await open('NhacViec.html');
    await expectText(page, '#status', '7 đơn vị còn thiếu');
    await expectText(page, '#quota', 'còn 3 người nhận');
    await expect(page.locator('#units > li').count()).resolves.toBe(7);
    await expect(page.locator('li[data-unit="X03"] input[type=checkbox]').isDisabled()).resolves.toBe(true);

    await page.fill('#subject', 'Nhắc {ma_don_vi} trước {han_chot}');
    await page.click('#refresh');
    await page.locator('li[data-unit="X04"] summary').filter({ hasText: 'Xem trước thư' }).click();
    await expectText(page, 'li[data-unit="X04"] .code', 'Nhắc X04 trước 31/12/2099');
    await expectText(page, 'li[data-unit="X04"] .preview', 'Kính gửi: UBND xã Yên Bình');

    await page.click('#send');
    await expectText(page, '#status', 'Đã gửi 3 thư');
    await expectText(page, '#status', 'CQ01: hết hạn mức gửi thư hôm nay');
    await expectText(page, '#quota', 'còn 0 người nhận');
    expect(google.mail.sent.map((m) => m.subject)).toEqual(['Nhắc X01 trước 31/12/2099', 'Nhắc X02 trước 31/12/2099', 'Nhắc X04 trước 31/12/2099']);

    await page.check('#daily');
    await expectText(page, '#status', 'Đã bật nhắc hằng ngày');
    expect(google.triggers.list.map((t) => t.kind)).toEqual(['hourly']);
    await page.screenshot({ path: join(ARTIFACTS, 'nhac-viec.png'), fullPage: true });
    await page.close();
  });

  it('Tiến độ shows a unit’s latest changes from Nhật ký', async () => {
    installAuditLog();
    const handlers = { [EDIT_HANDLER]: (e: unknown) => recordEdit(e as GoogleAppsScript.Events.SheetsOnEdit) };
    personEdits(google, { sheet: SHEET.scores, at: 'D2', values: [[50]], user: 'van.thu@huulung.gov.vn' }, handlers);
    const page = await open('TienDo.html');
    const x01 = page.locator('li[data-unit="X01"]');
    await x01.locator('summary').click();
    await x01.getByRole('button', { name: 'Xem các thay đổi gần đây của X01' }).click();
    await expectText(page, 'li[data-unit="X01"] .changes li', 'Chấm điểm D2: 55 → 50');
    await expectText(page, 'li[data-unit="X01"] .changes li', 'van.thu@huulung.gov.vn · Sửa trực tiếp');
    const x02 = page.locator('li[data-unit="X02"]');
    await x02.locator('summary').click();
    await x02.getByRole('button', { name: 'Xem các thay đổi gần đây của X02' }).click();
    await expectText(page, 'li[data-unit="X02"] .changes li', 'Chưa có thay đổi nào của X02');
    await page.screenshot({ path: join(ARTIFACTS, 'tien-do-thay-doi.png'), fullPage: true });
    await page.close();
  });
});
