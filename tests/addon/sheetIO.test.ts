import { asLiteral, readInputSheets, SheetIndex, writeOutputSheet } from '../../src/addon/sheetIO';
import { readWorkbook, SETTING, SHEET } from '../../src/core';
import { fakeGoogle, loadWorkbook } from '../fakes';
import { districtInput } from './workbooks';

describe('asLiteral', () => {
  it.each([
    ['=SUM(A1:A3)', "'=SUM(A1:A3)"],
    ['+84 912 345 678', "'+84 912 345 678"],
    ['-Lê Thị Bình', "'-Lê Thị Bình"],
    ['@Phòng Nội vụ', "'@Phòng Nội vụ"],
    ["'trích dẫn'", "''trích dẫn'"],
    ['01', "'01"],
    ['95%', "'95%"],
    ['05/01/2023', "'05/01/2023"],
    ['TRUE', "'TRUE"],
    ['0312e45', "'0312e45"],
    ['1E5', "'1E5"],
    ['1/2', "'1/2"],
    ['2 Jan 2023', "'2 Jan 2023"],
    ['10:30 AM', "'10:30 AM"],
    ['$5', "'$5"],
    ['UBND xã Cai Kinh', 'UBND xã Cai Kinh'],
  ])('keeps %s as the text it is', (text, cell) => {
    expect(asLiteral(text)).toBe(cell);
  });

  it('leaves text alone in a cell formatted as plain text, where Sheets parses nothing', () => {
    expect(asLiteral('0312e45', '@')).toBe('0312e45');
  });

  it('writes numbers, booleans and empties as they are', () => {
    expect([asLiteral(91.25), asLiteral(false), asLiteral(null), asLiteral(undefined), asLiteral('')]).toEqual([91.25, false, '', '', '']);
  });
});

describe('writeOutputSheet', () => {
  it('stores the text Sheets would otherwise turn into a number, date or formula', () => {
    const google = fakeGoogle();
    google.install();
    const index = new SheetIndex(SpreadsheetApp.getActiveSpreadsheet());
    writeOutputSheet(index, { name: 'Xếp hạng', header: ['Mã', 'Tên'], rows: [['01', '=1+1'], ['05/01/2023', null]], marks: ['prize', null] });
    const sheet = google.spreadsheet.sheet('Xếp hạng')!;
    expect(sheet.dump()).toEqual([['Mã', 'Tên'], ['01', '=1+1'], ['05/01/2023', '']]);
    expect(sheet.peek(2, 1)!.background).toBe('#d9ead3');
    expect(sheet.peek(3, 1)!.background).toBeNull();
    expect(sheet.getMaxRows()).toBe(3);
  });

  // The fake parses as Sheets does, so what is stored is what a user would see.
  const PARSABLE = ['0312e45', '1e5', '1/2', '95%', 'TRUE', '+84 912', '-Lê Thị Bình', '@Nội vụ', '10:30', '2023-01-05', '$5', '1,000', "'trích"];

  it('keeps every string that Sheets would parse as the text it is', () => {
    const google = fakeGoogle();
    google.install();
    const index = new SheetIndex(SpreadsheetApp.getActiveSpreadsheet());
    writeOutputSheet(index, { name: 'Hồ sơ', header: ['Mã nội dung'], rows: PARSABLE.map((t) => [t]), marks: PARSABLE.map(() => null) });
    const sheet = google.spreadsheet.sheet('Hồ sơ')!;
    expect(sheet.dump().slice(1).map((r) => r[0])).toEqual(PARSABLE);
    expect(sheet.getDataRange().getFormulas().flat().filter(Boolean)).toEqual([]);
  });

  it('is needed: the same strings written raw become numbers, dates, booleans and formulas', () => {
    const google = fakeGoogle();
    const sheet = google.spreadsheet.addSheet('Thử');
    sheet.getRange(1, 1, PARSABLE.length, 1).setValues(PARSABLE.map((t) => [t]));
    const stored = sheet.dump().map((r) => r[0]);
    expect(stored.filter((v, i) => v === PARSABLE[i])).toEqual(['@Nội vụ']);
    expect(stored[0]).toBe(3.12e47);
  });

  it('grows the sheet for a list longer than it', () => {
    const google = fakeGoogle();
    google.install();
    const index = new SheetIndex(SpreadsheetApp.getActiveSpreadsheet());
    const rows = Array.from({ length: 2500 }, (_, i) => [i + 1]);
    writeOutputSheet(index, { name: 'Kết quả xét', header: ['Hàng'], rows, marks: rows.map(() => null) });
    expect(google.spreadsheet.sheet('Kết quả xét')!.getLastRow()).toBe(2501);
  });
});

describe('the fake Sheets holds what Sheets does', () => {
  it('has an active range even when the user selected nothing: the cursor cell', () => {
    const google = fakeGoogle();
    google.spreadsheet.addSheet('Cấu hình', [['Mục', 'Giá trị']]);
    google.spreadsheet.addSheet('Đề nghị', [['Mã đơn vị'], ['X01']]);
    expect(google.spreadsheet.getActiveRange().getA1Notation()).toBe('A1');
    google.spreadsheet.select('Đề nghị', 'A2');
    expect(google.spreadsheet.getActiveRange().getSheet().getName()).toBe('Đề nghị');
  });

  it('lets only an editor of a protected range lift its protection', () => {
    const owner = fakeGoogle({ owner: 'chu.tich@huulung.gov.vn' });
    const protection = owner.spreadsheet.addSheet('Đề nghị', [['Mã đơn vị']]).getRange('A1').protect();
    protection.removeEditors(['chu.tich@huulung.gov.vn']); // the owner stays an editor
    const clerk = fakeGoogle({ owner: 'chu.tich@huulung.gov.vn', user: 'vanthu@huulung.gov.vn' });
    const theirs = clerk.spreadsheet.addSheet('Đề nghị', [['Mã đơn vị']]).getRange('A1').protect();
    theirs.editors.splice(0, theirs.editors.length, 'chu.tich@huulung.gov.vn');
    expect(() => theirs.remove()).toThrow('You are trying to edit a protected cell or object.');
    protection.remove();
    expect(owner.spreadsheet.protections).toEqual([]);
  });

  it('refuses a range below the last row or right of the last column: rows must be inserted first', () => {
    const google = fakeGoogle();
    const sheet = google.spreadsheet.addSheet('Đề nghị', [['Mã đơn vị'], ['X01']]);
    sheet.maxRows = 2;
    expect(() => sheet.getRange(3, 1, 1, 1)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    expect(() => sheet.getRange(1, 27, 1, 1)).toThrow('outside the dimensions');
    sheet.insertRowsAfter(2, 1);
    expect(sheet.getRange(3, 1, 1, 1).setValues([['X02']]).getValue()).toBe('X02');
  });
});

describe('readInputSheets', () => {
  it('reads a percent setting formatted as percent (0.95 shown as 95%) as 95, like percent columns', () => {
    const google = fakeGoogle();
    google.install();
    const input = districtInput();
    const settings = input.sheets.find((s) => s.name === SHEET.settings)!;
    settings.values = settings.values.filter((r) => r[0] !== SETTING.minSatisfactionPercent);
    const row = settings.values.push([SETTING.minSatisfactionPercent, 0.95]) - 1;
    settings.numberFormats = settings.values.map((r, i) => r.map(() => (i === row ? '0%' : '')));
    loadWorkbook(google, input);
    const read = readWorkbook(readInputSheets(new SheetIndex(SpreadsheetApp.getActiveSpreadsheet())));
    expect(read.settings.minSatisfactionPercent).toBe(95);
  });
});
