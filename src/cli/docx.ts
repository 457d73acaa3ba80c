/** The Node host's .docx writer: renders the core's document model with the `docx` package. */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { performance } from 'node:perf_hooks';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { buildDossiers, selectForDossiers } from '../core/documents';
import type { Alignment, DocModel, Paragraph as ParagraphModel, Run, Table as TableModel } from '../core/documents';
import type { Evaluation } from '../core/results';
import { writeProblem } from './fsErrors';
import { convertToPdf } from './pdf';
import { OutputGuard } from './outputGuard';
import { TEMPLATE_FILE, fillTemplate, loadTemplates } from './templates';

/** A4 in twips, as Word writes it (w:pgSz 11906 × 16838). */
const A4 = { width: 11906, height: 16838 };
const twips = (mm: number) => Math.round((mm * 1440) / 25.4);
const halfPoints = (pt: number) => Math.round(pt * 2);

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
} as const satisfies Record<Alignment, unknown>;

/** Cell padding: none in borderless layout tables, 1.5 mm in lists. */
const PADDING_MM = { borderless: 0.5, lined: 1.5 };

function fonts(name: string) {
  return { ascii: name, hAnsi: name, cs: name, eastAsia: name };
}

function textRun(run: Run, doc: DocModel): TextRun {
  return new TextRun({
    text: run.text,
    bold: run.bold ?? false,
    italics: run.italic ?? false,
    size: halfPoints(run.size ?? doc.sizePt),
    font: fonts(doc.font),
  });
}

/** A paragraph and, when it has one, the short rule under it (an empty paragraph with a top border). */
function paragraphs(p: ParagraphModel, doc: DocModel, widthMm: number): Paragraph[] {
  const size = p.runs[0]?.size ?? doc.sizePt;
  const out = [
    new Paragraph({
      children: p.runs.map((r) => textRun(r, doc)),
      alignment: ALIGN[p.align ?? 'left'],
      spacing: {
        before: Math.round((p.spaceBeforePt ?? 0) * 20),
        after: Math.round((p.spaceAfterPt ?? 0) * 20),
        line: Math.round((p.lineSpacing ?? 1) * 240),
        lineRule: LineRuleType.AUTO,
      },
      ...(p.firstLineIndentMm ? { indent: { firstLine: twips(p.firstLineIndentMm) } } : {}),
      ...(p.pageBreakBefore ? { pageBreakBefore: true } : {}),
      ...(p.keepWithNext || p.ruleBelowMm ? { keepNext: true } : {}),
      // An empty paragraph keeps the height of its own size, not the document's.
      run: { size: halfPoints(size), font: fonts(doc.font) },
    }),
  ];
  if (p.ruleBelowMm) {
    const side = twips(Math.max(0, (widthMm - p.ruleBelowMm) / 2));
    out.push(
      new Paragraph({
        children: [],
        border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
        indent: { left: side, right: side },
        spacing: { before: 40, after: 0, line: 120, lineRule: LineRuleType.EXACT },
        run: { size: 2, font: fonts(doc.font) },
      }),
    );
  }
  return out;
}

const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const LINED = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };

function table(t: TableModel, doc: DocModel): Table {
  const padding = t.borderless ? PADDING_MM.borderless : PADDING_MM.lined;
  const widths = t.columnWidthsMm.map(twips);
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: t.borderless ? TableBorders.NONE : LINED,
    margins: { left: twips(padding), right: twips(padding), top: 0, bottom: 0 },
    rows: t.rows.map(
      (row, r) =>
        new TableRow({
          tableHeader: r < t.headerRows,
          cantSplit: t.borderless,
          children: row.map((cell, c) => {
            const inner = (t.columnWidthsMm[c] ?? 0) - 2 * padding;
            const content = cell.paragraphs.flatMap((p) => paragraphs(p, doc, inner));
            return new TableCell({
              width: { size: widths[c] ?? 0, type: WidthType.DXA },
              children: content.length ? content : [new Paragraph({})],
            });
          }),
        }),
    ),
  });
}

/** Renders a document model as a .docx file. */
export async function writeDocx(doc: DocModel): Promise<Buffer> {
  const m = doc.page.marginsMm;
  const textWidth = 210 - m.left - m.right;
  const children = doc.blocks.flatMap((b): (Paragraph | Table)[] => (b.kind === 'paragraph' ? paragraphs(b, doc, textWidth) : [table(b, doc)]));
  const pageNumber = new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT], size: halfPoints(doc.pageNumberSizePt), font: fonts(doc.font) })],
      }),
    ],
  });
  const document = new Document({
    creator: 'Thi đua',
    styles: { default: { document: { run: { font: fonts(doc.font), size: halfPoints(doc.sizePt) } } } },
    sections: [
      {
        properties: {
          page: {
            size: { ...A4, orientation: PageOrientation.PORTRAIT },
            margin: { top: twips(m.top), bottom: twips(m.bottom), left: twips(m.left), right: twips(m.right), header: twips(10), footer: twips(10) },
          },
          titlePage: doc.pageNumbersFromPage2,
        },
        headers: doc.pageNumbersFromPage2
          ? { default: pageNumber, first: new Header({ children: [new Paragraph({})] }) }
          : {},
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
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
  const templates = options.templatesDir ? await loadTemplates(options.templatesDir) : new Map<string, Buffer>();
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
        bytes = await writeDocx(d.doc);
        d.missing.forEach((m) => missing.add(m));
      }
      files.push(await guard.write(join(dir, d.fileName), bytes));
    }
    options.onProgress?.(index + 1, units.length);
  }
  const warnings: string[] = [];
  if (options.pdf) {
    // LibreOffice writes into a folder of its own; each PDF then goes through the guard like a .docx.
    const staging = await mkdtemp(join(tmpdir(), 'thidua-pdf-')).catch((error: unknown) => {
      throw writeProblem(error, tmpdir()) ?? error;
    });
    try {
      const pdfs = await convertToPdf([...files], staging).catch((error: unknown) => {
        warnings.push(error instanceof Error ? error.message : String(error));
        return [];
      });
      for (const pdf of pdfs) files.push(await guard.write(join(dir, basename(pdf)), await readFile(pdf)));
    } finally {
      await rm(staging, { recursive: true, force: true });
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
  for (const d of some) await writeDocx(d.doc);
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
