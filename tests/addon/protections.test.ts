import { SCORE_COL, SHEET, UNIT_COL } from '../../src/core';
import type { Clock, Progress } from '../../src/addon/jobRunner';
import { continueJob, startJob } from '../../src/addon/jobRunner';
import { PROTECTION_PREFIX, protectUnitRows, protectionJob } from '../../src/addon/protections';
import { fakeGoogle, type FakeGoogle, type FakeProtection } from '../fakes';
import { districtInput, loadWorkbook, scaledInput } from './workbooks';

let google: FakeGoogle;
const OWNER = 'chu.tich@huulung.gov.vn';

function setUp(input = districtInput(), user = OWNER): void {
  google = fakeGoogle({ owner: OWNER, user, htmlFiles: new Map([['CongViec', '<p>Tiến trình</p>']]) });
  google.install();
  google.spreadsheet.editors.push('noivu@huulung.gov.vn', 'yenbinh@huulung.gov.vn', 'ai.do@huulung.gov.vn');
  loadWorkbook(google, input);
}

/** The dialog: «Bắt đầu», then every step to the end; each progress answered. */
function dialog(clock: Clock = google.clock): Progress[] {
  const seen = [startJob(protectionJob, null, clock)];
  while (!seen.at(-1)!.finished) seen.push(continueJob(protectionJob, clock));
  return seen;
}
const protect = (): Progress => dialog().at(-1)!;

const ours = () => google.spreadsheet.protections.filter((p) => p.description.startsWith(PROTECTION_PREFIX));
const on = (sheet: string, description: string) =>
  ours().find((p) => p.range.sheet.name === sheet && p.description.includes(description)) as FakeProtection;

describe('Phân quyền đơn vị', () => {
  it("lets only a unit's emails and the owner edit its rows", () => {
    setUp();
    protect();
    // Chấm điểm: two rows per unit, X01 first (rows 2–3).
    const x01 = on(SHEET.scores, 'đơn vị X01');
    expect(x01.range.getA1Notation()).toBe('A2:Z3');
    expect(x01.editors.sort()).toEqual([OWNER, 'vanthu.caikinh@huulung.gov.vn'].sort());
    expect(on(SHEET.scores, 'đơn vị X02').editors.sort()).toEqual(
      [OWNER, 'cchc.dongtan@huulung.gov.vn', 'chutich.dongtan@huulung.gov.vn'].sort(),
    );
    expect(x01.domainEdit).toBe(false);
  });

  it('the menu opens the progress dialog; nothing is asked while the lock is held', () => {
    setUp();
    protectUnitRows();
    expect(google.ui.dialogs.at(-1)!.title).toBe('Phân quyền đơn vị');
    expect(protect().message).toContain('Cần lưu ý');
    expect(google.ui.alerts).toEqual([]);
    expect(google.lock.lost).toBe(0);
  });

  it('keeps the «Email» column of «Đơn vị» for the owner: nobody adds their address to another unit', () => {
    setUp();
    protect();
    const email = on(SHEET.units, `cột «${UNIT_COL.emails}»`);
    expect(email.editors).toEqual([OWNER]);
    const header = google.spreadsheet.sheet(SHEET.units)!.dump()[0]!;
    expect(email.range.column).toBe(header.indexOf(UNIT_COL.emails) + 1);
    expect(email.range.row).toBe(2);
  });

  it('an editor who runs it adds themself before removing the others, and may keep editing nothing else', () => {
    setUp(districtInput(), 'noivu@huulung.gov.vn');
    expect(protect().finished).toBe(true);
    const x01 = on(SHEET.scores, 'đơn vị X01');
    expect(x01.editors.sort()).toEqual([OWNER, 'noivu@huulung.gov.vn', 'vanthu.caikinh@huulung.gov.vn'].sort());
    expect(google.log.count('Protection.addEditor')).toBeGreaterThan(0);
  });

  it('leaves a protection it may not edit, and says so, instead of failing', () => {
    setUp();
    protect();
    // Another editor runs it again: the owner-only protections are not theirs to remove.
    google.ctx.effectiveUser = 'yenbinh@huulung.gov.vn';
    const again = protect();
    expect(again.finished).toBe(true);
    expect(again.message).toContain('không gỡ được vùng bảo vệ «Thi đua: Chấm điểm – hàng tiêu đề»');
  });

  it('on a consumer file (no domain) it never calls setDomainEdit, which would throw', () => {
    setUp();
    google.spreadsheet.consumer = true;
    expect(protect().finished).toBe(true);
    expect(google.log.count('Protection.setDomainEdit')).toBe(0);
    expect(on(SHEET.scores, 'đơn vị X01').domainEdit).toBe(false);
  });

  it('is time-boxed and resumable: a slow province takes several short calls and ends as one run does', () => {
    setUp(scaledInput(5000));
    const fast = protect();
    const whole = ours().map((p) => [p.range.getA1Notation(), p.description, [...p.editors].sort()]);
    // Each service call costs 200 ms: no call from the dialog works past its budget.
    setUp(scaledInput(5000));
    const slow = { now: () => google.clock.now() };
    const before = google.log.total.bind(google.log);
    let seen = 0;
    slow.now = () => {
      const calls = before();
      google.clock.advance((calls - seen) * 200);
      seen = calls;
      return google.clock.now();
    };
    const steps = dialog(slow);
    expect(steps.length).toBeGreaterThan(1);
    expect(steps.at(-1)!.message).toBe(fast.message);
    expect(ours().map((p) => [p.range.getA1Notation(), p.description, [...p.editors].sort()])).toEqual(whole);
  });

  it('keeps the appraised column and the header rows for the owner alone', () => {
    setUp();
    protect();
    const column = Object.values(SCORE_COL).indexOf(SCORE_COL.appraisedPoints) + 1;
    const appraised = on(SHEET.scores, SCORE_COL.appraisedPoints);
    expect(appraised.range.column).toBe(column);
    expect(appraised.range.row).toBe(2);
    expect(appraised.editors).toEqual([OWNER]);
    expect(on(SHEET.nominations, 'hàng tiêu đề').editors).toEqual([OWNER]);
  });

  it("protects each contiguous run of a unit's scattered rows", () => {
    setUp();
    protect();
    // Đề nghị: X04 on rows 2 and 3; X01 on 4; CQ02 5; CQ01 6; X99 (unknown) 7; X03 8.
    expect(on(SHEET.nominations, 'đơn vị X04').description).toContain('hàng 2–3');
    const input = districtInput();
    const rows = input.sheets.find((s) => s.name === SHEET.nominations)!.values;
    rows.push([...rows[1]!]); // X04 again, on row 9
    setUp(input);
    protect();
    const x04 = ours().filter((p) => p.range.sheet.name === SHEET.nominations && p.description.includes('đơn vị X04'));
    expect(x04.map((p) => [p.range.row, p.range.numRows])).toEqual([[2, 2], [9, 1]]);
  });

  it('reports rows of unknown units and units without an email', () => {
    setUp();
    const alert = protect().message;
    expect(alert).toContain('hàng 7 có mã đơn vị không có trong trang «Đơn vị»');
    expect(alert).toMatch(/Đơn vị .*X03.* chưa có email/);
  });

  it('replaces its own protections on a re-run and leaves the ones people made', () => {
    setUp();
    google.spreadsheet.sheet(SHEET.scores)!.getRange('E2:E5').protect().setDescription('Khóa của Phòng Nội vụ');
    protect();
    const first = ours().map((p) => [p.range.sheet.name, p.description, [...p.editors].sort()]);
    protect();
    expect(ours().map((p) => [p.range.sheet.name, p.description, [...p.editors].sort()])).toEqual(first);
    expect(google.spreadsheet.protections.map((p) => p.description)).toContain('Khóa của Phòng Nội vụ');
  });

  it('makes as many service calls for 5,000 rows as for 10', () => {
    const calls = (rows: number) => {
      setUp(scaledInput(rows));
      google.log.reset();
      protect();
      return google.log.snapshot();
    };
    expect(calls(5000)).toEqual(calls(10));
  });
});
