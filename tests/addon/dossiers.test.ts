import { buildDossiers, plainText } from '../../src/core/documents';
import type { DocModel, DossierDocument } from '../../src/core/documents';
import { DOSSIER_COL, evaluate, NOMINATION_COL as N } from '../../src/core';
import { A4_PT, pt, renderDocument, ruleText } from '../../src/addon/docsWriter';
import { FILES_COL, FILES_SHEET, FOREIGN_FILES_SHEET, STATUS, contentHash } from '../../src/addon/dossierRecords';
import { createDossiers, dossierJob } from '../../src/addon/dossierRun';
import type { Progress } from '../../src/addon/jobRunner';
import { BUSY_JOB, FALLBACK_AFTER_MS, STEP_MS, continueJob, jobUnderWay, loadJson, runPendingJobs, saveJson, startJob } from '../../src/addon/jobRunner';
import { JOBS, jobCancel, jobOpen } from '../../src/addon/jobs';
import { BUSY_MESSAGE, NO_LOCK_MESSAGE, withDocumentLock } from '../../src/addon/lock';
import { troubleKind } from '../../src/addon/drive';
import type { FakeDocument, FakeGoogle, FakeParagraph, FakeTable } from '../fakes';
import { FakeProperties, allParagraphs, counted, fakeGoogle, loadWorkbook } from '../fakes';
import { asInSheets } from './workbooks';
import { oneUnitWith, twoUnits } from './dossierWorkbooks';
import * as z from 'zod/mini';

let google: FakeGoogle;
const OWNER = 'chu.tich@huulung.gov.vn';

function withWorkbook(input = twoUnits(), options: Parameters<typeof fakeGoogle>[0] = {}): void {
  google = fakeGoogle({ htmlFiles: new Map([['CongViec', '<p>Tiến trình</p>']]), ...options });
  google.install();
  loadWorkbook(google, input);
}

/** The dialog: «Bắt đầu», then every step until the job is finished or stops; the progress each call answered. */
function dialog(units: string[] | null = null): Progress[] {
  google.clock.advance(1000); // a person clicks: later than any earlier run
  const seen = [startJob(dossierJob, units, google.clock)];
  while (!seen.at(-1)!.finished && !seen.at(-1)!.halted) seen.push(continueJob(dossierJob, google.clock));
  return seen;
}
const run = (units: string[] | null = null): Progress => dialog(units).at(-1)!;

/** The `Hồ sơ` sheet as records by column name. */
function filesRows(): Record<string, unknown>[] {
  const [header, ...rows] = google.spreadsheet.sheet(FILES_SHEET)!.dump();
  return rows.map((row) => Object.fromEntries(header!.map((h, j) => [String(h), row[j]])));
}

/** Types into a cell as a user would, found by its header. */
function setCell(sheetName: string, row: number, header: string, value: string): void {
  const sheet = google.spreadsheet.sheet(sheetName)!;
  const column = sheet.dump()[0]!.indexOf(header) + 1;
  expect(column).toBeGreaterThan(0);
  sheet.cell(row, column).value = value;
}

const docById = (id: unknown) => google.drive.docs.get(String(id))!;

function documentsOf(input = twoUnits()): DossierDocument[] {
  return buildDossiers(evaluate(asInSheets(input, google))).flatMap((u) => u.documents);
}

/** X04's document of a kind (X04 proposes a collective and an individual). */
const x04 = (kind: DossierDocument['kind'], input = twoUnits()) => documentsOf(input).find((d) => d.kind === kind && d.title.startsWith('X04'))!;

/** A fresh document rendered from `model`, and the service calls it took. */
function rendered(model: DocModel): { doc: FakeDocument; calls: number; snapshot: Record<string, number> } {
  const { doc } = google.drive.newDocument('thử', google.drive.root);
  google.log.reset();
  renderDocument(counted(doc.body, 'Body', google.log) as unknown as GoogleAppsScript.Document.Body, model);
  return { doc, calls: google.log.total(), snapshot: google.log.snapshot() };
}

describe('the Google Docs writer', () => {
  beforeEach(() => withWorkbook());

  it('lays a page out as Decree 30 says: A4, margins, Times New Roman, sizes, header table without borders', () => {
    const d1 = x04('D1');
    const { doc } = rendered(d1.doc);
    expect(doc.body.page).toEqual({ PAGE_WIDTH: A4_PT.width, PAGE_HEIGHT: A4_PT.height, MARGIN_TOP: pt(20), MARGIN_BOTTOM: pt(20), MARGIN_LEFT: pt(30), MARGIN_RIGHT: pt(15) });
    expect(A4_PT.width).toBeCloseTo(595.28, 1);
    const header = doc.body.children[0] as FakeTable;
    expect(header.type).toBe('TABLE');
    expect(header.borderWidth).toBe(0);
    expect(header.columnWidths).toEqual([pt(62), pt(103)]);
    const left = header.rows[0]!.cells[0]!.children as FakeParagraph[];
    expect(left.map((p) => p.getText())).toEqual(['ỦY BAN NHÂN DÂN', 'XÃ YÊN BÌNH', expect.stringMatching(/^_+$/), expect.stringMatching(/^Số: +\/BB-UBND$/)]);
    expect(left[1]!.text.isBold()).toBe(true);
    expect(left[1]!.text.getFontSize()).toBe(13);
    expect(left[1]!.text.getFontFamily()).toBe('Times New Roman');
    expect(left[1]!.attrs.HORIZONTAL_ALIGNMENT).toBe('CENTER');
    const right = header.rows[0]!.cells[1]!.children as FakeParagraph[];
    expect(right.map((p) => p.getText())).toEqual(['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', ruleText(56)]);
  });

  it('keeps every paragraph of the model, in order, with its spacing, indent and italics', () => {
    const d2 = x04('D2');
    const { doc } = rendered(d2.doc);
    const texts = allParagraphs(doc).filter((p) => !/^_+$/.test(p.getText()) && !p.pageBreak).map((p) => p.getText());
    // List cells keep their lines in one paragraph; the rest is the model's text as written.
    const expected = plainText(d2.doc).split('\n');
    expect(texts.join(' ').replace(/\n/g, ' ').trim()).toBe(expected.join(' ').trim());
    const basis = allParagraphs(doc).find((p) => p.getText().startsWith('Căn cứ Nghị định'))!;
    expect(basis.text.isItalic()).toBe(true);
    expect(basis.attrs).toMatchObject({ HORIZONTAL_ALIGNMENT: 'JUSTIFY', INDENT_FIRST_LINE: pt(12.7), SPACING_BEFORE: 6, LINE_SPACING: 1 });
    // The list and the summary start on new pages.
    expect(doc.body.children.filter((c) => (c as FakeParagraph).pageBreak)).toHaveLength(2);
  });

  it('draws list tables with lines, widths, a bold centred header row and the cells as typed', () => {
    const d2 = x04('D2');
    const { doc } = rendered(d2.doc);
    const lists = doc.body.children.filter((c): c is FakeTable => c.type === 'TABLE' && c.borderWidth > 0);
    expect(lists).toHaveLength(2);
    const summary = lists[1]!;
    expect(summary.columnWidths).toEqual([pt(12), pt(48), pt(105)]);
    expect(summary.rows[0]!.cells.map((c) => c.getText())).toEqual(['STT', 'Tên tập thể, cá nhân', 'Tóm tắt thành tích']);
    const head = summary.rows[0]!.cells[0]!.children[0] as FakeParagraph;
    expect(head.text.isBold()).toBe(true);
    expect(head.attrs.HORIZONTAL_ALIGNMENT).toBe('CENTER');
    const body = summary.rows[1]!.cells[2]!.children[0] as FakeParagraph;
    expect(body.text.isBold()).toBe(false);
    expect(body.text.getFontSize()).toBe(13);
    expect(body.getText()).toBe('Giải quyết 100% hồ sơ đúng hạn.\nTiếp nhận hồ sơ trực tuyến toàn trình.');
  });

  it('writes user text as text: placeholders, markup and replacement patterns stay as typed', () => {
    const name = '{{ten_don_vi}} <b>Tổ</b> $1 \\1 =SUM(A1)';
    const input = twoUnits({ individual: { [N.name]: name } });
    withWorkbook(input);
    const d3 = documentsOf(input).find((d) => d.kind === 'D3' && d.placeholders.fields['ten']?.text === name)!;
    const { doc } = rendered(d3.doc);
    expect(allParagraphs(doc).map((p) => p.getText())).toContain(`1. Họ và tên: ${name}.`);
  });

  it('makes the same number of calls for a unit with 1 nominee and with 30', () => {
    const callsFor = (count: number) => {
      const input = oneUnitWith(count);
      withWorkbook(input);
      const docs = documentsOf(input);
      expect(docs).toHaveLength(2 + count);
      return docs.slice(0, 3).map((d) => rendered(d.doc).calls);
    };
    const one = callsFor(1);
    expect(callsFor(30)).toEqual(one);
    // Bounded: a few hundred calls per document at most (measured: see docs/dossiers.md).
    for (const calls of one) expect(calls).toBeLessThan(250);
  });
});

describe('the Google edition is the .docx the core lays out', () => {
  beforeEach(() => withWorkbook());

  /** A document's uploaded `.docx` (unzipped by the fake Drive), by kind and nominee. */
  const upload = (kind: string, nominee = '') => {
    run();
    const row = filesRows().find((r) => r[FILES_COL.unitCode] === 'X04' && r[FILES_COL.kind] === kind && r[FILES_COL.nominee] === nominee)!;
    return google.drive.item(String(row[FILES_COL.id])).docx!;
  };

  it('has page numbers from page 2, Times New Roman by default, «Nơi nhận» on D1 and D2', () => {
    for (const kind of ['Biên bản họp xét', 'Tờ trình']) {
      const docx = upload(kind);
      expect(docx['word/document.xml']).toMatch(/<w:headerReference w:type="first" r:id="rIdHeaderFirst"\/>.*<w:titlePg\/>/);
      expect(docx['word/header1.xml']).toContain('<w:instrText xml:space="preserve"> PAGE </w:instrText>');
      expect(docx['word/styles.xml']).toContain('w:rFonts w:ascii="Times New Roman"');
      expect(docx['word/document.xml']).toContain('Nơi nhận');
    }
  });

  it('D2: a drawn rule under the subject (a border, not underscores), tblHeader rows, signatures kept with what precedes', () => {
    const xml = upload('Tờ trình')['word/document.xml']!;
    expect(xml).toContain('<w:pBdr>');
    expect(xml).not.toMatch(/<w:t[^>]*>_{5,}/);
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toContain('<w:keepNext/>');
    expect(xml).toContain('<w:cantSplit/>');
  });

  it('D3 has the three sections of form 07, and the Google Doc shows the uploaded text', () => {
    const docx = upload('Báo cáo thành tích', 'Nguyễn Văn An');
    for (const section of ['I. SƠ LƯỢC LÝ LỊCH', 'II. THÀNH TÍCH ĐẠT ĐƯỢC', 'III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG']) expect(docx['word/document.xml']).toContain(section);
    const row = filesRows().find((r) => r[FILES_COL.nominee] === 'Nguyễn Văn An')!;
    expect(docById(row[FILES_COL.id]).dump()).toContain('II. THÀNH TÍCH ĐẠT ĐƯỢC');
  });
});

describe('Tạo hồ sơ', () => {
  beforeEach(() => withWorkbook());

  it('makes a folder per unit inside «Thi đua - Hồ sơ 2022» through the Drive advanced service, the documents in it, and lists them in one write', () => {
    const done = run();
    const [parent] = google.drive.foldersIn(google.drive.root);
    expect(parent!.name).toBe('Thi đua - Hồ sơ 2022');
    const units = google.drive.foldersIn(parent!);
    expect(units.map((f) => f.name).sort()).toEqual(['X01 - UBND xã Cai Kinh', 'X04 - UBND xã Yên Bình']);
    const x04 = units.find((f) => f.name.startsWith('X04'))!;
    expect(google.drive.filesIn(x04).map((f) => f.name)).toEqual(documentsOf().filter((d) => d.title.startsWith('X04')).map((d) => d.title));

    const rows = filesRows();
    expect(rows).toHaveLength(7);
    expect(rows.map((r) => r[FILES_COL.status])).toEqual(Array(7).fill(STATUS.created));
    expect(rows.map((r) => `${r[FILES_COL.unitCode]} ${r[FILES_COL.kind]} ${r[FILES_COL.nominee]}`)).toEqual([
      'X01 Biên bản họp xét ',
      'X01 Tờ trình ',
      'X01 Báo cáo thành tích Bộ phận một cửa xã Cai Kinh',
      'X04 Biên bản họp xét ',
      'X04 Tờ trình ',
      'X04 Báo cáo thành tích Bộ phận một cửa xã Yên Bình',
      'X04 Báo cáo thành tích Nguyễn Văn An',
    ]);
    expect(rows[1]![FILES_COL.missing]).toBe('Đơn vị X01: thiếu Thủ trưởng');
    for (const r of rows) {
      const doc = docById(r[FILES_COL.id]);
      expect(r[FILES_COL.link]).toBe(`https://docs.google.com/document/d/${doc.id}/edit`);
      expect(google.drive.item(doc.id).imports).toBe(1);
      expect(doc.name).toBe(r[FILES_COL.fileName]);
      expect(r[FILES_COL.hash]).toMatch(/^[0-9a-f]{14}$/);
      expect(r[FILES_COL.updated]).toBeInstanceOf(Date);
      expect(r[FILES_COL.creator]).toBe(OWNER);
    }
    // One upload per document, imported as a Google Doc (no DocumentApp); folders found again by one listing.
    expect(google.log.count('Drive.Files.create')).toBe(1 + 2 + 7);
    expect(google.log.count('Utilities.zip')).toBe(7);
    expect(google.log.count('DocumentApp.openById')).toBe(0);
    expect(google.log.count('Range.setValues')).toBe(1);
    expect(done).toMatchObject({ finished: true, done: 7, total: 7 });
    expect(done.message).toContain('7 tạo mới, 0 cập nhật, 0 không đổi, 0 lỗi');
    // The parent folder's ID is this user's (per spreadsheet and year); unit folders carry their code.
    expect(google.userProperties.getProperty(`thidua.hoSo.folder.${google.spreadsheet.id}.2022`)).toBe(parent!.id);
    expect(x04.tags).toEqual({ thiduaUnit: 'X04' });
    expect(google.lock.held).toBe(false);
    expect(google.triggers.list).toHaveLength(0);
    expect(jobUnderWay('hoSo')).toBeNull();
  });

  it('a second run creates nothing: same documents, «Không đổi», no document opened', () => {
    run();
    const first = filesRows();
    google.log.reset();
    run();
    const second = filesRows();
    expect(google.drive.documents()).toHaveLength(7);
    expect(second.map((r) => r[FILES_COL.id])).toEqual(first.map((r) => r[FILES_COL.id]));
    expect(second.map((r) => r[FILES_COL.status])).toEqual(Array(7).fill(STATUS.unchanged));
    expect(google.log.count('Drive.Files.create') + google.log.count('DocumentApp.openById')).toBe(0);
    expect(google.log.count('Range.setValues')).toBe(1);
  });

  it('a changed nominee updates only its unit’s documents that show it, in place', () => {
    run();
    const before = filesRows();
    setCell('Đề nghị', 3, N.summary, 'Tham mưu đơn giản hóa 15 thủ tục.');
    google.log.reset();
    run();
    const after = filesRows();
    expect(after.map((r) => r[FILES_COL.id])).toEqual(before.map((r) => r[FILES_COL.id]));
    // The new .docx is imported onto the same Google Doc: one update each, nothing created.
    expect(google.log.count('Drive.Files.update')).toBe(2);
    expect(google.log.count('Drive.Files.create')).toBe(0);
    expect(google.drive.item(String(after[6]![FILES_COL.id])).imports).toBe(2);
    expect(google.drive.item(String(after[6]![FILES_COL.id])).docx!['word/document.xml']).toContain('Tham mưu đơn giản hóa 15 thủ tục.');
    expect(after.map((r) => `${r[FILES_COL.unitCode]} ${r[FILES_COL.kind]} ${r[FILES_COL.status]}`)).toEqual([
      'X01 Biên bản họp xét Không đổi',
      'X01 Tờ trình Không đổi',
      'X01 Báo cáo thành tích Không đổi',
      'X04 Biên bản họp xét Không đổi',
      'X04 Tờ trình Đã cập nhật',
      'X04 Báo cáo thành tích Không đổi',
      'X04 Báo cáo thành tích Đã cập nhật',
    ]);
    expect(google.drive.documents()).toHaveLength(7);
    const report = docById(after[6]![FILES_COL.id]);
    expect(report.dump()).toContain('Tham mưu đơn giản hóa 15 thủ tục.');
    expect(report.dump()).not.toContain('12 thủ tục');
    // Updated in place: the same body, rendered once, not appended to.
    expect(report.dump().match(/^BÁO CÁO THÀNH TÍCH$/gm)).toHaveLength(1);
  });

  it('the menu opens a dialog where «all units» and «the selected units» are both shown; the choice is the user’s', () => {
    google.spreadsheet.select('Đề nghị', 'B4:D4');
    createDossiers();
    expect(google.ui.dialogs.at(-1)).toEqual({ title: 'Tạo hồ sơ', html: '<p>Tiến trình</p>' });
    const opened = jobOpen();
    expect(opened).toMatchObject({ ok: true, value: { kind: 'hoSo', choice: { selected: ['X01'], all: 2, warning: '' }, underWay: null } });
    run(['X01']);
    expect(filesRows().map((r) => r[FILES_COL.unitCode])).toEqual(['X01', 'X01', 'X01']);
    // The cursor on a header cell selects no unit: «all» is still what runs when chosen.
    google.spreadsheet.select('Đề nghị', 'A1:A1');
    expect(jobOpen()).toMatchObject({ ok: true, value: { choice: { selected: [] } } });
    run(null);
    expect(filesRows()).toHaveLength(7);
  });

  it('a document deleted for good or put in the bin is made again; one that fails is marked «Lỗi» and retried in place', () => {
    google.drive.failOn = 'Nguyễn Văn An';
    expect(run().message).toContain('6 tạo mới, 0 cập nhật, 0 không đổi, 1 lỗi');
    const rows = filesRows();
    expect(rows[6]![FILES_COL.status]).toBe('Lỗi: API call to drive.files.create failed with error: Bad Request (the file could not be converted) (tài liệu «X04 - UBND xã Yên Bình - Báo cáo thành tích - Nguyễn Văn An»)');
    // An import Drive refused made nothing: no ID, the next run makes it.
    expect(rows[6]![FILES_COL.id]).toBe('');

    google.drive.failOn = null;
    google.drive.item(String(rows[3]![FILES_COL.id])).trashed = true;
    // A change to X04's minutes, so they are written again: into a new document, the old one is in the bin.
    setCell('Hồ sơ đơn vị', 2, DOSSIER_COL.meetingPlace, 'Nhà văn hóa xã Yên Bình');
    run();
    const after = filesRows();
    expect(after.map((r) => r[FILES_COL.status])).toEqual([...Array(3).fill(STATUS.unchanged), STATUS.created, STATUS.unchanged, STATUS.unchanged, STATUS.created]);
    expect(after[3]![FILES_COL.id]).not.toBe(rows[3]![FILES_COL.id]);
    expect(after[6]![FILES_COL.id]).not.toBe('');
    expect(docById(after[3]![FILES_COL.id]).dump()).toContain('Nhà văn hóa xã Yên Bình');

    // Deleted for good (Drive: «File not found»): made again too.
    google.drive.remove(String(after[3]![FILES_COL.id]));
    setCell('Hồ sơ đơn vị', 2, DOSSIER_COL.meetingPlace, 'Hội trường xã Yên Bình');
    run();
    expect(filesRows()[3]![FILES_COL.status]).toBe(STATUS.created);
    expect(docById(filesRows()[3]![FILES_COL.id]).dump()).toContain('Hội trường xã Yên Bình');
    expect(google.drive.documents()).toHaveLength(7 + 1);
  });

  it('another officer’s documents are reported on their rows, never duplicated', () => {
    run();
    google.spreadsheet.editors.push('noivu@huulung.gov.vn');
    google.ctx.effectiveUser = 'noivu@huulung.gov.vn';
    setCell('Đề nghị', 3, N.summary, 'Tham mưu đơn giản hóa 15 thủ tục.');
    const done = run();
    expect(google.drive.documents()).toHaveLength(7);
    const rows = filesRows();
    expect(rows[6]![FILES_COL.status]).toBe(`Lỗi: Tài liệu này do ${OWNER} tạo; chỉ người tạo mở được. Nhờ ${OWNER} chạy «Tạo hồ sơ» để cập nhật (không tạo bản thứ hai).`);
    expect(rows[6]![FILES_COL.creator]).toBe(OWNER);
    expect(done.message).toContain('0 tạo mới, 0 cập nhật, 5 không đổi, 2 lỗi');
    // The owner's next run brings them up to date in place.
    google.ctx.effectiveUser = OWNER;
    run();
    expect(filesRows().map((r) => r[FILES_COL.status])).toEqual([...Array(4).fill(STATUS.unchanged), STATUS.updated, STATUS.unchanged, STATUS.updated]);
    expect(google.drive.documents()).toHaveLength(7);
  });

  it('Drive «try again» stops the job with its cursor kept; carrying on makes nothing twice', () => {
    google.drive.failures.push({ method: 'create', kind: 'rate', after: 5 });
    const stopped = run();
    expect(stopped).toMatchObject({ finished: false, halted: true });
    expect(stopped.message).toContain('Google Drive đang bận hoặc tạm lỗi («API call to drive.files.create failed with error: User rate limit exceeded.»)');
    expect(jobUnderWay('hoSo')).toMatchObject({ done: 3, total: 7 });
    expect(filesRows()).toHaveLength(3);

    google.drive.failures.push({ method: 'get', kind: 'server' });
    google.clock.advance(60_000);
    expect(continueJob(dossierJob, google.clock).message).toContain("We're sorry, a server error occurred.");
    // A transient error is not «deleted»: no document was made again.
    expect(google.drive.documents()).toHaveLength(3);

    const resumed = continueJob(dossierJob, google.clock);
    expect(resumed.finished).toBe(true);
    expect(google.drive.documents()).toHaveLength(7);
    expect(filesRows().map((r) => r[FILES_COL.status])).toEqual(Array(7).fill(STATUS.created));
    expect(google.triggers.list).toHaveLength(0);
  });

  it('works in short steps from the dialog, each well inside 6 minutes, with no trigger left when done', () => {
    google.drive.createMs = 20_000;
    const spans: number[] = [];
    let before = google.clock.now();
    let p = startJob(dossierJob, null, google.clock);
    spans.push(google.clock.now() - before);
    const seen = [p];
    while (!p.finished) {
      before = google.clock.now();
      p = continueJob(dossierJob, google.clock);
      spans.push(google.clock.now() - before);
      seen.push(p);
    }
    expect(seen.length).toBeGreaterThan(2);
    // A step starts no document after STEP_MS: at most one document's time over it.
    for (const span of spans) expect(span).toBeLessThanOrEqual(STEP_MS + 20_000);
    expect(STEP_MS + 20_000).toBeLessThan(6 * 60_000);
    expect(seen.map((x) => x.done)).toEqual([...seen.map((x) => x.done)].sort((a, b) => a - b));
    expect(google.drive.documents()).toHaveLength(7);
    expect(filesRows().map((r) => r[FILES_COL.status])).toEqual(Array(7).fill(STATUS.created));
    expect(google.triggers.list).toHaveLength(0);
  });

  it('closing the dialog leaves the job to one trigger an hour later, which opens the spreadsheet by ID', () => {
    google.drive.createMs = 100_000;
    const first = startJob(dossierJob, null, google.clock);
    expect(first).toMatchObject({ finished: false, done: 1 });
    expect(google.triggers.list).toHaveLength(1);
    const trigger = google.triggers.list[0]!;
    expect(trigger.handler).toBe('continueJobs');
    expect(trigger.at - google.clock.now()).toBeGreaterThanOrEqual(FALLBACK_AFTER_MS - STEP_MS - 200_000);

    // A second step from the dialog does not add a trigger.
    continueJob(dossierJob, google.clock);
    expect(google.triggers.list).toHaveLength(1);

    // The trigger fires while the dialog is still driving: it leaves the job, and still one trigger.
    google.access.container = false;
    runPendingJobs(JOBS, google.clock);
    expect(google.drive.documents()).toHaveLength(2);
    expect(google.triggers.list).toHaveLength(1);

    // An hour later with the dialog closed: it carries on, with no active spreadsheet.
    google.clock.advance(FALLBACK_AFTER_MS);
    google.drive.createMs = 0;
    google.log.reset();
    runPendingJobs(JOBS, google.clock);
    expect(google.log.count('SpreadsheetApp.openById')).toBe(1);
    expect(google.log.count('SpreadsheetApp.getActiveSpreadsheet')).toBe(0);
    expect(google.drive.documents()).toHaveLength(7);
    expect(filesRows().map((r) => r[FILES_COL.status])).toEqual(Array(7).fill(STATUS.created));
    expect(google.triggers.list).toHaveLength(0);
    expect(jobUnderWay('hoSo')).toBeNull();
  });

  it('a job under way is offered to carry on; dropping it keeps what was written and lets the user choose afresh', () => {
    google.drive.createMs = 100_000;
    startJob(dossierJob, null, google.clock);
    expect(jobOpen()).toMatchObject({ ok: true, value: { underWay: { done: 1, total: 7, units: null } } });
    expect(jobCancel('hoSo')).toEqual({ ok: true, value: true });
    expect(jobCancel('không có')).toMatchObject({ ok: false });
    expect(jobUnderWay('hoSo')).toBeNull();
    expect(google.drive.documents()).toHaveLength(1);
    google.drive.createMs = 0;
    run(['X04']);
    expect(filesRows().map((r) => r[FILES_COL.unitCode])).toEqual(['X04', 'X04', 'X04', 'X04', 'X01']);
    expect(google.drive.documents()).toHaveLength(5);
  });

  it('a trigger left by a user whose job someone else finished removes itself', () => {
    google.drive.createMs = 100_000;
    startJob(dossierJob, null, google.clock);
    expect(google.triggers.mine()).toHaveLength(1);
    google.spreadsheet.editors.push('noivu@huulung.gov.vn');
    google.ctx.effectiveUser = 'noivu@huulung.gov.vn';
    // The other user sees none of the first user's triggers, and the job goes on where it was.
    expect(google.triggers.mine()).toHaveLength(0);
    google.drive.createMs = 0;
    expect(continueJob(dossierJob, google.clock).finished).toBe(true);
    google.ctx.effectiveUser = OWNER;
    google.clock.advance(FALLBACK_AFTER_MS);
    runPendingJobs(JOBS, google.clock);
    expect(google.triggers.list).toHaveLength(0);
  });

  it('a second click cannot duplicate documents: the lock, the job’s lease, and a re-read under them', () => {
    google.drive.createMs = 100_000;
    startJob(dossierJob, null, google.clock);
    // A second dialog carries on the same job, not a new one.
    const second = startJob(dossierJob, ['X04'], google.clock);
    expect(second.total).toBe(7);
    // A runner holding the lease (a trigger mid-run) makes the dialog wait without writing.
    const props = google.documentProperties;
    const state = JSON.parse(props.getProperty('thidua.job.hoSo')!);
    props.setProperty('thidua.job.hoSo', JSON.stringify({ ...state, leaseBy: 'trigger', leaseUntil: google.clock.now() + 60_000 }));
    expect(continueJob(dossierJob, google.clock)).toMatchObject({ halted: true, message: BUSY_JOB });
    props.setProperty('thidua.job.hoSo', JSON.stringify(state));
    // Someone else writing: the step says so and writes nothing.
    google.lock.heldElsewhere = true;
    expect(continueJob(dossierJob, google.clock)).toMatchObject({ halted: true, message: BUSY_MESSAGE });
    google.lock.heldElsewhere = false;
    google.drive.createMs = 0;
    run();
    expect(google.drive.documents()).toHaveLength(7);
    expect(new Set(filesRows().map((r) => r[FILES_COL.id])).size).toBe(7);
  });

  it('an alert suspends the script and loses the lock, so nothing is asked while it is held', () => {
    withDocumentLock(() => {
      expect(google.lock.held).toBe(true);
      google.globals.SpreadsheetApp.getUi().alert('Thi đua', 'Tiếp tục?', google.ui.ButtonSet.YES_NO);
      expect(google.lock.held).toBe(false);
    });
    expect(google.lock.lost).toBe(1);
    // The dossier job never alerts: its questions are in the dialog, before any lock.
    google.lock.lost = 0;
    run();
    expect(google.ui.alerts).toHaveLength(1);
    expect(google.lock.lost).toBe(0);
  });

  it('refuses to write without a document lock, with a clear message', () => {
    google.access.documentLock = false;
    createDossiers();
    expect(google.ui.alerts[0]!.prompt).toBe(NO_LOCK_MESSAGE);
    expect(() => startJob(dossierJob, null, google.clock)).toThrow(NO_LOCK_MESSAGE);
    expect(continueJob(dossierJob, google.clock)).toMatchObject({ halted: true, message: NO_LOCK_MESSAGE });
    expect(google.drive.documents()).toHaveLength(0);
    expect(google.spreadsheet.sheet(FILES_SHEET)).toBeUndefined();
  });

  it('learns the daily limit from Google’s error: stops cleanly, says when to resume, warns before the next start', () => {
    withWorkbook(twoUnits(), { user: 'can.bo@gmail.com', owner: 'can.bo@gmail.com' });
    google.drive.failures.push({ method: 'create', kind: 'daily', after: 5 });
    const stopped = run();
    expect(stopped).toMatchObject({ finished: false, halted: true, done: 3 });
    expect(stopped.message).toContain('hết hạn mức trong ngày (tạo hoặc chuyển đổi tài liệu) («API call to drive.files.create failed with error: Daily Limit Exceeded»)');
    expect(stopped.message).toMatch(/khoảng \d\d:\d\d ngày 07\/01\/2023 hãy mở lại «Tạo hồ sơ»/);
    const warning = dossierJob.choice(google.globals.SpreadsheetApp.getActiveSpreadsheet() as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet, google.clock).warning;
    expect(warning).toContain('đã hết hạn mức trong ngày (tạo hoặc chuyển đổi tài liệu) (sau 3 tài liệu hôm đó)');

    google.clock.advance(24 * 3600_000);
    expect(continueJob(dossierJob, google.clock).finished).toBe(true);
    expect(google.drive.documents()).toHaveLength(7);
    expect(filesRows().map((r) => r[FILES_COL.status])).toEqual(Array(7).fill(STATUS.created));
    expect(dossierJob.choice(google.globals.SpreadsheetApp.getActiveSpreadsheet() as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet, google.clock).warning).toBe('');
  });

  it('does not guess a limit from the email domain: a gmail.com account is not stopped at 250', () => {
    withWorkbook(twoUnits(), { user: 'can.bo@gmail.com', owner: 'can.bo@gmail.com' });
    google.userProperties.setProperty('thidua.docsCreated', JSON.stringify({ day: '2023-01-06', count: 249 }));
    expect(run().finished).toBe(true);
    expect(google.drive.documents()).toHaveLength(7);
    expect(google.ui.alerts).toEqual([]);
  });

  it('never overwrites a «Hồ sơ» sheet of the user’s own', () => {
    const mine = google.spreadsheet.addSheet(FILES_SHEET, [['Ghi chú', 'Người phụ trách'], ['Nộp bản giấy trước 10/01', 'Chị Lan']]);
    expect(run()).toMatchObject({ finished: true, halted: true, message: FOREIGN_FILES_SHEET });
    expect(mine.dump()).toEqual([['Ghi chú', 'Người phụ trách'], ['Nộp bản giấy trước 10/01', 'Chị Lan']]);
    expect(google.drive.documents()).toHaveLength(0);
  });

  it('tells the user when no unit has an eligible nominee', () => {
    withWorkbook(twoUnits({ nominations: [] }));
    expect(run().message).toContain('không có hồ sơ để tạo');
    expect(google.spreadsheet.sheet(FILES_SHEET)).toBeUndefined();
  });

  it('hashes content so that any change shows', () => {
    expect(contentHash('a')).not.toBe(contentHash('b'));
    expect(contentHash('Nguyễn Văn An')).toBe(contentHash('Nguyễn Văn An'));
  });
});

describe('Drive errors, told apart by what to do', () => {
  it.each([
    ['API call to drive.files.get failed with error: File not found: 1AbC.', 'notFound'],
    ['API call to drive.files.get failed with error: The user does not have sufficient permissions for file 1AbC.', 'noAccess'],
    ['API call to drive.files.get failed with error: The user has not granted the app 123 read access to the file 1AbC.', 'noAccess'],
    ['API call to drive.files.create failed with error: User rate limit exceeded.', 'retry'],
    ['API call to drive.files.list failed with error: Too Many Requests', 'retry'],
    ['API call to drive.files.create failed with error: Rate Limit Exceeded', 'retry'],
    ['API call to drive.files.list failed with error: Internal Error', 'retry'],
    ["We're sorry, a server error occurred. Please wait a bit and try again.", 'retry'],
    ['Service invoked too many times in a short time: driveWriteVolume rateMax. Try Utilities.sleep(1000) between calls.', 'retry'],
    ['Service invoked too many times for one day: docs create.', 'daily'],
    ['API call to drive.files.create failed with error: Daily Limit Exceeded', 'daily'],
    ['API call to drive.files.create failed with error: The user has exceeded their Drive storage quota', 'daily'],
    ['Invalid argument: name', 'other'],
  ] as const)('%s → %s', (text, kind) => {
    expect(troubleKind(Object.assign(new Error(text), { name: 'GoogleJsonResponseException' }))).toBe(kind);
  });
});

describe('the fake triggers hold Apps Script’s rules for an add-on', () => {
  it('no more often than hourly, one clock trigger per user and document, each user sees only their own', () => {
    withWorkbook();
    const ScriptApp = google.globals.ScriptApp;
    expect(() => ScriptApp.newTrigger('continueJobs').timeBased().after(60_000).create()).toThrow('more often than once an hour');
    ScriptApp.newTrigger('continueJobs').timeBased().after(FALLBACK_AFTER_MS).create();
    expect(() => ScriptApp.newTrigger('continueJobs').timeBased().everyHours(1).create()).toThrow('too many time-based triggers');
    google.actAs('noivu@huulung.gov.vn');
    expect(ScriptApp.getProjectTriggers()).toHaveLength(0);
    ScriptApp.newTrigger('continueJobs').timeBased().after(FALLBACK_AFTER_MS).create();
    expect(google.triggers.list).toHaveLength(2);
  });
});

describe('saved state within the property limits (9 KB a value, 500 KB a store)', () => {
  it('the fake refuses a value over 9 KB and a store over 500 KB, as Apps Script does', () => {
    const props = new FakeProperties();
    expect(() => props.setProperty('k', 'x'.repeat(9 * 1024 + 1))).toThrow('Argument too large: value');
    for (let i = 0; i < 56; i++) props.setProperty(`k${i}`, 'x'.repeat(9000));
    expect(() => props.setProperty('more', 'x'.repeat(9000))).toThrow('property storage quota');
  });

  it('a job over 5,000 chosen units is saved in pieces and read back whole', () => {
    const props = new FakeProperties();
    const codes = Array.from({ length: 5000 }, (_, i) => `XA${String(i).padStart(4, '0')}`);
    saveJson(props as unknown as GoogleAppsScript.Properties.Properties, 'thidua.job.hoSo', { units: codes });
    expect(loadJson(props as unknown as GoogleAppsScript.Properties.Properties, 'thidua.job.hoSo', z.object({ units: z.array(z.string()) }))).toEqual({ units: codes });
    expect(props.size()).toBeLessThan(100 * 1024);
    // Shorter again: the pieces no longer needed are deleted.
    saveJson(props as unknown as GoogleAppsScript.Properties.Properties, 'thidua.job.hoSo', { units: ['X01'] });
    expect([...props.data.keys()].sort()).toEqual(['thidua.job.hoSo', 'thidua.job.hoSo.n']);
  });
});
