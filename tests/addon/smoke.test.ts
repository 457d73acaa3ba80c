/**
 * The smoke edition (`npm run smoke`) cannot run here (no Google account), so it runs on the
 * fakes like everything else: built as it is pushed, in a bare `node:vm`, on the sample
 * district. This run calls every action, so it is also where the manifest's scopes are checked
 * against what the add-on really calls.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildAddon, buildSidebars } from '../../scripts/buildAddon';
import { SMOKE_ENTRY, smokeConfig } from '../../scripts/smoke';
import { readWorkbookFile } from '../../src/cli/xlsx';
import { SMOKE_HEADER, SMOKE_OK, SMOKE_SHEET, SMOKE_STEPS, runSteps } from '../../src/addon/smoke';
import { MANIFEST_SCOPES, fakeGoogle, loadWorkbook, requiredScopes } from '../fakes';
import type { FakeGoogle } from '../fakes';
import { runBundle } from '../fakes/vm';

const ROOT = resolve(__dirname, '../..');
const OWNER = 'chu.tich@huulung.gov.vn';
let code: string;
let htmlFiles: Map<string, string>;

beforeAll(async () => {
  const outDir = mkdtempSync(join(tmpdir(), 'thidua-smoke-'));
  await buildAddon({ srcDir: join(ROOT, 'src'), outDir, entry: SMOKE_ENTRY });
  code = readFileSync(join(outDir, 'Code.js'), 'utf8');
  rmSync(outDir, { recursive: true, force: true });
  htmlFiles = new Map((await buildSidebars(join(ROOT, 'src'))).map((p) => [p.name.replace(/\.html$/, ''), p.html]));
}, 60_000);

/** The smoke edition on the sample district, run from its menu. */
async function smokeRun(): Promise<{ google: FakeGoogle; rows: unknown[][] }> {
  const script = runBundle(code, { owner: OWNER, htmlFiles });
  loadWorkbook(script.google, (await readWorkbookFile(join(ROOT, 'samples', 'huu-lung-2022.xlsx'))).input);
  script.call('onOpen');
  expect(script.google.ui.menus.map((m) => m.caption)).toEqual(['Thi đua', 'Thi đua (smoke)']);
  script.call('runSmoke');
  const sheet = script.google.spreadsheet.sheet(SMOKE_SHEET);
  if (!sheet) throw new Error('no Smoke sheet');
  return { google: script.google, rows: sheet.dump() };
}

it('runs every action in order and writes one row per step: ok, time, calls', async () => {
  const { google, rows } = await smokeRun();
  const [header, ...steps] = rows;
  expect(header).toEqual(SMOKE_HEADER);
  expect(steps.map((r) => r[1])).toEqual(SMOKE_STEPS.map((s) => s.name));
  expect(steps.filter((r) => r[2] !== SMOKE_OK)).toEqual([]);
  for (const row of steps) {
    expect(row[3]).toEqual(expect.any(Number));
    expect(row[4]).toBeGreaterThan(0); // every step calls Google, and the wrappers count it
  }
  // The dossier steps made documents, stopping part-way and finishing in the continuation.
  const dossier = steps.find((r) => String(r[1]).startsWith('Tạo hồ sơ ('))!;
  const continuation = steps.find((r) => String(r[1]).startsWith('Tạo hồ sơ: chạy tiếp'))!;
  const created = (row: unknown[]) => Number(/Đã tạo: (\d+)/.exec(String(row[5]))?.[1]);
  expect(dossier[5]).toMatch(/^đơn vị .+; Đã tạo: \d+/);
  expect(created(dossier)).toBeLessThan(created(continuation));
  expect(google.drive.documents().length).toBeGreaterThan(3);
  // The job's clock trigger is gone once it finished; the log's on-edit trigger stays, as turned on.
  expect(google.triggers.list.map((t) => t.kind)).toEqual(['edit']);
  expect(google.spreadsheet.toasts.at(-1)?.message).toBe(`Smoke: ${steps.length}/${steps.length} bước ok. Xem trang «Smoke».`);
}, 120_000);

it('records a step that fails, or that only told the user of a problem, as an error, and carries on', async () => {
  const script = runBundle(code, { owner: OWNER, htmlFiles });
  script.google.spreadsheet.addSheet('Trang tính 1');
  script.call('runSmoke');
  const rows = script.google.spreadsheet.sheet(SMOKE_SHEET)!.dump().slice(1);
  expect(rows.map((r) => r[1])).toEqual(SMOKE_STEPS.map((s) => s.name));
  const row = (name: string) => rows.find((r) => String(r[1]).startsWith(name))!;
  expect(row('Khởi tạo bảng tính')[2]).toBe(SMOKE_OK);
  // The new sheets are empty: ranking only alerts the user, and the smoke sees no output.
  expect(row('Xếp hạng').slice(2, 3)).toEqual(['lỗi']);
  expect(row('Xếp hạng')[5]).toContain('trang «Xếp hạng» không có hàng nào');
  expect(row('Nhập đề nghị: tải')[2]).toBe('lỗi');
}, 60_000);

it('counts calls through wrappers that Google never sees, and that keep enums comparable', () => {
  const google = fakeGoogle();
  google.install();
  google.spreadsheet.addSheet('Trang tính 1');
  // On real Google the buttons are objects: the answer must still be === ui.Button.YES.
  const yes = { name: 'YES' };
  Object.assign(google.ui.Button, { YES: yes });
  google.ui.answers.push(yes as never);
  let shownWith: unknown;
  google.ui.showSidebar = (output) => void (shownWith = output);
  const made: unknown[] = [];
  const { createHtmlOutput } = HtmlService;
  globalThis.HtmlService = { ...HtmlService, createHtmlOutput: (html: string) => (made.push(createHtmlOutput(html)), made.at(-1)) } as never;
  runSteps([
    {
      name: 'Hỏi rồi mở thanh bên',
      run: () => {
        const ui = SpreadsheetApp.getUi();
        if (ui.alert('Thi đua', 'Tiếp tục?', ui.ButtonSet.YES_NO) !== ui.Button.YES) throw new Error('câu trả lời không khớp');
        const output = HtmlService.createHtmlOutput('<p>x</p>').setTitle('Thử');
        ui.showSidebar(output);
        return `${output.getTitle()}`;
      },
    },
  ]);
  expect(google.spreadsheet.sheet(SMOKE_SHEET)!.dump()[1]).toEqual([1, 'Hỏi rồi mở thanh bên', 'ok', expect.any(Number), 6, 'Thử']);
  // The sidebar got the service's own object, not the counting wrapper.
  expect(shownWith).toBe(made[0]);
  expect((shownWith as { title: string }).title).toBe('Thử');
  expect(SpreadsheetApp).toBe(google.globals.SpreadsheetApp); // put back after the run
});

it('needs every scope the manifest grants, for some call of the run', async () => {
  const { google } = await smokeRun();
  const calls = google.log.calls();
  const satisfied = (granted: readonly string[]) =>
    calls.every((call) => {
      const needed = requiredScopes(call)!;
      return needed.length === 0 || needed.some((s) => granted.includes(s));
    });
  expect(satisfied(MANIFEST_SCOPES)).toBe(true);
  const unneeded = MANIFEST_SCOPES.filter((scope) => satisfied(MANIFEST_SCOPES.filter((s) => s !== scope)));
  expect(unneeded).toEqual([]);
}, 120_000);

it('reads the test spreadsheet and script from the environment or a file outside the repository', () => {
  expect(smokeConfig({ THIDUA_SMOKE_SCRIPT_ID: 'abc', THIDUA_SMOKE_SPREADSHEET_ID: 'def' }, '/nonexistent')).toEqual({ scriptId: 'abc', spreadsheetId: 'def' });
  expect(() => smokeConfig({}, '/nonexistent')).toThrow(/THIDUA_SMOKE_SCRIPT_ID/);
});
