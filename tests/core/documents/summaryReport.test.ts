/** The summary report (báo cáo tổng kết): figures filled in, charts as DrawingML parts of the .docx. */
import { NOMINATION_COL, evaluate, movementClosing } from '../../../src/core';
import { buildDossiers, layoutDocx, summaryReport } from '../../../src/core/documents';
import { plainText } from '../../../src/core/documents/model';
import type { Paragraph } from '../../../src/core/documents/model';
import { GOOD_COLLECTIVE, GOOD_INDIVIDUAL, nomination, workbook, scoresWithoutAppraisal } from '../../helpers/workbook';

// Appraised totals out of 100: X01 90, X02 unranked (TC2 missing), X03 80, X04 70; CQ01 95, CQ02 60.
const evaluation = evaluate(
  workbook({
    scores: scoresWithoutAppraisal(),
    nominations: [
      nomination(GOOD_COLLECTIVE, { [NOMINATION_COL.unitCode]: 'X01' }),
      nomination(GOOD_INDIVIDUAL, { [NOMINATION_COL.unitCode]: 'X01' }),
      GOOD_COLLECTIVE,
      nomination(GOOD_INDIVIDUAL, { [NOMINATION_COL.unitCode]: 'DV01', [NOMINATION_COL.ratingNow]: 'HTNV' }),
    ],
  }),
);
const settings = evaluation.workbook.settings;
const report = summaryReport(settings, movementClosing(evaluation));
const parts = new Map(layoutDocx(report.doc, report.title).map((p) => [p.path, p.content]));
const text = plainText(report.doc);

describe('the summary report document', () => {
  it('is the district\'s report, with the figures written in', () => {
    expect(report.fileName).toBe('Báo cáo tổng kết.docx');
    expect(text).toContain('ỦY BAN NHÂN DÂN\nHUYỆN HỮU LŨNG');
    expect(text).toMatch(/Số: +\/BC-UBND/);
    expect(text).toContain('BÁO CÁO\nTổng kết phong trào thi đua «Đẩy mạnh cải cách hành chính');
    expect(text).toContain('Có 7 đơn vị tham gia phong trào; 3 đơn vị có đề nghị khen thưởng.');
    expect(text).toContain('(11/12 điểm tiêu chí đã thẩm định, đạt 91,7%); 5 đơn vị được xếp hạng.');
    expect(text).toContain('Có 3/4 đơn vị được xếp hạng; điểm thẩm định cao nhất 90, thấp nhất 70, bình quân 80 trên tổng số 100 điểm.');
    expect(text).toMatch(/Chưa xếp hạng 1 đơn vị: UBND xã Đồng Tân \(Chưa có điểm thẩm định .*TC2\)\./);
    expect(text).toContain('Nhận 4 đề nghị khen thưởng; 3 đề nghị đủ điều kiện; 3 tập thể, cá nhân được đề nghị tặng Giấy khen.');
    expect(text).toContain('TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH');
    expect(report.missing).toEqual([]);
  });

  it('leaves lessons and proposals as dotted lines for the office', () => {
    for (const heading of ['III. BÀI HỌC KINH NGHIỆM', 'IV. PHƯƠNG HƯỚNG, KIẾN NGHỊ']) {
      const at = report.doc.blocks.findIndex((b) => b.kind === 'paragraph' && b.runs[0]?.text === heading);
      const next = report.doc.blocks.slice(at + 1, at + 7) as Paragraph[];
      expect(next.every((p) => p.dotsToEnd === true && p.runs.every((r) => r.text === ''))).toBe(true);
    }
  });

  it('says the intake was not recorded, or lists the dossiers sent back with the reason', () => {
    expect(text).toContain('Chưa ghi nhận việc tiếp nhận hồ sơ (trang «Tiếp nhận hồ sơ»)');
    const withIntake = plainText(
      summaryReport(settings, movementClosing(evaluation, [
        { unit: 'X01', status: 'Đủ', reason: '' },
        { unit: 'X04', status: 'Trả lại', reason: 'Biên bản không có chữ ký' },
      ])).doc,
    );
    expect(withIntake).toContain('Tiếp nhận hồ sơ của 3 đơn vị có đề nghị: 1 đơn vị hồ sơ đủ, 0 đơn vị hồ sơ còn thiếu, 1 đơn vị bị trả lại hồ sơ; chưa nhận hồ sơ của Trung tâm Y tế.');
    expect(withIntake).toContain('UBND xã Yên Bình\nTrả lại\nBiên bản không có chữ ký');
    expect(withIntake).toContain('2 tập thể, cá nhân được đề nghị tặng Giấy khen.');
  });

  it('names a missing setting instead of inventing it', () => {
    const bare = summaryReport({ ...settings, signerName: '', year: null }, movementClosing(evaluation));
    expect(bare.missing).toEqual(['Cấu hình: thiếu «Năm»', 'Cấu hình: thiếu «Người ký»']);
    expect(plainText(bare.doc)).toContain('năm …');
  });
});

describe('its charts, as DrawingML parts of the .docx', () => {
  it('draws one ranking per ranked block and the score spread, each a chart part the document points at', () => {
    expect(report.charts.map((c) => c.title)).toEqual([
      'Kết quả xếp hạng khối Cơ quan chuyên môn',
      'Kết quả xếp hạng khối Xã, thị trấn',
      'Phân bố điểm thẩm định (tỷ lệ so với điểm tối đa)',
    ]);
    const document = parts.get('word/document.xml')!;
    for (const id of [1, 2, 3]) {
      expect(parts.get(`word/charts/chart${id}.xml`)).toMatch(/^<\?xml[^>]*>\n<c:chartSpace /);
      expect(parts.get('[Content_Types].xml')).toContain(`<Override PartName="/word/charts/chart${id}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`);
      expect(parts.get('word/_rels/document.xml.rels')).toContain(`<Relationship Id="rIdChart${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="charts/chart${id}.xml"/>`);
      expect(document).toContain(`<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="rIdChart${id}"/>`);
    }
    expect(document.match(/<wp:inline /g)).toHaveLength(3);
    // As wide as the text column less 1 cm: 155 mm.
    expect(document).toContain('<wp:extent cx="5580000"');
  });

  it('lists a block in rank order, first on top, prizes in the accent colour, scaled to the block\'s maximum', () => {
    const communes = parts.get('word/charts/chart2.xml')!;
    expect([...communes.matchAll(/<c:cat>.*?<\/c:cat>/g)][0]![0].match(/<c:v>[^<]*<\/c:v>/g)).toEqual([
      '<c:v>1. UBND xã Cai Kinh</c:v>', '<c:v>2. UBND xã Hòa Bình</c:v>', '<c:v>3. UBND xã Yên Bình</c:v>',
    ]);
    expect(/<c:val>.*<\/c:val>/.exec(communes)![0].match(/<c:v>[^<]*<\/c:v>/g)).toEqual(['<c:v>90</c:v>', '<c:v>80</c:v>', '<c:v>70</c:v>']);
    expect(communes.match(/<c:dPt><c:idx val="(\d)"\/>/g)).toEqual(['<c:dPt><c:idx val="0"/>', '<c:dPt><c:idx val="1"/>', '<c:dPt><c:idx val="2"/>']);
    expect(communes).toContain('<c:barDir val="bar"/>');
    expect(communes).toContain('<c:orientation val="maxMin"/>');
    expect(communes).toContain('<c:max val="100"/>');
  });

  it('counts the spread per block, one series each', () => {
    const spread = parts.get('word/charts/chart3.xml')!;
    expect(spread).toContain('<c:barDir val="column"/>');
    const series = [...spread.matchAll(/<c:ser>.*?<\/c:ser>/g)].map(([s]) => [/<c:tx>.*?<c:v>([^<]*)<\/c:v>/.exec(s)![1], /<c:val>.*<\/c:val>/.exec(s)![0].match(/<c:v>(\d+)<\/c:v>/g)!.join('')]);
    expect(series).toEqual([
      ['Cơ quan chuyên môn', '<c:v>0</c:v><c:v>1</c:v><c:v>0</c:v><c:v>0</c:v><c:v>1</c:v>'],
      ['Xã, thị trấn', '<c:v>0</c:v><c:v>0</c:v><c:v>1</c:v><c:v>1</c:v><c:v>1</c:v>'],
    ]);
  });

  it('leaves documents without charts as they were: no chart part, no chart relationship', () => {
    const dossier = layoutDocx(buildDossiers(evaluation)[0]!.documents[0]!.doc);
    expect(dossier.some((p) => p.path.includes('chart') || p.content.includes('chart'))).toBe(false);
  });
});
