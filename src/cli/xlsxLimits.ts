/**
 * Before exceljs builds a workbook in memory, the package is read piece by piece: rows that hold
 * no value (a million formatted blank rows, say) are left out, so reading stops at the last row
 * with a value; a workbook still too large is refused before memory runs out.
 */
import { readZip, streamEntry, TooLarge, writeZip } from './zip';
import type { OutEntry } from './zip';

export interface Limits {
  /** Most bytes a sheet may inflate to before its blank rows are left out. */
  partBytes: number;
  /** Most bytes of sheet XML kept, over all sheets; and most bytes of any other part. */
  keptBytes: number;
  /** Most cells holding a value, over all sheets. */
  valueCells: number;
}

/**
 * exceljs holds about 360 bytes per cell over a base of about 340 MB (measured: 0.5 M cells read
 * in 518 MB, 1 M in 696 MB); a million cells keeps a run under 1 GB with room for the core,
 * and a province's workbook (≈ 355,000 cells) far inside.
 */
export const LIMITS: Limits = { partBytes: 2_000_000_000, keptBytes: 200_000_000, valueCells: 1_000_000 };

/** The workbook is more than the command can read within its memory. */
export class WorkbookTooLarge extends Error {
  override name = 'WorkbookTooLarge';
}

const SHEET_PART = /^xl\/worksheets\/[^/]+\.xml$/i;
const ROW_OR_END = /<(?:\w+:)?row\b|<\/(?:\w+:)?sheetData>/g;
const HOLDS_VALUE = /<(?:\w+:)?(?:v|is|f)[\s>/]/;
const CELL = /<(?:\w+:)?c[\s>/]/g;
const ROW_CLOSE = /<\/(?:\w+:)?row>/g;

/** One sheet's XML without its valueless rows; counts the cells kept. */
class SheetTrimmer {
  private readonly decoder = new TextDecoder();
  private buffer = '';
  private state: 'head' | 'rows' | 'tail' = 'head';
  private row = 0;
  readonly kept: string[] = [];
  dropped = 0;

  constructor(private readonly limits: Limits, private readonly total: { bytes: number; cells: number }) {}

  push(chunk: Uint8Array, last = false): void {
    this.buffer += this.decoder.decode(chunk, { stream: !last });
    if (this.state === 'head') this.head();
    if (this.state === 'rows') this.rows();
    if (this.state === 'tail') this.keep(this.buffer.length);
  }

  private keep(length: number): void {
    this.add(this.buffer.slice(0, length));
    this.buffer = this.buffer.slice(length);
  }

  private head(): void {
    const open = /<(?:\w+:)?sheetData\b[^>]*>/.exec(this.buffer);
    if (!open) {
      // A tag may be cut between two chunks: keep back its possible start.
      this.keep(Math.max(0, this.buffer.length - 200));
      return;
    }
    this.keep(open.index + open[0].length);
    this.state = open[0].endsWith('/>') ? 'tail' : 'rows';
  }

  /** Walks the rows with a position, cutting the buffer once: rows are many, chunks are large. */
  private rows(): void {
    let at = 0;
    for (;;) {
      ROW_OR_END.lastIndex = at;
      const next = ROW_OR_END.exec(this.buffer);
      if (!next) {
        // Whitespace between rows; keep back what could start a tag.
        const lt = this.buffer.lastIndexOf('<');
        this.buffer = lt >= at ? this.buffer.slice(lt) : '';
        return;
      }
      if (next[0].startsWith('</')) {
        this.buffer = this.buffer.slice(next.index);
        this.state = 'tail';
        return;
      }
      const startEnd = this.buffer.indexOf('>', next.index);
      let end = -1;
      if (startEnd >= 0 && this.buffer[startEnd - 1] === '/') end = startEnd + 1;
      else if (startEnd >= 0) {
        ROW_CLOSE.lastIndex = startEnd;
        const close = ROW_CLOSE.exec(this.buffer);
        if (close) end = close.index + close[0].length;
      }
      if (end < 0) {
        this.buffer = this.buffer.slice(next.index);
        return;
      }
      const startTag = this.buffer.slice(next.index, startEnd + 1);
      const rowXml = this.buffer.slice(next.index, end);
      at = end;
      const numbered = /\sr\s*=\s*["'](\d+)["']/.exec(startTag);
      this.row = numbered ? Number(numbered[1]) : this.row + 1;
      if (!HOLDS_VALUE.test(rowXml)) {
        this.dropped++;
        continue;
      }
      const cells = rowXml.match(CELL)?.length ?? 0;
      this.total.cells += cells;
      if (this.total.cells > this.limits.valueCells) throw new WorkbookTooLarge('cells');
      // A row without its number takes it from the row before, which may now be left out.
      this.add(numbered ? rowXml : rowXml.replace(/^<((?:\w+:)?row)\b/, `<$1 r="${this.row}"`));
    }
  }

  private add(text: string): void {
    this.kept.push(text);
    this.total.bytes += text.length;
    if (this.total.bytes > this.limits.keptBytes) throw new WorkbookTooLarge('kept bytes');
  }
}

/**
 * The package exceljs should read: `bytes` itself when no sheet has valueless rows, else a copy
 * whose sheets lack them. Throws WorkbookTooLarge, or the zip reader's BadZip.
 */
export function readablePackage(bytes: Uint8Array, limits: Limits = LIMITS): Uint8Array {
  const entries = readZip(bytes);
  const total = { bytes: 0, cells: 0 };
  const out: OutEntry[] = [];
  let trimmed = false;
  const encoder = new TextEncoder();
  for (const entry of entries) {
    try {
      if (!SHEET_PART.test(entry.name)) {
        // exceljs inflates every part: none may be a zip bomb.
        if (/\.(xml|rels)$/i.test(entry.name)) streamEntry(entry, limits.keptBytes, () => undefined);
        out.push(entry);
        continue;
      }
      const sheet = new SheetTrimmer(limits, total);
      streamEntry(entry, limits.partBytes, (chunk) => sheet.push(chunk));
      sheet.push(new Uint8Array(0), true);
      if (!sheet.dropped) {
        out.push(entry);
        continue;
      }
      trimmed = true;
      out.push({ name: entry.name, data: encoder.encode(sheet.kept.join('')) });
    } catch (error) {
      if (error instanceof TooLarge) throw new WorkbookTooLarge(entry.name);
      throw error;
    }
  }
  return trimmed ? writeZip(out) : bytes;
}
