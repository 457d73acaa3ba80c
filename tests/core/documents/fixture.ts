/** A small district whose X04 sends an eligible collective and individual, with its dossier details. */
import { DOSSIER_COL, NOMINATION_COL, SHEET, evaluate } from '../../../src/core';
import type { CellValue, Evaluation } from '../../../src/core';
import { GOOD_COLLECTIVE, GOOD_INDIVIDUAL, nomination, table, workbook } from '../../helpers/workbook';

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
}

export function evaluation(parts: Parts = {}): Evaluation {
  return evaluate(
    workbook({
      nominations: parts.nominations ?? [COLLECTIVE, INDIVIDUAL],
      dossiers: table(SHEET.dossiers, Object.values(DOSSIER_COL), parts.dossiers ?? [X04_DOSSIER]),
      ...(parts.units ? { units: parts.units } : {}),
    }),
  );
}
