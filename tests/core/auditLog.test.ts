import { NO_OLD_VALUE, actionEntry, describeCells, editEntry, isLoggedSheet } from '../../src/core/auditLog';
import { SHEET } from '../../src/core';

const AT = new Date(Date.UTC(2023, 0, 3, 2, 0));
const edit = { at: AT, user: '', sheet: SHEET.scores, range: 'D2', row: 2, column: 4, unit: 'X01' };

describe('the rows of Nhật ký', () => {
  it('logs the input sheets and the log itself, whatever the spelling; not the result sheets', () => {
    expect(isLoggedSheet('chấm  ĐIỂM')).toBe(true);
    expect(isLoggedSheet(SHEET.auditLog)).toBe(true);
    expect(isLoggedSheet('tiêu chuẩn')).toBe(true); // the rules change verdicts too
    expect(isLoggedSheet(SHEET.ranking)).toBe(false);
  });

  it('shows dates as the day a person reads, and a cleared cell as «(trống)»', () => {
    const entry = editEntry({ ...edit, values: [['']], oldValue: new Date(Date.UTC(2023, 0, 4, 17)) }, 'Asia/Ho_Chi_Minh');
    expect([entry.oldValue, entry.newValue]).toEqual(['05/01/2023', '(trống)']);
  });

  it('names each cell of a range from its column letters (past Z too), and gives no old value', () => {
    const entry = editEntry({ ...edit, range: 'Z2:AA2', column: 26, values: [[1, 2]] }, 'UTC');
    expect(entry.newValue).toBe('Z2: 1; AA2: 2');
    expect(entry.oldValue).toBe(NO_OLD_VALUE);
    expect(describeCells([[1], [2]], 9, 1, 'UTC')).toBe('A9: 1; A10: 2');
  });

  it('cuts very long text, so a waiting row fits one document property (9 KB)', () => {
    const long = 'Tóm tắt thành tích rất dài của đơn vị. '.repeat(400);
    const entry = editEntry({ ...edit, values: [[long]], oldValue: long }, 'UTC');
    expect(entry.newValue.length).toBeLessThan(1100);
    expect(entry.newValue).toContain('cắt bớt');
    expect(Buffer.byteLength(JSON.stringify({ ...entry, at: AT.getTime() }))).toBeLessThan(9 * 1024);
    const written = actionEntry({ action: 'Lưu', sheet: SHEET.nominations, newValue: ['X04', new Date(Date.UTC(2023, 0, 3)), null] }, AT, 'a@b.vn', 'UTC');
    expect(written.newValue).toBe('X04 | 03/01/2023 | (trống)');
  });
});
