import { DOSSIER_COL, NOMINATION_COL, SHEET, evaluate } from '../../src/core';
import { unitProgress } from '../../src/core/progress';
import { GOOD_COLLECTIVE, GOOD_INDIVIDUAL, nomination, table, workbook, scoresWithoutAppraisal } from '../helpers/workbook';

const dossierSheet = table(SHEET.dossiers, Object.values(DOSSIER_COL), [
  {
    [DOSSIER_COL.unitCode]: 'X01', [DOSSIER_COL.meetingDate]: '28/12/2022', [DOSSIER_COL.meetingPlace]: 'Hội trường UBND xã',
    [DOSSIER_COL.chair]: 'Nguyễn Văn Hải, Chủ tịch', [DOSSIER_COL.secretary]: 'Lê Thị Hoa, công chức', [DOSSIER_COL.members]: 9,
    [DOSSIER_COL.present]: 8, [DOSSIER_COL.letterNumber]: '97/TTr-UBND', [DOSSIER_COL.letterDate]: '30/12/2022',
  },
  { [DOSSIER_COL.unitCode]: 'X04', [DOSSIER_COL.meetingDate]: '28/12/2022', [DOSSIER_COL.members]: 9, [DOSSIER_COL.present]: 8 },
]);

// X02 lacks its TC2 appraised score, so X04 ranks 3rd; X01 sends one of each (allowed), X04 two collectives (not).
const input = workbook({
  scores: scoresWithoutAppraisal(),
  nominations: [
    nomination(GOOD_COLLECTIVE, { [NOMINATION_COL.unitCode]: 'X01' }),
    nomination(GOOD_INDIVIDUAL, { [NOMINATION_COL.unitCode]: 'X01' }),
    GOOD_COLLECTIVE,
    nomination(GOOD_COLLECTIVE, { [NOMINATION_COL.submittedOn]: '09/01/2023' }),
    nomination(GOOD_INDIVIDUAL, { [NOMINATION_COL.unitCode]: 'DV01', [NOMINATION_COL.ratingNow]: 'HTNV' }),
  ],
  dossiers: dossierSheet,
});

describe('the progress of each unit (Tiến độ)', () => {
  const report = unitProgress(evaluate(input));
  const unit = (code: string) => report.units.find((u) => u.code === code)!;

  it('counts the appraised criteria and ranks from the evaluation', () => {
    expect(unit('X01')).toMatchObject({ criteria: { total: 2, appraised: 2 }, rank: 1, prize: 'Nhất', ranked: true, problems: [] });
    expect(unit('X02')).toMatchObject({ criteria: { total: 2, selfScored: 2, appraised: 1 }, ranked: false, problems: ['scoring'] });
    expect(unit('X02').unrankedReason).toContain('TC2');
    expect(unit('DV01')).toMatchObject({ rankedBlock: false, criteria: { total: 0 } });
  });

  it('sets nominations against the quota and flags what holds a unit back', () => {
    expect(unit('X01')).toMatchObject({ nominations: { total: 2, collective: 1, individual: 1, eligible: 2 }, allowed: { total: 2 }, quotaOk: true });
    expect(unit('X04')).toMatchObject({ rank: 3, nominations: { total: 2, collective: 2 }, allowed: { total: 2, collective: 1 }, quotaOk: false });
    expect(unit('X04').problems).toEqual(['quota', 'window', 'dossier']);
    expect(unit('X04').dossier!.missing).toEqual([DOSSIER_COL.meetingPlace, DOSSIER_COL.chair, DOSSIER_COL.secretary, DOSSIER_COL.letterNumber, DOSSIER_COL.letterDate]);
    expect(unit('DV01').problems).toEqual(['ineligible', 'dossier']);
    expect(unit('DV01').dossier).toBeNull();
    expect(unit('X03')).toMatchObject({ nominations: { total: 0 }, allowed: null, problems: [] });
  });

  it('adds up the district and charts each ranked block in rank order', () => {
    expect(report.totals).toMatchObject({ units: 7, rankedBlockUnits: 6, appraised: 5, nominations: 5, eligible: 4, nominatingUnits: 3, quotaProblems: 1, dossiersComplete: 1 });
    expect(report.charts.map((c) => [c.block, c.bars.map((b) => b.code)])).toEqual([
      ['Cơ quan chuyên môn', ['CQ01', 'CQ02']],
      ['Xã, thị trấn', ['X01', 'X03', 'X04']],
    ]);
    expect(report.hasDocuments).toBe(false);
  });

  it('shows document statuses from a Hồ sơ sheet when there is one', () => {
    const documents = { name: 'Hồ sơ', values: [['Mã đơn vị', 'Văn bản', 'Trạng thái'], ['X01', 'Biên bản', 'Đã tạo'], ['x01', 'Tờ trình', 'Đã tạo'], ['X04', 'Biên bản', 'Thiếu thông tin']] };
    const withDocuments = unitProgress(evaluate(input), documents);
    expect(withDocuments.hasDocuments).toBe(true);
    expect(withDocuments.units.find((u) => u.code === 'X01')!.documents).toEqual([{ status: 'Đã tạo', count: 2 }]);
    expect(withDocuments.units.find((u) => u.code === 'X03')!.documents).toEqual([]);
  });
});
