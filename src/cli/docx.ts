/** The Node host's .docx writer: zips the parts the core lays out (one renderer for both hosts). */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { dossierWork, layoutDocx, selectForDossiers, unitDossier } from '../core/documents';
import type { DocModel, DossierWork, UnitDossierDocs } from '../core/documents';
import type { Evaluation } from '../core/results';
import { writeProblem } from './fsErrors';
import { convertToPdf } from './pdf';
import { OutputGuard } from './outputGuard';
import { TEMPLATE_FILE, fillTemplate, loadTemplates } from './templates';
import { pack, writeZip } from './zip';
import type { PackedEntry } from './zip';

/** Parts that are the same in every document (rels, styles, settings, headers), packed once: by path, then content. */
const packedOnce = new Map<string, Map<string, PackedEntry>>();
const CHANGING = new Set(['word/document.xml', 'docProps/core.xml']);
/** A changing part under this many bytes (the title in `core.xml`) is stored, not deflated. */
const SMALL_PART = 1024;

/** A document model as the bytes of a .docx (fast compression: hundreds of documents a second). */
export function writeDocx(doc: DocModel, title = ''): Buffer {
  const entries = layoutDocx(doc, title).map((part) => {
    // A picture is packed as it is, never cached by its (empty) text.
    if (part.bytes) return pack(part.path, part.bytes, 1);
    if (CHANGING.has(part.path)) {
      const bytes = Buffer.from(part.content, 'utf8');
      return pack(part.path, bytes, bytes.length < SMALL_PART ? 0 : 1);
    }
    let known = packedOnce.get(part.path);
    if (!known) packedOnce.set(part.path, (known = new Map()));
    let packed = known.get(part.content);
    if (!packed) known.set(part.content, (packed = pack(part.path, Buffer.from(part.content, 'utf8'), 1)));
    return packed;
  });
  const zip = writeZip(entries);
  return Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength); // a view, not a copy
}

/** Units whose files may be being written at once (a unit has 2 to a dozen files). */
const UNITS_IN_FLIGHT = 64;
/**
 * Units handed to the guard in one write: on the writer thread, one message. Each message wakes
 * that thread, which then takes a core from the threads building (~0.6 s of a province run's
 * main thread, one message per unit, on this 2-core machine).
 */
const UNITS_PER_WRITE = 8;

/** One unit's files as bytes, and the gaps left in them. */
export interface UnitFiles {
  files: { fileName: string; bytes: Uint8Array }[];
  missing: string[];
}

/** A unit's documents as files: the default ones, or the user's templates filled with the same values. */
export function unitFiles(unit: UnitDossierDocs, templates: ReadonlyMap<string, Uint8Array>): UnitFiles {
  const missing: string[] = [];
  const files = unit.documents.map((d) => {
    const template = templates.get(d.kind);
    if (template) {
      const filled = fillTemplate(template, d.placeholders, TEMPLATE_FILE[d.kind]);
      missing.push(...filled.missing);
      return { fileName: d.fileName, bytes: filled.buffer };
    }
    missing.push(...d.missing);
    return { fileName: d.fileName, bytes: writeDocx(d.doc, d.title) };
  });
  return { files, missing };
}

/**
 * Builds units of a run beside this thread (the CLI's second thread). Both take units from one
 * queue: `queue[0]` is the next unit's position in the work's plans, raised with
 * `Atomics.add`, so neither waits for the other to hand out work.
 */
export interface UnitBuilder {
  /** Takes units of `work.plans` from `queue` until none is left, giving each one's files to `built`; rejects if it stopped short. */
  share(work: DossierWork, templates: ReadonlyMap<string, Uint8Array>, queue: Int32Array, built: (unit: number, files: UnitFiles) => void): Promise<void>;
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
  /** Builds units beside this thread; if it fails, this thread builds the units it did not give (same files). */
  helper?: UnitBuilder;
  /** Stops the run between two units (the caller failed elsewhere); the writes under way finish. */
  signal?: AbortSignal;
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

/** Lets the events waiting (the helper's answers, finished writes) in between two units. */
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Writes every unit's dossier into `dir` (the CLI's `DIR/ho-so/`): the default documents, or
 * the user's templates filled with the same values, and PDFs when asked. Units are built in
 * order, here and on the helper if given, and written in that order whoever built them.
 */
export async function writeDossierFiles(e: Evaluation, dir: string, options: DossierFilesOptions = {}): Promise<DossierFilesResult> {
  const templates = options.templatesDir ? await loadTemplates(options.templatesDir) : new Map<string, Buffer>();
  const guard = options.guard ?? new OutputGuard(dir);
  const work = dossierWork(e);
  const { plans } = work;
  const files: string[] = [];
  const missing = new Set<string>();
  // A unit's files wait here from when they are built until their turn to be written.
  const built: (UnitFiles | undefined)[] = [];
  const queue = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  const take = () => Atomics.add(queue, 0, 1);
  let started = 0;
  let stopped = false;
  const { helper, signal } = options;
  const buildHere = (i: number) => {
    built[i] = unitFiles(unitDossier(work, i), templates);
  };
  // The files of the last units made are written while the next are being made: the disk (libuv's
  // threads, or the writer thread) and the CPU work at the same time. `files` keeps the order of the documents.
  const writing: { units: number; paths: Promise<string[]> }[] = [];
  // Built units, in order, not yet handed to the guard.
  const ready: UnitFiles[] = [];
  const startWrites = (all = false) => {
    for (let unit = built[started]; unit && !stopped && !signal?.aborted; unit = built[started]) {
      built[started++] = undefined;
      unit.missing.forEach((m) => missing.add(m));
      ready.push(unit);
    }
    if (ready.length < (all ? 1 : UNITS_PER_WRITE)) return;
    const units = ready.splice(0);
    const paths = guard.writeAll(units.flatMap((u) => u.files.map((f) => ({ path: join(dir, f.fileName), bytes: f.bytes }))));
    // Handled when its turn comes; until then a failure must not count as unhandled.
    paths.catch(() => undefined);
    writing.push({ units: units.length, paths });
  };
  let done = 0;
  const settle = async () => {
    const { units, paths } = writing.shift() as (typeof writing)[number];
    files.push(...(await paths));
    for (let i = 0; i < units; i++) options.onProgress?.(++done, plans.length);
  };
  const helping = helper
    ? helper.share(work, templates, queue, (unit, files) => {
        built[unit] = files;
        startWrites();
      })
    : Promise.resolve();
  helping.catch(() => undefined);
  try {
    for (let i = take(); i < plans.length; i = take()) {
      signal?.throwIfAborted();
      buildHere(i);
      startWrites();
      while (writing.length > UNITS_IN_FLIGHT / UNITS_PER_WRITE) await settle();
      // The helper's units come in as events.
      if (helper) await turn();
    }
    // The helper is waited for only if it holds units: one that never got going (its code did not
    // load) must not hang the run. A unit it took but did not give (it failed) is built here.
    const unbuilt = () => {
      for (let i = started; i < plans.length; i++) if (!built[i]) return true;
      return false;
    };
    if (unbuilt()) await helping.catch(() => undefined);
    for (let i = started; i < plans.length; i++) if (!built[i]) buildHere(i);
    startWrites(true);
    while (writing.length) await settle();
  } catch (error) {
    stopped = true;
    // The helper takes no more units; what it still gives is not written (its owner stops it).
    Atomics.store(queue, 0, plans.length);
    // The writes still under way finish first, so the manifest the caller saves names every file written.
    await Promise.allSettled(writing.map((w) => w.paths));
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
