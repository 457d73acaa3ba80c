/**
 * Reading one cell: the forms a person may type (workbook.md) and nothing else. Each reader
 * gives a value, `null` for an empty cell, or a Vietnamese message saying what is accepted.
 */
import * as z from 'zod/mini';
import type { CalendarDate, CellValue, Rating } from './model';
import { RATING_LABEL } from './contract';
import { calendarDateOf, cleanText, normalizeKey } from './text';

export type CellRead<T> = { ok: true; value: T | null } | { ok: false; message: string };

const empty = <T>(): CellRead<T> => ({ ok: true, value: null });
const value = <T>(v: T): CellRead<T> => ({ ok: true, value: v });
const problem = <T>(message: string): CellRead<T> => ({ ok: false, message });

export function isEmptyCell(cell: CellValue): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

/**
 * A formula cell that holds no computed result (a file written by a program and never opened in
 * a spreadsheet) reaches the core as this text: U+0000 cannot be in a cell (XML forbids it), so
 * nothing typed reads as one.
 */
const UNCOMPUTED = '\u0000';

export function uncomputedFormula(formula: string): string {
  return `${UNCOMPUTED}=${formula.replace(/^=/, '')}`;
}

/** What a spreadsheet shows for a formula that failed: Sheets' `getValues()` and exceljs both give this text. */
const ERROR_VALUE = /^#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|ERROR!|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|PYTHON!)$/i;

/**
 * Why a cell holds no value at all (an error value, an uncomputed formula), or null. Such a cell
 * is never empty, a name or a number (workbook.md v2): every reader reports it.
 */
export function cellFault(cell: CellValue): string | null {
  // Most cells are plain text: one character decides.
  if (typeof cell !== 'string' || (cell[0] !== '#' && cell[0] !== UNCOMPUTED)) return null;
  if (cell.startsWith(UNCOMPUTED)) {
    // The reader of .xlsx files cannot tell a result never computed from a computed empty text.
    return `Ô có công thức «${cell.slice(UNCOMPUTED.length)}» chưa được tính (tệp chưa từng được mở bằng chương trình bảng tính); hãy mở tệp bằng Excel, LibreOffice hoặc Google Trang tính, lưu lại rồi chạy lại. Nếu công thức cố ý cho ô trống, hãy xóa công thức ở ô này.`;
  }
  if (ERROR_VALUE.test(cell)) {
    return `Ô có giá trị lỗi ${cell} (công thức không tính được); hãy sửa công thức hoặc nhập giá trị vào ô.`;
  }
  return null;
}

/** A fault as a reader's answer, or null when the cell holds a value. */
function faultOf<T>(cell: CellValue): CellRead<T> | null {
  const fault = cellFault(cell);
  return fault ? problem(fault) : null;
}

/** How a cell shows itself in a message. */
export function showCell(cell: CellValue): string {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '«ngày không hợp lệ»' : cell.toISOString().slice(0, 10);
  if (typeof cell === 'string' && cell.startsWith(UNCOMPUTED)) return `«${cell.slice(UNCOMPUTED.length)}»`;
  return `«${String(cell)}»`;
}

export function readText(cell: CellValue, timeZone = 'UTC'): string {
  if (isEmptyCell(cell)) return '';
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return '';
    const d = calendarDateOf(cell, timeZone);
    return `${String(d.day).padStart(2, '0')}/${String(d.month).padStart(2, '0')}/${d.year}`;
  }
  return cleanText(String(cell));
}

/** Text where a value is needed: the text, or why the cell holds none (an error value, an uncomputed formula). */
export function readTextValue(cell: CellValue, timeZone = 'UTC'): CellRead<string> {
  const fault = faultOf<string>(cell);
  if (fault) return fault;
  const text = readText(cell, timeZone);
  return text ? value(text) : empty();
}

/** Text whose line breaks mean paragraphs (a summary of achievements): each line cleaned, blank lines dropped. */
export function readParagraphs(cell: CellValue, timeZone = 'UTC'): string {
  if (typeof cell !== 'string') return readText(cell, timeZone);
  return cell.split(/\r?\n/).map((line) => readText(line)).filter(Boolean).join('\n');
}

// A decimal written the Vietnamese way (91,25) or the English way (91.25).
const decimalText = z.pipe(
  z.string().check(z.regex(/^\s*[+-]?\d+(?:[.,]\d+)?\s*$/)),
  z.transform((s) => Number(s.trim().replace(',', '.'))),
);
const numberCell = z.union([z.number().check(z.refine(Number.isFinite)), decimalText]);

export function readNumber(cell: CellValue): CellRead<number> {
  if (isEmptyCell(cell)) return empty();
  // Most cells of a large sheet are plain numbers: they need no parsing, only a finiteness check.
  if (typeof cell === 'number' && Number.isFinite(cell)) return value(cell);
  const fault = faultOf<number>(cell);
  if (fault) return fault;
  const parsed = numberCell.safeParse(cell);
  return parsed.success ? value(parsed.data) : problem(`${showCell(cell)} không phải là số; hãy nhập một số như 91,25.`);
}

const percentText = z.pipe(
  z.string().check(z.regex(/^\s*\d+(?:[.,]\d+)?\s*%?\s*$/)),
  z.transform((s) => Number(s.replace('%', '').trim().replace(',', '.'))),
);

/**
 * A percentage: `95`, `95%`, or 0.95 in a cell formatted as percent. A bare number in a cell
 * not formatted as percent is taken as it stands (0.95 there means 0.95 %).
 */
export function readPercent(cell: CellValue, numberFormat = ''): CellRead<number> {
  if (isEmptyCell(cell)) return empty();
  const fault = faultOf<number>(cell);
  if (fault) return fault;
  let percent: number | null = null;
  if (typeof cell === 'number' && Number.isFinite(cell)) {
    percent = numberFormat.includes('%') ? cell * 100 : cell;
  } else {
    const parsed = percentText.safeParse(cell);
    if (parsed.success) percent = parsed.data;
  }
  if (percent === null) return problem(`${showCell(cell)} không phải là tỷ lệ phần trăm; hãy nhập như 95 hoặc 95%.`);
  // 0.95 × 100 is 94.99999999999999 in floating point; a person reads 95.
  percent = Math.round(percent * 1e9) / 1e9;
  if (percent < 0 || percent > 100) return problem(`Tỷ lệ ${showCell(cell)} phải từ 0 đến 100%.`);
  return value(percent);
}

const YES = new Set(['có', 'x', 'true', 'đúng', 'yes'].map(normalizeKey));
const NO = new Set(['không', 'false', 'sai', 'no'].map(normalizeKey));

/** Yes/no: a checkbox, `Có`/`Không`, `x`; empty means not confirmed. */
export function readYesNo(cell: CellValue): CellRead<boolean> {
  if (isEmptyCell(cell)) return empty();
  if (typeof cell === 'boolean') return value(cell);
  const fault = faultOf<boolean>(cell);
  if (fault) return fault;
  const key = normalizeKey(String(cell));
  if (YES.has(key)) return value(true);
  if (NO.has(key)) return value(false);
  return problem(`${showCell(cell)} không phải là Có/Không; hãy đánh dấu ô, hoặc nhập «Có», «Không» hay «x».`);
}

const RATINGS: Map<string, Rating> = new Map();
for (const [code, label] of Object.entries(RATING_LABEL) as [Rating, string][]) {
  RATINGS.set(normalizeKey(code), code);
  RATINGS.set(normalizeKey(label), code);
}

/** A yearly rating, in full words or as its usual abbreviation (HTXSNV, HTTNV, HTNV, KHTNV). */
export function readRating(cell: CellValue): CellRead<Rating> {
  if (isEmptyCell(cell)) return empty();
  const fault = faultOf<Rating>(cell);
  if (fault) return fault;
  const rating = RATINGS.get(normalizeKey(String(cell).replace(/\./g, '')));
  return rating
    ? value(rating)
    : problem(`${showCell(cell)} không phải là mức xếp loại; hãy chọn HTXSNV, HTTNV, HTNV hoặc KHTNV.`);
}

const dateText = z.pipe(
  z.string().check(z.regex(/^\s*\d{1,2}[/.-]\d{1,2}[/.-]\d{4}\s*$/)),
  z.transform((s) => {
    const [day, month, year] = s.trim().split(/[/.-]/).map(Number) as [number, number, number];
    return { year, month, day };
  }),
);

function isRealDay(d: CalendarDate): boolean {
  const instant = new Date(Date.UTC(d.year, d.month - 1, d.day));
  return instant.getUTCFullYear() === d.year && instant.getUTCMonth() === d.month - 1 && instant.getUTCDate() === d.day;
}

/** A date: a real date cell (read in the workbook's time zone) or `dd/mm/yyyy` text. */
export function readDate(cell: CellValue, timeZone: string): CellRead<CalendarDate> {
  if (isEmptyCell(cell)) return empty();
  if (cell instanceof Date) {
    return Number.isNaN(cell.getTime()) ? problem('Ngày không hợp lệ.') : value(calendarDateOf(cell, timeZone));
  }
  const fault = faultOf<CalendarDate>(cell);
  if (fault) return fault;
  const parsed = dateText.safeParse(cell);
  if (parsed.success && isRealDay(parsed.data)) return value(parsed.data);
  return problem(`${showCell(cell)} không phải là ngày; hãy nhập ngày dạng dd/mm/yyyy, ví dụ 05/01/2023.`);
}

/** What `Sáng kiến được công nhận` holds when there is no initiative (workbook.md v2): a cleared checkbox, «Không», 0, «-». */
const NO_INITIATIVE = new Set(['false', 'không', 'không có', '0', '-'].map(normalizeKey));

/** The recognition of an initiative (body, number, date) as written, or null when there is none. */
export function readRecognition(cell: CellValue, timeZone: string): CellRead<string> {
  const read = readTextValue(cell, timeZone);
  return read.ok && read.value !== null && NO_INITIATIVE.has(normalizeKey(read.value)) ? empty() : read;
}
