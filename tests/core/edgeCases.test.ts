/** How edge-case cells read (workbook.md «v2 decisions»): one test group per decision. */
import type { CellValue, WorkbookInput } from '../../src/core';
import {
  CRITERION_COL as C, EXTRA_SETTING, NOMINATION_COL as N, SCORE_COL as S, SETTING, SHEET, UNIT_COL as U,
  evaluate, outputSheets, readWorkbook, uncomputedFormula, UnreadableWorkbook,
} from '../../src/core';
import { CRITERIA, DEFAULT_SETTINGS, GOOD_COLLECTIVE, GOOD_INDIVIDUAL, SCORES, UNITS, nomination, workbook } from '../helpers/workbook';

const sheetOf = (input: WorkbookInput, name: string) => input.sheets.find((s) => s.name === name)!;
const score = (unit: string, criterion: string, appraised: CellValue, self: CellValue = appraised) =>
  ({ [S.unitCode]: unit, [S.criterionCode]: criterion, [S.selfPoints]: self, [S.appraisedPoints]: appraised });
/** The settings row (as a person sees it) of a setting in DEFAULT_SETTINGS-based settings. */
const settingRow = (settings: Record<string, CellValue>, name: string) => Object.keys(settings).indexOf(name) + 2;

describe('names are matched ignoring every space', () => {
  it('finds a header, a sheet and a setting written without (or with other) spaces', () => {
    const { [SETTING.windowFrom]: from, ...rest } = DEFAULT_SETTINGS;
    const input = workbook({ settings: { ...rest, 'Nhận hồ sơ\u00a0từngày': from }, nominations: [GOOD_INDIVIDUAL] });
    const nominations = sheetOf(input, SHEET.nominations);
    nominations.values[0] = nominations.values[0]!.map((h) => (h === N.name ? 'Tên tập thể/Họ và tên' : h));
    nominations.name = 'ĐềNghị';
    sheetOf(input, SHEET.units).name = 'Đơn\u200b vị';
    const e = evaluate(input);
    expect(e.result.errors).toEqual([]);
    expect(e.result.nominations[0]).toMatchObject({ name: 'Nguyễn Văn An', eligible: true, window_ok: true });
  });
});

describe('two sheets matching one name', () => {
  it.each([SHEET.nominations, SHEET.dossiers])('make the workbook unreadable, naming both (%s)', (name) => {
    const input = workbook({ nominations: [GOOD_INDIVIDUAL] });
    const existing = input.sheets.find((s) => s.name === name);
    const base = existing ?? { name, values: [['Mã đơn vị']] };
    input.sheets.push(...(existing ? [] : [base]), { ...base, name: `${name.toUpperCase()} ` });
    expect(() => evaluate(input)).toThrow(UnreadableWorkbook);
    expect(() => evaluate(input)).toThrow(`«${name}», «${name.toUpperCase()} »`);
  });
});

describe('a setting typed twice', () => {
  it('uses the first row and reports both rows', () => {
    const input = workbook({ nominations: [GOOD_COLLECTIVE] });
    const settings = sheetOf(input, SHEET.settings);
    settings.values.push([' số  hạng được xét', 1], ['Số hạng được xét', 2]);
    const e = evaluate(input);
    expect(e.workbook.settings.prizeRanks).toBe(1);
    expect(e.result.errors).toEqual([{
      sheet: SHEET.settings, row: settings.values.length, column: 'Mục',
      message: expect.stringMatching(/có ở cả hàng 9 và hàng 10; đang dùng hàng 9/),
    }]);
  });
});

describe('percent settings read like percent columns', () => {
  const withPercent = (value: CellValue, format = '') => {
    const settings = { ...DEFAULT_SETTINGS, [SETTING.minSatisfactionPercent]: value };
    const input = workbook({ settings, nominations: [GOOD_COLLECTIVE] });
    const sheet = sheetOf(input, SHEET.settings);
    sheet.numberFormats = sheet.values.map((row) => row.map((_, i) => (row[0] === SETTING.minSatisfactionPercent && i === 1 ? format : '')));
    return evaluate(input);
  };
  it.each([[95, '', 95], ['95%', '', 95], ['95,5', '', 95.5], [0.95, '0%', 95], [0, '', 0], ['0%', '', 0]])(
    '%p formatted %p is %p %%', (value, format, percent) => {
      const e = withPercent(value, format);
      expect(e.result.errors).toEqual([]);
      expect(e.workbook.settings.minSatisfactionPercent).toBe(percent);
    },
  );
  it('reports a rate above 100 % on its row and keeps the default', () => {
    const e = withPercent(120);
    expect(e.workbook.settings.minSatisfactionPercent).toBe(90);
    expect(e.result.errors).toEqual([expect.objectContaining({
      sheet: SHEET.settings, row: 9, column: 'Giá trị', message: expect.stringContaining('phải từ 0 đến 100%. Đang dùng giá trị mặc định 90'),
    })]);
  });
  it('with 0 %, a satisfaction rate of 0 passes A1', () => {
    const e = evaluate(workbook({
      settings: { ...DEFAULT_SETTINGS, [SETTING.minSatisfactionPercent]: 0 },
      nominations: [nomination(GOOD_COLLECTIVE, { [N.satisfactionPercent]: 0 })],
    }));
    expect(e.result.nominations[0]).toMatchObject({ eligible: true, basis: ['A1'] });
  });
});

describe('a window that starts after it ends', () => {
  it('is a settings error, and every window check says why it fails', () => {
    const settings = { ...DEFAULT_SETTINGS, [SETTING.windowFrom]: '06/01/2023', [SETTING.windowTo]: '02/01/2023' };
    const e = evaluate(workbook({ settings, nominations: [GOOD_COLLECTIVE, nomination(GOOD_INDIVIDUAL, { [N.unitCode]: 'X03' })] }));
    expect(e.result.errors).toEqual([{
      sheet: SHEET.settings, row: settingRow(settings, SETTING.windowFrom), column: 'Giá trị',
      message: expect.stringContaining('(06/01/2023) sau «Nhận hồ sơ đến ngày» (02/01/2023)'),
    }]);
    for (const v of e.result.nominations) {
      expect(v.window_ok).toBe(false);
      expect(v.message).toContain('M3: thời gian nhận hồ sơ ở trang «Cấu hình» không hợp lệ (ngày bắt đầu 06/01/2023 sau ngày kết thúc 02/01/2023)');
    }
  });
});

describe('a criterion whose maximum is 0, blank or not a number', () => {
  it.each([[0], [''], ['mười'], ['#REF!']])('(%p) is an error on its row; the units it applies to are not ranked', (max) => {
    const criteria = [...CRITERIA, { [C.code]: 'TC3', [C.name]: 'Mới', [C.maxPoints]: max }];
    const e = evaluate(workbook({ criteria }));
    expect(e.result.errors).toEqual([expect.objectContaining({ sheet: SHEET.criteria, row: 4, column: C.maxPoints })]);
    expect(e.result.ranking).toEqual([]);
    const ranked = UNITS.filter((u) => u[U.block] !== 'Đơn vị khác').map((u) => u[U.code]);
    expect(e.result.unranked.map((u) => u.unit).sort()).toEqual([...ranked].sort());
    for (const u of e.result.unranked) expect(u.reason).toContain('Điểm tối đa của tiêu chí «TC3» (hàng 4) ở trang «Tiêu chí» không hợp lệ');
  });
  it('limited to one block, keeps only that block unranked', () => {
    const criteria = [...CRITERIA, { [C.code]: 'TC3', [C.name]: 'Riêng xã', [C.maxPoints]: '', [C.block]: 'Xã, thị trấn' }];
    const e = evaluate(workbook({ criteria }));
    expect(e.result.ranking.map((r) => r.unit)).toEqual(['CQ01', 'CQ02']);
    expect(e.result.unranked.map((u) => u.unit)).toEqual(['X01', 'X02', 'X03', 'X04']);
  });
});

describe('unit codes match ignoring case and spaces everywhere', () => {
  it('in scores and nominations', () => {
    const scores = SCORES.map((s) => (s[S.unitCode] === 'X04' ? { ...s, [S.unitCode]: ' x 04' } : s));
    const e = evaluate(workbook({ scores, nominations: [nomination(GOOD_COLLECTIVE, { [N.unitCode]: 'x04 ' })] }));
    expect(e.result.errors).toEqual([]);
    expect(e.result.ranking.find((r) => r.unit === 'X04')).toMatchObject({ score: 70 });
    expect(e.result.nominations[0]).toMatchObject({ unit: 'X04', eligible: true, quota_ok: true });
  });
  it('in the quota, for unknown codes too: X9 and x 9 are one unit', () => {
    const e = evaluate(workbook({
      nominations: [nomination(GOOD_COLLECTIVE, { [N.unitCode]: 'X9' }), nomination(GOOD_INDIVIDUAL, { [N.unitCode]: 'x 9' })],
    }));
    expect(e.result.quota).toEqual([expect.objectContaining({ unit: 'X9', ok: false, nominated: { total: 2, collective: 1, individual: 1 } })]);
    expect(e.result.nominations.map((v) => [v.unit, v.quota_ok])).toEqual([['X9', false], ['X9', false]]);
  });
});

describe('ranking precision', () => {
  // X01 90.004, X02 90.001, X03 89.996: equal at 2 decimals.
  const scores = [
    score('X01', 'TC1', 50.004), score('X01', 'TC2', 40), score('X02', 'TC1', 50.001), score('X02', 'TC2', 40),
    score('X03', 'TC1', 49.996), score('X03', 'TC2', 40), score('X04', 'TC1', 40), score('X04', 'TC2', 30),
  ];
  const communes = (settings = DEFAULT_SETTINGS) => {
    const e = evaluate(workbook({ settings, scores }));
    return { e, rows: e.result.ranking.filter((r) => r.block === 'Xã, thị trấn') };
  };

  it('ranks and ties on totals rounded to 2 decimals; the JSON keeps the total to a millionth', () => {
    const { e, rows } = communes();
    expect(rows.map((r) => [r.unit, r.score, r.rank, r.tied, r.prize])).toEqual([
      ['X01', 90.004, 1, true, 'Nhất'], ['X02', 90.001, 1, true, 'Nhất'], ['X03', 89.996, 1, true, 'Nhất'], ['X04', 70, 4, false, null],
    ]);
    // The sheet shows the ranking's precision, so tied units show equal scores.
    const sheet = outputSheets(e)[0]!;
    const shown = sheet.rows.filter((r) => r[0] === 'Xã, thị trấn').map((r) => [r[2], r[4], r[5]]);
    expect(shown).toEqual([['X01', 90, 90], ['X02', 90, 90], ['X03', 90, 90], ['X04', 70, 70]]);
  });

  it('follows «Số chữ số thập phân khi xếp hạng»', () => {
    const { rows } = communes({ ...DEFAULT_SETTINGS, [EXTRA_SETTING.rankingDecimals]: 3 });
    expect(rows.map((r) => [r.unit, r.rank, r.tied])).toEqual([['X01', 1, false], ['X02', 2, false], ['X03', 3, false], ['X04', 4, false]]);
    expect(communes({ ...DEFAULT_SETTINGS, [EXTRA_SETTING.rankingDecimals]: 0 }).rows.map((r) => r.rank)).toEqual([1, 1, 1, 4]);
  });

  it.each([[7], [-1], [1.5], ['hai']])('reports a setting of %p and ranks at 2 decimals', (decimals) => {
    const settings = { ...DEFAULT_SETTINGS, [EXTRA_SETTING.rankingDecimals]: decimals };
    const { e, rows } = communes(settings);
    expect(e.result.errors).toEqual([expect.objectContaining({
      sheet: SHEET.settings, row: settingRow(settings, EXTRA_SETTING.rankingDecimals), message: expect.stringContaining('mặc định 2'),
    })]);
    expect(rows.map((r) => r.rank)).toEqual([1, 1, 1, 4]);
  });

  it('rounds half up as the decimal number reads (x.xx5 goes up)', () => {
    const halves = [score('X01', 'TC1', 50.005), score('X01', 'TC2', 40), score('X02', 'TC1', 50.01), score('X02', 'TC2', 40)];
    const e = evaluate(workbook({ scores: halves }));
    expect(e.result.ranking.filter((r) => r.block === 'Xã, thị trấn').map((r) => [r.unit, r.rank, r.tied])).toEqual([['X01', 1, true], ['X02', 1, true]]);
  });
});

describe('«Sáng kiến được công nhận» that means none', () => {
  const b2 = (value: CellValue) => evaluate(workbook({
    nominations: [nomination(GOOD_INDIVIDUAL, { [N.ratingPrev]: 'HTNV', [N.initiativeRecognition]: value })],
  })).result.nominations[0]!;
  it.each([[false], ['FALSE'], ['Không'], ['không có'], ['KHÔNG  CÓ'], [0], ['0'], ['-'], [' - ']])('%p: B2 does not hold', (value) => {
    expect(b2(value)).toMatchObject({ eligible: false, basis: [], failed: ['B1', 'B2'] });
  });
  it('a recognition holds', () => {
    expect(b2('Quyết định số 12/QĐ-UBND ngày 05/12/2022')).toMatchObject({ eligible: true, basis: ['B2'] });
  });
});

describe('an invalid «Hình thức»', () => {
  it('is an error on the cell and fails P0', () => {
    const e = evaluate(workbook({ nominations: [nomination(GOOD_COLLECTIVE, { [N.kind]: 'Tổ' })] }));
    expect(e.result.errors).toEqual([{ sheet: SHEET.nominations, row: 2, column: N.kind, message: expect.stringContaining('«Tổ» không hợp lệ') }]);
    expect(e.result.nominations[0]).toMatchObject({ eligible: false, basis: [], failed: ['P0'], kind: null });
  });
  it('with an unknown unit too, fails P0 and P1', () => {
    const e = evaluate(workbook({ nominations: [nomination(GOOD_COLLECTIVE, { [N.kind]: '', [N.unitCode]: 'ZZ' })] }));
    expect(e.result.nominations[0]!.failed).toEqual(['P0', 'P1']);
  });
});

describe('cells without a value: error values and uncomputed formulas', () => {
  const NOW = uncomputedFormula('=TODAY()');

  it.each([['#NAME?'], ['#REF!'], ['#N/A'], [NOW]])('%p as a nominee name is an error on that cell, never a name', (fault) => {
    const e = evaluate(workbook({ nominations: [nomination(GOOD_INDIVIDUAL, { [N.name]: fault })] }));
    expect(e.result.errors).toEqual([{ sheet: SHEET.nominations, row: 2, column: N.name, message: expect.stringMatching(/^Ô có (giá trị lỗi|công thức)/) }]);
    expect(e.result.nominations[0]!.name).toBe('');
  });

  it('an uncomputed formula says to open and save the file in a spreadsheet program', () => {
    const e = evaluate(workbook({ nominations: [nomination(GOOD_INDIVIDUAL, { [N.submittedOn]: NOW })] }));
    expect(e.result.errors).toEqual([{
      sheet: SHEET.nominations, row: 2, column: N.submittedOn,
      message: 'Ô có công thức «=TODAY()» chưa được tính (tệp chưa từng được mở bằng chương trình bảng tính); hãy mở tệp bằng Excel, LibreOffice hoặc Google Trang tính, lưu lại rồi chạy lại. Nếu công thức cố ý cho ô trống, hãy xóa công thức ở ô này.',
    }]);
    expect(e.result.nominations[0]!.window_ok).toBe(false);
  });

  it.each([
    [N.directCchc, GOOD_INDIVIDUAL, ['P1']], [N.satisfactionPercent, GOOD_COLLECTIVE, ['A1', 'A2', 'A3']],
    [N.ratingNow, GOOD_INDIVIDUAL, ['B1', 'B2']], [N.initiativeRecognition, nomination(GOOD_INDIVIDUAL, { [N.ratingPrev]: '' }), ['B1', 'B2']],
    [N.unitCode, GOOD_INDIVIDUAL, ['P1']], [N.kind, GOOD_INDIVIDUAL, ['P0']],
  ])('#VALUE! in «%s» fails the rules it feeds', (column, base, failed) => {
    const e = evaluate(workbook({ nominations: [nomination(base, { [column]: '#VALUE!' })] }));
    expect(e.result.errors).toEqual([expect.objectContaining({ row: 2, column, message: expect.stringContaining('#VALUE!') })]);
    expect(e.result.nominations[0]).toMatchObject({ eligible: false, failed: expect.arrayContaining(failed) });
  });

  it('#DIV/0! as an appraised score leaves the unit unranked, saying why', () => {
    const scores = SCORES.map((s) => (s[S.unitCode] === 'X02' && s[S.criterionCode] === 'TC1' ? { ...s, [S.appraisedPoints]: '#DIV/0!' } : s));
    const e = evaluate(workbook({ scores }));
    expect(e.result.errors).toEqual([expect.objectContaining({ sheet: SHEET.scores, row: 4, column: S.appraisedPoints })]);
    expect(e.result.unranked).toEqual([expect.objectContaining({ unit: 'X02', reason: expect.stringContaining('#DIV/0!') })]);
  });

  it('in a unit code of «Đơn vị» is one error, and the row is not a unit', () => {
    const units = [...UNITS, { [U.code]: '#REF!', [U.name]: 'Phòng Y', [U.block]: 'Cơ quan chuyên môn' }];
    const e = readWorkbook(workbook({ units }));
    expect(e.errors).toEqual([expect.objectContaining({ sheet: SHEET.units, row: 9, column: U.code, message: expect.stringContaining('#REF!') })]);
    expect(e.units.map((u) => u.code)).not.toContain('#REF!');
  });

  it('in a settings value is reported, not a missing setting', () => {
    const settings = { ...DEFAULT_SETTINGS, [SETTING.placeName]: '#NAME?' };
    const e = readWorkbook(workbook({ settings }));
    expect(e.errors).toEqual([expect.objectContaining({ sheet: SHEET.settings, row: settingRow(settings, SETTING.placeName), message: expect.stringContaining('#NAME?') })]);
    expect(e.settings.placeName).toBe('');
  });

  it('beside the data, in a column the reader does not use, makes no row', () => {
    const input = workbook({ nominations: [GOOD_INDIVIDUAL] });
    const sheet = sheetOf(input, SHEET.nominations);
    sheet.values[0]!.push('Kết quả (công thức)');
    sheet.values[1]!.push('#N/A');
    const onlyLast = (value: CellValue, rest: CellValue) => sheet.values[0]!.map((_, i, all) => (i === all.length - 1 ? value : rest));
    sheet.values.push(onlyLast(NOW, ''), onlyLast('#N/A', null));
    const e = evaluate(input);
    expect(e.result.errors).toEqual([]);
    expect(e.result.nominations).toHaveLength(1);
  });

  it('a text that merely starts with # is text', () => {
    const e = evaluate(workbook({ nominations: [nomination(GOOD_INDIVIDUAL, { [N.name]: '#Tổ một cửa' })] }));
    expect(e.result.errors).toEqual([]);
    expect(e.result.nominations[0]!.name).toBe('#Tổ một cửa');
  });
});
