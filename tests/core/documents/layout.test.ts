import { documentDate } from '../../../src/core';
import { dayMonthYear, placeAndDate, shortDate } from '../../../src/core/documents';
import { header, issuingBody, numberLine, placeOf } from '../../../src/core/documents/layout';
import type { Paragraph } from '../../../src/core/documents';

const d = (day: number, month: number, year = 2023) => ({ day, month, year });

describe('dates as Decree 30 writes them', () => {
  test.each([
    [d(5, 1), 'ngày 05 tháng 01 năm 2023'],
    [d(15, 11), 'ngày 15 tháng 11 năm 2023'],
    [d(3, 12), 'ngày 03 tháng 12 năm 2023'],
    [d(9, 2), 'ngày 09 tháng 02 năm 2023'],
    [d(10, 3), 'ngày 10 tháng 3 năm 2023'],
    [d(1, 9), 'ngày 01 tháng 9 năm 2023'],
  ])('%o → %s (zero for days < 10 and months 1–2 only)', (date, text) => {
    expect(dayMonthYear(date)).toBe(text);
    expect(placeAndDate('Hữu Lũng', date)).toBe(`Hữu Lũng, ${text}`);
    expect(placeAndDate('Hữu Lũng', date)).toBe(documentDate('Hữu Lũng', date));
  });

  test('a missing date leaves visible gaps, not an invented day', () => {
    expect(placeAndDate('Hữu Lũng', null)).toBe('Hữu Lũng, ngày … tháng … năm …');
  });

  test('dates cited in the text follow the same zeros', () => {
    expect(shortDate(d(5, 1))).toBe('05/01/2023');
    expect(shortDate(d(15, 3, 2022))).toBe('15/3/2022');
  });
});

describe('the issuing body', () => {
  test("a People's Committee writes its name on two lines and no superior", () => {
    expect(issuingBody('UBND xã Đồng Tân', 'Ủy ban nhân dân huyện Hữu Lũng')).toEqual({ superior: null, lines: ['ỦY BAN NHÂN DÂN', 'XÃ ĐỒNG TÂN'] });
    // NFD input and the old tone placement read the same.
    expect(issuingBody('Uỷ ban nhân dân thị trấn Hữu Lũng'.normalize('NFD'), 'x').lines).toEqual(['ỦY BAN NHÂN DÂN', 'THỊ TRẤN HỮU LŨNG']);
  });

  test('an agency writes the movement issuer above its own name, shortened', () => {
    expect(issuingBody('Phòng Nội vụ', 'Ủy ban nhân dân huyện Hữu Lũng')).toEqual({ superior: 'UBND HUYỆN HỮU LŨNG', lines: ['PHÒNG NỘI VỤ'] });
  });

  test("a commune's documents carry the commune's place name, an agency's the district's", () => {
    expect(placeOf('UBND xã Đồng Tân', 'Hữu Lũng')).toBe('Đồng Tân');
    expect(placeOf('Phòng Tư pháp', 'Hữu Lũng')).toBe('Hữu Lũng');
  });

  test('the superior comes from `Cơ quan chủ quản` when given, shortened and in capitals', () => {
    expect(issuingBody('Phòng Nội vụ', 'x', 'Ủy ban nhân dân huyện Hữu Lũng').superior).toBe('UBND HUYỆN HỮU LŨNG');
    expect(issuingBody('Trung tâm Y tế huyện', 'Ủy ban nhân dân huyện Hữu Lũng', 'Sở Y tế tỉnh Lạng Sơn').superior).toBe('SỞ Y TẾ TỈNH LẠNG SƠN');
  });

  test('number and the symbol given by the workbook; a full number the unit typed is kept', () => {
    expect(numberLine('TTr', 'UBND', '15')).toBe('Số: 15/TTr-UBND');
    expect(numberLine('BB', '…', '')).toBe('Số:       /BB-…');
    expect(numberLine('TTr', 'NV', '07/TTr-PNV')).toBe('Số: 07/TTr-PNV');
  });
});

describe('the header', () => {
  const text = (p: Paragraph) => p.runs.map((r) => r.text).join('');
  const h = header({ unitName: 'Phòng Nội vụ', movementIssuer: 'Ủy ban nhân dân huyện Hữu Lũng', number: 'Số: 15/TTr-NV', dateLine: 'Hữu Lũng, ngày 05 tháng 01 năm 2023' });
  const [left, right] = h.rows[0] ?? [];

  test('is a borderless table of two columns that fits the text width', () => {
    expect(h.borderless).toBe(true);
    expect(h.columnWidthsMm).toHaveLength(2);
    expect(h.columnWidthsMm.reduce((a, b) => a + b)).toBeLessThanOrEqual(210 - 30 - 15);
  });

  test('left: superior upright, issuer bold with a short rule, the number', () => {
    const [superior, issuer, number] = left?.paragraphs ?? [];
    expect(text(superior as Paragraph)).toBe('UBND HUYỆN HỮU LŨNG');
    expect(superior?.runs[0]?.bold).toBeFalsy();
    expect(issuer?.runs[0]?.bold).toBe(true);
    expect(issuer?.ruleBelowMm).toBeGreaterThan(0);
    expect(text(number as Paragraph)).toBe('Số: 15/TTr-NV');
  });

  test('right: national title bold 12, motto bold 13 with its rule, date in italics', () => {
    const [national, motto, date] = right?.paragraphs ?? [];
    expect(national?.runs[0]).toMatchObject({ text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', bold: true, size: 12 });
    expect(motto?.runs[0]).toMatchObject({ text: 'Độc lập - Tự do - Hạnh phúc', bold: true, size: 13 });
    expect(motto?.ruleBelowMm).toBeGreaterThan(40);
    expect(date?.runs[0]).toMatchObject({ italic: true, text: 'Hữu Lũng, ngày 05 tháng 01 năm 2023' });
  });
});
