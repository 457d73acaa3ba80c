/**
 * A small Drive with DocumentApp on top of it: folders, files, Google Docs (`DocumentApp.create`
 * puts one in the root), `makeCopy`, `moveTo`, `getAs('application/pdf')`. Under the
 * `drive.file` scope the script sees only what it created, which is all this fake holds; an
 * unknown ID throws as Drive does, a trashed file still opens by its ID. Creating a document takes `createMs` of the clock.
 */
import type { CallLog, Subset } from './calls';
import { counted } from './calls';
import type { FakeClock } from './services';
import { Attribute, ElementType, FakeDocument, HorizontalAlignment } from './documentApp';

type File = GoogleAppsScript.Drive.File;
type Folder = GoogleAppsScript.Drive.Folder;
type Blob = GoogleAppsScript.Base.Blob;

export const DOC_MIME = 'application/vnd.google-apps.document';
export const FOLDER_MIME = 'application/vnd.google-apps.folder';

export class FakeBlob implements Subset<Blob, 'getName' | 'setName' | 'getContentType' | 'getDataAsString'> {
  constructor(
    public name: string,
    readonly contentType: string,
    readonly data: string,
  ) {}
  getName(): string {
    return this.name;
  }
  setName(name: string): this {
    this.name = name;
    return this;
  }
  getContentType(): string {
    return this.contentType;
  }
  getDataAsString(): string {
    return this.data;
  }
}

class FakeIterator<T> {
  private i = 0;
  constructor(private readonly items: T[]) {}
  hasNext(): boolean {
    return this.i < this.items.length;
  }
  next(): T {
    const item = this.items[this.i++];
    if (item === undefined) throw new Error('Cannot retrieve the next object: iterator has reached the end.');
    return item;
  }
}

type FileMethods = 'getId' | 'getName' | 'setName' | 'getUrl' | 'getMimeType' | 'makeCopy' | 'moveTo' | 'getAs' | 'isTrashed' | 'setTrashed' | 'getLastUpdated' | 'getParents';

export class FakeFile implements Subset<File, FileMethods> {
  parent: FakeFolder;
  trashed = false;
  lastUpdated: Date;
  constructor(
    private readonly drive: FakeDrive,
    readonly id: string,
    public name: string,
    readonly mimeType: string,
    parent: FakeFolder,
    readonly blob: FakeBlob | null = null,
  ) {
    this.parent = parent;
    this.lastUpdated = new Date(drive.clock.now());
  }
  getId(): string {
    return this.id;
  }
  getName(): string {
    return this.name;
  }
  setName(name: string): this {
    this.name = name;
    const doc = this.drive.docs.get(this.id);
    if (doc) doc.name = name;
    return this;
  }
  getUrl(): string {
    return this.mimeType === DOC_MIME ? `https://docs.google.com/document/d/${this.id}/edit` : `https://drive.google.com/file/d/${this.id}/view`;
  }
  getMimeType(): string {
    return this.mimeType;
  }
  makeCopy(...args: unknown[]): FakeFile {
    const name = typeof args[0] === 'string' ? args[0] : `Bản sao của ${this.name}`;
    const folderArg = (typeof args[0] === 'string' ? args[1] : args[0]) as FakeFolder | undefined;
    const folder = folderArg ? folderArg.me : this.parent;
    const source = this.drive.docs.get(this.id);
    if (!source) throw new Error('The fake copies Google Docs only.');
    return this.drive.wrapFile(this.drive.newDocument(name, folder, source).file);
  }
  moveTo(destination: Folder): this {
    this.parent = (destination as unknown as FakeFolder).me;
    return this;
  }
  getAs(contentType: string): FakeBlob {
    const doc = this.drive.docs.get(this.id);
    if (contentType !== 'application/pdf' || !doc) throw new Error(`Converting from ${this.mimeType} to ${contentType} is not supported.`);
    this.drive.clock.advance(this.drive.pdfMs);
    return counted(new FakeBlob(`${this.name}.pdf`, 'application/pdf', `%PDF ${doc.dump()}`), 'Blob', this.drive.log);
  }
  isTrashed(): boolean {
    return this.trashed;
  }
  setTrashed(trashed: boolean): this {
    this.trashed = trashed;
    return this;
  }
  getLastUpdated(): Date {
    return new this.drive.DateCtor(this.lastUpdated.getTime());
  }
  getParents(): FakeIterator<FakeFolder> {
    return counted(new FakeIterator([this.drive.wrapFolder(this.parent)]), 'FolderIterator', this.drive.log);
  }
}

type FolderMethods = 'getId' | 'getName' | 'getUrl' | 'createFolder' | 'createFile' | 'getFilesByName' | 'isTrashed' | 'setTrashed';

export class FakeFolder implements Subset<Folder, FolderMethods> {
  readonly me: this = this;
  trashed = false;
  constructor(
    private readonly drive: FakeDrive,
    readonly id: string,
    public name: string,
    readonly parent: FakeFolder | null,
  ) {}
  getId(): string {
    return this.id;
  }
  getName(): string {
    return this.name;
  }
  getUrl(): string {
    return `https://drive.google.com/drive/folders/${this.id}`;
  }
  createFolder(name: string): FakeFolder {
    return this.drive.wrapFolder(this.drive.newFolder(name, this));
  }
  createFile(...args: unknown[]): FakeFile {
    const blob = args[0] as FakeBlob;
    if (!(blob instanceof FakeBlob)) throw new Error('The fake creates files from blobs only.');
    const file = new FakeFile(this.drive, this.drive.nextId('f'), blob.name, blob.contentType, this, blob);
    this.drive.files.set(file.id, file);
    return this.drive.wrapFile(file);
  }
  getFilesByName(name: string): FakeIterator<FakeFile> {
    const found = [...this.drive.files.values()].filter((f) => f.parent === this && f.name === name && !f.trashed);
    return counted(new FakeIterator(found.map((f) => this.drive.wrapFile(f))), 'FileIterator', this.drive.log);
  }
  isTrashed(): boolean {
    return this.trashed;
  }
  setTrashed(trashed: boolean): this {
    this.trashed = trashed;
    return this;
  }
  /** The files directly inside (test inspection, not counted). */
  list(): FakeFile[] {
    return [...this.drive.files.values()].filter((f) => f.parent === this && !f.trashed);
  }
}

export class FakeDrive {
  readonly files = new Map<string, FakeFile>();
  readonly folders = new Map<string, FakeFolder>();
  readonly docs = new Map<string, FakeDocument>();
  readonly root: FakeFolder;
  /** How long creating one document takes on the clock (Apps Script: a second or two). */
  createMs = 0;
  /** How long one PDF conversion takes on the clock. */
  pdfMs = 0;
  /** Creating a document whose name contains this fails, as Docs sometimes does (a test sets it). */
  failOn: string | null = null;
  private counter = 0;

  constructor(
    readonly log: CallLog,
    readonly clock: FakeClock,
    readonly DateCtor: DateConstructor = Date,
  ) {
    this.root = new FakeFolder(this, 'root', 'My Drive', null);
  }
  nextId(prefix: string): string {
    return `${prefix}${String(++this.counter).padStart(4, '0')}${'x'.repeat(20)}`;
  }
  wrapFile(file: FakeFile): FakeFile {
    return counted(file, 'File', this.log);
  }
  wrapFolder(folder: FakeFolder): FakeFolder {
    return counted(folder, 'Folder', this.log);
  }
  newFolder(name: string, parent: FakeFolder): FakeFolder {
    const folder = new FakeFolder(this, this.nextId('d'), name, parent);
    this.folders.set(folder.id, folder);
    return folder;
  }
  /** A new Google Doc in `folder`, empty or a copy of `source`. */
  newDocument(name: string, folder: FakeFolder, source?: FakeDocument): { doc: FakeDocument; file: FakeFile } {
    this.clock.advance(this.createMs);
    if (this.failOn && name.includes(this.failOn)) throw new Error('Service Documents failed while accessing document.');
    const id = this.nextId('doc');
    const touch = (doc: FakeDocument) => {
      const file = this.files.get(doc.id);
      if (file) {
        file.name = doc.name;
        file.lastUpdated = new Date(this.clock.now());
      }
    };
    const doc = source ? source.cloneAs(id, name, touch) : new FakeDocument({ log: this.log }, id, name, touch);
    const file = new FakeFile(this, id, name, DOC_MIME, folder);
    this.docs.set(id, doc);
    this.files.set(id, file);
    return { doc, file };
  }
  /** Documents created, trashed ones included (test inspection). */
  documents(): FakeDocument[] {
    return [...this.docs.values()];
  }
  file(id: string): FakeFile {
    const file = this.files.get(id);
    if (!file) throw new Error(`No item with the given ID could be found, or you do not have permission to access it. (${id})`);
    return file;
  }
  folder(id: string): FakeFolder {
    const folder = this.folders.get(id);
    if (!folder) throw new Error(`No item with the given ID could be found, or you do not have permission to access it. (${id})`);
    return folder;
  }
  /** The folder's subfolders by name (test inspection). */
  foldersIn(parent: FakeFolder): FakeFolder[] {
    return [...this.folders.values()].filter((f) => f.parent === parent && !f.trashed);
  }
}

export function fakeDriveApp(drive: FakeDrive) {
  return counted(
    {
      createFolder: (name: string) => drive.wrapFolder(drive.newFolder(name, drive.root)),
      getFolderById: (id: string) => drive.wrapFolder(drive.folder(id)),
      getFileById: (id: string) => drive.wrapFile(drive.file(id)),
      getRootFolder: () => drive.wrapFolder(drive.root),
    },
    'DriveApp',
    drive.log,
  );
}

export function fakeDocumentApp(drive: FakeDrive) {
  return counted(
    {
      Attribute,
      HorizontalAlignment,
      ElementType,
      create: (name: string) => counted(drive.newDocument(name, drive.root).doc, 'Document', drive.log),
      openById: (id: string) => {
        const doc = drive.docs.get(id);
        if (!doc) throw new Error('Document is missing (perhaps it was deleted, or you don\'t have read access?)');
        doc.closed = false;
        return counted(doc, 'Document', drive.log);
      },
    },
    'DocumentApp',
    drive.log,
  );
}
