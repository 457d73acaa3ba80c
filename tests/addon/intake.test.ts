import { INTAKE_COL, SHEET } from '../../src/core';
import { checkDossierIntake } from '../../src/addon/intake';
import { initWorkbook } from '../../src/addon/setup';
import { fakeGoogle, type FakeGoogle } from '../fakes';
import { districtInput, loadWorkbook } from './workbooks';

let google: FakeGoogle;
beforeEach(() => {
  google = fakeGoogle();
  google.install();
  loadWorkbook(google, districtInput());
});

const HEADER = Object.values(INTAKE_COL);
const column = (name: string) => HEADER.indexOf(name as never);

describe('Kiểm tra tiếp nhận hồ sơ', () => {
  it('writes one row per nominating unit with the check and status, in one write under the lock', () => {
    google.log.reset();
    checkDossierIntake();
    const rows = google.spreadsheet.sheet(SHEET.intake)!.dump();
    expect(rows[0]).toEqual(HEADER);
    expect(rows.slice(1).map((r) => r[0])).toEqual(['X01', 'X03', 'X04', 'CQ01', 'CQ02']);
    // The district has no `Hồ sơ đơn vị`: every dossier lacks its minutes and letter.
    expect(rows.slice(1).every((r) => r[column(INTAKE_COL.status)] === 'Thiếu')).toBe(true);
    expect(String(rows[1]![column(INTAKE_COL.check)])).toContain('D1 biên bản họp xét');
    expect(google.log.count('Range.setValues')).toBe(1);
    expect(google.log.count('Lock.tryLock')).toBe(1);
    expect(google.lock.held).toBe(false);
    expect(google.spreadsheet.toasts.at(-1)).toMatchObject({ message: expect.stringContaining('5 đơn vị — 0 đủ, 5 thiếu, 0 trả lại') });
  });

  it('keeps what the officer typed, a return and its reason, and reads the sheet once', () => {
    google.spreadsheet.addSheet(SHEET.intake, [
      [...HEADER, 'Ghi chú'],
      ['CQ01', 'Phòng Nội vụ', '04/01/2023', 'Bản giấy', 'Lê Thị Hoa', 'cũ', 'Trả lại', 'Sai mẫu báo cáo', '=1+1'],
    ]);
    google.log.reset();
    checkDossierIntake();
    const rows = google.spreadsheet.sheet(SHEET.intake)!.dump();
    expect(rows[1]).toEqual(['CQ01', 'Phòng Nội vụ', '04/01/2023', 'Bản giấy', 'Lê Thị Hoa', expect.stringMatching(/^Thiếu: /), 'Trả lại', 'Sai mẫu báo cáo', '=1+1']);
    expect(rows).toHaveLength(6);
    expect(google.log.count('Range.setValues')).toBe(1);
    // Five input sheets (the district has no `Hồ sơ đơn vị`) and the intake sheet, one read each.
    expect(google.log.count('Range.getValues')).toBe(6);
  });
});

describe('Khởi tạo bảng tính and the intake sheet', () => {
  it('creates Tiếp nhận hồ sơ with one row per unit that has nominations', () => {
    initWorkbook();
    const rows = google.spreadsheet.sheet(SHEET.intake)!.dump();
    expect(rows[0]).toEqual(HEADER);
    expect(rows.slice(1).map((r) => [r[0], r[1]])).toEqual([
      ['X01', 'UBND xã Cai Kinh'], ['X03', 'UBND xã Hòa Bình'], ['X04', 'UBND xã Yên Bình'], ['CQ01', 'Phòng Nội vụ'], ['CQ02', 'Phòng Tư pháp'],
    ]);
  });
});
