/**
 * A small document model both hosts can render: the Node host writes it as `.docx`, the Apps
 * Script host as a Google Doc. Plain JSON-safe data; sizes in points, lengths in millimetres.
 *
 * Capitals are written into the text itself (not a «caps» flag): Google Docs has no all-caps
 * attribute, and a text search in either output must find what a reader sees.
 */

import type { ChartSpec } from './charts';

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** Font size in points; the document's base size when absent. */
  size?: number;
  /** A colour as `RRGGBB` (the red of a certificate's title); black when absent. */
  color?: string;
}

/** Where a tab stop sits and how text aligns at it, measured from the left margin. */
export interface TabStop {
  posMm: number;
  align: 'left' | 'center' | 'right';
}

export type Alignment = 'left' | 'center' | 'right' | 'justify';

export interface Paragraph {
  kind: 'paragraph';
  runs: Run[];
  align?: Alignment;
  firstLineIndentMm?: number;
  spaceBeforePt?: number;
  spaceAfterPt?: number;
  /** Line spacing as a multiple of single (1 to 1.5 in Decree 30). */
  lineSpacing?: number;
  /**
   * A short centred horizontal rule under the paragraph, this many millimetres long (the line
   * under the issuing body and under the motto). .docx draws it as a paragraph border; Google
   * Docs may underline the paragraph's text instead.
   */
  ruleBelowMm?: number;
  pageBreakBefore?: boolean;
  keepWithNext?: boolean;
  /** Never split the paragraph across pages. */
  keepLines?: boolean;
  /**
   * A dotted line from the end of the text to the right edge, where a person still writes by
   * hand (a tab with a dot leader, so it always reaches the margin exactly).
   */
  dotsToEnd?: boolean;
  /** Tab stops (positioned text on a pre-printed blank: each piece after a tab lands at its stop). */
  tabStops?: TabStop[];
  /** An exact line height in points, so a line's place on the page never depends on its font. */
  exactLineHeightPt?: number;
  /** A picture as the paragraph's content (its runs are ignored): a media part of the document. */
  image?: { mediaPath: string; widthMm: number; heightMm: number; name: string };
  /** An empty box with a thin border, this big, as the paragraph's content (the place of a missing picture). */
  emptyBoxMm?: { widthMm: number; heightMm: number };
  /** A chart drawn in the paragraph (the paragraph's text, if any, comes before it). */
  chart?: InlineChart;
}

/**
 * A chart inside a paragraph. `id` numbers the document's charts from 1 (their parts are
 * `chart<id>.xml`), so a renderer needs no state to name them.
 */
export interface InlineChart {
  id: number;
  spec: ChartSpec;
  widthMm: number;
  heightMm: number;
}

export interface TableCell {
  paragraphs: Paragraph[];
  /** Vertical alignment of the cell's content (top when absent). */
  vAlign?: 'top' | 'center' | 'bottom';
}

export interface Table {
  kind: 'table';
  /** The header table and signature blocks are borderless; lists have single lines. */
  borderless: boolean;
  columnWidthsMm: number[];
  /** How many leading rows are the header (bold, repeated on every page). */
  headerRows: number;
  rows: TableCell[][];
  /** A signature block or a short table: its lines never break across pages and keep with what follows. */
  keepTogether?: boolean;
  /** The paragraph before the table keeps with it, so the table never starts a page alone. */
  keepWithPrevious?: boolean;
}

export type Block = Paragraph | Table;

export interface PageSetup {
  size: 'A4';
  /** Portrait when absent. */
  orientation?: 'landscape';
  marginsMm: { top: number; bottom: number; left: number; right: number };
}

export interface DocModel {
  page: PageSetup;
  font: string;
  /** Base font size in points. */
  sizePt: number;
  /** Page numbers at the top centre from the second page on (none on the first). */
  pageNumbersFromPage2: boolean;
  /** Size of the page numbers in points. */
  pageNumberSizePt: number;
  blocks: Block[];
  /** Binary parts (pictures) the blocks show, by path inside `word/` (`media/quoc-huy.png`). */
  media?: MediaPart[];
}

export interface MediaPart {
  path: string;
  contentType: 'image/png' | 'image/jpeg';
  bytes: Uint8Array;
}

/** The plain text of a document, paragraph by paragraph (for tests and quick checks). */
export function plainText(doc: DocModel): string {
  const lines: string[] = [];
  const paragraph = (p: Paragraph) => lines.push(p.runs.map((r) => r.text).join(''));
  for (const block of doc.blocks) {
    if (block.kind === 'paragraph') paragraph(block);
    else for (const row of block.rows) for (const cell of row) cell.paragraphs.forEach(paragraph);
  }
  return lines.join('\n');
}
