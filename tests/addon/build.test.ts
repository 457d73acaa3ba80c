/**
 * The built project as Apps Script gets it: `dist/Code.js` loaded into a bare `node:vm` context
 * with the fakes as globals; the sidebars as single pages.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import vm from 'node:vm';
import type { WorkbookInput } from '../../src/core';
import { evaluate, outputSheets, SHEET } from '../../src/core';
import { MENU, MENU_TITLE } from '../../src/addon/menu';
import { readWorkbookFile } from '../../src/cli/xlsx';
import type { BuildResult } from '../../scripts/buildAddon';
import { buildAddon, buildSidebars, exposedFunctions } from '../../scripts/buildAddon';
import { CODE_BUDGET_BYTES, checkBundle } from '../../scripts/check-bundle';
import { benchAddon } from '../../scripts/bench-addon';
import { loadWorkbook } from '../fakes';
import { runBundle } from '../fakes/vm';
import { asInSheets, written } from './workbooks';

const ROOT = resolve(__dirname, '../..');
let outDir: string;
let built: BuildResult;
let code: string;
let sample: WorkbookInput;

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'thidua-build-'));
  built = await buildAddon({ srcDir: join(ROOT, 'src'), outDir, manifest: join(ROOT, 'appsscript.json') });
  code = readFileSync(join(outDir, 'Code.js'), 'utf8');
  sample = (await readWorkbookFile(join(ROOT, 'samples', 'huu-lung-2022.xlsx'))).input;
}, 60_000);

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('dist/Code.js', () => {
  it('passes every post-build check: top-level functions, JSDoc, no foreign globals, size', () => {
    expect(checkBundle(code, built.exposed)).toEqual([]);
  });

  it('exposes every menu item, trigger and custom function under its own name', () => {
    const names = built.exposed.map((f) => f.name);
    for (const item of MENU) if (item !== 'separator') expect(names).toContain(item.functionName);
    expect(names).toEqual(expect.arrayContaining(['onOpen', 'onInstall', 'THIDUA_XEPHANG', 'THIDUA_DUDIEUKIEN', 'THIDUA_LYDO', 'THIDUA_CHITIEU']));
    expect(built.exposed.filter((f) => f.customFunction).map((f) => f.name).sort()).toEqual(
      ['THIDUA_BANG_XEP_HANG', 'THIDUA_CHITIEU', 'THIDUA_DANH_SACH_KHEN', 'THIDUA_DUDIEUKIEN', 'THIDUA_LYDO', 'THIDUA_XEPHANG'],
    );
    expect(code).toMatch(/@param \{\$E\$2:\$E\$20\} vung_diem Các điểm của cả khối\.\n \* @return[^\n]*\n \* @customfunction\n \*\/\nfunction THIDUA_XEPHANG\(diem, vung_diem\) \{/);
  });

  it('is within the size budget and the manifest is copied', () => {
    expect(Buffer.byteLength(code)).toBeLessThanOrEqual(CODE_BUDGET_BYTES);
    const manifest = JSON.parse(readFileSync(join(outDir, 'appsscript.json'), 'utf8'));
    expect(manifest).toMatchObject({ runtimeVersion: 'V8', timeZone: 'Asia/Ho_Chi_Minh' });
    expect(manifest.oauthScopes).not.toContain('https://www.googleapis.com/auth/drive');
    // Drive is reached through its advanced service (v3) on the add-on's own files (drive.file).
    expect(manifest.oauthScopes).toContain('https://www.googleapis.com/auth/drive.file');
    expect(manifest.dependencies.enabledAdvancedServices).toEqual([{ userSymbol: 'Drive', serviceId: 'drive', version: 'v3' }]);
  });

  it('builds the long-job dialog, and the script never calls DriveApp', () => {
    expect(built.files.map((f) => f.name)).toContain('CongViec.html');
    expect(readFileSync(join(outDir, 'CongViec.html'), 'utf8')).toContain('jobStep');
    expect(code).not.toMatch(/\bDriveApp\./);
  });
});

it('measures size, load time and a check from the built file, for the bench', async () => {
  const bench = await benchAddon(sample, join(ROOT, 'src'));
  expect(bench.bytes).toBe(Buffer.byteLength(code));
  expect(bench.loadMs).toBeGreaterThan(0);
  expect(bench.checkMs).toBeGreaterThan(0);
}, 60_000);

describe('the checks catch what esbuild or a careless edit would break', () => {
  const onOpen = { name: 'onOpen', params: ['e'], jsdoc: '', customFunction: false, target: 'Thidua.onOpen' };
  const custom = { name: 'THIDUA_X', params: ['a'], jsdoc: '', customFunction: true, target: 'Thidua.THIDUA_X' };
  it('a renamed or missing function', () => {
    expect(checkBundle('function onOpen2(e) {}', [onOpen])).toEqual([
      'Thiếu hàm cấp cao nhất «function onOpen(e)»',
      '«onOpen» bị đổi tên khi đóng gói',
    ]);
    expect(checkBundle('function onOpen(event) {}', [onOpen])).toHaveLength(1);
  });
  it('a custom function without its JSDoc', () => {
    expect(checkBundle('/** Tổng. */\nfunction THIDUA_X(a) {}', [custom])).toEqual(['Hàm tùy chỉnh «THIDUA_X» mất khối JSDoc @customfunction']);
    expect(checkBundle('/**\n * @customfunction\n */\nfunction THIDUA_X(a) {}', [custom])).toEqual([]);
  });
  it('Node and browser globals, modules', () => {
    const problems = checkBundle('import x from "y";\nvar a = process.env.A; fetch(a); setTimeout(a); var b = require("z"); window.x = 1;', []);
    expect(problems).toEqual([
      'Code.js có câu lệnh import/export: Apps Script không chạy được',
      'Code.js dùng «process», không có trong Apps Script',
      'Code.js dùng «window», không có trong Apps Script',
      'Code.js dùng «setTimeout», không có trong Apps Script',
      'Code.js dùng «fetch», không có trong Apps Script',
      'Code.js dùng «require», không có trong Apps Script',
    ]);
    // A local variable that happens to share a global's name is not the global.
    expect(checkBundle('function f(s) { const window = s.window; return window.ok; }', [])).toEqual([]);
  });
});

describe('Code.js in a bare context', () => {
  it.each(['NONE', 'LIMITED', 'FULL'])('onOpen under AuthMode.%s builds the «Thi đua» menu and nothing else', (mode) => {
    const script = runBundle(code);
    script.google.access.spreadsheet = mode !== 'NONE';
    script.google.log.reset();
    script.call('onOpen', { authMode: mode });
    const [menu] = script.google.ui.menus;
    expect(script.google.ui.menus).toHaveLength(1);
    expect(menu!.caption).toBe(MENU_TITLE);
    expect(menu!.added).toBe(true);
    expect(menu!.entries).toEqual(MENU);
    expect(Object.keys(script.google.log.snapshot()).every((call) => /^(SpreadsheetApp\.getUi|Ui\.createMenu|Menu\.)/.test(call))).toBe(true);
    for (const item of MENU) if (item !== 'separator') expect(typeof script.context[item.functionName]).toBe('function');
  });

  it('onInstall shows the menu at once', () => {
    const script = runBundle(code);
    script.google.access.spreadsheet = false;
    script.call('onInstall', { authMode: 'NONE' });
    expect(script.google.ui.menus[0]!.entries).toEqual(MENU);
  });

  it.each([
    ['rankUnits', SHEET.ranking, 0],
    ['checkNominations', SHEET.verdicts, 1],
    ['buildAwardList', SHEET.awardList, 2],
  ] as const)('%s on the sample district writes what the core decides', (action, sheet, index) => {
    const script = runBundle(code);
    loadWorkbook(script.google, sample);
    script.call(action);
    const expected = outputSheets(evaluate(asInSheets(sample, script.google)))[index]!;
    expect(expected.rows.length).toBeGreaterThan(3);
    expect(script.google.spreadsheet.sheet(sheet)!.dump()).toEqual(written(expected));
    expect(script.google.spreadsheet.toasts).toHaveLength(1);
    expect(script.google.lock.held).toBe(false);
  });

  it('initWorkbook creates the sheets of an empty file, protectUnitRows protects the sample, showHelp opens the guide', () => {
    const empty = runBundle(code);
    empty.call('initWorkbook');
    expect(empty.google.spreadsheet.sheets.map((s) => s.name)).toContain(SHEET.nominations);

    const script = runBundle(code, { htmlFiles: new Map([['CongViec', readFileSync(join(outDir, 'CongViec.html'), 'utf8')]]) });
    loadWorkbook(script.google, sample);
    script.call('protectUnitRows');
    expect(script.google.ui.dialogs.at(-1)!.title).toBe('Phân quyền đơn vị');
    // The dialog's calls: what to choose from, then the job to its end.
    expect(script.call('jobOpen')).toMatchObject({ ok: true, value: { kind: 'phanQuyen', underWay: null } });
    let answer = script.call('jobStart', { kind: 'phanQuyen', units: null }) as { ok: boolean; value: { finished: boolean } };
    while (answer.ok && !answer.value.finished) answer = script.call('jobStep', 'phanQuyen') as typeof answer;
    expect(answer.ok).toBe(true);
    expect(script.google.spreadsheet.protections.length).toBeGreaterThan(10);
    script.call('showHelp');
    expect(script.google.ui.dialogs.at(-1)!.html).toContain('Phân quyền đơn vị');
  });

  it('runs each custom function as Sheets calls it: a cell, a range, empty cells, bad values', () => {
    const script = runBundle(code);
    loadWorkbook(script.google, sample);
    const nominations = script.google.spreadsheet.sheet(SHEET.nominations)!.dump();
    const evaluation = evaluate(asInSheets(sample, script.google));
    const plain = (v: unknown) => JSON.parse(JSON.stringify(v));

    const block = evaluation.result.ranking.filter((r) => r.block === evaluation.result.ranking[0]!.block);
    const scores = [...block.map((r) => [r.score]), ['']];
    expect(script.call('THIDUA_XEPHANG', block[0]!.score, scores)).toBe(block[0]!.rank);
    expect(plain(script.call('THIDUA_XEPHANG', scores, scores))).toEqual([...block.map((r) => [r.rank]), ['']]);
    expect(() => script.call('THIDUA_XEPHANG', 'abc', scores)).toThrow('«abc» không phải là số');

    const verdict = evaluation.result.nominations.find((v) => !v.eligible && evaluation.workbook.units.some((u) => u.code === v.unit))!;
    const unit = evaluation.workbook.units.find((u) => u.code === verdict.unit)!;
    const rank = evaluation.result.ranking.find((r) => r.unit === unit.code)?.rank ?? '';
    const settings = script.google.spreadsheet.sheet(SHEET.settings)!.dump();
    const row = [nominations[verdict.row - 1]!];
    expect(script.call('THIDUA_DUDIEUKIEN', row, [nominations[0]!], rank, unit.block, settings)).toBe(false);
    expect(script.call('THIDUA_LYDO', row, [nominations[0]!], rank, unit.block, settings)).toContain(`không đạt ${verdict.failed.join(', ')}`);
    expect(script.call('THIDUA_DUDIEUKIEN', [row[0]!.map(() => '')], [nominations[0]!])).toBe('');
    expect(() => script.call('THIDUA_DUDIEUKIEN', row, 'x')).toThrow('hàng tiêu đề');

    const quota = evaluation.result.quota.find((q) => q.unit === unit.code)!;
    expect(script.call('THIDUA_CHITIEU', unit.code, nominations, rank, unit.block, settings)).toBe(quota.message);
    expect(script.call('THIDUA_CHITIEU', '', nominations)).toBe('');

    // The live tables: the menu's own sheets, spilled from one cell. Values as Sheets hands them
    // to a formula (dates of the script's realm), not the test's dump.
    const sheet = (name: string) => script.google.spreadsheet.sheet(name)!.getDataRange().getValues();
    // A formula gets no number formats: the menu's verdict on the same values (0.93 shown as 93% is 0,93 %).
    const unformatted = { ...sample, sheets: sample.sheets.map(({ numberFormats: _, ...s }) => s) };
    const [ranking, , awardList] = outputSheets(evaluate(asInSheets(unformatted, script.google))).map(written);
    expect(plain(script.call('THIDUA_BANG_XEP_HANG', sheet(SHEET.units), sheet(SHEET.criteria), sheet(SHEET.scores), settings))).toEqual(plain(ranking));
    expect(plain(script.call('THIDUA_DANH_SACH_KHEN', sheet(SHEET.units), sheet(SHEET.criteria), sheet(SHEET.scores), sheet(SHEET.nominations), sheet(SHEET.settings)))).toEqual(plain(awardList));
  });

  it('fits the size budget, and its readable build (for reading in the script editor) works the same', async () => {
    expect(Buffer.byteLength(code)).toBeLessThanOrEqual(CODE_BUDGET_BYTES);
    const dir = mkdtempSync(join(tmpdir(), 'thidua-fixture-readable-'));
    await buildAddon({ srcDir: join(ROOT, 'src'), outDir: dir, minify: false });
    const readable = readFileSync(join(dir, 'Code.js'), 'utf8');
    const script = runBundle(readable);
    loadWorkbook(script.google, sample);
    script.call('rankUnits');
    expect(script.google.spreadsheet.sheet(SHEET.ranking)!.dump()).toEqual(written(outputSheets(evaluate(asInSheets(sample, script.google)))[0]!));
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});

describe('sidebars and endpoints (a fixture project)', () => {
  let src: string;
  beforeAll(() => {
    src = mkdtempSync(join(tmpdir(), 'thidua-fixture-'));
    mkdirSync(join(src, 'addon'));
    writeFileSync(join(src, 'addon', 'entry.ts'), '/** Menu. */\nexport function onOpen(e: unknown): void {\n  void e;\n}\n');
    writeFileSync(
      join(src, 'addon', 'endpoints.ts'),
      [
        'export const endpoints = {',
        '  /** Units of a block. */',
        "  listUnits: (request: { block: string }) => ({ ok: true, value: ['X01 ' + request.block] }),",
        '  saveNomination(payload: unknown) {',
        '    return { ok: true, value: payload };',
        '  },',
        '};',
      ].join('\n'),
    );
    const page = join(src, 'sidebar', 'nhap-de-nghi');
    mkdirSync(page, { recursive: true });
    writeFileSync(
      join(page, 'index.html'),
      '<!DOCTYPE html><html><head><link rel="stylesheet" href="style.css"></head><body><p id="out"></p><script type="module" src="./main.ts"></script></body></html>',
    );
    writeFileSync(join(page, 'style.css'), 'p { color: #1a73e8; }');
    writeFileSync(join(page, 'link.ts'), 'export const link = (host: string) => `https://${host}/edit#gid=0`; // a comment\n');
    writeFileSync(join(page, 'main.ts'), "import { link } from './link';\nconst closing = '</script>';\n(globalThis as any).shown = link('docs.google.com') + closing;\n");
  });
  afterAll(() => rmSync(src, { recursive: true, force: true }));

  it('exposes each endpoint as a top-level function that calls it', async () => {
    expect(exposedFunctions(src).map((f) => [f.name, f.params])).toEqual([['onOpen', ['e']], ['listUnits', ['request']], ['saveNomination', ['payload']]]);
    const dir = mkdtempSync(join(tmpdir(), 'thidua-fixture-dist-'));
    const result = await buildAddon({ srcDir: src, outDir: dir });
    const fixtureCode = readFileSync(join(dir, 'Code.js'), 'utf8');
    expect(checkBundle(fixtureCode, result.exposed)).toEqual([]);
    const script = runBundle(fixtureCode);
    expect(JSON.parse(JSON.stringify(script.call('listUnits', { block: 'Xã' })))).toEqual({ ok: true, value: ['X01 Xã'] });
    expect(result.files.map((f) => f.name)).toEqual(['Code.js', 'NhapDeNghi.html']);
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses an endpoint that would clash with an entry point', () => {
    const clash = mkdtempSync(join(tmpdir(), 'thidua-clash-'));
    mkdirSync(join(clash, 'addon'));
    writeFileSync(join(clash, 'addon', 'entry.ts'), 'export function onOpen(e: unknown): void {\n  void e;\n}\n');
    writeFileSync(join(clash, 'addon', 'endpoints.ts'), 'export const endpoints = { onOpen: (x: unknown) => x };\n');
    expect(() => exposedFunctions(clash)).toThrow('Tên «onOpen» được xuất hai lần');
    rmSync(clash, { recursive: true, force: true });
  });

  it('builds each sidebar into one page: styles and script inlined, no `//` inside a template literal', async () => {
    const [page] = await buildSidebars(src);
    expect(page!.name).toBe('NhapDeNghi.html');
    const html = page!.html;
    expect(html).toContain('<style>\np { color: #1a73e8; }');
    expect(html).not.toMatch(/<link|src=/);
    const script = /<script>([\s\S]*)<\/script>/.exec(html)![1]!;
    expect(script).not.toContain('`');
    expect(script).not.toContain('</script');
    const context = vm.createContext({});
    vm.runInContext(script, context);
    expect(context.shown).toBe('https://docs.google.com/edit#gid=0</script>');
  });
});
