/**
 * The thin adapter between the sheets and the core: one `getValues()` per input sheet (plus one
 * `getNumberFormats()` where percents matter), one `setValues()` per output sheet, and a
 * constant number of formatting calls, whatever the number of rows.
 */
import type { CellValue, SheetInput, WorkbookInput } from '../core/model';
import type { OutputSheet, RowMark } from '../core/results';
import { SHEET } from '../core/contract';
import { normalizeKey } from '../core/text';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The sheets the add-on reads; never written by it. */
export const INPUT_SHEETS = [SHEET.settings, SHEET.units, SHEET.criteria, SHEET.scores, SHEET.nominations, SHEET.dossiers, SHEET.standards, SHEET.legalBasis, SHEET.reports];

/** Sheets whose percent cells need their number formats (0.95 formatted as % means 95 %). */
const NEEDS_FORMATS = new Set([normalizeKey(SHEET.nominations), normalizeKey(SHEET.settings)]);

/** The file's sheets by tolerant name, listed once per action. */
export class SheetIndex {
  private readonly byKey = new Map<string, { sheet: Sheet; name: string }>();
  /** Every sheet under a tolerant name: two of them (`Đề nghị`, `ĐỀ NGHỊ `) make the core refuse the file. */
  private readonly allByKey = new Map<string, Sheet[]>();

  constructor(readonly spreadsheet: Spreadsheet) {
    for (const sheet of spreadsheet.getSheets()) {
      const name = sheet.getName();
      const key = normalizeKey(name);
      if (!this.byKey.has(key)) this.byKey.set(key, { sheet, name });
      this.allByKey.set(key, [...(this.allByKey.get(key) ?? []), sheet]);
    }
  }

  findAll(name: string): Sheet[] {
    return this.allByKey.get(normalizeKey(name)) ?? [];
  }

  find(name: string): Sheet | undefined {
    return this.byKey.get(normalizeKey(name))?.sheet;
  }

  /** The name as the user spelled it (`Đề Nghị`), for messages. */
  nameOf(name: string): string | undefined {
    return this.byKey.get(normalizeKey(name))?.name;
  }

  add(name: string, sheet: Sheet): void {
    this.byKey.set(normalizeKey(name), { sheet, name });
    this.allByKey.set(normalizeKey(name), [sheet]);
  }
}

/** The closing jobs' inputs (issue 11): beside the input sheets, the intake and the council. */
export const CLOSING_SHEETS = [...INPUT_SHEETS, SHEET.intake, SHEET.council];

/** Every input sheet present, read once, in the spreadsheet's time zone. */
export function readInputSheets(index: SheetIndex, names: readonly string[] = INPUT_SHEETS): WorkbookInput {
  const sheets: SheetInput[] = [];
  for (const name of names) {
    for (const sheet of index.findAll(name)) {
      const range = sheet.getDataRange();
      const input: SheetInput = { name: sheet.getName(), values: range.getValues() as CellValue[][] };
      if (NEEDS_FORMATS.has(normalizeKey(name))) input.numberFormats = range.getNumberFormats();
      sheets.push(input);
    }
  }
  return { sheets, timeZone: index.spreadsheet.getSpreadsheetTimeZone() };
}

/**
 * Strings Sheets might read as something else when a script writes them (`setValues` parses as
 * if typed): formulas and their look-alikes (`=`, `+`, `-`, `@`, a quote), booleans, and any
 * short string of digits with the punctuation, exponent, month or AM/PM words that numbers,
 * e-notation (`0312e45`), percents, currencies, dates (`1/2`, `2023-01-05`, `2 Jan`) and times
 * are made of. Deliberately wider than Sheets' parser: a needless apostrophe is invisible, a
 * missing one changes the value.
 */
const FORMULA_LIKE = /^[=+\-@']/;
const BOOLEAN = /^\s*(true|false)\s*$/i;
const WORDS_IN_NUMBERS = /\b(?:e|am|pm|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b|(?<=\d)e(?=[-+]?\d)/gi;
const NUMBER_LIKE = /^[\s\d.,:/%$€£¥₫()+-]*$/;

function sheetsWouldParse(text: string): boolean {
  if (FORMULA_LIKE.test(text) || BOOLEAN.test(text)) return true;
  return /\d/.test(text) && text.length <= 64 && NUMBER_LIKE.test(text.replace(WORDS_IN_NUMBERS, ''));
}

/** The number format of a cell that Sheets stores strings into unparsed (Định dạng › Văn bản thuần). */
export const TEXT_FORMAT = '@';

/**
 * A value as a script must write it so the cell holds exactly that value: text Sheets would
 * parse gets a leading apostrophe (Sheets keeps the text and does not show the apostrophe),
 * except in a cell formatted as plain text, where nothing is parsed and an apostrophe would stay.
 */
export function asLiteral(value: CellValue, format = ''): string | number | boolean | Date {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string' || value === '' || format === TEXT_FORMAT) return value;
  return sheetsWouldParse(value) ? `'${value}` : value;
}

/** Row colours by the core's marks. */
export const MARK_COLOURS: Record<Exclude<RowMark, null>, string> = {
  prize: '#d9ead3',
  tie: '#fff2cc',
  unranked: '#efefef',
  ineligible: '#f4cccc',
  warning: '#fce5cd',
  section: '#cfe2f3',
};
const HEADER_COLOUR = '#e8eaed';

/** Column widths in pixels: wide for prose, narrow for codes and numbers. */
function columnWidth(header: string, rows: CellValue[][], column: number): number {
  const longest = rows.reduce((max, row) => Math.max(max, String(row[column] ?? '').length), header.length);
  return Math.min(420, Math.max(70, Math.round(longest * 7.5) + 16));
}

/**
 * Rewrites an output sheet whole: clears it, writes header and rows in one `setValues()`, then
 * colours, bold, wrap and widths in a fixed number of calls. Creates the sheet if missing.
 */
export function writeOutputSheet(index: SheetIndex, output: OutputSheet): Sheet {
  let sheet = index.find(output.name);
  if (sheet) {
    sheet.clear();
  } else {
    sheet = index.spreadsheet.insertSheet(output.name);
    index.add(output.name, sheet);
  }
  const columns = Math.max(1, output.header.length, ...output.rows.map((r) => r.length));
  const pad = (row: CellValue[]) => Array.from({ length: columns }, (_, j) => asLiteral(row[j]));
  const values = [pad(output.header), ...output.rows.map(pad)];
  const rows = values.length;

  // The sheet gets exactly the rows it shows (two at least: Sheets keeps a row under a frozen
  // header), so a shorter list leaves no stale rows and a longer one has room.
  const maxRows = sheet.getMaxRows();
  const wanted = Math.max(rows, 2);
  if (maxRows < wanted) sheet.insertRowsAfter(maxRows, wanted - maxRows);
  else if (maxRows > wanted) sheet.deleteRows(wanted + 1, maxRows - wanted);
  const maxColumns = sheet.getMaxColumns();
  if (maxColumns < columns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);

  const colour = (mark: RowMark | undefined) => (mark ? MARK_COLOURS[mark] : null);
  const backgrounds = [
    Array<string | null>(columns).fill(HEADER_COLOUR),
    ...output.rows.map((_, i) => Array<string | null>(columns).fill(colour(output.marks[i]))),
  ];
  type Weight = GoogleAppsScript.Spreadsheet.FontWeight;
  const weights = [
    Array<Weight>(columns).fill('bold'),
    ...output.rows.map((_, i) => Array<Weight>(columns).fill(output.marks[i] === 'section' ? 'bold' : 'normal')),
  ];
  sheet
    .getRange(1, 1, rows, columns)
    .setValues(values)
    .setBackgrounds(backgrounds)
    .setFontWeights(weights)
    .setWrap(true)
    .setVerticalAlignment('top');
  sheet.setFrozenRows(1);
  for (let j = 0; j < columns; j++) sheet.setColumnWidth(j + 1, columnWidth(output.header[j] ?? '', output.rows, j));
  return sheet;
}

/** `A`, `B`, … `AA`: the column letters of a 1-based column number. */
export function columnLetter(column: number): string {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export { locateColumn as findHeader } from '../core/sheets';
