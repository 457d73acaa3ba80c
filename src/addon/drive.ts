/**
 * Drive, through the Drive advanced service (v3) only. `DriveApp`, `Folder` and `File` need the
 * restricted `auth/drive` scope; the manifest grants `drive.file`, which lets the add-on see the
 * files and folders it created itself (for the user who runs it), and nothing else. Everything
 * the dossiers touch in Drive goes through this module.
 *
 * How a document is made: the core's `.docx` (its OOXML parts zipped with `Utilities.zip`) is
 * uploaded with `Drive.Files.create` and the Google Docs MIME type, so Drive imports it as a
 * Google Doc; a re-run uploads the new `.docx` onto the same file with `Drive.Files.update`
 * (same ID, same link). Drive documents that a file created with a Google Docs MIME type has its
 * upload imported; that an upload onto an existing Google Doc is imported into it (rather than
 * refused) is what Drive does today but is not said in the v3 reference — ID stability is the
 * requirement either way. Neither call is DocumentApp's «Documents created» (250 / 1,500 a
 * day): the Drive API has per-minute rates only («no limit to the number of requests per day»),
 * and Apps Script's quota table lists «Files converted» (2,000 / 4,000 a day), which an import
 * may count against. So no limit is assumed: a daily-limit error, whichever service raises it,
 * stops the job cleanly with its cursor kept (see `DriveTrouble`).
 */

type DriveFile = GoogleAppsScript.Drive_v3.Drive.V3.Schema.File;
type Blob = GoogleAppsScript.Base.Blob;

export const MIME = {
  document: 'application/vnd.google-apps.document',
  folder: 'application/vnd.google-apps.folder',
  pdf: 'application/pdf',
} as const;

/**
 * What went wrong, as far as what to do next:
 * - `notFound`: deleted for good (or never ours) — make it again;
 * - `noAccess`: it exists but this user may not use it (another officer's file) — never duplicate;
 * - `retry`: Drive is busy or briefly failing — stop, keep the cursor, try later;
 * - `daily`: a daily limit is reached — stop, keep the cursor, resume tomorrow;
 * - `other`: anything else (reported on the document's row).
 */
export type TroubleKind = 'notFound' | 'noAccess' | 'retry' | 'daily' | 'other';

/** The texts the services put in their errors (Drive API v3 reasons and Apps Script's own). */
const PATTERNS: [TroubleKind, RegExp][] = [
  ['daily', /for one day|daily limit|dailyLimitExceeded|storage quota/i],
  ['retry', /rate limit|rateLimitExceeded|too many requests|too many times in a short time|backend error|internal error|server error occurred|service unavailable|timed out|try again/i],
  // `appNotAuthorizedToFile` is drive.file's own refusal: the file exists, this add-on may not open it.
  ['noAccess', /insufficient permissions|does not have sufficient permissions|insufficientFilePermissions|has not granted the app|appNotAuthorizedToFile|forbidden|access denied/i],
  ['notFound', /file not found|notFound|not found/i],
];

export function troubleKind(error: unknown): TroubleKind {
  const text = error instanceof Error ? `${error.name} ${error.message}` : String(error);
  return PATTERNS.find(([, re]) => re.test(text))?.[0] ?? 'other';
}

/** A Drive error sorted by what to do about it. */
export class DriveTrouble extends Error {
  constructor(
    readonly kind: TroubleKind,
    cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = 'DriveTrouble';
  }
}

export const trouble = (error: unknown): DriveTrouble => (error instanceof DriveTrouble ? error : new DriveTrouble(troubleKind(error), error));

export const NO_DRIVE =
  'Tiện ích chưa bật dịch vụ nâng cao Drive (Drive API v3), nên chưa tạo được tệp. Người quản trị tiện ích cần bật dịch vụ này trong tệp kê khai (appsscript.json).';

function files(): GoogleAppsScript.Drive_v3.Drive.V3.Collection.FilesCollection {
  if (typeof Drive === 'undefined' || !Drive) throw new Error(NO_DRIVE);
  return Drive.Files;
}

/** Runs one Drive call; its error becomes a `DriveTrouble`. */
function call<T>(action: () => T): T {
  try {
    return action();
  } catch (error) {
    throw trouble(error);
  }
}

export interface FileInfo {
  id: string;
  name: string;
  trashed: boolean;
  /** Last change, ms since the epoch. */
  modified: number;
  /** Custom key-value pairs this add-on stored on the file. */
  tags: Record<string, string>;
}

const FIELDS = 'id,name,trashed,modifiedTime,appProperties';

function info(f: DriveFile): FileInfo {
  return {
    id: f.id ?? '',
    name: f.name ?? '',
    trashed: f.trashed === true,
    modified: f.modifiedTime ? Date.parse(f.modifiedTime) : 0,
    tags: (f.appProperties ?? {}) as Record<string, string>,
  };
}

/** A Drive query's string literal: `'` and `\` escaped. */
const literal = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

export const documentUrl = (id: string) => `https://docs.google.com/document/d/${id}/edit`;
export const folderUrl = (id: string) => `https://drive.google.com/drive/folders/${id}`;

/** The Drive calls the add-on makes; each answers plain data (IDs, `FileInfo`). */
export const drive = {
  /** A file or folder's metadata; null when Drive says it is not there (deleted for good, or not ours). */
  find(id: string): FileInfo | null {
    try {
      return info(call(() => files().get(id, { fields: FIELDS })));
    } catch (error) {
      if (error instanceof DriveTrouble && error.kind === 'notFound') return null;
      throw error;
    }
  },
  /** A folder, in `parent` or in My Drive; `tags` mark what it is for, so it is found again by them. */
  createFolder(name: string, parent: string | null, tags: Record<string, string> = {}): string {
    const resource: DriveFile = { name, mimeType: MIME.folder, appProperties: tags, ...(parent ? { parents: [parent] } : {}) };
    return call(() => files().create(resource)).id ?? '';
  },
  /** An empty Google Doc in `parent`, to be written with DocumentApp (a template). */
  createDocument(name: string, parent: string): string {
    return call(() => files().create({ name, mimeType: MIME.document, parents: [parent] })).id ?? '';
  },
  /** A Google Doc in `parent`, imported from a `.docx` blob. */
  importDocument(docx: Blob, name: string, parent: string): string {
    return call(() => files().create({ name, mimeType: MIME.document, parents: [parent] }, docx)).id ?? '';
  },
  /** The Google Doc `id` imported again from a `.docx` blob, renamed to `name`: same file, same link. */
  reimportDocument(id: string, docx: Blob, name: string): void {
    call(() => files().update({ name }, id, docx));
  },
  /** A copy of a document (a template) in `parent`. */
  copy(id: string, name: string, parent: string): string {
    return call(() => files().copy({ name, parents: [parent] }, id)).id ?? '';
  },
  /** A file from a blob (a PDF) in `parent`. */
  upload(blob: Blob, name: string, parent: string): string {
    return call(() => files().create({ name, mimeType: blob.getContentType() ?? undefined, parents: [parent] }, blob)).id ?? '';
  },
  /**
   * A file's bytes (the emblem picture the settings name), by `alt: 'media'`. Under `drive.file`
   * only a file this add-on created or the user opened with it is readable; any other is «File
   * not found» (a `DriveTrouble` of kind `notFound`).
   */
  download(id: string): number[] {
    const content = call(() => files().get(id, { alt: 'media' })) as unknown;
    if (content && typeof (content as Blob).getBytes === 'function') return (content as Blob).getBytes();
    if (Array.isArray(content)) return content as number[];
    // The service may answer the body as text: its bytes as they came.
    return Utilities.newBlob(String(content)).getBytes();
  },
  rename(id: string, name: string): void {
    call(() => files().update({ name }, id));
  },
  trash(id: string): void {
    call(() => files().update({ trashed: true }, id));
  },
  /** What is in `parent` (not trashed), optionally only of one MIME type or name: every page. */
  children(parent: string, only: { mimeType?: string; name?: string } = {}): FileInfo[] {
    const q = [`${literal(parent)} in parents`, 'trashed = false'];
    if (only.mimeType) q.push(`mimeType = ${literal(only.mimeType)}`);
    if (only.name) q.push(`name = ${literal(only.name)}`);
    const out: FileInfo[] = [];
    let pageToken: string | undefined;
    do {
      const page = call(() => files().list({ q: q.join(' and '), fields: `nextPageToken,files(${FIELDS})`, pageSize: 1000, ...(pageToken ? { pageToken } : {}) }));
      out.push(...(page.files ?? []).map(info));
      pageToken = page.nextPageToken ?? undefined;
    } while (pageToken);
    return out;
  },
};
