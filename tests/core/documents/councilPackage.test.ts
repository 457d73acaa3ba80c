import type { CellValue } from '../../../src/core';
import { EXTRA_SETTING, evaluate } from '../../../src/core';
import { buildCouncilPackage, plainText } from '../../../src/core/documents';
import { FULL, closingWorkbook } from '../../helpers/closing';

const build = (settings: Record<string, CellValue> = FULL, council = true) => {
  const wb = closingWorkbook(settings, council);
  return buildCouncilPackage(evaluate(wb), wb);
};
const text = (p: ReturnType<typeof build>, kind: string) => plainText(p.documents.find((d) => d.kind === kind)!.doc);

describe('the package for the council and the Chairman', () => {
  it('proposes only the accepted dossiers: a returned or incomplete one stays out', () => {
    const p = build();
    expect(p.intake.map((x) => [x.unit, x.status])).toEqual([['X02', 'Trả lại'], ['X01', 'Đủ'], ['X03', 'Thiếu'], ['CQ01', 'Đủ']]);
    expect(p.awards.map((a) => [a.number, a.nomination.name])).toEqual([
      [1, 'Bộ phận một cửa xã Cai Kinh'], [1, 'Nguyễn Thị Lan'], [2, 'Đặng Văn Toàn'],
    ]);
    for (const d of p.documents) {
      expect(plainText(d.doc)).not.toContain('Văn phòng UBND xã Đồng Tân');
      expect(plainText(d.doc)).not.toContain('Công an xã Hòa Bình');
    }
  });

  it('writes the decision as form 1.2: number, date, the Chairman, the articles, the annex collectives then individuals', () => {
    const p = build();
    const qd = text(p, 'QĐ');
    expect(qd).toContain('Số: 125/QĐ-UBND');
    expect(qd).toContain('Hữu Lũng, ngày 20 tháng 01 năm 2023');
    expect(qd).toContain('CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN HỮU LŨNG');
    expect(qd).toContain('Xét đề nghị của Phòng Nội vụ tại Tờ trình số 12/TTr-PNV ngày 15/01/2023.');
    expect(qd).toContain('QUYẾT ĐỊNH:');
    expect(qd).toContain('Tặng Giấy khen của Chủ tịch UBND huyện Hữu Lũng cho 01 tập thể và 02 cá nhân');
    expect(qd).toContain('mỗi tập thể được thưởng 1.000.000 đồng; mỗi cá nhân được thưởng 500.000 đồng');
    expect(qd).toContain('Điều 3.');
    expect(qd).toContain('- Như Điều 3;');
    expect(qd).toContain('(Kèm theo Quyết định số 125/QĐ-UBND ngày 20 tháng 01 năm 2023 của Chủ tịch UBND huyện Hữu Lũng)');
    expect(qd.indexOf('I. TẬP THỂ')).toBeLessThan(qd.indexOf('II. CÁ NHÂN'));
    expect(qd.indexOf('Bộ phận một cửa xã Cai Kinh', qd.indexOf('DANH SÁCH'))).toBeLessThan(qd.indexOf('Nguyễn Thị Lan', qd.indexOf('II. CÁ NHÂN')));
    expect(qd).toContain('Bùi Quốc Khánh');
    expect(p.documents.find((d) => d.kind === 'QĐ')!.missing).toEqual([]);
    const danhSach = p.documents.find((d) => d.kind === 'QĐ')!.doc.blocks.find((b) => b.kind === 'paragraph' && b.runs[0]?.text === 'DANH SÁCH');
    expect(danhSach).toMatchObject({ pageBreakBefore: true });
  });

  it('has no money article when no amount is set, and the execution article becomes Điều 2', () => {
    const { [EXTRA_SETTING.collectivePrizeAmount]: _a, [EXTRA_SETTING.individualPrizeAmount]: _b, ...rest } = FULL;
    const qd = text(build(rest), 'QĐ');
    expect(qd).not.toContain('Quỹ Thi đua');
    expect(qd).toContain('Điều 2. Chánh Văn phòng');
    expect(qd).not.toContain('Điều 3.');
  });

  it('writes the standing body’s submission with the intake, a summary by block and the list attached', () => {
    const ttr = text(build(), 'TTr');
    expect(ttr).toContain('PHÒNG NỘI VỤ');
    expect(ttr).toContain('Số: 12/TTr-PNV');
    expect(ttr).toContain('Kính gửi: Chủ tịch Ủy ban nhân dân huyện Hữu Lũng.');
    expect(ttr).toContain('tiếp nhận hồ sơ đề nghị khen thưởng của 4 đơn vị: 2 hồ sơ đủ thành phần và điều kiện, 1 hồ sơ còn thiếu, 1 hồ sơ trả lại');
    expect(ttr).toMatch(/Xã, thị trấn\n1\n1\n1/);
    expect(ttr).toMatch(/Cơ quan chuyên môn\n1\n0\n1/);
    expect(ttr).toContain('TRƯỞNG PHÒNG');
    expect(ttr).toContain('Hoàng Văn Nam');
    expect(ttr).toContain('(Kèm theo Tờ trình số 12/TTr-PNV ngày 15/01/2023 của Phòng Nội vụ)');
  });

  it('writes the council’s minutes with its members and a vote line per nominee', () => {
    const p = build();
    const bb = text(p, 'BB');
    expect(bb).toContain('HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG');
    expect(bb).toContain('Hôm nay, ngày 13 tháng 01 năm 2023');
    expect(bb).toContain('- Chủ trì: Bùi Quốc Khánh, Chủ tịch UBND huyện;');
    expect(bb).toContain('- Thư ký: Lê Thị Hoa, Chuyên viên Phòng Nội vụ;');
    expect(bb).toContain('tổng số 3 người');
    expect(bb).toContain('Phó Chủ tịch Hội đồng');
    expect(bb).toMatch(/Đặng Văn Toàn\nPhòng Nội vụ\nCá nhân\n…\/3/);
    expect(p.documents.find((d) => d.kind === 'BB')!.missing).toEqual(['Biên bản Hội đồng: số phiếu đồng ý của từng tập thể, cá nhân ghi sau khi biểu quyết']);
  });

  it('shows every missing fact as … and lists it, naming where to fill it', () => {
    const p = build({}, false);
    const qd = p.documents.find((d) => d.kind === 'QĐ')!;
    expect(plainText(qd.doc)).toContain('Số: …/QĐ-UBND');
    expect(plainText(qd.doc)).toContain('Hữu Lũng, ngày … tháng … năm …');
    expect(qd.missing).toEqual(expect.arrayContaining([
      'Cấu hình: thiếu «Số quyết định khen thưởng»',
      'Cấu hình: thiếu «Ngày quyết định khen thưởng»',
      'Cấu hình: thiếu «Ngày tờ trình khen thưởng»',
    ]));
    const bb = p.documents.find((d) => d.kind === 'BB')!;
    expect(bb.missing).toEqual(expect.arrayContaining([expect.stringContaining('Chưa có trang «Hội đồng thi đua»'), 'Hội đồng thi đua: chưa có người có nhiệm vụ «Chủ tịch Hội đồng»']));
  });

  it('names an unreadable setting', () => {
    const qd = build({ ...FULL, [EXTRA_SETTING.awardDecisionDate]: 'hôm qua', [EXTRA_SETTING.individualPrizeAmount]: 'năm trăm' }).documents.find((d) => d.kind === 'QĐ')!;
    expect(qd.missing).toEqual(expect.arrayContaining([
      expect.stringContaining('«Ngày quyết định khen thưởng»'),
      expect.stringContaining('«Tiền thưởng cá nhân» phải là số tiền'),
    ]));
  });
});
