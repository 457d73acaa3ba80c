import type { CellValue } from '../../src/core';
import { evaluate, EXTRA_SETTING, NOMINATION_COL as N } from '../../src/core';
import { DEFAULT_SETTINGS, GOOD_COLLECTIVE, GOOD_INDIVIDUAL, nomination, workbook } from '../helpers/workbook';

describe('P4 — quota per unit', () => {
  it('a unit outside the prize ranks may send one nominee of either kind', () => {
    const e = evaluate(workbook({ nominations: [GOOD_COLLECTIVE] }));
    expect(e.result.quota).toEqual([{
      unit: 'X04', allowed: { total: 1, collective: 1, individual: 1 },
      nominated: { total: 1, collective: 1, individual: 0 }, ok: true, message: expect.stringContaining('trong chỉ tiêu'),
    }]);
    expect(e.result.nominations[0]!.quota_ok).toBe(true);
  });

  it('a unit outside the prize ranks sending two is over quota, and neither goes on the award list', () => {
    const e = evaluate(workbook({ nominations: [GOOD_COLLECTIVE, GOOD_INDIVIDUAL] }));
    expect(e.result.quota[0]).toMatchObject({ unit: 'X04', ok: false, nominated: { total: 2, collective: 1, individual: 1 } });
    expect(e.result.quota[0]!.message).toContain('vượt chỉ tiêu');
    expect(e.result.quota[0]!.message).toContain('các hàng 2, 3');
    expect(e.result.nominations.map((v) => [v.eligible, v.quota_ok])).toEqual([[true, false], [true, false]]);
    expect(e.awardList).toEqual([]);
  });

  it('a unit in a prize rank may send one collective and one individual', () => {
    const e = evaluate(workbook({
      nominations: [nomination(GOOD_COLLECTIVE, { [N.unitCode]: 'X01' }), nomination(GOOD_INDIVIDUAL, { [N.unitCode]: 'X01' })],
    }));
    expect(e.result.quota[0]).toMatchObject({ allowed: { total: 2, collective: 1, individual: 1 }, ok: true });
    expect(e.awardList).toHaveLength(2);
  });

  it('a unit in a prize rank sending two collectives is over quota', () => {
    const e = evaluate(workbook({
      nominations: [nomination(GOOD_COLLECTIVE, { [N.unitCode]: 'CQ01' }), nomination(GOOD_COLLECTIVE, { [N.unitCode]: 'CQ01', [N.name]: 'Tổ một cửa' })],
    }));
    expect(e.result.quota[0]).toMatchObject({ unit: 'CQ01', ok: false, nominated: { total: 2, collective: 2, individual: 0 } });
  });

  it('counts ineligible rows too: every row of Đề nghị counts', () => {
    const e = evaluate(workbook({ nominations: [GOOD_COLLECTIVE, nomination(GOOD_INDIVIDUAL, { [N.compliance]: '' })] }));
    expect(e.result.quota[0]!.ok).toBe(false);
  });
});

describe('M3 — the dossier window, both ends included', () => {
  it.each([
    ['02/01/2023', true, 'trong thời gian'],
    ['06/01/2023', true, 'trong thời gian'],
    ['01/01/2023', false, 'trước thời gian nhận hồ sơ (từ 02/01/2023 đến 06/01/2023)'],
    ['07/01/2023', false, 'sau thời gian nhận hồ sơ'],
    ['', false, 'chưa có ngày nộp hồ sơ'],
  ])('submitted %s → window_ok %s', (date, ok, message) => {
    const e = evaluate(workbook({ nominations: [nomination(GOOD_COLLECTIVE, { [N.submittedOn]: date })] }));
    const v = e.result.nominations[0]!;
    expect(v.window_ok).toBe(ok);
    expect(v.eligible).toBe(true);
    if (!ok) expect(v.message).toContain(message);
    expect(e.awardList).toHaveLength(ok ? 1 : 0);
  });

  it('compares calendar days of date cells in the workbook time zone', () => {
    // Sheets gives 06/01/2023 in Asia/Ho_Chi_Minh as the previous day 17:00 UTC.
    const sheetsDate = new Date(Date.UTC(2023, 0, 5, 17, 0, 0));
    const e = evaluate(workbook({ nominations: [nomination(GOOD_COLLECTIVE, { [N.submittedOn]: sheetsDate })], timeZone: 'Asia/Ho_Chi_Minh' }));
    expect(e.result.nominations[0]!.window_ok).toBe(true);
    const excelDate = new Date(Date.UTC(2023, 0, 7));
    const late = evaluate(workbook({ nominations: [nomination(GOOD_COLLECTIVE, { [N.submittedOn]: excelDate })] }));
    expect(late.result.nominations[0]!.window_ok).toBe(false);
  });
});

describe('P4 as settings (issue 12)', () => {
  const settings = (extra: Record<string, CellValue>) => ({ ...DEFAULT_SETTINGS, ...extra });

  it('a movement may allow two nominees per unit and three, two of a kind, to units in a prize rank', () => {
    const e = evaluate(workbook({
      settings: settings({ [EXTRA_SETTING.quotaPerUnit]: 2, [EXTRA_SETTING.quotaPerPrizeUnit]: 3, [EXTRA_SETTING.quotaPerKind]: 2 }),
      nominations: [
        GOOD_COLLECTIVE, GOOD_INDIVIDUAL, // X04, 4th: two of two
        ...[GOOD_COLLECTIVE, GOOD_INDIVIDUAL, nomination(GOOD_INDIVIDUAL, { [N.name]: 'Lê Thị Hoa' })].map((n) => nomination(n, { [N.unitCode]: 'X01' })),
      ],
    }));
    expect(e.result.quota.map((q) => [q.unit, q.allowed, q.ok])).toEqual([
      ['X04', { total: 2, collective: 2, individual: 2 }, true],
      ['X01', { total: 3, collective: 2, individual: 2 }, true],
    ]);
    expect(e.result.quota[1]!.message).toBe('P4: trong chỉ tiêu (đơn vị xếp hạng được xét nên được đề nghị 03 (mỗi hình thức tối đa 02)).');
    expect(e.awardList).toHaveLength(5);
  });

  it('a value that is not a whole number from 1 is reported and the launch document’s quota is used', () => {
    const e = evaluate(workbook({ settings: settings({ [EXTRA_SETTING.quotaPerUnit]: 0 }), nominations: [GOOD_COLLECTIVE, GOOD_INDIVIDUAL] }));
    expect(e.result.errors).toEqual([expect.objectContaining({ sheet: 'Cấu hình', column: 'Giá trị', message: '«Chỉ tiêu mỗi đơn vị» phải là số nguyên lớn hơn 0. Đang dùng giá trị mặc định 1.' })]);
    expect(e.result.quota[0]).toMatchObject({ allowed: { total: 1 }, ok: false });
  });
});
