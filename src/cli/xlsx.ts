/**
 * The command line's `.xlsx` reader and writer (exceljs, Node only). It turns a file into the
 * core's plain cell arrays, and writes the core's output sheets back beside the user's sheets.
 */
import ExcelJS from 'exceljs';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import PizZip from 'pizzip';
import type { CellValue, SheetInput, WorkbookInput } from '../core/model';
import { uncomputedFormula } from '../core/cells';
import { systemCode } from './fsErrors';
import { LIMITS, readablePackage, WorkbookTooLarge } from './xlsxLimits';
import type { Limits } from './xlsxLimits';

/** The file cannot be read as a workbook at all (the CLI exits with code 2). */
export class UnreadableFile extends Error {
  override name = 'UnreadableFile';
}

/** exceljs gives dates as midnight UTC, so the core reads them in UTC. */
const EXCELJS_TIME_ZONE = 'UTC';

/**
 * Reads every sheet of an `.xlsx` file. `book` is kept for the preview's saves; `bytes` are the
 * file as it was, to which the output copy adds its sheets.
 */
export async function readWorkbookFile(
  path: string,
  limits: Limits = LIMITS,
): Promise<{ input: WorkbookInput; book: ExcelJS.Workbook; bytes: Uint8Array }> {
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(path)).isDirectory();
  } catch (error) {
    throw new UnreadableFile(
      systemCode(error) === 'ENOENT'
        ? `Không tìm thấy tệp «${path}»: hãy kiểm tra lại tên và đường dẫn của tệp.`
        : `Không mở được tệp «${path}» (${systemCode(error) ?? 'lỗi hệ thống'}): hãy kiểm tra quyền đọc tệp.`,
    );
  }
  if (isDirectory) {
    throw new UnreadableFile(`«${path}» là một thư mục, không phải tệp bảng tính: hãy chỉ ra một tệp .xlsx.`);
  }
  const notAWorkbook = new UnreadableFile(
    `Tệp «${path}» không phải bảng tính Excel (.xlsx) hoặc đã bị hỏng: hãy mở tệp bằng Excel hay Google Trang tính và lưu lại dưới dạng .xlsx.`,
  );
  let bytes: Uint8Array;
  try {
    // Read once into memory and never opened for writing: the input is not changed or locked.
    bytes = await readFile(path);
  } catch (error) {
    throw new UnreadableFile(`Không mở được tệp «${path}» (${systemCode(error) ?? 'lỗi hệ thống'}): hãy đóng tệp nếu đang mở ở chương trình khác và kiểm tra quyền đọc tệp.`);
  }
  if (isCompoundFile(bytes)) {
    throw new UnreadableFile(
      containsUtf16(bytes, 'EncryptedPackage')
        ? `Tệp «${path}» được bảo vệ bằng mật khẩu nên không đọc được: hãy mở tệp bằng Excel, bỏ mật khẩu (Tệp › Thông tin › Bảo vệ sổ làm việc › Mã hóa bằng mật khẩu, xóa mật khẩu), lưu lại rồi chạy lại.`
        : `Tệp «${path}» là bảng tính Excel kiểu cũ (.xls): hãy mở bằng Excel hay Google Trang tính và lưu lại dưới dạng .xlsx.`,
    );
  }
  let readable: Uint8Array;
  try {
    readable = readablePackage(bytes, limits);
  } catch (error) {
    if (error instanceof WorkbookTooLarge) {
      throw new UnreadableFile(
        `Tệp «${path}» quá lớn để đọc (hơn ${limits.valueCells.toLocaleString('vi-VN')} ô có dữ liệu hoặc quá nhiều nội dung): hãy xóa các trang, hàng, cột không dùng hoặc chia thành nhiều tệp rồi chạy lại.`,
      );
    }
    throw notAWorkbook;
  }
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(readable as unknown as ExcelJS.Buffer);
  } catch {
    throw notAWorkbook;
  }
  // A zip that is not a spreadsheet (a .docx renamed, say) reads without error but has no sheet.
  if (book.worksheets.length === 0) throw notAWorkbook;
  return { input: { timeZone: EXCELJS_TIME_ZONE, sheets: book.worksheets.map(readSheet) }, book, bytes };
}

/** An OLE compound file: how Excel stores a password-protected workbook, and the old .xls. */
const isCompoundFile = (bytes: Uint8Array) =>
  [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].every((byte, i) => bytes[i] === byte);

const containsUtf16 = (bytes: Uint8Array, text: string) => Buffer.from(bytes).includes(Buffer.from(text, 'utf16le'));

/** One sheet as a full rectangle from A1 to the last cell holding a value (as `getValues()`). */
function readSheet(sheet: ExcelJS.Worksheet): SheetInput {
  const found: { row: number; col: number; value: CellValue; format: string }[] = [];
  let height = 0;
  let width = 0;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const value = cellValue(cell);
      if (value === null) return;
      found.push({ row: rowNumber, col: colNumber, value, format: cell.numFmt ?? '' });
      height = Math.max(height, rowNumber);
      width = Math.max(width, colNumber);
    });
  });
  const values: CellValue[][] = Array.from({ length: height }, () => Array<CellValue>(width).fill(null));
  const numberFormats: string[][] = Array.from({ length: height }, () => Array<string>(width).fill(''));
  for (const { row, col, value, format } of found) {
    values[row - 1]![col - 1] = value;
    numberFormats[row - 1]![col - 1] = format;
  }
  return { name: sheet.name, values, numberFormats };
}

/**
 * What a person sees in the cell: a formula's last result, a link's text, rich text as plain
 * text, an error value as its text (`#N/A`, as Sheets' `getValues()` gives it).
 */
function cellValue(cell: ExcelJS.Cell): CellValue {
  // Sheets gives a merged range's value in its first cell only; so does this reader.
  if (cell.isMerged && cell.master !== cell) return null;
  if (cell.type === ExcelJS.ValueType.Formula) {
    // A formula the file holds no result for (written by a program, never opened in a
    // spreadsheet) is not empty: the core reports it (workbook.md v2). exceljs 4.4 also gives
    // no result for a cached empty text, which it cannot tell apart.
    if (cell.result === undefined) return uncomputedFormula(cell.formula);
    // `cell.value` drops a formula's result when it is 0, FALSE or '' (exceljs 4.4); `cell.result` keeps it.
    return plainValue(cell.result as ExcelJS.CellValue);
  }
  return plainValue(cell.value);
}

function plainValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value === '' ? null : value;
  if (typeof value !== 'object' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('error' in value) return value.error;
  // A link's text may itself be rich text.
  if ('hyperlink' in value) return plainValue(value.text as ExcelJS.CellValue);
  return null;
}

// ---------------------------------------------------------------------------------------------
// Writing

/** Options of a write. `fixedDate` makes the file byte-stable (the committed sample). */
export interface SaveOptions {
  fixedDate?: Date;
}

/** Writes `book` to `path`, creating the folder if needed. */
export async function saveBook(book: ExcelJS.Workbook, path: string, options: SaveOptions = {}): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  for (const sheet of book.worksheets) compactValidations(sheet as ValidatedSheet);
  if (!options.fixedDate) {
    book.modified = new Date();
    await book.xlsx.writeFile(path);
    return;
  }
  book.created = options.fixedDate;
  book.modified = options.fixedDate;
  const written = Buffer.from(await book.xlsx.writeBuffer());
  await writeFile(path, stampZip(written, options.fixedDate));
}

/** exceljs keeps validations by address or range in `dataValidations`, which its typings omit. */
type ValidatedSheet = ExcelJS.Worksheet & {
  dataValidations: {
    model: Record<string, ExcelJS.DataValidation | undefined>;
    add(range: string, validation: ExcelJS.DataValidation): void;
  };
};

/**
 * exceljs reads validations cell by cell and, writing them back, can emit overlapping ranges
 * (`B10:B1000` and `B2:B1000`), which Excel rejects: hand it one range per run of a column.
 */
function compactValidations(sheet: ValidatedSheet): void {
  const compacted: Record<string, ExcelJS.DataValidation> = {};
  const columns = new Map<string, { column: string; rows: number[]; validation: ExcelJS.DataValidation }>();
  for (const [address, validation] of Object.entries(sheet.dataValidations.model)) {
    if (!validation) continue;
    const cell = /^([A-Z]+)(\d+)$/.exec(address);
    if (!cell) {
      compacted[address] = validation;
      continue;
    }
    const column = cell[1]!;
    const key = `${column} ${JSON.stringify(validation)}`;
    const group = columns.get(key) ?? { column, rows: [], validation };
    group.rows.push(Number(cell[2]));
    columns.set(key, group);
  }
  for (const { column, rows, validation } of columns.values()) {
    rows.sort((a, b) => a - b);
    let start = 0;
    rows.forEach((row, index) => {
      if (rows[index + 1] === row + 1) return;
      const first = rows[start]!;
      compacted[first === row ? `${column}${row}` : `${column}${first}:${column}${row}`] = validation;
      start = index + 1;
    });
  }
  sheet.dataValidations.model = compacted;
}

/**
 * exceljs stamps every zip entry with the current time; re-pack the entries with one fixed
 * stamp so that the same workbook always gives the same bytes. The zip's DOS time is local
 * time, so the stamp is the fixed date's UTC fields read as a local time: the same everywhere.
 */
function stampZip(zipped: Buffer, date: Date): Buffer {
  const stamp = new Date(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  const source = new PizZip(zipped);
  const target = new PizZip();
  for (const entry of Object.values(source.files)) {
    if (entry.dir) continue;
    target.file(entry.name, entry.asUint8Array(), { binary: true, date: stamp, createFolders: false });
  }
  return target.generate({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** The fills of the result sheets' header and marked rows. */
export const FILL = {
  header: 'FFD9E1F2',
  prize: 'FFFFE699', // light gold
  tie: 'FFF8CBAD', // light orange
  ineligible: 'FFF4CCCC', // light red
  unranked: 'FFE7E6E6', // light grey
  warning: 'FFFFF2CC', // light yellow
} as const;

function solidFill(argb: string): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb } };
}

export const DATE_FORMAT = 'dd/mm/yyyy';
/** Text longer than this wraps in a column this wide (characters). */
export const WIDE_COLUMN = 50;

/** A column's width for its longest text: at least 8 characters, at most WIDE_COLUMN + 2. */
export const columnWidth = (length: number) => Math.min(Math.max(length + 2, 8), WIDE_COLUMN + 2);

/** A cell of a sheet built by `sheetsToBook`: a value, or a value with its number format. */
export type SpecCell = CellValue | { value: CellValue; numFmt: string };

/**
 * Writes a header row and data rows: every value as it is (a string is always text, never a
 * formula), dates as date cells. The header is bold on a fill and frozen; columns fit their
 * text, and long text wraps.
 */
function writeTable(sheet: ExcelJS.Worksheet, rows: SpecCell[][]): void {
  const widths: number[] = [];
  rows.forEach((specs, rowIndex) => {
    const row = sheet.getRow(rowIndex + 1);
    specs.forEach((spec, colIndex) => {
      const { value, numFmt } = spec !== null && typeof spec === 'object' && !(spec instanceof Date)
        ? spec
        : { value: spec, numFmt: undefined };
      const cell = row.getCell(colIndex + 1);
      cell.value = value === '' || value === undefined ? null : value;
      const format = numFmt ?? (value instanceof Date ? DATE_FORMAT : undefined);
      if (format) cell.numFmt = format;
      widths[colIndex] = Math.max(widths[colIndex] ?? 0, displayLength(value, format));
    });
  });
  widths.forEach((length, colIndex) => {
    const column = sheet.getColumn(colIndex + 1);
    column.width = columnWidth(length);
    if (length > WIDE_COLUMN) column.alignment = { wrapText: true, vertical: 'top' };
  });
  const header = sheet.getRow(1);
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = solidFill(FILL.header);
    cell.alignment = { wrapText: true, vertical: 'middle' };
  });
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: 1 }];
}

export function displayLength(value: CellValue, format?: string): number {
  if (value === null || value === undefined) return 0;
  if (value instanceof Date) return DATE_FORMAT.length;
  if (typeof value === 'number' && format?.includes('%')) return String(Math.round(value * 100)).length + 1;
  return String(value).length;
}

// ---------------------------------------------------------------------------------------------
// Building a workbook from rows (the sample district, an empty template)

/** A drop-down list on the column with this header, from row 2 on. */
export interface ListSpec {
  header: string;
  values: string[];
}

/** One sheet to build: row 1 is the header. */
export interface SheetSpec {
  name: string;
  rows: SpecCell[][];
  lists?: ListSpec[];
}

/** The hidden sheet holding the drop-down lists (a list item may contain a comma: `Xã, thị trấn`). */
export const LISTS_SHEET = 'Danh mục';
/** Drop-downs reach this row, so rows typed later get them too. */
const LIST_LAST_ROW = 1000;

/** Builds a workbook: dates as date cells, booleans as TRUE/FALSE, drop-down lists by header. */
export function sheetsToBook(specs: SheetSpec[]): ExcelJS.Workbook {
  const book = new ExcelJS.Workbook();
  book.creator = 'Thi đua';
  const sheets = specs.map((spec) => {
    const sheet = book.addWorksheet(spec.name);
    writeTable(sheet, spec.rows);
    return sheet;
  });
  const lists = specs.flatMap((spec, index) => (spec.lists ?? []).map((list) => ({ spec, sheet: sheets[index]!, list })));
  if (lists.length === 0) return book;
  const listSheet = book.addWorksheet(LISTS_SHEET, { state: 'hidden' });
  // One column of the lists sheet per distinct list, headed by the first column it serves.
  const ranges = new Map<string, string>();
  for (const { spec, sheet, list } of lists) {
    const col = spec.rows[0]?.indexOf(list.header) ?? -1;
    if (col < 0) throw new Error(`sheetsToBook: «${spec.name}» has no column «${list.header}»`);
    const key = JSON.stringify(list.values);
    let range = ranges.get(key);
    if (!range) {
      const column = listSheet.getColumn(ranges.size + 1);
      [list.header, ...list.values].forEach((item, index) => (listSheet.getCell(index + 1, column.number).value = item));
      range = `'${LISTS_SHEET}'!$${column.letter}$2:$${column.letter}$${list.values.length + 1}`;
      ranges.set(key, range);
    }
    const target = sheet.getColumn(col + 1).letter;
    (sheet as ValidatedSheet).dataValidations.add(`${target}2:${target}${LIST_LAST_ROW}`, {
      type: 'list',
      allowBlank: true,
      formulae: [range],
      showErrorMessage: true,
      errorStyle: 'warning',
      errorTitle: 'Giá trị ngoài danh sách',
      error: `Cột «${list.header}» nên chọn một giá trị trong danh sách.`,
    });
  }
  return book;
}
