import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AUDIT_COL, SHEET, nominationToDraft, readWorkbook } from '../../src/core';
import { rankUnits } from '../../src/addon/actions';
import { initWorkbook } from '../../src/addon/setup';
import { SheetIndex, readInputSheets } from '../../src/addon/sheetIO';
import { buildAddon } from '../../scripts/buildAddon';
import { runBundle } from '../fakes/vm';
import { NO_OLD_VALUE, UNKNOWN_USER, latestChanges } from '../../src/core/auditLog';
import { EDIT_HANDLER, installAuditLog, logActions, recordEdit } from '../../src/addon/auditLog';
import { createEndpoints } from '../../src/addon/endpoints';
import { appsScriptHost } from '../../src/addon/sidebarHost';
import { fakeGoogle, type FakeGoogle } from '../fakes';
import { personEdits } from '../fakes/editEvent';
import { GOOD_COLLECTIVE, workbook } from '../helpers/workbook';
import { loadWorkbook, scaledInput } from './workbooks';

const OWNER = 'chu.tich@huulung.gov.vn';
const CLERK = 'van.thu@huulung.gov.vn';
const handlers = { [EDIT_HANDLER]: (e: unknown) => recordEdit(e as GoogleAppsScript.Events.SheetsOnEdit) };

let google: FakeGoogle;
beforeEach(() => {
  google = fakeGoogle();
  google.install();
  loadWorkbook(google, workbook());
});

const log = () => google.spreadsheet.sheet(SHEET.auditLog)!.dump();
const column = (header: string) => Object.values(AUDIT_COL).indexOf(header as never);
const edit = (at: string, values: (string | number)[][], user?: string) =>
  personEdits(google, { sheet: SHEET.scores, at, values, ...(user !== undefined ? { user } : {}) }, handlers);

describe('Bật nhật ký (owner only)', () => {
  it('creates a protected Nhật ký and one on-edit trigger that runs as the owner; a second run adds nothing', () => {
    installAuditLog();
    installAuditLog();
    expect(log()[0]).toEqual(Object.values(AUDIT_COL));
    const edits = google.triggers.list.filter((t) => t.kind === 'edit');
    expect(edits).toHaveLength(1);
    expect(edits[0]).toMatchObject({ handler: EDIT_HANDLER, owner: OWNER });
    const protection = google.spreadsheet.protections.find((p) => p.type === 'SHEET')!;
    expect(protection.editors).toEqual([OWNER]);
    expect(protection.range.sheet.name).toBe(SHEET.auditLog);
  });

  it.each([
    ['another editor', () => google.actAs(CLERK)],
    ['a file without owner (shared drive)', () => (google.spreadsheet.getOwner = () => null as never)],
    ['an owner Google does not name', () => (google.ctx.owner = google.spreadsheet.editors[0] = '')],
    ['a user Google does not name', () => google.actAs('')],
  ])('refuses %s, and installs nothing', (_, arrange) => {
    arrange();
    installAuditLog();
    expect(google.ui.alerts[0]!.prompt).toContain('Chỉ chủ sở hữu');
    expect(google.triggers.list).toHaveLength(0);
    expect(google.spreadsheet.sheet(SHEET.auditLog)).toBeUndefined();
  });
});

describe('the on-edit trigger', () => {
  beforeEach(() => installAuditLog());

  it('logs a one-cell edit with time, account, sheet, cell, unit, old and new value', () => {
    edit('D2', [[50]], CLERK);
    const row = log()[1]!;
    expect(row[0]).toBeInstanceOf(Date);
    expect(row.slice(1)).toEqual([CLERK, SHEET.scores, 'D2', 'X01', '55', '50', 'Sửa trực tiếp']);
  });

  it('says Google gave no old value for a range, lists the new values by cell, and names every unit', () => {
    edit('C2', [[1, 2], [3, 4], [5, 6]]);
    const row = log()[1]!;
    expect(row[column(AUDIT_COL.user)]).toBe(UNKNOWN_USER);
    expect(row[column(AUDIT_COL.range)]).toBe('C2:D4');
    expect(row[column(AUDIT_COL.oldValue)]).toBe(NO_OLD_VALUE);
    expect(row[column(AUDIT_COL.newValue)]).toBe('C2: 1; D2: 2; C3: 3; D3: 4; C4: 5; D4: 6');
    expect(row[column(AUDIT_COL.unit)]).toBe('X01, X02');
  });

  it('writes an empty old cell as «(trống)» and a typed formula as text, never as a formula', () => {
    edit('F2', [['=1+1']]);
    const row = log()[1]!;
    expect(row[column(AUDIT_COL.oldValue)]).toBe('(trống)');
    expect(row[column(AUDIT_COL.newValue)]).toBe('=1+1');
    expect(google.spreadsheet.sheet(SHEET.auditLog)!.peek(2, column(AUDIT_COL.newValue) + 1)!.formula).toBe('');
  });

  it('logs an edit of the log itself, and ignores sheets that are not input sheets', () => {
    google.spreadsheet.addSheet('Ghi chép riêng', [['x']]);
    personEdits(google, { sheet: 'Ghi chép riêng', at: 'A1', values: [['y']] }, handlers);
    expect(log()).toHaveLength(1);
    personEdits(google, { sheet: SHEET.auditLog, at: 'B1', values: [['sửa']], user: OWNER }, handlers);
    expect(log()[1]!.slice(1, 4)).toEqual([OWNER, SHEET.auditLog, 'B1']);
  });

  it('appends each event in one write under the document lock', () => {
    google.log.reset();
    edit('D2', [[50]]);
    expect(google.log.count('Range.setValues')).toBe(1);
    expect(google.log.count('Lock.tryLock')).toBe(1);
    expect(google.log.count('Lock.releaseLock')).toBe(1);
    expect(google.lock.held).toBe(false);
  });

  it('never loses an edit while another execution holds the lock, and never logs one twice', () => {
    google.lock.heldElsewhere = true;
    edit('D2', [[50]]);
    edit('D3', [[30]]);
    expect(log()).toHaveLength(1); // both wait
    google.lock.heldElsewhere = false;
    edit('D4', [[49]]);
    expect(log().slice(1).map((r) => r[column(AUDIT_COL.range)])).toEqual(['D2', 'D3', 'D4']);
    edit('D5', [[48]]);
    expect(log().slice(1).map((r) => r[column(AUDIT_COL.range)])).toEqual(['D2', 'D3', 'D4', 'D5']);
    expect(google.documentProperties.data.size).toBe(0);
  });

  it('costs the same few service calls per edit whatever the size of the sheets and of the log', () => {
    const calls = (rows: number) => {
      google = fakeGoogle();
      google.install();
      loadWorkbook(google, scaledInput(rows));
      installAuditLog();
      for (let i = 0; i < rows / 50; i++) edit(`D${i + 2}`, [[5]]);
      google.log.reset();
      edit('C3:D4', [[1, 2], [3, 4]]);
      return google.log.snapshot();
    };
    const small = calls(10);
    expect(calls(5000)).toEqual(small);
    expect(google.log.count('Range.getValues')).toBe(3); // the edit, the header rows, the unit codes
    expect(google.log.total()).toBeLessThanOrEqual(30);
  });

  it('grows the sheet when the log reaches its last row', () => {
    const sheet = google.spreadsheet.sheet(SHEET.auditLog)!;
    sheet.maxRows = 2;
    edit('D2', [[50]]);
    edit('D3', [[30]]);
    expect(log()).toHaveLength(3);
  });
});

describe('logActions: the add-on logs its own changes', () => {
  it('writes nothing while the log is off', () => {
    logActions([{ action: 'Xếp hạng', sheet: SHEET.ranking, newValue: '6 đơn vị' }]);
    expect(google.spreadsheet.sheet(SHEET.auditLog)).toBeUndefined();
  });

  it('appends the owner’s actions at once, named by the action', () => {
    installAuditLog();
    logActions([{ action: 'Xếp hạng', sheet: SHEET.ranking, range: 'A1:H7', newValue: '6 đơn vị' }]);
    expect(log()[1]!.slice(1)).toEqual([OWNER, SHEET.ranking, 'A1:H7', '', '', '6 đơn vị', 'Xếp hạng']);
  });

  it('inside an action that holds the lock, appends without taking or releasing it', () => {
    installAuditLog();
    google.lock.tryLock(1);
    google.log.reset();
    logActions([{ action: 'Xếp hạng', sheet: SHEET.ranking, newValue: '6 đơn vị' }]);
    expect(google.log.count('Lock.tryLock')).toBe(0);
    expect(google.lock.held).toBe(true);
    expect(log()).toHaveLength(2);
  });

  it('keeps a unit user’s action waiting (the log is the owner’s), and the owner’s next trigger run writes it once', () => {
    installAuditLog();
    google.actAs(CLERK);
    logActions([{ action: 'Lưu đề nghị (thanh bên)', sheet: SHEET.nominations, range: 'A5:T5', unit: 'X04', newValue: 'Nguyễn Văn A' }]);
    expect(log()).toHaveLength(1);
    google.actAs(OWNER);
    edit('D2', [[50]], CLERK);
    const rows = log().slice(1);
    expect(rows.map((r) => r[column(AUDIT_COL.action)])).toEqual(['Lưu đề nghị (thanh bên)', 'Sửa trực tiếp']);
    expect(rows[0]![column(AUDIT_COL.user)]).toBe(CLERK);
    expect(rows[0]![column(AUDIT_COL.unit)]).toBe('X04');
  });

  it('never fails the action it logs: a full waiting store loses the row, not the change', () => {
    installAuditLog();
    google.actAs(CLERK);
    google.documentProperties.setProperty = () => {
      throw new Error('You have exceeded the property storage quota.');
    };
    expect(() => logActions([{ action: 'Lưu', sheet: SHEET.nominations, unit: 'X04', newValue: 'x' }])).not.toThrow();
  });

  it('a protected Nhật ký refuses a unit user’s direct write (the fake enforces it as Sheets does)', () => {
    installAuditLog();
    google.actAs(CLERK);
    const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(SHEET.auditLog)!;
    expect(() => sheet.getRange(2, 1).setValues([['x']])).toThrow('protected');
  });
});


describe('Tiến độ: a unit’s latest changes', () => {
  const endpoints = createEndpoints(appsScriptHost);
  const changes = (unit: string) => {
    const result = endpoints.loadAuditLog();
    if (!result.ok) throw new Error(result.error);
    // What the page does with it, after the trip through JSON.
    const log = JSON.parse(JSON.stringify(result.value)) as typeof result.value;
    return latestChanges(log, unit, 10, log.timeZone);
  };

  it('gives the unit’s rows of Nhật ký, newest first, with the time in the spreadsheet’s zone', () => {
    installAuditLog();
    edit('D2', [[50]], CLERK); // X01
    edit('D4', [[30]], CLERK); // X02
    edit('C3', [[20]]); // X01
    const x01 = changes('x01');
    expect(x01.map((c) => [c.range, c.oldValue, c.newValue, c.user])).toEqual([
      ['C3', '35', '20', UNKNOWN_USER],
      ['D2', '55', '50', CLERK],
    ]);
    const shown = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'short', timeStyle: 'short' }).format(new Date()).replace(',', '');
    expect(x01[0]!.at).toBe(shown);
  });

  it('reads only the last 1,000 rows of a long log, in one read', () => {
    installAuditLog();
    const sheet = google.spreadsheet.sheet(SHEET.auditLog)!;
    sheet.fill(Array.from({ length: 1500 }, (_, i) => [i === 0 ? 'Thời điểm' : new Date(Date.UTC(2023, 0, 1, 0, i)), 'a@b.vn', SHEET.scores, `D${i}`, 'X01', '1', '2', 'Sửa trực tiếp']));
    google.log.reset();
    const result = endpoints.loadAuditLog();
    if (!result.ok) throw new Error(result.error);
    expect(result.value.values).toHaveLength(1001);
    expect(result.value.values[1]![3]).toBe('D500');
    expect(google.log.count('Range.getValues')).toBe(1);
  });

  it('gives nothing while the log is off', () => {
    expect(changes('X01')).toEqual([]);
  });
});

describe('in the built Code.js (bare node:vm)', () => {
  it('the menu turns the log on, and the trigger, run by name as its creator, logs a person’s edit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'thidua-audit-'));
    await buildAddon({ srcDir: 'src', outDir: dir });
    const code = readFileSync(join(dir, 'Code.js'), 'utf8');
    rmSync(dir, { recursive: true, force: true });
    const script = runBundle(code, { owner: OWNER });
    loadWorkbook(script.google, workbook());
    script.call('installAuditLog');
    const [trigger] = script.google.triggers.list;
    expect(trigger).toMatchObject({ kind: 'edit', handler: 'recordEdit', owner: OWNER });
    script.google.actAs(CLERK); // whoever edits, the trigger runs as the owner
    personEdits(script.google, { sheet: SHEET.scores, at: 'D3', values: [[33]], user: CLERK }, { recordEdit: (e) => script.call('recordEdit', e) });
    expect(script.google.spreadsheet.sheet(SHEET.auditLog)!.dump()[1]!.slice(1)).toEqual([CLERK, SHEET.scores, 'D3', 'X01', '35', '33', 'Sửa trực tiếp']);
  }, 60_000);
});

describe('the add-on’s own changes are logged by name (scripts fire no on-edit trigger)', () => {
  beforeEach(() => {
    google = fakeGoogle();
    google.install();
    loadWorkbook(google, workbook({ nominations: [GOOD_COLLECTIVE] }));
    installAuditLog();
  });
  const actions = () => log().slice(1).map((r) => [r[column(AUDIT_COL.action)], r[column(AUDIT_COL.sheet)], r[column(AUDIT_COL.unit)]]);

  it('a save from «Nhập đề nghị», with the row’s unit', () => {
    const endpoints = createEndpoints(appsScriptHost);
    const input = readInputSheets(new SheetIndex(SpreadsheetApp.getActiveSpreadsheet()));
    const draft = nominationToDraft(readWorkbook(input).nominations[0]!);
    const saved = endpoints.saveNomination({ draft: { ...draft, summary: 'Đã cập nhật' }, loaded: draft });
    expect(saved).toMatchObject({ ok: true });
    expect(actions()).toEqual([['Lưu đề nghị (thanh bên «Nhập đề nghị»)', SHEET.nominations, 'X04']]);
    expect(log()[1]![column(AUDIT_COL.newValue)]).toContain('Đã cập nhật');
    expect(google.lock.held).toBe(false);
  });

  it('a result sheet and «Khởi tạo bảng tính»', () => {
    rankUnits();
    google.spreadsheet.sheets.splice(google.spreadsheet.sheets.findIndex((s) => s.name === SHEET.criteria), 1);
    initWorkbook();
    expect(actions()).toEqual([
      ['Ghi trang kết quả (menu Thi đua)', '', ''],
      ['Khởi tạo bảng tính', SHEET.criteria, ''],
      ['Khởi tạo bảng tính', SHEET.dossiers, ''],
      ['Khởi tạo bảng tính', SHEET.reports, ''],
      ['Khởi tạo bảng tính', SHEET.standards, ''],
      ['Khởi tạo bảng tính', SHEET.intake, ''],
    ]);
    expect(log()[1]![column(AUDIT_COL.newValue)]).toMatch(/^Đã xếp hạng/);
  });
});
