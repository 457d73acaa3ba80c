import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PizZip from 'pizzip';
import { buildDossiers, plainText } from '../../src/core/documents';
import { document, listTable, para } from '../../src/core/documents/layout';
import type { DossierDocument } from '../../src/core/documents';
import { writeDocx, writeDossierFiles } from '../../src/cli/docx';
import { TemplateError, fillTemplate } from '../../src/cli/templates';
import { NOMINATION_COL, evaluate } from '../../src/core';
import { readWorkbookFile } from '../../src/cli/xlsx';
import { nomination } from '../helpers/workbook';
import { COLLECTIVE, INDIVIDUAL, evaluation } from '../core/documents/fixture';

const docs = () => buildDossiers(evaluation())[0]!.documents;
const kind = (k: DossierDocument['kind']) => docs().find((d) => d.kind === k) as DossierDocument;

function part(buffer: Buffer, name: string): string {
  const file = new PizZip(buffer).file(name);
  expect(file).not.toBeNull();
  return file!.asText();
}

/** The visible text of a WordprocessingML part. */
const textOf = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

describe('the .docx of a submission letter', () => {
  let xml: string;
  let buffer: Buffer;
  beforeAll(async () => {
    buffer = await writeDocx(kind('D2').doc);
    xml = part(buffer, 'word/document.xml');
  });

  test('is A4 portrait with the decree’s margins in twips (20/20/30/15 mm)', () => {
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const margins = /<w:pgMar ([^>]*)\/>/.exec(xml)?.[1] ?? '';
    expect(margins).toContain('w:top="1134"');
    expect(margins).toContain('w:bottom="1134"');
    expect(margins).toContain('w:left="1701"');
    expect(margins).toContain('w:right="850"');
  });

  test('is in Times New Roman by default, with the decree’s sizes in half-points', () => {
    const styles = part(buffer, 'word/styles.xml');
    expect(/<w:docDefaults>.*<\/w:docDefaults>/s.exec(styles)?.[0]).toContain('w:ascii="Times New Roman"');
    expect(xml + styles).not.toMatch(/w:ascii="(?!Times New Roman)/);
    // A run without its own size has the document default of styles.xml.
    const base = /<w:rPrDefault><w:rPr>.*?<w:sz w:val="(\d+)"/.exec(styles)?.[1];
    expect(base).toBe('28');
    const sizeOf = (text: string) => {
      const run = xml.split('<w:r>').find((r) => r.includes(`>${text}</w:t>`)) ?? '';
      return /<w:sz w:val="(\d+)"/.exec(run)?.[1] ?? base;
    };
    expect(sizeOf('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')).toBe('24');
    expect(sizeOf('Độc lập - Tự do - Hạnh phúc')).toBe('26');
    expect(sizeOf('TỜ TRÌNH')).toBe('28');
    expect(sizeOf('Nơi nhận:')).toBe('24');
    expect(sizeOf('- Như trên;')).toBe('22');
  });

  test('opens with the borderless header table; the list tables have lines', () => {
    const tables = xml.split('<w:tbl>').slice(1);
    const borders = (t: string) => /<w:tblBorders>(.*?)<\/w:tblBorders>/.exec(t)?.[1] ?? '';
    expect(textOf(tables[0]!)).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(borders(tables[0]!)).toMatch(/w:val="none"/);
    expect(borders(tables[0]!)).not.toMatch(/w:val="single"/);
    const list = tables.find((t) => textOf(t).includes('Chức vụ, đơn vị công tác'))!;
    expect(borders(list)).toMatch(/<w:insideH w:val="single"/);
    expect(list).toContain('<w:tblHeader/>');
  });

  test('draws the short rules as paragraph borders under the issuer, the motto and the subject, never underscores', () => {
    expect(xml.match(/<w:pBdr><w:top w:val="single"/g)).toHaveLength(3);
    const afterSubject = xml.split('Đề nghị tặng Giấy khen của Chủ tịch UBND huyện Hữu Lũng</w:t>')[1] ?? '';
    expect(afterSubject.slice(0, afterSubject.indexOf('</w:p>', afterSubject.indexOf('<w:p>')))).toContain('<w:pBdr><w:top w:val="single"');
    expect(textOf(xml)).not.toContain('___');
  });

  test('keeps titles and the signature block with what follows; list headers repeat on every page', () => {
    expect(xml).toMatch(/<w:keepNext\/>[^]*?>TỜ TRÌNH</);
    const signatures = xml.split('<w:tbl>').find((t) => t.includes('TM. ỦY BAN NHÂN DÂN'))!.split('</w:tbl>')[0]!;
    expect(signatures).toContain('<w:cantSplit/>');
    expect(signatures.match(/<w:p>/g)!.length).toBe(signatures.match(/<w:keepNext\/>/g)!.length);
    const before = xml.slice(0, xml.indexOf(signatures) - '<w:tbl>'.length);
    expect(before.slice(before.lastIndexOf('<w:p>'))).toContain('<w:keepNext/>');
    expect(xml.match(/<w:tblHeader\/>/g)).toHaveLength(2);
    expect(xml).toContain('<w:vAlign w:val="center"/>');
  });

  test('numbers pages from the second: a different first page, PAGE in the default header', () => {
    const section = /<w:sectPr[\s\S]*<\/w:sectPr>/.exec(xml)?.[0] ?? '';
    expect(section).toContain('<w:titlePg/>');
    const rels = part(buffer, 'word/_rels/document.xml.rels');
    const id = /<w:headerReference w:type="default" r:id="(\w+)"/.exec(section)?.[1];
    const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)?.[1];
    expect(part(buffer, `word/${target}`)).toMatch(/PAGE/);
  });

  test('carries the document’s text, Vietnamese intact', () => {
    const text = textOf(xml);
    expect(text).toContain('TỜ TRÌNHĐề nghị tặng Giấy khen của Chủ tịch UBND huyện Hữu Lũng');
    expect(text).not.toContain('V/v');
    expect(text).toContain('Yên Bình, ngày 06 tháng 01 năm 2023');
  });
});

test('user text is escaped, never markup', async () => {
  const e = evaluation({ nominations: [nomination(INDIVIDUAL, { [NOMINATION_COL.name]: '<w:b/> & {{x}}' })] });
  const d2 = buildDossiers(e)[0]!.documents[1]!;
  const xml = part(await writeDocx(d2.doc), 'word/document.xml');
  expect(xml).toContain('&lt;w:b/&gt; &amp; {{x}}');
});

/** A user template: a line of fields and a table whose second row repeats per nominee. */
function template(extra = ''): Buffer {
  const columns = ['STT', 'Họ và tên', 'Tóm tắt'].map((title) => ({ title, widthMm: 50 }));
  return writeDocx(
    document([
      para(`Đơn vị: {{ten_don_vi}}, họp {{ngay_hop}}. ${extra}`),
      listTable(columns, [['{{#de_nghi}}{{stt}}', '{{ten}}', '{{tom_tat}}{{/de_nghi}}']]),
    ]),
  );
}

describe('a user template', () => {
  test('is filled with the same values, one table row per nominee, text kept literal', async () => {
    const d2 = buildDossiers(evaluation({ nominations: [COLLECTIVE, nomination(INDIVIDUAL, { [NOMINATION_COL.name]: '{{ten_don_vi}} <b>' })] }))[0]!
      .documents[1]!;
    const { buffer, missing } = fillTemplate(await template(), d2.placeholders, 'D2.docx');
    const xml = part(buffer, 'word/document.xml');
    const text = textOf(xml);
    expect(text).toContain('Đơn vị: UBND xã Yên Bình, họp 05/01/2023.');
    expect(xml.split('<w:tr>').length - 1).toBe(3);
    expect(text).toContain('Bộ phận một cửa xã Yên Bình');
    expect(xml).toContain('{{ten_don_vi}} &lt;b&gt;');
    expect(missing).toEqual([]);
  });

  test('fills the v2 fields: signer, symbol, form-07 facts and one awards row per previous award; gaps listed', async () => {
    const d3 = buildDossiers(evaluation())[0]!.documents.filter((d) => d.kind === 'D3')[1]!;
    const columns = ['Năm', 'Hình thức', 'Quyết định', 'Cơ quan'].map((title) => ({ title, widthMm: 40 }));
    const user = await writeDocx(
      document([
        para('{{quyen_han_ky}} / {{chuc_danh_nguoi_ky}}; Lưu: VT, {{ky_hieu}}. Quê quán: {{que_quan}}. Trú quán: {{tru_quan}}. Trụ sở: {{dia_chi_tru_so}}.'),
        listTable(columns, [['{{#khen_thuong}}{{kt_nam}}', '{{kt_hinh_thuc}}', '{{kt_quyet_dinh}}', '{{kt_co_quan}}{{/khen_thuong}}']]),
      ]),
    );
    const { buffer, missing } = fillTemplate(user, d3.placeholders, 'D3.docx');
    const xml = part(buffer, 'word/document.xml');
    expect(textOf(xml)).toContain('TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH; Lưu: VT, UBND. Quê quán: xã Yên Bình, huyện Hữu Lũng, tỉnh Lạng Sơn. Trú quán: …. Trụ sở: .');
    expect(xml.split('<w:tr>').length - 1).toBe(2);
    expect(textOf(xml)).toContain('2021Giấy khenQuyết định số 85/QĐ-UBND ngày 20/12/2021Chủ tịch UBND huyện Hữu Lũng');
    expect(missing).toEqual([`Báo cáo thành tích hàng 2 («Nguyễn Văn An»): thiếu Trú quán; hãy điền hoặc để người được đề nghị tự ghi.`]);
  });

  test('filled an hour apart, gives the same bytes (no part carries the clock)', async () => {
    const user = await template();
    jest.useFakeTimers({ now: new Date(2026, 11, 2, 9, 0, 0) });
    try {
      const morning = fillTemplate(user, kind('D2').placeholders, 'D2.docx').buffer;
      jest.setSystemTime(new Date(2026, 11, 2, 10, 0, 7));
      expect(fillTemplate(user, kind('D2').placeholders, 'D2.docx').buffer.equals(morning)).toBe(true);
    } finally {
      jest.useRealTimers();
    }
  });

  test('reports a placeholder that does not exist and shows a gap', async () => {
    const { buffer, missing } = fillTemplate(await template('{{ten_sai}}'), kind('D2').placeholders, 'D2.docx');
    expect(missing).toEqual(['Mẫu D2.docx: không có trường {{ten_sai}} (xem danh sách trường trong README)']);
    expect(textOf(part(buffer, 'word/document.xml'))).toContain('…');
  });

  test('that is broken gets a Vietnamese message naming the file', async () => {
    expect(() => fillTemplate(Buffer.from('not a zip'), kind('D2').placeholders, 'D2.docx')).toThrow(/Mẫu «D2.docx» không phải tệp .docx/);
    expect(() => fillTemplate(Buffer.from([]), kind('D2').placeholders, 'D2.docx')).toThrow(TemplateError);
    const unclosed = await template('{{#de_nghi}} không đóng');
    expect(() => fillTemplate(unclosed, kind('D2').placeholders, 'D2.docx')).toThrow('Mẫu «D2.docx» có lỗi ở vòng lặp {{#de_nghi}} chưa có {{/de_nghi}}');
  });
});

describe('writeDossierFiles', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'thidua-docs-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
    delete process.env['THIDUA_SOFFICE'];
  });

  test('writes every document, uses a user template for its kind, and reports gaps once', async () => {
    const templates = join(dir, 'mau');
    const out = join(dir, 'ho-so');
    mkdirSync(templates);
    writeFileSync(join(templates, 'D2.docx'), await template());
    const progress: [number, number][] = [];
    const result = await writeDossierFiles(evaluation(), out, { templatesDir: templates, onProgress: (done, total) => progress.push([done, total]) });
    expect(result.files.map((f) => f.slice(out.length + 1))).toEqual(docs().map((d) => d.fileName));
    expect(progress).toEqual([[1, 1]]);
    for (const f of result.files) expect(existsSync(f)).toBe(true);
    const letter = readFileSync(result.files[1]!);
    expect(textOf(part(letter, 'word/document.xml'))).toContain('Đơn vị: UBND xã Yên Bình, họp 05/01/2023.');
    expect(result.missing.sort()).toEqual([
      'Báo cáo thành tích: chưa có hàng cho «Bộ phận một cửa xã Yên Bình» (đơn vị X04); báo cáo để dòng chấm cho người được đề nghị tự ghi.',
      'Đơn vị X04: thiếu Thủ trưởng',
    ]);
    expect(result.excluded).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  test('without LibreOffice, still writes the .docx and says in Vietnamese how to get PDFs', async () => {
    process.env['THIDUA_SOFFICE'] = join(dir, 'khong-co-soffice');
    const result = await writeDossierFiles(evaluation(), dir, { pdf: true });
    expect(result.files.every((f) => f.endsWith('.docx'))).toBe(true);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatch(/Không tìm thấy LibreOffice/);
  });
});

describe('the sample district', () => {
  let e: ReturnType<typeof evaluation>;
  beforeAll(async () => {
    e = evaluate((await readWorkbookFile('samples/huu-lung-2022.xlsx')).input);
  });

  test('every eligible nomination gets one report in its unit’s dossier, no ineligible one does', () => {
    const units = buildDossiers(e);
    const reported = units.flatMap((u) => u.documents.filter((d) => d.kind === 'D3').map((d) => `${u.unitCode}:${d.nominationRow}`));
    const eligible = e.result.nominations.filter((v) => v.eligible).map((v) => `${v.unit}:${v.row}`);
    expect(reported.sort()).toEqual(eligible.sort());
    for (const u of units) expect(u.documents.filter((d) => d.kind !== 'D3').map((d) => d.kind)).toEqual(['D1', 'D2']);
    const names = units.flatMap((u) => u.documents.map((d) => d.fileName.toLowerCase()));
    expect(new Set(names).size).toBe(names.length);
  });

  test('are written unit after unit in document order, progress counted per unit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'thidua-sample-docs-'));
    try {
      const progress: number[] = [];
      const result = await writeDossierFiles(e, dir, { onProgress: (done) => progress.push(done) });
      const units = buildDossiers(e);
      expect(result.files.map((f) => f.slice(dir.length + 1))).toEqual(units.flatMap((u) => u.documents.map((d) => d.fileName)));
      expect(progress).toEqual(units.map((_, i) => i + 1));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('two runs on one workbook write the same bytes, file for file (nothing depends on the clock or the order of writes)', async () => {
    const [first, second] = [mkdtempSync(join(tmpdir(), 'thidua-same-1-')), mkdtempSync(join(tmpdir(), 'thidua-same-2-'))];
    try {
      const a = await writeDossierFiles(e, first);
      const b = await writeDossierFiles(evaluate((await readWorkbookFile('samples/huu-lung-2022.xlsx')).input), second);
      expect(b.files.map((f) => f.slice(second.length))).toEqual(a.files.map((f) => f.slice(first.length)));
      const differing = a.files.filter((f, i) => !readFileSync(f).equals(readFileSync(b.files[i]!)));
      expect(differing).toEqual([]);
    } finally {
      rmSync(first, { recursive: true, force: true });
      rmSync(second, { recursive: true, force: true });
    }
  });

  test('a complete unit’s letter has its number, date and signer, and no gap', () => {
    const cq02 = buildDossiers(e).find((u) => u.unitCode === 'CQ02')!;
    const d2 = cq02.documents.find((d) => d.kind === 'D2')!;
    const text = plainText(d2.doc);
    expect(text).toContain('UBND HUYỆN HỮU LŨNG\nPHÒNG NỘI VỤ');
    expect(text).toContain('Số: 65/TTr-NV');
    expect(text).toContain('Hữu Lũng, ngày 28 tháng 12 năm 2022');
    expect(text).toContain('TRƯỞNG PHÒNG');
    expect(text).toContain('Lê Văn Thắng');
    expect(text).toContain('- Lưu: VT, NV.');
    expect(d2.missing).toEqual([]);
  });

  test('signers as the units wrote them: KT. through a deputy, Q. acting, a missing title a listed gap', () => {
    const letter = (unit: string) => buildDossiers(e).find((u) => u.unitCode === unit)!.documents.find((d) => d.kind === 'D2')!;
    expect(plainText(letter('CQ04').doc)).toContain('KT. TRƯỞNG PHÒNG\nPHÓ TRƯỞNG PHÒNG\n');
    expect(plainText(letter('CQ09').doc)).toContain('Q. TRƯỞNG PHÒNG\n');
    const x23 = letter('X23');
    expect(plainText(x23.doc)).toContain('TM. ỦY BAN NHÂN DÂN\n…\n');
    expect(x23.missing).toEqual(['Đơn vị X23: thiếu Chức danh người ký']);
  });
});
