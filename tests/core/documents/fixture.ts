/** A small district whose X04 sends an eligible collective and individual, with its dossier details. */
import { DOSSIER_COL, NOMINATION_COL, REPORT_COL, SHEET, UNIT_COL, evaluate } from '../../../src/core';
import type { CellValue, Evaluation } from '../../../src/core';
import { GOOD_COLLECTIVE, GOOD_INDIVIDUAL, UNITS, nomination, table, workbook } from '../../helpers/workbook';

type Row = Record<string, CellValue>;

export const X04_DOSSIER: Row = {
  [DOSSIER_COL.unitCode]: 'X04',
  [DOSSIER_COL.meetingDate]: '05/01/2023',
  [DOSSIER_COL.meetingPlace]: 'Hội trường UBND xã Yên Bình',
  [DOSSIER_COL.chair]: 'Hoàng Văn Bình, Chủ tịch UBND xã',
  [DOSSIER_COL.secretary]: 'Lê Thị Cúc, công chức Văn phòng - Thống kê',
  [DOSSIER_COL.members]: 9,
  [DOSSIER_COL.present]: 8,
  [DOSSIER_COL.letterNumber]: '15',
  [DOSSIER_COL.letterDate]: '06/01/2023',
  [DOSSIER_COL.startTime]: '8:00',
  [DOSSIER_COL.endTime]: '10 giờ 30',
  [DOSSIER_COL.council]: 'Hội đồng Thi đua - Khen thưởng xã',
  [DOSSIER_COL.votingMethod]: 'Giơ tay',
  [DOSSIER_COL.discussion]: 'Các thành viên nhất trí với thành tích nêu trong báo cáo.\nÔng Hoàng Văn Bình đề nghị bổ sung số liệu dịch vụ công trực tuyến.',
  [DOSSIER_COL.recipients]: '- UBND huyện (qua Phòng Nội vụ);',
};

/** The test district's units, X04 with its v2 signing columns. */
export const X04_UNIT: Row = {
  ...(UNITS.find((u) => u[UNIT_COL.code] === 'X04') as Row),
  [UNIT_COL.symbol]: 'UBND',
  [UNIT_COL.signerTitle]: 'Chủ tịch',
  [UNIT_COL.signingAuthority]: 'TM',
};
export const UNITS_V2: Row[] = UNITS.map((u) => (u[UNIT_COL.code] === 'X04' ? X04_UNIT : u));

/** Nguyễn Văn An's own facts for form 07. */
export const AN_REPORT: Row = {
  [REPORT_COL.unitCode]: 'X04',
  [REPORT_COL.name]: 'Nguyễn Văn An',
  [REPORT_COL.birthDate]: '12/05/1985',
  [REPORT_COL.sex]: 'nam',
  [REPORT_COL.homeTown]: 'xã Yên Bình, huyện Hữu Lũng, tỉnh Lạng Sơn',
  [REPORT_COL.qualifications]: 'Đại học Luật',
  [REPORT_COL.duties]: 'Tham mưu công tác cải cách hành chính của xã.',
  [REPORT_COL.results]: 'Rà soát, đề xuất đơn giản hóa 12 thủ tục hành chính.',
  [REPORT_COL.previousAwards]: '2021; Giấy khen; Quyết định số 85/QĐ-UBND ngày 20/12/2021; Chủ tịch UBND huyện Hữu Lũng',
};

export const COLLECTIVE = nomination(GOOD_COLLECTIVE, {
  [NOMINATION_COL.summary]: 'Giải quyết 100% hồ sơ đúng hạn.\nTriển khai tiếp nhận hồ sơ trực tuyến toàn trình.',
  [NOMINATION_COL.votesInFavour]: 8,
});

export const INDIVIDUAL = nomination(GOOD_INDIVIDUAL, {
  [NOMINATION_COL.summary]: 'Tham mưu rà soát, đơn giản hóa 12 thủ tục hành chính.',
  [NOMINATION_COL.votesInFavour]: 7,
  [NOMINATION_COL.initiativeRecognition]: 'Quyết định số 12/QĐ-UBND ngày 10/11/2022 của UBND huyện',
});

export interface Parts {
  nominations?: Row[];
  dossiers?: Row[];
  units?: Row[];
  /** Rows of `Báo cáo thành tích`; null: no such sheet. */
  reports?: Row[] | null;
}

export function evaluation(parts: Parts = {}): Evaluation {
  const input = workbook({
    nominations: parts.nominations ?? [COLLECTIVE, INDIVIDUAL],
    dossiers: table(SHEET.dossiers, Object.values(DOSSIER_COL), parts.dossiers ?? [X04_DOSSIER]),
    units: parts.units ?? UNITS_V2,
  });
  const reports = parts.reports === undefined ? [AN_REPORT] : parts.reports;
  if (reports) input.sheets.push(table(SHEET.reports, Object.values(REPORT_COL), reports));
  return evaluate(input);
}
