import { asLiteral, SheetIndex, writeOutputSheet } from '../../src/addon/sheetIO';
import { fakeGoogle } from '../fakes';

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
    ['UBND xã Cai Kinh', 'UBND xã Cai Kinh'],
  ])('keeps %s as the text it is', (text, cell) => {
    expect(asLiteral(text)).toBe(cell);
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

  it('grows the sheet for a list longer than it', () => {
    const google = fakeGoogle();
    google.install();
    const index = new SheetIndex(SpreadsheetApp.getActiveSpreadsheet());
    const rows = Array.from({ length: 2500 }, (_, i) => [i + 1]);
    writeOutputSheet(index, { name: 'Kết quả xét', header: ['Hàng'], rows, marks: rows.map(() => null) });
    expect(google.spreadsheet.sheet('Kết quả xét')!.getLastRow()).toBe(2501);
  });
});
