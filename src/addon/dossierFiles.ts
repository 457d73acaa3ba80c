/**
 * The dossiers' files in Drive: a folder per unit, the documents (the core's `.docx` layout,
 * zipped with `Utilities.zip` and imported as Google Docs by the Drive advanced service; those
 * with a user template are copies of it filled with DocumentApp), the user's templates («Tạo mẫu
 * hồ sơ») and the PDFs («Xuất PDF hồ sơ»). Under `drive.file` each user sees only the files the add-on made for
 * them, so folders and templates are kept per user, and a document another officer made is
 * reported, never copied.
 */
import * as z from 'zod/mini';
import { DOCX_MIME, layoutDocx } from '../core/documents';
import type { DocModel, DossierDocument, DossierKind, UnitDossierDocs } from '../core/documents';
import { normalizeKey } from '../core/text';
import { renderDocument } from './docsWriter';
import { DriveTrouble, MIME, documentUrl, drive } from './drive';
import { TEMPLATE_TITLE, fillTemplate, templateModels } from './dossierTemplates';
import type { FileRecord } from './dossierRecords';
import { escapeHtml, showDialog } from './html';
import { loadJson, saveJson } from './jobRunner';
import { alertUser, underDocumentLock } from './lock';

type Document = GoogleAppsScript.Document.Document;
type Blob = GoogleAppsScript.Base.Blob;
type Body = GoogleAppsScript.Document.Body;
type Properties = GoogleAppsScript.Properties.Properties;

export const me = (): string => Session.getEffectiveUser().getEmail();

const PROP = {
  /** User property `thidua.hoSo.folder.<spreadsheet>.<năm>`: this user's «Thi đua - Hồ sơ <năm>». */
  folder: 'thidua.hoSo.folder',
  /** User property: this user's «Thi đua - Mẫu hồ sơ». */
  templateFolder: 'thidua.hoSo.templateFolder',
  /** Document property: each user's templates, by kind. */
  templates: 'thidua.hoSo.templates',
} as const;

/** The tag a unit's folder carries (its code), so it is found again whatever its name became. */
const UNIT_TAG = 'thiduaUnit';

/**
 * «Thi đua - Hồ sơ <năm>» and a folder per unit in it. The parent's ID is a user property (one
 * per spreadsheet and year); the unit folders are listed from it in one call and recognised by
 * their tag, so nothing grows with the number of units in the property stores.
 */
export class Folders {
  private parentId: string | null = null;
  private units: Map<string, string> | null = null;

  constructor(
    private readonly spreadsheetId: string,
    private readonly year: string,
  ) {}

  private parent(): string {
    if (this.parentId) return this.parentId;
    const props = PropertiesService.getUserProperties();
    const key = `${PROP.folder}.${this.spreadsheetId}.${this.year}`;
    const saved = props.getProperty(key);
    const found = saved ? drive.find(saved) : null;
    if (found && !found.trashed) this.parentId = found.id;
    else {
      this.parentId = drive.createFolder(`Thi đua - Hồ sơ ${this.year}`, null);
      props.setProperty(key, this.parentId);
    }
    return this.parentId;
  }

  unit(code: string, name: string): string {
    const parent = this.parent();
    this.units ??= new Map(
      drive
        .children(parent, { mimeType: MIME.folder })
        .filter((f) => f.tags[UNIT_TAG])
        .map((f) => [normalizeKey(f.tags[UNIT_TAG]!), f.id]),
    );
    const key = normalizeKey(code);
    let id = this.units.get(key);
    if (!id) {
      id = drive.createFolder(name ? `${code} - ${name}` : code, parent, { [UNIT_TAG]: code });
      this.units.set(key, id);
    }
    return id;
  }
}

// ---------- templates ----------

const templatesSchema = z.record(z.string(), z.record(z.string(), z.string()));

export interface UserTemplate {
  id: string;
  /** When the user last changed it: part of the content hash, so an edited template rewrites. */
  stamp: number;
  body: Body | null;
}

/** Someone else's templates are in use here: refused, never silently replaced by the defaults. */
export class TemplatesOfAnother extends Error {
  override name = 'TemplatesOfAnother';
}

function savedTemplates(props: Properties): Record<string, Record<string, string>> {
  return loadJson(props, PROP.templates, templatesSchema) ?? {};
}

/**
 * This user's templates that still exist (one in the bin means: back to the default of that
 * kind). If only other users have made templates for this spreadsheet, the run stops and says so:
 * their documents are private to them, and using the defaults instead would be a silent change.
 */
export function readTemplates(props: Properties, user: string): Map<DossierKind, UserTemplate> {
  const all = savedTemplates(props);
  const mine = all[user] ?? {};
  const others = Object.keys(all).filter((u) => u !== user && Object.keys(all[u] ?? {}).length > 0);
  if (Object.keys(mine).length === 0 && others.length > 0) {
    throw new TemplatesOfAnother(
      `Bảng tính này dùng mẫu hồ sơ do ${others.join(', ')} tạo. Tài liệu Google mà Thi đua tạo chỉ người tạo mở được, nên tài khoản ${user || '(không rõ)'} không dùng được các mẫu đó. ` +
        `Nhờ ${others.join(', ')} chạy «Tạo hồ sơ», hoặc bấm «Tạo mẫu hồ sơ» để tạo mẫu của riêng bạn rồi chạy lại.`,
    );
  }
  const out = new Map<DossierKind, UserTemplate>();
  for (const kind of ['D1', 'D2', 'D3'] as const) {
    const id = mine[kind];
    if (!id) continue;
    const file = drive.find(id);
    if (file && !file.trashed) out.set(kind, { id, stamp: file.modified, body: null });
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

export interface Task {
  key: string;
  unit: UnitDossierDocs;
  d: DossierDocument;
  hash: string;
  template: UserTemplate | undefined;
}

/** A document written: its ID and link are read before it is closed (a closed Document answers nothing). */
export interface Written {
  id: string;
  url: string;
  created: boolean;
  missing: string[];
}

/** A document that exists but could not be filled: its ID is kept, so the next run retries it in place. */
export class DocumentError extends Error {
  constructor(
    override readonly cause: unknown,
    readonly id: string,
    readonly created: boolean,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = cause instanceof Error ? cause.name : 'Error';
  }
}

/** Fills the document `id` with `write`, saving it whatever happens. */
function completed(id: string, created: boolean, write: (doc: Document) => string[]): Written {
  let doc: Document;
  try {
    doc = DocumentApp.openById(id);
  } catch (error) {
    throw new DocumentError(error, id, created);
  }
  try {
    return { id, url: documentUrl(id), created, missing: write(doc) };
  } catch (error) {
    throw new DocumentError(error, id, created);
  } finally {
    doc.saveAndClose();
  }
}

export const othersDocument = (creator: string) =>
  `Tài liệu này do ${creator} tạo; chỉ người tạo mở được. Nhờ ${creator} chạy «Tạo hồ sơ» để cập nhật (không tạo bản thứ hai).`;

/**
 * A document as a `.docx`: the core's OOXML parts zipped here, so the Google Doc Drive imports
 * has the layout the command line's file has (page numbers, drawn rules, keep-with-next, repeated
 * header rows, the default font). Zipping is Apps Script's own, nothing bundled.
 */
export function docxBlob(d: { doc: DocModel; title: string }): Blob {
  const parts = layoutDocx(d.doc, d.title).map((p) => Utilities.newBlob(p.content, 'application/xml', p.path));
  return Utilities.zip(parts, `${d.title}.docx`).setContentType(DOCX_MIME);
}

/**
 * Updates the document of `old` if it is still there, else creates one in the unit's folder. One
 * made by another officer is `noAccess` (Drive cannot tell it from a deleted one: the row's
 * «Người tạo» can); Drive's «try again» and daily-limit errors propagate as they are. A default
 * document is one upload (imported onto the same file on a re-run, so its link stays); one with
 * a user template is a copy of the template filled with DocumentApp.
 */
export function writeDocument(t: Task, old: FileRecord | undefined, folders: Folders, user: string): Written {
  if (old?.id && old.creator && old.creator !== user) throw new DriveTrouble('noAccess', othersDocument(old.creator));
  const existing = old?.id ? drive.find(old.id) : null;
  const there = existing && !existing.trashed ? existing.id : null;
  const template = t.template;
  if (!template) {
    const docx = docxBlob(t.d);
    if (there) drive.reimportDocument(there, docx, t.d.title);
    const id = there ?? drive.importDocument(docx, t.d.title, folders.unit(t.unit.unitCode, t.unit.unitName));
    return { id, url: documentUrl(id), created: !there, missing: t.d.missing };
  }
  const fill = (body: Body) => fillTemplate(body, t.d.placeholders, TEMPLATE_TITLE[t.d.kind]);
  if (there) {
    return completed(there, false, (doc) => {
      if (doc.getName() !== t.d.title) doc.setName(t.d.title);
      const body = doc.getBody();
      template.body ??= DocumentApp.openById(template.id).getBody();
      copyBody(template.body, body);
      return fill(body);
    });
  }
  const folder = folders.unit(t.unit.unitCode, t.unit.unitName);
  return completed(drive.copy(template.id, t.d.title, folder), true, (doc) => fill(doc.getBody()));
}

// ---------- Tạo mẫu hồ sơ ----------

function templateFolder(): string {
  const props = PropertiesService.getUserProperties();
  const id = props.getProperty(PROP.templateFolder);
  const found = id ? drive.find(id) : null;
  if (found && !found.trashed) return found.id;
  const made = drive.createFolder('Thi đua - Mẫu hồ sơ', null);
  props.setProperty(PROP.templateFolder, made);
  return made;
}

/** Menu «Tạo mẫu hồ sơ»: the three templates as Google Docs of this user; ones they already have are kept. */
export function createDossierTemplates(): void {
  const done = underDocumentLock(() => {
    const props = PropertiesService.getDocumentProperties();
    const user = me();
    const all = savedTemplates(props);
    const ids = { ...all[user] };
    const existing = new Map<string, string>();
    for (const [kind, id] of Object.entries(ids)) {
      const file = drive.find(id);
      if (file && !file.trashed) existing.set(kind, id);
    }
    let folder: string | null = null;
    const made: { title: string; url: string }[] = [];
    const kept: { title: string; url: string }[] = [];
    for (const model of templateModels()) {
      const have = existing.get(model.kind);
      if (have) {
        kept.push({ title: model.title, url: documentUrl(have) });
        continue;
      }
      folder ??= templateFolder();
      const id = drive.createDocument(model.title, folder);
      const doc = DocumentApp.openById(id);
      renderDocument(doc.getBody(), model.doc);
      doc.saveAndClose();
      made.push({ title: model.title, url: documentUrl(id) });
      ids[model.kind] = id;
    }
    saveJson(props, PROP.templates, { ...all, [user]: ids });
    return { made, kept };
  });
  if (!done.ran) {
    alertUser(done.why);
    return;
  }
  const { made, kept } = done.value;
  const list = (items: { title: string; url: string }[]) => `<ul>${items.map((i) => `<li><a href="${escapeHtml(i.url)}">${escapeHtml(i.title)}</a></li>`).join('')}</ul>`;
  showDialog(
    'Mẫu hồ sơ',
    (made.length ? `<p>Đã tạo mẫu:</p>${list(made)}` : '') +
      (kept.length ? `<p>Mẫu đã có (giữ nguyên, không ghi đè):</p>${list(kept)}` : '') +
      '<p>Sửa mẫu trong Google Tài liệu: mỗi <code>{{truong}}</code> được thay bằng giá trị; dòng bảng bắt đầu bằng ' +
      '<code>{{#de_nghi}}</code> và kết thúc bằng <code>{{/de_nghi}}</code> được lặp cho mỗi tập thể, cá nhân. ' +
      'Lần «Tạo hồ sơ» sau (bằng tài khoản của bạn) dùng mẫu của bạn. Chuyển một mẫu vào thùng rác để quay lại mẫu mặc định của loại đó.</p>',
    640,
    420,
  );
}
