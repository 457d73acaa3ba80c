import { NOMINATION_COL as N, SHEET, UNIT_COL, defaultStandardsSheet, evaluate, findSheet, nominationToDraft, readWorkbook } from '../../src/core';
import type { NominationDraft, WorkbookInput } from '../../src/core';
import { createEndpoints } from '../../src/addon/endpoints';
import { appsScriptHost, writableRuns } from '../../src/addon/sidebarHost';
import { showNominationSidebar, showProgressSidebar } from '../../src/addon/sidebars';
import { buildAddon, buildSidebars } from '../../scripts/buildAddon';
import { readWorkbookFile } from '../../src/cli/xlsx';
import { SAMPLE_WORKBOOK } from '../../src/cli/main';
import { loadWorkbook } from '../fakes/workbook';
import { runBundle } from '../fakes/vm';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryHost } from '../../scripts/preview';
import { fakeGoogle } from '../fakes';
import { GOOD_COLLECTIVE, GOOD_INDIVIDUAL, UNITS, nomination, workbook } from '../helpers/workbook';

const OWNER = 'chu.tich@huulung.gov.vn';
const X04_USER = 'ubnd.yenbinh@example.gov.vn';

/** The test workbook: X04's e-mail is set; rows 2–3 are X04's, row 4 is CQ01's with an extra column. */
function input(): WorkbookInput {
  const base = workbook({
    units: UNITS.map((u) => (u[UNIT_COL.code] === 'X04' ? { ...u, [UNIT_COL.emails]: `Cán.Bộ@example.gov.vn, ${X04_USER.toUpperCase()}` } : u)),
    nominations: [GOOD_COLLECTIVE, GOOD_INDIVIDUAL, nomination(GOOD_INDIVIDUAL, { [N.unitCode]: 'CQ01', [N.name]: 'Lê Văn Bình' })],
  });
  const sheet = findSheet(base, SHEET.nominations)!;
  sheet.values = sheet.values.map((row, i) => [...row, i === 0 ? 'Ghi chú' : `ghi chú ${i + 1}`]);
  return base;
}

function setup(user = OWNER, owner = user === OWNER) {
  const host = new MemoryHost(input(), { email: user, owner });
  return { host, endpoints: createEndpoints(() => host) };
}

const nominationRows = (host: MemoryHost) => findSheet(host.input, SHEET.nominations)!.values;

/** X04's individual (row 3) as the form loads it. */
function draftOfRow(host: MemoryHost, row: number): NominationDraft {
  return nominationToDraft(readWorkbook(host.input).nominations.find((n) => n.row === row)!);
}

const newIndividual = (host: MemoryHost): NominationDraft => ({ ...draftOfRow(host, 3), row: null, name: 'Hoàng Thị Mận' });

describe('loadEntryForm', () => {
  it('gives the owner every unit, and the workbook with dates as dd/mm/yyyy text', () => {
    const { endpoints, host } = setup();
    findSheet(host.input, SHEET.nominations)!.values[1]![header(host, N.submittedOn)] = new Date(Date.UTC(2023, 0, 4));
    const result = endpoints.loadEntryForm();
    if (!result.ok) throw new Error(result.error);
    expect(result.value.units.map((u) => u.code)).toEqual(['X01', 'X02', 'X03', 'X04', 'CQ01', 'CQ02', 'DV01']);
    expect(result.value.isOwner).toBe(true);
    const json = JSON.parse(JSON.stringify(result.value.workbook));
    expect(json.sheets.find((s: { name: string }) => s.name === SHEET.nominations).values[1]).toContain('04/01/2023');
    // What the sidebar previews is what the server would decide.
    expect(evaluate(json).result).toEqual(evaluate(host.input).result);
  });

  it('carries the `Tiêu chuẩn` sheet, so the live verdict uses the workbook’s own rules', () => {
    const host = new MemoryHost({ ...input(), sheets: [...input().sheets, { name: SHEET.standards, values: defaultStandardsSheet() }] }, { email: OWNER, owner: true });
    const result = createEndpoints(() => host).loadEntryForm();
    if (!result.ok) throw new Error(result.error);
    expect(result.value.workbook.sheets.map((s) => s.name)).toContain(SHEET.standards);
  });

  it('gives a unit’s user only the units whose Email cell lists them, whatever the case', () => {
    const result = setup(X04_USER).endpoints.loadEntryForm();
    expect(result).toMatchObject({ ok: true, value: { units: [{ code: 'X04', name: 'UBND xã Yên Bình' }], isOwner: false } });
  });

  it('tells a user with no unit what to do', () => {
    const result = setup('nguoi.la@example.com').endpoints.loadEntryForm();
    expect(result).toEqual({ ok: false, error: expect.stringContaining('nguoi.la@example.com chưa được giao đơn vị nào') });
  });

  it('answers a missing sheet with the core’s Vietnamese message instead of throwing', () => {
    const host = new MemoryHost({ ...input(), sheets: input().sheets.filter((s) => s.name !== SHEET.units) }, { email: OWNER, owner: true });
    expect(createEndpoints(() => host).loadEntryForm()).toEqual({ ok: false, error: expect.stringContaining('Không tìm thấy trang «Đơn vị»') });
  });
});

describe('saveNomination', () => {
  it('appends exactly one row after the last, in one write, and selects it', () => {
    const { endpoints, host } = setup(X04_USER);
    const before = nominationRows(host).length;
    const draft = { ...newIndividual(host), submittedOn: { year: 2023, month: 1, day: 5 }, satisfactionPercent: 95.5 };
    const result = endpoints.saveNomination({ draft, loaded: null });
    expect(result).toMatchObject({ ok: true, value: { row: before + 1, action: 'appended' } });
    expect(host.writes).toHaveLength(1);
    expect(nominationRows(host)).toHaveLength(before + 1);
    const saved = readWorkbook(host.input).nominations.at(-1)!;
    expect(saved).toMatchObject({ row: before + 1, unitCode: 'X04', name: 'Hoàng Thị Mận', submittedOn: { year: 2023, month: 1, day: 5 }, satisfactionPercent: 95.5 });
    expect(nominationRows(host)[before]![header(host, N.submittedOn)]).toEqual(new Date(Date.UTC(2023, 0, 5)));
    expect(host.selection).toEqual({ sheet: SHEET.nominations, rows: [before + 1] });
    // The answer carries the form as it now stands, so the next preview counts the new row.
    if (result.ok) expect(readWorkbook(result.value.form.workbook).nominations).toHaveLength(4);
  });

  it('updates the row being edited in one write, keeping the columns the form does not know', () => {
    const { endpoints, host } = setup(X04_USER);
    const before = nominationRows(host).map((r) => [...r]);
    const result = endpoints.saveNomination({ draft: { ...draftOfRow(host, 3), ratingNow: 'HTNV', name: '=HYPERLINK("http://x")' }, loaded: draftOfRow(host, 3) });
    expect(result).toMatchObject({ ok: true, value: { row: 3, action: 'updated' } });
    expect(host.writes).toHaveLength(1);
    const after = nominationRows(host);
    expect(after).toHaveLength(before.length);
    expect(after[2]![header(host, N.ratingNow)]).toBe('Hoàn thành nhiệm vụ');
    expect(after[2]![header(host, N.name)]).toBe('=HYPERLINK("http://x")');
    expect(after[2]!.at(-1)).toBe('ghi chú 3');
    expect(host.writes[0]!.cells.at(-1)).toEqual({ keep: true });
    expect(after.filter((_, i) => i !== 2)).toEqual(before.filter((_, i) => i !== 2));
  });

  it('writes percents as fractions into cells formatted as percent', () => {
    const { endpoints, host } = setup();
    const sheet = findSheet(host.input, SHEET.nominations)!;
    sheet.numberFormats = sheet.values.map((row) => row.map(() => ''));
    sheet.numberFormats[1]![header(host, N.satisfactionPercent)] = '0%';
    const draft = { ...draftOfRow(host, 2), satisfactionPercent: 97 };
    expect(endpoints.saveNomination({ draft, loaded: draftOfRow(host, 2) })).toMatchObject({ ok: true });
    expect(sheet.values[1]![header(host, N.satisfactionPercent)]).toBe(0.97);
    expect(readWorkbook(host.input).nominations[0]!.satisfactionPercent).toBe(97);
  });

  it('refuses a unit the user may not edit, and a row of such a unit, writing nothing', () => {
    const { endpoints, host } = setup(X04_USER);
    const other = endpoints.saveNomination({ draft: { ...newIndividual(host), unitCode: 'CQ01' }, loaded: null });
    expect(other).toEqual({ ok: false, error: expect.stringContaining(`${X04_USER} không được nhập đề nghị cho «Phòng Nội vụ» (CQ01)`) });
    const moved = endpoints.saveNomination({ draft: { ...draftOfRow(host, 4), unitCode: 'X04' }, loaded: draftOfRow(host, 4) });
    expect(moved).toEqual({ ok: false, error: expect.stringContaining('(CQ01)') });
    expect(host.writes).toHaveLength(0);
  });

  it('refuses a row that no longer holds a nomination', () => {
    const { endpoints, host } = setup();
    expect(endpoints.saveNomination({ draft: { ...newIndividual(host), row: 40 }, loaded: newIndividual(host) })).toEqual({ ok: false, error: expect.stringContaining('Hàng 40 của trang «Đề nghị» không còn đề nghị nào') });
    expect(host.writes).toHaveLength(0);
  });

  it.each([
    ['not an object', 'Nguyễn Văn A', 'Sai kiểu dữ liệu: cần một bản ghi.'],
    ['an empty name', { name: '   ' }, '«Tên tập thể / Họ và tên»: Hãy nhập tên tập thể hoặc họ và tên.'],
    ['a percent above 100', { onTimePercent: 120 }, '«Hồ sơ TTHC đúng và trước hạn (%)»: Tỷ lệ phải từ 0 đến 100%.'],
    ['an unknown kind', { kind: 'Nhóm' }, '«Hình thức»: Hãy chọn hình thức: Tập thể hoặc Cá nhân.'],
    ['a missing field', { directCchc: undefined }, '«Trực tiếp làm CCHC»: Thiếu giá trị.'],
    ['a date as text', { submittedOn: '05/01/2023' }, '«Ngày nộp hồ sơ»: Sai kiểu dữ liệu: cần một bản ghi.'],
  ])('rejects %s with a Vietnamese message naming the field', (_, change, message) => {
    const { endpoints, host } = setup();
    const request = typeof change === 'string' ? change : { draft: { ...newIndividual(host), ...change }, loaded: null };
    const result = endpoints.saveNomination(request);
    expect(result).toEqual({ ok: false, error: expect.stringContaining(message) });
    expect(host.writes).toHaveLength(0);
  });

  it('refuses to save over a row that changed since the form loaded it (a sort moved another nomination there)', () => {
    const { endpoints, host } = setup();
    const loaded = draftOfRow(host, 3);
    const rows = nominationRows(host);
    [rows[2], rows[3]] = [rows[3]!, rows[2]!]; // someone sorts the sheet: CQ01's nomination is now row 3
    const before = rows.map((r) => [...r]);
    const result = endpoints.saveNomination({ draft: { ...loaded, summary: 'Sửa' }, loaded });
    expect(result).toEqual({ ok: false, error: expect.stringContaining('Hàng 3 của trang «Đề nghị» đã thay đổi từ lúc bạn mở biểu mẫu') });
    expect(host.writes).toHaveLength(0);
    expect(nominationRows(host)).toEqual(before);
    // An update must say what it loaded.
    expect(endpoints.saveNomination({ draft: draftOfRow(host, 3), loaded: null })).toMatchObject({ ok: false, error: expect.stringContaining('đã thay đổi') });
  });

  it('tells the user to try again when someone else holds the lock', () => {
    const { endpoints, host } = setup();
    host.busy = true;
    expect(endpoints.saveNomination({ draft: newIndividual(host), loaded: null })).toEqual({ ok: false, error: expect.stringContaining('Một người khác đang ghi') });
    expect(host.writes).toHaveLength(0);
  });
});

describe('loadProgress', () => {
  it('reports every unit from the same evaluation, JSON-safe', () => {
    const result = setup().endpoints.loadProgress();
    if (!result.ok) throw new Error(result.error);
    expect(JSON.parse(JSON.stringify(result.value))).toEqual(result.value);
    expect(result.value.totals).toMatchObject({ units: 7, nominations: 3, nominatingUnits: 2 });
    expect(result.value.units.find((u) => u.code === 'X04')).toMatchObject({ nominations: { total: 2 } });
  });

  it('shows the document statuses of a Hồ sơ sheet', () => {
    const { endpoints, host } = setup();
    host.input.sheets.push({ name: 'Hồ sơ', values: [['Mã đơn vị', 'Trạng thái'], ['X04', 'Đã tạo']] });
    const result = endpoints.loadProgress();
    expect(result).toMatchObject({ ok: true, value: { hasDocuments: true } });
    if (result.ok) expect(result.value.units.find((u) => u.code === 'X04')!.documents).toEqual([{ status: 'Đã tạo', count: 1 }]);
  });
});

describe('loadProgress and the intake', () => {
  it('shows each nominating unit’s intake state, keeping an officer’s return', () => {
    const { endpoints, host } = setup();
    host.input.sheets.push({ name: SHEET.intake, values: [['Mã đơn vị', 'Trạng thái', 'Lý do trả lại'], ['X04', 'Trả lại', 'Thiếu chữ ký']] });
    const result = endpoints.loadProgress();
    if (!result.ok) throw new Error(result.error);
    expect(result.value.units.find((u) => u.code === 'X04')!.intake).toEqual({ unit: 'X04', status: 'Trả lại', reason: 'Thiếu chữ ký' });
    expect(result.value.units.find((u) => u.code === 'X02')!.intake).toBeUndefined();
  });
});

describe('selectUnitRows', () => {
  it('selects the unit’s rows in the chosen sheet', () => {
    const { endpoints, host } = setup();
    expect(endpoints.selectUnitRows({ unitCode: 'x04', sheet: 'nominations' })).toEqual({ ok: true, value: 2 });
    expect(host.selection).toEqual({ sheet: SHEET.nominations, rows: [2, 3] });
    expect(endpoints.selectUnitRows({ unitCode: 'X01', sheet: 'scores' })).toEqual({ ok: true, value: 2 });
  });

  it('refuses a bad request and a unit with no rows, in Vietnamese', () => {
    const { endpoints, host } = setup();
    expect(endpoints.selectUnitRows({ unitCode: 'X04', sheet: 'Trang tính 1' })).toEqual({ ok: false, error: expect.stringContaining('Trang không hợp lệ.') });
    expect(endpoints.selectUnitRows(undefined)).toEqual({ ok: false, error: expect.stringContaining('Thiếu giá trị.') });
    expect(endpoints.selectUnitRows({ unitCode: 'X03', sheet: 'nominations' })).toEqual({ ok: false, error: 'Đơn vị X03 chưa có hàng nào ở trang «Đề nghị».' });
    expect(host.selection).toBeNull();
  });
});

function header(host: MemoryHost, name: string): number {
  return findSheet(host.input, SHEET.nominations)!.values[0]!.indexOf(name);
}

describe('writableRuns', () => {
  it('writes each run of the form’s columns once, around the columns it keeps', () => {
    const runs = writableRuns([{ value: 'X04' }, { keep: true }, { value: 'Tập thể' }, { percent: 95 }, { keep: true }]);
    expect(runs).toEqual([{ start: 0, cells: [{ value: 'X04' }] }, { start: 2, cells: [{ value: 'Tập thể' }, { percent: 95 }] }]);
  });
});

describe('the Apps Script host (fake Sheets)', () => {
  function sheets(user: string) {
    const google = fakeGoogle({ user, owner: OWNER });
    google.install();
    for (const sheet of input().sheets) {
      const added = google.spreadsheet.addSheet(sheet.name, sheet.values as never);
      if (sheet.name === SHEET.nominations) {
        // Row 2 keeps a formula in the extra column, and formats its satisfaction rate as percent.
        added.cell(2, sheet.values[0]!.length).formula = '=LEN(C2)';
        added.cell(2, sheet.values[0]!.indexOf(N.satisfactionPercent) + 1).format = '0%';
        added.cell(2, sheet.values[0]!.indexOf(N.satisfactionPercent) + 1).value = 0.95;
      }
    }
    return { google, endpoints: createEndpoints(appsScriptHost) };
  }

  it('updates a row in one setValues: literal text, a date at midnight there, percent as fraction, formula kept', () => {
    const { google, endpoints } = sheets(X04_USER);
    const loaded = endpoints.loadEntryForm();
    if (!loaded.ok) throw new Error(loaded.error);
    const row2 = readWorkbook(loaded.value.workbook).nominations[0]!;
    expect(row2.satisfactionPercent).toBe(95);
    google.log.reset();
    const result = endpoints.saveNomination({
      draft: { ...nominationToDraft(row2), name: '=1+1', position: '0123', satisfactionPercent: 97, submittedOn: { year: 2023, month: 1, day: 5 } },
      loaded: nominationToDraft(row2),
    });
    if (!result.ok) throw new Error(result.error);
    expect(result.value).toMatchObject({ row: 2, action: 'updated' });
    expect(google.log.count('Range.setValues')).toBe(1);
    const sheet = google.spreadsheet.sheet(SHEET.nominations)!;
    const at = (header: string) => sheet.peek(2, (sheet.dump()[0] as string[]).indexOf(header) + 1)!;
    expect(at(N.name)).toMatchObject({ value: '=1+1', formula: '' });
    expect(at(N.position).value).toBe('0123');
    expect(at(N.satisfactionPercent).value).toBe(0.97);
    expect(at(N.submittedOn).value).toEqual(new Date(Date.UTC(2023, 0, 4, 17)));
    expect(at('Ghi chú').formula).toBe('=LEN(C2)');
    expect(google.spreadsheet.selections.at(-1)).toEqual([SHEET.nominations, '2:2']);
    expect(readWorkbook(result.value.form.workbook).nominations[0]).toMatchObject({
      name: '=1+1', satisfactionPercent: 97, submittedOn: { year: 2023, month: 1, day: 5 },
    });
  });

  it('writes only the contract’s columns: an array formula spilling down an extra column survives', () => {
    const { google, endpoints } = sheets(OWNER);
    const sheet = google.spreadsheet.sheet(SHEET.nominations)!;
    const column = sheet.getLastColumn() + 1;
    sheet.cell(1, column).value = 'Đủ điều kiện';
    sheet.arrayFormula(2, column, '=THIDUA_DUDIEUKIEN(A2:V4)', [true, true, false]);
    const loaded = nominationToDraft(readWorkbook(input()).nominations[1]!);
    google.log.reset();
    expect(endpoints.saveNomination({ draft: { ...loaded, summary: 'Sửa tóm tắt' }, loaded })).toMatchObject({ ok: true, value: { row: 3 } });
    expect(google.log.count('Range.setValues')).toBe(1);
    expect(sheet.peek(2, column)).toMatchObject({ formula: '=THIDUA_DUDIEUKIEN(A2:V4)', value: true });
    expect(sheet.peek(3, column)!.value).toBe(true);
    expect(sheet.peek(3, column - 1)!.value).toBe('ghi chú 3');
  });

  it('adds a row before appending to a sheet with none to spare', () => {
    const { google, endpoints } = sheets(OWNER);
    const sheet = google.spreadsheet.sheet(SHEET.nominations)!;
    sheet.maxRows = sheet.getLastRow();
    const draft = { ...nominationToDraft(readWorkbook(input()).nominations[1]!), row: null, name: 'Hoàng Thị Mận' };
    expect(endpoints.saveNomination({ draft, loaded: null })).toMatchObject({ ok: true, value: { row: 5, action: 'appended' } });
    expect(sheet.getMaxRows()).toBe(5);
    expect(sheet.dump()[4]![(sheet.dump()[0] as string[]).indexOf(N.name)]).toBe('Hoàng Thị Mận');
  });

  it('keeps text as typed in a column formatted as plain text', () => {
    const { google, endpoints } = sheets(OWNER);
    const sheet = google.spreadsheet.sheet(SHEET.nominations)!;
    const position = (sheet.dump()[0] as string[]).indexOf(N.position) + 1;
    sheet.cell(3, position).format = '@';
    const loaded = nominationToDraft(readWorkbook(input()).nominations[1]!);
    expect(endpoints.saveNomination({ draft: { ...loaded, position: '0312e45' }, loaded })).toMatchObject({ ok: true });
    expect(sheet.peek(3, position)!.value).toBe('0312e45');
  });

  it('gives no owner’s rights when Google withholds the user’s address (consumer account)', () => {
    const google = fakeGoogle({ user: OWNER, owner: OWNER, activeUser: '' });
    google.install();
    loadWorkbook(google, input());
    const endpoints = createEndpoints(appsScriptHost);
    expect(endpoints.loadEntryForm()).toEqual({ ok: false, error: expect.stringContaining('Google không cho biết địa chỉ email của bạn') });
    const draft = { ...nominationToDraft(readWorkbook(input()).nominations[0]!), row: null };
    expect(endpoints.saveNomination({ draft, loaded: null })).toMatchObject({ ok: false, error: expect.stringContaining('(không rõ email)') });
    expect(google.log.count('Range.setValues')).toBe(0);
  });

  it('gives nobody the owner’s rights in a shared drive (no owner), and says why', () => {
    const google = fakeGoogle({ user: OWNER, owner: OWNER, sharedDrive: true });
    google.install();
    loadWorkbook(google, input());
    const endpoints = createEndpoints(appsScriptHost);
    expect(endpoints.loadEntryForm()).toEqual({ ok: false, error: expect.stringContaining('bộ nhớ dùng chung (shared drive) nên không có chủ sở hữu') });
    const draft = { ...nominationToDraft(readWorkbook(input()).nominations[0]!), row: null };
    expect(endpoints.saveNomination({ draft, loaded: null })).toMatchObject({ ok: false });
    expect(google.log.count('Range.setValues')).toBe(0);
  });

  it('knows the owner, and refuses a unit user another unit', () => {
    expect(sheets(OWNER).endpoints.loadEntryForm()).toMatchObject({ ok: true, value: { isOwner: true } });
    const { google, endpoints } = sheets(X04_USER);
    const loaded = nominationToDraft(readWorkbook(input()).nominations[2]!);
    expect(endpoints.saveNomination({ draft: { ...loaded, name: 'Lê Văn Bình (sửa)' }, loaded })).toMatchObject({ ok: false });
    expect(google.log.count('Range.setValues')).toBe(0);
  });

  it('says the lock is busy in the sidebar, with no dialog over it, instead of writing', () => {
    const { google, endpoints } = sheets(OWNER);
    google.lock.heldElsewhere = true;
    const draft = { ...nominationToDraft(readWorkbook(input()).nominations[0]!), row: null };
    expect(endpoints.saveNomination({ draft, loaded: null })).toEqual({ ok: false, error: expect.stringContaining('Một người khác đang ghi') });
    expect(google.log.count('Range.setValues')).toBe(0);
    expect(google.ui.alerts).toEqual([]);
  });
});

describe('opening the sidebars', () => {
  it('shows each built page in a 300 px sidebar with a Vietnamese title', async () => {
    const built = await buildSidebars('src');
    const htmlFiles = new Map(built.map((p) => [p.name.replace(/\.html$/, ''), p.html]));
    expect([...htmlFiles.keys()].sort()).toEqual(['CongViec', 'NhacViec', 'NhapDeNghi', 'TienDo']);
    const google = fakeGoogle({ htmlFiles });
    google.install();
    showNominationSidebar();
    showProgressSidebar();
    expect(google.ui.sidebars.map((s) => s.title)).toEqual(['Nhập đề nghị khen thưởng', 'Tiến độ phong trào']);
    expect(google.ui.sidebars[0]!.html).toBe(htmlFiles.get('NhapDeNghi'));
    // Self-contained: no script or style is fetched from elsewhere.
    for (const { html } of google.ui.sidebars) expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+stylesheet/i);
  });
});

describe('the endpoints in the built Code.js (bare node:vm)', () => {
  it('are top-level functions that load, save, report and select over the sample district', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'thidua-endpoints-'));
    await buildAddon({ srcDir: 'src', outDir: dir });
    const code = readFileSync(join(dir, 'Code.js'), 'utf8');
    rmSync(dir, { recursive: true, force: true });
    const script = runBundle(code, { user: 'vanphong.caikinh@example.gov.vn', owner: OWNER });
    loadWorkbook(script.google, (await readWorkbookFile(SAMPLE_WORKBOOK)).input);
    // google.script.run carries JSON both ways.
    const run = (name: string, arg?: unknown) => JSON.parse(JSON.stringify(script.call(name, ...(arg === undefined ? [] : [JSON.parse(JSON.stringify(arg))]))));

    const form = run('loadEntryForm');
    expect(form).toMatchObject({ ok: true, value: { units: [{ code: 'X02', name: 'UBND xã Cai Kinh' }], isOwner: false } });
    const own = readWorkbook(form.value.workbook).nominations.filter((n) => n.unitCode === 'X02');
    expect(own.map((n) => n.row)).toEqual([4, 5]);
    const saved = run('saveNomination', { draft: { ...nominationToDraft(own[1]!), summary: 'Cập nhật từ thanh bên' }, loaded: nominationToDraft(own[1]!) });
    expect(saved).toMatchObject({ ok: true, value: { row: 5, action: 'updated' } });
    expect(readWorkbook(saved.value.form.workbook).nominations.find((n) => n.row === 5)).toMatchObject({ name: own[1]!.name, summary: 'Cập nhật từ thanh bên', submittedOn: own[1]!.submittedOn });
    expect(run('saveNomination', { draft: { ...nominationToDraft(own[1]!), row: null, unitCode: 'X07' }, loaded: null })).toMatchObject({ ok: false, error: expect.stringContaining('(X07)') });

    const progress = run('loadProgress');
    expect(progress).toMatchObject({ ok: true, value: { totals: { units: 40 } } });
    expect(run('selectUnitRows', { unitCode: 'X02', sheet: 'scores' })).toEqual({ ok: true, value: 8 });
  }, 60_000);
});
