import { competitionRanks, evaluate, SCORE_COL as S } from '../../src/core';
import { CRITERIA, DEFAULT_SETTINGS, SCORES, workbook } from '../helpers/workbook';

const score = (unit: string, criterion: string, appraised: unknown, self: unknown = appraised) =>
  ({ [S.unitCode]: unit, [S.criterionCode]: criterion, [S.selfPoints]: self, [S.appraisedPoints]: appraised }) as never;

describe('U3 — ranking within a block', () => {
  it('uses standard competition ranking: equal scores share a rank, the next skips', () => {
    expect(competitionRanks([90, 85, 90, 70])).toEqual([1, 3, 1, 4]);
  });

  it('compares totals at 2 decimals unless told otherwise (workbook.md v2; THIDUA_XEPHANG too)', () => {
    expect(competitionRanks([90.004, 90.001, 89.996, 70])).toEqual([1, 1, 1, 4]);
    expect(competitionRanks([90.004, 90.001, 89.996, 70], 3)).toEqual([1, 2, 3, 4]);
    expect(competitionRanks([90.4, 89.6, 91], 0)).toEqual([2, 2, 1]);
  });

  it('ranks each block separately, by appraised score, with prizes for the first three ranks', () => {
    const { ranking } = evaluate(workbook()).result;
    expect(ranking.map((r) => [r.unit, r.rank, r.prize])).toEqual([
      ['CQ01', 1, 'Nhất'], ['CQ02', 2, 'Nhì'],
      ['X01', 1, 'Nhất'], ['X02', 2, 'Nhì'], ['X03', 3, 'Ba'], ['X04', 4, null],
    ]);
    expect(ranking.find((r) => r.unit === 'X01')).toMatchObject({ block: 'Xã, thị trấn', score: 90, self_score: 90, tied: false });
  });

  it('ties totals a person reads as equal, whatever order the criteria were added in', () => {
    const criteria = ['A', 'B', 'C'].map((code) => ({ 'Mã tiêu chí': code, 'Tiêu chí': code, 'Điểm tối đa': 50 }));
    const scores = [
      score('X01', 'A', 0.1), score('X01', 'B', 0.2), score('X01', 'C', 0.3),
      score('X02', 'C', 0.3), score('X02', 'B', 0.2), score('X02', 'A', 0.1),
      score('X03', 'A', 0.05), score('X03', 'B', 0.05), score('X03', 'C', 0.05),
      score('X04', 'A', 0), score('X04', 'B', 0), score('X04', 'C', 0),
    ];
    const { ranking } = evaluate(workbook({ criteria: criteria as never, scores })).result;
    const communes = ranking.filter((r) => r.block === 'Xã, thị trấn');
    expect(communes.slice(0, 2).map((r) => [r.unit, r.score, r.rank, r.tied, r.prize])).toEqual([
      ['X01', 0.6, 1, true, 'Nhất'], ['X02', 0.6, 1, true, 'Nhất'],
    ]);
    expect(communes[2]).toMatchObject({ unit: 'X03', rank: 3, tied: false, prize: 'Ba' });
  });

  it('counts prize ranks from «Số hạng được xét»', () => {
    const settings = { ...DEFAULT_SETTINGS, 'Số hạng được xét': 1 };
    const { ranking } = evaluate(workbook({ settings })).result;
    expect(ranking.filter((r) => r.prize).map((r) => r.unit)).toEqual(['CQ01', 'X01']);
  });

  it('leaves a unit with a criterion not appraised unranked, saying which', () => {
    const scores = SCORES.map((s) => (s[S.unitCode] === 'X01' && s[S.criterionCode] === 'TC2' ? { ...s, [S.appraisedPoints]: '' } : s));
    const result = evaluate(workbook({ scores })).result;
    expect(result.unranked).toEqual([{ unit: 'X01', block: 'Xã, thị trấn', reason: expect.stringContaining('Chưa có điểm thẩm định ở 1/2 tiêu chí: TC2') }]);
    expect(result.ranking.find((r) => r.unit === 'X02')).toMatchObject({ rank: 1, prize: 'Nhất' });
  });

  it('leaves a unit with a score above the maximum unranked and reports the cell, never capping it', () => {
    const scores = [...SCORES.filter((s) => s[S.unitCode] !== 'X02'), score('X02', 'TC1', 61), score('X02', 'TC2', 30)];
    const result = evaluate(workbook({ scores })).result;
    expect(result.errors).toContainEqual({ sheet: 'Chấm điểm', row: 12, column: S.appraisedPoints, message: expect.stringContaining('ngoài khoảng 0 đến 60') });
    expect(result.unranked.map((u) => u.unit)).toEqual(['X02']);
    expect(result.unranked[0]!.reason).toContain('hàng 12');
  });

  it.each([
    ['a negative score', -1, 'ngoài khoảng'],
    ['a text score', 'chín mươi', 'không phải là số'],
  ])('reports %s and does not rank the unit', (_, value, message) => {
    const scores = [...SCORES.filter((s) => !(s[S.unitCode] === 'X03' && s[S.criterionCode] === 'TC1')), score('X03', 'TC1', value, 50)];
    const result = evaluate(workbook({ scores })).result;
    expect(result.errors).toEqual([expect.objectContaining({ sheet: 'Chấm điểm', column: S.appraisedPoints, message: expect.stringContaining(message) })]);
    expect(result.unranked.map((u) => u.unit)).toEqual(['X03']);
  });

  it('reports a duplicate (unit, criterion) row and does not rank the unit', () => {
    const result = evaluate(workbook({ scores: [...SCORES, score('X04', 'TC1', 40)] })).result;
    expect(result.errors).toEqual([expect.objectContaining({ row: 14, message: expect.stringContaining('đã có điểm tiêu chí «TC1» ở hàng 8') })]);
    expect(result.unranked.map((u) => u.unit)).toEqual(['X04']);
  });

  it('reports unknown unit and criterion codes', () => {
    const result = evaluate(workbook({ scores: [...SCORES, score('X77', 'TC1', 1), score('X01', 'TC9', 1)] })).result;
    expect(result.errors.map((e) => [e.row, e.column])).toEqual([[14, S.unitCode], [15, S.criterionCode]]);
    expect(result.unranked.map((u) => u.unit)).toEqual(['X01']);
  });

  it('applies a criterion limited to one block only to that block', () => {
    const criteria = [...CRITERIA, { 'Mã tiêu chí': 'TC3', 'Tiêu chí': 'Riêng xã', 'Điểm tối đa': 10, 'Khối': 'xã, THỊ TRẤN' }];
    const result = evaluate(workbook({ criteria: criteria as never, scores: [...SCORES, score('X04', 'TC3', 10)] })).result;
    expect(result.unranked.map((u) => u.unit)).toEqual(['X01', 'X02', 'X03']);
    expect(result.ranking.find((r) => r.unit === 'X04')).toMatchObject({ score: 80, rank: 1 });
    expect(result.ranking.find((r) => r.unit === 'CQ01')).toMatchObject({ score: 95, rank: 1 });
  });
});
