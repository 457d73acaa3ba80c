import type { CellValue, SheetInput } from '../../src/core';
import { DOSSIER_COL, INTAKE_COL, NOMINATION_COL, SHEET, acceptedUnits, checkIntake, evaluate } from '../../src/core';
import { GOOD_COLLECTIVE, GOOD_INDIVIDUAL, nomination, table, workbook } from '../helpers/workbook';

const dossier = (unit: string, more: Record<string, CellValue> = {}) => ({
  [DOSSIER_COL.unitCode]: unit, [DOSSIER_COL.meetingDate]: '28/12/2022', [DOSSIER_COL.letterNumber]: '97/TTr-UBND',
  [DOSSIER_COL.letterDate]: '30/12/2022', ...more,
});
const voted = (row: Record<string, CellValue>) =>
  nomination(row, { [NOMINATION_COL.votesInFavour]: 8, [NOMINATION_COL.summary]: 'Dẫn đầu khối xã về chỉ số CCHC.' });

// X01 (ranked first): complete; X04: no letter, its nominee without votes; X02: two collectives (over quota).
const input = workbook({
  nominations: [
    nomination(voted(GOOD_COLLECTIVE), { [NOMINATION_COL.unitCode]: 'X01', [NOMINATION_COL.name]: 'Bộ phận một cửa xã Cai Kinh' }),
    nomination(voted(GOOD_INDIVIDUAL), { [NOMINATION_COL.unitCode]: 'X01' }),
    nomination(GOOD_INDIVIDUAL, { [NOMINATION_COL.summary]: 'Tận tụy.', [NOMINATION_COL.name]: 'Trần Thị Bình' }),
    nomination(voted(GOOD_COLLECTIVE), { [NOMINATION_COL.unitCode]: 'X02', [NOMINATION_COL.name]: 'Văn phòng UBND xã' }),
    nomination(voted(GOOD_COLLECTIVE), { [NOMINATION_COL.unitCode]: 'X02', [NOMINATION_COL.name]: 'Công an xã' }),
  ],
  dossiers: table(SHEET.dossiers, Object.values(DOSSIER_COL), [
    dossier('X01'),
    dossier('X04', { [DOSSIER_COL.letterNumber]: '' }),
    dossier('X02'),
  ]),
});
const e = evaluate(input);
const header = Object.values(INTAKE_COL);
const at = (values: CellValue[][], unit: string) => {
  const row = values.find((r) => r[0] === unit)!;
  return Object.fromEntries(header.map((h, i) => [h, row[i]]));
};

describe('the intake of the units’ dossiers (Tiếp nhận hồ sơ)', () => {
  it('creates one row per nominating unit, in the order of Đơn vị, and computes the status', () => {
    const result = checkIntake(e, undefined, 'UTC');
    expect(result.values[0]).toEqual(header);
    expect(result.values.slice(1).map((r) => r[0])).toEqual(['X01', 'X02', 'X04']);
    expect(at(result.values, 'X01')).toMatchObject({ [INTAKE_COL.unitName]: 'UBND xã Cai Kinh', [INTAKE_COL.status]: 'Đủ' });
    expect(result.entries).toEqual([
      { unit: 'X01', status: 'Đủ', reason: '' },
      { unit: 'X02', status: 'Thiếu', reason: expect.stringContaining('P4: vượt chỉ tiêu') },
      { unit: 'X04', status: 'Thiếu', reason: expect.stringContaining('D2 tờ trình') },
    ]);
    expect(result.entries[2]!.reason).toContain('số phiếu đồng ý của «Trần Thị Bình»');
    expect(at(result.values, 'X04')[INTAKE_COL.check]).toMatch(/^Thiếu: D2 tờ trình .*«Số tờ trình»/);
    expect([...acceptedUnits(result.entries)]).toEqual(['x01']);
  });

  it('keeps every cell the officer typed, and a return with its reason, never overwriting them', () => {
    const typed: SheetInput = {
      name: SHEET.intake,
      values: [
        [...header, 'Ghi chú'],
        ['X01', 'UBND xã Cai Kinh', '04/01/2023', 'Bản giấy', 'Lê Thị Hoa', '', 'Trả lại', 'Chữ ký không đúng thẩm quyền', 'gọi lại'],
        ['X04', '', '03/01/2023', 'Trực tuyến', 'Lê Thị Hoa', 'cũ', 'Đủ', '', ''],
      ],
    };
    const result = checkIntake(e, typed, 'UTC');
    expect(result.values[1]).toEqual([
      'X01', 'UBND xã Cai Kinh', '04/01/2023', 'Bản giấy', 'Lê Thị Hoa', expect.stringMatching(/^Đủ thành phần/), 'Trả lại',
      'Chữ ký không đúng thẩm quyền', 'gọi lại',
    ]);
    // A typed `Đủ` is the tool's to decide: X04 lacks its letter; its name is filled in.
    expect(at(result.values, 'X04')).toMatchObject({ [INTAKE_COL.status]: 'Thiếu', [INTAKE_COL.unitName]: 'UBND xã Yên Bình' });
    expect(result.values.map((r) => r[0])).toEqual([INTAKE_COL.unitCode, 'X01', 'X04', 'X02']);
    expect(result.entries.find((x) => x.unit === 'X01')).toEqual({ unit: 'X01', status: 'Trả lại', reason: 'Chữ ký không đúng thẩm quyền' });
    expect(result.errors).toEqual([]);
  });

  it('checks the date received against the window (M3), and says what is wrong where', () => {
    const typed: SheetInput = {
      name: SHEET.intake,
      values: [header, ['X01', '', '09/01/2023', 'Qua bưu điện', '', '', 'trả lại', '']],
    };
    const result = checkIntake(e, typed, 'UTC');
    expect(result.entries[0]).toEqual({ unit: 'X01', status: 'Trả lại', reason: '' });
    expect(at(result.values, 'X01')[INTAKE_COL.check]).toContain('M3: nộp ngày 09/01/2023, sau thời gian nhận hồ sơ');
    expect(result.errors).toEqual([
      expect.objectContaining({ sheet: SHEET.intake, row: 2, column: INTAKE_COL.channel, message: expect.stringContaining('«Trực tuyến» hoặc «Bản giấy»') }),
      expect.objectContaining({ row: 2, column: INTAKE_COL.reason, message: expect.stringContaining('chưa có lý do') }),
    ]);
  });

  it('lists a nominee with neither a row in Báo cáo thành tích nor a summary of achievements', () => {
    const noSummary = evaluate({ ...input, sheets: input.sheets.map((s) => s.name !== SHEET.nominations ? s : {
      ...s, values: s.values.map((r, i) => (i === 2 ? r.map((c, j) => (s.values[0]![j] === NOMINATION_COL.summary ? '' : c)) : r)),
    }) });
    expect(checkIntake(noSummary, undefined, 'UTC').entries[0]!.reason).toBe('D3 báo cáo thành tích của «Nguyễn Văn An» (chưa có «Tóm tắt thành tích»)');
    const withReports = { ...input, sheets: [...input.sheets, table(SHEET.reports, ['Mã đơn vị', 'Tên tập thể / Họ và tên'], [
      { 'Mã đơn vị': 'X01', 'Tên tập thể / Họ và tên': 'Bộ phận một cửa xã Cai Kinh' },
    ])] };
    // The summary is enough for the report (the tool pre-fills it); a report row alone is too.
    expect(checkIntake(evaluate(withReports), undefined, 'UTC').entries[0]).toEqual({ unit: 'X01', status: 'Đủ', reason: '' });
  });
});
