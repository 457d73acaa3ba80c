/** Menu «Báo cáo tổng kết»: the `Tổng kết` sheet with its charts, and the report as a Google Doc with the charts' images. */
import { SHEET } from '../../src/core';
import { buildSummaryReport } from '../../src/addon/summaryReport';
import type { FakeGoogle } from '../fakes';
import { allParagraphs, fakeGoogle, loadWorkbook } from '../fakes';
import { twoUnits } from './dossierWorkbooks';

let google: FakeGoogle;

beforeEach(() => {
  google = fakeGoogle();
  google.install();
  loadWorkbook(google, twoUnits());
});

const summary = () => google.spreadsheet.sheet(SHEET.summary)!;
const theDoc = () => {
  expect(google.drive.docs.size).toBe(1);
  const [id, doc] = [...google.drive.docs.entries()][0]!;
  return { id, doc, item: google.drive.items.get(id)! };
};

describe('Báo cáo tổng kết in Sheets', () => {
  it('writes the figures in one write and draws a chart over each table', () => {
    buildSummaryReport();
    const values = summary().dump();
    expect(values[0]![0]).toBe('Tổng kết phong trào năm 2022');
    expect(values.find((r) => r[0] === 'Tổng cộng')!.slice(0, 3)).toEqual(['Tổng cộng', 7, 2]);
    expect(values.find((r) => r[0] === '1. UBND xã Cai Kinh')!.slice(1, 3)).toEqual([90, 'Nhất']);
    expect(google.log.count('Range.setValues')).toBe(1);

    const charts = summary().charts;
    expect(charts.map((c) => [c.type, c.options.get('title')])).toEqual([
      ['BAR', 'Kết quả xếp hạng khối Cơ quan chuyên môn'],
      ['BAR', 'Kết quả xếp hạng khối Xã, thị trấn'],
      ['COLUMN', 'Phân bố điểm thẩm định (tỷ lệ so với điểm tối đa)'],
    ]);
    // Each chart reads its table: the header row, the names and the scores.
    const communes = charts[1]!.ranges[0]!;
    const cells = values.slice(communes.row - 1, communes.row - 1 + communes.numRows).map((r) => r.slice(0, communes.numColumns));
    expect(cells).toEqual([['Hạng. Đơn vị', 'Điểm thẩm định'], ['1. UBND xã Cai Kinh', 90], ['2. UBND xã Đồng Tân', 85], ['3. UBND xã Hòa Bình', 80], ['4. UBND xã Yên Bình', 70]]);
    expect(charts[1]!.numHeaders).toBe(1);
    expect([charts[1]!.options.get('hAxis.maxValue'), charts[1]!.options.get('legend.position'), charts[2]!.options.get('legend.position')]).toEqual([100, 'none', 'bottom']);
    expect(charts.every((c) => c.anchor.column === 8 && c.anchor.row <= summary().maxRows)).toBe(true);
  });

  it('replaces its charts on a second run, never adding to them', () => {
    buildSummaryReport();
    buildSummaryReport();
    expect(summary().charts).toHaveLength(3);
  });
});

describe('Báo cáo tổng kết as a Google Doc', () => {
  it('imports the core\'s .docx into this user\'s folder and puts each chart\'s image where its marker was', () => {
    buildSummaryReport();
    const { doc, item } = theDoc();
    expect(item.name).toBe('Báo cáo tổng kết 2022');
    expect(google.drive.items.get(item.parent!)!.name).toBe('Thi đua - Hồ sơ 2022');
    expect(item.docx!['word/document.xml']).toContain('⟦Biểu đồ 1⟧');
    expect(Object.keys(item.docx!).some((k) => k.includes('chart'))).toBe(false);
    const paragraphs = allParagraphs(doc);
    expect(paragraphs.some((p) => p.getText().includes('⟦'))).toBe(false);
    const images = paragraphs.flatMap((p) => p.images);
    expect(images.map((i) => [i.alt, i.blob.contentType])).toEqual([
      ['Kết quả xếp hạng khối Cơ quan chuyên môn', 'image/png'],
      ['Kết quả xếp hạng khối Xã, thị trấn', 'image/png'],
      ['Phân bố điểm thẩm định (tỷ lệ so với điểm tối đa)', 'image/png'],
    ]);
    expect(Math.round(images[2]!.width)).toBe(439); // 155 mm in points
    expect(doc.body.getText()).toContain('III. BÀI HỌC KINH NGHIỆM');
    expect(google.ui.dialogs.at(-1)!.html).toContain(`https://docs.google.com/document/d/${theDoc().id}/edit`);
  });

  it('updates the same document on a second run (same link)', () => {
    buildSummaryReport();
    const first = theDoc().id;
    buildSummaryReport();
    expect(theDoc().id).toBe(first);
    expect(theDoc().item.imports).toBe(2);
    expect(google.ui.dialogs.at(-1)!.html).toContain('Đã cập nhật');
  });

  it('says why when the workbook cannot be read', () => {
    google.spreadsheet.sheets.splice(google.spreadsheet.sheets.findIndex((s) => s.name === SHEET.criteria), 1);
    buildSummaryReport();
    expect(google.ui.alerts.at(-1)).toMatchObject({ prompt: expect.stringContaining('Không tìm thấy trang «Tiêu chí»') });
    expect(google.drive.docs.size).toBe(0);
  });
});
