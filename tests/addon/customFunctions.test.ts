import { defaultStandardsSheet, evaluate, NOMINATION_COL as N, outputSheets, SCORE_COL, SHEET, STANDARD_COL } from '../../src/core';
import { THIDUA_BANG_XEP_HANG, THIDUA_CHITIEU, THIDUA_DANH_SACH_KHEN, THIDUA_DUDIEUKIEN, THIDUA_LYDO, THIDUA_XEPHANG } from '../../src/addon/customFunctions';
import { fakeGoogle, type Value } from '../fakes';
import { GOOD_COLLECTIVE, GOOD_INDIVIDUAL, nomination, workbook } from '../helpers/workbook';
import { asInSheets, districtInput, loadWorkbook, written } from './workbooks';

/** The district as Sheets passes it to a formula (dates as Date cells), and the menu's verdicts on it. */
function district(input = districtInput()) {
  const google = fakeGoogle();
  loadWorkbook(google, input);
  const values = (name: string) => google.spreadsheet.sheet(name)!.dump();
  const evaluation = evaluate(asInSheets(input, google));
  const standing = (code: string): [Value, Value] => {
    const ranked = evaluation.result.ranking.find((r) => r.unit === code);
    const unit = evaluation.workbook.units.find((u) => u.code === code)!;
    return [ranked?.rank ?? '', unit.block];
  };
  return { nominations: values(SHEET.nominations), settings: values(SHEET.settings), evaluation, standing };
}

describe('THIDUA_XEPHANG', () => {
  it('gives each unit the rank the menu gives it', () => {
    const { evaluation } = district();
    for (const block of new Set(evaluation.result.ranking.map((r) => r.block))) {
      const ranked = evaluation.result.ranking.filter((r) => r.block === block);
      const scores = ranked.map((r) => [r.score]);
      for (const r of ranked) expect(THIDUA_XEPHANG(r.score, scores)).toBe(r.rank);
    }
  });

  it('shares a rank between equal scores and skips the next (1, 1, 3)', () => {
    expect(THIDUA_XEPHANG([[90], [90], [80]], [[90], [90], [80]])).toEqual([[1], [1], [3]]);
  });

  it('treats a sum that rounding blurs as the score a person reads', () => {
    expect(THIDUA_XEPHANG(0.1 + 0.2, [[0.3], [0.5]])).toBe(2);
  });

  it('skips empty cells and gives an empty result for an empty score', () => {
    expect(THIDUA_XEPHANG([[''], [85], ['']], [[''], [90], [85], ['']])).toEqual([[''], [2], ['']]);
    expect(THIDUA_XEPHANG('', [[90]])).toBe('');
  });

  it('reads scores typed as text the Vietnamese way', () => {
    expect(THIDUA_XEPHANG('91,25', [['91,25'], [95]])).toBe(2);
  });

  it('says which value is wrong', () => {
    expect(() => THIDUA_XEPHANG(90, [['Điểm thẩm định'], [90]])).toThrow('Vùng điểm có ô «Điểm thẩm định» không phải là số; hãy chọn chỉ các ô điểm.');
    expect(() => THIDUA_XEPHANG('chín mươi', [[90]])).toThrow('không phải là số');
    expect(() => THIDUA_XEPHANG(77, [[90], [80]])).toThrow('Điểm «77» không có trong vùng điểm.');
  });
});

describe('THIDUA_DUDIEUKIEN and THIDUA_LYDO', () => {
  it('agree with «Kiểm tra điều kiện» on every row whose unit is known', () => {
    const { nominations, settings, evaluation, standing } = district();
    const header = [nominations[0]!];
    const known = evaluation.result.nominations.filter((v) => evaluation.workbook.units.some((u) => u.code === v.unit));
    expect(known.length).toBeGreaterThan(4);
    for (const verdict of known) {
      const [rank, block] = standing(verdict.unit);
      const row = [nominations[verdict.row - 1]!];
      // The percent-formatted cell reaches a formula as the fraction it holds (tested below).
      if (verdict.unit === 'X03') continue;
      expect(THIDUA_DUDIEUKIEN(row, header, rank, block, settings)).toBe(verdict.eligible);
      const reason = THIDUA_LYDO(row, header, rank, block, settings) as string;
      expect(reason).toContain(verdict.eligible ? `căn cứ ${verdict.basis.join(', ')}` : `không đạt ${verdict.failed.join(', ')}`);
      if (!verdict.eligible) expect(verdict.message).toContain(reason.slice(reason.indexOf(')') + 3));
    }
  });

  it('read a percent cell by the value Sheets passes: a cell formatted as % holding 0.93 reads 0,93 %', () => {
    // A formula receives values without their formats, so the reason shows the rate it read.
    const { nominations } = district();
    const row = nominations.find((r) => r[0] === 'X03')!;
    expect(THIDUA_LYDO([row], [nominations[0]!])).toContain('tỷ lệ hài lòng 0,93% (cần từ 90%)');
  });

  it('judge many rows at once, one result per row, empty for a blank row', () => {
    const { nominations } = district();
    const rows = [nominations[1]!, nominations[1]!.map(() => ''), nominations[4]!];
    expect(THIDUA_DUDIEUKIEN(rows, [nominations[0]!])).toEqual([[true], [''], [false]]);
  });

  it('cites A2 for a collective of a commune in a prize rank, only with its rank and block', () => {
    const input = workbook({ nominations: [nomination(GOOD_COLLECTIVE, { [N.innovation]: false })] });
    const [header, row] = input.sheets.find((s) => s.name === SHEET.nominations)!.values as Value[][];
    expect(THIDUA_LYDO([row!], [header!], 2, 'Xã, thị trấn')).toMatch(/^Đủ điều kiện \(căn cứ A2\)\. A2: đơn vị xếp thứ Nhì/);
    expect(THIDUA_DUDIEUKIEN([row!], [header!], 5, 'Xã, thị trấn')).toBe(false);
    expect(THIDUA_DUDIEUKIEN([row!], [header!])).toBe(false);
  });

  it('judge by the `Tiêu chuẩn` range when given, as the menu does with the sheet', () => {
    const { nominations, settings, evaluation, standing } = district();
    const standards = defaultStandardsSheet();
    const header = [nominations[0]!];
    const withRows = evaluate(asInSheets({ ...districtInput(), sheets: [...districtInput().sheets, { name: SHEET.standards, values: standards }] }, fakeGoogle()));
    const known = withRows.result.nominations.filter((v) => v.unit !== 'X03' && evaluation.workbook.units.some((u) => u.code === v.unit));
    expect(known.length).toBeGreaterThan(4);
    for (const verdict of known) {
      const [rank, block] = standing(verdict.unit);
      const row = [nominations[verdict.row - 1]!];
      expect(THIDUA_DUDIEUKIEN(row, header, rank, block, settings, standards)).toBe(verdict.eligible);
      const reason = THIDUA_LYDO(row, header, rank, block, settings, standards) as string;
      if (!verdict.eligible) expect(verdict.message).toContain(reason.slice(reason.indexOf(')') + 3));
    }
    // A commune's own rule: a collective needs 95 % satisfaction.
    const own = [Object.values(STANDARD_COL), ['X1', 'Tập thể', 'Chung', N.satisfactionPercent, '≥', 95, 'Hài lòng từ 95%']];
    const input = workbook({ nominations: [nomination(GOOD_COLLECTIVE, { [N.satisfactionPercent]: 94 })] });
    const [h, r] = input.sheets.find((s) => s.name === SHEET.nominations)!.values as Value[][];
    expect(THIDUA_DUDIEUKIEN([r!], [h!])).toBe(true);
    expect(THIDUA_DUDIEUKIEN([r!], [h!], '', '', '', own)).toBe(false);
    expect(THIDUA_LYDO([r!], [h!], '', '', '', own)).toContain('X1: chưa đạt — Hài lòng từ 95% («Tỷ lệ hài lòng (%)» 94%, cần ≥ 95)');
    expect(() => THIDUA_DUDIEUKIEN([r!], [h!], '', '', '', [['a', 'b']])).toThrow('Vùng tiêu chuẩn không có hàng tiêu đề');
    // A column the commune added to `Đề nghị`, read from the header the formula was given.
    const years = [Object.values(STANDARD_COL), ['N', 'Tập thể', 'Chung', 'Số năm hoạt động', '≥', 3, '']];
    expect(THIDUA_DUDIEUKIEN([[...r!, 4]], [[...h!, 'Số năm hoạt động']], '', '', '', years)).toBe(true);
    expect(THIDUA_LYDO([[...r!, 2]], [[...h!, 'Số năm hoạt động']], '', '', '', years)).toContain('(«Số năm hoạt động» 2, cần ≥ 3)');
  });

  it('uses the prize ranks of the settings range when given', () => {
    const input = workbook({ nominations: [nomination(GOOD_COLLECTIVE, { [N.innovation]: false })] });
    const [header, row] = input.sheets.find((s) => s.name === SHEET.nominations)!.values as Value[][];
    const settings = [['Mục', 'Giá trị'], ['Số hạng được xét', 5]];
    expect(THIDUA_DUDIEUKIEN([row!], [header!], 5, 'Xã, thị trấn', settings)).toBe(true);
  });

  it('reads the row by its header, whatever the order of the columns', () => {
    const input = workbook({ nominations: [GOOD_INDIVIDUAL] });
    const [header, row] = input.sheets.find((s) => s.name === SHEET.nominations)!.values as Value[][];
    expect(THIDUA_DUDIEUKIEN([[...row!].reverse()], [[...header!].reverse()])).toBe(true);
  });

  it('explains what is missing in the words of the rules', () => {
    const input = workbook({ nominations: [nomination(GOOD_INDIVIDUAL, { [N.ratingPrev]: 'HTNV' })] });
    const [header, row] = input.sheets.find((s) => s.name === SHEET.nominations)!.values as Value[][];
    expect(THIDUA_LYDO([row!], [header!])).toBe(
      'Không đủ điều kiện (không đạt B1, B2). B1: cần hai năm liên tục hoàn thành tốt nhiệm vụ trở lên (năm trước hoàn thành nhiệm vụ, năm nay hoàn thành xuất sắc nhiệm vụ). B2: chưa có sáng kiến, giải pháp được cấp có thẩm quyền công nhận.',
    );
  });

  it('says what to pass when the arguments are wrong', () => {
    const { nominations } = district();
    expect(() => THIDUA_DUDIEUKIEN([nominations[1]!], 'Mã đơn vị')).toThrow('hàng tiêu đề');
    expect(() => THIDUA_DUDIEUKIEN('X01', [nominations[0]!])).toThrow('cả hàng đề nghị');
    expect(() => THIDUA_DUDIEUKIEN([nominations[1]!], [nominations[0]!], 2)).toThrow('cần cả khối');
    expect(() => THIDUA_DUDIEUKIEN([nominations[1]!], [nominations[0]!], 'nhất', 'Xã, thị trấn')).toThrow('Hạng «nhất» không hợp lệ');
    expect(() => THIDUA_DUDIEUKIEN([nominations[1]!], [nominations[0]!], 1, 'Khối lạ')).toThrow('Khối «Khối lạ» không có trong cấu hình');
  });
});

describe('THIDUA_CHITIEU', () => {
  it("gives each unit the menu's quota message", () => {
    const { nominations, settings, evaluation, standing } = district();
    const known = evaluation.result.quota.filter((q) => evaluation.workbook.units.some((u) => u.code === q.unit));
    expect(known.some((q) => !q.ok)).toBe(true);
    for (const q of known) {
      const [rank, block] = standing(q.unit);
      expect(THIDUA_CHITIEU(q.unit, nominations, rank, block, settings)).toBe(q.message);
    }
  });

  it('gives a column for a column of codes, empty for an empty cell, and counts codes whatever their case', () => {
    const { nominations } = district();
    const result = THIDUA_CHITIEU([['x04'], [''], ['DV01']], nominations) as string[][];
    expect(result[0]![0]).toContain('P4: vượt chỉ tiêu');
    expect(result[1]![0]).toBe('');
    expect(result[2]![0]).toBe('P4: đơn vị «DV01» chưa có đề nghị nào.');
  });

  it('needs the whole sheet with its header', () => {
    expect(() => THIDUA_CHITIEU('X01', 'X01')).toThrow('cả trang Đề nghị');
  });
});

describe('THIDUA_BANG_XEP_HANG and THIDUA_DANH_SACH_KHEN (live tables)', () => {
  /** The district loaded in an installed fake, so a formula can read the spreadsheet's time zone. */
  function live(input = districtInput()) {
    const google = fakeGoogle({ timeZone: 'Asia/Ho_Chi_Minh' });
    google.install();
    loadWorkbook(google, input);
    const sheet = (name: string) => google.spreadsheet.sheet(name)!.dump();
    const args = [sheet(SHEET.units), sheet(SHEET.criteria), sheet(SHEET.scores)] as const;
    return { google, sheet, args, menu: outputSheets(evaluate(asInSheets(input, google))).map(written) };
  }

  it('spill the menu’s ranking and award list: same order, ties and numbering', () => {
    // Percents typed as numbers: a formula gets no number formats (0.93 shown as 93% reads 0,93 %, as above).
    const input = districtInput();
    const nominations = input.sheets.find((s) => s.name === SHEET.nominations)!;
    nominations.numberFormats = undefined;
    nominations.values = nominations.values.map((r) => r.map((c) => (c === 0.93 ? 93 : c)));
    const { sheet, args, menu } = live(input);
    const [ranking, , awardList] = menu;
    expect(THIDUA_BANG_XEP_HANG(...args, sheet(SHEET.settings))).toEqual(ranking);
    expect(THIDUA_DANH_SACH_KHEN(...args, sheet(SHEET.nominations), sheet(SHEET.settings))).toEqual(awardList);
    expect(awardList!.length).toBeGreaterThan(2);
  });

  it('share a rank between equal totals, as the menu does', () => {
    const scores = [['X01', 50, 40], ['X02', 50, 40], ['X03', 40, 30]].flatMap(([unit, a, b]) => [
      { [SCORE_COL.unitCode]: unit, [SCORE_COL.criterionCode]: 'TC1', [SCORE_COL.appraisedPoints]: a },
      { [SCORE_COL.unitCode]: unit, [SCORE_COL.criterionCode]: 'TC2', [SCORE_COL.appraisedPoints]: b },
    ]);
    const { args, menu } = live(workbook({ scores }));
    const table = THIDUA_BANG_XEP_HANG(...args);
    expect(table).toEqual(menu[0]);
    expect(table.slice(1).filter((r) => r[7] === 'Đồng hạng').map((r) => [r[1], r[2]])).toEqual([[1, 'X01'], [1, 'X02']]);
  });

  it('follow the `Tiêu chuẩn` range when given', () => {
    const { sheet, args } = live();
    const onlyB2 = [Object.values(STANDARD_COL), ['S', 'Cả hai', 'Chung', N.initiativeRecognition, 'Có nội dung', '', '']];
    const table = THIDUA_DANH_SACH_KHEN(...args, sheet(SHEET.nominations), sheet(SHEET.settings), onlyB2);
    expect(table).toEqual([expect.arrayContaining(['STT'])]);
  });

  it('say which range is missing', () => {
    const { sheet, args } = live();
    expect(() => THIDUA_BANG_XEP_HANG('x', args[1], args[2])).toThrow("Hãy truyền cả trang «Đơn vị» kèm hàng tiêu đề, ví dụ 'Đơn vị'!A:I.");
    expect(() => THIDUA_DANH_SACH_KHEN(...args, sheet(SHEET.nominations), '')).toThrow('trang «Cấu hình»');
    expect(() => THIDUA_DANH_SACH_KHEN(...args, '', sheet(SHEET.settings))).toThrow('trang «Đề nghị»');
  });
});
