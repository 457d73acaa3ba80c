/** The Node host's .docx writer: zips the parts the core lays out (one renderer for both hosts). */
import { Zip } from 'fflate';
import type { AsyncFlateStreamHandler, ZipInputFile } from 'fflate';
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { dossiersByUnit, layoutDocx, selectForDossiers } from '../core/documents';
import type { DocModel } from '../core/documents';
import type { Evaluation } from '../core/results';
import { convertToPdf } from './pdf';
import { OutputGuard } from './outputGuard';
import { TEMPLATE_FILE, fillTemplate } from './templates';

/** Every entry carries this date, so the same document gives the same bytes (the output guard compares them). */
const MTIME = new Date(Date.UTC(2020, 0, 1));

/** An entry's bytes as the zip stores them. */
interface Packed {
  size: number;
  crc: number;
  data: Uint8Array<ArrayBuffer>;
}

/**
 * Deflates with Node's native zlib: fflate assembles the package, zlib compresses — several
 * times faster than fflate's own deflate, which is what lets the CLI write hundreds of documents
 * a second.
 */
function pack(content: string): Packed {
  const raw = Buffer.from(content, 'utf8');
  // Node allocates its own ArrayBuffer for the result (never a shared one).
  return { size: raw.length, crc: crc32(raw), data: deflateRawSync(raw, { level: 1 }) as Uint8Array<ArrayBuffer> };
}

/** Parts that are the same in every document (rels, styles, settings, headers), packed once. */
const packedOnce = new Map<string, Packed>();
const CHANGING = new Set(['word/document.xml', 'docProps/core.xml']);

/** A zip entry whose bytes are already compressed. */
class PackedEntry implements ZipInputFile {
  readonly compression = 8;
  readonly mtime = MTIME;
  readonly size: number;
  readonly crc: number;
  ondata?: AsyncFlateStreamHandler;

  constructor(
    readonly filename: string,
    private readonly packed: Packed,
  ) {
    this.size = packed.size;
    this.crc = packed.crc;
  }

  /** Hands the bytes to the zip (after `Zip.add`, which sets `ondata`). */
  flush(): void {
    this.ondata?.(null, this.packed.data, true);
  }
}

/** A document model as the bytes of a .docx. */
export function writeDocx(doc: DocModel, title = ''): Buffer {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  for (const part of layoutDocx(doc, title)) {
    let packed = CHANGING.has(part.path) ? undefined : packedOnce.get(part.content);
    if (!packed) {
      packed = pack(part.content);
      if (!CHANGING.has(part.path)) packedOnce.set(part.content, packed);
    }
    const entry = new PackedEntry(part.path, packed);
    zip.add(entry);
    entry.flush();
  }
  zip.end();
  return Buffer.concat(chunks);
}

export interface DossierFilesOptions {
  /** A folder with the user's own templates `D1.docx`, `D2.docx`, `D3.docx` (each optional). */
  templatesDir?: string;
  /** Also write a PDF of each document (needs LibreOffice). */
  pdf?: boolean;
  /** Keeps files a person edited since the last run (one guard per output folder); made here if not given. */
  guard?: OutputGuard;
  /** Called after each unit's documents are written, for a progress line on large runs. */
  onProgress?: (unitsDone: number, unitsTotal: number) => void;
}

export interface DossierFilesResult {
  /** Every file written, in order. */
  files: string[];
  /** The gaps left in the documents (`…`), each once, saying what to fill in the workbook. */
  missing: string[];
  /** Nominations that got no document, and why. */
  excluded: string[];
  /** What could not be done but did not stop the rest (PDF without LibreOffice). */
  warnings: string[];
}

/**
 * Writes every unit's dossier into `dir` (the CLI's `DIR/ho-so/`): the default documents, or
 * the user's templates filled with the same values, and PDFs when asked.
 */
export async function writeDossierFiles(e: Evaluation, dir: string, options: DossierFilesOptions = {}): Promise<DossierFilesResult> {
  await mkdir(dir, { recursive: true });
  const templates = new Map<string, Buffer>();
  if (options.templatesDir) {
    for (const [kind, file] of Object.entries(TEMPLATE_FILE)) {
      const path = join(options.templatesDir, file);
      if (existsSync(path)) templates.set(kind, await readFile(path));
    }
  }
  const guard = options.guard ?? new OutputGuard(dir);
  const files: string[] = [];
  const missing = new Set<string>();
  // One unit's documents at a time: a province's 8,700 models never sit in memory together.
  const total = selectForDossiers(e).units.length;
  let done = 0;
  // A unit's files are written while the next unit's are being made: the disk and the CPU
  // work at the same time, and the order of `files` stays the order of the documents.
  let writing: Promise<string[]> = Promise.resolve([]);
  const settle = async () => {
    const written = await writing;
    if (!written.length) return;
    files.push(...written);
    options.onProgress?.(++done, total);
  };
  for (const unit of dossiersByUnit(e)) {
    const made = unit.documents.map((d) => {
      const template = templates.get(d.kind);
      if (template) {
        const filled = fillTemplate(template, d.placeholders, TEMPLATE_FILE[d.kind]);
        filled.missing.forEach((m) => missing.add(m));
        return { d, bytes: filled.buffer };
      }
      d.missing.forEach((m) => missing.add(m));
      return { d, bytes: writeDocx(d.doc, d.title) };
    });
    await settle();
    writing = Promise.all(made.map(({ d, bytes }) => guard.write(join(dir, d.fileName), bytes)));
  }
  await settle();
  const warnings: string[] = [];
  if (options.pdf) {
    try {
      files.push(...(await convertToPdf([...files], dir)));
    } catch (error) {
      warnings.push(error instanceof Error ? error.message : String(error));
    }
  }
  if (!options.guard) await guard.save();
  return { files, missing: [...missing], excluded: selectForDossiers(e).excluded, warnings };
}
