/**
 * Custom functions get cell values, not sheets: a scalar for one cell, rows for a range. These
 * helpers hand such values to the core's own readers and rules, by wrapping them in a small
 * workbook, so a formula reads a row exactly as the menu does.
 */
import type { CellValue, Nomination, Settings, SheetInput, WorkbookInput } from '../core/model';
import type { Standing } from '../core/ranking';
import { isPrizeRank } from '../core/ranking';
import type { UnitContext } from '../core/rules';
import { CRITERION_COL, OTHER_BLOCK, SCORE_COL, SETTINGS_HEADER, SHEET, UNIT_COL } from '../core/contract';
import { readNumber, readText, showCell } from '../core/cells';
import { blockKindOf, blockNameOf, readWorkbook } from '../core/workbook';

/** What Sheets passes for an argument: one value, or the rows of a range. */
export type FormulaArg = CellValue | CellValue[][];

export function isRange(arg: unknown): arg is CellValue[][] {
  return Array.isArray(arg);
}

/** The rows of an argument (one cell is one row of one value). */
export function rowsOf(arg: FormulaArg): CellValue[][] {
  return isRange(arg) ? arg : [[arg]];
}

/** The values of an argument, row by row. */
export function valuesOf(arg: FormulaArg): CellValue[] {
  return rowsOf(arg).flat();
}

/** One result for one cell, a column of results for a range. */
export function oneOrColumn<T>(arg: FormulaArg, results: T[]): T | T[][] {
  return isRange(arg) ? results.map((r) => [r]) : (results[0] as T);
}

/** A formula's error: Sheets shows the message when the mouse is over `#ERROR!`. */
export class FormulaError extends Error {
  override name = 'FormulaError';
}

/**
 * The unit's place in the ranking, as the optional arguments give it: a rank (empty = not
 * ranked) and the block it was ranked in. A prize rank is `rank ≤ Số hạng được xét` (U3).
 */
export function unitStanding(rankCell: CellValue, blockCell: CellValue, settings: Settings): UnitContext {
  const blockText = readText(blockCell);
  const rank = readNumber(rankCell);
  if (!rank.ok || (rank.value !== null && (rank.value < 1 || !Number.isInteger(rank.value)))) {
    throw new FormulaError(`Hạng ${showCell(rankCell)} không hợp lệ; hãy nhập một số nguyên từ 1 (hoặc để trống nếu chưa xếp hạng).`);
  }
  if (!blockText) {
    if (rank.value !== null) throw new FormulaError('Có hạng thì cần cả khối của đơn vị (ví dụ «Xã, thị trấn») để xét A2, A3.');
    return { blockKind: 'other', blockName: OTHER_BLOCK, standing: null };
  }
  const blockKind = blockKindOf(blockText, settings);
  if (blockKind === null) {
    throw new FormulaError(`Khối «${blockText}» không có trong cấu hình; hãy dùng «${settings.agencyBlock}», «${settings.communeBlock}» hoặc «${OTHER_BLOCK}».`);
  }
  const blockName = blockNameOf(blockKind, settings);
  const standing: Standing | null = rank.value === null ? null : { rank: rank.value, prize: isPrizeRank(rank.value, settings) };
  return { blockKind, blockName, standing };
}

export interface ParsedRows {
  settings: Settings;
  nominations: Nomination[];
}

/**
 * Reads nomination rows with the core's reader: `rows` is a piece of the `Đề nghị` sheet whose
 * header row is among its top rows (row numbers then count from its first row), and
 * `settingsRows` the `Cấu hình` range if given (the defaults otherwise). The units are not
 * known to a formula: the caller gives the unit's standing.
 */
export function nominationsFromRows(rows: CellValue[][], settingsRows?: CellValue[][]): ParsedRows {
  const workbook = readWorkbook(formulaWorkbook(rows, settingsRows));
  return { settings: workbook.settings, nominations: workbook.nominations };
}

/**
 * A workbook around a formula's values. Dates in them only matter for the window (M3), which
 * no formula judges, so UTC serves.
 */
function formulaWorkbook(nominations: CellValue[][], settingsRows?: CellValue[][]): WorkbookInput {
  const sheets: SheetInput[] = [
    { name: SHEET.settings, values: settingsRows && settingsRows.length > 0 ? settingsRows : [[SETTINGS_HEADER.key, SETTINGS_HEADER.value]] },
    { name: SHEET.units, values: [Object.values(UNIT_COL)] },
    { name: SHEET.criteria, values: [Object.values(CRITERION_COL)] },
    { name: SHEET.scores, values: [Object.values(SCORE_COL)] },
    { name: SHEET.nominations, values: nominations },
  ];
  return { sheets, timeZone: 'UTC' };
}
