import { compareVietnamese, comparePersonNames, documentDate, formatDate, normalizeKey } from '../../src/core';

describe('tolerant keys', () => {
  it.each([
    ['Hòa Bình', 'hoà  bình'],
    ['Ủy ban', 'Uỷ ban'],
    ['Cấu hình'.normalize('NFD'), 'CẤU HÌNH'],
    ['  Tên tập thể /  Họ và tên ', 'tên tập thể / họ và tên'],
    // workbook.md v2: every space is ignored, including ones a person cannot see.
    ['Tên tập thể/Họ và tên', 'Tên tập thể / Họ và tên'],
    ['ĐềNghị', 'Đề nghị'],
    ['Đề\u00a0nghị', 'Đề\u200b nghị\ufeff'],
    ['Thuỷ lợi hoà bình', 'thủylợi hòabình'],
    ['x 9', 'X9'],
  ])('«%s» matches «%s»', (a, b) => expect(normalizeKey(a)).toBe(normalizeKey(b)));
  it('keeps different words apart', () => {
    expect(normalizeKey('Hoa')).not.toBe(normalizeKey('Hòa'));
    expect(normalizeKey('Dân')).not.toBe(normalizeKey('Đan'));
    expect(normalizeKey('Đề nghị')).not.toBe(normalizeKey('Đề nghi'));
    expect(normalizeKey('mà ma')).not.toBe(normalizeKey('ma mà'));
  });
});

describe('Vietnamese alphabetical order', () => {
  it('puts Đ after D and the marked vowels after their base (a ă â, o ô ơ, u ư)', () => {
    const names = ['Đào', 'Dung', 'Ơn', 'Ôn', 'On', 'Ưng', 'Ung', 'Ân', 'Ăn', 'An', 'Em'];
    expect([...names].sort(compareVietnamese)).toEqual(['An', 'Ăn', 'Ân', 'Dung', 'Đào', 'Em', 'On', 'Ôn', 'Ơn', 'Ung', 'Ưng']);
  });
  it('orders tones after the letters: none, huyền, hỏi, ngã, sắc, nặng', () => {
    expect(['má', 'mạ', 'mà', 'mả', 'ma', 'mã', 'mai'].sort(compareVietnamese)).toEqual(['ma', 'mà', 'mả', 'mã', 'má', 'mạ', 'mai']);
  });
  it('sorts people by given name, then the whole name', () => {
    expect(['Trần Văn Bình', 'Nguyễn Thị An', 'Lê Văn An'].sort(comparePersonNames)).toEqual(['Lê Văn An', 'Nguyễn Thị An', 'Trần Văn Bình']);
  });
  it('does not depend on NFC or NFD', () => {
    expect(compareVietnamese('Đồng Tân'.normalize('NFD'), 'Đồng Tân')).toBe(0);
  });
});

describe('dates', () => {
  it('formats dd/mm/yyyy', () => expect(formatDate({ year: 2023, month: 1, day: 2 })).toBe('02/01/2023'));
  it.each([
    [{ year: 2023, month: 1, day: 5 }, 'Hữu Lũng, ngày 05 tháng 01 năm 2023'],
    [{ year: 2023, month: 2, day: 15 }, 'Hữu Lũng, ngày 15 tháng 02 năm 2023'],
    [{ year: 2022, month: 11, day: 15 }, 'Hữu Lũng, ngày 15 tháng 11 năm 2022'],
    [{ year: 2022, month: 3, day: 9 }, 'Hữu Lũng, ngày 09 tháng 3 năm 2022'],
  ])('writes the document date of %o with zeros only before days < 10 and months 1–2', (date, text) => {
    expect(documentDate('Hữu Lũng', date)).toBe(text);
  });
});
