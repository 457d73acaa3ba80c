import type { WorkbookInput } from '../../src/core';
import { NOMINATION_COL as N, SCORE_COL, SHEET, findSheet } from '../../src/core';
import { describeChange, diffWorkbooks } from '../../src/core/diff';
import { GOOD_COLLECTIVE, GOOD_INDIVIDUAL, workbook } from '../helpers/workbook';

const base = () => workbook({ nominations: [GOOD_COLLECTIVE, GOOD_INDIVIDUAL] });
const sheet = (input: WorkbookInput, name: string) => findSheet(input, name)!.values;
const column = (input: WorkbookInput, name: string, header: string) => sheet(input, name)[0]!.indexOf(header);

describe('diffWorkbooks', () => {
  it('finds nothing between a workbook and itself', () => {
    expect(diffWorkbooks(base(), base())).toEqual({ changes: [], notes: [] });
  });

  it('matches Chấm điểm by unit and criterion: a sorted sheet shows only the real change', () => {
    const after = base();
    const scores = sheet(after, SHEET.scores);
    const rows = scores.slice(1).reverse();
    scores.splice(1, rows.length, ...rows);
    const x01tc2 = scores.findIndex((r) => r[0] === 'X01' && r[1] === 'TC2');
    scores[x01tc2]![column(after, SHEET.scores, SCORE_COL.appraisedPoints)] = 34;
    const { changes } = diffWorkbooks(base(), after);
    expect(changes).toEqual([
      { sheet: SHEET.scores, oldRow: 3, newRow: x01tc2 + 1, key: 'X01 / TC2', column: SCORE_COL.appraisedPoints, oldValue: '35', newValue: '34' },
    ]);
    expect(describeChange(changes[0]!)).toBe(`Chấm điểm, hàng 3 → ${x01tc2 + 1} [X01 / TC2], cột «Điểm thẩm định»: «35» → «34»`);
  });

  it('matches Đề nghị by row number, and reports added and removed rows cell by cell', () => {
    const after = workbook({ nominations: [GOOD_COLLECTIVE] });
    const { changes } = diffWorkbooks(base(), after);
    expect(changes.every((c) => c.sheet === SHEET.nominations && c.oldRow === 3 && c.newRow === null)).toBe(true);
    expect(changes.find((c) => c.column === N.name)).toMatchObject({ oldValue: 'Nguyễn Văn An', newValue: '' });
    expect(describeChange(changes[0]!)).toContain('hàng 3 (đã xóa)');
    const added = diffWorkbooks(after, base()).changes;
    expect(describeChange(added[0]!)).toMatch(/^Đề nghị, hàng mới 3, cột «Mã đơn vị»: \(trống\) → «X04»$/);
  });

  it('compares dates as the day a person reads, whatever the cell type', () => {
    const after = base();
    sheet(after, SHEET.nominations)[1]![column(after, SHEET.nominations, N.submittedOn)] = new Date(Date.UTC(2023, 0, 3));
    expect(diffWorkbooks(base(), after).changes).toEqual([]);
  });

  it('falls back to row numbers when a key repeats, and says so', () => {
    const after = base();
    const units = sheet(after, SHEET.units);
    units[2]![0] = 'X01';
    const { changes, notes } = diffWorkbooks(base(), after);
    expect(notes[0]!.message).toContain('so theo số hàng');
    expect(changes).toEqual([expect.objectContaining({ sheet: SHEET.units, oldRow: 3, newRow: 3, oldValue: 'X02', newValue: 'X01' })]);
  });

  it('notes a sheet present in one file only', () => {
    const after = base();
    after.sheets = after.sheets.filter((s) => s.name !== SHEET.criteria);
    const { notes } = diffWorkbooks(base(), after);
    expect(notes).toEqual([{ sheet: SHEET.criteria, message: 'Trang «Tiêu chí» chỉ có ở tệp cũ.' }]);
  });
});
