/** Workbooks for the dossier tests: units with eligible nominees and their dossier details. */
import type { CellValue, WorkbookInput } from '../../src/core';
import { DOSSIER_COL, NOMINATION_COL as N, SHEET, UNIT_COL } from '../../src/core';
import { GOOD_COLLECTIVE, GOOD_INDIVIDUAL, UNITS, nomination, table, workbook } from '../helpers/workbook';
import { X04_DOSSIER } from '../core/documents/fixture';

type Row = Record<string, CellValue>;

const X01_DOSSIER: Row = { ...X04_DOSSIER, [DOSSIER_COL.unitCode]: 'X01', [DOSSIER_COL.meetingPlace]: 'Hội trường UBND xã Cai Kinh', [DOSSIER_COL.letterNumber]: '21' };

/** The communes X01 and X04 say who signs and under which symbol (v2 columns of `Đơn vị`). */
const units = UNITS.map((u) =>
  ['X01', 'X04'].includes(String(u[UNIT_COL.code])) ? { ...u, [UNIT_COL.symbol]: 'UBND', [UNIT_COL.signerTitle]: 'CHỦ TỊCH', [UNIT_COL.signingAuthority]: 'TM.' } : u,
);

/** X04 proposes a collective and an individual, X01 a collective: 5 documents in 2 units. */
export function twoUnits(changes: { individual?: Row; nominations?: Row[] } = {}): WorkbookInput {
  return workbook({
    nominations: changes.nominations ?? [
      nomination(GOOD_COLLECTIVE, { [N.summary]: 'Giải quyết 100% hồ sơ đúng hạn.\nTiếp nhận hồ sơ trực tuyến toàn trình.', [N.votesInFavour]: 8 }),
      nomination(GOOD_INDIVIDUAL, { [N.summary]: 'Tham mưu đơn giản hóa 12 thủ tục.', [N.votesInFavour]: 7, ...changes.individual }),
      nomination(GOOD_COLLECTIVE, { [N.unitCode]: 'X01', [N.name]: 'Bộ phận một cửa xã Cai Kinh', [N.summary]: 'Số hóa hồ sơ.', [N.votesInFavour]: 9 }),
    ],
    dossiers: table(SHEET.dossiers, Object.values(DOSSIER_COL), [X04_DOSSIER, X01_DOSSIER]),
    units,
  });
}

/** One unit (X04) proposing `count` individuals. */
export function oneUnitWith(count: number): WorkbookInput {
  const nominations = Array.from({ length: count }, (_, i) =>
    nomination(GOOD_INDIVIDUAL, { [N.name]: `Nguyễn Văn Người Thứ ${i + 1}`, [N.summary]: `Thành tích ${i + 1}.\nDòng thứ hai.`, [N.votesInFavour]: 7 }),
  );
  return workbook({ nominations, dossiers: table(SHEET.dossiers, Object.values(DOSSIER_COL), [X04_DOSSIER]), units });
}
