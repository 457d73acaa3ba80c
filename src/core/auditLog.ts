/**
 * Nhật ký: what goes into the audit log and how it reads back. One row per event — an edit
 * made by a person (the on-edit trigger) or a change the add-on made itself (an action), since
 * edits by scripts fire no trigger. Pure: the host gives the time, the user and the cells.
 */
import type { CellValue, SheetInput } from './model';
import { AUDIT_COL, SHEET } from './contract';
import { isEmptyCell, readText } from './cells';
import { readTable } from './sheets';
import { normalizeKey } from './text';

export const AUDIT_HEADER: string[] = Object.values(AUDIT_COL);

/** The sheets whose edits are logged: the input sheets, and the log itself (a hand edit of it is news). */
export const LOGGED_SHEETS: string[] = [
  SHEET.settings, SHEET.units, SHEET.criteria, SHEET.scores, SHEET.nominations, SHEET.dossiers, SHEET.auditLog, SHEET.reports,
  // Issue 12: a change of the rules changes verdicts, so it is logged like the data.
  SHEET.standards,
];

/** Input sheets whose rows belong to a unit, by their `Mã đơn vị` column. */
export const UNIT_SHEETS: string[] = [SHEET.units, SHEET.scores, SHEET.nominations, SHEET.dossiers, SHEET.reports];

const LOGGED = new Set(LOGGED_SHEETS.map(normalizeKey));
export const isLoggedSheet = (name: string): boolean => LOGGED.has(normalizeKey(name));

export const DIRECT_EDIT = 'Sửa trực tiếp';
export const EMPTY_VALUE = '(trống)';
/** Sheets gives `e.oldValue` only for a one-cell edit. */
export const NO_OLD_VALUE = '(Google không báo giá trị cũ khi sửa nhiều ô)';
export const UNKNOWN_USER = '(Google không báo tài khoản)';

/**
 * A Sheets cell holds 50,000 characters; a waiting row is one document property, at most 9 KB:
 * two texts of 1,000 characters (3 bytes each in UTF-8 at worst) leave room for the rest.
 */
const MAX_TEXT = 1000;

/** One row of `Nhật ký`. */
export interface AuditEntry {
  at: Date;
  user: string;
  sheet: string;
  range: string;
  unit: string;
  oldValue: string;
  newValue: string;
  action: string;
}

function cap(text: string): string {
  return text.length <= MAX_TEXT ? text : `${text.slice(0, MAX_TEXT)}… (cắt bớt ${text.length - MAX_TEXT} ký tự)`;
}

function show(cell: CellValue, timeZone: string): string {
  if (isEmptyCell(cell)) return EMPTY_VALUE;
  if (typeof cell === 'string') return cell;
  return readText(cell, timeZone);
}

function columnLetters(column: number): string {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A block of cells as text: one value as it is, several as `B3: 8; C3: (trống)`. */
export function describeCells(values: CellValue[][], row: number, column: number, timeZone: string): string {
  if (values.length === 1 && values[0]?.length === 1) return cap(show(values[0][0], timeZone));
  const parts = values.flatMap((cells, i) => cells.map((cell, j) => `${columnLetters(column + j)}${row + i}: ${show(cell, timeZone)}`));
  return cap(parts.join('; '));
}

/** What the on-edit trigger knows of one edit. */
export interface EditEvent {
  at: Date;
  /** '' when Google does not tell (a consumer account, another domain). */
  user: string;
  sheet: string;
  /** A1 notation and top-left corner of the edited range. */
  range: string;
  row: number;
  column: number;
  /** The range's values after the edit. */
  values: CellValue[][];
  /** `e.oldValue`: only for a one-cell edit; absent when the cell was empty before. */
  oldValue?: CellValue;
  /** The unit codes of the edited rows ('' when the sheet has none). */
  unit: string;
}

export function editEntry(edit: EditEvent, timeZone: string): AuditEntry {
  const oneCell = edit.values.length === 1 && edit.values[0]?.length === 1;
  return {
    at: edit.at,
    user: edit.user || UNKNOWN_USER,
    sheet: edit.sheet,
    range: edit.range,
    unit: edit.unit,
    oldValue: oneCell ? cap(show(edit.oldValue, timeZone)) : NO_OLD_VALUE,
    newValue: describeCells(edit.values, edit.row, edit.column, timeZone),
    action: DIRECT_EDIT,
  };
}

/** A change the add-on made itself, named by its menu action. */
export interface ActionLog {
  action: string;
  sheet: string;
  range?: string;
  unit?: string;
  /** What was written, in words or as the row of cells written. */
  newValue: string | CellValue[];
}

export function actionEntry(log: ActionLog, at: Date, user: string, timeZone: string): AuditEntry {
  const newValue = typeof log.newValue === 'string' ? log.newValue : log.newValue.map((cell) => show(cell, timeZone)).join(' | ');
  return {
    at,
    user: user || UNKNOWN_USER,
    sheet: log.sheet,
    range: log.range ?? '',
    unit: log.unit ?? '',
    oldValue: '',
    newValue: cap(newValue),
    action: log.action,
  };
}

/** The entry as the log's row, in `AUDIT_HEADER` order. */
export function auditRow(entry: AuditEntry): CellValue[] {
  return [entry.at, entry.user, entry.sheet, entry.range, entry.unit, entry.oldValue, entry.newValue, entry.action];
}

/** Distinct unit codes of a code column's cells, in order, as `X01, X02`. */
export function unitCodes(cells: CellValue[], timeZone: string): string {
  return [...new Set(cells.map((c) => readText(c, timeZone)).filter(Boolean))].join(', ');
}

/** One change as the Tiến độ sidebar shows it (JSON-safe). */
export interface RecentChange {
  /** `dd/mm/yyyy hh:mm`, in the spreadsheet's time zone. */
  at: string;
  user: string;
  sheet: string;
  range: string;
  oldValue: string;
  newValue: string;
  action: string;
}

/** The log's time cell: a `Date`, or its milliseconds once it has crossed to the sidebar as JSON. */
function timeText(cell: CellValue, timeZone: string): string {
  if (typeof cell === 'number') return timeText(new Date(cell), timeZone);
  if (!(cell instanceof Date) || Number.isNaN(cell.getTime())) return readText(cell, timeZone);
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
  }).formatToParts(cell);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('day')}/${get('month')}/${get('year')} ${get('hour')}:${get('minute')}`;
}

/**
 * The latest changes of one unit in `Nhật ký`, newest first: rows whose `Mã đơn vị` lists the
 * unit. The log is append-only, so the last rows are the newest. Runs in the Tiến độ page.
 */
export function latestChanges(log: SheetInput | undefined, unitCode: string, limit: number, timeZone: string): RecentChange[] {
  if (!log) return [];
  const table = readTable(log, AUDIT_COL, []);
  if (table.missing.includes('unit')) return [];
  const key = normalizeKey(unitCode);
  const changes: RecentChange[] = [];
  for (let i = table.rows.length - 1; i >= 0 && changes.length < limit; i--) {
    const row = table.rows[i]!;
    const units = readText(row.cell('unit'), timeZone).split(',').map((u) => normalizeKey(u));
    if (!units.includes(key)) continue;
    const text = (k: keyof typeof AUDIT_COL) => readText(row.cell(k), timeZone);
    changes.push({
      at: timeText(row.cell('at'), timeZone),
      user: text('user'),
      sheet: text('sheet'),
      range: text('range'),
      oldValue: text('oldValue'),
      newValue: text('newValue'),
      action: text('action'),
    });
  }
  return changes;
}
