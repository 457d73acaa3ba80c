import { evaluate, CRITERION_COL, DOSSIER_COL, NOMINATION_COL, SCORE_COL, SETTING, SHEET, UNIT_COL } from '../../src/core';
import { initWorkbook } from '../../src/addon/setup';
import { SheetIndex, readInputSheets } from '../../src/addon/sheetIO';
import { fakeGoogle, type FakeGoogle } from '../fakes';
import { workbook } from '../helpers/workbook';
import { loadWorkbook, scaledInput } from './workbooks';
import fc from 'fast-check';
import { expectSameDecisions, randomWorkbook } from '../helpers/randomWorkbook';

let google: FakeGoogle;
beforeEach(() => {
  google = fakeGoogle();
  google.install();
});

const INPUTS = [SHEET.settings, SHEET.units, SHEET.criteria, SHEET.scores, SHEET.nominations, SHEET.dossiers, SHEET.reports, SHEET.standards, SHEET.intake];

describe('Khởi tạo bảng tính', () => {
  it('creates every input sheet with the contract headers, a note on each, bold and frozen', () => {
    initWorkbook();
    expect(google.spreadsheet.sheets.map((s) => s.name)).toEqual(INPUTS);
    const nominations = google.spreadsheet.sheet(SHEET.nominations)!;
    expect(nominations.dump()[0]).toEqual(Object.values(NOMINATION_COL));
    for (let c = 1; c <= Object.values(NOMINATION_COL).length; c++) {
      expect(nominations.peek(1, c)!.note).not.toBe('');
      expect(nominations.peek(1, c)!.fontWeight).toBe('bold');
    }
    expect(nominations.frozenRows).toBe(1);
  });

  it('gives checkboxes, drop-downs, number checks and date formats to the data rows', () => {
    initWorkbook();
    const sheet = google.spreadsheet.sheet(SHEET.nominations)!;
    const column = (header: string) => Object.values(NOMINATION_COL).indexOf(header as never) + 1;
    const rule = (header: string, row = 2) => sheet.peek(row, column(header))!.validation!;
    expect(rule(NOMINATION_COL.directCchc).criteria).toBe('CHECKBOX');
    expect(rule(NOMINATION_COL.directCchc, 1000).criteria).toBe('CHECKBOX');
    expect(rule(NOMINATION_COL.kind).args[0]).toEqual(['Tập thể', 'Cá nhân']);
    expect(rule(NOMINATION_COL.ratingNow).args[0]).toContain('Hoàn thành tốt nhiệm vụ');
    expect(rule(NOMINATION_COL.satisfactionPercent)).toMatchObject({ criteria: 'NUMBER_BETWEEN', args: [0, 100] });
    expect(sheet.peek(2, column(NOMINATION_COL.submittedOn))!.format).toBe('dd/mm/yyyy');
    // Checkboxes are a validation, not values: the sheet stays empty below the header.
    expect(sheet.getLastRow()).toBe(1);
    const units = google.spreadsheet.sheet(SHEET.units)!;
    expect(units.peek(2, 3)!.validation!.args[0]).toEqual(['Cơ quan chuyên môn', 'Xã, thị trấn', 'Đơn vị khác']);
  });

  it('lists the settings with their defaults, a note on each', () => {
    initWorkbook();
    const settings = google.spreadsheet.sheet(SHEET.settings)!;
    const rows = settings.dump();
    expect(rows.map((r) => r[0])).toEqual(['Mục', ...Object.values(SETTING)]);
    expect(rows.find((r) => r[0] === SETTING.prizeRanks)![1]).toBe(3);
    expect(settings.peek(2, 1)!.note).toContain('Bắt buộc');
  });

  it('gives a fresh workbook that the core reads, asking only for the required settings', () => {
    initWorkbook();
    const { errors } = evaluate(readInputSheets(new SheetIndex(SpreadsheetApp.getActiveSpreadsheet()))).result;
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((e) => e.sheet === SHEET.settings && e.message.startsWith('Thiếu cấu hình'))).toBe(true);
  });

  it('never changes a sheet that exists, whatever its spelling, and says so', () => {
    const input = workbook();
    input.sheets[0]!.name = 'cấu  HÌNH';
    loadWorkbook(google, input);
    const before = google.spreadsheet.sheets.map((s) => ({ name: s.name, values: s.dump(), cells: JSON.stringify(s.cells) }));
    initWorkbook();
    expect(google.spreadsheet.sheets.slice(0, before.length).map((s) => ({ name: s.name, values: s.dump(), cells: JSON.stringify(s.cells) }))).toEqual(before);
    expect(google.spreadsheet.sheets.map((s) => s.name).slice(before.length)).toEqual([SHEET.dossiers, SHEET.reports, SHEET.standards, SHEET.intake]);
    expect(google.ui.alerts[0]!.prompt).toContain(`Đã tạo: ${SHEET.dossiers}, ${SHEET.reports}, ${SHEET.standards}, ${SHEET.intake}.`);
    expect(google.ui.alerts[0]!.prompt).toContain('cấu  HÌNH');
    expect(google.lock.lost).toBe(0); // told after the lock was released
  });

  it('takes the block names and the largest maximum from the existing sheets', () => {
    const input = workbook({
      settings: { [SETTING.communeBlock]: 'Xã, phường', [SETTING.agencyBlock]: 'Sở, ban, ngành' },
      criteria: [{ [CRITERION_COL.code]: 'TC1', [CRITERION_COL.maxPoints]: 25 }, { [CRITERION_COL.code]: 'TC2', [CRITERION_COL.maxPoints]: 75 }],
    });
    loadWorkbook(google, { ...input, sheets: input.sheets.filter((s) => s.name === SHEET.settings || s.name === SHEET.criteria) });
    initWorkbook();
    expect(google.spreadsheet.sheet(SHEET.units)!.peek(2, 3)!.validation!.args[0]).toEqual(['Sở, ban, ngành', 'Xã, phường', 'Đơn vị khác']);
    const scores = google.spreadsheet.sheet(SHEET.scores)!;
    expect(scores.peek(2, Object.values(SCORE_COL).indexOf(SCORE_COL.appraisedPoints) + 1)!.validation!.args).toEqual([0, 75]);
  });

  it('makes as many service calls for 5,000 existing rows as for 10', () => {
    const calls = (rows: number) => {
      google = fakeGoogle();
      google.install();
      loadWorkbook(google, { ...scaledInput(rows), sheets: scaledInput(rows).sheets.filter((s) => s.name === SHEET.settings || s.name === SHEET.criteria) });
      initWorkbook();
      return google.log.total();
    };
    expect(calls(5000)).toBe(calls(10));
  });

  describe('in a v1 workbook', () => {
    const UNIT_V1 = [UNIT_COL.code, UNIT_COL.name, UNIT_COL.block, UNIT_COL.head, UNIT_COL.emails];
    const DOSSIER_V1 = [DOSSIER_COL.unitCode, DOSSIER_COL.meetingDate, DOSSIER_COL.meetingPlace, DOSSIER_COL.chair, DOSSIER_COL.secretary, DOSSIER_COL.members, DOSSIER_COL.present, DOSSIER_COL.letterNumber, DOSSIER_COL.letterDate];
    const UNIT_V2 = [UNIT_COL.symbol, UNIT_COL.signerTitle, UNIT_COL.signingAuthority, UNIT_COL.superior];
    const DOSSIER_V2 = [DOSSIER_COL.startTime, DOSSIER_COL.endTime, DOSSIER_COL.council, DOSSIER_COL.votingMethod, DOSSIER_COL.discussion, DOSSIER_COL.recipients];
    /** A v1 `Đơn vị` with a column of the user's own and a note typed beyond it without a header. */
    const units = () => [
      [...UNIT_V1, 'Ghi chú riêng', ''],
      ['X01', 'UBND xã Cai Kinh', 'Xã, thị trấn', 'Hoàng Văn Bình', 'vanthu@caikinh.gov.vn', 'đã gọi', ''],
      ['CQ01', 'Phòng Nội vụ', 'Cơ quan chuyên môn', '', '', '', 'xem lại'],
    ];
    /** A v1 `Hồ sơ đơn vị` under a title row, as a clerk might keep it. */
    const dossiers = () => [
      ['Hồ sơ họp xét của các đơn vị', '', '', '', '', '', '', '', ''],
      DOSSIER_V1,
      ['X01', '05/01/2023', 'Hội trường UBND xã', 'Hoàng Văn Bình', 'Lê Thị Hoa', 7, 6, '12/TTr-UBND', '06/01/2023'],
    ];
    beforeEach(() => {
      google.spreadsheet.addSheet(SHEET.units, units());
      google.spreadsheet.addSheet(SHEET.dossiers, dossiers());
    });

    it('adds the v2 columns after the last used column, keeping every typed cell and the user\'s columns', () => {
      initWorkbook();
      const unitSheet = google.spreadsheet.sheet(SHEET.units)!;
      expect(unitSheet.dump()).toEqual([
        [...units()[0]!, ...UNIT_V2],
        ...units().slice(1).map((row) => [...row, '', '', '', '']),
      ]);
      expect(unitSheet.peek(1, 8)!.note).toContain('không dấu thanh');
      expect(unitSheet.peek(1, 8)!.fontWeight).toBe('bold');
      expect(unitSheet.peek(2, 10)!.validation!.args[0]).toEqual(['TM.', 'KT.', 'Q.']);
      const dossierSheet = google.spreadsheet.sheet(SHEET.dossiers)!;
      expect(dossierSheet.dump()).toEqual([
        [...dossiers()[0]!, '', '', '', '', '', ''],
        [...DOSSIER_V1, ...DOSSIER_V2],
        [...dossiers()[2]!, '', '', '', '', '', ''],
      ]);
      expect(dossierSheet.peek(3, 13)!.validation!.args[0]).toEqual(['Giơ tay', 'Bỏ phiếu kín']);
      const prompt = google.ui.alerts[0]!.prompt;
      expect(prompt).toContain(`«${SHEET.units}» (sau cột cuối cùng đang dùng) các cột: ${UNIT_V2.join(', ')}.`);
      expect(prompt).toContain(`«${SHEET.dossiers}» (sau cột cuối cùng đang dùng) các cột: ${DOSSIER_V2.join(', ')}.`);
      expect(google.lock.lost).toBe(0);
      // The core now reads the v2 columns: the workbook has no «Thiếu cột» for them.
      const { errors } = evaluate(readInputSheets(new SheetIndex(SpreadsheetApp.getActiveSpreadsheet()))).result;
      expect(errors.filter((e) => e.message.startsWith('Thiếu cột'))).toEqual([]);
    });

    it('reads and writes the header of each existing sheet once', () => {
      google.log.reset();
      initWorkbook();
      const ranges = google.log.snapshot();
      // Two existing sheets read once each, then the input sheets once more (8, the new ones
      // included) for the intake's first rows; the seven sheets created have their headers written
      // once each, and the settings' and the rules' (`Tiêu chuẩn`) rows once more (no unit of this
      // workbook has nominations, so the intake starts without rows).
      expect(ranges['Range.getValues'] ?? 0).toBe(2 + 8);
      expect(google.log.count('Range.setValues')).toBe(2 + 7 + 2);
      expect(google.log.count('Range.setNotes')).toBe(2 + 7 + 1);
    });

    it('adds nothing the second time', () => {
      initWorkbook();
      const after = google.spreadsheet.sheets.map((s) => ({ name: s.name, cells: JSON.stringify(s.cells) }));
      google.log.reset();
      initWorkbook();
      expect(google.spreadsheet.sheets.map((s) => ({ name: s.name, cells: JSON.stringify(s.cells) }))).toEqual(after);
      expect(google.log.count('Range.setValues')).toBe(0);
      expect(google.ui.alerts[1]!.prompt).toContain('Không cần tạo trang hay thêm cột nào.');
    });

    it('adds to `Báo cáo thành tích` only the columns it lacks', () => {
      google.spreadsheet.addSheet(SHEET.reports, [['Mã đơn vị', 'Tên tập thể / Họ và tên', 'Kết quả đạt được'], ['X01', 'Nguyễn Văn An', 'Tốt']]);
      initWorkbook();
      const header = google.spreadsheet.sheet(SHEET.reports)!.dump()[0]!;
      expect(header.slice(0, 3)).toEqual(['Mã đơn vị', 'Tên tập thể / Họ và tên', 'Kết quả đạt được']);
      expect(header.filter((h) => h === 'Kết quả đạt được')).toHaveLength(1);
      expect(header).toContain('Các hình thức đã được khen thưởng');
      expect(google.spreadsheet.sheet(SHEET.reports)!.dump()[1]!.slice(0, 3)).toEqual(['X01', 'Nguyễn Văn An', 'Tốt']);
    });
  });
});

describe('Khởi tạo bảng tính writes the 2022 rules as `Tiêu chuẩn` rows', () => {
  it('that, read back from the sheet, decide random workbooks exactly as the built-in rules', () => {
    initWorkbook();
    const written = readInputSheets(new SheetIndex(SpreadsheetApp.getActiveSpreadsheet())).sheets.find((s) => s.name === SHEET.standards)!;
    expect(written.values.slice(1).map((r) => r[0])).toEqual(['P1', 'P1', 'A0', 'A0', 'A0', 'A0', 'A1', 'A1', 'A1', 'A1', 'A2', 'A3', 'B0', 'B1', 'B1', 'B2', 'B2']);
    fc.assert(fc.property(randomWorkbook, (input) => expectSameDecisions(input, written.values)), { numRuns: 200 });
  });
});
