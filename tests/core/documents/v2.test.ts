/** What forms.md «v2» asks of each document, element by element, and the v2 data behind it. */
import { DOSSIER_COL, REPORT_COL, SHEET, UNIT_COL } from '../../../src/core';
import { readTime } from '../../../src/core/documentFacts';
import { buildDossiers, plainText } from '../../../src/core/documents';
import type { DossierDocument, Paragraph, Table } from '../../../src/core/documents';
import { nomination } from '../../helpers/workbook';
import { AN_REPORT, COLLECTIVE, INDIVIDUAL, UNITS_V2, X04_DOSSIER, X04_UNIT, evaluation } from './fixture';
import type { Parts } from './fixture';

const docs = (parts: Parts = {}) => buildDossiers(evaluation(parts))[0]!.documents;
const kind = (k: DossierDocument['kind'], parts: Parts = {}, n = 0) => docs(parts).filter((d) => d.kind === k)[n]!;
const textOf = (d: DossierDocument) => plainText(d.doc);
const withUnit = (row: Record<string, unknown>): Parts => ({ units: UNITS_V2.map((u) => (u[UNIT_COL.code] === 'X04' ? { ...X04_UNIT, ...row } : u)) as Parts['units'] });
const paragraphs = (d: DossierDocument) => d.doc.blocks.filter((b): b is Paragraph => b.kind === 'paragraph');

describe('D1, the minutes', () => {
  const text = textOf(kind('D1'));
  test.each([
    ['start time, date, place and the council', 'Hôm nay, vào hồi 8 giờ 00 phút, ngày 05 tháng 01 năm 2023, tại Hội trường UBND xã Yên Bình, Hội đồng Thi đua - Khen thưởng xã'],
    ['members and how many present', 'tổng số 9 người; có mặt 8 người, vắng mặt 1 người.'],
    ['chair by name', '- Chủ trì: Hoàng Văn Bình, Chủ tịch UBND xã;'],
    ['secretary by name', '- Thư ký: Lê Thị Cúc, công chức Văn phòng - Thống kê;'],
    ['the criteria cited', 'tiêu chuẩn khen thưởng quy định tại Phát động của Ủy ban nhân dân huyện Hữu Lũng'],
    ['the discussion', '2. Ý kiến thảo luận:\nCác thành viên nhất trí với thành tích nêu trong báo cáo.\nÔng Hoàng Văn Bình'],
    ['the voting method', 'biểu quyết bằng hình thức giơ tay; kết quả như sau:'],
    ['per nominee votes and percentage', '2\nNguyễn Văn An\nCá nhân\n7\n77,78%'],
    ['the conclusion', 'thống nhất đề nghị Chủ tịch Ủy ban nhân dân huyện Hữu Lũng xem xét, tặng Giấy khen cho 01 tập thể và 01 cá nhân'],
    ['the closing time', 'Cuộc họp kết thúc vào hồi 10 giờ 30 phút cùng ngày.'],
    ['the two signatures', 'THƯ KÝ\n\n\n\n\nLê Thị Cúc\nCHỦ TRÌ\n\n\n\n\nHoàng Văn Bình'],
    ['«Nơi nhận» ending «Lưu: VT, <ký hiệu>.»', 'Nơi nhận:\n- UBND huyện (qua Phòng Nội vụ);\n- Lưu: VT, UBND.'],
    ['the number with the unit’s symbol', 'Số:       /BB-UBND'],
  ])('%s', (_what, expected) => expect(text).toContain(expected));

  test('the signatures keep with the paragraph before them and never split', () => {
    const d1 = kind('D1');
    const at = d1.doc.blocks.findIndex((b) => b.kind === 'table' && b.borderless && b.keepTogether);
    expect(at).toBeGreaterThan(0);
    expect((d1.doc.blocks[at] as Table).keepWithPrevious).toBe(true);
    expect(d1.doc.blocks[at - 1]?.kind).toBe('paragraph');
  });

  test('missing v2 details are gaps and listed with their column', () => {
    const bare = { ...X04_DOSSIER, [DOSSIER_COL.startTime]: '', [DOSSIER_COL.votingMethod]: '', [DOSSIER_COL.council]: '', [DOSSIER_COL.recipients]: '' };
    const d1 = kind('D1', { dossiers: [bare] });
    expect(textOf(d1)).toContain('vào hồi … giờ … phút');
    expect(textOf(d1)).toContain('bằng hình thức …;');
    expect(d1.missing).toEqual(expect.arrayContaining([DOSSIER_COL.startTime, DOSSIER_COL.votingMethod, DOSSIER_COL.council, DOSSIER_COL.recipients].map((c) => `Hồ sơ đơn vị X04: thiếu ${c}`)));
  });
});

describe('D2, the letter', () => {
  const d2 = kind('D2');
  const text = textOf(d2);
  test('no «V/v»; the subject has a drawn rule under it', () => {
    expect(text).not.toContain('V/v');
    const subject = paragraphs(d2).find((p) => p.runs[0]?.text === 'Đề nghị tặng Giấy khen của Chủ tịch UBND huyện Hữu Lũng')!;
    expect(subject.ruleBelowMm).toBeGreaterThan(20);
    expect(text).not.toContain('___');
  });
  test('«Nơi nhận» with «Như trên», the standing body and «Lưu: VT, <ký hiệu>.»', () => {
    expect(text).toContain('Nơi nhận:\n- Như trên;\n- UBND huyện (qua Phòng Nội vụ);\n- Lưu: VT, UBND.');
  });
  test('annex dates in words, block names with appendix II capitals, a results paragraph in the unit’s voice', () => {
    expect(text).toContain('(Kèm theo Tờ trình số 15/TTr-UBND ngày 06 tháng 01 năm 2023 của UBND xã Yên Bình)');
    expect(text).toContain('xếp thứ 4 trong khối xã, thị trấn');
    expect(text).toContain('UBND xã Yên Bình đã ban hành kế hoạch, tổ chức triển khai phong trào');
    expect(text).toContain('Ngày 05/01/2023, UBND xã Yên Bình đã tổ chức họp xét');
  });
});

describe('signer and symbol come from `Đơn vị`, never guessed', () => {
  test.each([
    [{ [UNIT_COL.signingAuthority]: 'TM.', [UNIT_COL.signerTitle]: 'CHỦ TỊCH' }, ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH']],
    [{ [UNIT_COL.signingAuthority]: 'KT.', [UNIT_COL.signerTitle]: 'Phó Chủ tịch' }, ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH']],
    [{ [UNIT_COL.signingAuthority]: 'q', [UNIT_COL.signerTitle]: 'TRƯỞNG PHÒNG' }, ['Q. TRƯỞNG PHÒNG']],
    [{ [UNIT_COL.signingAuthority]: '', [UNIT_COL.signerTitle]: 'GIÁM ĐỐC' }, ['GIÁM ĐỐC']],
  ])('%o signs as %o', (row, lines) => {
    expect(textOf(kind('D2', withUnit(row)))).toContain(`${lines.join('\n')}\n`);
  });

  test('a missing title or symbol is a gap, listed; no «THỦ TRƯỞNG ĐƠN VỊ», no derived symbol', () => {
    const d2 = kind('D2', withUnit({ [UNIT_COL.signerTitle]: '', [UNIT_COL.symbol]: '', [UNIT_COL.signingAuthority]: '' }));
    const d1 = kind('D1', withUnit({ [UNIT_COL.symbol]: '' }));
    expect(textOf(d2)).not.toContain('THỦ TRƯỞNG');
    expect(textOf(d2)).toContain('- Lưu: VT, ….');
    expect(textOf(d1)).toContain('Số:       /BB-…');
    expect(d2.missing).toEqual(expect.arrayContaining([`Đơn vị X04: thiếu ${UNIT_COL.signerTitle}`, `Đơn vị X04: thiếu ${UNIT_COL.symbol}`]));
  });

  test('`Cơ quan chủ quản` is the header’s first line', () => {
    const table = kind('D2', withUnit({ [UNIT_COL.superior]: 'Ủy ban nhân dân huyện Hữu Lũng' })).doc.blocks[0] as Table;
    expect(table.rows[0]![0]!.paragraphs[0]!.runs[0]!.text).toBe('UBND HUYỆN HỮU LŨNG');
  });
});

describe('D3, form 07', () => {
  const individual = textOf(kind('D3', {}, 1));
  const collective = textOf(kind('D3', {}, 0));
  test.each([
    'I. SƠ LƯỢC LÝ LỊCH', '1. Họ và tên: Nguyễn Văn An.', '2. Sinh ngày, tháng, năm: 12/5/1985.', '3. Giới tính: Nam.',
    '4. Quê quán: xã Yên Bình, huyện Hữu Lũng, tỉnh Lạng Sơn.', '5. Trú quán: ', '6. Đơn vị công tác: UBND xã Yên Bình.',
    '7. Chức vụ: Công chức Văn phòng - Thống kê.', '8. Trình độ chuyên môn, nghiệp vụ: Đại học Luật.', '9. Học hàm, học vị, danh hiệu: ',
    'II. THÀNH TÍCH ĐẠT ĐƯỢC', '1. Quyền hạn, nhiệm vụ được giao:\nTham mưu công tác cải cách hành chính của xã.',
    '2. Thành tích đạt được:', 'Rà soát, đề xuất đơn giản hóa 12 thủ tục hành chính.',
    'III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG', '2021\nGiấy khen\nQuyết định số 85/QĐ-UBND ngày 20/12/2021\nChủ tịch UBND huyện Hữu Lũng',
    'THỦ TRƯỞNG ĐƠN VỊ\nXÁC NHẬN, ĐỀ NGHỊ\n(Ký, đóng dấu)', 'NGƯỜI BÁO CÁO THÀNH TÍCH\n(Ký, ghi rõ họ và tên)',
  ])('an individual’s report has «%s»', (expected) => expect(individual).toContain(expected));

  test.each([
    'I. THÔNG TIN CHUNG', '1. Tên tập thể: Bộ phận một cửa xã Yên Bình.', '2. Địa chỉ trụ sở: ', '3. Điện thoại: ', '4. Cơ cấu tổ chức: ',
    '5. Tổng số cán bộ, công chức: ', '6. Chức năng, nhiệm vụ: ', 'II. THÀNH TÍCH ĐẠT ĐƯỢC', '1. Đặc điểm tình hình:', '2. Thành tích đạt được:',
    'III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG', 'XÁC NHẬN CỦA CẤP TRÌNH KHEN THƯỞNG\n(Ký, đóng dấu)', 'TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n(Ký, đóng dấu)',
  ])('a collective’s report has «%s»', (expected) => expect(collective).toContain(expected));

  test('what the nominee still writes is a dotted line to the margin, and the report says so', () => {
    const d3 = kind('D3', {}, 0);
    const dotted = paragraphs(d3).filter((p) => p.dotsToEnd).map((p) => p.runs.map((r) => r.text).join(''));
    expect(dotted).toEqual(expect.arrayContaining(['2. Địa chỉ trụ sở: ', '4. Cơ cấu tổ chức: ', '']));
    expect(d3.missing[0]).toMatch(/^Báo cáo thành tích: chưa có hàng cho «Bộ phận một cửa xã Yên Bình» \(đơn vị X04\)/);
    expect(kind('D3', {}, 1).missing).toEqual(['Đơn vị X04: thiếu Thủ trưởng']);
  });

  test('without the sheet, one message for the whole run', () => {
    const all = docs({ reports: null }).filter((d) => d.kind === 'D3').map((d) => d.missing.find((m) => m.includes(SHEET.reports)));
    expect(new Set(all)).toEqual(new Set([`Chưa có trang «${SHEET.reports}» («Khởi tạo bảng tính» thêm trang này): báo cáo thành tích để dòng chấm cho người được đề nghị tự ghi.`]));
  });
});

describe('reading the v2 data', () => {
  const errorsOf = (parts: Parts) => evaluation(parts).workbook.errors;

  test('a symbol with tone marks, an unknown authority, a bad time or voting method: Vietnamese errors with sheet, row and column', () => {
    const errors = errorsOf({
      ...withUnit({ [UNIT_COL.symbol]: 'ỦBND', [UNIT_COL.signingAuthority]: 'TL' }),
      dossiers: [{ ...X04_DOSSIER, [DOSSIER_COL.startTime]: '25:00', [DOSSIER_COL.votingMethod]: 'Vỗ tay' }],
    });
    expect(errors).toEqual(expect.arrayContaining([
      { sheet: SHEET.units, row: 5, column: UNIT_COL.symbol, message: 'Ký hiệu «ỦBND» có dấu thanh; ký hiệu văn bản viết không dấu thanh, ví dụ «UBND».' },
      { sheet: SHEET.units, row: 5, column: UNIT_COL.signingAuthority, message: 'Quyền hạn ký «TL» không hợp lệ; hãy chọn «TM.», «KT.», «Q.» hoặc để trống.' },
      { sheet: SHEET.dossiers, row: 2, column: DOSSIER_COL.startTime, message: '«25:00» không phải giờ trong ngày; hãy nhập như 8:00 hoặc 14 giờ 30.' },
      expect.objectContaining({ sheet: SHEET.dossiers, row: 2, column: DOSSIER_COL.votingMethod }),
    ]));
  });

  test('`Báo cáo thành tích`: unknown nominee, duplicate, bad award line and sex are reported where they are', () => {
    const errors = errorsOf({
      reports: [
        AN_REPORT,
        { ...AN_REPORT, [REPORT_COL.sex]: 'x' },
        { [REPORT_COL.unitCode]: 'X04', [REPORT_COL.name]: 'Người Lạ' },
        { [REPORT_COL.unitCode]: 'X04', [REPORT_COL.name]: 'Bộ phận một cửa xã Yên Bình', [REPORT_COL.previousAwards]: 'Giấy khen năm 2020', [REPORT_COL.sex]: 'khác' },
      ],
    }).filter((e) => e.sheet === SHEET.reports);
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [3, REPORT_COL.name],
      [4, REPORT_COL.name],
      [5, REPORT_COL.sex],
      [5, REPORT_COL.previousAwards],
    ]);
    expect(errors[0]!.message).toBe('«Nguyễn Văn An» của đơn vị «X04» đã có ở hàng 2; mỗi người được đề nghị một hàng.');
  });

  test('a meeting time as a time cell (in the workbook’s time zone), a fraction of a day or typed text', () => {
    expect(readTime(new Date(Date.UTC(1899, 11, 30, 8, 30)), 'UTC')).toEqual({ ok: true, value: { hour: 8, minute: 30 } });
    // A time cell of Sheets is 30/12/1899 in the spreadsheet's zone, whose offset then was local mean time (+7:06…).
    expect(readTime(new Date(Date.UTC(1899, 11, 30, 1, 0, 10)), 'Asia/Ho_Chi_Minh')).toEqual({ ok: true, value: { hour: 8, minute: 6 } });
    expect(readTime(0.5, 'UTC')).toEqual({ ok: true, value: { hour: 12, minute: 0 } });
    expect(readTime('14 giờ 30', 'UTC')).toEqual({ ok: true, value: { hour: 14, minute: 30 } });
    expect(readTime('8h', 'UTC')).toEqual({ ok: true, value: { hour: 8, minute: 0 } });
    expect(readTime('sáng', 'UTC').ok).toBe(false);
  });

  test('a v1 workbook (no v2 columns, no sheet) reads without errors', () => {
    const three = [COLLECTIVE, INDIVIDUAL, nomination(INDIVIDUAL, {})];
    const e = evaluation({ nominations: three, reports: null });
    expect(e.workbook.errors).toEqual([]);
    expect(e.workbook.reports).toBeUndefined();
  });
});
