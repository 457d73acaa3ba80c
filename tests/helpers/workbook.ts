/** Builds small workbooks in the contract's shape, so tests state only what they are about. */
import type { CellValue, SheetInput, WorkbookInput } from '../../src/core';
import { CRITERION_COL, NOMINATION_COL, SCORE_COL, SETTING, SHEET, UNIT_COL } from '../../src/core';

type Row = Record<string, CellValue>;

export const DEFAULT_SETTINGS: Row = {
  [SETTING.movementName]: 'Đẩy mạnh cải cách hành chính Nhà nước và thực hiện kỷ luật, kỷ cương hành chính',
  [SETTING.year]: 2022,
  [SETTING.issuer]: 'Ủy ban nhân dân huyện Hữu Lũng',
  [SETTING.placeName]: 'Hữu Lũng',
  [SETTING.signerName]: 'Bùi Quốc Khánh',
  [SETTING.windowFrom]: '02/01/2023',
  [SETTING.windowTo]: '06/01/2023',
};

export const UNITS: Row[] = [
  { [UNIT_COL.code]: 'X01', [UNIT_COL.name]: 'UBND xã Cai Kinh', [UNIT_COL.block]: 'Xã, thị trấn' },
  { [UNIT_COL.code]: 'X02', [UNIT_COL.name]: 'UBND xã Đồng Tân', [UNIT_COL.block]: 'Xã, thị trấn' },
  { [UNIT_COL.code]: 'X03', [UNIT_COL.name]: 'UBND xã Hòa Bình', [UNIT_COL.block]: 'Xã, thị trấn' },
  { [UNIT_COL.code]: 'X04', [UNIT_COL.name]: 'UBND xã Yên Bình', [UNIT_COL.block]: 'Xã, thị trấn' },
  { [UNIT_COL.code]: 'CQ01', [UNIT_COL.name]: 'Phòng Nội vụ', [UNIT_COL.block]: 'Cơ quan chuyên môn' },
  { [UNIT_COL.code]: 'CQ02', [UNIT_COL.name]: 'Phòng Tư pháp', [UNIT_COL.block]: 'Cơ quan chuyên môn' },
  { [UNIT_COL.code]: 'DV01', [UNIT_COL.name]: 'Trung tâm Y tế', [UNIT_COL.block]: 'Đơn vị khác' },
];

export const CRITERIA: Row[] = [
  { [CRITERION_COL.code]: 'TC1', [CRITERION_COL.name]: 'Chỉ đạo, điều hành', [CRITERION_COL.maxPoints]: 60 },
  { [CRITERION_COL.code]: 'TC2', [CRITERION_COL.name]: 'Thủ tục hành chính', [CRITERION_COL.maxPoints]: 40 },
];

/** Appraised totals: X01 90, X02 85, X03 80, X04 70; CQ01 95, CQ02 60. */
export const SCORES: Row[] = [
  ['X01', 55, 35], ['X02', 50, 35], ['X03', 50, 30], ['X04', 40, 30], ['CQ01', 58, 37], ['CQ02', 40, 20],
].flatMap(([unit, a, b]) => [
  { [SCORE_COL.unitCode]: unit, [SCORE_COL.criterionCode]: 'TC1', [SCORE_COL.selfPoints]: a, [SCORE_COL.appraisedPoints]: a },
  { [SCORE_COL.unitCode]: unit, [SCORE_COL.criterionCode]: 'TC2', [SCORE_COL.selfPoints]: b, [SCORE_COL.appraisedPoints]: b },
]);

/** A collective that passes P1, A0 and A1 and was submitted in the window. */
export const GOOD_COLLECTIVE: Row = {
  [NOMINATION_COL.unitCode]: 'X04',
  [NOMINATION_COL.kind]: 'Tập thể',
  [NOMINATION_COL.name]: 'Bộ phận một cửa xã Yên Bình',
  [NOMINATION_COL.directCchc]: true,
  [NOMINATION_COL.compliance]: true,
  [NOMINATION_COL.unity]: true,
  [NOMINATION_COL.discipline]: true,
  [NOMINATION_COL.hasPlan]: true,
  [NOMINATION_COL.innovation]: true,
  [NOMINATION_COL.satisfactionPercent]: 95,
  [NOMINATION_COL.onTimePercent]: 100,
  [NOMINATION_COL.onlinePrevPercent]: 40,
  [NOMINATION_COL.onlineNowPercent]: 55,
  [NOMINATION_COL.submittedOn]: '03/01/2023',
};

/** An individual that passes P1, B0 and B1 and was submitted in the window. */
export const GOOD_INDIVIDUAL: Row = {
  [NOMINATION_COL.unitCode]: 'X04',
  [NOMINATION_COL.kind]: 'Cá nhân',
  [NOMINATION_COL.name]: 'Nguyễn Văn An',
  [NOMINATION_COL.position]: 'Công chức Văn phòng - Thống kê',
  [NOMINATION_COL.directCchc]: 'Có',
  [NOMINATION_COL.compliance]: 'x',
  [NOMINATION_COL.ratingPrev]: 'HTTNV',
  [NOMINATION_COL.ratingNow]: 'Hoàn thành xuất sắc nhiệm vụ',
  [NOMINATION_COL.submittedOn]: '06/01/2023',
};

/** A sheet from a header and rows given as header → value maps. */
export function table(name: string, header: string[], rows: Row[], formats?: Row[]): SheetInput {
  return {
    name,
    values: [header, ...rows.map((r) => header.map((h) => r[h] ?? ''))],
    numberFormats: formats ? [header.map(() => ''), ...formats.map((f) => header.map((h) => String(f[h] ?? '')))] : undefined,
  };
}

export interface WorkbookParts {
  settings?: Row;
  units?: Row[];
  criteria?: Row[];
  scores?: Row[];
  nominations?: Row[];
  nominationFormats?: Row[];
  dossiers?: SheetInput;
  timeZone?: string;
}

export function workbook(parts: WorkbookParts = {}): WorkbookInput {
  const settings = parts.settings ?? DEFAULT_SETTINGS;
  const sheets: SheetInput[] = [
    { name: SHEET.settings, values: [['Mục', 'Giá trị'], ...Object.entries(settings)] },
    table(SHEET.units, Object.values(UNIT_COL), parts.units ?? UNITS),
    table(SHEET.criteria, Object.values(CRITERION_COL), parts.criteria ?? CRITERIA),
    table(SHEET.scores, Object.values(SCORE_COL), parts.scores ?? SCORES),
    table(SHEET.nominations, Object.values(NOMINATION_COL), parts.nominations ?? [], parts.nominationFormats),
  ];
  if (parts.dossiers) sheets.push(parts.dossiers);
  return { sheets, timeZone: parts.timeZone ?? 'UTC' };
}

/** One nomination built from a passing one with some cells changed. */
export const nomination = (base: Row, changes: Row = {}): Row => ({ ...base, ...changes });

/** `SCORES` without one appraised score, so that unit cannot be ranked (X02's TC2 in most tests). */
export const scoresWithoutAppraisal = (unitCode = 'X02', criterionCode = 'TC2'): Row[] =>
  SCORES.map((s) => (s[SCORE_COL.unitCode] === unitCode && s[SCORE_COL.criterionCode] === criterionCode ? { ...s, [SCORE_COL.appraisedPoints]: '' } : s));
