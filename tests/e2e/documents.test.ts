/**
 * The dossier documents opened by a real third-party reader: LibreOffice converts the .docx
 * to PDF and poppler's pdftotext reads the text back. Needs Debian's libreoffice-writer-nogui,
 * poppler-utils and fonts-liberation2; skipped with a message only outside CI.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeDossierFiles } from '../../src/cli/docx';
import { findSoffice } from '../../src/cli/pdf';
import { NOMINATION_COL, evaluate } from '../../src/core';
import { readWorkbookFile } from '../../src/cli/xlsx';
import { nomination } from '../helpers/workbook';
import { COLLECTIVE, INDIVIDUAL, evaluation } from '../core/documents/fixture';

const soffice = findSoffice();
if (!soffice && process.env['CI']) throw new Error('LibreOffice (soffice) is required in CI for the document tests.');
if (!soffice) console.warn('Bỏ qua kiểm thử tài liệu: chưa cài LibreOffice (apt-get install libreoffice-writer-nogui poppler-utils fonts-liberation2).');
const maybe = soffice ? describe : describe.skip;

const pdfText = (file: string, layout = false) => execFileSync('pdftotext', [...(layout ? ['-layout'] : []), file, '-'], { encoding: 'utf8' });
const pages = (file: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
/** pdftotext breaks lines where the page does: compare on single spaces. */
const flat = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ');

maybe('the dossier read back from PDF', () => {
  let dir: string;
  let files: string[];
  const pdf = (suffix: string) => files.find((f) => f.endsWith(`${suffix}.pdf`)) as string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'thidua-e2e-'));
    const third = nomination(INDIVIDUAL, { [NOMINATION_COL.name]: 'Trần Thị Bích', [NOMINATION_COL.position]: 'Phó Chủ tịch UBND xã' });
    const result = await writeDossierFiles(evaluation({ nominations: [COLLECTIVE, INDIVIDUAL, third] }), dir, { pdf: true });
    expect(result.warnings).toEqual([]);
    files = result.files;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('every document becomes a PDF', () => {
    expect(files.filter((f) => f.endsWith('.pdf'))).toHaveLength(files.length / 2);
  });

  test('the minutes: header without a date line, meeting, votes per nominee, signatures', () => {
    const file = pdf('Biên bản họp xét');
    const text = flat(pdfText(file));
    expect(text).toContain('ỦY BAN NHÂN DÂN XÃ YÊN BÌNH');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text).toContain('BIÊN BẢN');
    expect(text).toContain('Hôm nay, ngày 05 tháng 01 năm 2023');
    expect(text).not.toMatch(/Yên Bình, ngày/);
    expect(pdfText(file, true)).toMatch(/2\s+Nguyễn Văn An\s+Cá nhân\s+7\s+77,78%/);
    expect(text).toMatch(/THƯ KÝ .*CHỦ TRÌ/);
  });

  test('the letter: number and date side by side, subject, list rows, page numbers from page 2', () => {
    const file = pdf('Tờ trình');
    const layout = pdfText(file, true);
    expect(layout).toMatch(/Số: 15\/TTr-UBND\s+Yên Bình, ngày 06 tháng 01 năm 2023/);
    const text = flat(pdfText(file));
    expect(text).toContain('TỜ TRÌNH');
    expect(text).toContain('V/v đề nghị tặng Giấy khen của Chủ tịch UBND huyện Hữu Lũng');
    expect(text).toContain('tặng Giấy khen cho 01 tập thể và 02 cá nhân');
    expect(text).toContain('DANH SÁCH');
    expect(text).toContain('BIỂU TÓM TẮT THÀNH TÍCH');
    expect(layout).toMatch(/3\s+Trần Thị Bích\s+Phó Chủ tịch UBND xã\s+Cá nhân/);
    expect(pages(file)).toBe(3);
    const [first, second] = layout.split('\f');
    expect(first?.trimStart().startsWith('ỦY BAN NHÂN DÂN')).toBe(true);
    expect(second?.trim().split('\n')[0]?.trim()).toBe('2');
  });

  test('a report of achievements: title, movement, sections and the nominee’s figures', () => {
    const text = flat(pdfText(pdf('Báo cáo thành tích - Nguyễn Văn An')));
    expect(text).toContain('BÁO CÁO THÀNH TÍCH');
    expect(text).toContain('Đề nghị tặng Giấy khen của Chủ tịch UBND huyện Hữu Lũng');
    expect(text).toContain('I. THÔNG TIN CHUNG');
    expect(text).toContain('II. THÀNH TÍCH ĐẠT ĐƯỢC');
    expect(text).toContain('năm 2022: Hoàn thành xuất sắc nhiệm vụ');
    expect(text).toContain('XÁC NHẬN CỦA CẤP TRÌNH KHEN THƯỞNG');
    expect(text).toContain('NGƯỜI BÁO CÁO THÀNH TÍCH');
  });
});

maybe('the sample district’s dossiers read back from PDF', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'thidua-e2e-sample-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('an agency’s letter and a commune’s report, as a reader sees them', async () => {
    const e = evaluate((await readWorkbookFile('samples/huu-lung-2022.xlsx')).input);
    const result = await writeDossierFiles(e, dir, { pdf: true });
    expect(result.warnings).toEqual([]);
    const letter = result.files.find((f) => f.endsWith('CQ02 - Phòng Nội vụ - Tờ trình.pdf')) as string;
    const layout = pdfText(letter, true);
    expect(layout).toMatch(/UBND HUYỆN HỮU LŨNG\s+CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
    expect(layout).toMatch(/Số: 65\/TTr-NV\s+Hữu Lũng, ngày 28 tháng 12 năm 2022/);
    expect(layout).toMatch(/1\s+Phòng Nội vụ huyện Hữu\s/);
    expect(layout).toMatch(/2\s+Lê Thị Hương\s+Chuyên viên Phòng Nội vụ/);
    expect(flat(layout)).toContain('Lê Văn Thắng');
    const reports = result.files.filter((f) => /^X\d+ - .* - Báo cáo thành tích - .*\.pdf$/.test(f.slice(dir.length + 1)));
    expect(reports.length).toBeGreaterThan(0);
    expect(flat(pdfText(reports[0] as string))).toMatch(/ỦY BAN NHÂN DÂN (XÃ|THỊ TRẤN) .*BÁO CÁO THÀNH TÍCH/);
  });
});
