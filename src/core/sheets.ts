/** Finding sheets and columns by name, as a person would: tolerant of case, spaces and accents. */
import type { CellValue, SheetInput, WorkbookError, WorkbookInput } from './model';
import { cellFault, isEmptyCell } from './cells';
import { normalizeKey } from './text';

/** A workbook that cannot be read at all (a required sheet is missing, or two sheets go by one name). */
export class UnreadableWorkbook extends Error {
  override name = 'UnreadableWorkbook';
}

export function findSheet(input: WorkbookInput, name: string): SheetInput | undefined {
  const key = normalizeKey(name);
  return input.sheets.find((sheet) => normalizeKey(sheet.name) === key);
}

/**
 * The one sheet that goes by `name`. Two sheets matching one name (`Đề nghị` and `ĐỀ NGHỊ `)
 * make the workbook unreadable: reading either silently could judge the wrong data.
 */
export function findOnlySheet(input: WorkbookInput, name: string): SheetInput | undefined {
  const key = normalizeKey(name);
  const matching = input.sheets.filter((sheet) => normalizeKey(sheet.name) === key);
  if (matching.length > 1) {
    throw new UnreadableWorkbook(
      `Có ${matching.length} trang cùng mang tên «${name}»: ${matching.map((s) => `«${s.name}»`).join(', ')}; hãy đổi tên hoặc xóa để chỉ còn một trang.`,
    );
  }
  return matching[0];
}

export function requireSheet(input: WorkbookInput, name: string): SheetInput {
  const sheet = findOnlySheet(input, name);
  if (!sheet) {
    throw new UnreadableWorkbook(
      `Không tìm thấy trang «${name}» trong bảng tính; hãy thêm trang này (hoặc chạy «Khởi tạo bảng tính»).`,
    );
  }
  return sheet;
}

/** One data row of a sheet, with its cells found by column key. */
export interface TableRow<K extends string> {
  /** The row number a person sees (the header is usually row 1). */
  row: number;
  cell(key: K): CellValue;
  numberFormat(key: K): string;
}

export interface Table<K extends string> {
  sheet: string;
  rows: TableRow<K>[];
  headerRow: number;
  missing: K[];
}

/** A row's cells by column key; one class, so a 10,000-row sheet makes no closures per row. */
class SheetRow<K extends string> implements TableRow<K> {
  constructor(
    readonly row: number,
    private readonly cells: CellValue[],
    private readonly formats: string[] | undefined,
    private readonly position: Record<K, number>,
  ) {}
  cell(key: K): CellValue {
    const at = this.position[key];
    return at >= 0 ? this.cells[at] : null;
  }
  numberFormat(key: K): string {
    const at = this.position[key];
    return at >= 0 ? (this.formats?.[at] ?? '') : '';
  }
}

/** The header row is the first of the top rows that names the most contract columns. */
export function findHeaderRow(values: CellValue[][], wanted: Set<string>): number {
  let best = 0;
  let bestHits = 0;
  for (let r = 0; r < Math.min(values.length, 10); r++) {
    const hits = (values[r] ?? []).filter((c) => typeof c === 'string' && wanted.has(normalizeKey(c))).length;
    if (hits > bestHits) {
      best = r;
      bestHits = hits;
    }
  }
  return best;
}

/**
 * Where a column's header sits, as a person sees it (1-based row and column), found as
 * `readTable` finds it; for links to cells and protections.
 */
export function locateColumn(sheet: SheetInput, header: string): { row: number; column: number } | undefined {
  const key = normalizeKey(header);
  const headerIndex = findHeaderRow(sheet.values, new Set([key]));
  const column = (sheet.values[headerIndex] ?? []).findIndex((c) => typeof c === 'string' && normalizeKey(c) === key);
  return column >= 0 ? { row: headerIndex + 1, column: column + 1 } : undefined;
}

/**
 * Reads a sheet as rows of named columns. Blank rows are skipped; a missing column is reported
 * once (unless optional) and reads as empty in every row.
 */
export function readTable<K extends string>(
  sheet: SheetInput,
  columns: Record<K, string>,
  errors: WorkbookError[],
  optional: readonly NoInfer<K>[] = [],
): Table<K> {
  const keys = Object.keys(columns) as K[];
  const headerIndex = findHeaderRow(sheet.values, new Set(keys.map((k) => normalizeKey(columns[k]))));
  const header = (sheet.values[headerIndex] ?? []).map((c) => (typeof c === 'string' ? normalizeKey(c) : ''));
  const position = {} as Record<K, number>;
  const missing: K[] = [];
  for (const key of keys) {
    position[key] = header.indexOf(normalizeKey(columns[key]));
    if (position[key] < 0) {
      missing.push(key);
      if (!optional.includes(key)) {
        errors.push({
          sheet: sheet.name,
          row: headerIndex + 1,
          column: columns[key],
          message: `Thiếu cột «${columns[key]}» ở hàng tiêu đề; hãy thêm cột có đúng tiêu đề này.`,
        });
      }
    }
  }
  const used = new Set(Object.values<number>(position));
  // A cell without a value (a formula's error, an uncomputed formula) in a column the reader does
  // not use makes no row: formulas filled down beside the data leave the rows below it blank.
  const blank = (cell: CellValue, at: number) => isEmptyCell(cell) || (!used.has(at) && cellFault(cell) !== null);
  const rows: TableRow<K>[] = [];
  for (let r = headerIndex + 1; r < sheet.values.length; r++) {
    const cells = sheet.values[r] ?? [];
    if (cells.every(blank)) continue;
    rows.push(new SheetRow(r + 1, cells, sheet.numberFormats?.[r], position));
  }
  return { sheet: sheet.name, rows, headerRow: headerIndex + 1, missing };
}
