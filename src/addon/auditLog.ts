/**
 * Nhật ký in Apps Script: the owner turns it on from the menu (a protected `Nhật ký` sheet and
 * an installable on-edit trigger, which runs as its creator — the owner — so it may write the
 * protected sheet); every edit of an input sheet then appends one row. Edits made by scripts
 * fire no trigger, so the add-on's own actions call `logActions`.
 *
 * Never lose an edit, never log one twice: rows are appended under the document lock, one
 * `setValues` per event. When the lock stays busy, or the user may not write the log (the
 * sheet is the owner's), the row waits in the document properties, and the next execution that
 * can write takes every waiting row with its own and deletes them in the same locked section.
 */
import type { CellValue } from '../core/model';
import type { ActionLog, AuditEntry } from '../core/auditLog';
import { AUDIT_HEADER, UNIT_SHEETS, actionEntry, auditRow, editEntry, isLoggedSheet, unitCodes } from '../core/auditLog';
import { SHEET, UNIT_COL } from '../core/contract';
import { locateColumn } from '../core/sheets';
import { normalizeKey } from '../core/text';
import { TITLE } from './actions';
import { withDocumentLock } from './lock';
import { PROTECTION_PREFIX } from './protections';
import { asLiteral } from './sheetIO';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The installable trigger's handler (not `onEdit`: that name would also run as a simple trigger). */
export const EDIT_HANDLER = 'recordEdit';
/** Rows waiting for the log, one document property each: `thidua.log.<ms>.<random>`. */
const PENDING_PREFIX = 'thidua.log.';
const TIME_FORMAT = 'dd/mm/yyyy hh:mm:ss';

/**
 * The owner, when the running user is the spreadsheet's owner; null otherwise. A file in a
 * shared drive has no owner, and Google may hide an address: both refuse rather than grant.
 */
export function runningOwner(spreadsheet: Spreadsheet): string | null {
  const owner = spreadsheet.getOwner()?.getEmail() ?? '';
  const me = Session.getEffectiveUser().getEmail();
  return owner !== '' && owner.toLowerCase() === me.toLowerCase() ? me : null;
}

/** Waiting rows written by this execution, so its own rows keep their order within one millisecond. */
let waited = 0;

function pendingKey(at: Date): string {
  const order = String(waited++).padStart(6, '0');
  return `${PENDING_PREFIX}${String(at.getTime()).padStart(15, '0')}.${order}.${Math.random().toString(36).slice(2, 10)}`;
}

function wait(entries: AuditEntry[]): void {
  const properties = PropertiesService.getDocumentProperties();
  for (const entry of entries) properties.setProperty(pendingKey(entry.at), JSON.stringify({ ...entry, at: entry.at.getTime() }));
}

/** Appends the waiting rows, then `entries`, in one write; deletes the waiting rows it wrote. Holds the lock. */
function append(sheet: Sheet, entries: AuditEntry[]): void {
  const properties = PropertiesService.getDocumentProperties();
  const waiting = Object.entries(properties.getProperties())
    .filter(([key]) => key.startsWith(PENDING_PREFIX))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const rows: CellValue[][] = [
    ...waiting.map(([, json]) => {
      const parsed = JSON.parse(json) as Omit<AuditEntry, 'at'> & { at: number };
      return auditRow({ ...parsed, at: new Date(parsed.at) });
    }),
    ...entries.map(auditRow),
  ];
  if (rows.length === 0) return;
  const last = sheet.getLastRow();
  const maxRows = sheet.getMaxRows();
  if (last + rows.length > maxRows) sheet.insertRowsAfter(maxRows, last + rows.length - maxRows);
  sheet.getRange(last + 1, 1, rows.length, AUDIT_HEADER.length).setValues(rows.map((r) => r.map((v) => asLiteral(v))));
  for (const [key] of waiting) properties.deleteProperty(key);
}

/** Writes entries to the log (or leaves them waiting); the caller may already hold the lock. */
function record(sheet: Sheet, entries: AuditEntry[], mayWrite: boolean): void {
  if (!mayWrite) {
    wait(entries);
    return;
  }
  if (LockService.getDocumentLock().hasLock()) append(sheet, entries);
  else withDocumentLock(() => append(sheet, entries), () => wait(entries));
}

/**
 * Logs changes the add-on just made (a save from «Nhập đề nghị», «Khởi tạo bảng tính», a
 * result sheet), named by the action. A user other than the owner cannot write the protected
 * log: the rows wait for the owner's next execution.
 */
export function logActions(logs: ActionLog[], spreadsheet = SpreadsheetApp.getActiveSpreadsheet()): void {
  if (logs.length === 0) return;
  const log = spreadsheet.getSheetByName(SHEET.auditLog);
  if (!log) return; // the log is off: nothing is recorded until the owner turns it on
  const user = Session.getActiveUser().getEmail() || Session.getEffectiveUser().getEmail();
  const at = new Date();
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const entries = logs.map((entry) => {
    // A row the add-on just wrote in a unit's sheet: its unit, read now (it may move later).
    const sheet = entry.unit === undefined && entry.range ? spreadsheet.getSheetByName(entry.sheet) : null;
    const range = sheet && entry.range ? sheet.getRange(entry.range) : null;
    const unit = sheet && range ? unitsOfRows(sheet, range.getRow(), range.getNumRows(), timeZone) : entry.unit;
    return actionEntry({ ...entry, ...(unit !== undefined ? { unit } : {}) }, at, user, timeZone);
  });
  try {
    record(log, entries, runningOwner(spreadsheet) !== null);
  } catch {
    // The change itself is made: a failing log (the waiting store full) must not undo or hide it.
  }
}

/** The unit codes of a range's rows, for the sheets whose rows belong to units. Two reads. */
function unitsOfRows(sheet: Sheet, row: number, rows: number, timeZone: string): string {
  const name = sheet.getName();
  if (!UNIT_SHEETS.some((s) => normalizeKey(s) === normalizeKey(name))) return '';
  const lastColumn = Math.max(1, sheet.getLastColumn());
  const top = sheet.getRange(1, 1, Math.min(10, Math.max(1, sheet.getMaxRows())), lastColumn).getValues() as CellValue[][];
  const code = locateColumn({ name, values: top }, UNIT_COL.code);
  if (!code || row + rows - 1 <= code.row) return '';
  const first = Math.max(row, code.row + 1);
  const cells = sheet.getRange(first, code.column, row + rows - first, 1).getValues() as CellValue[][];
  return unitCodes(cells.map((c) => c[0]), timeZone);
}

// The on-edit trigger: one row of Nhật ký per edit. Runs as the owner who installed it; `e.user`
// is the editor when Google tells, `e.oldValue` exists for a one-cell edit only.
export function recordEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  const range = e.range;
  const sheet = range.getSheet();
  if (!isLoggedSheet(sheet.getName())) return;
  const spreadsheet = e.source;
  const log = spreadsheet.getSheetByName(SHEET.auditLog);
  if (!log) return;
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const row = range.getRow();
  const values = range.getValues() as CellValue[][];
  const entry = editEntry(
    {
      at: new Date(),
      user: e.user?.getEmail?.() ?? '',
      sheet: sheet.getName(),
      range: range.getA1Notation(),
      row,
      column: range.getColumn(),
      values,
      ...('oldValue' in e ? { oldValue: e.oldValue as CellValue } : {}),
      unit: unitsOfRows(sheet, row, values.length, timeZone),
    },
    timeZone,
  );
  record(log, [entry], true);
}

/** Creates `Nhật ký`: header, frozen row, widths, a date-time column, protected for the owner alone. */
function createLogSheet(spreadsheet: Spreadsheet): Sheet {
  const sheet = spreadsheet.insertSheet(SHEET.auditLog);
  sheet.getRange(1, 1, 1, AUDIT_HEADER.length).setValues([AUDIT_HEADER]).setFontWeight('bold').setBackground('#e8eaed');
  sheet.setFrozenRows(1);
  sheet.setColumnWidths(1, AUDIT_HEADER.length, 160);
  sheet.getRange(2, 1, sheet.getMaxRows() - 1, 1).setNumberFormat(TIME_FORMAT);
  const protection = sheet.protect().setDescription(`${PROTECTION_PREFIX}${SHEET.auditLog} (chỉ chủ sở hữu)`);
  protection.removeEditors(protection.getEditors());
  if (protection.canDomainEdit()) protection.setDomainEdit(false);
  return sheet;
}

// Menu «Bật nhật ký thay đổi». Only the owner may: the trigger writes the protected log as its creator.
export function installAuditLog(): void {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const ui = SpreadsheetApp.getUi();
  if (!runningOwner(spreadsheet)) {
    ui.alert(
      TITLE,
      'Chỉ chủ sở hữu bảng tính mới bật được nhật ký (tệp trong bộ nhớ dùng chung không có chủ sở hữu). Hãy nhờ chủ sở hữu chọn mục này.',
      ui.ButtonSet.OK,
    );
    return;
  }
  withDocumentLock(() => {
    const created = spreadsheet.getSheetByName(SHEET.auditLog) ? false : (createLogSheet(spreadsheet), true);
    const installed = ScriptApp.getProjectTriggers().some((t) => t.getHandlerFunction() === EDIT_HANDLER);
    if (!installed) ScriptApp.newTrigger(EDIT_HANDLER).forSpreadsheet(spreadsheet).onEdit().create();
    ui.alert(
      TITLE,
      [
        created ? `Đã tạo trang «${SHEET.auditLog}» (chỉ chủ sở hữu được sửa).` : '',
        installed ? 'Nhật ký đã bật từ trước.' : 'Đã bật: mọi thay đổi ở các trang nhập liệu sẽ được ghi lại.',
      ].filter(Boolean).join('\n'),
      ui.ButtonSet.OK,
    );
  });
}
