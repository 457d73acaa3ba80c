import { NOMINATION_COL, evaluate } from '../../src/core';
import { movementClosing } from '../../src/core/movementSummary';
import { GOOD_COLLECTIVE, GOOD_INDIVIDUAL, nomination, workbook, scoresWithoutAppraisal } from '../helpers/workbook';

// Appraised totals out of 100: X01 90, X02 85 (TC2 unappraised here, so unranked), X03 80, X04 70; CQ01 95, CQ02 60.
const input = workbook({
  scores: scoresWithoutAppraisal(),
  nominations: [
    nomination(GOOD_COLLECTIVE, { [NOMINATION_COL.unitCode]: 'X01' }),
    nomination(GOOD_INDIVIDUAL, { [NOMINATION_COL.unitCode]: 'X01' }),
    GOOD_COLLECTIVE,
    nomination(GOOD_INDIVIDUAL, { [NOMINATION_COL.unitCode]: 'DV01', [NOMINATION_COL.ratingNow]: 'HTNV' }),
    nomination(GOOD_INDIVIDUAL, { [NOMINATION_COL.unitCode]: 'CQ01', [NOMINATION_COL.name]: 'Trần Thị Bình' }),
  ],
});
const evaluation = evaluate(input);

describe('the figures of the summary report (báo cáo tổng kết)', () => {
  const closing = movementClosing(evaluation);

  it('counts the units taking part, by block, and those that nominated', () => {
    expect(closing.participation).toEqual({
      units: 7,
      byBlock: [
        { block: 'Cơ quan chuyên môn', units: 2, nominating: 1 },
        { block: 'Xã, thị trấn', units: 4, nominating: 2 },
        { block: 'Đơn vị khác', units: 1, nominating: 1 },
      ],
      nominatingUnits: 4,
    });
  });

  it('measures how far the scoring got', () => {
    expect(closing.scoring).toEqual({ rankedBlockUnits: 6, selfAssessed: 6, appraised: 5, ranked: 5, cells: 12, appraisedCells: 11, percent: 91.7 });
  });

  it('gives each ranked block its ranking, unranked units and score spread', () => {
    const [agencies, communes] = closing.blocks;
    expect(agencies).toMatchObject({ block: 'Cơ quan chuyên môn', maxPoints: 100, units: 2, average: 77.5, highest: 95, lowest: 60 });
    expect(agencies!.ranking.map((r) => [r.rank, r.code, r.score, r.prize])).toEqual([[1, 'CQ01', 95, 'Nhất'], [2, 'CQ02', 60, 'Nhì']]);
    expect(communes!.ranking.map((r) => r.code)).toEqual(['X01', 'X03', 'X04']);
    expect(communes!.unranked.map((u) => u.code)).toEqual(['X02']);
    expect(communes!.unranked[0]!.reason).toContain('TC2');
    expect(communes!.distribution.map((b) => b.count)).toEqual([0, 0, 1, 1, 1]);
    expect(agencies!.distribution.map((b) => b.count)).toEqual([0, 1, 0, 0, 1]);
  });

  it('counts nominations received, eligible and awarded by block and kind', () => {
    expect(closing.nominations.rows).toEqual([
      { block: 'Cơ quan chuyên môn', kind: 'Cá nhân', received: 1, eligible: 1, awarded: 1 },
      { block: 'Xã, thị trấn', kind: 'Tập thể', received: 2, eligible: 2, awarded: 2 },
      { block: 'Xã, thị trấn', kind: 'Cá nhân', received: 1, eligible: 1, awarded: 1 },
      { block: 'Đơn vị khác', kind: 'Cá nhân', received: 1, eligible: 0, awarded: 0 },
    ]);
    expect(closing.nominations.total).toEqual({ received: 5, eligible: 4, awarded: 4 });
  });

  it('says the intake was not recorded when none is given', () => {
    expect(closing.intake).toBeNull();
  });

  it('counts only accepted dossiers as awarded, and lists the others with the reason', () => {
    const withIntake = movementClosing(evaluation, [
      { unit: 'x01', status: 'Đủ', reason: '' },
      { unit: 'X04', status: 'Trả lại', reason: ' Nộp bản chụp, không có chữ ký. ' },
      { unit: 'DV01', status: 'Thiếu', reason: 'Thiếu D1' },
    ]);
    expect(withIntake.nominations.total).toEqual({ received: 5, eligible: 4, awarded: 2 });
    expect(withIntake.intake).toEqual({
      nominatingUnits: 4,
      complete: 1,
      incomplete: 1,
      returned: 1,
      notReceived: [{ unit: 'CQ01', name: 'Phòng Nội vụ' }],
      notAccepted: [
        { unit: 'X04', name: 'UBND xã Yên Bình', block: 'Xã, thị trấn', status: 'Trả lại', reason: 'Nộp bản chụp, không có chữ ký.' },
        { unit: 'DV01', name: 'Trung tâm Y tế', block: 'Đơn vị khác', status: 'Thiếu', reason: 'Thiếu D1' },
      ],
    });
  });

  it('puts nominations of an unknown unit under their own heading', () => {
    const stray = movementClosing(evaluate(workbook({ nominations: [nomination(GOOD_COLLECTIVE, { [NOMINATION_COL.unitCode]: 'ZZ9' })] })));
    expect(stray.nominations.rows).toEqual([{ block: 'Mã đơn vị không có trong danh sách', kind: 'Tập thể', received: 1, eligible: 0, awarded: 0 }]);
  });
});
