import { evaluate, CRITERION_COL, NOMINATION_COL, SCORE_COL, SETTING, SHEET } from '../../src/core';
import { initWorkbook } from '../../src/addon/setup';
import { SheetIndex, readInputSheets } from '../../src/addon/sheetIO';
import { fakeGoogle, type FakeGoogle } from '../fakes';
import { workbook } from '../helpers/workbook';
import { loadWorkbook, scaledInput } from './workbooks';

let google: FakeGoogle;
beforeEach(() => {
  google = fakeGoogle();
  google.install();
});

const INPUTS = [SHEET.settings, SHEET.units, SHEET.criteria, SHEET.scores, SHEET.nominations, SHEET.dossiers, SHEET.reports, SHEET.intake];

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
    expect(google.spreadsheet.sheets.map((s) => s.name).slice(before.length)).toEqual([SHEET.dossiers, SHEET.reports, SHEET.intake]);
    expect(google.ui.alerts[0]!.prompt).toContain(`Đã tạo: ${SHEET.dossiers}, ${SHEET.reports}, ${SHEET.intake}.`);
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
});
