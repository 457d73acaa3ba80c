/**
 * The dossier documents opened by a real third-party reader: LibreOffice converts the .docx
 * to PDF and poppler reads it back — the text per page (pdftotext), word positions
 * (`-bbox-layout`) and drawn lines (pdftocairo's SVG). Needs Debian's libreoffice-writer-nogui,
 * poppler-utils and fonts-liberation2; skipped with a message only outside CI.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeDocx, writeDossierFiles } from '../../src/cli/docx';
import { convertToPdf, findSoffice } from '../../src/cli/pdf';
import { DOSSIER_COL, NOMINATION_COL, evaluate } from '../../src/core';
import type { Evaluation } from '../../src/core';
import { buildDossiers } from '../../src/core/documents';
import type { DocModel, Paragraph } from '../../src/core/documents';
import { readWorkbookFile } from '../../src/cli/xlsx';
import { nomination } from '../helpers/workbook';
import { COLLECTIVE, INDIVIDUAL, X04_DOSSIER, evaluation } from '../core/documents/fixture';

const soffice = findSoffice();
if (!soffice && process.env['CI']) throw new Error('LibreOffice (soffice) is required in CI for the document tests.');
if (!soffice) console.warn('Bỏ qua kiểm thử tài liệu: chưa cài LibreOffice (apt-get install libreoffice-writer-nogui poppler-utils fonts-liberation2).');
const maybe = soffice ? describe : describe.skip;

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
const pdfText = (file: string, layout = false) => run('pdftotext', [...(layout ? ['-layout'] : []), file, '-']);
const pages = (file: string) => Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [file]))?.[1]);
/** pdftotext breaks lines where the page does: compare on single spaces. */
const flat = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ');

/** The text lines of a document's signature block and recipients (the part that must never stand alone). */
function signatureLines(doc: DocModel): string[] {
  const at = doc.blocks.findIndex((b) => b.kind === 'table' && b.keepTogether === true);
  const texts = (p: Paragraph) => p.runs.map((r) => r.text).join('');
  const lines: string[] = [];
  for (const block of doc.blocks.slice(at)) {
    if (block.kind === 'table') {
      if (block !== doc.blocks[at]) break;
      for (const cell of block.rows.flat()) lines.push(...cell.paragraphs.map(texts));
    } else if (block.pageBreakBefore) break;
    else lines.push(texts(block));
  }
  return lines.map((l) => flat(l).trim()).filter(Boolean);
}

/**
 * The pages of a PDF that hold nothing but the document's signatures and recipients (and the
 * page number): what a clerk must never get.
 */
function signatureOnlyPages(file: string, doc: DocModel): number[] {
  const signature = signatureLines(doc).join('\n');
  return pdfText(file)
    .split('\f')
    .map((page, i) => ({ page: i + 1, lines: page.split('\n').map((l) => flat(l).trim()).filter((l) => l && !/^\d+$/.test(l)) }))
    .filter(({ lines }) => lines.length > 0 && lines.every((l) => signature.includes(l)))
    .map(({ page }) => page);
}

/** Horizontal lines drawn on page 1 (pdftocairo SVG strokes), in PDF points from the top. */
function drawnLines(file: string): { x1: number; x2: number; y: number }[] {
  const svg = run('pdftocairo', ['-svg', '-f', '1', '-l', '1', file, '-']);
  const out: { x1: number; x2: number; y: number }[] = [];
  for (const m of svg.matchAll(/<path style="fill:none;[^"]*stroke:[^"]*" d="M ([\d.]+) ([\d.]+) L ([\d.]+) ([\d.]+) "(?: transform="matrix\(([^)]*)\)")?/g)) {
    const [a, b, c, d, e, f] = (m[5] ?? '1,0,0,1,0,0').split(',').map(Number) as [number, number, number, number, number, number];
    const [x1, y1, x2, y2] = [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number];
    const p1 = { x: a * x1 + c * y1 + e, y: b * x1 + d * y1 + f };
    const p2 = { x: a * x2 + c * y2 + e, y: b * x2 + d * y2 + f };
    if (Math.abs(p1.y - p2.y) < 0.5) out.push({ x1: Math.min(p1.x, p2.x), x2: Math.max(p1.x, p2.x), y: p1.y });
  }
  return out;
}

/** The bottom edge (points from the top) of the first text line on page 1 that reads `text`. */
function lineBottom(file: string, text: string): number | undefined {
  const xml = run('pdftotext', ['-bbox-layout', '-f', '1', '-l', '1', file, '-']);
  for (const m of xml.matchAll(/<line xMin="[\d.]+" yMin="[\d.]+" xMax="[\d.]+" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)) {
    const words = [...(m[2] ?? '').matchAll(/>([^<]*)<\/word>/g)].map((w) => w[1]).join(' ');
    if (flat(words).trim() === text) return Number(m[1]);
  }
  return undefined;
}

async function writePdfs(e: Evaluation, prefix: string) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const result = await writeDossierFiles(e, dir, { pdf: true });
  expect(result.warnings).toEqual([]);
  const docs = buildDossiers(e).flatMap((u) => u.documents);
  const pdfOf = (fileName: string) => join(dir, fileName.replace(/\.docx$/, '.pdf'));
  return { dir, docs, pdfOf, files: result.files };
}

maybe('the dossier read back from PDF', () => {
  let out: Awaited<ReturnType<typeof writePdfs>>;
  const pdf = (suffix: string) => out.files.find((f) => f.endsWith(`${suffix}.pdf`)) as string;

  beforeAll(async () => {
    const third = nomination(INDIVIDUAL, { [NOMINATION_COL.name]: 'Trần Thị Bích', [NOMINATION_COL.position]: 'Phó Chủ tịch UBND xã' });
    out = await writePdfs(evaluation({ nominations: [COLLECTIVE, INDIVIDUAL, third] }), 'thidua-e2e-');
  });
  afterAll(() => rmSync(out.dir, { recursive: true, force: true }));

  test('every document becomes a PDF', () => {
    expect(out.files.filter((f) => f.endsWith('.pdf'))).toHaveLength(out.files.length / 2);
  });

  test('the minutes: every element of forms.md v2, in order, and «Nơi nhận»', () => {
    const file = pdf('Biên bản họp xét');
    const text = flat(pdfText(file));
    expect(text).toContain('ỦY BAN NHÂN DÂN XÃ YÊN BÌNH');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).not.toMatch(/Yên Bình, ngày/);
    const inOrder = [
      'BIÊN BẢN',
      'Hôm nay, vào hồi 8 giờ 00 phút, ngày 05 tháng 01 năm 2023, tại Hội trường UBND xã Yên Bình, Hội đồng Thi đua - Khen thưởng xã',
      '- Chủ trì: Hoàng Văn Bình, Chủ tịch UBND xã;',
      '- Thư ký: Lê Thị Cúc',
      'tổng số 9 người; có mặt 8 người, vắng mặt 1 người',
      '1. Tiêu chuẩn xét',
      '2. Ý kiến thảo luận: Các thành viên nhất trí',
      'biểu quyết bằng hình thức giơ tay',
      'III. KẾT LUẬN',
      'Cuộc họp kết thúc vào hồi 10 giờ 30 phút cùng ngày.',
      'Nơi nhận:',
      '- UBND huyện (qua Phòng Nội vụ); - Lưu: VT, UBND.',
    ];
    for (const part of inOrder) expect(text).toContain(part);
    const positions = inOrder.map((part) => text.indexOf(part));
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(pdfText(file, true)).toMatch(/2\s+Nguyễn Văn An\s+Cá nhân\s+7\s+77,78%/);
    expect(text).toMatch(/THƯ KÝ .*CHỦ TRÌ/);
  });

  test('the letter: no «V/v», a drawn rule under the subject, «Nơi nhận», annex dates in words, page numbers from page 2', () => {
    const file = pdf('Tờ trình');
    const layout = pdfText(file, true);
    expect(layout).toMatch(/Số: 15\/TTr-UBND\s+Yên Bình, ngày 06 tháng 01 năm 2023/);
    const text = flat(pdfText(file));
    expect(text).toContain('TỜ TRÌNH Đề nghị tặng Giấy khen của Chủ tịch UBND huyện Hữu Lũng Kính gửi');
    expect(text).not.toContain('V/v');
    expect(text).not.toMatch(/_{3,}/);
    const subject = lineBottom(file, 'Đề nghị tặng Giấy khen của Chủ tịch UBND huyện Hữu Lũng') as number;
    expect(subject).toBeGreaterThan(0);
    const rule = drawnLines(file).find((l) => l.y > subject && l.y < subject + 14);
    expect(rule).toBeDefined();
    expect(rule!.x2 - rule!.x1).toBeGreaterThan(80);
    expect(rule!.x2 - rule!.x1).toBeLessThan(200);
    expect(text).toMatch(/Nơi nhận: - Như trên; - UBND huyện \(qua Phòng Nội vụ\); - Lưu: VT, UBND\./);
    expect(text).toContain('xếp thứ 4 trong khối xã, thị trấn');
    expect(text).toContain('(Kèm theo Tờ trình số 15/TTr-UBND ngày 06 tháng 01 năm 2023 của UBND xã Yên Bình)');
    expect(text).toContain('tặng Giấy khen cho 01 tập thể và 02 cá nhân');
    expect(layout).toMatch(/3\s+Trần Thị Bích\s+Phó Chủ tịch UBND xã\s+Cá nhân/);
    expect(pages(file)).toBe(3);
    const [first, second] = layout.split('\f');
    expect(first?.trimStart().startsWith('ỦY BAN NHÂN DÂN')).toBe(true);
    expect(second?.trim().split('\n')[0]?.trim()).toBe('2');
  });

  test('a report of achievements: the three sections of form 07, its items and both signature blocks', () => {
    const individual = flat(pdfText(pdf('Báo cáo thành tích - Nguyễn Văn An')));
    for (const part of [
      'BÁO CÁO THÀNH TÍCH', 'Đề nghị tặng Giấy khen của Chủ tịch UBND huyện Hữu Lũng',
      'I. SƠ LƯỢC LÝ LỊCH', '2. Sinh ngày, tháng, năm: 12/5/1985.', '5. Trú quán: ....',
      'II. THÀNH TÍCH ĐẠT ĐƯỢC', '1. Quyền hạn, nhiệm vụ được giao:', 'năm 2022: Hoàn thành xuất sắc nhiệm vụ',
      'III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG', 'Quyết định số 85/QĐ',
      'THỦ TRƯỞNG ĐƠN VỊ XÁC NHẬN, ĐỀ NGHỊ', 'NGƯỜI BÁO CÁO THÀNH TÍCH',
    ]) expect(individual).toContain(part);
    const collective = flat(pdfText(pdf('Báo cáo thành tích - Bộ phận một cửa xã Yên Bình')));
    for (const part of ['I. THÔNG TIN CHUNG', '2. Địa chỉ trụ sở: ....', 'II. THÀNH TÍCH ĐẠT ĐƯỢC', '1. Đặc điểm tình hình:', 'III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG', 'XÁC NHẬN CỦA CẤP TRÌNH KHEN THƯỞNG', 'TM. ỦY BAN NHÂN DÂN CHỦ TỊCH']) {
      expect(collective).toContain(part);
    }
  });
});

maybe('signatures never stand alone on a page', () => {
  const dir = mkdtempSync(join(tmpdir(), 'thidua-e2e-sign-'));
  const written: { pdf: string; doc: DocModel }[] = [];
  beforeAll(async () => {
    // Minutes whose discussion runs 24 to 32 lines: without keep-with-next, the signatures of
    // those from 27 lines on fall alone onto page 3 (checked by turning it off).
    for (let lines = 24; lines <= 32; lines++) {
      const discussion = Array.from({ length: lines }, (_, i) => `Ý kiến thứ ${i + 1} của thành viên.`).join('\n');
      const docs = buildDossiers(evaluation({ dossiers: [{ ...X04_DOSSIER, [DOSSIER_COL.discussion]: discussion }] }))[0]!.documents;
      const d1 = docs.find((d) => d.kind === 'D1')!;
      const file = join(dir, `D1-${lines}.docx`);
      writeFileSync(file, writeDocx(d1.doc));
      written.push({ pdf: file.replace(/\.docx$/, '.pdf'), doc: d1.doc });
    }
    await convertToPdf(written.map((w) => w.pdf.replace(/\.pdf$/, '.docx')), dir);
  }, 240_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('in minutes of every length, the last lines of the text go with them', () => {
    expect(written.map((w) => pages(w.pdf))).toContain(3);
    expect(written.filter((w) => signatureOnlyPages(w.pdf, w.doc).length).map((w) => w.pdf)).toEqual([]);
  });
});

maybe('the sample district’s dossiers read back from PDF', () => {
  let out: Awaited<ReturnType<typeof writePdfs>>;
  beforeAll(async () => {
    out = await writePdfs(evaluate((await readWorkbookFile('samples/huu-lung-2022.xlsx')).input), 'thidua-e2e-sample-');
  }, 240_000);
  afterAll(() => rmSync(out.dir, { recursive: true, force: true }));

  test('an agency’s letter and reports, as a reader sees them', () => {
    const letter = out.pdfOf('CQ02 - Phòng Nội vụ - Tờ trình.docx');
    const layout = pdfText(letter, true);
    expect(layout).toMatch(/UBND HUYỆN HỮU LŨNG\s+CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
    expect(layout).toMatch(/Số: 65\/TTr-NV\s+Hữu Lũng, ngày 28 tháng 12 năm 2022/);
    expect(layout).toMatch(/1\s+Phòng Nội vụ huyện Hữu\s/);
    expect(layout).toMatch(/2\s+Lê Thị Hương\s+Chuyên viên Phòng Nội vụ/);
    expect(flat(layout)).toMatch(/TRƯỞNG PHÒNG .*Lê Văn Thắng/);
    expect(flat(layout)).toContain('- Lưu: VT, NV.');
    const hương = flat(pdfText(out.pdfOf('CQ02 - Phòng Nội vụ - Báo cáo thành tích - Lê Thị Hương.docx')));
    const awards = pdfText(out.pdfOf('CQ02 - Phòng Nội vụ - Báo cáo thành tích - Lê Thị Hương.docx'), true);
    expect(awards).toMatch(/2020\s+Giấy khen\s+Quyết định số 1520\/QĐ-/);
    expect(awards).toMatch(/2021\s+Chiến sĩ thi đua cơ sở\s+Quyết định số 1688\/QĐ-/);
    expect(hương).toContain('III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG');
    const kt = flat(pdfText(out.pdfOf('CQ04 - Phòng Tài chính - Kế hoạch - Tờ trình.docx')));
    expect(kt).toContain('KT. TRƯỞNG PHÒNG PHÓ TRƯỞNG PHÒNG');
  });

  test('no page of any document holds only signatures', () => {
    const alone = out.docs.map((d) => ({ file: d.fileName, pages: signatureOnlyPages(out.pdfOf(d.fileName), d.doc) })).filter((d) => d.pages.length);
    expect(alone).toEqual([]);
  });
});
