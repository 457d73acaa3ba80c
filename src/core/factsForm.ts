/**
 * The v2 facts a unit fills in the sidebar (issue 9): its `Hồ sơ đơn vị` row's minutes and
 * recipients, and each nominee's `Báo cáo thành tích` row (form 07). Pure: the endpoints read
 * the rows here, compare them with what the form loaded, and get the cells to write.
 */
import * as z from 'zod/mini';
import { readText } from './cells';
import { DOSSIER_COL, DOSSIER_V2_KEYS, REPORT_COL, SEX_LABELS, SHEET, VOTING_METHODS } from './contract';
import { readTime } from './documentFacts';
import type { CellValue, SheetInput, WorkbookInput } from './model';
import { findSheet, readTable } from './sheets';
import { normalizeKey } from './text';

export type DossierFactKey = (typeof DOSSIER_V2_KEYS)[number];
export type ReportFactKey = Exclude<keyof typeof REPORT_COL, 'unitCode' | 'name'>;

export const DOSSIER_FACT_KEYS: readonly DossierFactKey[] = DOSSIER_V2_KEYS;
export const REPORT_FACT_KEYS = (Object.keys(REPORT_COL) as (keyof typeof REPORT_COL)[]).filter(
  (k): k is ReportFactKey => k !== 'unitCode' && k !== 'name',
);

/** A row's facts as the form shows them; `row` null when the sheet has no row for it yet. */
export interface FactsRow<K extends string> {
  row: number | null;
  values: Record<K, string>;
}

/** What the form may send, each field checked as the core will read it (an empty field is allowed). */
const text = z.string().check(z.maxLength(20000, { error: 'Nội dung quá dài (tối đa 20.000 ký tự).' }));
const either = (pattern: RegExp, error: string) => z.string().check(z.refine((v) => v.trim() === '' || pattern.test(v.trim()), { error }));
const oneOf = (values: readonly string[]) =>
  z.string().check(z.refine((v) => v.trim() === '' || values.some((x) => normalizeKey(x) === normalizeKey(v)), { error: `Chọn một trong: ${values.join(', ')}.` }));
const time = either(/^\d{1,2}\s*(?::|h|giờ)\s*\d{0,2}\s*(?:phút)?$/i, 'Nhập giờ như 8:00 hoặc 14 giờ 30.');

export const dossierFactsSchema = z.object({
  startTime: time,
  endTime: time,
  council: text,
  votingMethod: oneOf(VOTING_METHODS),
  discussion: text,
  recipients: text,
});

export const reportFactsSchema = z.object({
  birthDate: either(/^\d{1,2}\/\d{1,2}\/\d{4}$/, 'Nhập ngày dạng dd/mm/yyyy.'),
  sex: oneOf(SEX_LABELS),
  homeTown: text,
  residence: text,
  qualifications: text,
  academicTitles: text,
  duties: text,
  address: text,
  phone: text,
  email: text,
  structure: text,
  staff: either(/^\d{1,6}$/, 'Nhập một số nguyên, ví dụ 25.'),
  functions: text,
  situation: text,
  measures: text,
  results: text,
  previousAwards: text,
});

/** A cell as the form shows it: a time as `8:00`, a date as dd/mm/yyyy, text with its line breaks. */
function shown(cell: CellValue, isTime: boolean, timeZone: string): string {
  if (isTime && cell instanceof Date) {
    const t = readTime(cell, timeZone);
    if (t.ok && t.value) return `${t.value.hour}:${String(t.value.minute).padStart(2, '0')}`;
  }
  if (typeof cell === 'string') return cell.normalize('NFC').trim();
  return readText(cell, timeZone);
}

/** Where a fact sheet's rows and columns are: its header, each key's column (0-based, -1 missing). */
export interface FactsSheet<K extends string> {
  sheet: SheetInput;
  headerRow: number;
  column: Record<K | 'unitCode' | 'name', number>;
  /** The headers of the facts' columns the sheet lacks. */
  missing: string[];
  /** The row after the last one holding anything: where a new row goes. */
  nextRow: number;
}

function locate<K extends string>(sheet: SheetInput, columns: Record<string, string>, keys: readonly K[]): FactsSheet<K> {
  const table = readTable(sheet, columns, [], Object.keys(columns));
  const header = (sheet.values[table.headerRow - 1] ?? []).map((c) => (typeof c === 'string' ? normalizeKey(c) : ''));
  const column = Object.fromEntries(Object.entries(columns).map(([k, h]) => [k, header.indexOf(normalizeKey(h))])) as FactsSheet<K>['column'];
  const identity = 'name' in columns ? ['unitCode', 'name'] : ['unitCode'];
  const missing = [...identity, ...keys].filter((k) => column[k as K] < 0).map((k) => columns[k]!);
  const nextRow = Math.max(table.headerRow, ...table.rows.map((r) => r.row)) + 1;
  return { sheet, headerRow: table.headerRow, column, missing, nextRow };
}

type Match = (cells: CellValue[]) => boolean;

function rowFacts<K extends string>(at: FactsSheet<K>, keys: readonly K[], match: Match, timeZone: string, times: readonly string[] = []): FactsRow<K> {
  const values = Object.fromEntries(keys.map((k) => [k, ''])) as Record<K, string>;
  for (let r = at.headerRow; r < at.sheet.values.length; r++) {
    const cells = at.sheet.values[r] ?? [];
    if (!match(cells)) continue;
    for (const k of keys) if (at.column[k] >= 0) values[k] = shown(cells[at.column[k]] ?? null, times.includes(k), timeZone);
    return { row: r + 1, values };
  }
  return { row: null, values };
}

const sameText = (cell: CellValue, wanted: string, timeZone: string) => normalizeKey(readText(cell ?? null, timeZone)) === normalizeKey(wanted);

export function dossierSheet(input: WorkbookInput): FactsSheet<DossierFactKey> | undefined {
  const sheet = findSheet(input, SHEET.dossiers);
  return sheet && locate(sheet, DOSSIER_COL, DOSSIER_FACT_KEYS);
}

export function reportSheet(input: WorkbookInput): FactsSheet<ReportFactKey> | undefined {
  const sheet = findSheet(input, SHEET.reports);
  return sheet && locate(sheet, REPORT_COL, REPORT_FACT_KEYS);
}

/** The unit's first `Hồ sơ đơn vị` row (the one the documents use). */
export function dossierFacts(at: FactsSheet<DossierFactKey>, unitCode: string, timeZone: string): FactsRow<DossierFactKey> {
  const code = at.column.unitCode;
  return rowFacts(at, DOSSIER_FACT_KEYS, (c) => code >= 0 && sameText(c[code] ?? null, unitCode, timeZone), timeZone, ['startTime', 'endTime']);
}

/** The nominee's `Báo cáo thành tích` row, matched by unit and name as the documents match it. */
export function reportFacts(at: FactsSheet<ReportFactKey>, unitCode: string, name: string, timeZone: string): FactsRow<ReportFactKey> {
  const { unitCode: code, name: nameAt } = at.column;
  const match: Match = (c) => code >= 0 && nameAt >= 0 && sameText(c[code] ?? null, unitCode, timeZone) && sameText(c[nameAt] ?? null, name, timeZone);
  return rowFacts(at, REPORT_FACT_KEYS, match, timeZone);
}

/**
 * The cells of the row to write, from column A: the facts (and, for a new row, its unit and
 * name), `null` for every other column, which the host leaves as it is.
 */
export function factCells<K extends string>(at: FactsSheet<K>, values: Record<K, string>, identity: Partial<Record<'unitCode' | 'name', string>> | null): Array<string | null> {
  const given: Array<[number, string]> = (Object.keys(values) as K[]).map((k) => [at.column[k], values[k]]);
  if (identity) for (const [k, v] of Object.entries(identity)) given.push([at.column[k as 'unitCode' | 'name'], v]);
  const width = Math.max(0, ...given.map(([c]) => c + 1));
  const cells: Array<string | null> = Array.from({ length: width }, () => null);
  for (const [c, v] of given) if (c >= 0) cells[c] = v.trim();
  return cells;
}
