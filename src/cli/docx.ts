/** The Node host's .docx writer: zips the parts the core lays out (one renderer for both hosts). */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { dossiersByUnit, layoutDocx, selectForDossiers } from '../core/documents';
import type { DocModel } from '../core/documents';
import type { Evaluation } from '../core/results';
import { writeProblem } from './fsErrors';
import { convertToPdf } from './pdf';
import { OutputGuard } from './outputGuard';
import { TEMPLATE_FILE, fillTemplate, loadTemplates } from './templates';
import { pack, writeZip } from './zip';
import type { PackedEntry } from './zip';

/** Parts that are the same in every document (rels, styles, settings, headers), packed once. */
const packedOnce = new Map<string, PackedEntry>();
const CHANGING = new Set(['word/document.xml', 'docProps/core.xml']);

/** A document model as the bytes of a .docx (fast compression: hundreds of documents a second). */
export function writeDocx(doc: DocModel, title = ''): Buffer {
  const entries = layoutDocx(doc, title).map((part) => {
    // A picture is packed as it is, never cached by its (empty) text.
    if (part.bytes) return pack(part.path, part.bytes, 1);
    const key = `${part.path}\n${part.content}`;
    const known = CHANGING.has(part.path) ? undefined : packedOnce.get(key);
    if (known) return known;
    const packed = pack(part.path, Buffer.from(part.content, 'utf8'), 1);
    if (!CHANGING.has(part.path)) packedOnce.set(key, packed);
    return packed;
  });
  const zip = writeZip(entries);
  return Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength); // a view, not a copy
}

/** Units whose files may be being written at once (a unit has 2 to a dozen files). */
const UNITS_IN_FLIGHT = 16;

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
  const templates = options.templatesDir ? await loadTemplates(options.templatesDir) : new Map<string, Buffer>();
  const guard = options.guard ?? new OutputGuard(dir);
  const files: string[] = [];
  const missing = new Set<string>();
  // One unit's documents are made at a time: a province's 8,700 models never sit in memory together.
  const total = selectForDossiers(e).units.length;
  let done = 0;
  // The files of the last units made are written while the next are being made: the disk (libuv's
  // threads) and the CPU work at the same time. `files` keeps the order of the documents.
  const writing: Promise<string[]>[] = [];
  const settle = async () => {
    files.push(...(await (writing.shift() as Promise<string[]>)));
    options.onProgress?.(++done, total);
  };
  try {
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
      // Every write of a unit settles before its failure is told: none is left running unrecorded.
      const unitWrites = Promise.allSettled(made.map(({ d, bytes }) => guard.write(join(dir, d.fileName), bytes))).then((results) =>
        results.map((r) => {
          if (r.status === 'rejected') throw r.reason;
          return r.value;
        }),
      );
      // Handled when its turn comes; until then a failure must not count as unhandled.
      unitWrites.catch(() => undefined);
      writing.push(unitWrites);
      if (writing.length > UNITS_IN_FLIGHT) await settle();
    }
    while (writing.length) await settle();
  } catch (error) {
    // The writes still under way finish first, so the manifest the caller saves names every file written.
    await Promise.allSettled(writing);
    throw error;
  }
  const warnings: string[] = [];
  if (options.pdf) files.push(...(await pdfCopies([...files], dir, guard, warnings)));
  if (!options.guard) await guard.save();
  return { files, missing: [...missing], excluded: selectForDossiers(e).excluded, warnings };
}

/**
 * PDF copies of `files` in `dir`, through `guard` like the .docx (LibreOffice writes into a
 * folder of its own first). Without LibreOffice the reason goes into `warnings` and none is made.
 */
export async function pdfCopies(files: string[], dir: string, guard: OutputGuard, warnings: string[]): Promise<string[]> {
  const staging = await mkdtemp(join(tmpdir(), 'thidua-pdf-')).catch((error: unknown) => {
    throw writeProblem(error, tmpdir()) ?? error;
  });
  const written: string[] = [];
  try {
    const pdfs = await convertToPdf(files, staging).catch((error: unknown) => {
      warnings.push(error instanceof Error ? error.message : String(error));
      return [];
    });
    for (const pdf of pdfs) written.push(await guard.write(join(dir, basename(pdf)), await readFile(pdf)));
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  return written;
}
