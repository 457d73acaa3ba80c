/**
 * The layout of a Vietnamese administrative document (Decree 30/2020/NĐ-CP, appendix I), in one
 * place: page, font, sizes, the two-column header, title, body, recipients and signature.
 */
import type { CalendarDate } from '../model';
import { cleanText, documentDate, documentDay, normalizeKey } from '../text';
import type { Alignment, Block, DocModel, Paragraph, Run, Table, TableCell } from './model';

/** A4 portrait; top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm. */
export const MARGINS_MM = { top: 20, bottom: 20, left: 30, right: 15 } as const;
export const TEXT_WIDTH_MM = 210 - MARGINS_MM.left - MARGINS_MM.right;
export const FONT = 'Times New Roman';

/** Sizes in points, each inside the decree's range for its element. */
export const SIZE = {
  body: 14,
  issuer: 13,
  nationalTitle: 12,
  motto: 13,
  number: 13,
  dateLine: 14,
  title: 14,
  table: 13,
  recipientsLabel: 12,
  recipients: 11,
  signer: 14,
  pageNumber: 14,
} as const;

/** The header's two columns: issuing body on the left, national title on the right. */
const HEADER_COLUMNS_MM = [62, TEXT_WIDTH_MM - 62];
const MOTTO = 'Độc lập - Tự do - Hạnh phúc';
/** The rule under the motto is as long as the motto (measured on Times New Roman bold 13). */
const MOTTO_RULE_MM = 56;
/** Body: first-line indent 1–1.27 cm, at least 6 pt between paragraphs. */
const BODY_INDENT_MM = 12.7;
const BODY_SPACE_PT = 6;

/** The mark of a value the workbook did not give: visible, never invented. */
export const GAP = '…';

export const upper = (text: string): string => text.normalize('NFC').toUpperCase();

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * `ngày 05 tháng 01 năm 2023`: a leading zero for days below 10 and for months 1 and 2 only
 * (so `ngày 03 tháng 12`, `ngày 15 tháng 11`). A missing date leaves visible gaps.
 */
export function dayMonthYear(date: CalendarDate | null): string {
  return date ? documentDay(date) : `ngày ${GAP} tháng ${GAP} năm ${GAP}`;
}

/** The place-and-date line: `Hữu Lũng, ngày 05 tháng 01 năm 2023` (gaps when the date is missing). */
export function placeAndDate(place: string, date: CalendarDate | null): string {
  return date ? documentDate(place, date) : `${place}, ${dayMonthYear(null)}`;
}

/** A date cited inside a text, with the same zeros: `05/01/2023`, `15/3/2022`. */
export function shortDate(date: CalendarDate): string {
  return `${pad2(date.day)}/${date.month <= 2 ? pad2(date.month) : date.month}/${date.year}`;
}

// ---------- the issuing body, from the unit's name ----------

/** The rest of a name after its first words, if they are `phrase` (tolerant of case and tone placement). */
function after(name: string, phrase: string): string | null {
  const words = cleanText(name).split(' ');
  const n = phrase.split(' ').length;
  return words.length > n && normalizeKey(words.slice(0, n).join(' ')) === normalizeKey(phrase) ? words.slice(n).join(' ') : null;
}

/** `UBND xã Đồng Tân` or `Ủy ban nhân dân xã Đồng Tân` → `xã Đồng Tân`; otherwise null. */
export const peoplesCommitteeOf = (unitName: string): string | null => after(unitName, 'UBND') ?? after(unitName, 'Ủy ban nhân dân');

/** `UBND huyện Hữu Lũng` → `Ủy ban nhân dân huyện Hữu Lũng`, as an awarding title is written in full. */
export function fullBodyName(name: string): string {
  const rest = peoplesCommitteeOf(name);
  return rest === null ? cleanText(name) : `Ủy ban nhân dân ${rest}`;
}

/** `Ủy ban nhân dân huyện Hữu Lũng` → `UBND huyện Hữu Lũng`, as a superior body is usually written. */
export function shortBodyName(name: string): string {
  const rest = peoplesCommitteeOf(name);
  return rest === null ? cleanText(name) : `UBND ${rest}`;
}

export interface IssuingBody {
  /** The body above the issuer (cơ quan chủ quản), or null: a People's Committee writes none. */
  superior: string | null;
  /** The issuer's name, one entry per line, in capitals. */
  lines: string[];
}

/**
 * The left column of the header for a document the unit issues. A People's Committee writes
 * `ỦY BAN NHÂN DÂN / XÃ ĐỒNG TÂN` with no superior; an agency writes its superior (the movement's
 * issuer, e.g. `UBND HUYỆN HỮU LŨNG`) above its own name.
 */
export function issuingBody(unitName: string, movementIssuer: string, superior: string | null = null): IssuingBody {
  const rest = peoplesCommitteeOf(unitName);
  const above = superior ? upper(shortBodyName(superior)) : null;
  if (rest !== null) return { superior: above, lines: ['ỦY BAN NHÂN DÂN', upper(rest)] };
  return { superior: above ?? upper(shortBodyName(movementIssuer)), lines: [upper(cleanText(unitName))] };
}

/**
 * The place name of the unit's documents: a commune's own name for a commune's People's
 * Committee (Decree 30: «tên của xã, phường, thị trấn»), else the district's `Địa danh`.
 */
export function placeOf(unitName: string, settingsPlace: string): string {
  const rest = peoplesCommitteeOf(unitName);
  if (rest === null) return settingsPlace;
  return after(rest, 'xã') ?? after(rest, 'phường') ?? after(rest, 'thị trấn') ?? settingsPlace;
}

/** `Số: 15/BB-UBND`; the unit's own full number when it wrote one with a slash; `symbol` comes from `Đơn vị`. */
export function numberLine(typeCode: string, symbol: string, number: string): string {
  const n = number.trim();
  if (n.includes('/')) return `Số: ${n}`;
  return `Số: ${n || '      '}/${typeCode}-${symbol}`;
}

// ---------- paragraphs ----------

export interface ParagraphOptions {
  align?: Alignment;
  size?: number;
  bold?: boolean;
  italic?: boolean;
  indent?: boolean;
  spaceBeforePt?: number;
  spaceAfterPt?: number;
  ruleBelowMm?: number;
  pageBreakBefore?: boolean;
  keepWithNext?: boolean;
}

/** A paragraph of literal text (or runs), every option explicit so both hosts render it alike. */
export function para(content: string | Run[], o: ParagraphOptions = {}): Paragraph {
  const runs: Run[] =
    typeof content === 'string'
      ? [{ text: content, ...(o.bold ? { bold: true } : {}), ...(o.italic ? { italic: true } : {}), size: o.size ?? SIZE.body }]
      : content.map((r) => ({ ...r, size: r.size ?? o.size ?? SIZE.body }));
  const p: Paragraph = {
    kind: 'paragraph',
    runs,
    align: o.align ?? 'left',
    spaceBeforePt: o.spaceBeforePt ?? 0,
    spaceAfterPt: o.spaceAfterPt ?? 0,
    lineSpacing: 1,
  };
  if (o.indent) p.firstLineIndentMm = BODY_INDENT_MM;
  if (o.ruleBelowMm) p.ruleBelowMm = o.ruleBelowMm;
  if (o.pageBreakBefore) p.pageBreakBefore = true;
  if (o.keepWithNext) p.keepWithNext = true;
  return p;
}

/** A body paragraph: 14 pt, justified, first-line indent, 6 pt before. */
export const bodyPara = (content: string | Run[], o: ParagraphOptions = {}): Paragraph =>
  para(content, { align: 'justify', indent: true, spaceBeforePt: BODY_SPACE_PT, ...o });

/** A «Căn cứ …» line: a body paragraph in italics. */
export const basisPara = (text: string): Paragraph => bodyPara(text, { italic: true });

/** A section heading inside the body (`I. THÀNH PHẦN`), bold, keeps with what follows. */
export const headingPara = (text: string): Paragraph =>
  bodyPara(text, { bold: true, keepWithNext: true, spaceBeforePt: BODY_SPACE_PT });

const centered = (text: string, o: ParagraphOptions = {}): Paragraph => para(text, { align: 'center', ...o });

const cell = (paragraphs: Paragraph[]): TableCell => ({ paragraphs });

/** Estimated width of a line of bold capitals (Times New Roman, 13 pt), for the short rule. */
const capsWidthMm = (text: string) => text.length * 3.1;

export interface HeaderOptions {
  unitName: string;
  movementIssuer: string;
  /** `Số: …` line, or null when the document carries no number. */
  number: string | null;
  /** The place-and-date line, or null (minutes have none). */
  dateLine: string | null;
  /** The unit's `Cơ quan chủ quản`, when the workbook gives it. */
  superior?: string | null;
}

/** The two-column borderless header of Decree 30. */
export function header(o: HeaderOptions): Table {
  const body = issuingBody(o.unitName, o.movementIssuer, o.superior ?? null);
  const left: Paragraph[] = [];
  if (body.superior) left.push(centered(body.superior, { size: SIZE.issuer }));
  body.lines.forEach((line, i) => {
    const last = i === body.lines.length - 1;
    const leftWidth = HEADER_COLUMNS_MM[0] as number;
    const rule = Math.round(Math.min(Math.max(capsWidthMm(line) * 0.45, 15), leftWidth * 0.5));
    left.push(centered(line, { size: SIZE.issuer, bold: true, ...(last ? { ruleBelowMm: rule } : {}) }));
  });
  if (o.number) left.push(centered(o.number, { size: SIZE.number, spaceBeforePt: 6 }));

  const right: Paragraph[] = [
    centered('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { size: SIZE.nationalTitle, bold: true }),
    centered(MOTTO, { size: SIZE.motto, bold: true, ruleBelowMm: MOTTO_RULE_MM }),
  ];
  if (o.dateLine) right.push(centered(o.dateLine, { size: SIZE.dateLine, italic: true, spaceBeforePt: 6 }));

  return { kind: 'table', borderless: true, columnWidthsMm: [...HEADER_COLUMNS_MM], headerRows: 0, rows: [[cell(left), cell(right)]] };
}

/** The short rule under a document's subject (a drawn line, about a third of the text width). */
export const SUBJECT_RULE_MM = 40;

/**
 * The document type in bold capitals, centred, and the subject lines under it in bold; a
 * drawn short rule under the subject when `rule` (Decree 30: the trích yếu of a named type).
 */
export function title(type: string, subject: string[], o: { italicLast?: boolean; rule?: boolean } = {}): Paragraph[] {
  return [
    centered(upper(type), { size: SIZE.title, bold: true, spaceBeforePt: 18, keepWithNext: true }),
    ...subject.map((line, i) => {
      const last = i === subject.length - 1;
      return centered(line, {
        size: SIZE.title,
        bold: !(o.italicLast && last),
        italic: o.italicLast === true && last,
        keepWithNext: true,
        ...(last && o.rule ? { ruleBelowMm: SUBJECT_RULE_MM } : {}),
      });
    }),
  ];
}

/** An attachment's title on a new page (danh sách, biểu tóm tắt thành tích). */
export function attachmentTitle(type: string, subject: string[]): Paragraph[] {
  const [first, ...rest] = title(type, subject, { italicLast: true });
  return [{ ...(first as Paragraph), pageBreakBefore: true, spaceBeforePt: 0 }, ...rest, para('', { spaceAfterPt: 6 })];
}

/** «Nơi nhận:» bold italic 12, then `- x;` lines in 11, the last `- Lưu: VT, UBND.` */
export function recipients(lines: string[]): Paragraph[] {
  return [
    para('Nơi nhận:', { size: SIZE.recipientsLabel, bold: true, italic: true, spaceBeforePt: 12, keepWithNext: true }),
    ...lines.map((line, i) =>
      para(`- ${line}${i === lines.length - 1 ? '.' : ';'}`, { size: SIZE.recipients, keepWithNext: i < lines.length - 1 }),
    ),
  ];
}

/** A signature: authority and title in bold capitals, room for signature and seal, the name in bold. */
export function signature(titleLines: string[], name: string, note?: string): Paragraph[] {
  const out = titleLines.map((line, i) =>
    centered(upper(line), { size: SIZE.signer, bold: true, ...(i === 0 ? { spaceBeforePt: 12 } : {}) }),
  );
  if (note) out.push(centered(note, { size: SIZE.signer, italic: true }));
  for (let i = 0; i < 4; i++) out.push(centered('', { size: SIZE.signer }));
  out.push(centered(name, { size: SIZE.signer, bold: true }));
  return out;
}

/**
 * Two borderless columns side by side: recipients or a second signer left, the signer right;
 * `below`, if any, under them on the left.
 * The block never breaks across pages and keeps with the paragraph before it, so a page never
 * holds signatures alone.
 */
export function signatureBlock(left: Paragraph[], right: Paragraph[], below: Paragraph[] = []): Table {
  const leftWidth = 70;
  // Two signers' names sit on one line: the shorter side gets blank lines before its name.
  if (left.length && left.length !== right.length && isSignature(left) && isSignature(right)) {
    const [short, long] = left.length < right.length ? [left, right] : [right, left];
    short.splice(short.length - 1, 0, ...Array.from({ length: long.length - short.length }, () => centered('', { size: SIZE.signer })));
  }
  return {
    kind: 'table',
    borderless: true,
    columnWidthsMm: [leftWidth, TEXT_WIDTH_MM - leftWidth],
    headerRows: 0,
    // Lines under the signatures (the minutes' «Nơi nhận») are a second row, kept with them.
    rows: [[cell(left.length ? left : [para('')]), cell(right)], ...(below.length ? [[cell(below), cell([para('')])]] : [])],
    keepTogether: true,
    keepWithPrevious: true,
  };
}

/** Whether paragraphs end like `signature()`: a room of blank lines, then the name. */
const isSignature = (ps: Paragraph[]) => ps.length > 1 && ps[ps.length - 2]?.runs.every((r) => !r.text) === true;

/** A line the nominee still writes by hand: the label, then dots to the right margin. */
export const dottedPara = (label: string): Paragraph => ({ ...bodyPara(label), align: 'left', dotsToEnd: true });

export interface Column {
  title: string;
  widthMm: number;
  align?: Alignment;
}

/** A list table with lines: a bold header row, then one row per entry; text is literal. */
export function listTable(columns: Column[], rows: string[][]): Table {
  const head = columns.map((c) => ({ ...cell([para(c.title, { size: SIZE.table, bold: true, align: 'center' })]), vAlign: 'center' as const }));
  const body = rows.map((row) =>
    columns.map((c, i) =>
      cell(
        (row[i] ?? '')
          .split('\n')
          .map((line) => para(line, { size: SIZE.table, align: c.align ?? 'left', spaceBeforePt: 2, spaceAfterPt: 2 })),
      ),
    ),
  );
  return { kind: 'table', borderless: false, columnWidthsMm: columns.map((c) => c.widthMm), headerRows: 1, rows: [head, ...body] };
}

/** A whole document with the decree's page, font and page numbering. */
export function document(blocks: Block[]): DocModel {
  return {
    page: { size: 'A4', marginsMm: { ...MARGINS_MM } },
    font: FONT,
    sizePt: SIZE.body,
    pageNumbersFromPage2: true,
    pageNumberSizePt: SIZE.pageNumber,
    blocks,
  };
}
