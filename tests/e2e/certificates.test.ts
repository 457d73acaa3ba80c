/**
 * Certificates read back through LibreOffice and poppler: one certificate per page (pages =
 * awards), each recipient's name on its own page, the emblem drawn on every page, and in
 * print-on-blank mode every word moved by exactly the offsets (`pdftotext -bbox`).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeDocx } from '../../src/cli/docx';
import { main } from '../../src/cli/main';
import { convertToPdf, findSoffice } from '../../src/cli/pdf';
import { readWorkbookFile } from '../../src/cli/xlsx';
import { evaluate } from '../../src/core';
import { readCertificateSettings } from '../../src/core/certificateSettings';
import type { CertificateSettings } from '../../src/core/certificateSettings';
import { BLANK_PLACES, alignmentTestPage, buildCertificates } from '../../src/core/documents/certificates';
import type { DocModel } from '../../src/core/documents';
import { decidedAwards } from '../../src/core/documents';
import { SAMPLE_WORKBOOK } from '../../src/cli/main';
import { run as runCli } from '../helpers/files';
import { solidPng } from '../helpers/png';

const soffice = findSoffice();
if (!soffice && process.env['CI']) throw new Error('LibreOffice (soffice) is required in CI for the document tests.');
if (!soffice) console.warn('Bỏ qua kiểm thử giấy khen: chưa cài LibreOffice (apt-get install libreoffice-writer-nogui poppler-utils fonts-liberation2).');
const maybe = soffice ? describe : describe.skip;

const sh = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
const flat = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ').trim();
const MM = 72 / 25.4;

interface Word {
  page: number;
  x: number;
  y: number;
  text: string;
}

/** Every word of a PDF with its page and top-left corner in points (`pdftotext -bbox`). */
function words(pdf: string): Word[] {
  const html = sh('pdftotext', ['-bbox', pdf, '-']);
  const out: Word[] = [];
  html.split('<page ').slice(1).forEach((page, i) => {
    for (const m of page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">([^<]*)<\/word>/g)) {
      out.push({ page: i + 1, x: Number(m[1]), y: Number(m[2]), text: m[3]!.replace(/&amp;/g, '&').replace(/&quot;/g, '"') });
    }
  });
  return out;
}

maybe('certificates through LibreOffice', () => {
  let dir: string;
  let settings: CertificateSettings;
  let evaluation: ReturnType<typeof evaluate>;
  /** Writes a document model as .docx and converts it; the PDF's path. */
  const pdfOf = async (doc: DocModel, name: string) => {
    const docx = join(dir, `${name}.docx`);
    writeFileSync(docx, writeDocx(doc, name));
    return (await convertToPdf([docx], dir))[0]!;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'thidua-gk-e2e-'));
    const { input } = await readWorkbookFile(SAMPLE_WORKBOOK);
    // The certificates follow the decision: the awards of the units whose dossier is «Đủ».
    const all = evaluate(input);
    evaluation = { ...all, awardList: decidedAwards(all, input) };
    settings = readCertificateSettings(input).settings;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('`thidua giay-khen --pdf` on the sample: one landscape page per award, each name on its page, in order', async () => {
    const out = join(dir, 'out');
    const { code, stdout } = await runCli(main, ['giay-khen', '--out', out, '--pdf']);
    expect(code).toBe(0);
    const pdf = join(out, 'giay-khen', 'giay-khen.pdf');
    expect(stdout).toContain(pdf);
    const info = sh('pdfinfo', [pdf]);
    const awards = evaluation.awardList;
    expect(awards.length).toBeGreaterThan(10);
    expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBe(awards.length);
    expect(info).toMatch(/Page size:\s+841\.89 x 595\.\d+ pts \(A4\)/);
    const pages = sh('pdftotext', [pdf, '-']).split('\f').map(flat);
    awards.forEach((entry, i) => {
      expect(pages[i]).toContain(flat(entry.nomination.name));
      expect(pages[i]).toContain('GIẤY KHEN');
      expect(pages[i]).toContain('CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN HỮU LŨNG');
      expect(pages[i]).toContain(`Số sổ vàng: ${1001 + i}`);
      expect(pages[i]).toContain('Quyết định số 125/QĐ-UBND, ngày 20/01/2023');
    });
  });

  it('with an emblem: the picture is drawn once on every page', async () => {
    const emblem = { media: { path: 'media/quoc-huy.png', contentType: 'image/png' as const, bytes: solidPng(40, 40) }, widthPx: 40, heightPx: 40 };
    const set = buildCertificates(evaluation, settings, emblem);
    const pdf = await pdfOf(set.doc, 'co-quoc-huy');
    const images = sh('pdfimages', ['-list', pdf]).split('\n').slice(2).filter((l) => l.trim());
    expect(images.map((l) => Number(l.trim().split(/\s+/)[0]))).toEqual(evaluation.awardList.map((_, i) => i + 1));
  });

  it('print on blanks: no design, and every word moved by exactly the offsets on every page', async () => {
    const base = words(await pdfOf(buildCertificates(evaluation, { ...settings, mode: 'onBlank' }).doc, 'phoi-0'));
    const moved = words(await pdfOf(buildCertificates(evaluation, { ...settings, mode: 'onBlank', offsetXMm: 5, offsetYMm: -3 }).doc, 'phoi-lech'));
    expect(base.some((w) => w.text === 'KHEN' || w.text === 'CỘNG')).toBe(false);
    expect(new Set(base.map((w) => w.page)).size).toBe(evaluation.awardList.length);
    expect(moved.map((w) => [w.page, w.text])).toEqual(base.map((w) => [w.page, w.text]));
    moved.forEach((w, i) => {
      expect(w.x - base[i]!.x).toBeCloseTo(5 * MM, 0);
      expect(w.y - base[i]!.y).toBeCloseTo(-3 * MM, 0);
    });
    // The recipient's line sits where the blank expects it: its centre on the page's middle.
    const first = evaluation.awardList[0]!.nomination.name.split(' ');
    const line = base.filter((w) => w.page === 1 && Math.abs(w.y - base.find((b) => b.page === 1 && b.text === first[0])!.y) < 1);
    const ends = sh('pdftotext', ['-bbox', '-f', '1', '-l', '1', join(dir, 'phoi-0.pdf'), '-']);
    const right = Math.max(...[...ends.matchAll(/yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</g)].filter((m) => Math.abs(Number(m[1]) - line[0]!.y) < 1).map((m) => Number(m[2])));
    expect((line[0]!.x + right) / 2 / MM).toBeCloseTo(BLANK_PLACES.x.centre, 0);
  });

  it('the alignment test: one page, its crosses at the places it names', async () => {
    const pdf = await pdfOf(alignmentTestPage({ ...settings, mode: 'onBlank' }).doc, 'in-thu');
    expect(Number(/Pages:\s+(\d+)/.exec(sh('pdfinfo', [pdf]))?.[1])).toBe(1);
    const html = sh('pdftotext', ['-bbox', pdf, '-']);
    const crosses = [...html.matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">\+<\/word>/g)].map((m) => (Number(m[1]) + Number(m[2])) / 2 / MM);
    expect(crosses).toHaveLength(8);
    for (const x of crosses) expect([BLANK_PLACES.x.left, BLANK_PLACES.x.centre, BLANK_PLACES.x.signature].some((p) => Math.abs(p - x) < 0.5)).toBe(true);
  });
});
