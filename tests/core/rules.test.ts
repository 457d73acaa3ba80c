import { evaluate, NOMINATION_COL as N } from '../../src/core';
import { DEFAULT_SETTINGS, GOOD_COLLECTIVE, GOOD_INDIVIDUAL, nomination, workbook } from '../helpers/workbook';

const verdictOf = (row: Record<string, unknown>) =>
  evaluate(workbook({ nominations: [row as never] })).result.nominations[0]!;

describe('P1 — directly doing CCHC work at a unit of the district', () => {
  it('holds for a nominee confirmed as doing CCHC work', () => {
    expect(verdictOf(GOOD_COLLECTIVE).failed).not.toContain('P1');
  });
  it('fails when «Trực tiếp làm CCHC» is not confirmed', () => {
    const v = verdictOf(nomination(GOOD_COLLECTIVE, { [N.directCchc]: false }));
    expect(v.eligible).toBe(false);
    expect(v.failed).toContain('P1');
    expect(v.message).toContain('chưa xác nhận «Trực tiếp làm CCHC»');
  });
  it('fails for a unit code that is not in Đơn vị, with an error on the cell', () => {
    const e = evaluate(workbook({ nominations: [nomination(GOOD_COLLECTIVE, { [N.unitCode]: 'X99' })] }));
    expect(e.result.nominations[0]).toMatchObject({ eligible: false, failed: ['P1'] });
    expect(e.result.errors).toContainEqual(expect.objectContaining({ sheet: 'Đề nghị', row: 2, column: N.unitCode }));
  });
});

describe('A0 — the four duties of a collective', () => {
  it('holds when all four are confirmed', () => {
    expect(verdictOf(GOOD_COLLECTIVE)).toMatchObject({ eligible: true, basis: ['A1'], failed: [] });
  });
  it('fails when one is missing, and names it', () => {
    const v = verdictOf(nomination(GOOD_COLLECTIVE, { [N.unity]: '' }));
    expect(v).toMatchObject({ eligible: false, failed: ['A0'], basis: ['A1'] });
    expect(v.message).toContain('nội bộ đoàn kết');
  });
});

describe('A1 — creative CCHC with satisfaction, on-time dossiers and online services', () => {
  it('fails under the satisfaction threshold, naming the rate and the threshold', () => {
    const v = verdictOf(nomination(GOOD_COLLECTIVE, { [N.satisfactionPercent]: 89.5 }));
    expect(v).toMatchObject({ eligible: false, failed: ['A1', 'A2', 'A3'], basis: [] });
    expect(v.message).toContain('tỷ lệ hài lòng 89,5% (cần từ 90%)');
  });
  it('fails below 100 % on time', () => {
    expect(verdictOf(nomination(GOOD_COLLECTIVE, { [N.onTimePercent]: 99 })).message).toContain('đúng và trước hạn 99% (cần 100%)');
  });
  it('fails when online services did not rise', () => {
    const v = verdictOf(nomination(GOOD_COLLECTIVE, { [N.onlineNowPercent]: 40 }));
    expect(v.failed).toContain('A1');
    expect(v.message).toContain('chưa cao hơn năm trước 40%');
  });
  it('uses the threshold from the settings', () => {
    const e = evaluate(workbook({
      settings: { ...DEFAULT_SETTINGS, 'Tỷ lệ hài lòng tối thiểu (%)': 96 },
      nominations: [GOOD_COLLECTIVE],
    }));
    expect(e.result.nominations[0]!.failed).toContain('A1');
  });
});

describe('A2 and A3 — a unit in a prize rank of its block', () => {
  it('A2 holds for a commune ranked in the first three', () => {
    const v = verdictOf(nomination(GOOD_COLLECTIVE, { [N.unitCode]: 'X02', [N.innovation]: false }));
    expect(v).toMatchObject({ eligible: true, basis: ['A2'] });
    expect(v.message).toContain('xếp thứ Nhì trong khối «Xã, thị trấn»');
  });
  it('A2 fails for a commune outside the prize ranks', () => {
    const v = verdictOf(nomination(GOOD_COLLECTIVE, { [N.unitCode]: 'X04', [N.innovation]: false }));
    expect(v).toMatchObject({ eligible: false, failed: ['A1', 'A2', 'A3'] });
    expect(v.message).toContain('xếp hạng 4 trong khối «Xã, thị trấn», ngoài các hạng được xét');
  });
  it('A3 holds for a ranked agency, not A2', () => {
    expect(verdictOf(nomination(GOOD_COLLECTIVE, { [N.unitCode]: 'CQ02', [N.innovation]: false })))
      .toMatchObject({ eligible: true, basis: ['A3'] });
  });
  it('A3 fails for a unit of no ranked block', () => {
    const v = verdictOf(nomination(GOOD_COLLECTIVE, { [N.unitCode]: 'DV01', [N.innovation]: false }));
    expect(v.failed).toEqual(['A1', 'A2', 'A3']);
  });
  it('lists every alternative that holds', () => {
    expect(verdictOf(nomination(GOOD_COLLECTIVE, { [N.unitCode]: 'X01' })).basis).toEqual(['A1', 'A2']);
  });
});

describe('B0–B2 — an individual', () => {
  it('B1 holds for two years rated well or better', () => {
    expect(verdictOf(GOOD_INDIVIDUAL)).toMatchObject({ eligible: true, basis: ['B1'], failed: [] });
  });
  it('B0 fails without compliance', () => {
    const v = verdictOf(nomination(GOOD_INDIVIDUAL, { [N.compliance]: 'Không' }));
    expect(v).toMatchObject({ eligible: false, failed: ['B0'] });
    expect(v.message).toContain('B0: chưa xác nhận chấp hành tốt chủ trương, pháp luật');
  });
  it('B1 fails with «hoàn thành nhiệm vụ» in one year', () => {
    const v = verdictOf(nomination(GOOD_INDIVIDUAL, { [N.ratingPrev]: 'HTNV' }));
    expect(v).toMatchObject({ eligible: false, failed: ['B1', 'B2'] });
    expect(v.message).toContain('năm trước hoàn thành nhiệm vụ');
  });
  it('B2 holds with a recognised initiative', () => {
    const v = verdictOf(nomination(GOOD_INDIVIDUAL, {
      [N.ratingPrev]: 'HTNV',
      [N.initiativeRecognition]: 'Quyết định số 123/QĐ-UBND ngày 15/11/2022 của UBND huyện',
    }));
    expect(v).toMatchObject({ eligible: true, basis: ['B2'] });
    expect(v.message).toContain('Quyết định số 123/QĐ-UBND');
  });
  it('B2 fails without a recognition', () => {
    expect(verdictOf(nomination(GOOD_INDIVIDUAL, { [N.ratingNow]: '' })).message).toContain('B2: chưa có sáng kiến');
  });
});

describe('a row with an unreadable value a rule needs', () => {
  it('is not eligible and names the rule that could not be checked', () => {
    const e = evaluate(workbook({ nominations: [nomination(GOOD_INDIVIDUAL, { [N.ratingPrev]: 'giỏi' })] }));
    expect(e.result.nominations[0]).toMatchObject({ eligible: false });
    expect(e.result.nominations[0]!.failed).toContain('B1');
    expect(e.result.errors).toEqual([
      expect.objectContaining({ sheet: 'Đề nghị', row: 2, column: N.ratingPrev, message: expect.stringContaining('HTXSNV, HTTNV, HTNV hoặc KHTNV') }),
    ]);
  });
  // workbook.md v2: neither collective nor individual fails P0 alone (it failed P1 before v2).
  it('an unknown kind fails P0, and only P0', () => {
    const v = verdictOf(nomination(GOOD_INDIVIDUAL, { [N.kind]: 'Nhóm' }));
    expect(v).toMatchObject({ eligible: false, failed: ['P0'], basis: [], kind: null });
    expect(v.message).toContain('P0: giấy khen dành cho tập thể hoặc cá nhân');
  });
});
