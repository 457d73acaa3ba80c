/**
 * `thidua tong-ket` read back by a real reader: LibreOffice draws the report's DrawingML charts
 * into the PDF, and pdftotext finds the sections, the figures of the sample district and the
 * charts' own text (titles, the category labels that only the charts show).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main, SAMPLE_WORKBOOK } from '../../src/cli/main';
import { findSoffice } from '../../src/cli/pdf';
import { readWorkbookFile } from '../../src/cli/xlsx';
import { evaluate } from '../../src/core';
import { resultSheets } from '../../src/core/resultSheets';
import { run as runCli } from '../helpers/files';

const soffice = findSoffice();
if (!soffice && process.env['CI']) throw new Error('LibreOffice (soffice) is required in CI for the document tests.');
if (!soffice) console.warn('Bỏ qua kiểm thử báo cáo tổng kết: chưa cài LibreOffice (apt-get install libreoffice-writer-nogui poppler-utils).');
const maybe = soffice ? describe : describe.skip;

const flat = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ');

maybe('the summary report through LibreOffice', () => {
  const out = mkdtempSync(join(tmpdir(), 'thidua-tong-ket-'));
  let text = '';
  let pages: string[] = [];

  beforeAll(async () => {
    const { code, stdout } = await runCli(main, ['tong-ket', '--out', out, '--pdf']);
    expect(code).toBe(0);
    expect(stdout).toContain('Đã ghi bản PDF');
    const pdf = join(out, 'Báo cáo tổng kết.pdf');
    const raw = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    pages = raw.split('\f').filter((p) => p.trim());
    text = flat(raw);
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('has every section, the lessons and proposals left for the office', () => {
    for (const heading of ['BÁO CÁO', 'I. KẾT QUẢ TỔ CHỨC THỰC HIỆN PHONG TRÀO', '1. Đơn vị tham gia', '2. Kết quả chấm điểm', '3. Kết quả xếp hạng theo khối',
      'II. KẾT QUẢ KHEN THƯỞNG', '2. Hồ sơ bị trả lại và lý do', 'III. BÀI HỌC KINH NGHIỆM', 'IV. PHƯƠNG HƯỚNG, KIẾN NGHỊ', 'TM. ỦY BAN NHÂN DÂN']) {
      expect(text).toContain(heading);
    }
    expect(text).toMatch(/BÀI HỌC KINH NGHIỆM \.{20,}/);
    // The sample keeps its intake: the returned dossier and its reason are in the report.
    expect(text).toContain('Tiếp nhận hồ sơ của 40 đơn vị có đề nghị: 19 đơn vị hồ sơ đủ, 20 đơn vị hồ sơ còn thiếu, 1 đơn vị bị trả lại hồ sơ.');
    expect(text).toContain('Trả lại Tờ trình chưa có chữ ký và dấu của Chủ tịch UBND xã');
  });

  it('gives the sample district\'s figures', async () => {
    const { input } = await readWorkbookFile(SAMPLE_WORKBOOK);
    const { closing } = resultSheets(evaluate(input), input);
    const { participation: p, nominations: n } = closing;
    expect([p.units, p.nominatingUnits, n.total.received, n.total.eligible, n.total.awarded]).toEqual([40, 40, 46, 31, 22]);
    expect(text).toContain(`Có ${p.units} đơn vị tham gia phong trào; ${p.nominatingUnits} đơn vị có đề nghị khen thưởng.`);
    expect(text).toContain(`Nhận ${n.total.received} đề nghị khen thưởng; ${n.total.eligible} đề nghị đủ điều kiện; ${n.total.awarded} tập thể, cá nhân được đề nghị tặng Giấy khen.`);
    const communes = closing.blocks.find((b) => b.block === 'Xã, thị trấn')!;
    expect(text).toContain(`Có ${communes.ranking.length}/${communes.units} đơn vị được xếp hạng`);
  });

  it('draws the charts: their titles and the labels only a chart shows are on the pages', () => {
    expect(text).toContain('Kết quả xếp hạng khối Cơ quan chuyên môn');
    expect(text).toContain('Kết quả xếp hạng khối Xã, thị trấn');
    expect(text).toContain('Phân bố điểm thẩm định');
    // «1. UBND xã Hòa Lạc» is a bar's label; the table writes rank and name in separate cells.
    expect(text).toContain('1. UBND xã Hòa Lạc');
    expect(pages.length).toBeGreaterThanOrEqual(5);
  });
});
