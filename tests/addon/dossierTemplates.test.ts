import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOOPS, PLACEHOLDERS, plainText } from '../../src/core/documents';
import { NOMINATION_COL as N, REPORT_COL, SHEET } from '../../src/core';
import { table } from '../helpers/workbook';
import { AN_REPORT } from '../core/documents/fixture';
import { FILES_COL, FILES_SHEET, STATUS } from '../../src/addon/dossierRecords';
import { createDossierTemplates } from '../../src/addon/dossierFiles';
import { dossierJob, exportPdfs } from '../../src/addon/dossierRun';
import type { Progress } from '../../src/addon/jobRunner';
import { continueJob, startJob } from '../../src/addon/jobRunner';
import { templateModels } from '../../src/addon/dossierTemplates';
import type { FakeDocument, FakeGoogle, FakeParagraph, FakeTable } from '../fakes';
import { fakeGoogle, loadWorkbook } from '../fakes';
import { twoUnits } from './dossierWorkbooks';

let google: FakeGoogle;

function withWorkbook(input = twoUnits()): void {
  google = fakeGoogle();
  google.install();
  loadWorkbook(google, input);
}

const OWNER = 'chu.tich@huulung.gov.vn';

/** «Tạo hồ sơ» from its dialog, for all units, to the end. */
function run(): Progress {
  google.clock.advance(1000);
  let p = startJob(dossierJob, null, google.clock);
  while (!p.finished && !p.halted) p = continueJob(dossierJob, google.clock);
  return p;
}

function filesRows(): Record<string, unknown>[] {
  const [header, ...rows] = google.spreadsheet.sheet(FILES_SHEET)!.dump();
  return rows.map((row) => Object.fromEntries(header!.map((h, j) => [String(h), row[j]])));
}

const docOf = (row: Record<string, unknown>): FakeDocument => google.drive.docs.get(String(row[FILES_COL.id]))!;
/** The owner's templates, by kind. */
const templates = (): Record<string, string> => JSON.parse(google.documentProperties.getProperty('thidua.hoSo.templates')!)[OWNER];
const KNOWN = new Set(PLACEHOLDERS.map((p) => p.name));

describe('the default templates', () => {
  it('are the default documents with known placeholders where values go, and a loop row in each list', () => {
    const models = templateModels();
    expect(models.map((m) => m.title)).toEqual(['Mẫu D1 - Biên bản họp xét', 'Mẫu D2 - Tờ trình', 'Mẫu D3 - Báo cáo thành tích']);
    for (const { doc } of models) {
      const names = [...plainText(doc).matchAll(/\{\{([^{}]+)\}\}/g)].map((m) => m[1]!);
      expect(names.length).toBeGreaterThan(8);
      for (const name of names) expect(KNOWN.has(name.replace(/^[#/]/, ''))).toBe(true);
    }
    const [d1, d2] = models as [(typeof models)[0], (typeof models)[0]];
    const loopRows = (doc: typeof d1.doc) =>
      doc.blocks
        .filter((b): b is Extract<typeof b, { kind: 'table' }> => b.kind === 'table' && !b.borderless)
        .map((t) => t.rows.at(-1)!.map((c) => c.paragraphs.map((p) => p.runs.map((r) => r.text).join('')).join('\n')));
    expect(loopRows(d1.doc)).toEqual([['{{#de_nghi}}{{stt}}', '{{ten}}', '{{hinh_thuc}}', '{{so_phieu}}', '{{ty_le_phieu}}{{/de_nghi}}']]);
    expect(loopRows(d2.doc)).toEqual([
      ['{{#de_nghi}}{{stt}}', '{{ten}}', '{{chuc_vu}}', '{{hinh_thuc}}{{/de_nghi}}'],
      ['{{#de_nghi}}{{stt}}', '{{ten}}', '{{tom_tat}}{{/de_nghi}}'],
    ]);
    const text = plainText(d1.doc);
    expect(text).toContain('{{co_quan_phat_dong_in_hoa}}\n{{ten_don_vi_in_hoa}}');
    expect(text).toContain('Hội đồng thống nhất đề nghị {{cap_khen_day_du}} xem xét, tặng Giấy khen cho {{so_de_nghi}} có tên trên');
    expect(text).toMatch(/Số: +\/BB-\{\{ky_hieu\}\}/);
  });
});

it('docs/dossiers.md lists every field a template may use', () => {
  const doc = readFileSync(join(__dirname, '../../docs/dossiers.md'), 'utf8');
  for (const p of PLACEHOLDERS) expect(doc).toContain((LOOPS as readonly string[]).includes(p.name) ? `\`{{#${p.name}}}\` … \`{{/${p.name}}}\`` : `\`{{${p.name}}}\``);
});

describe('Tạo mẫu hồ sơ', () => {
  beforeEach(() => withWorkbook());

  it('writes the three templates as Google Docs in «Thi đua - Mẫu hồ sơ», and keeps them on a second run', () => {
    createDossierTemplates();
    const folder = google.drive.foldersIn(google.drive.root).find((f) => f.name === 'Thi đua - Mẫu hồ sơ')!;
    expect(google.drive.filesIn(folder).map((f) => f.name)).toEqual(['Mẫu D1 - Biên bản họp xét', 'Mẫu D2 - Tờ trình', 'Mẫu D3 - Báo cáo thành tích']);
    expect(Object.keys(templates())).toEqual(['D1', 'D2', 'D3']);
    const d1 = google.drive.docs.get(templates()['D1']!)!;
    expect(d1.dump()).toContain('{{#de_nghi}}{{stt}}');
    expect(google.ui.dialogs.at(-1)!.html).toContain('Đã tạo mẫu');

    // The user's edits are never overwritten.
    d1.body.appendParagraph('Ghi chú của đơn vị.');
    createDossierTemplates();
    expect(google.drive.documents()).toHaveLength(3);
    expect(d1.dump()).toContain('Ghi chú của đơn vị.');
    expect(google.ui.dialogs.at(-1)!.html).toContain('Mẫu đã có (giữ nguyên, không ghi đè)');
    expect(google.lock.held).toBe(false);
  });

  it('Tạo hồ sơ then copies the templates and fills them: values in, one row per nominee, nothing left over', () => {
    createDossierTemplates();
    google.log.reset();
    run();
    expect(google.log.count('Drive.Files.copy')).toBe(7);
    expect(google.log.count('Drive.Files.create')).toBe(1 + 2);
    const rows = filesRows();
    expect(rows.map((r) => r[FILES_COL.status])).toEqual(Array(7).fill(STATUS.created));
    for (const r of rows) expect(docOf(r).dump()).not.toMatch(/\{\{|\}\}/);
    const letter = docOf(rows[4]!);
    expect(letter.name).toBe('X04 - UBND xã Yên Bình - Tờ trình');
    const lists = letter.body.children.filter((c): c is FakeTable => c.type === 'TABLE' && c.borderWidth > 0);
    expect(lists[0]!.rows.map((row) => row.cells.map((c) => c.getText()))).toEqual([
      ['STT', 'Tên tập thể, cá nhân', 'Chức vụ, đơn vị công tác', 'Hình thức'],
      ['1', 'Bộ phận một cửa xã Yên Bình', 'UBND xã Yên Bình', 'Tập thể'],
      ['2', 'Nguyễn Văn An', expect.any(String), 'Cá nhân'],
    ]);
    // A value keeps the formatting of the placeholder it replaced.
    const [superior, issuer] = (letter.body.children[0] as FakeTable).rows[0]!.cells[0]!.children as FakeParagraph[];
    expect(superior!.getText()).toBe('UBND HUYỆN HỮU LŨNG');
    expect(superior!.text.isBold()).toBe(false);
    expect(issuer!.getText()).toBe('UBND XÃ YÊN BÌNH');
    expect(issuer!.text.isBold()).toBe(true);
    expect(issuer!.text.getFontSize()).toBe(13);
  });

  it('a value that looks like a placeholder or a replacement pattern stays literal', () => {
    const name = 'Tổ {{ten_don_vi}} $1 $& \\1 {{#de_nghi}}';
    withWorkbook(twoUnits({ individual: { [N.name]: name, [N.summary]: 'Lưu $0 và {{ma_don_vi}}.' } }));
    createDossierTemplates();
    run();
    const rows = filesRows();
    const letter = docOf(rows[4]!);
    const summary = letter.body.children.filter((c): c is FakeTable => c.type === 'TABLE' && c.borderWidth > 0)[1]!;
    expect(summary.rows[2]!.cells.map((c) => c.getText())).toEqual(['2', name, 'Lưu $0 và {{ma_don_vi}}.']);
    expect(rows[6]![FILES_COL.status]).toBe(STATUS.created);
    expect(docOf(rows[6]!).dump()).toContain(`Họ và tên: ${name}.`);
  });

  it('fills the v2 fields: the signer and symbol, the form-07 facts, one awards row per previous award', () => {
    const input = twoUnits();
    input.sheets.push(table(SHEET.reports, Object.values(REPORT_COL), [AN_REPORT]));
    withWorkbook(input);
    createDossierTemplates();
    run();
    const rows = filesRows();
    const letter = docOf(rows[4]!).dump();
    expect(letter).toContain('- UBND huyện (qua Phòng Nội vụ);\n- Lưu: VT, UBND.');
    expect(letter).toContain('TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH');
    const an = docOf(rows[6]!);
    expect(an.dump()).toContain('4. Quê quán: xã Yên Bình, huyện Hữu Lũng, tỉnh Lạng Sơn.');
    expect(an.dump()).toContain('5. Trú quán: ….');
    const awards = (d: FakeDocument) => d.body.children.filter((c): c is FakeTable => c.type === 'TABLE' && c.borderWidth > 0).at(-1)!;
    expect(awards(an).rows.map((r) => r.cells.map((c) => c.getText()))).toEqual([
      ['Năm', 'Hình thức khen thưởng', 'Số, ngày, tháng, năm của quyết định khen thưởng', 'Cơ quan ban hành quyết định'],
      ['2021', 'Giấy khen', 'Quyết định số 85/QĐ-UBND ngày 20/12/2021', 'Chủ tịch UBND huyện Hữu Lũng'],
    ]);
    expect(rows[6]![FILES_COL.missing]).toContain(`Báo cáo thành tích hàng 2 («Nguyễn Văn An»): thiếu ${REPORT_COL.residence}`);
    // The collective has no row: no awards row, and the gap is said once.
    const collective = docOf(rows[5]!);
    expect(awards(collective).rows).toHaveLength(1);
    expect(String(rows[5]![FILES_COL.missing]).match(/chưa có hàng cho «Bộ phận một cửa xã Yên Bình»/g)).toHaveLength(1);
  });

  it('an edited template rewrites the documents in place; an unknown field is a visible gap; a trashed template means the default again', () => {
    createDossierTemplates();
    run();
    const before = filesRows();
    const d3 = google.drive.docs.get(templates()['D3']!)!;
    google.clock.advance(60_000);
    d3.body.appendParagraph('Mã đơn vị: {{ma_don_vi}}; {{khong_co}}');
    d3.touch();
    run();
    const after = filesRows();
    expect(after.map((r) => r[FILES_COL.id])).toEqual(before.map((r) => r[FILES_COL.id]));
    expect(after.map((r) => r[FILES_COL.status])).toEqual([STATUS.unchanged, STATUS.unchanged, STATUS.updated, STATUS.unchanged, STATUS.unchanged, STATUS.updated, STATUS.updated]);
    const report = docOf(after[6]!);
    expect(report.dump()).toContain('Mã đơn vị: X04; …');
    expect(report.dump().match(/^BÁO CÁO THÀNH TÍCH$/gm)).toHaveLength(1);
    expect(after[6]![FILES_COL.missing]).toContain('Mẫu Mẫu D3 - Báo cáo thành tích: không có trường {{khong_co}}');

    google.drive.item(templates()['D3']!).trashed = true;
    run();
    const defaults = filesRows();
    expect(defaults[6]![FILES_COL.status]).toBe(STATUS.updated);
    expect(docOf(defaults[6]!).dump()).not.toContain('Mã đơn vị: X04');
  });

  it('templates are found and used for their maker; another officer is told, not given the defaults silently', () => {
    createDossierTemplates();
    google.spreadsheet.editors.push('noivu@huulung.gov.vn');
    google.ctx.effectiveUser = 'noivu@huulung.gov.vn';
    const refused = run();
    expect(refused).toMatchObject({ finished: true, halted: true });
    expect(refused.message).toContain(`Bảng tính này dùng mẫu hồ sơ do ${OWNER} tạo`);
    expect(google.drive.documents()).toHaveLength(3);
    // Their own templates, then their run uses those.
    createDossierTemplates();
    expect(Object.keys(JSON.parse(google.documentProperties.getProperty('thidua.hoSo.templates')!))).toEqual([OWNER, 'noivu@huulung.gov.vn']);
    google.log.reset();
    expect(run().finished).toBe(true);
    expect(google.log.count('Drive.Files.copy')).toBe(7);
  });

  it('a template whose loop marker is outside a table row gives a clear error on its documents', () => {
    createDossierTemplates();
    const d1 = google.drive.docs.get(templates()['D1']!)!;
    d1.body.appendParagraph('{{#de_nghi}}{{ten}}{{/de_nghi}}');
    d1.touch();
    run();
    const rows = filesRows();
    expect(rows[0]![FILES_COL.status]).toBe('Lỗi: Mẫu «Mẫu D1 - Biên bản họp xét»: {{#de_nghi}} phải nằm ở ô đầu của một dòng bảng (dòng đó được lặp cho mỗi người được đề nghị).');
    expect(rows[1]![FILES_COL.status]).toBe(STATUS.created);
    // The copy already made is kept and reused once the template is fixed: no second document.
    expect(rows[0]![FILES_COL.id]).not.toBe('');
    const id = rows[0]![FILES_COL.id];
    d1.body.children.pop();
    google.clock.advance(60_000);
    d1.touch();
    run();
    expect(filesRows()[0]![FILES_COL.status]).toBe(STATUS.updated);
    expect(filesRows()[0]![FILES_COL.id]).toBe(id);
    expect(google.drive.documents()).toHaveLength(3 + 7);
  });
});

describe('Xuất PDF hồ sơ', () => {
  beforeEach(() => withWorkbook());

  it('saves a PDF beside each document, again only for documents that changed', () => {
    run();
    exportPdfs(google.clock);
    const parent = google.drive.foldersIn(google.drive.root)[0]!;
    const x04 = google.drive.foldersIn(parent).find((f) => f.name.startsWith('X04'))!;
    const pdfs = () => google.drive.filesIn(x04).filter((f) => f.mimeType === 'application/pdf');
    expect(pdfs().map((f) => f.name)).toEqual(filesRows().slice(3).map((r) => `${r[FILES_COL.fileName]}.pdf`));
    expect(pdfs()[0]!.blob!.data).toContain('BIÊN BẢN');
    expect(google.spreadsheet.toasts.at(-1)!.message).toContain('Đã xuất 7 PDF; 0 PDF đã mới sẵn; 0 lỗi.');

    google.clock.advance(60_000);
    exportPdfs(google.clock);
    expect(google.spreadsheet.toasts.at(-1)!.message).toContain('Đã xuất 0 PDF; 7 PDF đã mới sẵn');

    google.clock.advance(60_000);
    docOf(filesRows()[3]!).touch();
    google.clock.advance(60_000);
    exportPdfs(google.clock);
    expect(google.spreadsheet.toasts.at(-1)!.message).toContain('Đã xuất 1 PDF; 6 PDF đã mới sẵn');
    expect(pdfs()).toHaveLength(4);
  });

  it('writes PDFs with Drive into the unit’s folder; another officer’s documents are reported, not exported', () => {
    run();
    google.log.reset();
    exportPdfs(google.clock);
    expect(google.log.count('Drive.Files.create')).toBe(7);
    expect(google.log.count('Document.getAs')).toBe(7);
    google.spreadsheet.editors.push('noivu@huulung.gov.vn');
    google.ctx.effectiveUser = 'noivu@huulung.gov.vn';
    google.log.reset();
    exportPdfs(google.clock);
    expect(google.log.count('Drive.Files.create')).toBe(0);
    expect(google.spreadsheet.toasts.at(-1)!.message).toContain(`Đã xuất 0 PDF; 0 PDF đã mới sẵn; 7 lỗi. Lỗi: X01 - UBND xã Cai Kinh - Biên bản họp xét: do ${OWNER} tạo, chỉ người đó xuất được PDF`);
  });

  it('stops before the time limit and says to press again', () => {
    run();
    google.drive.pdfMs = 100_000;
    exportPdfs(google.clock);
    expect(google.spreadsheet.toasts.at(-1)!.message).toContain('Đã xuất 3 PDF');
    expect(google.spreadsheet.toasts.at(-1)!.message).toContain('Còn 4 tài liệu: bấm Xuất PDF hồ sơ lần nữa để tiếp tục.');
  });
});
