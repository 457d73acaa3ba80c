import { DOSSIER_COL, SCORE_COL, SHEET, UNIT_COL, evaluate } from '../../src/core';
import { planSending, reminderList, unknownPlaceholders } from '../../src/core/reminders';
import { DEFAULT_TEMPLATE } from '../../src/core/reminderTemplate';
import { GOOD_COLLECTIVE, SCORES, UNITS, workbook } from '../helpers/workbook';

const TODAY = { year: 2023, month: 1, day: 3 };

/** X01 has not self-scored TC2; X04 nominated without a dossier row; every unit has an address but X03. */
function input() {
  return workbook({
    units: UNITS.map((u) => ({ ...u, [UNIT_COL.emails]: u[UNIT_COL.code] === 'X03' ? '' : `${String(u[UNIT_COL.code]).toLowerCase()}@example.gov.vn` })),
    scores: SCORES.map((s) => (s[SCORE_COL.unitCode] === 'X01' && s[SCORE_COL.criterionCode] === 'TC2' ? { ...s, [SCORE_COL.selfPoints]: '' } : s)),
    nominations: [GOOD_COLLECTIVE],
  });
}

describe('reminderList', () => {
  const list = reminderList(evaluate(input()), TODAY, DEFAULT_TEMPLATE);

  it('lists each unit that owes something, with what it owes', () => {
    expect(list).toMatchObject({ deadline: '06/01/2023', daysLeft: 3, open: true, problem: null });
    const x01 = list.units.find((u) => u.code === 'X01')!;
    expect(x01.owed).toEqual([
      'Còn 1/2 tiêu chí chưa tự chấm điểm (trang «Chấm điểm»).',
      'Chưa có đề nghị khen thưởng (trang «Đề nghị»).',
    ]);
    const x04 = list.units.find((u) => u.code === 'X04')!;
    expect(x04.owed).toEqual(['Chưa có thông tin họp xét và tờ trình (trang «Hồ sơ đơn vị»).']);
    expect(x04.emails).toEqual(['x04@example.gov.vn']);
  });

  it('renders the letter: deadline, days left, what is missing, in the polite register', () => {
    const x04 = list.units.find((u) => u.code === 'X04')!;
    expect(x04.subject).toBe('Đề nghị hoàn thiện hồ sơ phong trào thi đua trước ngày 06/01/2023');
    expect(x04.body).toContain('Kính gửi: UBND xã Yên Bình');
    expect(x04.body).toContain('trước ngày 06/01/2023 (còn 3 ngày)');
    expect(x04.body).toContain('- Chưa có thông tin họp xét và tờ trình');
    expect(x04.body).toContain('Ủy ban nhân dân huyện Hữu Lũng trân trọng đề nghị Quý đơn vị');
    expect(x04.body).not.toMatch(/\{[a-z_]+\}/);
  });

  it('uses an edited template, and names an unknown placeholder', () => {
    const custom = { subject: 'Nhắc {ma_don_vi}', body: 'Hạn {han_chott}: {con_thieu}' };
    const edited = reminderList(evaluate(input()), TODAY, custom);
    expect(edited.units[0]!.subject).toBe('Nhắc X01');
    expect(edited.problem).toContain('{han_chott}');
    expect(unknownPlaceholders(DEFAULT_TEMPLATE)).toEqual([]);
  });

  it('names the missing dossier details and the row', () => {
    const withDossier = input();
    withDossier.sheets.push({ name: SHEET.dossiers, values: [Object.values(DOSSIER_COL), ['X04', '02/01/2023', 'Hội trường xã']] });
    const x04 = reminderList(evaluate(withDossier), TODAY, DEFAULT_TEMPLATE).units.find((u) => u.code === 'X04')!;
    expect(x04.owed).toEqual(['Hồ sơ đơn vị còn thiếu Chủ trì, Thư ký, Số thành viên, Số có mặt, Số tờ trình, Ngày tờ trình (trang «Hồ sơ đơn vị», hàng 2).']);
  });

  it('lists nobody once the deadline has passed, and says so', () => {
    const late = reminderList(evaluate(input()), { year: 2023, month: 1, day: 7 }, DEFAULT_TEMPLATE);
    expect(late).toMatchObject({ open: false, units: [], daysLeft: -1 });
    expect(late.problem).toContain('Đã quá hạn');
  });
});

describe('planSending', () => {
  const units = reminderList(evaluate(input()), TODAY, DEFAULT_TEMPLATE).units;
  it('counts each address against the quota, keeps list order, and says who is not reached', () => {
    const plan = planSending(units, 2);
    expect(plan.send.map((u) => u.code)).toEqual(units.filter((u) => u.emails.length > 0).slice(0, 2).map((u) => u.code));
    expect(plan.noEmail.map((u) => u.code)).toEqual(['X03']);
    expect(plan.send.length + plan.noEmail.length + plan.overQuota.length).toBe(units.length);
    expect(planSending(units, 0).send).toEqual([]);
  });
});
