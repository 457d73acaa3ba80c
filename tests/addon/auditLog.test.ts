import { AUDIT_COL, SHEET } from '../../src/core';
import { NO_OLD_VALUE, UNKNOWN_USER } from '../../src/core/auditLog';
import { EDIT_HANDLER, installAuditLog, logActions, recordEdit } from '../../src/addon/auditLog';
import { fakeGoogle, type FakeGoogle } from '../fakes';
import { personEdits } from '../fakes/editEvent';
import { workbook } from '../helpers/workbook';
import { loadWorkbook } from './workbooks';

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
    expect(edits[0]).toMatchObject({ handler: EDIT_HANDLER, creator: OWNER });
    const protection = google.spreadsheet.protections.find((p) => p.type === 'SHEET')!;
    expect(protection.editors).toEqual([OWNER]);
    expect(protection.range.sheet.name).toBe(SHEET.auditLog);
  });

  it.each([
    ['another editor', () => (google.ctx.effectiveUser = CLERK)],
    ['a file without owner (shared drive)', () => (google.spreadsheet.getOwner = () => null as never)],
    ['an owner Google does not name', () => (google.ctx.owner = google.spreadsheet.editors[0] = '')],
    ['a user Google does not name', () => (google.ctx.effectiveUser = '')],
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
    google.ctx.effectiveUser = CLERK;
    logActions([{ action: 'Lưu đề nghị (thanh bên)', sheet: SHEET.nominations, range: 'A5:T5', unit: 'X04', newValue: 'Nguyễn Văn A' }]);
    expect(log()).toHaveLength(1);
    google.ctx.effectiveUser = OWNER;
    edit('D2', [[50]], CLERK);
    const rows = log().slice(1);
    expect(rows.map((r) => r[column(AUDIT_COL.action)])).toEqual(['Lưu đề nghị (thanh bên)', 'Sửa trực tiếp']);
    expect(rows[0]![column(AUDIT_COL.user)]).toBe(CLERK);
    expect(rows[0]![column(AUDIT_COL.unit)]).toBe('X04');
  });

  it('a protected Nhật ký refuses a unit user’s direct write (the fake enforces it as Sheets does)', () => {
    installAuditLog();
    google.ctx.effectiveUser = CLERK;
    const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(SHEET.auditLog)!;
    expect(() => sheet.getRange(2, 1).setValues([['x']])).toThrow('protected');
  });
});

