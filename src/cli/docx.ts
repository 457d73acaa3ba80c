/** The Node host's .docx writer: zips the parts the core lays out (one renderer for both hosts). */
import { zipSync, strToU8 } from 'fflate';
import type { Zippable } from 'fflate';
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildDossiers, layoutDocx, selectForDossiers } from '../core/documents';
import type { DocModel } from '../core/documents';
import type { Evaluation } from '../core/results';
import { convertToPdf } from './pdf';
import { OutputGuard } from './outputGuard';
import { TEMPLATE_FILE, fillTemplate } from './templates';

/**
 * A document model as the bytes of a .docx. Level 1 deflate: the XML shrinks about as much as
 * at level 6, several times faster.
 */
export function writeDocx(doc: DocModel, title = ''): Buffer {
  const files: Zippable = {};
  for (const part of layoutDocx(doc, title)) files[part.path] = strToU8(part.content);
  return Buffer.from(zipSync(files, { level: 1, mtime: new Date(Date.UTC(2020, 0, 1)) }));
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
  const units = buildDossiers(e);
  for (const [index, unit] of units.entries()) {
    for (const d of unit.documents) {
      const template = templates.get(d.kind);
      let bytes: Buffer;
      if (template) {
        const filled = fillTemplate(template, d.placeholders, TEMPLATE_FILE[d.kind]);
        bytes = filled.buffer;
        filled.missing.forEach((m) => missing.add(m));
      } else {
        bytes = writeDocx(d.doc, d.title);
        d.missing.forEach((m) => missing.add(m));
      }
      files.push(await guard.write(join(dir, d.fileName), bytes));
    }
    options.onProgress?.(index + 1, units.length);
  }
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

/** For `npm run bench`: builds every dossier's model, then writes a sample of them as .docx. */
export async function measureDossiers(e: Evaluation, sample = 300) {
  const start = performance.now();
  const units = buildDossiers(e);
  const buildMs = performance.now() - start;
  const documents = units.flatMap((u) => u.documents);
  const some = documents.slice(0, sample);
  const writeStart = performance.now();
  for (const d of some) writeDocx(d.doc, d.title);
  const writeMs = performance.now() - writeStart;
  const perUnit = documents.length / Math.max(units.length, 1);
  return {
    units: units.length,
    documents: documents.length,
    buildMs,
    /** Documents per second, model and .docx together. */
    documentsPerSecond: 1000 / (buildMs / Math.max(documents.length, 1) + writeMs / Math.max(some.length, 1)),
    /** Unit dossiers (D1 + D2 + their D3s) per second, model and .docx together. */
    dossiersPerSecond: 1000 / (buildMs / Math.max(units.length, 1) + (writeMs / Math.max(some.length, 1)) * perUnit),
  };
}
