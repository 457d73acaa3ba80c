/** Legal presets (issue 12): the «Căn cứ» lines, the awarding title, block names, and the user's own lines. */
import {
  DOSSIER_COL, EXTRA_SETTING, LEGAL_BASIS_COL, REPORT_COL, SETTING, SHEET, evaluate, legalBasisOf, presetRows, readWorkbook,
} from '../../src/core';
import type { CellValue, Evaluation } from '../../src/core';
import { awardingTitle, basisLines, buildDossiers, plainText } from '../../src/core/documents';
import { upper } from '../../src/core/documents/layout';
import type { DossierDocument } from '../../src/core/documents';
import { DEFAULT_SETTINGS, table, workbook } from '../helpers/workbook';
import { AN_REPORT, COLLECTIVE, INDIVIDUAL, UNITS_V2, X04_DOSSIER } from './documents/fixture';

type Row = Record<string, CellValue>;

/** The test district's settings, with block names kept (the units' blocks are the 2022 ones). */
const TODAY: Row = {
  ...DEFAULT_SETTINGS,
  [SETTING.issuer]: 'Ủy ban nhân dân xã Tân Lập',
  [SETTING.communeBlock]: 'Xã, thị trấn',
  [SETTING.agencyBlock]: 'Cơ quan chuyên môn',
  [EXTRA_SETTING.legalBasis]: 2025,
};

const LEGAL_HEADER = Object.values(LEGAL_BASIS_COL);
const legalRow = (document: CellValue, order: CellValue, text: CellValue): Row => ({
  [LEGAL_BASIS_COL.document]: document,
  [LEGAL_BASIS_COL.order]: order,
  [LEGAL_BASIS_COL.text]: text,
});

function run(settings: Row = DEFAULT_SETTINGS, legal: Row[] | null = null, dossier: Row = X04_DOSSIER): Evaluation {
  const input = workbook({
    settings,
    nominations: [COLLECTIVE, INDIVIDUAL],
    dossiers: table(SHEET.dossiers, Object.values(DOSSIER_COL), [dossier]),
    units: UNITS_V2,
  });
  input.sheets.push(table(SHEET.reports, Object.values(REPORT_COL), [AN_REPORT]));
  if (legal) input.sheets.push(table(SHEET.legalBasis, LEGAL_HEADER, legal));
  return evaluate(input);
}

const docs = (e: Evaluation) => buildDossiers(e)[0]!.documents;
const doc = (e: Evaluation, kind: DossierDocument['kind']) => docs(e).find((d) => d.kind === kind)!;
const text = (e: Evaluation, kind: DossierDocument['kind']) => plainText(doc(e, kind).doc);
const basisOf = (e: Evaluation) => text(e, 'D2').split('\n').filter((l) => l.startsWith('Căn cứ'));

const LAUNCH_2022 =
  'Phát động của Ủy ban nhân dân huyện Hữu Lũng về phong trào thi đua “Đẩy mạnh cải cách hành chính Nhà nước và thực hiện kỷ luật, kỷ cương hành chính” năm 2022';

describe('without the setting, the 2022 documents of today', () => {
  const e = run();
  test('the letter cites the 2003 law, Decree 91/2017, the launch and the minutes', () => {
    expect(basisOf(e)).toEqual([
      'Căn cứ Luật Thi đua, Khen thưởng ngày 26/11/2003; Luật sửa đổi, bổ sung một số điều của Luật Thi đua, Khen thưởng ngày 14/6/2005 và ngày 16/11/2013;',
      'Căn cứ Nghị định số 91/2017/NĐ-CP ngày 31/7/2017 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;',
      `Căn cứ ${LAUNCH_2022};`,
      'Căn cứ Biên bản họp xét đề nghị khen thưởng ngày 05/01/2023 của UBND xã Yên Bình.',
    ]);
  });
  test('the minutes cite the same', () => {
    expect(text(e, 'D1')).toContain(
      `1. Tiêu chuẩn xét: căn cứ Luật Thi đua, Khen thưởng, Nghị định số 91/2017/NĐ-CP ngày 31/7/2017 của Chính phủ và tiêu chuẩn khen thưởng quy định tại ${LAUNCH_2022}, Hội đồng`,
    );
  });
  test('no setting is stored and the 2022 block names are the defaults', () => {
    const { settings } = readWorkbook(workbook());
    expect(settings.legalBasis).toBeUndefined();
    expect([settings.communeBlock, settings.agencyBlock]).toEqual(['Xã, thị trấn', 'Cơ quan chuyên môn']);
  });
});

describe('`Căn cứ pháp lý` 2025', () => {
  const e = run(TODAY);
  test('the letter cites the Law of 2022 and Decree 152/2025', () => {
    const lines = basisOf(e);
    expect(lines[0]).toBe('Căn cứ Luật Thi đua, khen thưởng ngày 15/6/2022;');
    expect(lines[1]).toMatch(/^Căn cứ Nghị định số 152\/2025\/NĐ-CP .* Luật Thi đua, khen thưởng;$/);
    expect(lines.join('\n')).not.toContain('91/2017');
    expect(lines[3]).toBe('Căn cứ Biên bản họp xét đề nghị khen thưởng ngày 05/01/2023 của UBND xã Yên Bình.');
  });
  test('the minutes cite them too', () => {
    expect(text(e, 'D1')).toContain('căn cứ Luật Thi đua, khen thưởng năm 2022, Nghị định số 152/2025/NĐ-CP');
  });
  test('the commune awards: the letter is addressed to its chairman', () => {
    const d2 = text(e, 'D2');
    expect(d2).toContain('Đề nghị tặng Giấy khen của Chủ tịch UBND xã Tân Lập');
    expect(d2).toContain('Kính gửi: Chủ tịch Ủy ban nhân dân xã Tân Lập.');
    expect(e.workbook.errors).toEqual([]);
  });
  test('a department awards under its director when no title is set', () => {
    const d2 = text(run({ ...TODAY, [SETTING.issuer]: 'Sở Nội vụ tỉnh Lạng Sơn' }), 'D2');
    expect(d2).toContain('Kính gửi: Giám đốc Sở Nội vụ tỉnh Lạng Sơn.');
  });
  test('a province awards under its chairman, named in full even when typed «UBND …»', () => {
    expect(text(run({ ...TODAY, [SETTING.issuer]: 'UBND tỉnh Lạng Sơn' }), 'D2')).toContain('Kính gửi: Chủ tịch Ủy ban nhân dân tỉnh Lạng Sơn.');
  });
  test('a district, abolished since 01/7/2025, is an error on the issuer row', () => {
    const { errors } = run({ ...TODAY, [SETTING.issuer]: 'Ủy ban nhân dân huyện Hữu Lũng' }).workbook;
    expect(errors).toEqual([
      expect.objectContaining({ sheet: SHEET.settings, row: 4, column: 'Giá trị', message: expect.stringContaining('«Ủy ban nhân dân xã …»') }),
    ]);
  });
  test('the block names default to communes and wards, and departments', () => {
    const { settings } = readWorkbook(workbook({ settings: { ...DEFAULT_SETTINGS, [SETTING.issuer]: 'Ủy ban nhân dân tỉnh Lạng Sơn', [EXTRA_SETTING.legalBasis]: '2025' } }));
    expect([settings.legalBasis, settings.communeBlock, settings.agencyBlock]).toEqual(['2025', 'Xã, phường', 'Sở, ban, ngành']);
  });
  test('a value other than 2022 or 2025 is an error and the 2022 documents are made', () => {
    const e2 = run({ ...DEFAULT_SETTINGS, [EXTRA_SETTING.legalBasis]: '2023' });
    expect(e2.workbook.errors).toEqual([
      expect.objectContaining({ sheet: SHEET.settings, column: 'Giá trị', message: expect.stringContaining('«Căn cứ pháp lý» «2023» không hợp lệ; hãy chọn «2022» hoặc «2025»') }),
    ]);
    expect(basisOf(e2)[1]).toContain('91/2017');
  });
});

describe('the sheet `Căn cứ pháp lý`', () => {
  test('its lines replace a document’s, in their order, placeholders filled; the other documents keep the preset', () => {
    const e = run(TODAY, [
      legalRow('Tờ trình', 2, 'Căn cứ Kế hoạch số 10/KH-UBND của {{co_quan_phat_dong}};'),
      legalRow('tờ trình', 1, 'Căn cứ Quyết định số 25/2025/QĐ-UBND của UBND tỉnh Lạng Sơn ban hành Quy chế thi đua, khen thưởng'),
      legalRow('Tờ trình', 3, 'Căn cứ Biên bản họp ngày {{ ngay_hop }}.'),
    ]);
    expect(e.workbook.errors).toEqual([]);
    expect(basisOf(e)).toEqual([
      'Căn cứ Quyết định số 25/2025/QĐ-UBND của UBND tỉnh Lạng Sơn ban hành Quy chế thi đua, khen thưởng;',
      'Căn cứ Kế hoạch số 10/KH-UBND của Ủy ban nhân dân xã Tân Lập;',
      'Căn cứ Biên bản họp ngày 05/01/2023.',
    ]);
    expect(text(e, 'D1')).toContain('Nghị định số 152/2025/NĐ-CP');
  });

  test('a placeholder without a value is a gap, listed like any other', () => {
    const e = run(TODAY, [legalRow('Tờ trình', 1, 'Căn cứ Biên bản họp ngày {{ngay_hop}}')], { ...X04_DOSSIER, [DOSSIER_COL.meetingDate]: '' });
    expect(basisOf(e)).toEqual(['Căn cứ Biên bản họp ngày ….']);
    expect(doc(e, 'D2').missing).toContain('Hồ sơ đơn vị X04: thiếu Ngày họp');
  });

  test('what «Khởi tạo bảng tính» writes gives the preset’s documents', () => {
    const rows = presetRows('2025').map(([d, o, t]) => legalRow(d, o, t));
    const fromSheet = run(TODAY, rows);
    expect(fromSheet.workbook.errors).toEqual([]);
    expect(docs(fromSheet).map((d) => plainText(d.doc))).toEqual(docs(run(TODAY)).map((d) => plainText(d.doc)));
  });

  test.each([
    [legalRow('Giấy mời', 1, 'Căn cứ A'), LEGAL_BASIS_COL.document, 'Văn bản «Giấy mời» không hợp lệ; hãy chọn «Biên bản họp xét», «Tờ trình», «Quyết định khen thưởng».'],
    [legalRow('', 1, 'Căn cứ A'), LEGAL_BASIS_COL.document, 'Thiếu tên văn bản'],
    [legalRow('Tờ trình', 1.5, 'Căn cứ A'), LEGAL_BASIS_COL.order, 'Thứ tự phải là số nguyên dương'],
    [legalRow('Tờ trình', 'một', 'Căn cứ A'), LEGAL_BASIS_COL.order, 'Thứ tự phải là số nguyên dương'],
    [legalRow('Tờ trình', 2, ' ; '), LEGAL_BASIS_COL.text, 'Thiếu nội dung'],
    [legalRow('Tờ trình', 2, 'Căn cứ {{ten_don_vi}'), LEGAL_BASIS_COL.text, 'Dấu ngoặc {{ }} không khớp'],
    [legalRow('Tờ trình', 2, 'Căn cứ {{so_to_trinh}}'), LEGAL_BASIS_COL.text, '«{{so_to_trinh}}» không dùng được trong Tờ trình'],
    [legalRow('Quyết định khen thưởng', 1, 'Xét đề nghị của {{ten_don_vi}}'), LEGAL_BASIS_COL.text, '«{{ten_don_vi}}» không dùng được trong Quyết định khen thưởng'],
  ])('a wrong row is an error naming its row and column, and is not used (%#)', (row, column, message) => {
    const e = run(TODAY, [legalRow('Tờ trình', 1, 'Căn cứ Luật Thi đua, khen thưởng'), row]);
    expect(e.workbook.errors).toEqual([expect.objectContaining({ sheet: SHEET.legalBasis, row: 3, column, message: expect.stringContaining(message) })]);
    expect(basisOf(e)).toEqual(['Căn cứ Luật Thi đua, khen thưởng.']);
  });

  test('two lines of one document at one place: the second is an error naming the first', () => {
    const e = run(TODAY, [legalRow('Tờ trình', 1, 'Căn cứ A'), legalRow('Tờ trình', 1, 'Căn cứ B')]);
    expect(e.workbook.errors).toEqual([
      expect.objectContaining({ sheet: SHEET.legalBasis, row: 3, column: LEGAL_BASIS_COL.order, message: 'Tờ trình đã có dòng thứ 1 ở hàng 2; hãy đánh số thứ tự khác.' }),
    ]);
  });

  test('a missing column is named', () => {
    const input = workbook({ settings: TODAY });
    input.sheets.push({ name: SHEET.legalBasis, values: [[LEGAL_BASIS_COL.document, LEGAL_BASIS_COL.text], ['Tờ trình', 'Căn cứ A']] });
    expect(readWorkbook(input).errors).toContainEqual(expect.objectContaining({ sheet: SHEET.legalBasis, row: 1, column: LEGAL_BASIS_COL.order }));
  });
});

describe('D3, the report of achievements, per preset', () => {
  const reports = (e: Evaluation) => docs(e).filter((d) => d.kind === 'D3');
  const NOTE = '(Ghi đầy đủ bằng chữ in thường, không viết tắt)';

  test('2025: the provincial-style form asks each name in full, in italics, under its line', () => {
    const [collective, individual] = reports(run(TODAY)).map((d) => d.doc);
    expect(plainText(individual!)).toContain(`1. Họ và tên: Nguyễn Văn An.\n${NOTE}\n2. Sinh ngày, tháng, năm: 12/5/1985.`);
    expect(plainText(collective!)).toContain(`1. Tên tập thể: Bộ phận một cửa xã Yên Bình.\n${NOTE}\n2. Địa chỉ trụ sở`);
    const note = individual!.blocks.find((b) => b.kind === 'paragraph' && b.runs.map((r) => r.text).join('') === NOTE);
    expect(note).toMatchObject({ runs: [{ italic: true }] });
  });

  test('2025: the achievements are those of a thematic movement, for the commune’s chairman', () => {
    const text = plainText(reports(run(TODAY))[1]!.doc);
    expect(text).toContain('Đề nghị tặng Giấy khen của Chủ tịch UBND xã Tân Lập\n(Thành tích trong phong trào thi đua theo chuyên đề “Đẩy mạnh');
    // The rest of the form is form 07's: the same sections and signatures.
    for (const heading of ['I. SƠ LƯỢC LÝ LỊCH', 'II. THÀNH TÍCH ĐẠT ĐƯỢC', 'III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG', 'NGƯỜI BÁO CÁO THÀNH TÍCH']) {
      expect(text).toContain(heading);
    }
  });

  test('2022 (and no setting): form 07 of Decree 91/2017, without the note', () => {
    for (const e of [run(), run({ ...DEFAULT_SETTINGS, [EXTRA_SETTING.legalBasis]: '2022' })]) {
      const text = reports(e).map((d) => plainText(d.doc)).join('\n');
      expect(text).not.toContain(NOTE);
      expect(text).toContain('(Thành tích trong phong trào thi đua “Đẩy mạnh');
    }
  });
});

describe('what the awarding body’s own documents call (decision, certificate)', () => {
  const use = (f: { text: string }) => f.text;
  test('the decision’s «Căn cứ» lines, the last closed with `;` before «Xét đề nghị …»', () => {
    const e = run(TODAY);
    const lines = basisLines(legalBasisOf(e.workbook), 'decision', { van_ban_phat_dong: { text: 'Kế hoạch số 5/KH-UBND', missing: null } }, use, ';');
    expect(lines[0]).toBe('Căn cứ Luật Tổ chức chính quyền địa phương ngày 16/6/2025;');
    expect(lines.at(-1)).toBe('Căn cứ Kế hoạch số 5/KH-UBND;');
    expect(lines.join('\n')).toContain('Nghị định số 152/2025/NĐ-CP');
  });
  test('the awarding title, full, short and as a certificate prints it', () => {
    const { full, short } = awardingTitle(run(TODAY).workbook.settings);
    expect([full.text, short.text, upper(full.text)]).toEqual([
      'Chủ tịch Ủy ban nhân dân xã Tân Lập', 'Chủ tịch UBND xã Tân Lập', 'CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ TÂN LẬP',
    ]);
    expect(awardingTitle({ signerTitle: 'Chủ tịch', issuer: ' ' }).full).toEqual({ text: 'Chủ tịch …', missing: 'Cấu hình: thiếu Cơ quan phát động' });
  });
});
