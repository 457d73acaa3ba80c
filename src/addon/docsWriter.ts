/**
 * Renders the core's document model into a Google Doc's body with DocumentApp: used only for the
 * user's templates («Tạo mẫu hồ sơ»), which must be Google Docs they edit and the add-on fills
 * with DocumentApp; the default documents are the core's `.docx`, imported by Drive. Text goes in with `insertParagraph`/`insertTable`, which never
 * read it as markup: a `{{x}}`, `<b>` or `=1+1` in a name stays as typed.
 *
 * Service calls per document do not depend on the number of nominees: a list table is one
 * `insertTable(cells)` and a fixed number of formatting calls (its columns, its header row);
 * a paragraph is two calls (insert, one `setAttributes`). What Google Docs cannot do from Apps
 * Script is left out and said in docs/dossiers.md: page numbers, «keep with next», a repeated
 * header row, a paragraph border (the short rule is a line of underscores), and per-column
 * alignment of a list's body cells (they stay left-aligned; aligning them would cost calls per row).
 */
import type { Alignment, DocModel, Paragraph, Run, Table } from '../core/documents';

type Body = GoogleAppsScript.Document.Body;
type Cell = GoogleAppsScript.Document.TableCell;
type DocParagraph = GoogleAppsScript.Document.Paragraph;
type DocTable = GoogleAppsScript.Document.Table;
type Attributes = Record<string, unknown>;

/** Points per millimetre: Docs measures everything in points. */
const PT_PER_MM = 72 / 25.4;
export const pt = (mm: number): number => Math.round(mm * PT_PER_MM * 100) / 100;

/** A4 in points (210 × 297 mm). */
export const A4_PT = { width: pt(210), height: pt(297) };

/** A list table's lines: thin and black, as in the .docx. */
const LINE = { width: 0.5, color: '#000000' };

/** The short rule under a header line: underscores in a small size, centred (Docs has no paragraph border). */
export const RULE_SIZE_PT = 7;
/** Width of `_` in Times New Roman: half an em. */
const UNDERSCORE_MM = (RULE_SIZE_PT * 0.5) / PT_PER_MM;
export const ruleText = (mm: number): string => '_'.repeat(Math.max(1, Math.round(mm / UNDERSCORE_MM)));

function alignment(align: Alignment | undefined): unknown {
  const H = DocumentApp.HorizontalAlignment;
  return { left: H.LEFT, center: H.CENTER, right: H.RIGHT, justify: H.JUSTIFY }[align ?? 'left'];
}

/** The text attributes of a run, every one explicit so nothing is inherited by accident. */
function runAttributes(run: Run, doc: DocModel): Attributes {
  const A = DocumentApp.Attribute;
  return {
    [A.FONT_FAMILY]: doc.font,
    [A.FONT_SIZE]: run.size ?? doc.sizePt,
    [A.BOLD]: run.bold === true,
    [A.ITALIC]: run.italic === true,
    [A.UNDERLINE]: false,
  };
}

function paragraphAttributes(p: Paragraph, doc: DocModel): Attributes {
  const A = DocumentApp.Attribute;
  return {
    [A.HORIZONTAL_ALIGNMENT]: alignment(p.align),
    [A.INDENT_FIRST_LINE]: pt(p.firstLineIndentMm ?? 0),
    [A.INDENT_START]: 0,
    [A.INDENT_END]: 0,
    [A.SPACING_BEFORE]: p.spaceBeforePt ?? 0,
    [A.SPACING_AFTER]: p.spaceAfterPt ?? 0,
    [A.LINE_SPACING]: p.lineSpacing ?? 1,
    ...runAttributes(p.runs[0] ?? { text: '' }, doc),
  };
}

const sameLook = (a: Run, b: Run) => a.bold === b.bold && a.italic === b.italic && a.size === b.size;

/** Fills a paragraph made with its text: one call when its runs look alike, one more per run otherwise. */
function formatParagraph(target: DocParagraph, p: Paragraph, doc: DocModel): void {
  target.setAttributes(paragraphAttributes(p, doc));
  const first = p.runs[0];
  if (!first || p.runs.every((r) => sameLook(r, first))) return;
  const text = target.editAsText();
  let offset = 0;
  for (const run of p.runs) {
    if (run.text.length) text.setAttributes(offset, offset + run.text.length - 1, runAttributes(run, doc));
    offset += run.text.length;
  }
}

const textOf = (p: Paragraph): string => p.runs.map((r) => r.text).join('');

/** The rule paragraph under `p`: centred underscores, no space around. */
function ruleParagraph(p: Paragraph): Paragraph {
  return {
    kind: 'paragraph',
    runs: [{ text: ruleText(p.ruleBelowMm ?? 0), size: RULE_SIZE_PT }],
    align: 'center',
    spaceBeforePt: 0,
    spaceAfterPt: 0,
    lineSpacing: 1,
  };
}

/** A paragraph and its rule, as the paragraphs Docs will hold. */
const expand = (p: Paragraph): Paragraph[] => (p.ruleBelowMm ? [p, ruleParagraph(p)] : [p]);

/**
 * Inserts blocks before a cursor paragraph that stays last: Docs cannot end a body with a
 * table, and inserting before the end never makes it add a blank paragraph of its own.
 */
class BodyWriter {
  private index = 0;
  constructor(
    private readonly body: Body,
    private readonly doc: DocModel,
  ) {}

  paragraph(p: Paragraph): void {
    if (p.pageBreakBefore) this.body.insertPageBreak(this.index++);
    for (const part of expand(p)) formatParagraph(this.body.insertParagraph(this.index++, textOf(part)), part, this.doc);
  }

  table(t: Table): void {
    if (t.borderless) this.layoutTable(t);
    else this.listTable(t);
  }

  /**
   * Inserts a table and goes on right after it, wherever Docs put it: Docs may add a paragraph
   * of its own before a table (at the very start of a body), which would shift a counted index.
   */
  private insertTable(cells: string[][]): DocTable {
    const table = this.body.insertTable(this.index, cells);
    this.index = this.body.getChildIndex(table) + 1;
    return table;
  }

  private widths(table: DocTable, t: Table): void {
    t.columnWidthsMm.forEach((mm, c) => table.setColumnWidth(c, pt(mm)));
  }

  /**
   * A borderless layout table (the header, the signatures): a fixed shape whatever the
   * nominees, so each of its paragraphs is formatted on its own.
   */
  private layoutTable(t: Table): void {
    const A = DocumentApp.Attribute;
    const cells = t.rows.map((row) => row.map((cell) => (cell.paragraphs[0] ? textOf(cell.paragraphs[0]) : '')));
    const table = this.insertTable(cells);
    table.setAttributes({ [A.BORDER_WIDTH]: 0 });
    this.widths(table, t);
    const padding = { [A.PADDING_TOP]: 0, [A.PADDING_BOTTOM]: 0, [A.PADDING_LEFT]: pt(0.5), [A.PADDING_RIGHT]: pt(0.5) };
    t.rows.forEach((row, r) =>
      row.forEach((model, c) => {
        const cell = table.getCell(r, c);
        cell.setAttributes(padding);
        this.cellParagraphs(cell, model.paragraphs);
      }),
    );
  }

  private cellParagraphs(cell: Cell, paragraphs: Paragraph[]): void {
    const [first, ...rest] = paragraphs.flatMap(expand);
    if (!first) return;
    formatParagraph(cell.getChild(0).asParagraph(), first, this.doc);
    for (const p of rest) formatParagraph(cell.appendParagraph(textOf(p)), p, this.doc);
  }

  /**
   * A lined list: all its text in one `insertTable`, a cell's lines kept in its one paragraph;
   * the font for the whole table in one call; the header row bold and centred.
   */
  private listTable(t: Table): void {
    const A = DocumentApp.Attribute;
    const cells = t.rows.map((row) => row.map((cell) => cell.paragraphs.map(textOf).join('\n')));
    const table = this.insertTable(cells);
    table.setAttributes({ [A.BORDER_WIDTH]: LINE.width, [A.BORDER_COLOR]: LINE.color });
    this.widths(table, t);
    const size = t.rows[t.headerRows]?.[0]?.paragraphs[0]?.runs[0]?.size ?? t.rows[0]?.[0]?.paragraphs[0]?.runs[0]?.size ?? this.doc.sizePt;
    table.editAsText().setAttributes({ [A.FONT_FAMILY]: this.doc.font, [A.FONT_SIZE]: size, [A.BOLD]: false, [A.ITALIC]: false, [A.UNDERLINE]: false });
    for (let r = 0; r < t.headerRows; r++) {
      table.getRow(r).editAsText().setBold(true);
      t.rows[r]?.forEach((cell, c) => table.getCell(r, c).getChild(0).asParagraph().setAlignment(alignment(cell.paragraphs[0]?.align ?? 'center') as GoogleAppsScript.Document.HorizontalAlignment));
    }
  }
}

/**
 * Writes `doc` into `body`, replacing what it held (a re-run updates a document in place, so
 * its link stays): page size and margins, then every block in order.
 */
export function renderDocument(body: Body, doc: DocModel): void {
  const A = DocumentApp.Attribute;
  const m = doc.page.marginsMm;
  body.clear();
  // The page's own setters: documented for Body, where `setAttributes` is not said to take them.
  body.setPageWidth(A4_PT.width).setPageHeight(A4_PT.height);
  body.setMarginTop(pt(m.top)).setMarginBottom(pt(m.bottom)).setMarginLeft(pt(m.left)).setMarginRight(pt(m.right));
  const writer = new BodyWriter(body, doc);
  for (const block of doc.blocks) {
    if (block.kind === 'paragraph') writer.paragraph(block);
    else writer.table(block);
  }
  // The cursor paragraph is left last, small: after the closing table it is required anyway.
  const last = body.getChild(body.getNumChildren() - 1).asParagraph();
  last.setAttributes({ [A.FONT_FAMILY]: doc.font, [A.FONT_SIZE]: 2, [A.SPACING_BEFORE]: 0, [A.SPACING_AFTER]: 0 });
}
