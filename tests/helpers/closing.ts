/** A small district at the end of the movement (issue 11): intake, council, decision settings. */
import type { CellValue } from '../../src/core';
import { COUNCIL_COL, DOSSIER_COL, EXTRA_SETTING, INTAKE_COL, NOMINATION_COL, SHEET, UNIT_COL } from '../../src/core';
import { DEFAULT_SETTINGS, GOOD_COLLECTIVE, GOOD_INDIVIDUAL, UNITS, nomination, table, workbook } from './workbook';

const complete = (row: Record<string, CellValue>, unit: string, name: string) =>
  nomination(row, { [NOMINATION_COL.unitCode]: unit, [NOMINATION_COL.name]: name, [NOMINATION_COL.votesInFavour]: 8, [NOMINATION_COL.summary]: 'Dẫn đầu.' });
const dossier = (unit: string) => ({
  [DOSSIER_COL.unitCode]: unit, [DOSSIER_COL.meetingDate]: '28/12/2022', [DOSSIER_COL.letterNumber]: '97/TTr-UBND', [DOSSIER_COL.letterDate]: '30/12/2022',
});

// X01 and CQ01 complete; X02 complete but returned by the officer; X03 lacks its letter.
export function closingWorkbook(settings: Record<string, CellValue> = {}, council = true) {
  const wb = workbook({
    settings: { ...DEFAULT_SETTINGS, ...settings },
    units: UNITS.map((u) => (u[UNIT_COL.code] === 'CQ01' ? { ...u, [UNIT_COL.head]: 'Hoàng Văn Nam', [UNIT_COL.symbol]: 'PNV', [UNIT_COL.signerTitle]: 'TRƯỞNG PHÒNG' } : u)),
    nominations: [
      complete(GOOD_INDIVIDUAL, 'X01', 'Nguyễn Thị Lan'),
      complete(GOOD_COLLECTIVE, 'X01', 'Bộ phận một cửa xã Cai Kinh'),
      complete(GOOD_INDIVIDUAL, 'CQ01', 'Đặng Văn Toàn'),
      complete(GOOD_COLLECTIVE, 'X02', 'Văn phòng UBND xã Đồng Tân'),
      complete(GOOD_COLLECTIVE, 'X03', 'Công an xã Hòa Bình'),
    ],
    dossiers: table(SHEET.dossiers, Object.values(DOSSIER_COL), [dossier('X01'), dossier('CQ01'), dossier('X02'), { [DOSSIER_COL.unitCode]: 'X03', [DOSSIER_COL.meetingDate]: '28/12/2022' }]),
  });
  wb.sheets.push(table(SHEET.intake, Object.values(INTAKE_COL), [
    { [INTAKE_COL.unitCode]: 'X02', [INTAKE_COL.status]: 'Trả lại', [INTAKE_COL.reason]: 'Sai thẩm quyền ký' },
  ]));
  if (council) {
    wb.sheets.push(table(SHEET.council, Object.values(COUNCIL_COL), [
      { [COUNCIL_COL.name]: 'Bùi Quốc Khánh', [COUNCIL_COL.position]: 'Chủ tịch UBND huyện', [COUNCIL_COL.role]: 'Chủ tịch Hội đồng' },
      { [COUNCIL_COL.name]: 'Hoàng Văn Nam', [COUNCIL_COL.position]: 'Trưởng phòng Nội vụ', [COUNCIL_COL.role]: 'Phó Chủ tịch Hội đồng' },
      { [COUNCIL_COL.name]: 'Lê Thị Hoa', [COUNCIL_COL.position]: 'Chuyên viên Phòng Nội vụ', [COUNCIL_COL.role]: 'Thư ký' },
    ]));
  }
  return wb;
}

export const FULL = {
  [EXTRA_SETTING.awardDecisionNumber]: '125/QĐ-UBND',
  [EXTRA_SETTING.awardDecisionDate]: '20/01/2023',
  [EXTRA_SETTING.closingSubmissionNumber]: '12',
  [EXTRA_SETTING.closingSubmissionDate]: '15/01/2023',
  [EXTRA_SETTING.councilMeetingDate]: '13/01/2023',
  [EXTRA_SETTING.collectivePrizeAmount]: '1.000.000',
  [EXTRA_SETTING.individualPrizeAmount]: 500000,
};

