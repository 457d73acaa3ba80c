/**
 * The second sample (issue 12), a province of today on the legal preset 2025, through `thidua run
 * --pdf`: LibreOffice converts every .docx to PDF and poppler reads the text back, as a clerk
 * would read it. Needs Debian's libreoffice-writer-nogui and poppler-utils; skipped with a message
 * only outside CI.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { findSoffice } from '../../src/cli/pdf';
import { SAMPLE_2025_PATH } from '../../samples/generate';
import { run, tempDir } from '../helpers/files';

const soffice = findSoffice();
if (!soffice && process.env['CI']) throw new Error('LibreOffice (soffice) is required in CI for the document tests.');
if (!soffice) console.warn('Bỏ qua kiểm thử tài liệu: chưa cài LibreOffice (apt-get install libreoffice-writer-nogui poppler-utils fonts-liberation2).');
const maybe = soffice ? describe : describe.skip;

/** pdftotext breaks lines where the page does: compare on single spaces. */
const flat = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ');

maybe('the province of Hòa Lâm (preset 2025), read back from PDF', () => {
  let out: string;
  let texts: Map<string, string>;
  beforeAll(async () => {
    out = tempDir();
    const { code } = await run(main, ['run', SAMPLE_2025_PATH, '--out', out, '--pdf']);
    expect(code).toBe(0);
    const dir = join(out, 'ho-so');
    texts = new Map(
      readdirSync(dir)
        .filter((f) => f.endsWith('.pdf'))
        .map((f) => [f, flat(execFileSync('pdftotext', [join(dir, f), '-'], { encoding: 'utf8' }))]),
    );
  }, 300000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));
  const text = (name: string) => texts.get(name) ?? '';

  it('converts every document', () => {
    expect(texts.size).toBe(17);
  });

  it('a department’s letter cites the 2025 law, decree and the province’s rules, to the province’s chairman', () => {
    const letter = text('SNV - Sở Nội vụ - Tờ trình.pdf');
    expect(letter).toContain('Kính gửi: Chủ tịch Ủy ban nhân dân tỉnh Hòa Lâm.');
    expect(letter).toContain('Căn cứ Luật Thi đua, khen thưởng ngày 15/6/2022; Căn cứ Nghị định số 152/2025/NĐ-CP');
    expect(letter).toContain('Căn cứ Quyết định số 25/2025/QĐ-UBND ngày 05/8/2025 của Ủy ban nhân dân tỉnh Hòa Lâm ban hành Quy chế công tác thi đua, khen thưởng;');
    expect(letter).toContain('Đề nghị tặng Giấy khen của Chủ tịch UBND tỉnh Hòa Lâm');
    expect(letter).toContain('GIÁM ĐỐC');
  });

  it('a commune’s minutes and a ward’s report follow the 2025 preset', () => {
    expect(text('X02 - UBND xã Tân Lập - Biên bản họp xét.pdf')).toContain('căn cứ Luật Thi đua, khen thưởng năm 2022, Nghị định số 152/2025/NĐ-CP');
    const report = text('P01 - UBND phường Đông Thành - Báo cáo thành tích - Bùi Thị Thanh Hà.pdf');
    expect(report).toContain('1. Họ và tên: Bùi Thị Thanh Hà. (Ghi đầy đủ bằng chữ in thường, không viết tắt)');
    expect(report).toContain('(Thành tích trong phong trào thi đua theo chuyên đề “');
  });

  it('no document cites the old law or a district', () => {
    for (const [name, body] of texts) expect([name, /91\/2017|26\/11\/2003|huyện/.test(body)]).toEqual([name, false]);
  });
});
