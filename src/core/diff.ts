/**
 * `thidua diff`: every input cell that differs between two versions of a workbook, for offices
 * that pass files around. Pure, over the readers' 2-D arrays.
 *
 * Rows are matched by the contract's key where a sheet has one that is unique in both files —
 * `Cấu hình` by `Mục`, `Đơn vị` and `Hồ sơ đơn vị` by `Mã đơn vị`, `Tiêu chí` by `Mã tiêu chí`,
 * `Chấm điểm` by unit and criterion — so a sorted or re-ordered sheet shows no false changes.
 * `Đề nghị` has no such key (a unit nominates several, and a name may be corrected), and a
 * sheet whose key repeats or is missing is matched by row number. Columns are matched by header.
 * Cells are compared as a person reads them (dates as dd/mm/yyyy, text trimmed).
 */
import type { CellValue, SheetInput, WorkbookInput } from './model';
import { CRITERION_COL, DOSSIER_COL, SCORE_COL, SETTINGS_HEADER, SHEET, UNIT_COL } from './contract';
import { isEmptyCell, readText } from './cells';
import { findHeaderRow, findSheet } from './sheets';
import { normalizeKey } from './text';

/** The sheets compared, and the columns that identify a row in each (none: by row number). */
export const DIFF_KEYS: [sheet: string, key: string[]][] = [
  [SHEET.settings, [SETTINGS_HEADER.key]],
  [SHEET.units, [UNIT_COL.code]],
  [SHEET.criteria, [CRITERION_COL.code]],
  [SHEET.scores, [SCORE_COL.unitCode, SCORE_COL.criterionCode]],
  [SHEET.nominations, []],
  [SHEET.dossiers, [DOSSIER_COL.unitCode]],
];

export interface CellChange {
  sheet: string;
  /** The row in the old file and in the new one (null: the row is only in the other file). */
  oldRow: number | null;
  newRow: number | null;
  /** The row's key as the user reads it (`X01 / TC2`), '' when matched by row number. */
  key: string;
  column: string;
  oldValue: string;
  newValue: string;
}

export interface SheetNote {
  sheet: string;
  message: string;
}

export interface WorkbookDiff {
  changes: CellChange[];
  /** Sheets present in one file only, rows matched by number because a key repeats. */
  notes: SheetNote[];
}

interface Side {
  header: string[];
  headerRow: number;
  /** Data rows: 1-based row number and cells. */
  rows: { row: number; cells: CellValue[] }[];
}

function side(sheet: SheetInput, wanted: string[]): Side {
  const headerIndex = findHeaderRow(sheet.values, new Set(wanted.map(normalizeKey)));
  const header = (sheet.values[headerIndex] ?? []).map((c) => (typeof c === 'string' ? c.trim() : readText(c)));
  const rows = sheet.values
    .map((cells, i) => ({ row: i + 1, cells }))
    .slice(headerIndex + 1)
    .filter((r) => !r.cells.every(isEmptyCell));
  return { header, headerRow: headerIndex + 1, rows };
}

/** Row keys by row, or null when a key column is missing or a key repeats or is empty. */
function keys(s: Side, key: string[], timeZone: string): Map<string, { row: number; cells: CellValue[]; label: string }> | null {
  if (key.length === 0) return null;
  const columns = key.map((k) => s.header.findIndex((h) => normalizeKey(h) === normalizeKey(k)));
  if (columns.some((c) => c < 0)) return null;
  const byKey = new Map<string, { row: number; cells: CellValue[]; label: string }>();
  for (const r of s.rows) {
    const parts = columns.map((c) => readText(r.cells[c], timeZone));
    if (parts.some((p) => p === '')) return null;
    const id = parts.map(normalizeKey).join('\u0000');
    if (byKey.has(id)) return null;
    byKey.set(id, { ...r, label: parts.join(' / ') });
  }
  return byKey;
}

function compareRows(
  sheet: string,
  columns: { name: string; oldAt: number; newAt: number }[],
  oldRow: { row: number; cells: CellValue[] } | undefined,
  newRow: { row: number; cells: CellValue[] } | undefined,
  key: string,
  zones: [string, string],
  changes: CellChange[],
): void {
  for (const c of columns) {
    const before = oldRow && c.oldAt >= 0 ? readText(oldRow.cells[c.oldAt], zones[0]) : '';
    const after = newRow && c.newAt >= 0 ? readText(newRow.cells[c.newAt], zones[1]) : '';
    if (before === after) continue;
    changes.push({ sheet, oldRow: oldRow?.row ?? null, newRow: newRow?.row ?? null, key, column: c.name, oldValue: before, newValue: after });
  }
}

/** Every changed input cell, sheet by sheet in the contract's order. */
export function diffWorkbooks(before: WorkbookInput, after: WorkbookInput): WorkbookDiff {
  const changes: CellChange[] = [];
  const notes: SheetNote[] = [];
  const zones: [string, string] = [before.timeZone, after.timeZone];
  for (const [name, key] of DIFF_KEYS) {
    const oldSheet = findSheet(before, name);
    const newSheet = findSheet(after, name);
    if (!oldSheet && !newSheet) continue;
    if (!oldSheet || !newSheet) {
      notes.push({ sheet: name, message: `Trang «${name}» chỉ có ở tệp ${oldSheet ? 'cũ' : 'mới'}.` });
    }
    const wanted = key.length > 0 ? key : [];
    const a = oldSheet ? side(oldSheet, wanted) : { header: [], headerRow: 1, rows: [] };
    const b = newSheet ? side(newSheet, wanted) : { header: [], headerRow: 1, rows: [] };
    // Columns by header: the new file's order, then the columns it dropped.
    const names: string[] = [];
    for (const h of [...b.header, ...a.header]) if (h !== '' && !names.some((n) => normalizeKey(n) === normalizeKey(h))) names.push(h);
    const columns = names.map((n) => ({
      name: n,
      oldAt: a.header.findIndex((h) => normalizeKey(h) === normalizeKey(n)),
      newAt: b.header.findIndex((h) => normalizeKey(h) === normalizeKey(n)),
    }));
    const oldKeys = keys(a, key, zones[0]);
    const newKeys = keys(b, key, zones[1]);
    if (oldKeys && newKeys) {
      for (const [id, o] of oldKeys) compareRows(name, columns, o, newKeys.get(id), o.label, zones, changes);
      for (const [id, n] of newKeys) if (!oldKeys.has(id)) compareRows(name, columns, undefined, n, n.label, zones, changes);
      continue;
    }
    if (key.length > 0 && oldSheet && newSheet) {
      notes.push({ sheet: name, message: `Trang «${name}»: cột khóa (${key.join(', ')}) bị thiếu, trống hoặc trùng, nên các hàng được so theo số hàng.` });
    }
    // By row number: the same sheet row in both files.
    const oldByRow = new Map(a.rows.map((r) => [r.row, r]));
    const newByRow = new Map(b.rows.map((r) => [r.row, r]));
    const rowNumbers = [...new Set([...oldByRow.keys(), ...newByRow.keys()])].sort((x, y) => x - y);
    for (const row of rowNumbers) compareRows(name, columns, oldByRow.get(row), newByRow.get(row), '', zones, changes);
  }
  return { changes, notes };
}

/** One change as a Vietnamese line: sheet, row(s), key, column, old → new. */
export function describeChange(c: CellChange): string {
  const rows =
    c.oldRow === null ? `hàng mới ${c.newRow}` : c.newRow === null ? `hàng ${c.oldRow} (đã xóa)` : c.oldRow === c.newRow ? `hàng ${c.newRow}` : `hàng ${c.oldRow} → ${c.newRow}`;
  const show = (v: string) => (v === '' ? '(trống)' : `«${v}»`);
  return `${c.sheet}, ${rows}${c.key ? ` [${c.key}]` : ''}, cột «${c.column}»: ${show(c.oldValue)} → ${show(c.newValue)}`;
}
