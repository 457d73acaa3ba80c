/**
 * Workbooks with the edge-case shapes of workbook.md «v2 decisions», for property tests of the
 * core and of the command line: a passing workbook, then a few random changes of those shapes.
 */
import fc from 'fast-check';
import type { CellValue, CheckResult, SheetInput, WorkbookInput } from '../../src/core';
import {
  CRITERION_COL, DOSSIER_COL, EXTRA_SETTING, NOMINATION_COL as N, SCORE_COL, SETTING, SETTINGS_HEADER, SHEET, UNIT_COL,
  normalizeKey, uncomputedFormula,
} from '../../src/core';
import { GOOD_COLLECTIVE, GOOD_INDIVIDUAL, nomination, workbook } from '../helpers/workbook';

export const ERROR_VALUES = ['#NAME?', '#REF!', '#N/A', '#VALUE!', '#DIV/0!', '#NUM!', '#NULL!'] as const;

/** A cell that holds no value: an error value or a formula without its result. */
export const faultCell: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...ERROR_VALUES),
  fc.constantFrom('SUM(A1:A3)', 'TODAY()', 'VLOOKUP(A2,\'Đơn vị\'!A:B,2,FALSE)').map(uncomputedFormula),
);

/** The same name as a person may type it: other case, spaces removed, added or invisible, NFD. */
const respelled = (name: string): fc.Arbitrary<string> =>
  fc.constantFrom(
    name,
    name.toUpperCase(),
    name.replace(/ /g, ''),
    ` ${name.replace(/ /g, '  ')} `,
    name.replace(/ /g, '\u00a0'),
    name.normalize('NFD').toLowerCase(),
    name.replace(' / ', '/'),
  );

type Change = (input: WorkbookInput) => void;

const sheet = (input: WorkbookInput, name: string): SheetInput =>
  input.sheets.find((s) => normalizeKey(s.name) === normalizeKey(name)) as SheetInput;

/** Sets a cell of a data row by header (rows count from the first data row, wrapping around). */
function setCell(input: WorkbookInput, sheetName: string, header: string, row: number, value: CellValue): void {
  const s = sheet(input, sheetName);
  const col = (s.values[0] ?? []).findIndex((h) => typeof h === 'string' && normalizeKey(h) === normalizeKey(header));
  if (col < 0 || s.values.length < 2) return;
  const r = 1 + (row % (s.values.length - 1));
  (s.values[r] as CellValue[])[col] = value;
}

const settingValue = (name: string, value: CellValue): Change => (input) => {
  sheet(input, SHEET.settings).values.push([name, value]);
};

/** One change of a v2 shape. */
const change: fc.Arbitrary<Change> = fc.oneof(
  // Names matched ignoring every space (and case, NFC/NFD).
  fc.constantFrom(SHEET.settings, SHEET.units, SHEET.criteria, SHEET.scores, SHEET.nominations)
    .chain((name) => respelled(name).map((spelling): Change => (input) => {
      sheet(input, name).name = spelling;
    })),
  fc.constantFrom(...Object.values(N)).chain((header) => respelled(header).map((spelling): Change => (input) => {
    const s = sheet(input, SHEET.nominations);
    s.values[0] = (s.values[0] ?? []).map((h) => (h === header ? spelling : h));
  })),
  // A setting typed twice; percent settings in every form; the ranking's decimals.
  fc.constantFrom(SETTING.prizeRanks, SETTING.windowTo, SETTING.placeName).map((name): Change => (input) => {
    sheet(input, SHEET.settings).values.push([name.toUpperCase(), 'lần hai']);
  }),
  fc.constantFrom<CellValue>(95, '95%', '95,5', '0', 0, 0.95, '120', 'chín mươi', '#N/A').map((v) => settingValue(SETTING.minSatisfactionPercent, v)),
  fc.constantFrom<CellValue>(0, 1, 2, 3, 6, 7, -1, 2.5, 'hai').map((v) => settingValue(EXTRA_SETTING.rankingDecimals, v)),
  // A window that starts after it ends.
  fc.constant<Change>((input) => {
    const s = sheet(input, SHEET.settings);
    s.values = s.values.map((r) => (r[0] === SETTING.windowFrom ? [r[0], '31/01/2023'] : r));
  }),
  // A criterion maximum of 0, blank, text or an error value.
  fc.tuple(fc.constantFrom<CellValue>(0, '', 'mười', '#REF!', -5), fc.nat()).map(([max, row]): Change => (input) => {
    setCell(input, SHEET.criteria, CRITERION_COL.maxPoints, row, max);
  }),
  // Unit codes in another case and spacing.
  fc.tuple(fc.constantFrom(SHEET.scores, SHEET.nominations), fc.nat(), fc.constantFrom((c: string) => c.toLowerCase(), (c: string) => ` ${c.split('').join(' ')} `))
    .map(([name, row, respell]): Change => (input) => {
      const s = sheet(input, name);
      const col = (s.values[0] ?? []).indexOf(UNIT_COL.code);
      const r = 1 + (row % Math.max(1, s.values.length - 1));
      const cell = s.values[r]?.[col];
      if (typeof cell === 'string') (s.values[r] as CellValue[])[col] = respell(cell);
    }),
  fc.constantFrom('X9', 'x9', ' X 9 ').map((code): Change => (input) => {
    sheet(input, SHEET.nominations).values.push(...[GOOD_COLLECTIVE, GOOD_INDIVIDUAL].map((n) => Object.values(N).map((h) => (h === N.unitCode ? code : (n[h] ?? '')))));
  }),
  // Appraised points that differ below the ranking's precision.
  fc.tuple(fc.nat(), fc.constantFrom(0.001, 0.004, 0.005, 0.0049, 0.000001)).map(([row, delta]): Change => (input) => {
    const s = sheet(input, SHEET.scores);
    const col = (s.values[0] ?? []).indexOf(SCORE_COL.appraisedPoints);
    const r = 1 + (row % Math.max(1, s.values.length - 1));
    const cell = s.values[r]?.[col];
    if (typeof cell === 'number' && cell >= delta) (s.values[r] as CellValue[])[col] = cell - delta;
  }),
  // Words meaning «no initiative»; an invalid Hình thức.
  fc.tuple(fc.constantFrom<CellValue>(false, 'FALSE', 'Không', 'không có', 0, '-', 'QĐ 12/QĐ-UBND'), fc.nat())
    .map(([value, row]): Change => (input) => setCell(input, SHEET.nominations, N.initiativeRecognition, row, value)),
  fc.tuple(fc.constantFrom<CellValue>('Tổ', 'Nhóm', '', 5, true), fc.nat())
    .map(([value, row]): Change => (input) => setCell(input, SHEET.nominations, N.kind, row, value)),
  // Error values and uncomputed formulas in any contract cell.
  fc.tuple(
    fc.constantFrom(
      ...Object.values(N).map((h) => [SHEET.nominations, h] as const),
      ...Object.values(SCORE_COL).map((h) => [SHEET.scores, h] as const),
      ...Object.values(UNIT_COL).map((h) => [SHEET.units, h] as const),
      ...Object.values(CRITERION_COL).map((h) => [SHEET.criteria, h] as const),
      ...Object.values(DOSSIER_COL).map((h) => [SHEET.dossiers, h] as const),
      [SHEET.settings, SETTINGS_HEADER.value] as const,
    ),
    fc.nat(),
    faultCell,
  ).map(([[name, header], row, fault]): Change => (input) => setCell(input, name, header, row, fault)),
);

/** A workbook of the contract's shape, passing, then changed by 0–6 v2 shapes. */
export const v2Workbook: fc.Arbitrary<WorkbookInput> = fc
  .tuple(fc.array(change, { maxLength: 6 }), fc.constantFrom('UTC', 'Asia/Ho_Chi_Minh'))
  .map(([changes, timeZone]) => {
    const input = workbook({
      timeZone,
      nominations: [GOOD_COLLECTIVE, GOOD_INDIVIDUAL, nomination(GOOD_INDIVIDUAL, { [N.unitCode]: 'X01', [N.initiativeRecognition]: 'QĐ 5/QĐ-UBND' })],
      dossiers: {
        name: SHEET.dossiers,
        values: [Object.values(DOSSIER_COL), ['X04', '28/12/2022', 'Hội trường', 'Ông A', 'Bà B', 9, 8, '15/TTr-UBND', '29/12/2022']],
      },
    });
    for (const apply of changes) apply(input);
    return input;
  });

/**
 * What every result must satisfy: each error names a sheet of the workbook, a row within it (or
 * none) and, with a row, a column; each verdict is consistent.
 */
export function expectWellFormed(input: WorkbookInput, result: CheckResult): void {
  const heights = new Map(input.sheets.map((s) => [s.name, s.values.length]));
  for (const error of result.errors) {
    expect(heights.has(error.sheet)).toBe(true);
    expect(error.message).toMatch(/\S/);
    if (error.row !== null) {
      expect(Number.isInteger(error.row) && error.row >= 1 && error.row <= Math.max(1, heights.get(error.sheet) ?? 0)).toBe(true);
      expect(typeof error.column).toBe('string');
    }
  }
  for (const v of result.nominations) {
    expect(v.eligible).toBe(v.failed.length === 0);
    if (v.kind === null) expect(v.failed).toContain('P0');
  }
}
