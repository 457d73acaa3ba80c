/** `Tiêu chuẩn` (issue 12): the eligibility rules as rows, and the 2022 rows equal to the built-in rules. */
import fc from 'fast-check';
import type { CellValue } from '../../src/core';
import {
  NOMINATION_COL as N, SHEET, STANDARD_COL, evaluate,
} from '../../src/core';
import { DEFAULT_SETTINGS, GOOD_COLLECTIVE, GOOD_INDIVIDUAL, nomination, workbook } from '../helpers/workbook';
import { v2Workbook } from './shapes';
import { expectSameDecisions, randomWorkbook, withStandards } from '../helpers/randomWorkbook';

type Row = Record<string, CellValue>;

describe('the 2022 rows that «Khởi tạo bảng tính» writes', () => {
  it('decide every random workbook exactly as the built-in rules (eligibility, basis, failed rules, quota, window, award list)', () => {
    fc.assert(fc.property(randomWorkbook, (input) => expectSameDecisions(input)), { numRuns: 400 });
  });

  it('decide the v2 edge-case workbooks as the built-in rules too', () => {
    fc.assert(fc.property(v2Workbook, (input) => expectSameDecisions(input)), { numRuns: 200 });
  });

  it('explain a verdict with the rows’ own sentences and the values read', () => {
    const input = workbook({ nominations: [nomination(GOOD_COLLECTIVE, { [N.satisfactionPercent]: 85 })] });
    const [verdict] = evaluate(withStandards(input)).result.nominations;
    expect(verdict?.eligible).toBe(false);
    expect(verdict?.failed).toEqual(['A1', 'A2', 'A3']);
    expect(verdict?.message).toContain('A1: chưa đạt — Tỷ lệ hài lòng đạt mức tối thiểu («Tỷ lệ hài lòng (%)» 85%, cần ≥ 90 («Tỷ lệ hài lòng tối thiểu (%)»))');
  });
});

/** A workbook judged by the given `Tiêu chuẩn` rows (header added). */
function judgeWith(rows: CellValue[][], nominations: Row[], settings: Row = DEFAULT_SETTINGS) {
  const input = withStandards(workbook({ settings, nominations }), [Object.values(STANDARD_COL), ...rows]);
  return evaluate(input).result;
}

describe('each test kind', () => {
  const ind = (changes: Row) => nomination(GOOD_INDIVIDUAL, changes);

  it('«Có» holds on a confirmed column only', () => {
    const rows = [['R1', 'Cả hai', 'Chung', N.compliance, 'Có', '', 'Chấp hành tốt']];
    const result = judgeWith(rows, [ind({}), ind({ [N.compliance]: '' })]);
    expect(result.nominations.map((v) => v.eligible)).toEqual([true, false]);
    expect(result.nominations[1]?.message).toContain('R1: chưa đạt — Chấp hành tốt («Chấp hành tốt chủ trương, pháp luật»: chưa xác nhận)');
  });

  it('«≥», «>» and «=» compare with a number, a setting (even one the add-on does not know) or another column', () => {
    const c = (changes: Row) => nomination(GOOD_COLLECTIVE, changes);
    const settings = { ...DEFAULT_SETTINGS, 'Tỷ lệ đúng hạn tối thiểu (%)': '98%' };
    const rows = [
      ['K1', 'Tập thể', 'Chung', N.satisfactionPercent, '≥', '92', ''],
      ['K2', 'Tập thể', 'Chung', N.onTimePercent, '>=', 'Tỷ lệ đúng hạn tối thiểu (%)', ''],
      ['K3', 'Tập thể', 'Chung', N.onlineNowPercent, '>', N.onlinePrevPercent, ''],
      ['K4', 'Tập thể', 'Chung', N.onTimePercent, '=', '100', ''],
    ];
    const result = judgeWith(rows, [
      c({}), c({ [N.satisfactionPercent]: 91 }), c({ [N.onTimePercent]: 97 }), c({ [N.onlineNowPercent]: 40 }), c({ [N.onTimePercent]: 99 }),
    ], settings);
    expect(result.nominations.map((v) => v.failed)).toEqual([[], ['K1'], ['K2', 'K4'], ['K3'], ['K4']]);
    expect(result.errors).toEqual([]);
  });

  it('«Thuộc danh sách» and «Hai năm đều ít nhất» read ratings', () => {
    const rows = [
      ['R1', 'Cá nhân', 'Một trong', N.ratingNow, 'Thuộc danh sách', 'HTXSNV', 'Năm nay xuất sắc'],
      ['R2', 'Cá nhân', 'Một trong', N.ratingNow, 'Hai năm đều ít nhất', 'Hoàn thành nhiệm vụ', 'Hai năm hoàn thành'],
    ];
    const result = judgeWith(rows, [
      ind({ [N.ratingPrev]: 'KHTNV', [N.ratingNow]: 'HTXSNV' }),
      ind({ [N.ratingPrev]: 'HTNV', [N.ratingNow]: 'HTNV' }),
      ind({ [N.ratingPrev]: 'KHTNV', [N.ratingNow]: 'HTNV' }),
    ]);
    expect(result.nominations.map((v) => [v.eligible, v.basis])).toEqual([[true, ['R1']], [true, ['R2']], [false, []]]);
    expect(result.nominations[2]?.failed).toEqual(['R1', 'R2']);
  });

  it('«Hạng trong số hạng được xét» reads the unit’s rank in the named block; «Đơn vị của phong trào» its presence', () => {
    const rows = [
      ['U', 'Cả hai', 'Chung', N.unitCode, 'Đơn vị của phong trào', '', ''],
      ['H', 'Cả hai', 'Chung', N.unitCode, 'Hạng trong số hạng được xét', 'Tên khối xã', ''],
    ];
    // X01–X03 are the commune block's top three; X04 is 4th; CQ01 is first of the agencies.
    const result = judgeWith(rows, ['X01', 'X04', 'CQ01', 'ZZ'].map((code) => ind({ [N.unitCode]: code })));
    expect(result.nominations.map((v) => v.failed)).toEqual([[], ['H'], ['H'], ['U', 'H']]);
    expect(result.nominations[1]?.message).toContain('xếp hạng 4 trong khối «Xã, thị trấn», ngoài các hạng được xét');
  });

  it('«Có nội dung» needs text; named «Một trong» groups must each be met', () => {
    const rows = [
      ['S', 'Cả hai', 'Một trong: sáng kiến', N.initiativeRecognition, 'Có nội dung', '', ''],
      ['T', 'Cả hai', 'Một trong: sáng kiến', N.summary, 'Có nội dung', '', ''],
      ['Y', 'Cả hai', 'Một trong: xếp loại', N.ratingNow, 'Thuộc danh sách', 'HTXSNV; HTTNV', ''],
    ];
    const result = judgeWith(rows, [
      ind({ [N.summary]: 'Làm tốt' }),
      ind({ [N.ratingNow]: 'HTNV', [N.initiativeRecognition]: 'QĐ 1' }),
      ind({}),
    ]);
    expect(result.nominations.map((v) => [v.eligible, v.basis, v.failed])).toEqual([
      [true, ['T', 'Y'], []],
      [false, ['S'], ['Y']],
      [false, ['Y'], ['S', 'T']],
    ]);
  });

  it('an unreadable input cell leaves its rule undecided, whatever else holds', () => {
    const rows = [
      ['A', 'Cả hai', 'Một trong', N.satisfactionPercent, '≥', '50', ''],
      ['B', 'Cả hai', 'Một trong', N.compliance, 'Có', '', ''],
    ];
    const [verdict] = judgeWith(rows, [ind({ [N.satisfactionPercent]: 'nhiều' })]).nominations;
    expect([verdict?.eligible, verdict?.basis, verdict?.failed]).toEqual([false, ['B'], ['A']]);
    expect(verdict?.message).toContain('A: không kiểm tra được vì giá trị ở cột «Tỷ lệ hài lòng (%)» không đọc được');
  });
});

describe('rows that cannot be understood', () => {
  const cases: [string, CellValue[], string, RegExp][] = [
    ['no rule ID', ['', 'Cả hai', 'Chung', N.compliance, 'Có', '', ''], STANDARD_COL.rule, /^Thiếu mã tiêu chuẩn/],
    ['a reserved ID', ['P4', 'Cả hai', 'Chung', N.compliance, 'Có', '', ''], STANDARD_COL.rule, /đã dùng cho hình thức, chỉ tiêu và thời hạn/],
    ['an unknown «applies to»', ['R', 'Mọi người', 'Chung', N.compliance, 'Có', '', ''], STANDARD_COL.appliesTo, /«Mọi người» không hợp lệ; hãy chọn «Tập thể», «Cá nhân», «Cả hai»/],
    ['an unknown group', ['R', 'Cả hai', 'Tùy', N.compliance, 'Có', '', ''], STANDARD_COL.group, /«Một trong: <tên nhóm>»/],
    ['an unknown column', ['R', 'Cả hai', 'Chung', 'Tuổi', 'Có', '', ''], STANDARD_COL.column, /hãy nhập đúng tiêu đề một cột của trang «Đề nghị»/],
    ['an unknown test', ['R', 'Cả hai', 'Chung', N.compliance, 'gần đúng', '', ''], STANDARD_COL.test, /hãy chọn «Có», «≥», «>», «=»/],
    ['a test the column cannot take', ['R', 'Cả hai', 'Chung', N.compliance, '≥', '5', ''], STANDARD_COL.test, /không dùng được với cột «Chấp hành tốt chủ trương, pháp luật»; với cột này hãy chọn «Có»/],
    ['a value that is no number, setting or column', ['R', 'Cả hai', 'Chung', N.onTimePercent, '≥', 'cao', ''], STANDARD_COL.value, /«cao» không phải là số, tên một mục của trang «Cấu hình»/],
    ['no value to compare with', ['R', 'Cả hai', 'Chung', N.onTimePercent, '≥', '', ''], STANDARD_COL.value, /^Thiếu giá trị để so sánh/],
    ['a rating that is none', ['R', 'Cả hai', 'Chung', N.ratingNow, 'Thuộc danh sách', 'HTT; giỏi', ''], STANDARD_COL.value, /«HTT», «giỏi» không phải là mức xếp loại/],
    ['a block that is not ranked', ['R', 'Cả hai', 'Chung', N.unitCode, 'Hạng trong số hạng được xét', 'Đơn vị khác', ''], STANDARD_COL.value, /Khối «Đơn vị khác» không phải khối được xếp hạng/],
  ];

  it.each(cases)('%s is an error naming the sheet, row and column, and decides nothing', (_, row, column, message) => {
    const result = judgeWith([['OK', 'Cả hai', 'Chung', N.directCchc, 'Có', '', ''], row], [nomination(GOOD_INDIVIDUAL)]);
    expect(result.errors).toEqual([{ sheet: SHEET.standards, row: 3, column, message: expect.stringMatching(message) }]);
    const [verdict] = result.nominations;
    expect(verdict?.eligible).toBe(false);
    expect(verdict?.message).toMatch(/chưa xét được vì hàng 3 của trang «Tiêu chuẩn» có lỗi; hãy sửa hàng đó/);
  });

  it('rows of one rule in two groups are an error on the later row', () => {
    const result = judgeWith([
      ['R', 'Cả hai', 'Chung', N.directCchc, 'Có', '', ''],
      ['R', 'Cả hai', 'Một trong', N.compliance, 'Có', '', ''],
    ], [nomination(GOOD_INDIVIDUAL)]);
    expect(result.errors).toEqual([{ sheet: SHEET.standards, row: 3, column: STANDARD_COL.group, message: expect.stringContaining('có nhóm khác với hàng 2') }]);
    expect(result.nominations[0]?.failed).toEqual(['R']);
  });

  it('a broken row for collectives leaves individuals decided', () => {
    const result = judgeWith([
      ['R', 'Cả hai', 'Chung', N.directCchc, 'Có', '', ''],
      ['C', 'Tập thể', 'Chung', N.innovation, '>', '1', ''],
    ], [nomination(GOOD_INDIVIDUAL), nomination(GOOD_COLLECTIVE, { [N.unitCode]: 'X01' })]);
    expect(result.nominations.map((v) => v.eligible)).toEqual([true, false]);
  });

  it('a sheet with no rule for a kind decides nothing for it and says so', () => {
    const result = judgeWith([['C', 'Tập thể', 'Chung', N.innovation, 'Có', '', '']], [nomination(GOOD_INDIVIDUAL)]);
    expect(result.nominations[0]?.eligible).toBe(false);
    expect(result.nominations[0]?.message).toContain('Trang «Tiêu chuẩn» không có tiêu chuẩn nào cho cá nhân');
  });
});

describe('columns the workbook adds to `Đề nghị` (a commune’s own criteria)', () => {
  const YEARS = 'Số năm công tác';
  const TITLE = 'Danh hiệu năm nay';
  const LTT = 'Lao động tiên tiến';
  const rows = [
    ['N', 'Cá nhân', 'Chung', YEARS, '≥', '5', 'Công tác từ 5 năm'],
    ['D', 'Cá nhân', 'Một trong', TITLE, 'Thuộc danh sách', 'Chiến sĩ thi đua cơ sở; Lao động tiên tiến', 'Có danh hiệu thi đua'],
    ['K', 'Cá nhân', 'Một trong', 'Được khen năm trước', 'Có', '', 'Được khen năm trước'],
  ];
  const judge = (people: Row[]) => {
    const input = workbook({ nominations: people });
    const sheet = input.sheets.find((s) => s.name === SHEET.nominations)!;
    const extra = [YEARS, TITLE, 'Được khen năm trước'];
    sheet.values = sheet.values.map((r, i) => [...r, ...(i === 0 ? extra : extra.map((h) => people[i - 1]?.[h] ?? ''))]);
    return evaluate(withStandards(input, [Object.values(STANDARD_COL), ...rows])).result;
  };
  const person = (changes: Row) => nomination(GOOD_INDIVIDUAL, { [N.unitCode]: 'X01', ...changes });

  it('are read by their header and tested like the contract’s columns', () => {
    const result = judge([
      person({ [YEARS]: 6, [TITLE]: 'lao động  tiên tiến' }),
      person({ [YEARS]: '4', [TITLE]: LTT }),
      person({ [YEARS]: 5, 'Được khen năm trước': true }),
      person({ [YEARS]: 5 }),
    ]);
    expect(result.errors).toEqual([]);
    expect(result.nominations.map((v) => [v.eligible, v.basis, v.failed])).toEqual([
      [true, ['D'], []],
      [false, ['D'], ['N']],
      [true, ['K'], []],
      [false, [], ['D', 'K']],
    ]);
    expect(result.nominations[1]?.message).toContain('N: chưa đạt — Công tác từ 5 năm («Số năm công tác» 4, cần ≥ 5)');
  });

  it('an unreadable cell there leaves the rule undecided and says why', () => {
    const [verdict] = judge([person({ [YEARS]: 'năm năm', [TITLE]: LTT })]).nominations;
    expect([verdict?.eligible, verdict?.failed]).toEqual([false, ['N']]);
    expect(verdict?.message).toContain('N: không kiểm tra được vì giá trị ở cột «Số năm công tác» không đọc được: «năm năm» không phải là số');
  });

  it('a column the sheet does not have, or a test it cannot take, is an error on the row', () => {
    const input = withStandards(workbook({ nominations: [person({})] }), [Object.values(STANDARD_COL),
      ['M', 'Cả hai', 'Chung', 'Cột không có', 'Có', '', ''],
    ]);
    expect(evaluate(input).result.errors).toEqual([{
      sheet: SHEET.standards, row: 2, column: STANDARD_COL.column,
      message: '«Cột không có» không hợp lệ; hãy nhập đúng tiêu đề một cột của trang «Đề nghị» (hoặc thêm cột này vào trang đó).',
    }]);
  });
});
