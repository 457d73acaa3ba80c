import { evaluate, NOMINATION_COL as N } from '../../src/core';
import { GOOD_COLLECTIVE, GOOD_INDIVIDUAL, nomination, workbook } from '../helpers/workbook';

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
