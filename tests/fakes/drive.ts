/**
 * The Drive advanced service (v3: `Drive.Files.create/get/update/copy/list`) and DocumentApp on
 * top of it, as the add-on sees them under the `drive.file` scope: a user sees only the files
 * the add-on created for them. Another user's file is «File not found» to Drive (as a deleted
 * one is) and «Document is missing» to DocumentApp; a trashed file is still found, with
 * `trashed: true`. A test switches the user (`google.ctx.effectiveUser`), deletes files for good,
 * and makes the next calls fail as Drive does (`failures`), with the real services' messages.
 */
import { unzipSync } from 'fflate';
import type { CallLog } from './calls';
import { counted } from './calls';
import type { FakeClock } from './services';
import { Attribute, ElementType, FakeBlob, FakeDocument, HorizontalAlignment, bytesOf } from './documentApp';
import type { FakeBody } from './documentApp';

type Blob = GoogleAppsScript.Base.Blob;
type DriveFile = GoogleAppsScript.Drive_v3.Drive.V3.Schema.File;

export const DOC_MIME = 'application/vnd.google-apps.document';
export const FOLDER_MIME = 'application/vnd.google-apps.folder';
export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Drive's refusal of an upload it cannot import. */
const badUpload = (method: string, why: string) =>
  Object.assign(new Error(`API call to drive.files.${method} failed with error: Bad Request (${why})`), { name: 'GoogleJsonResponseException' });

/** The entries of a `.docx` upload, checked as Drive's import needs them: a zip with its content types and main part. */
function docxEntries(method: string, media: FakeBlob): Record<string, string> {
  if (media.contentType !== DOCX_MIME) throw badUpload(method, `cannot import ${media.contentType || 'a blob without a content type'} as a Google Doc`);
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytesOf(media));
  } catch {
    throw badUpload(method, 'the .docx is not a zip');
  }
  for (const part of ['[Content_Types].xml', '_rels/.rels', 'word/document.xml']) if (!entries[part]) throw badUpload(method, `the .docx has no ${part}`);
  return Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, new TextDecoder().decode(v)]));
}

const badRequest = (method: string, why: string) =>
  Object.assign(new Error(`API call to drive.files.${method} failed with error: ${why}`), { name: 'GoogleJsonResponseException' });

const unescapeXml = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** A paragraph's text as Docs shows it: its runs' text, `w:br` a new line, `w:tab` a tab. */
const paragraphText = (xml: string) =>
  [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>|<w:tab\/>/g)].map((m) => (m[0] === '<w:br/>' ? '\n' : m[0] === '<w:tab/>' ? '\t' : unescapeXml(m[1] ?? ''))).join('');

/** The top-level `tag` elements of `xml`, nested ones of the same tag kept inside their parent. */
function elements(xml: string, tag: string): string[] {
  const out: string[] = [];
  const open = new RegExp(`<${tag}[ >/]|</${tag}>`, 'g');
  let depth = 0;
  let start = 0;
  for (let m = open.exec(xml); m; m = open.exec(xml)) {
    if (m[0].startsWith('</')) {
      if (--depth === 0) out.push(xml.slice(start, m.index + m[0].length));
    } else if (xml.slice(m.index, xml.indexOf('>', m.index) + 1).endsWith('/>')) {
      if (depth === 0) out.push(xml.slice(m.index, xml.indexOf('>', m.index) + 1));
    } else if (depth++ === 0) start = m.index;
  }
  return out;
}

/**
 * What the fake Docs keeps of an imported `.docx`: the body's paragraphs and tables with their
 * text, in order (enough to read a document back and to fill or export it later); the layout is
 * checked on the uploaded `.docx` itself (`FakeItem.docx`).
 */
function importBody(body: FakeBody, documentXml: string): void {
  const inner = /<w:body>([\s\S]*)<\/w:body>/.exec(documentXml)?.[1] ?? '';
  body.clear();
  const blocks = inner.match(/<w:tbl>[\s\S]*?<\/w:tbl>|<w:p[ >][\s\S]*?<\/w:p>|<w:p\/>/g) ?? [];
  for (const block of blocks) {
    if (block.startsWith('<w:tbl>')) {
      body.appendTable(elements(block, 'w:tr').map((row) => elements(row, 'w:tc').map((cell) => elements(cell, 'w:p').map(paragraphText).join('\n'))));
    } else body.appendParagraph(paragraphText(block));
  }
  // Docs ends a body with a paragraph; `clear` left one empty paragraph first.
  if (body.getChild(body.getNumChildren() - 1).getType() === 'TABLE') body.appendParagraph('');
  if (body.getNumChildren() > 1) body.getChild(0).removeFromParent();
}

/** One Drive item (file or folder), as the fake stores it. */
export class FakeItem {
  trashed = false;
  modified: number;
  constructor(
    readonly id: string,
    public name: string,
    readonly mimeType: string,
    public parent: string | null,
    readonly owner: string,
    readonly tags: Record<string, string>,
    now: number,
    readonly blob: FakeBlob | null = null,
  ) {
    this.modified = now;
  }
  /** The `.docx` last imported into this Google Doc, as uploaded (test inspection). */
  docx: Record<string, string> | null = null;
  /** The raw `.docx` zip last imported (binary parts such as pictures checked byte for byte). */
  upload: Uint8Array | null = null;
  /** How many times a `.docx` was imported into it. */
  imports = 0;
  get isFolder(): boolean {
    return this.mimeType === FOLDER_MIME;
  }
}

/** A failure the test puts ahead: the next call of `method` fails with Drive's message of `kind`. */
export interface Failure {
  method: 'create' | 'get' | 'update' | 'copy' | 'list';
  kind: 'rate' | 'server' | 'forbidden' | 'daily';
  /** Calls of `method` that still succeed before this one fails. */
  after?: number;
}

/** Real texts: the Drive API's errors as the advanced service throws them, and Apps Script's own. */
function failureError(method: string, kind: Failure['kind'], id: string): Error {
  const api = `API call to drive.files.${method} failed with error: `;
  const text = {
    rate: `${api}User rate limit exceeded.`,
    server: "We're sorry, a server error occurred. Please wait a bit and try again.",
    forbidden: `${api}The user does not have sufficient permissions for file ${id}.`,
    daily: `${api}Daily Limit Exceeded`,
  }[kind];
  return Object.assign(new Error(text), { name: kind === 'server' ? 'Exception' : 'GoogleJsonResponseException' });
}

const notFound = (method: string, id: string) =>
  Object.assign(new Error(`API call to drive.files.${method} failed with error: File not found: ${id}.`), { name: 'GoogleJsonResponseException' });

/** The clauses the add-on's queries use; anything else is refused as Drive refuses a bad query. */
const CLAUSES: [RegExp, (item: FakeItem, value: string) => boolean][] = [
  [/^'((?:[^'\\]|\\.)*)' in parents$/, (item, v) => item.parent === v],
  [/^trashed = false$/, (item) => !item.trashed],
  [/^mimeType = '((?:[^'\\]|\\.)*)'$/, (item, v) => item.mimeType === v],
  [/^name = '((?:[^'\\]|\\.)*)'$/, (item, v) => item.name === v],
];
const unescape = (s: string) => s.replace(/\\(.)/g, '$1');

export class FakeDrive {
  readonly items = new Map<string, FakeItem>();
  readonly docs = new Map<string, FakeDocument>();
  /** My Drive of whoever runs the script (one root for all: visibility is by owner). */
  readonly root: FakeItem;
  /** How long creating one document takes on the clock (Apps Script: a second or two). */
  createMs = 0;
  /** How long one PDF conversion takes on the clock. */
  pdfMs = 0;
  /** Opening or importing a document whose name contains this fails, as Docs sometimes does (a test sets it). */
  failOn: string | null = null;
  /** The next calls that fail, in order (a test sets them). */
  readonly failures: Failure[] = [];
  /** The largest page `list` answers (Drive: up to 1,000). */
  pageSize = 1000;
  private counter = 0;

  constructor(
    readonly log: CallLog,
    readonly clock: FakeClock,
    /** Who runs the script now. */
    readonly user: () => string,
    readonly DateCtor: DateConstructor = Date,
  ) {
    this.root = new FakeItem('root', 'My Drive', FOLDER_MIME, null, '', {}, clock.now());
  }
  private nextId(prefix: string): string {
    return `${prefix}${String(++this.counter).padStart(4, '0')}${'x'.repeat(20)}`;
  }
  private failing(method: Failure['method'], id: string): void {
    const i = this.failures.findIndex((f) => f.method === method);
    const failure = this.failures[i];
    if (!failure) return;
    if ((failure.after ?? 0) > 0) {
      failure.after!--;
      return;
    }
    this.failures.splice(i, 1);
    throw failureError(method, failure.kind, id);
  }
  /** `failOn` in a name: Drive refuses to import it. */
  private failingImport(method: string, name: string): void {
    if (this.failOn && name.includes(this.failOn)) throw badUpload(method, 'the file could not be converted');
  }
  private imported(item: FakeItem, doc: FakeDocument, entries: Record<string, string>, media: FakeBlob): void {
    importBody(doc.body, entries['word/document.xml']!);
    item.upload = bytesOf(media);
    item.docx = entries;
    item.imports++;
    item.modified = this.clock.now();
  }
  /** An item this user may see (theirs, trashed or not); else Drive's «File not found». */
  private visible(method: string, id: string): FakeItem {
    const item = this.items.get(id);
    if (!item || item.owner !== this.user()) throw notFound(method, id);
    return item;
  }
  private parentOf(method: string, resource: DriveFile): string {
    const parents = resource.parents ?? [];
    if (parents.length > 1) throw new Error(`API call to drive.files.${method} failed with error: A shared drive item must have exactly one parent.`);
    if (!parents[0] || parents[0] === 'root') return this.root.id;
    const folder = this.visible(method, parents[0]);
    if (!folder.isFolder) throw new Error(`API call to drive.files.${method} failed with error: The specified parent is not a folder.`);
    return folder.id;
  }
  /** Without `fields`, v3 answers only kind, id, name and mimeType. */
  private answer(item: FakeItem, optionalArgs?: Record<string, unknown>): DriveFile {
    const full = this.resource(item);
    return optionalArgs?.['fields'] ? full : { id: full.id, name: full.name, mimeType: full.mimeType };
  }
  private resource(item: FakeItem): DriveFile {
    return {
      id: item.id,
      name: item.name,
      mimeType: item.mimeType,
      trashed: item.trashed,
      modifiedTime: new Date(item.modified).toISOString(),
      parents: item.parent ? [item.parent] : [],
      appProperties: { ...item.tags },
    };
  }
  private add(name: string, mimeType: string, parent: string, tags: Record<string, string> = {}, blob: FakeBlob | null = null): FakeItem {
    const item = new FakeItem(this.nextId(mimeType === FOLDER_MIME ? 'd' : mimeType === DOC_MIME ? 'doc' : 'f'), name, mimeType, parent, this.user(), tags, this.clock.now(), blob);
    this.items.set(item.id, item);
    return item;
  }
  /** A new Google Doc in `folder`, empty or a copy of `source` (set-up and the service alike). */
  newDocument(name: string, folder: FakeItem, source?: FakeDocument): { doc: FakeDocument; item: FakeItem } {
    this.clock.advance(this.createMs);
    const item = this.add(name, DOC_MIME, folder.id);
    const touch = (doc: FakeDocument) => {
      const file = this.items.get(doc.id);
      if (file) {
        file.name = doc.name;
        file.modified = this.clock.now();
      }
    };
    const doc = source ? source.cloneAs(item.id, name, touch) : new FakeDocument({ log: this.log, beforeExport: () => this.clock.advance(this.pdfMs) }, item.id, name, touch);
    this.docs.set(item.id, doc);
    return { doc, item };
  }

  /** The `Drive` global: the advanced service's `Files` collection. */
  service() {
    const Files = {
      create: (resource: DriveFile, media?: Blob, optionalArgs?: Record<string, unknown>): DriveFile => {
        this.failing('create', '');
        const parent = this.parentOf('create', resource);
        const name = resource.name ?? 'Untitled';
        const tags = (resource.appProperties ?? {}) as Record<string, string>;
        if (resource.mimeType === DOC_MIME && !media) return this.answer(this.newDocument(name, this.items.get(parent)!).item, optionalArgs);
        if (resource.mimeType === DOC_MIME) {
          if (!(media instanceof FakeBlob)) throw new Error('The fake uploads blobs only.');
          const entries = docxEntries('create', media);
          this.failingImport('create', name);
          const { doc, item } = this.newDocument(name, this.items.get(parent)!);
          this.imported(item, doc, entries, media);
          return this.answer(item, optionalArgs);
        }
        if (resource.mimeType === FOLDER_MIME) return this.answer(this.add(name, FOLDER_MIME, parent, tags), optionalArgs);
        if (!(media instanceof FakeBlob)) throw new Error('The fake uploads blobs only.');
        return this.answer(this.add(name, resource.mimeType ?? media.contentType, parent, tags, media), optionalArgs);
      },
      get: (id: string, optionalArgs?: Record<string, unknown>): DriveFile => {
        this.failing('get', id);
        const item = this.visible('get', id);
        if (optionalArgs?.['alt'] === 'media') {
          // The content of a binary file (a picture); a Google Doc or folder has none to download.
          if (!item.blob) throw badRequest('get', 'Only files with binary content can be downloaded. Use Export with Docs Editors files.');
          return item.blob as unknown as DriveFile;
        }
        return this.answer(item, optionalArgs);
      },
      update: (resource: DriveFile, id: string, media?: Blob): DriveFile => {
        this.failing('update', id);
        const item = this.visible('update', id);
        if (media !== undefined) {
          // Onto a Google Doc an upload is imported: same file, new content (see src/addon/drive.ts).
          const doc = this.docs.get(id);
          if (!(media instanceof FakeBlob) || !doc) throw new Error('The fake re-imports .docx blobs into Google Docs only.');
          const entries = docxEntries('update', media);
          this.failingImport('update', resource.name ?? item.name);
          this.clock.advance(this.createMs);
          this.imported(item, doc, entries, media);
        }
        if (resource.name !== undefined) {
          item.name = resource.name;
          const doc = this.docs.get(id);
          if (doc) doc.name = resource.name;
        }
        if (resource.trashed !== undefined) item.trashed = resource.trashed;
        item.modified = this.clock.now();
        return this.answer(item);
      },
      copy: (resource: DriveFile, id: string): DriveFile => {
        this.failing('copy', id);
        const source = this.visible('copy', id);
        const doc = this.docs.get(source.id);
        if (!doc) throw new Error('The fake copies Google Docs only.');
        const parent = resource.parents?.length ? this.parentOf('copy', resource) : (source.parent ?? this.root.id);
        return this.answer(this.newDocument(resource.name ?? `Bản sao của ${source.name}`, this.items.get(parent)!, doc).item);
      },
      list: (optionalArgs: Record<string, unknown> = {}): { files: DriveFile[]; nextPageToken?: string } => {
        this.failing('list', '');
        const q = String(optionalArgs['q'] ?? '');
        const tests = q.split(' and ').map((clause) => {
          for (const [re, test] of CLAUSES) {
            const m = re.exec(clause.trim());
            if (m) return (item: FakeItem) => test(item, unescape(m[1] ?? ''));
          }
          throw new Error(`API call to drive.files.list failed with error: Invalid Value (${clause})`);
        });
        const found = [...this.items.values()].filter((item) => item.owner === this.user() && tests.every((t) => t(item)));
        const size = Math.min(Number(optionalArgs['pageSize'] ?? 100), this.pageSize);
        const start = Number(optionalArgs['pageToken'] ?? 0);
        const page = found.slice(start, start + size).map((item) => this.resource(item));
        return start + size < found.length ? { files: page, nextPageToken: String(start + size) } : { files: page };
      },
    };
    return { Files: counted(Files, 'Drive.Files', this.log) };
  }

  // ---- test inspection and set-up (not counted) ----

  /** Google Docs created, trashed ones included. */
  documents(): FakeDocument[] {
    return [...this.docs.values()].filter((d) => this.items.has(d.id));
  }
  item(id: string): FakeItem {
    const item = this.items.get(id);
    if (!item) throw new Error(`No item ${id}`);
    return item;
  }
  /** Deletes an item for good (emptied from the bin). */
  remove(id: string): void {
    this.items.delete(id);
  }
  foldersIn(parent: FakeItem): FakeItem[] {
    return [...this.items.values()].filter((f) => f.parent === parent.id && f.isFolder && !f.trashed);
  }
  filesIn(parent: FakeItem): FakeItem[] {
    return [...this.items.values()].filter((f) => f.parent === parent.id && !f.isFolder && !f.trashed);
  }
}

export function fakeDocumentApp(drive: FakeDrive) {
  return counted(
    {
      Attribute,
      HorizontalAlignment,
      ElementType,
      openById: (id: string) => {
        const item = drive.items.get(id);
        const doc = drive.docs.get(id);
        // Private to its creator: to anyone else it is missing, as it is once deleted.
        if (!item || !doc || item.owner !== drive.user()) throw new Error("Document is missing (perhaps it was deleted, or you don't have read access?)");
        if (drive.failOn && doc.name.includes(drive.failOn)) throw new Error('Service Documents failed while accessing document with id ' + id + '.');
        doc.closed = false;
        return counted(doc, 'Document', drive.log);
      },
    },
    'DocumentApp',
    drive.log,
  );
}
