/**
 * The dossiers as Google Docs (rule D): «Tạo hồ sơ» writes each selected unit's documents into
 * its Drive folder and lists them in the `Hồ sơ` sheet; «Tạo mẫu hồ sơ» gives the user editable
 * templates; «Xuất PDF hồ sơ» saves a PDF beside each document.
 *
 * A run reads the workbook once and writes the `Hồ sơ` sheet once. A document is found again by
 * the ID in that sheet, so a re-run updates it in place (same link) and never makes a second
 * one; one whose content did not change is not touched. A run stops after 4.5 minutes (Apps
 * Script stops at 6), saves where it was, and a one-off trigger carries on a minute later.
 */
import * as z from 'zod/mini';
import type { DossierDocument, DossierKind, UnitDossierDocs } from '../core/documents';
import { buildDossiers } from '../core/documents';
import { SHEET, UNIT_COL } from '../core/contract';
import { evaluate } from '../core/evaluate';
import type { CellValue, WorkbookInput } from '../core/model';
import type { Evaluation, OutputSheet, RowMark } from '../core/results';
import { UnreadableWorkbook } from '../core/sheets';
import { calendarDateOf, normalizeKey } from '../core/text';
import { renderDocument } from './docsWriter';
import { TEMPLATE_TITLE, fillTemplate, templateModels } from './dossierTemplates';
import { escapeHtml, showDialog } from './html';
import { withDocumentLock } from './lock';
import { SheetIndex, findHeader, readInputSheets, writeOutputSheet } from './sheetIO';

type Document = GoogleAppsScript.Document.Document;
type Body = GoogleAppsScript.Document.Body;
type Folder = GoogleAppsScript.Drive.Folder;
type Properties = GoogleAppsScript.Properties.Properties;

const TITLE = 'Thi đua';

/** Time the script sees; tests drive it. */
export interface Clock {
  now(): number;
}
export const systemClock: Clock = { now: () => Date.now() };

/** Apps Script stops an execution at 6 minutes: stop early enough to write what was done. */
export const TIME_BOX_MS = 4.5 * 60 * 1000;
/** When the continuation trigger fires after a stop. */
export const CONTINUE_AFTER_MS = 60 * 1000;
export const CONTINUE_HANDLER = 'continueDossiers';
/** A toast of progress every this many documents written. */
const PROGRESS_EVERY = 10;
/** Changed when the renderer changes, so a re-run rewrites documents made by an older one. */
const RENDERER_VERSION = 'docs-1';

/** Google Docs created per day (Apps Script quotas); an estimate: Google counts over a rolling day. */
export const DAILY_DOCS = { consumer: 250, workspace: 1500 } as const;

export const FILES_SHEET = SHEET.documents;
export const FILES_COL = {
  unitCode: 'Mã đơn vị',
  unitName: 'Đơn vị',
  kind: 'Tài liệu',
  nominee: 'Tập thể / cá nhân',
  fileName: 'Tên tệp',
  link: 'Liên kết',
  status: 'Trạng thái',
  updated: 'Cập nhật lúc',
  missing: 'Còn thiếu',
  hash: 'Mã nội dung',
  id: 'ID tài liệu',
} as const;
const FILES_HEADER = Object.values(FILES_COL);

export const STATUS = {
  created: 'Đã tạo',
  updated: 'Đã cập nhật',
  unchanged: 'Không đổi',
  error: 'Lỗi',
  gone: 'Không còn trong hồ sơ (tài liệu được giữ nguyên)',
} as const;

export const KIND_NAME: Record<DossierKind, string> = { D1: 'Biên bản họp xét', D2: 'Tờ trình', D3: 'Báo cáo thành tích' };

const PROP = {
  job: 'thidua.hoSo.job',
  /** `thidua.hoSo.folder.<năm>` and `thidua.hoSo.folder.<năm>.<mã đơn vị>`. */
  folders: 'thidua.hoSo.folder',
  templates: 'thidua.hoSo.templates',
  templateFolder: 'thidua.hoSo.templateFolder',
  created: 'thidua.docsCreated',
} as const;

// ---------- small pure helpers ----------

/** A 53-bit hash (cyrb53) of a string, as 14 hex digits: enough to tell a changed document. */
export function contentHash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

/** Consumer accounts may create 250 documents a day, Workspace accounts 1,500 (by the email's domain). */
export function dailyLimit(email: string): { limit: number; consumer: boolean } {
  const domain = email.split('@')[1]?.trim().toLowerCase() ?? '';
  const consumer = domain === '' || domain === 'gmail.com' || domain === 'googlemail.com';
  return { limit: consumer ? DAILY_DOCS.consumer : DAILY_DOCS.workspace, consumer };
}

const nomineeOf = (d: DossierDocument): string => (d.kind === 'D3' ? (d.placeholders.fields['ten']?.text ?? '') : '');

/** How a document is found again: unit, kind, nominee (and which one, for namesakes). */
function keyMaker(): (unitCode: string, kind: string, nominee: string) => string {
  const seen = new Map<string, number>();
  return (unitCode, kind, nominee) => {
    const base = `${normalizeKey(unitCode)}|${normalizeKey(kind)}|${normalizeKey(nominee)}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return `${base}|${n}`;
  };
}

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';

// ---------- the `Hồ sơ` sheet ----------

export interface FileRecord {
  key: string;
  unitCode: string;
  unitName: string;
  kind: string;
  nominee: string;
  fileName: string;
  link: string;
  status: string;
  updated: Date | string;
  missing: string;
  hash: string;
  id: string;
}

/** A `Hồ sơ` sheet the add-on did not write: it is the user's, and is never overwritten. */
export const FOREIGN_FILES_SHEET = `Bảng tính đã có trang «${FILES_SHEET}» không do Thi đua tạo (hàng 1 không có các cột «${FILES_COL.unitCode}», «${FILES_COL.id}»). Đổi tên trang đó rồi chạy lại: Thi đua ghi danh sách tài liệu vào trang «${FILES_SHEET}».`;

/** The rows of `Hồ sơ`, read once, by key (sheet order kept); null if that sheet is the user's own. */
function readRecords(index: SheetIndex): Map<string, FileRecord> | null {
  const records = new Map<string, FileRecord>();
  const sheet = index.find(FILES_SHEET);
  if (!sheet) return records;
  const values = sheet.getDataRange().getValues() as CellValue[][];
  const header = (values[0] ?? []).map((h) => normalizeKey(String(h ?? '')));
  const col = (name: string) => header.indexOf(normalizeKey(name));
  const columns = Object.fromEntries(Object.entries(FILES_COL).map(([k, name]) => [k, col(name)])) as Record<keyof typeof FILES_COL, number>;
  const blank = values.every((row) => row.every((v) => v === '' || v === null || v === undefined));
  if (!blank && (columns.unitCode < 0 || columns.id < 0)) return null;
  const key = keyMaker();
  for (const row of values.slice(1)) {
    const text = (c: number) => (c >= 0 && row[c] !== null && row[c] !== undefined ? String(row[c]).trim() : '');
    const unitCode = text(columns.unitCode);
    if (!unitCode) continue;
    const updated = columns.updated >= 0 ? row[columns.updated] : '';
    const record: FileRecord = {
      key: key(unitCode, text(columns.kind), text(columns.nominee)),
      unitCode,
      unitName: text(columns.unitName),
      kind: text(columns.kind),
      nominee: text(columns.nominee),
      fileName: text(columns.fileName),
      link: text(columns.link),
      status: text(columns.status),
      updated: updated instanceof Date || Object.prototype.toString.call(updated) === '[object Date]' ? (updated as Date) : text(columns.updated),
      missing: text(columns.missing),
      hash: text(columns.hash),
      id: text(columns.id),
    };
    records.set(record.key, record);
  }
  return records;
}

const timeOf = (v: Date | string): number => (typeof v === 'string' ? NaN : v.getTime());

function filesSheet(records: FileRecord[]): OutputSheet {
  const mark = (r: FileRecord): RowMark => (r.status.startsWith(STATUS.error) ? 'ineligible' : r.status === STATUS.gone ? 'warning' : null);
  return {
    name: FILES_SHEET,
    header: [...FILES_HEADER],
    rows: records.map((r) => [r.unitCode, r.unitName, r.kind, r.nominee, r.fileName, r.link, r.status, r.updated, r.missing, r.hash, r.id]),
    marks: records.map(mark),
  };
}

// ---------- saved state (document and user properties, checked at the boundary) ----------

const jobSchema = z.object({
  startedAt: z.number(),
  units: z.nullable(z.array(z.string())),
  triggerId: z.nullable(z.string()),
  done: z.number(),
  total: z.number(),
});
type Job = z.infer<typeof jobSchema>;

const templatesSchema = z.record(z.string(), z.string());
const createdSchema = z.object({ day: z.string(), count: z.number() });

function readJson<T>(props: Properties, key: string, schema: z.ZodMiniType<T>): T | null {
  const raw = props.getProperty(key);
  if (!raw) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Today's count of documents this user created, kept per day in user properties. */
class DailyCount {
  count: number;
  private readonly day: string;
  constructor(
    private readonly props: Properties,
    now: number,
    timeZone: string,
  ) {
    const d = calendarDateOf(new Date(now), timeZone);
    this.day = `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
    const saved = readJson(props, PROP.created, createdSchema);
    this.count = saved?.day === this.day ? saved.count : 0;
  }
  save(): void {
    this.props.setProperty(PROP.created, JSON.stringify({ day: this.day, count: this.count }));
  }
}

function deleteTrigger(id: string | null): void {
  if (!id) return;
  for (const trigger of ScriptApp.getProjectTriggers()) {
    if (trigger.getUniqueId() === id) ScriptApp.deleteTrigger(trigger);
  }
}

// ---------- Drive folders ----------

/**
 * «Thi đua - Hồ sơ <năm>» and a folder per unit in it, made once and found again by ID. Each ID
 * is a property of its own (a property holds at most 9 KB; a province has hundreds of units),
 * all read in one call.
 */
class Folders {
  private readonly saved: Record<string, string>;
  private parentFolder: Folder | null = null;
  private readonly units = new Map<string, Folder>();

  constructor(
    private readonly props: Properties,
    private readonly year: string,
  ) {
    this.saved = props.getProperties();
  }

  private key(code?: string): string {
    return code === undefined ? `${PROP.folders}.${this.year}` : `${PROP.folders}.${this.year}.${code}`;
  }

  private static open(id: string | undefined): Folder | null {
    if (!id) return null;
    try {
      const folder = DriveApp.getFolderById(id);
      return folder.isTrashed() ? null : folder;
    } catch {
      return null;
    }
  }

  private remember(key: string, folder: Folder): void {
    const id = folder.getId();
    this.saved[key] = id;
    this.props.setProperty(key, id);
  }

  parent(): Folder {
    if (this.parentFolder) return this.parentFolder;
    let folder = Folders.open(this.saved[this.key()]);
    if (!folder) {
      folder = DriveApp.createFolder(`Thi đua - Hồ sơ ${this.year}`);
      this.remember(this.key(), folder);
    }
    this.parentFolder = folder;
    return folder;
  }

  unit(code: string, name: string): Folder {
    const known = this.units.get(code);
    if (known) return known;
    let folder = Folders.open(this.saved[this.key(code)]);
    if (!folder) {
      folder = this.parent().createFolder(name ? `${code} - ${name}` : code);
      this.remember(this.key(code), folder);
    }
    this.units.set(code, folder);
    return folder;
  }
}

// ---------- templates ----------

interface UserTemplate {
  id: string;
  /** When the user last changed it: part of the content hash, so an edited template rewrites. */
  stamp: number;
  body: Body | null;
}

/** The user's templates that still exist (a trashed one means: back to the default). */
function readTemplates(props: Properties): Map<DossierKind, UserTemplate> {
  const ids = readJson(props, PROP.templates, templatesSchema) ?? {};
  const out = new Map<DossierKind, UserTemplate>();
  for (const kind of ['D1', 'D2', 'D3'] as const) {
    const id = ids[kind];
    if (!id) continue;
    try {
      const file = DriveApp.getFileById(id);
      if (!file.isTrashed()) out.set(kind, { id, stamp: file.getLastUpdated().getTime(), body: null });
    } catch {
      // Deleted for good: the default layout is used.
    }
  }
  return out;
}

/** Puts a template's content into an existing document's body (an update keeps the link). */
function copyBody(from: Body, to: Body): void {
  const T = DocumentApp.ElementType;
  to.clear();
  to.setPageWidth(from.getPageWidth()).setPageHeight(from.getPageHeight());
  to.setMarginTop(from.getMarginTop()).setMarginBottom(from.getMarginBottom()).setMarginLeft(from.getMarginLeft()).setMarginRight(from.getMarginRight());
  const count = from.getNumChildren();
  for (let i = 0; i < count; i++) {
    const child = from.getChild(i);
    const type = child.getType();
    if (type === T.PARAGRAPH) to.appendParagraph(child.asParagraph().copy());
    else if (type === T.TABLE) to.appendTable(child.asTable().copy());
    else if (type === T.LIST_ITEM) to.appendListItem(child.asListItem().copy());
  }
  // The empty paragraph `clear` leaves comes first: drop it.
  if (to.getNumChildren() > 1) to.getChild(0).removeFromParent();
}

// ---------- one document ----------

interface Task {
  key: string;
  unit: UnitDossierDocs;
  d: DossierDocument;
  hash: string;
  template: UserTemplate | undefined;
}

/** A document written: its ID and link are read before it is closed (a closed Document answers nothing). */
interface Written {
  id: string;
  url: string;
  created: boolean;
  missing: string[];
}

function templateBody(t: UserTemplate): Body {
  t.body ??= DocumentApp.openById(t.id).getBody();
  return t.body;
}

function fill(body: Body, t: Task): string[] {
  return fillTemplate(body, t.d.placeholders, TEMPLATE_TITLE[t.d.kind]);
}

/** A document that exists but could not be filled: its ID is kept, so the next run retries it in place. */
class DocumentError extends Error {
  constructor(
    cause: unknown,
    readonly id: string,
    readonly url: string,
    readonly created: boolean,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = cause instanceof Error ? cause.name : 'Error';
  }
}

/** Fills `doc` with `write`, saving it whatever happens. */
function completed(doc: Document, created: boolean, write: () => string[]): Written {
  const id = doc.getId();
  const url = doc.getUrl();
  try {
    return { id, url, created, missing: write() };
  } catch (error) {
    throw new DocumentError(error, id, url, created);
  } finally {
    doc.saveAndClose();
  }
}

/** Updates the document of `old` if it is still there, else creates one in the unit's folder. */
function writeDocument(t: Task, old: FileRecord | undefined, folders: Folders): Written {
  let doc: Document | null = null;
  if (old?.id) {
    try {
      if (!DriveApp.getFileById(old.id).isTrashed()) doc = DocumentApp.openById(old.id);
    } catch {
      doc = null; // deleted for good: made again
    }
  }
  const template = t.template;
  if (doc) {
    const existing = doc;
    return completed(existing, false, () => {
      if (existing.getName() !== t.d.title) existing.setName(t.d.title);
      const body = existing.getBody();
      if (!template) {
        renderDocument(body, t.d.doc);
        return t.d.missing;
      }
      copyBody(templateBody(template), body);
      return fill(body, t);
    });
  }
  const folder = folders.unit(t.unit.unitCode, t.unit.unitName);
  if (template) {
    const copy = DriveApp.getFileById(template.id).makeCopy(t.d.title, folder);
    const made = DocumentApp.openById(copy.getId());
    return completed(made, true, () => fill(made.getBody(), t));
  }
  const made = DocumentApp.create(t.d.title);
  return completed(made, true, () => {
    DriveApp.getFileById(made.getId()).moveTo(folder);
    renderDocument(made.getBody(), t.d.doc);
    return t.d.missing;
  });
}

// ---------- the run ----------

export interface JobOptions {
  /** From the menu (may ask and alert) or from the continuation trigger (may not). */
  interactive: boolean;
  clock?: Clock;
}

/** The units of the rows selected in `Đề nghị` or `Đơn vị`; null (all units) otherwise. */
function selectedUnits(index: SheetIndex, input: WorkbookInput): string[] | null {
  const range = index.spreadsheet.getActiveRange();
  if (!range) return null;
  const key = normalizeKey(range.getSheet().getName());
  if (key !== normalizeKey(SHEET.nominations) && key !== normalizeKey(SHEET.units)) return null;
  const sheet = input.sheets.find((s) => normalizeKey(s.name) === key);
  const header = sheet && findHeader(sheet, UNIT_COL.code);
  if (!sheet || !header) return null;
  const first = Math.max(range.getRow(), header.row + 1);
  const last = range.getRow() + range.getNumRows() - 1;
  const codes = new Set<string>();
  for (let r = first; r <= last && r <= sheet.values.length; r++) {
    const code = String(sheet.values[r - 1]?.[header.column - 1] ?? '').trim();
    if (code) codes.add(code);
  }
  return codes.size ? [...codes] : null;
}

function tell(interactive: boolean, spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, text: string): void {
  if (interactive) {
    const ui = SpreadsheetApp.getUi();
    ui.alert(TITLE, text, ui.ButtonSet.OK);
  } else {
    spreadsheet.toast(text, TITLE, 30);
  }
}

/** Menu «Tạo hồ sơ». */
export function createDossiers(): void {
  runDossierJob({ interactive: true });
}

/** The one-off trigger that carries on a stopped «Tạo hồ sơ». */
export function continueDossiers(_e?: GoogleAppsScript.Events.TimeDriven): void {
  runDossierJob({ interactive: false });
}

/** Someone else holds the lock when the trigger fires: the job waits for the next one. */
function retryLater(): void {
  const props = PropertiesService.getDocumentProperties();
  const job = readJson(props, PROP.job, jobSchema);
  if (!job) return;
  deleteTrigger(job.triggerId);
  const trigger = ScriptApp.newTrigger(CONTINUE_HANDLER).timeBased().after(CONTINUE_AFTER_MS).create();
  props.setProperty(PROP.job, JSON.stringify({ ...job, triggerId: trigger.getUniqueId() }));
}

export function runDossierJob(options: JobOptions): void {
  withDocumentLock(() => dossierJob(options), options.interactive ? undefined : retryLater);
}

function dossierJob({ interactive, clock = systemClock }: JobOptions): void {
  const started = clock.now();
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const props = PropertiesService.getDocumentProperties();
  const job = readJson(props, PROP.job, jobSchema);
  // This run does the work of any continuation still pending.
  deleteTrigger(job?.triggerId ?? null);
  if (!interactive && !job) return;
  const clearJob = () => props.deleteProperty(PROP.job);

  const index = new SheetIndex(spreadsheet);
  const input = readInputSheets(index);
  let evaluation: Evaluation;
  try {
    evaluation = evaluate(input);
  } catch (error) {
    if (!(error instanceof UnreadableWorkbook)) throw error;
    clearJob();
    tell(interactive, spreadsheet, `${error.message}\n\nChọn menu Thi đua › Khởi tạo bảng tính để tạo các trang còn thiếu.`);
    return;
  }

  const units = job ? job.units : selectedUnits(index, input);
  const wanted = units && new Set(units.map(normalizeKey));
  const chosen = buildDossiers(evaluation).filter((u) => !wanted || wanted.has(normalizeKey(u.unitCode)));
  if (!chosen.length) {
    clearJob();
    const where = units ? ` trong các hàng đã chọn (${units.join(', ')})` : '';
    tell(interactive, spreadsheet, `Không có đơn vị nào${where} có đề nghị đủ điều kiện, nên không có hồ sơ để tạo. Chạy «Kiểm tra điều kiện» để xem lý do.`);
    return;
  }

  const templates = readTemplates(props);
  const key = keyMaker();
  const tasks: Task[] = chosen.flatMap((unit) =>
    unit.documents.map((d) => {
      const template = templates.get(d.kind);
      const content = template ? { template: template.id, stamp: template.stamp, values: d.placeholders } : d.doc;
      return {
        key: key(unit.unitCode, KIND_NAME[d.kind], nomineeOf(d)),
        unit,
        d,
        template,
        hash: contentHash(`${RENDERER_VERSION}\n${d.title}\n${JSON.stringify(content)}`),
      };
    }),
  );
  const records = readRecords(index);
  if (!records) {
    clearJob();
    tell(interactive, spreadsheet, FOREIGN_FILES_SHEET);
    return;
  }

  const quota = new DailyCount(PropertiesService.getUserProperties(), started, spreadsheet.getSpreadsheetTimeZone());
  const { limit, consumer } = dailyLimit(Session.getEffectiveUser().getEmail());
  const account = consumer ? 'tài khoản Google cá nhân' : 'tài khoản Google Workspace';
  const needed = tasks.filter((t) => !records.get(t.key)?.id).length;
  if (quota.count + needed > limit && interactive) {
    const ui = SpreadsheetApp.getUi();
    const answer = ui.alert(
      TITLE,
      `Lần này cần tạo mới ${needed} tài liệu; hôm nay đã tạo ${quota.count}. Google cho ${account} tạo khoảng ${limit} tài liệu mỗi ngày (ước tính), ` +
        `nên chỉ tạo được thêm ${Math.max(0, limit - quota.count)}. Tiếp tục tạo đến giới hạn? (Phần còn lại tạo vào ngày mai bằng cách bấm Tạo hồ sơ lần nữa.)`,
      ui.ButtonSet.YES_NO,
    );
    if (answer !== ui.Button.YES) {
      spreadsheet.toast('Đã hủy tạo hồ sơ; chưa tạo tài liệu nào.', TITLE, 10);
      return;
    }
  }

  const year = evaluation.workbook.settings.year === null ? 'chưa rõ năm' : String(evaluation.workbook.settings.year);
  const folders = new Folders(props, year);
  const toWrite = tasks.filter((t) => records.get(t.key)?.hash !== t.hash || !records.get(t.key)?.id).length;
  if (toWrite > 0) {
    const again = job ? `Làm tiếp việc tạo hồ sơ đã dừng (${job.done}/${job.total}): ` : '';
    spreadsheet.toast(`${again}đang tạo ${toWrite} tài liệu cho ${chosen.length} đơn vị; mỗi tài liệu mất vài giây…`, TITLE, 10);
  }
  const count = { created: 0, updated: 0, unchanged: 0, errors: 0 };
  let stopped: 'time' | 'quota' | null = null;
  let next = 0;
  for (; next < tasks.length; next++) {
    const t = tasks[next]!;
    const old = records.get(t.key);
    if (old?.id && old.hash === t.hash) {
      // Done earlier in this same job: it keeps the status it got then.
      if (!(job && timeOf(old.updated) >= job.startedAt)) records.set(t.key, { ...old, status: STATUS.unchanged });
      count.unchanged++;
      continue;
    }
    if (clock.now() - started >= TIME_BOX_MS) {
      stopped = 'time';
      break;
    }
    if (!old?.id && quota.count >= limit) {
      stopped = 'quota';
      break;
    }
    const base = {
      key: t.key,
      unitCode: t.unit.unitCode,
      unitName: t.unit.unitName,
      kind: KIND_NAME[t.d.kind],
      nominee: nomineeOf(t.d),
      fileName: t.d.title,
    };
    try {
      const written = writeDocument(t, old, folders);
      if (written.created) quota.count++;
      count[written.created ? 'created' : 'updated']++;
      records.set(t.key, {
        ...base,
        link: written.url,
        status: written.created ? STATUS.created : STATUS.updated,
        updated: new Date(clock.now()),
        missing: written.missing.join('; '),
        hash: t.hash,
        id: written.id,
      });
    } catch (error) {
      count.errors++;
      const made = error instanceof DocumentError ? error : null;
      if (made?.created) quota.count++;
      const why = error instanceof DocumentError && error.name === 'TemplateError' ? error.message : `${message(error)} (tài liệu «${t.d.title}»)`;
      // No hash, so the next run tries again; a document already made keeps its ID and is reused.
      records.set(t.key, {
        ...base,
        link: made ? made.url : (old?.link ?? ''),
        status: `${STATUS.error}: ${why}`,
        updated: new Date(clock.now()),
        missing: '',
        hash: '',
        id: made ? made.id : (old?.id ?? ''),
      });
    }
    const written = count.created + count.updated + count.errors;
    if (written % PROGRESS_EVERY === 0) spreadsheet.toast(`Đang tạo hồ sơ: ${next + 1}/${tasks.length} tài liệu…`, TITLE, 10);
  }

  // A finished unit's earlier documents that it no longer has are kept and said so.
  if (!stopped) {
    const done = new Set(tasks.map((t) => t.key));
    const unitKeys = new Set(chosen.map((u) => normalizeKey(u.unitCode)));
    for (const r of records.values()) if (unitKeys.has(normalizeKey(r.unitCode)) && !done.has(r.key) && r.id) r.status = STATUS.gone;
  }
  writeOutputSheet(index, filesSheet(orderRecords(records, tasks)));
  quota.save();

  const summary = `${count.created} tạo mới, ${count.updated} cập nhật, ${count.unchanged} không đổi, ${count.errors} lỗi`;
  if (stopped === 'time') {
    const trigger = ScriptApp.newTrigger(CONTINUE_HANDLER).timeBased().after(CONTINUE_AFTER_MS).create();
    const state: Job = { startedAt: job?.startedAt ?? started, units, triggerId: trigger.getUniqueId(), done: next, total: tasks.length };
    props.setProperty(PROP.job, JSON.stringify(state));
    spreadsheet.toast(`Đã tạo ${next}/${tasks.length} tài liệu; bấm Tạo hồ sơ lần nữa hoặc chờ để tiếp tục.`, TITLE, 30);
    return;
  }
  clearJob();
  if (stopped === 'quota') {
    tell(
      interactive,
      spreadsheet,
      `Đã đạt giới hạn ước tính ${limit} tài liệu Google Docs mỗi ngày của ${account}: đã xử lý ${next}/${tasks.length} tài liệu (${summary}). ` +
        'Bấm Tạo hồ sơ lần nữa vào ngày mai để tạo phần còn lại; tài liệu đã tạo không bị tạo lại.',
    );
    return;
  }
  const errors = evaluation.result.errors.length;
  const check = errors ? ` Bảng tính có ${errors} lỗi dữ liệu: chạy «Kiểm tra điều kiện» để xem.` : '';
  spreadsheet.toast(`Hồ sơ ${chosen.length} đơn vị, ${tasks.length} tài liệu: ${summary}. Xem trang «${FILES_SHEET}».${check}`, TITLE, 15);
}

/** The sheet's rows: this run's documents in dossier order, then the others as they were. */
function orderRecords(records: Map<string, FileRecord>, tasks: Task[]): FileRecord[] {
  const position = new Map(tasks.map((t, i) => [t.key, i]));
  const inRun = [...records.values()].filter((r) => position.has(r.key)).sort((a, b) => position.get(a.key)! - position.get(b.key)!);
  const others = [...records.values()].filter((r) => !position.has(r.key));
  // Keep each unit's rows together: others of a unit in this run go right after it.
  const out: FileRecord[] = [];
  for (const r of inRun) {
    out.push(r);
    const next = inRun[inRun.indexOf(r) + 1];
    if (!next || next.unitCode !== r.unitCode) out.push(...others.filter((o) => o.unitCode === r.unitCode));
  }
  return [...out, ...others.filter((o) => !out.includes(o))];
}

// ---------- Tạo mẫu hồ sơ ----------

/** Menu «Tạo mẫu hồ sơ»: the three templates as Google Docs; ones the user already has are kept. */
export function createDossierTemplates(): void {
  withDocumentLock(() => {
    const props = PropertiesService.getDocumentProperties();
    const ids = readJson(props, PROP.templates, templatesSchema) ?? {};
    const existing = readTemplates(props);
    let folder: Folder | null = null;
    const made: { title: string; url: string }[] = [];
    const kept: { title: string; url: string }[] = [];
    for (const model of templateModels()) {
      const have = existing.get(model.kind);
      if (have) {
        kept.push({ title: model.title, url: DriveApp.getFileById(have.id).getUrl() });
        continue;
      }
      folder ??= templateFolder(props);
      const doc = DocumentApp.create(model.title);
      const id = doc.getId();
      made.push({ title: model.title, url: doc.getUrl() });
      renderDocument(doc.getBody(), model.doc);
      DriveApp.getFileById(id).moveTo(folder);
      doc.saveAndClose();
      ids[model.kind] = id;
    }
    props.setProperty(PROP.templates, JSON.stringify(ids));
    if (made.length) {
      const quota = new DailyCount(PropertiesService.getUserProperties(), Date.now(), SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone());
      quota.count += made.length;
      quota.save();
    }
    const list = (items: { title: string; url: string }[]) =>
      `<ul>${items.map((i) => `<li><a href="${escapeHtml(i.url)}">${escapeHtml(i.title)}</a></li>`).join('')}</ul>`;
    showDialog(
      'Mẫu hồ sơ',
      (made.length ? `<p>Đã tạo mẫu:</p>${list(made)}` : '') +
        (kept.length ? `<p>Mẫu đã có (giữ nguyên, không ghi đè):</p>${list(kept)}` : '') +
        '<p>Sửa mẫu trong Google Tài liệu: mỗi <code>{{truong}}</code> được thay bằng giá trị; dòng bảng bắt đầu bằng ' +
        '<code>{{#de_nghi}}</code> và kết thúc bằng <code>{{/de_nghi}}</code> được lặp cho mỗi tập thể, cá nhân. ' +
        'Lần «Tạo hồ sơ» sau dùng mẫu của bạn. Chuyển một mẫu vào thùng rác để quay lại mẫu mặc định của loại đó.</p>',
      640,
      420,
    );
  });
}

function templateFolder(props: Properties): Folder {
  const id = props.getProperty(PROP.templateFolder);
  if (id) {
    try {
      const folder = DriveApp.getFolderById(id);
      if (!folder.isTrashed()) return folder;
    } catch {
      // made again below
    }
  }
  const folder = DriveApp.createFolder('Thi đua - Mẫu hồ sơ');
  props.setProperty(PROP.templateFolder, folder.getId());
  return folder;
}

// ---------- Xuất PDF hồ sơ ----------

/** Menu «Xuất PDF hồ sơ»: a PDF beside each document of `Hồ sơ`, made again only when the document changed. */
export function exportDossierPdfs(): void {
  exportPdfs(systemClock);
}

export function exportPdfs(clock: Clock): void {
  withDocumentLock(() => {
    const started = clock.now();
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const index = new SheetIndex(spreadsheet);
    const read = readRecords(index);
    if (!read) {
      tell(true, spreadsheet, FOREIGN_FILES_SHEET);
      return;
    }
    const records = [...read.values()].filter((r) => r.id && !r.status.startsWith(STATUS.error));
    if (!records.length) {
      tell(true, spreadsheet, `Trang «${FILES_SHEET}» chưa có tài liệu nào. Chạy «Tạo hồ sơ» trước.`);
      return;
    }
    const props = PropertiesService.getDocumentProperties();
    const year = readYear(index);
    const folders = new Folders(props, year);
    const count = { made: 0, current: 0, errors: [] as string[] };
    let next = 0;
    for (; next < records.length; next++) {
      if (clock.now() - started >= TIME_BOX_MS) break;
      const r = records[next]!;
      try {
        const file = DriveApp.getFileById(r.id);
        const folder = folders.unit(r.unitCode, r.unitName);
        const name = `${file.getName()}.pdf`;
        const old = folder.getFilesByName(name);
        const changed = file.getLastUpdated().getTime();
        let current = false;
        while (old.hasNext()) {
          const pdf = old.next();
          if (!current && pdf.getLastUpdated().getTime() >= changed) current = true;
          else pdf.setTrashed(true);
        }
        if (current) {
          count.current++;
          continue;
        }
        folder.createFile(file.getAs('application/pdf').setName(name));
        count.made++;
      } catch (error) {
        count.errors.push(`${r.fileName}: ${message(error)}`);
      }
    }
      const rest = next < records.length ? ` Còn ${records.length - next} tài liệu: bấm Xuất PDF hồ sơ lần nữa để tiếp tục.` : '';
    const errors = count.errors.length ? ` Lỗi: ${count.errors.slice(0, 5).join('; ')}${count.errors.length > 5 ? '; …' : ''}` : '';
    spreadsheet.toast(`Đã xuất ${count.made} PDF; ${count.current} PDF đã mới sẵn; ${count.errors.length} lỗi.${rest}${errors}`, TITLE, 20);
  });
}

/** The movement's year for the folder name, from `Cấu hình`, without a whole evaluation. */
function readYear(index: SheetIndex): string {
  try {
    const year = evaluate(readInputSheets(index)).workbook.settings.year;
    return year === null ? 'chưa rõ năm' : String(year);
  } catch {
    return 'chưa rõ năm';
  }
}
