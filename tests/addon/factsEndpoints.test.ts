/** «Hồ sơ, báo cáo»: a unit fills its `Hồ sơ đơn vị` facts and its nominees' `Báo cáo thành tích` rows. */
import { DOSSIER_COL as D, NOMINATION_COL as N, REPORT_COL as R, SHEET, UNIT_COL, findSheet, readWorkbook } from '../../src/core';
import type { CellValue, WorkbookInput } from '../../src/core';
import { createEndpoints } from '../../src/addon/endpoints';
import { appsScriptHost } from '../../src/addon/sidebarHost';
import { installAuditLog } from '../../src/addon/auditLog';
import type { FactsForm, Result } from '../../src/sidebar/rpc';
import { MemoryHost } from '../../scripts/preview';
import { fakeGoogle } from '../fakes';
import { GOOD_COLLECTIVE, GOOD_INDIVIDUAL, UNITS, nomination, table, workbook } from '../helpers/workbook';
import { AN_REPORT, X04_DOSSIER } from '../core/documents/fixture';

const OWNER = 'chu.tich@huulung.gov.vn';
const X04_USER = 'ubnd.yenbinh@example.gov.vn';

/** X04 (its user set) has a dossier row with a column of the user's own, and An's report row. */
function input(): WorkbookInput {
  const base = workbook({
    units: UNITS.map((u) => (u[UNIT_COL.code] === 'X04' ? { ...u, [UNIT_COL.emails]: X04_USER } : u)),
    nominations: [GOOD_COLLECTIVE, GOOD_INDIVIDUAL, nomination(GOOD_INDIVIDUAL, { [N.unitCode]: 'CQ01', [N.name]: 'Lê Văn Bình' })],
    dossiers: table(SHEET.dossiers, [...Object.values(D), 'Ghi chú'], [{ ...X04_DOSSIER, 'Ghi chú': 'của văn thư' }]),
  });
  base.sheets.push(table(SHEET.reports, Object.values(R), [AN_REPORT]));
  return base;
}

function setup(user = X04_USER, data = input()) {
  const host = new MemoryHost(data, { email: user, owner: user === OWNER });
  return { host, endpoints: createEndpoints(() => host) };
}

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

const rowOf = (host: MemoryHost, sheet: string, row: number) => findSheet(host.input, sheet)!.values[row - 1]!;
const headerOf = (host: MemoryHost, sheet: string) => findSheet(host.input, sheet)!.values[0] as string[];

describe('loadFactsForm', () => {
  it('gives a unit’s user its dossier facts and each nominee’s report, as typed', () => {
    const form = value(setup().endpoints.loadFactsForm());
    expect(form.problems).toEqual([]);
    expect(form.units.map((u) => u.code)).toEqual(['X04']);
    const [x04] = form.units;
    expect(x04!.dossier).toMatchObject({ row: 2, values: { startTime: '8:00', council: 'Hội đồng Thi đua - Khen thưởng xã', votingMethod: 'Giơ tay' } });
    expect(x04!.dossier.values.discussion).toContain('\nÔng Hoàng Văn Bình');
    expect(x04!.nominees.map((n) => [n.name, n.kind, n.report.row])).toEqual([
      ['Bộ phận một cửa xã Yên Bình', 'Tập thể', null],
      ['Nguyễn Văn An', 'Cá nhân', 2],
    ]);
    expect(x04!.nominees[1]!.report.values).toMatchObject({ birthDate: '12/05/1985', homeTown: 'xã Yên Bình, huyện Hữu Lũng, tỉnh Lạng Sơn', residence: '' });
  });

  it('says which columns a v1 workbook lacks and that «Khởi tạo bảng tính» adds them', () => {
    const v1 = input();
    const dossiers = findSheet(v1, SHEET.dossiers)!;
    dossiers.values = dossiers.values.map((row) => row.slice(0, 9));
    v1.sheets = v1.sheets.filter((s) => s.name !== SHEET.reports);
    const { endpoints } = setup(X04_USER, v1);
    expect(value(endpoints.loadFactsForm()).problems).toEqual([
      `Trang «${SHEET.dossiers}» chưa có cột «${D.startTime}», «${D.endTime}», «${D.council}», «${D.votingMethod}», «${D.discussion}», «${D.recipients}»: hãy chạy «Thi đua › Khởi tạo bảng tính» để thêm (dữ liệu có sẵn giữ nguyên).`,
      `Chưa có trang «${SHEET.reports}»: hãy chạy «Thi đua › Khởi tạo bảng tính» để tạo trang này.`,
    ]);
    const loaded = value(endpoints.loadFactsForm()).units[0]!.dossier;
    expect(endpoints.saveDossierFacts({ unitCode: 'X04', values: { ...loaded.values, council: 'Hội đồng' }, loaded: null })).toEqual({
      ok: false,
      error: expect.stringContaining('hãy chạy «Thi đua › Khởi tạo bảng tính» để thêm'),
    });
  });
});

describe('saveDossierFacts', () => {
  it('rewrites the unit’s facts in one write, keeping every other column; the documents read them', () => {
    const { host, endpoints } = setup();
    const loaded = value(endpoints.loadFactsForm()).units[0]!.dossier;
    const values = { ...loaded.values, council: 'Hội đồng xét khen thưởng xã', endTime: '11:15', recipients: 'UBND huyện;\nPhòng Nội vụ huyện;' };
    const saved = value(endpoints.saveDossierFacts({ unitCode: 'X04', values, loaded: loaded.values }));
    expect(saved.row).toBe(2);
    expect(host.writes).toHaveLength(1);
    const row = rowOf(host, SHEET.dossiers, 2);
    expect(row[headerOf(host, SHEET.dossiers).indexOf('Ghi chú')]).toBe('của văn thư');
    expect(row[0]).toBe('X04');
    expect(saved.form.units[0]!.dossier.values).toEqual(values);
    const d = readWorkbook(host.input).dossiers[0]!;
    expect(d).toMatchObject({ council: 'Hội đồng xét khen thưởng xã', endTime: { hour: 11, minute: 15 }, recipients: ['UBND huyện', 'Phòng Nội vụ huyện'] });
    expect(host.selection).toEqual({ sheet: SHEET.dossiers, rows: [2] });
  });

  it('adds a row for a unit that has none, with its code', () => {
    const { host, endpoints } = setup(OWNER);
    const x01 = value(endpoints.loadFactsForm()).units.find((u) => u.code === 'X01')!.dossier;
    expect(x01.row).toBeNull();
    const saved = value(endpoints.saveDossierFacts({ unitCode: 'X01', values: { ...x01.values, council: 'Hội đồng xã Cai Kinh' }, loaded: null }));
    expect(saved.row).toBe(3);
    expect(rowOf(host, SHEET.dossiers, 3)[0]).toBe('X01');
    expect(saved.form.units.find((u) => u.code === 'X01')!.dossier).toMatchObject({ row: 3, values: { council: 'Hội đồng xã Cai Kinh' } });
  });

  it('refuses a row changed since the form loaded it, another unit, and a value the core would not read', () => {
    const { host, endpoints } = setup();
    const loaded = value(endpoints.loadFactsForm()).units[0]!.dossier;
    rowOf(host, SHEET.dossiers, 2)[headerOf(host, SHEET.dossiers).indexOf(D.council)] = 'Sửa bởi người khác';
    expect(endpoints.saveDossierFacts({ unitCode: 'X04', values: { ...loaded.values, council: 'Của tôi' }, loaded: loaded.values })).toEqual({
      ok: false,
      error: expect.stringContaining(`Hàng 2 của trang «${SHEET.dossiers}» đã thay đổi từ lúc bạn mở biểu mẫu`),
    });
    expect(endpoints.saveDossierFacts({ unitCode: 'CQ01', values: loaded.values, loaded: null })).toEqual({
      ok: false,
      error: expect.stringContaining(`Tài khoản ${X04_USER} không được nhập cho «Phòng Nội vụ» (CQ01)`),
    });
    expect(endpoints.saveDossierFacts({ unitCode: 'X04', values: { ...loaded.values, votingMethod: 'Bấm nút', startTime: 'sáng' }, loaded: loaded.values })).toEqual({
      ok: false,
      error: `Dữ liệu gửi lên chưa đúng. «${D.startTime}»: Nhập giờ như 8:00 hoặc 14 giờ 30. «${D.votingMethod}»: Chọn một trong: Giơ tay, Bỏ phiếu kín.`,
    });
    host.busy = true;
    expect(endpoints.saveDossierFacts({ unitCode: 'X04', values: loaded.values, loaded: loaded.values })).toEqual({ ok: false, error: expect.stringContaining('Một người khác đang ghi') });
    expect(host.writes).toHaveLength(0);
  });
});

describe('saveNomineeReport', () => {
  it('adds the collective’s row under the last, with unit and name, and then refuses a second «new» row', () => {
    const { host, endpoints } = setup();
    const collective = value(endpoints.loadFactsForm()).units[0]!.nominees[0]!;
    const values = { ...collective.report.values, address: 'Thôn Đồng Lâm, xã Yên Bình', staff: '12', previousAwards: '2021; Giấy khen; QĐ 85/QĐ-UBND; UBND huyện' };
    const saved = value(endpoints.saveNomineeReport({ unitCode: 'X04', name: collective.name, values, loaded: null }));
    expect(saved.row).toBe(3);
    const header = headerOf(host, SHEET.reports);
    const row = rowOf(host, SHEET.reports, 3);
    expect([row[header.indexOf(R.unitCode)], row[header.indexOf(R.name)], row[header.indexOf(R.address)], row[header.indexOf(R.staff)]]).toEqual([
      'X04', 'Bộ phận một cửa xã Yên Bình', 'Thôn Đồng Lâm, xã Yên Bình', '12',
    ]);
    const report = readWorkbook(host.input).reports!.find((r) => r.name === 'Bộ phận một cửa xã Yên Bình')!;
    expect(report).toMatchObject({ staff: 12, previousAwards: [{ year: '2021', form: 'Giấy khen' }] });
    expect(endpoints.saveNomineeReport({ unitCode: 'X04', name: collective.name, values, loaded: null })).toEqual({
      ok: false,
      error: expect.stringContaining(`Trang «${SHEET.reports}» vừa có thêm hàng`),
    });
  });

  it('refuses a name that is not the unit’s nominee, and a count that is not a number', () => {
    const { endpoints } = setup();
    const an = value(endpoints.loadFactsForm()).units[0]!.nominees[1]!;
    expect(endpoints.saveNomineeReport({ unitCode: 'X04', name: 'Lê Văn Bình', values: an.report.values, loaded: null })).toEqual({
      ok: false,
      error: expect.stringContaining('không còn «Lê Văn Bình» của đơn vị X04'),
    });
    expect(endpoints.saveNomineeReport({ unitCode: 'X04', name: an.name, values: { ...an.report.values, staff: 'mười' }, loaded: an.report.values })).toEqual({
      ok: false,
      error: expect.stringContaining(`«${R.staff}»: Nhập một số nguyên`),
    });
  });
});

describe('the Apps Script host (fake Sheets)', () => {
  function sheets(data = input()) {
    // The owner: the log is theirs to write (another user's lines wait for the owner's next run).
    const google = fakeGoogle({ user: OWNER, owner: OWNER });
    google.install();
    for (const sheet of data.sheets) google.spreadsheet.addSheet(sheet.name, sheet.values as CellValue[][] as never);
    installAuditLog();
    return { google, endpoints: createEndpoints(appsScriptHost) };
  }

  it('writes the facts as literal text in one setValues, logs the save with its unit, holds no lock after', () => {
    const { google, endpoints } = sheets();
    const dossiers = google.spreadsheet.sheet(SHEET.dossiers)!;
    const start = Object.values(D).indexOf(D.startTime) + 1;
    dossiers.getRange(2, start).setValues([['8:00']]); // typed: Sheets stores a time (a date on 30/12/1899)
    expect(dossiers.peek(2, start)!.value).toBeInstanceOf(Date);
    const form: FactsForm = value(endpoints.loadFactsForm());
    const loaded = form.units.find((u) => u.code === 'X04')!.dossier;
    expect(loaded.values.startTime).toBe('8:00');
    google.log.reset();
    const values = { ...loaded.values, startTime: '7:30', council: '=Hội đồng' };
    expect(value(endpoints.saveDossierFacts({ unitCode: 'X04', values, loaded: loaded.values })).row).toBe(2);
    expect(google.log.count('Range.setValues')).toBe(1 + 1); // the row, and its line in Nhật ký
    expect(google.log.count('Lock.tryLock')).toBe(1);
    expect(dossiers.peek(2, start)).toMatchObject({ value: '7:30', formula: '' });
    expect(dossiers.peek(2, Object.values(D).indexOf(D.council) + 1)).toMatchObject({ value: '=Hội đồng', formula: '' });
    const log = google.spreadsheet.sheet(SHEET.auditLog)!.dump();
    expect(log.at(-1)).toEqual(expect.arrayContaining(['Lưu hồ sơ đơn vị (thanh bên «Nhập đề nghị»)', SHEET.dossiers, 'X04']));
    expect(google.lock.held).toBe(false);
  });
});
