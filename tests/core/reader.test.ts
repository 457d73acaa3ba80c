import {
  evaluate, readDate, readNumber, readPercent, readRating, readYesNo, readWorkbook, UnreadableWorkbook,
  NOMINATION_COL as N, SHEET,
} from '../../src/core';
import { DEFAULT_SETTINGS, GOOD_COLLECTIVE, GOOD_INDIVIDUAL, nomination, workbook } from '../helpers/workbook';

describe('cells a person may type', () => {
  it.each([
    [true, true], [false, false], ['Có', true], ['có', true], ['x', true], ['X', true], ['Không', false], ['', null], [null, null],
  ])('yes/no %p → %p', (cell, value) => expect(readYesNo(cell)).toEqual({ ok: true, value }));
  it.each(['ok', 5, 'có lẽ'])('yes/no rejects %p with a Vietnamese message', (cell) => {
    expect(readYesNo(cell)).toEqual({ ok: false, message: expect.stringContaining('không phải là Có/Không') });
  });

  it.each([
    ['HTXSNV', 'HTXSNV'], ['Hoàn thành xuất sắc nhiệm vụ', 'HTXSNV'], ['hoàn thành tốt nhiệm vụ', 'HTTNV'], ['HTTNV', 'HTTNV'],
    ['H.T.N.V', 'HTNV'], ['htnv', 'HTNV'], ['Không hoàn thành nhiệm vụ', 'KHTNV'], ['KHTNV', 'KHTNV'],
    ['Hoàn thành xuất sắc nhiệm vụ'.normalize('NFD'), 'HTXSNV'],
  ])('rating %p → %p', (cell, value) => expect(readRating(cell)).toEqual({ ok: true, value }));
  it('rating rejects words that are not a rating', () => {
    expect(readRating('Xuất sắc')).toEqual({ ok: false, message: expect.stringContaining('HTXSNV, HTTNV, HTNV hoặc KHTNV') });
  });

  it.each([
    [95, '', 95], ['95', '', 95], ['95%', '', 95], ['95,5 %', '', 95.5], [0.95, '0%', 95], [0.955, '0.0%', 95.5], [0.95, '', 0.95], [100, 'General', 100],
  ])('percent %p in a cell formatted %p → %p', (cell, format, value) => expect(readPercent(cell, format)).toEqual({ ok: true, value }));
  it.each([['chín mươi'], [120], ['-5%']])('percent rejects %p', (cell) => expect(readPercent(cell).ok).toBe(false));

  it.each([[91.25, 91.25], ['91,25', 91.25], ['91.25', 91.25], [' 7 ', 7]])('number %p → %p', (cell, value) => {
    expect(readNumber(cell)).toEqual({ ok: true, value });
  });
  it.each([['9 điểm'], [Number.NaN], [true]])('number rejects %p', (cell) => expect(readNumber(cell).ok).toBe(false));

  it.each([
    ['05/01/2023', 'UTC', { year: 2023, month: 1, day: 5 }],
    ['5/1/2023', 'UTC', { year: 2023, month: 1, day: 5 }],
    [new Date(Date.UTC(2023, 0, 5)), 'UTC', { year: 2023, month: 1, day: 5 }],
    [new Date(Date.UTC(2023, 0, 4, 17)), 'Asia/Ho_Chi_Minh', { year: 2023, month: 1, day: 5 }],
  ])('date %p in %s', (cell, tz, value) => expect(readDate(cell, tz)).toEqual({ ok: true, value }));
  it.each([['31/02/2023'], ['2023'], ['hôm qua'], [45000]])('date rejects %p', (cell) => {
    expect(readDate(cell, 'UTC')).toEqual({ ok: false, message: expect.stringContaining('dd/mm/yyyy') });
  });
});

describe('reading the workbook', () => {
  it('finds sheets and headers whatever their case, spacing and Unicode form', () => {
    const input = workbook({ nominations: [GOOD_INDIVIDUAL] });
    for (const sheet of input.sheets) {
      sheet.name = ` ${sheet.name.toUpperCase().normalize('NFD')} `;
      sheet.values[0] = sheet.values[0]!.map((h) => (typeof h === 'string' ? h.toLowerCase().normalize('NFD').replace(' ', '  ') : h));
    }
    const e = evaluate(input);
    expect(e.result.errors).toEqual([]);
    expect(e.result.nominations[0]).toMatchObject({ eligible: true, basis: ['B1'] });
  });

  it('finds columns in any order, with extra columns beside them', () => {
    const input = workbook({ nominations: [GOOD_INDIVIDUAL] });
    const sheet = input.sheets.find((s) => s.name === SHEET.nominations)!;
    sheet.values = sheet.values.map((row) => ['ghi chú', ...[...row].reverse()]);
    expect(evaluate(input).result.nominations[0]).toMatchObject({ row: 2, eligible: true });
  });

  it('skips blank rows but keeps the row numbers a person sees', () => {
    const input = workbook({ nominations: [GOOD_INDIVIDUAL] });
    const sheet = input.sheets.find((s) => s.name === SHEET.nominations)!;
    sheet.values.splice(1, 0, sheet.values[0]!.map(() => ''), sheet.values[0]!.map(() => null));
    expect(evaluate(input).result.nominations.map((v) => v.row)).toEqual([4]);
  });

  it('reports a missing column once, naming it, and reads it as empty', () => {
    const input = workbook({ nominations: [GOOD_INDIVIDUAL] });
    const sheet = input.sheets.find((s) => s.name === SHEET.nominations)!;
    const col = sheet.values[0]!.indexOf(N.compliance);
    sheet.values = sheet.values.map((row) => row.filter((_, i) => i !== col));
    const e = evaluate(input);
    expect(e.result.errors).toEqual([{ sheet: 'Đề nghị', row: 1, column: N.compliance, message: expect.stringContaining('Thiếu cột') }]);
    expect(e.result.nominations[0]).toMatchObject({ eligible: false, failed: ['B0'] });
  });

  it('throws UnreadableWorkbook naming a missing required sheet', () => {
    const input = workbook();
    input.sheets = input.sheets.filter((s) => s.name !== SHEET.scores);
    expect(() => evaluate(input)).toThrow(UnreadableWorkbook);
    expect(() => evaluate(input)).toThrow('Không tìm thấy trang «Chấm điểm»');
  });

  it('takes the settings defaults and reports missing required settings without a row', () => {
    const { [`Nhận hồ sơ từ ngày`]: _, ...settings } = DEFAULT_SETTINGS;
    const e = evaluate(workbook({ settings, nominations: [GOOD_COLLECTIVE] }));
    expect(e.result.errors).toEqual([{ sheet: 'Cấu hình', row: null, column: 'Giá trị', message: expect.stringContaining('Nhận hồ sơ từ ngày') }]);
    expect(e.workbook.settings).toMatchObject({ minSatisfactionPercent: 90, prizeRanks: 3, signerTitle: 'Chủ tịch', endDate: { year: 2022, month: 12, day: 31 } });
    expect(e.result.nominations[0]!.window_ok).toBe(false);
  });

  it('reports a bad setting value on its row', () => {
    const e = evaluate(workbook({ settings: { ...DEFAULT_SETTINGS, 'Số hạng được xét': 'ba' } }));
    expect(e.result.errors).toEqual([expect.objectContaining({ sheet: 'Cấu hình', row: 9, message: expect.stringContaining('không phải là số') })]);
    expect(e.workbook.settings.prizeRanks).toBe(3);
  });

  it('accepts renamed blocks from the settings (one level up: communes and wards, departments)', () => {
    const settings = { ...DEFAULT_SETTINGS, 'Tên khối xã': 'Xã, phường', 'Tên khối cơ quan': 'Sở, ban, ngành' };
    const units = [
      { 'Mã đơn vị': 'P1', 'Tên đơn vị': 'UBND phường Đông Kinh', 'Khối': 'xã, phường' },
      { 'Mã đơn vị': 'S1', 'Tên đơn vị': 'Sở Nội vụ', 'Khối': 'Sở, ban, ngành' },
      { 'Mã đơn vị': 'X1', 'Tên đơn vị': 'UBND xã cũ', 'Khối': 'Xã, thị trấn' },
    ];
    const e = evaluate(workbook({ settings, units, scores: [] }));
    expect(e.workbook.units.map((u) => u.blockKind)).toEqual(['commune', 'agency', 'other']);
    expect(e.result.errors).toEqual([expect.objectContaining({ sheet: 'Đơn vị', row: 4, column: 'Khối', message: expect.stringContaining('«Xã, thị trấn» không có trong cấu hình') })]);
  });

  it('keeps formula-looking and HTML names as the text they are', () => {
    const names = ['=HYPERLINK("http://x","A")', '<img src=x onerror=alert(1)>'];
    const e = evaluate(workbook({ nominations: names.map((name) => nomination(GOOD_INDIVIDUAL, { [N.name]: name })) }));
    expect(e.result.nominations.map((v) => v.name)).toEqual(names);
  });

  it('keeps the paragraphs of a summary of achievements', () => {
    const e = evaluate(workbook({ nominations: [nomination(GOOD_INDIVIDUAL, { [N.summary]: ' Dòng  một.\r\n\nDòng hai. ' })] }));
    expect(e.workbook.nominations[0]!.summary).toBe('Dòng một.\nDòng hai.');
  });

  it('reads percentages from a percent-formatted cell', () => {
    const e = evaluate(workbook({
      nominations: [nomination(GOOD_COLLECTIVE, { [N.satisfactionPercent]: 0.92, [N.onTimePercent]: 1 })],
      nominationFormats: [{ [N.satisfactionPercent]: '0%', [N.onTimePercent]: '0.00%' }],
    }));
    expect(e.workbook.nominations[0]).toMatchObject({ satisfactionPercent: 92, onTimePercent: 100 });
    expect(e.result.nominations[0]!.eligible).toBe(true);
  });

  it('reads Hồ sơ đơn vị when present and reports its bad cells', () => {
    const dossiers = {
      name: 'Hồ sơ đơn vị',
      values: [
        ['Mã đơn vị', 'Ngày họp', 'Địa điểm họp', 'Chủ trì', 'Thư ký', 'Số thành viên', 'Số có mặt', 'Số tờ trình', 'Ngày tờ trình'],
        ['X01', '28/12/2022', 'Hội trường UBND xã', 'Ông A', 'Bà B', 9, 10, '15/TTr-UBND', 'ngày mai'],
      ],
    };
    const wb = readWorkbook(workbook({ dossiers }));
    expect(wb.dossiers[0]).toMatchObject({ unitCode: 'X01', meetingDate: { year: 2022, month: 12, day: 28 }, members: 9, present: 10, letterDate: null });
    expect(wb.errors.map((e) => e.column)).toEqual(['Số có mặt', 'Ngày tờ trình']);
  });
});

describe('an invalid date cell where text belongs', () => {
  it('reads as empty text and is reported where a value is needed, without crashing', () => {
    const e = evaluate(workbook({ nominations: [nomination(GOOD_INDIVIDUAL, { [N.unitCode]: new Date(Number.NaN), [N.submittedOn]: new Date(Number.NaN) })] }));
    expect(e.result.errors.map((x) => [x.column, x.message])).toEqual([
      [N.unitCode, 'Thiếu mã đơn vị đề nghị.'],
      [N.submittedOn, 'Ngày không hợp lệ.'],
    ]);
  });
});
