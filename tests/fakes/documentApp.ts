/**
 * A small DocumentApp, faithful to the documented behaviour the dossier writer relies on: a new
 * body holds one empty paragraph; `clear()` leaves one; the last paragraph of a body cannot be
 * removed when nothing but tables would be left after it; `appendTable(cells)` makes one
 * paragraph per cell holding the string as typed; an element must be detached (`copy()`) before
 * it is inserted; `findText`/`replaceText` take a regular expression as a string and match
 * inside one Text element; `replaceText`'s replacement reads `$1` and `\` as Java does.
 * Every call through a returned element is counted.
 */
import type { CallLog, Subset } from './calls';
import { counted } from './calls';

type Doc = GoogleAppsScript.Document.Document;
type Body = GoogleAppsScript.Document.Body;
type Paragraph = GoogleAppsScript.Document.Paragraph;
type Table = GoogleAppsScript.Document.Table;
type TableRow = GoogleAppsScript.Document.TableRow;
type TableCell = GoogleAppsScript.Document.TableCell;
type Text = GoogleAppsScript.Document.Text;
type RangeElement = GoogleAppsScript.Document.RangeElement;

export type Attrs = Record<string, unknown>;

const ATTRIBUTES = [
  'BACKGROUND_COLOR', 'BOLD', 'BORDER_COLOR', 'BORDER_WIDTH', 'CODE', 'FONT_FAMILY', 'FONT_SIZE', 'FOREGROUND_COLOR', 'HEADING', 'HEIGHT',
  'HORIZONTAL_ALIGNMENT', 'INDENT_END', 'INDENT_FIRST_LINE', 'INDENT_START', 'ITALIC', 'GLYPH_TYPE', 'LEFT_TO_RIGHT', 'LINE_SPACING', 'LINK_URL',
  'LIST_ID', 'MARGIN_BOTTOM', 'MARGIN_LEFT', 'MARGIN_RIGHT', 'MARGIN_TOP', 'NESTING_LEVEL', 'MINIMUM_HEIGHT', 'PADDING_BOTTOM', 'PADDING_LEFT',
  'PADDING_RIGHT', 'PADDING_TOP', 'PAGE_HEIGHT', 'PAGE_WIDTH', 'SPACING_AFTER', 'SPACING_BEFORE', 'STRIKETHROUGH', 'UNDERLINE',
  'VERTICAL_ALIGNMENT', 'WIDTH',
] as const;

const enumOf = <K extends string>(names: readonly K[]) => Object.fromEntries(names.map((n) => [n, n])) as { [P in K]: P };

export const Attribute = enumOf(ATTRIBUTES);
export const HorizontalAlignment = enumOf(['LEFT', 'CENTER', 'RIGHT', 'JUSTIFY'] as const);
export const ElementType = enumOf(['BODY_SECTION', 'PARAGRAPH', 'TABLE', 'TABLE_ROW', 'TABLE_CELL', 'TEXT', 'PAGE_BREAK', 'INLINE_IMAGE'] as const);

/** Attributes of characters; the rest belong to paragraphs, tables, cells or the body. */
const TEXT_KEYS = new Set(['BOLD', 'ITALIC', 'UNDERLINE', 'STRIKETHROUGH', 'FONT_FAMILY', 'FONT_SIZE', 'FOREGROUND_COLOR', 'BACKGROUND_COLOR', 'LINK_URL']);
const PARAGRAPH_KEYS = new Set(['HORIZONTAL_ALIGNMENT', 'INDENT_FIRST_LINE', 'INDENT_START', 'INDENT_END', 'SPACING_BEFORE', 'SPACING_AFTER', 'LINE_SPACING', 'HEADING', 'LEFT_TO_RIGHT']);
const BODY_KEYS = new Set(['PAGE_WIDTH', 'PAGE_HEIGHT', 'MARGIN_TOP', 'MARGIN_BOTTOM', 'MARGIN_LEFT', 'MARGIN_RIGHT']);
const TABLE_KEYS = new Set(['BORDER_WIDTH', 'BORDER_COLOR']);
const CELL_KEYS = new Set(['PADDING_TOP', 'PADDING_BOTTOM', 'PADDING_LEFT', 'PADDING_RIGHT', 'VERTICAL_ALIGNMENT', 'WIDTH', 'BACKGROUND_COLOR']);

function pick(attrs: Attrs, keys: Set<string>): Attrs {
  const out: Attrs = {};
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (!ATTRIBUTES.includes(k as (typeof ATTRIBUTES)[number])) throw new Error(`Invalid attribute: ${k}`);
    if (keys.has(k) && v !== null && v !== undefined) out[k] = v;
  }
  return out;
}

/** What the fakes of one test share. */
export interface DocsContext {
  log: CallLog;
  /** Called before a document is converted (`getAs`): the fake Drive moves its clock. */
  beforeExport?: () => void;
}

/** A blob: text (a PDF's stand-in) or bytes (a zip), as `Utilities.newBlob` / `zip` and `getAs` make them. */
export class FakeBlob implements Subset<GoogleAppsScript.Base.Blob, 'getName' | 'setName' | 'getContentType' | 'setContentType' | 'getDataAsString' | 'getBytes'> {
  constructor(
    public name: string,
    public contentType: string,
    readonly data: string | Uint8Array,
  ) {}
  getName(): string {
    return this.name;
  }
  setName(name: string): this {
    this.name = name;
    return this;
  }
  getContentType(): string {
    return this.contentType;
  }
  setContentType(contentType: string | null): this {
    this.contentType = contentType ?? '';
    return this;
  }
  getBytes(): number[] {
    // Java bytes are signed.
    return [...bytesOf(this)].map((b) => (b > 127 ? b - 256 : b));
  }
  getDataAsString(): string {
    return typeof this.data === 'string' ? this.data : new TextDecoder().decode(this.data);
  }
}

/** A blob's bytes for the fakes (not a service call): a string is stored as Apps Script stores it, UTF-8. */
export const bytesOf = (blob: FakeBlob): Uint8Array => (typeof blob.data === 'string' ? new TextEncoder().encode(blob.data) : blob.data);

type Parent = FakeContainer | FakeTableRow | FakeTable | FakeParagraph;

abstract class FakeNode {
  /** The bare object, reachable through a counted proxy (identity checks inside the fake). */
  readonly me: this = this;
  parent: Parent | null = null;
  constructor(protected readonly ctx: DocsContext) {}
  abstract readonly type: keyof typeof ElementType;
  protected wrap<T extends object>(node: T): T {
    const label = (node as unknown as FakeNode).type
      .toLowerCase()
      .replace(/(^|_)(\w)/g, (_, __, c: string) => c.toUpperCase())
      .replace('BodySection', 'Body');
    return counted(node, label, this.ctx.log);
  }
  getType(): string {
    return this.type;
  }
  getParent(): object | null {
    return this.parent ? this.wrap(this.parent) : null;
  }
  /** Every Text inside, in document order. */
  abstract texts(): FakeText[];
  getText(): string {
    return this.texts()
      .map((t) => t.chars)
      .join('\n');
  }
  findText(searchPattern: string, from?: RangeElement | null): FakeRangeElement | null {
    const re = new RegExp(searchPattern, 'g');
    const texts = this.texts();
    let i = 0;
    let offset = 0;
    if (from) {
      const start = from as unknown as FakeRangeElement;
      i = texts.indexOf(start.text.me);
      if (i < 0) throw new Error('The search start is not inside this element.');
      offset = start.end + 1;
    }
    for (; i < texts.length; i++, offset = 0) {
      const text = texts[i]!;
      re.lastIndex = offset;
      const m = re.exec(text.chars);
      if (m && m[0].length > 0) return counted(new FakeRangeElement(this.ctx, text, m.index, m.index + m[0].length - 1), 'RangeElement', this.ctx.log);
    }
    return null;
  }
  replaceText(searchPattern: string, replacement: string): this {
    for (const text of this.texts()) text.replaceAll(searchPattern, replacement);
    return this;
  }
  editAsText(): FakeTextView {
    return counted(new FakeTextView(this.texts()), 'Text', this.ctx.log);
  }
  removeFromParent(): this {
    if (!this.parent) return this;
    (this.parent as FakeContainer | FakeTable | FakeTableRow).detach(this);
    return this;
  }
  isAtDocumentEnd(): boolean {
    return false;
  }
}

export class FakeRangeElement implements Subset<RangeElement, 'getElement' | 'getStartOffset' | 'getEndOffsetInclusive' | 'isPartial'> {
  constructor(
    private readonly ctx: DocsContext,
    readonly text: FakeText,
    readonly start: number,
    readonly end: number,
  ) {}
  getElement(): FakeText {
    return counted(this.text, 'Text', this.ctx.log);
  }
  getStartOffset(): number {
    return this.start;
  }
  getEndOffsetInclusive(): number {
    return this.end;
  }
  isPartial(): boolean {
    return true;
  }
}

/** `editAsText()` of a container: its text as one, for whole-range formatting. */
export class FakeTextView {
  constructor(private readonly parts: FakeText[]) {}
  setAttributes(...args: unknown[]): this {
    if (args.length !== 1) throw new Error('The fake supports only whole-text attributes on a container.');
    for (const t of this.parts) t.setAttributes(args[0] as Attrs);
    return this;
  }
  setBold(...args: unknown[]): this {
    if (args.length !== 1) throw new Error('The fake supports only whole-text bold on a container.');
    for (const t of this.parts) t.setAttributes({ BOLD: args[0] });
    return this;
  }
  getText(): string {
    return this.parts.map((t) => t.chars).join('\n');
  }
}

/** Java's `Matcher.replaceAll` replacement: `$n` is a group, `\x` is `x`, a lone `$` is an error. */
export function javaReplacement(replacement: string, match: RegExpExecArray): string {
  let out = '';
  for (let i = 0; i < replacement.length; i++) {
    const ch = replacement[i]!;
    if (ch === '\\') {
      i++;
      if (i >= replacement.length) throw new Error('character to be escaped is missing');
      out += replacement[i];
    } else if (ch === '$') {
      const digits = /^\d+/.exec(replacement.slice(i + 1));
      if (!digits) throw new Error('Illegal group reference');
      const group = Number(digits[0]);
      if (group >= match.length) throw new Error(`No group ${group}`);
      out += match[group] ?? '';
      i += digits[0].length;
    } else {
      out += ch;
    }
  }
  return out;
}

type TextMethods = 'getText' | 'setText' | 'appendText' | 'insertText' | 'deleteText' | 'getAttributes' | 'setAttributes' | 'isBold' | 'isItalic' | 'isUnderline' | 'getFontSize' | 'getFontFamily' | 'setBold' | 'asText' | 'getType' | 'getParent' | 'editAsText' | 'findText' | 'replaceText';

export class FakeText extends FakeNode implements Subset<Text, Exclude<TextMethods, 'asText'>> {
  readonly type = 'TEXT' as const;
  chars = '';
  /** One attribute set per character. */
  attrs: Attrs[] = [];
  /** What a character typed into an empty paragraph gets. */
  defaults: Attrs = {};

  texts(): FakeText[] {
    return [this];
  }
  override getText(): string {
    return this.chars;
  }
  override editAsText(): FakeTextView {
    return counted(new FakeTextView([this]), 'Text', this.ctx.log);
  }
  asText(): this {
    return this;
  }
  private around(offset: number): Attrs {
    return { ...this.defaults, ...(this.attrs[offset - 1] ?? this.attrs[offset] ?? {}) };
  }
  setText(text: string): this {
    const base = this.around(0);
    this.chars = text;
    // Offsets count UTF-16 units, as in Apps Script.
    this.attrs = Array.from({ length: text.length }, () => ({ ...base }));
    return this;
  }
  appendText(text: string): this {
    return this.insertText(this.chars.length, text);
  }
  insertText(offset: number, text: string): this {
    if (offset < 0 || offset > this.chars.length) throw new Error(`Index (${offset}) must be less than the content length (${this.chars.length}).`);
    const base = this.around(offset);
    this.chars = this.chars.slice(0, offset) + text + this.chars.slice(offset);
    this.attrs.splice(offset, 0, ...Array.from({ length: text.length }, () => ({ ...base })));
    return this;
  }
  deleteText(startOffset: number, endOffsetInclusive: number): this {
    if (startOffset < 0 || endOffsetInclusive >= this.chars.length || endOffsetInclusive < startOffset) {
      throw new Error(`Invalid range ${startOffset}..${endOffsetInclusive} for a text of ${this.chars.length}.`);
    }
    if (startOffset === 0 && endOffsetInclusive === this.chars.length - 1) this.defaults = this.around(0);
    this.chars = this.chars.slice(0, startOffset) + this.chars.slice(endOffsetInclusive + 1);
    this.attrs.splice(startOffset, endOffsetInclusive - startOffset + 1);
    return this;
  }
  getAttributes(offset?: number | null): Attrs {
    const own = offset === undefined || offset === null ? (this.attrs[0] ?? this.defaults) : this.attrs[offset];
    if (own === undefined) throw new Error(`Index (${offset}) must be less than the content length (${this.chars.length}).`);
    return Object.fromEntries(ATTRIBUTES.map((k) => [k, own[k] ?? null]));
  }
  setAttributes(...args: unknown[]): this {
    const [start, end, attrs] = args.length === 3 ? (args as [number, number, Attrs]) : [0, this.chars.length - 1, args[0] as Attrs];
    const text = pick(attrs, TEXT_KEYS);
    if (args.length === 3 && (start < 0 || end >= this.chars.length || end < start)) throw new Error(`Invalid range ${start}..${end}.`);
    for (let i = start; i <= end; i++) this.attrs[i] = { ...this.attrs[i], ...text };
    if (args.length === 1) this.defaults = { ...this.defaults, ...text };
    return this;
  }
  setBold(...args: unknown[]): this {
    return args.length === 3 ? this.setAttributes(args[0], args[1], { BOLD: args[2] }) : this.setAttributes({ BOLD: args[0] });
  }
  private at(offset: number | null | undefined, key: string): unknown {
    return (offset === undefined || offset === null ? this.attrs[0] : this.attrs[offset])?.[key] ?? this.defaults[key] ?? null;
  }
  isBold(offset?: number | null): boolean {
    return this.at(offset, 'BOLD') === true;
  }
  isItalic(offset?: number | null): boolean {
    return this.at(offset, 'ITALIC') === true;
  }
  isUnderline(offset?: number | null): boolean {
    return this.at(offset, 'UNDERLINE') === true;
  }
  getFontSize(offset?: number | null): number {
    return this.at(offset, 'FONT_SIZE') as number;
  }
  getFontFamily(offset?: number | null): string {
    return this.at(offset, 'FONT_FAMILY') as string;
  }
  /** One Text's matches replaced, Java style; the replacement takes the match's first character's attributes. */
  replaceAll(searchPattern: string, replacement: string): void {
    const re = new RegExp(searchPattern, 'g');
    let out = '';
    const attrs: Attrs[] = [];
    let last = 0;
    for (let m = re.exec(this.chars); m; m = re.exec(this.chars)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      out += this.chars.slice(last, m.index);
      attrs.push(...this.attrs.slice(last, m.index));
      const value = javaReplacement(replacement, m);
      const base = this.attrs[m.index] ?? this.defaults;
      out += value;
      attrs.push(...Array.from({ length: value.length }, () => ({ ...base })));
      last = m.index + m[0].length;
    }
    out += this.chars.slice(last);
    attrs.push(...this.attrs.slice(last));
    this.chars = out;
    this.attrs = attrs;
  }
  clone(): FakeText {
    const t = new FakeText(this.ctx);
    t.chars = this.chars;
    t.attrs = this.attrs.map((a) => ({ ...a }));
    t.defaults = { ...this.defaults };
    return t;
  }
}

type ParagraphMethods = 'appendInlineImage' | 'getText' | 'setText' | 'appendText' | 'editAsText' | 'getAttributes' | 'setAttributes' | 'setAlignment' | 'getAlignment' | 'copy' | 'removeFromParent' | 'getParent' | 'getType' | 'getNumChildren' | 'findText' | 'replaceText' | 'getIndentFirstLine' | 'getSpacingBefore' | 'getSpacingAfter' | 'getLineSpacing';

export class FakeParagraph extends FakeNode implements Subset<Paragraph, ParagraphMethods> {
  readonly type = 'PARAGRAPH' as const;
  readonly text: FakeText;
  attrs: Attrs = {};
  /** A paragraph made by `insertPageBreak`: what follows starts a new page. */
  pageBreak = false;
  /** Images after the paragraph's text (`appendInlineImage`). */
  readonly images: FakeInlineImage[] = [];
  constructor(ctx: DocsContext, text = '') {
    super(ctx);
    this.text = new FakeText(ctx);
    this.text.parent = this;
    this.text.setText(text);
  }
  texts(): FakeText[] {
    return [this.text];
  }
  override getText(): string {
    return this.text.chars;
  }
  setText(text: string): void {
    this.text.setText(text);
  }
  appendText(text: string | Text): FakeText {
    this.text.appendText(typeof text === 'string' ? text : text.getText());
    return counted(this.text, 'Text', this.ctx.log);
  }
  override editAsText(): FakeTextView {
    return counted(new FakeTextView([this.text]), 'Text', this.ctx.log);
  }
  getChild(index: number): FakeText {
    if (index !== 0) throw new Error(`Child index (${index}) must be less than the number of child elements (1).`);
    return counted(this.text, 'Text', this.ctx.log);
  }
  getNumChildren(): number {
    return 1 + this.images.length;
  }
  appendInlineImage(image: GoogleAppsScript.Base.BlobSource): FakeInlineImage {
    const blob = image as unknown as FakeBlob;
    if (!(blob instanceof FakeBlob) || !/^image\/(png|jpeg|gif)$/.test(blob.contentType)) throw new Error('Invalid image data.');
    const inline = new FakeInlineImage(this.ctx, blob);
    inline.parent = this;
    this.images.push(inline);
    return counted(inline, 'InlineImage', this.ctx.log);
  }
  asParagraph(): this {
    return this;
  }
  getAttributes(): Attrs {
    return Object.fromEntries(ATTRIBUTES.map((k) => [k, this.attrs[k] ?? null]));
  }
  setAttributes(attrs: Attrs): this {
    this.attrs = { ...this.attrs, ...pick(attrs, PARAGRAPH_KEYS) };
    this.text.setAttributes(attrs);
    return this;
  }
  setAlignment(alignment: GoogleAppsScript.Document.HorizontalAlignment): this {
    this.attrs.HORIZONTAL_ALIGNMENT = alignment;
    return this;
  }
  getAlignment(): GoogleAppsScript.Document.HorizontalAlignment {
    return this.attrs.HORIZONTAL_ALIGNMENT as GoogleAppsScript.Document.HorizontalAlignment;
  }
  getIndentFirstLine(): number {
    return (this.attrs.INDENT_FIRST_LINE as number) ?? 0;
  }
  getSpacingBefore(): number {
    return (this.attrs.SPACING_BEFORE as number) ?? 0;
  }
  getSpacingAfter(): number {
    return (this.attrs.SPACING_AFTER as number) ?? 0;
  }
  getLineSpacing(): number {
    return (this.attrs.LINE_SPACING as number) ?? 1;
  }
  copy(): FakeParagraph {
    return this.wrap(this.clone());
  }
  clone(): FakeParagraph {
    const p = new FakeParagraph(this.ctx);
    Object.assign(p.text, { chars: this.text.chars, attrs: this.text.attrs.map((a) => ({ ...a })), defaults: { ...this.text.defaults } });
    p.attrs = { ...this.attrs };
    p.pageBreak = this.pageBreak;
    return p;
  }
}

/** An image in a paragraph: its blob, size in pixels and alt text. */
export class FakeInlineImage extends FakeNode implements Subset<GoogleAppsScript.Document.InlineImage, 'setWidth' | 'setHeight' | 'setAltDescription' | 'getWidth' | 'getHeight'> {
  readonly type = 'INLINE_IMAGE' as const;
  width = 0;
  height = 0;
  alt = '';
  constructor(
    ctx: DocsContext,
    readonly blob: FakeBlob,
  ) {
    super(ctx);
  }
  texts(): FakeText[] {
    return [];
  }
  setWidth(width: number): this {
    this.width = width;
    return this;
  }
  setHeight(height: number): this {
    this.height = height;
    return this;
  }
  getWidth(): number {
    return this.width;
  }
  getHeight(): number {
    return this.height;
  }
  setAltDescription(description: string): this {
    this.alt = description;
    return this;
  }
}

type Block = FakeParagraph | FakeTable;

type ContainerMethods = 'appendParagraph' | 'insertParagraph' | 'appendTable' | 'insertTable' | 'getChild' | 'getNumChildren' | 'getChildIndex' | 'clear' | 'getText' | 'editAsText' | 'findText' | 'replaceText' | 'getParagraphs' | 'getTables';

/** A Body or a TableCell: paragraphs and tables. */
export abstract class FakeContainer extends FakeNode implements Subset<Body, ContainerMethods> {
  children: Block[] = [];
  texts(): FakeText[] {
    return this.children.flatMap((c) => c.texts());
  }
  protected adopt<T extends Block>(index: number, node: T): T {
    if (node.parent) throw new Error('Element must be detached.');
    if (index < 0 || index > this.children.length) throw new Error(`Child index (${index}) must not be greater than the number of child elements (${this.children.length}).`);
    node.parent = this;
    this.children.splice(index, 0, node);
    return this.wrap(node);
  }
  private paragraphFrom(content: string | Paragraph): FakeParagraph {
    if (typeof content === 'string') return new FakeParagraph(this.ctx, content);
    return (content as unknown as FakeParagraph).me;
  }
  private tableFrom(content?: string[][] | Table | null): FakeTable {
    if (content && !Array.isArray(content)) return (content as unknown as FakeTable).me;
    return FakeTable.of(this.ctx, content ?? []);
  }
  appendParagraph(content: string | Paragraph): FakeParagraph {
    return this.adopt(this.children.length, this.paragraphFrom(content));
  }
  insertParagraph(index: number, content: string | Paragraph): FakeParagraph {
    return this.adopt(index, this.paragraphFrom(content));
  }
  appendTable(content?: string[][] | Table | null): FakeTable {
    return this.adopt(this.children.length, this.tableFrom(content));
  }
  insertTable(index: number, content?: string[][] | Table | null): FakeTable {
    return this.adopt(index, this.tableFrom(content));
  }
  getChild(index: number): Block {
    const child = this.children[index];
    if (!child) throw new Error(`Child index (${index}) must be less than the number of child elements (${this.children.length}).`);
    return this.wrap(child);
  }
  getNumChildren(): number {
    return this.children.length;
  }
  getChildIndex(child: GoogleAppsScript.Document.Element): number {
    const i = this.children.indexOf((child as unknown as Block).me);
    if (i < 0) throw new Error('Element is not a child of this element.');
    return i;
  }
  getParagraphs(): FakeParagraph[] {
    const out: FakeParagraph[] = [];
    const walk = (blocks: Block[]) => {
      for (const b of blocks) {
        if (b instanceof FakeParagraph) out.push(b);
        else for (const row of b.rows) for (const cell of row.cells) walk(cell.children);
      }
    };
    walk(this.children);
    return out.map((p) => this.wrap(p));
  }
  getTables(): FakeTable[] {
    return this.children.filter((c): c is FakeTable => c instanceof FakeTable).map((t) => this.wrap(t));
  }
  clear(): this {
    for (const c of this.children) c.parent = null;
    this.children = [new FakeParagraph(this.ctx)];
    this.children[0]!.parent = this;
    return this;
  }
  /** Removal keeps a paragraph last: Docs cannot end a section with a table or nothing. */
  detach(node: FakeNode): void {
    const i = this.children.indexOf(node as Block);
    if (i < 0) return;
    const rest = this.children.filter((_, j) => j !== i);
    if (!rest.some((c) => c instanceof FakeParagraph) || (this instanceof FakeBody && !(rest.at(-1) instanceof FakeParagraph))) {
      throw new Error("Can't remove the last paragraph in a document section.");
    }
    this.children = rest;
    node.parent = null;
  }
  removeChild(child: GoogleAppsScript.Document.Element): this {
    this.detach((child as unknown as FakeNode).me);
    return this;
  }
}

type BodyMethods = 'setAttributes' | 'getAttributes' | 'setPageWidth' | 'setPageHeight' | 'setMarginTop' | 'setMarginBottom' | 'setMarginLeft' | 'setMarginRight' | 'getPageWidth' | 'getPageHeight' | 'getMarginTop' | 'getMarginBottom' | 'getMarginLeft' | 'getMarginRight' | 'insertPageBreak' | 'appendPageBreak' | 'removeChild';

export class FakeBody extends FakeContainer implements Subset<Body, BodyMethods> {
  readonly type = 'BODY_SECTION' as const;
  /** Google Docs' defaults: Letter, 1 inch margins. */
  page: Attrs = { PAGE_WIDTH: 612, PAGE_HEIGHT: 792, MARGIN_TOP: 72, MARGIN_BOTTOM: 72, MARGIN_LEFT: 72, MARGIN_RIGHT: 72 };
  constructor(ctx: DocsContext) {
    super(ctx);
    this.clear();
  }
  setAttributes(attrs: Attrs): this {
    this.page = { ...this.page, ...pick(attrs, BODY_KEYS) };
    const text = pick(attrs, TEXT_KEYS);
    if (Object.keys(text).length) for (const t of this.texts()) t.setAttributes(text);
    return this;
  }
  getAttributes(): Attrs {
    return { ...this.page };
  }
  private set(key: string, value: number): this {
    this.page[key] = value;
    return this;
  }
  setPageWidth(v: number): this {
    return this.set('PAGE_WIDTH', v);
  }
  setPageHeight(v: number): this {
    return this.set('PAGE_HEIGHT', v);
  }
  setMarginTop(v: number): this {
    return this.set('MARGIN_TOP', v);
  }
  setMarginBottom(v: number): this {
    return this.set('MARGIN_BOTTOM', v);
  }
  setMarginLeft(v: number): this {
    return this.set('MARGIN_LEFT', v);
  }
  setMarginRight(v: number): this {
    return this.set('MARGIN_RIGHT', v);
  }
  getPageWidth(): number {
    return this.page.PAGE_WIDTH as number;
  }
  getPageHeight(): number {
    return this.page.PAGE_HEIGHT as number;
  }
  getMarginTop(): number {
    return this.page.MARGIN_TOP as number;
  }
  getMarginBottom(): number {
    return this.page.MARGIN_BOTTOM as number;
  }
  getMarginLeft(): number {
    return this.page.MARGIN_LEFT as number;
  }
  getMarginRight(): number {
    return this.page.MARGIN_RIGHT as number;
  }
  /** A page break sits in a paragraph of its own. */
  insertPageBreak(index: number): object {
    const p = new FakeParagraph(this.ctx);
    p.pageBreak = true;
    this.adopt(index, p);
    return counted({ getType: () => 'PAGE_BREAK' }, 'PageBreak', this.ctx.log);
  }
  appendPageBreak(): object {
    return this.insertPageBreak(this.children.length);
  }
}

type TableMethods = 'getRow' | 'getCell' | 'getNumRows' | 'getNumChildren' | 'getChild' | 'getChildIndex' | 'appendTableRow' | 'insertTableRow' | 'removeRow' | 'setBorderWidth' | 'getBorderWidth' | 'setBorderColor' | 'getBorderColor' | 'setColumnWidth' | 'getColumnWidth' | 'setAttributes' | 'getAttributes' | 'copy' | 'removeFromParent' | 'getParent' | 'getType' | 'editAsText' | 'findText' | 'replaceText' | 'getText';

export class FakeTable extends FakeNode implements Subset<Table, TableMethods> {
  readonly type = 'TABLE' as const;
  rows: FakeTableRow[] = [];
  borderWidth = 1;
  borderColor = '#000000';
  columnWidths: Array<number | null> = [];

  static of(ctx: DocsContext, cells: string[][]): FakeTable {
    const table = new FakeTable(ctx);
    const width = Math.max(0, ...cells.map((r) => r.length));
    for (const row of cells) {
      if (row.length !== width) throw new Error('All rows of a table must have the same number of cells.');
      const r = new FakeTableRow(ctx);
      r.parent = table;
      for (const text of row) {
        if (typeof text !== 'string') throw new Error(`Cannot convert ${String(text)} to a cell's text.`);
        const cell = new FakeTableCell(ctx);
        cell.parent = r;
        (cell.children[0] as FakeParagraph).setText(text);
        r.cells.push(cell);
      }
      table.rows.push(r);
    }
    return table;
  }
  texts(): FakeText[] {
    return this.rows.flatMap((r) => r.texts());
  }
  asTable(): this {
    return this;
  }
  getRow(index: number): FakeTableRow {
    const row = this.rows[index];
    if (!row) throw new Error(`Row index (${index}) must be less than the number of rows (${this.rows.length}).`);
    return this.wrap(row);
  }
  getCell(rowIndex: number, cellIndex: number): FakeTableCell {
    const cell = this.rows[rowIndex]?.cells[cellIndex];
    if (!cell) throw new Error(`Cell (${rowIndex}, ${cellIndex}) does not exist.`);
    return this.wrap(cell);
  }
  getNumRows(): number {
    return this.rows.length;
  }
  getNumChildren(): number {
    return this.rows.length;
  }
  getChild(index: number): FakeTableRow {
    return this.getRow(index);
  }
  getChildIndex(child: GoogleAppsScript.Document.Element): number {
    const i = this.rows.indexOf((child as unknown as FakeTableRow).me);
    if (i < 0) throw new Error('Element is not a child of this element.');
    return i;
  }
  appendTableRow(row?: TableRow): FakeTableRow {
    return this.insertTableRow(this.rows.length, row);
  }
  insertTableRow(index: number, row?: TableRow | null): FakeTableRow {
    const node = row ? (row as unknown as FakeTableRow).me : new FakeTableRow(this.ctx);
    if (node.parent) throw new Error('Element must be detached.');
    node.parent = this;
    this.rows.splice(index, 0, node);
    return this.wrap(node);
  }
  removeRow(index: number): FakeTableRow {
    const [row] = this.rows.splice(index, 1);
    if (!row) throw new Error(`Row index (${index}) must be less than the number of rows.`);
    row.parent = null;
    return this.wrap(row);
  }
  detach(node: FakeNode): void {
    const i = this.rows.indexOf(node as FakeTableRow);
    if (i >= 0) this.removeRow(i);
  }
  setBorderWidth(width: number): this {
    this.borderWidth = width;
    return this;
  }
  getBorderWidth(): number {
    return this.borderWidth;
  }
  setBorderColor(color: string): this {
    this.borderColor = color;
    return this;
  }
  getBorderColor(): string {
    return this.borderColor;
  }
  setColumnWidth(columnIndex: number, width: number): this {
    const columns = this.rows[0]?.cells.length ?? 0;
    if (columnIndex < 0 || columnIndex >= columns) throw new Error(`Column index (${columnIndex}) must be less than the number of columns (${columns}).`);
    this.columnWidths[columnIndex] = width;
    return this;
  }
  getColumnWidth(columnIndex: number): number {
    return this.columnWidths[columnIndex] ?? 0;
  }
  setAttributes(attrs: Attrs): this {
    const own = pick(attrs, TABLE_KEYS);
    if (own.BORDER_WIDTH !== undefined) this.borderWidth = own.BORDER_WIDTH as number;
    if (own.BORDER_COLOR !== undefined) this.borderColor = own.BORDER_COLOR as string;
    const text = pick(attrs, TEXT_KEYS);
    if (Object.keys(text).length) for (const t of this.texts()) t.setAttributes(text);
    return this;
  }
  getAttributes(): Attrs {
    return { BORDER_WIDTH: this.borderWidth, BORDER_COLOR: this.borderColor };
  }
  copy(): FakeTable {
    return this.wrap(this.clone());
  }
  clone(): FakeTable {
    const t = new FakeTable(this.ctx);
    Object.assign(t, { borderWidth: this.borderWidth, borderColor: this.borderColor, columnWidths: [...this.columnWidths] });
    for (const row of this.rows) {
      const r = row.clone();
      r.parent = t;
      t.rows.push(r);
    }
    return t;
  }
  override getText(): string {
    return this.rows.map((r) => r.getText()).join('\n');
  }
}

type RowMethods = 'getCell' | 'getNumCells' | 'getNumChildren' | 'getChild' | 'getParentTable' | 'getParent' | 'copy' | 'removeFromParent' | 'editAsText' | 'findText' | 'replaceText' | 'getText' | 'getType';

export class FakeTableRow extends FakeNode implements Subset<TableRow, RowMethods> {
  readonly type = 'TABLE_ROW' as const;
  cells: FakeTableCell[] = [];
  texts(): FakeText[] {
    return this.cells.flatMap((c) => c.texts());
  }
  asTableRow(): this {
    return this;
  }
  getCell(index: number): FakeTableCell {
    const cell = this.cells[index];
    if (!cell) throw new Error(`Cell index (${index}) must be less than the number of cells (${this.cells.length}).`);
    return this.wrap(cell);
  }
  getNumCells(): number {
    return this.cells.length;
  }
  getNumChildren(): number {
    return this.cells.length;
  }
  getChild(index: number): FakeTableCell {
    return this.getCell(index);
  }
  getParentTable(): FakeTable {
    if (!(this.parent instanceof FakeTable)) throw new Error('The row is not in a table.');
    return this.wrap(this.parent);
  }
  detach(): void {
    throw new Error('The fake does not remove cells.');
  }
  copy(): FakeTableRow {
    return this.wrap(this.clone());
  }
  clone(): FakeTableRow {
    const r = new FakeTableRow(this.ctx);
    for (const cell of this.cells) {
      const c = cell.clone();
      c.parent = r;
      r.cells.push(c);
    }
    return r;
  }
  override getText(): string {
    return this.cells.map((c) => c.getText()).join('\t');
  }
}

type CellMethods = 'setAttributes' | 'getAttributes' | 'getParentRow' | 'getParentTable' | 'getParent' | 'getType' | 'copy' | 'setPaddingTop' | 'setPaddingBottom' | 'setPaddingLeft' | 'setPaddingRight';

export class FakeTableCell extends FakeContainer implements Subset<TableCell, CellMethods> {
  readonly type = 'TABLE_CELL' as const;
  attrs: Attrs = {};
  constructor(ctx: DocsContext) {
    super(ctx);
    this.clear();
  }
  asTableCell(): this {
    return this;
  }
  setAttributes(attrs: Attrs): this {
    this.attrs = { ...this.attrs, ...pick(attrs, CELL_KEYS) };
    const text = pick(attrs, TEXT_KEYS);
    if (Object.keys(text).length) for (const t of this.texts()) t.setAttributes(text);
    return this;
  }
  getAttributes(): Attrs {
    return { ...this.attrs };
  }
  setPaddingTop(v: number): this {
    this.attrs.PADDING_TOP = v;
    return this;
  }
  setPaddingBottom(v: number): this {
    this.attrs.PADDING_BOTTOM = v;
    return this;
  }
  setPaddingLeft(v: number): this {
    this.attrs.PADDING_LEFT = v;
    return this;
  }
  setPaddingRight(v: number): this {
    this.attrs.PADDING_RIGHT = v;
    return this;
  }
  getParentRow(): FakeTableRow {
    return this.wrap(this.parent as FakeTableRow);
  }
  getParentTable(): FakeTable {
    return this.wrap((this.parent as FakeTableRow).parent as FakeTable);
  }
  copy(): FakeTableCell {
    return this.wrap(this.clone());
  }
  clone(): FakeTableCell {
    const c = new FakeTableCell(this.ctx);
    c.attrs = { ...this.attrs };
    c.children = this.children.map((b) => {
      const copy = b.clone();
      copy.parent = c;
      return copy;
    });
    return c;
  }
}

type DocMethods = 'getBody' | 'getId' | 'getName' | 'setName' | 'getUrl' | 'saveAndClose' | 'getAs';

export class FakeDocument implements Subset<Doc, DocMethods> {
  readonly body: FakeBody;
  saved = 0;
  /** After `saveAndClose` the object is spent, as in Apps Script: open the document again to use it. */
  closed = false;
  constructor(
    private readonly ctx: DocsContext,
    readonly id: string,
    public name: string,
    /** Called when the document changes name or is saved (the Drive file follows). */
    private readonly onChange: (doc: FakeDocument) => void = () => undefined,
  ) {
    this.body = new FakeBody(ctx);
  }
  private open(): void {
    if (this.closed) throw new Error('Document is closed, its contents cannot be updated.');
  }
  getBody(): FakeBody {
    this.open();
    return counted(this.body, 'Body', this.ctx.log);
  }
  getId(): string {
    this.open();
    return this.id;
  }
  getName(): string {
    this.open();
    return this.name;
  }
  setName(name: string): this {
    this.open();
    this.name = name;
    this.onChange(this);
    return this;
  }
  getUrl(): string {
    this.open();
    return `https://docs.google.com/document/d/${this.id}/edit`;
  }
  /** The document as a PDF (Docs also makes Markdown; nothing else). */
  getAs(contentType: string): FakeBlob {
    this.open();
    if (contentType !== 'application/pdf' && contentType !== 'text/markdown') throw new Error(`Converting from application/vnd.google-apps.document to ${contentType} is not supported.`);
    this.ctx.beforeExport?.();
    return counted(new FakeBlob(`${this.name}.pdf`, contentType, `%PDF ${this.dump()}`), 'Blob', this.ctx.log);
  }
  saveAndClose(): void {
    this.open();
    this.closed = true;
    this.saved++;
    this.onChange(this);
  }
  /** The user edited the document in Google Docs (test set-up, not counted). */
  touch(): void {
    this.onChange(this);
  }
  /** A deep copy of the content under a new ID (Drive's makeCopy). */
  cloneAs(id: string, name: string, onChange: (doc: FakeDocument) => void): FakeDocument {
    const doc = new FakeDocument(this.ctx, id, name, onChange);
    doc.body.page = { ...this.body.page };
    doc.body.children = this.body.children.map((b) => {
      const copy = b.clone();
      copy.parent = doc.body;
      return copy;
    });
    return doc;
  }
  /** The visible text, a paragraph a line, cells separated by tabs (test inspection). */
  dump(): string {
    return this.body.children.map((b) => b.getText()).join('\n');
  }
}

/** Every paragraph of a document, cells included, in order (test inspection, not counted). */
export function allParagraphs(doc: FakeDocument): FakeParagraph[] {
  const out: FakeParagraph[] = [];
  const walk = (blocks: Block[]) => {
    for (const b of blocks) {
      if (b instanceof FakeParagraph) out.push(b);
      else for (const row of b.rows) for (const cell of row.cells) walk(cell.children);
    }
  };
  walk(doc.body.children);
  return out;
}
