/** Random workbooks for the rules: nominations of every shape, random scores (ranks, ties) and settings. */
import fc from 'fast-check';
import type { CellValue, CheckResult, WorkbookInput } from '../../src/core';
import { NOMINATION_COL as N, SCORE_COL, SETTING, SHEET, defaultStandardsSheet, evaluate } from '../../src/core';
import { DEFAULT_SETTINGS, UNITS, workbook } from './workbook';

type Row = Record<string, CellValue>;

export const withStandards = (input: WorkbookInput, values: CellValue[][] = defaultStandardsSheet()): WorkbookInput => ({
  ...input,
  sheets: [...input.sheets, { name: SHEET.standards, values }],
});

/** What a verdict decides, without its wording. */
const decisions = (result: CheckResult) => result.nominations.map(({ row, eligible, basis, failed, quota_ok, window_ok }) => ({ row, eligible, basis, failed, quota_ok, window_ok }));

/** The built-in rules and the given `Tiêu chuẩn` rows (default: the 2022 rows) decide alike. */
export function expectSameDecisions(input: WorkbookInput, standards?: CellValue[][]): void {
  const builtIn = evaluate(input);
  const rows = evaluate(withStandards(input, standards));
  expect(decisions(rows.result)).toEqual(decisions(builtIn.result));
  expect(rows.awardList.map((a) => a.verdict.row)).toEqual(builtIn.awardList.map((a) => a.verdict.row));
  expect(rows.result.errors).toEqual(builtIn.result.errors);
}

const yesNo = fc.constantFrom<CellValue>(true, false, 'Có', '', 'x', 'Không', 'có lẽ', '#N/A');
const percent = fc.oneof(fc.constantFrom<CellValue>('', 100, 99.99, 90, 89.9, '95%', 'nhiều', 0), fc.integer({ min: 0, max: 100 }));
const rating = fc.constantFrom<CellValue>('', 'HTXSNV', 'HTTNV', 'HTNV', 'KHTNV', 'Hoàn thành tốt nhiệm vụ', 'giỏi');
const randomNomination: fc.Arbitrary<Row> = fc.record({
  [N.unitCode]: fc.constantFrom<CellValue>(...UNITS.map((u) => u['Mã đơn vị'] ?? ''), 'x01', 'ZZ9', ''),
  [N.kind]: fc.constantFrom<CellValue>('Tập thể', 'Cá nhân', 'cá nhân', 'Nhóm', ''),
  [N.name]: fc.constantFrom<CellValue>('Nguyễn Văn An', 'Bộ phận một cửa', ''),
  [N.directCchc]: yesNo, [N.compliance]: yesNo, [N.unity]: yesNo, [N.discipline]: yesNo, [N.hasPlan]: yesNo, [N.innovation]: yesNo,
  [N.satisfactionPercent]: percent, [N.onTimePercent]: percent, [N.onlinePrevPercent]: percent, [N.onlineNowPercent]: percent,
  [N.ratingPrev]: rating, [N.ratingNow]: rating,
  [N.initiativeRecognition]: fc.constantFrom<CellValue>('', 'QĐ 12/QĐ-UBND ngày 5/5/2022', '#REF!'),
  [N.submittedOn]: fc.constantFrom<CellValue>('03/01/2023', '01/01/2023', ''),
});

/** Random nominations in a workbook with random scores (so ranks and ties vary) and settings. */
export const randomWorkbook: fc.Arbitrary<WorkbookInput> = fc
  .record({
    nominations: fc.array(randomNomination, { maxLength: 12 }),
    points: fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 6, maxLength: 6 }),
    minSatisfaction: fc.constantFrom<CellValue>(undefined, 80, 95, '90%'),
    prizeRanks: fc.constantFrom<CellValue>(undefined, 1, 2, 3, 5),
    communeBlock: fc.constantFrom<string | undefined>(undefined, 'Xã, phường'),
  })
  .map(({ nominations, points, minSatisfaction, prizeRanks, communeBlock }) => {
    const settings: Row = { ...DEFAULT_SETTINGS };
    if (minSatisfaction !== undefined) settings[SETTING.minSatisfactionPercent] = minSatisfaction;
    if (prizeRanks !== undefined) settings[SETTING.prizeRanks] = prizeRanks;
    if (communeBlock) settings[SETTING.communeBlock] = communeBlock;
    const units = UNITS.map((u) => (communeBlock && u['Khối'] === 'Xã, thị trấn' ? { ...u, Khối: communeBlock } : u));
    const codes = ['X01', 'X02', 'X03', 'X04', 'CQ01', 'CQ02'];
    const scores = codes.map((code, i) => ({ [SCORE_COL.unitCode]: code, [SCORE_COL.criterionCode]: 'TC1', [SCORE_COL.appraisedPoints]: points[i] ?? 0 }));
    return workbook({ settings, units, scores, nominations });
  });

