import { SCORE_COL, SHEET } from '../../src/core';
import { PROTECTION_PREFIX, protectUnitRows } from '../../src/addon/protections';
import { fakeGoogle, type FakeGoogle, type FakeProtection } from '../fakes';
import { districtInput, loadWorkbook, scaledInput } from './workbooks';

let google: FakeGoogle;
const OWNER = 'chu.tich@huulung.gov.vn';

function setUp(input = districtInput()): void {
  google = fakeGoogle({ owner: OWNER });
  google.install();
  google.spreadsheet.editors.push('noivu@huulung.gov.vn', 'yenbinh@huulung.gov.vn', 'ai.do@huulung.gov.vn');
  loadWorkbook(google, input);
}

const ours = () => google.spreadsheet.protections.filter((p) => p.description.startsWith(PROTECTION_PREFIX));
const on = (sheet: string, description: string) =>
  ours().find((p) => p.range.sheet.name === sheet && p.description.includes(description)) as FakeProtection;

describe('Phân quyền đơn vị', () => {
  it("lets only a unit's emails and the owner edit its rows", () => {
    setUp();
    protectUnitRows();
    // Chấm điểm: two rows per unit, X01 first (rows 2–3).
    const x01 = on(SHEET.scores, 'đơn vị X01');
    expect(x01.range.getA1Notation()).toBe('A2:Z3');
    expect(x01.editors.sort()).toEqual([OWNER, 'vanthu.caikinh@huulung.gov.vn'].sort());
    expect(on(SHEET.scores, 'đơn vị X02').editors.sort()).toEqual(
      [OWNER, 'cchc.dongtan@huulung.gov.vn', 'chutich.dongtan@huulung.gov.vn'].sort(),
    );
    expect(x01.domainEdit).toBe(false);
  });

  it('keeps the appraised column and the header rows for the owner alone', () => {
    setUp();
    protectUnitRows();
    const column = Object.values(SCORE_COL).indexOf(SCORE_COL.appraisedPoints) + 1;
    const appraised = on(SHEET.scores, SCORE_COL.appraisedPoints);
    expect(appraised.range.column).toBe(column);
    expect(appraised.range.row).toBe(2);
    expect(appraised.editors).toEqual([OWNER]);
    expect(on(SHEET.nominations, 'hàng tiêu đề').editors).toEqual([OWNER]);
  });

  it("protects each contiguous run of a unit's scattered rows", () => {
    setUp();
    protectUnitRows();
    // Đề nghị: X04 on rows 2 and 3; X01 on 4; CQ02 5; CQ01 6; X99 (unknown) 7; X03 8.
    expect(on(SHEET.nominations, 'đơn vị X04').description).toContain('hàng 2–3');
    const input = districtInput();
    const rows = input.sheets.find((s) => s.name === SHEET.nominations)!.values;
    rows.push([...rows[1]!]); // X04 again, on row 9
    setUp(input);
    protectUnitRows();
    const x04 = ours().filter((p) => p.range.sheet.name === SHEET.nominations && p.description.includes('đơn vị X04'));
    expect(x04.map((p) => [p.range.row, p.range.numRows])).toEqual([[2, 2], [9, 1]]);
  });

  it('reports rows of unknown units and units without an email', () => {
    setUp();
    protectUnitRows();
    const alert = google.ui.alerts[0]!.prompt;
    expect(alert).toContain('hàng 7 có mã đơn vị không có trong trang «Đơn vị»');
    expect(alert).toMatch(/Đơn vị .*X03.* chưa có email/);
  });

  it('replaces its own protections on a re-run and leaves the ones people made', () => {
    setUp();
    google.spreadsheet.sheet(SHEET.scores)!.getRange('E2:E5').protect().setDescription('Khóa của Phòng Nội vụ');
    protectUnitRows();
    const first = ours().map((p) => [p.range.sheet.name, p.description, [...p.editors].sort()]);
    protectUnitRows();
    expect(ours().map((p) => [p.range.sheet.name, p.description, [...p.editors].sort()])).toEqual(first);
    expect(google.spreadsheet.protections.map((p) => p.description)).toContain('Khóa của Phòng Nội vụ');
  });

  it('makes as many service calls for 5,000 rows as for 10', () => {
    const calls = (rows: number) => {
      setUp(scaledInput(rows));
      google.log.reset();
      protectUnitRows();
      return google.log.snapshot();
    };
    expect(calls(5000)).toEqual(calls(10));
  });
});
