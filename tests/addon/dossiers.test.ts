import { buildDossiers, plainText } from '../../src/core/documents';
import type { DocModel, DossierDocument } from '../../src/core/documents';
import { DOSSIER_COL, evaluate, NOMINATION_COL as N } from '../../src/core';
import { A4_PT, pt, renderDocument, ruleText } from '../../src/addon/docsWriter';
import { FILES_COL, FILES_SHEET, FOREIGN_FILES_SHEET, STATUS, TIME_BOX_MS, contentHash, dailyLimit, runDossierJob } from '../../src/addon/dossierJob';
import type { FakeDocument, FakeGoogle, FakeParagraph, FakeTable } from '../fakes';
import { allParagraphs, counted, fakeGoogle, loadWorkbook } from '../fakes';
import { asInSheets } from './workbooks';
import { oneUnitWith, twoUnits } from './dossierWorkbooks';

let google: FakeGoogle;

function withWorkbook(input = twoUnits(), options: Parameters<typeof fakeGoogle>[0] = {}): void {
  google = fakeGoogle(options);
  google.install();
  loadWorkbook(google, input);
}

const run = (interactive = true) => runDossierJob({ interactive, clock: google.clock });

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

describe('Tạo hồ sơ', () => {
  beforeEach(() => withWorkbook());

  it('makes a folder per unit inside «Thi đua - Hồ sơ 2022», the documents in it, and lists them in one write', () => {
    run();
    const [parent] = google.drive.foldersIn(google.drive.root);
    expect(parent!.name).toBe('Thi đua - Hồ sơ 2022');
    const units = google.drive.foldersIn(parent!);
    expect(units.map((f) => f.name).sort()).toEqual(['X01 - UBND xã Cai Kinh', 'X04 - UBND xã Yên Bình']);
    const x04 = units.find((f) => f.name.startsWith('X04'))!;
    expect(x04.list().map((f) => f.name)).toEqual(documentsOf().filter((d) => d.title.startsWith('X04')).map((d) => d.title));

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
      expect(doc.closed).toBe(true);
      expect(doc.name).toBe(r[FILES_COL.fileName]);
      expect(r[FILES_COL.hash]).toMatch(/^[0-9a-f]{14}$/);
      expect(r[FILES_COL.updated]).toBeInstanceOf(Date);
    }
    expect(google.log.count('Range.setValues')).toBe(1);
    expect(google.spreadsheet.toasts.at(-1)!.message).toContain('7 tạo mới, 0 cập nhật, 0 không đổi, 0 lỗi');
    // Each folder's ID in a property of its own, so the next run finds the same folders.
    expect(google.documentProperties.getProperty('thidua.hoSo.folder.2022.X04')).toBe(x04.id);
    expect(google.documentProperties.getProperty('thidua.hoSo.folder.2022')).toBe(parent!.id);
    expect(google.lock.held).toBe(false);
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
    expect(google.log.count('DocumentApp.create') + google.log.count('DocumentApp.openById')).toBe(0);
    expect(google.log.count('Range.setValues')).toBe(1);
  });

  it('a changed nominee updates only its unit’s documents that show it, in place', () => {
    run();
    const before = filesRows();
    setCell('Đề nghị', 3, N.summary, 'Tham mưu đơn giản hóa 15 thủ tục.');
    run();
    const after = filesRows();
    expect(after.map((r) => r[FILES_COL.id])).toEqual(before.map((r) => r[FILES_COL.id]));
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

  it('makes only the units of the rows selected in «Đề nghị»', () => {
    google.spreadsheet.select('Đề nghị', 'B4:D4');
    run();
    expect(filesRows().map((r) => r[FILES_COL.unitCode])).toEqual(['X01', 'X01', 'X01']);
    google.spreadsheet.select('Đề nghị', 'A1:A1');
    run();
    expect(filesRows()).toHaveLength(7);
  });

  it('a document the user deleted is made again; one that fails is marked «Lỗi» and retried next time', () => {
    google.drive.failOn = 'Nguyễn Văn An';
    run();
    const rows = filesRows();
    expect(rows[6]![FILES_COL.status]).toBe('Lỗi: Service Documents failed while accessing document. (tài liệu «X04 - UBND xã Yên Bình - Báo cáo thành tích - Nguyễn Văn An»)');
    expect(rows[6]![FILES_COL.id]).toBe('');
    expect(google.spreadsheet.toasts.at(-1)!.message).toContain('6 tạo mới, 0 cập nhật, 0 không đổi, 1 lỗi');

    google.drive.failOn = null;
    google.drive.file(String(rows[3]![FILES_COL.id])).setTrashed(true);
    // A change to X04's minutes, so they are written again: into a new document, the old one is in the bin.
    setCell('Hồ sơ đơn vị', 2, DOSSIER_COL.meetingPlace, 'Nhà văn hóa xã Yên Bình');
    run();
    const after = filesRows();
    expect(after.map((r) => r[FILES_COL.status])).toEqual([...Array(3).fill(STATUS.unchanged), STATUS.created, STATUS.unchanged, STATUS.unchanged, STATUS.created]);
    expect(after[3]![FILES_COL.id]).not.toBe(rows[3]![FILES_COL.id]);
    expect(docById(after[3]![FILES_COL.id]).dump()).toContain('Nhà văn hóa xã Yên Bình');
  });

  it('stops before the time limit, saves where it was, and a one-off trigger finishes the job', () => {
    google.drive.createMs = 70_000;
    run();
    // 4 documents take 4 min 40 s: the other 3 are left for later.
    expect(google.drive.documents()).toHaveLength(4);
    expect(google.spreadsheet.toasts.at(-1)!.message).toBe('Đã tạo 4/7 tài liệu; bấm Tạo hồ sơ lần nữa hoặc chờ để tiếp tục.');
    expect(google.triggers.list.map((t) => t.handler)).toEqual(['continueDossiers']);
    expect(filesRows()).toHaveLength(4);
    expect(google.documentProperties.getProperty('thidua.hoSo.job')).toContain('"done":4');

    google.clock.advance(60_000);
    google.log.reset();
    run(false);
    expect(google.triggers.list).toHaveLength(0);
    expect(google.log.count('ScriptApp.deleteTrigger')).toBe(1);
    expect(google.spreadsheet.toasts.map((t) => t.message)).toContain('Làm tiếp việc tạo hồ sơ đã dừng (4/7): đang tạo 3 tài liệu cho 2 đơn vị; mỗi tài liệu mất vài giây…');
    expect(google.drive.documents()).toHaveLength(7);
    const rows = filesRows();
    expect(rows.map((r) => r[FILES_COL.status])).toEqual(Array(7).fill(STATUS.created));
    expect(google.documentProperties.getProperty('thidua.hoSo.job')).toBeNull();
    expect(TIME_BOX_MS).toBe(270_000);
  });

  it('a continuation that finds someone else working waits for the next minute, with one trigger only', () => {
    google.drive.createMs = 100_000;
    run();
    const first = google.triggers.list[0]!.id;
    google.lock.heldElsewhere = true;
    run(false);
    expect(google.triggers.list.map((t) => t.id)).not.toContain(first);
    expect(google.triggers.list).toHaveLength(1);
    google.lock.heldElsewhere = false;
    google.drive.createMs = 0;
    run(false);
    expect(google.triggers.list).toHaveLength(0);
    expect(google.drive.documents()).toHaveLength(7);
  });

  it('the menu during a pending continuation carries on the same job and removes the trigger', () => {
    google.drive.createMs = 100_000;
    google.spreadsheet.select('Đề nghị', 'A2:A3');
    run();
    expect(google.drive.documents()).toHaveLength(3);
    expect(google.triggers.list).toHaveLength(1);
    // Another selection: the menu still finishes the job it started (X04), then the job is over.
    google.spreadsheet.select('Đề nghị', 'A4');
    run();
    expect(google.triggers.list).toHaveLength(0);
    expect(google.drive.documents()).toHaveLength(4);
    expect(filesRows().map((r) => r[FILES_COL.unitCode])).toEqual(['X04', 'X04', 'X04', 'X04']);
    // The trigger that was deleted would do nothing had it fired.
    run(false);
    expect(google.drive.documents()).toHaveLength(4);
  });

  it('warns before the daily quota, and stops at it', () => {
    withWorkbook(twoUnits(), { user: 'can.bo@gmail.com' });
    const today = '2023-01-06';
    google.userProperties.setProperty('thidua.docsCreated', JSON.stringify({ day: today, count: 247 }));
    google.ui.answers.push('NO');
    run();
    expect(google.ui.alerts[0]!.prompt).toContain('khoảng 250 tài liệu mỗi ngày (ước tính)');
    expect(google.drive.documents()).toHaveLength(0);

    google.ui.answers.push('YES');
    run();
    expect(google.drive.documents()).toHaveLength(3);
    expect(google.ui.alerts.at(-1)!.prompt).toContain('Đã đạt giới hạn ước tính 250 tài liệu');
    expect(JSON.parse(google.userProperties.getProperty('thidua.docsCreated')!)).toEqual({ day: today, count: 250 });
    expect(google.triggers.list).toHaveLength(0);

    // The next day the rest is made, and nothing twice.
    google.clock.advance(24 * 3600_000);
    run();
    expect(google.drive.documents()).toHaveLength(7);
    expect(filesRows().map((r) => r[FILES_COL.status])).toEqual([...Array(3).fill(STATUS.unchanged), ...Array(4).fill(STATUS.created)]);
  });

  it('estimates the quota from the email domain', () => {
    expect(dailyLimit('a@gmail.com')).toEqual({ limit: 250, consumer: true });
    expect(dailyLimit('a@GoogleMail.com')).toEqual({ limit: 250, consumer: true });
    expect(dailyLimit('chu.tich@huulung.gov.vn')).toEqual({ limit: 1500, consumer: false });
    expect(dailyLimit('')).toEqual({ limit: 250, consumer: true });
    withWorkbook();
    google.userProperties.setProperty('thidua.docsCreated', JSON.stringify({ day: '2023-01-06', count: 1490 }));
    run();
    expect(google.ui.alerts).toEqual([]);
    expect(google.drive.documents()).toHaveLength(7);
  });

  it('never overwrites a «Hồ sơ» sheet of the user’s own', () => {
    const mine = google.spreadsheet.addSheet(FILES_SHEET, [['Ghi chú', 'Người phụ trách'], ['Nộp bản giấy trước 10/01', 'Chị Lan']]);
    run();
    expect(google.ui.alerts[0]!.prompt).toBe(FOREIGN_FILES_SHEET);
    expect(mine.dump()).toEqual([['Ghi chú', 'Người phụ trách'], ['Nộp bản giấy trước 10/01', 'Chị Lan']]);
    expect(google.drive.documents()).toHaveLength(0);
  });

  it('tells the user when no unit has an eligible nominee', () => {
    withWorkbook(twoUnits({ nominations: [] }));
    run();
    expect(google.ui.alerts[0]!.prompt).toContain('không có hồ sơ để tạo');
    expect(google.spreadsheet.sheet(FILES_SHEET)).toBeUndefined();
  });

  it('hashes content so that any change shows', () => {
    expect(contentHash('a')).not.toBe(contentHash('b'));
    expect(contentHash('Nguyễn Văn An')).toBe(contentHash('Nguyễn Văn An'));
  });
});
