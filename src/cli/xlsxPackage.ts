/**
 * The output copy of a workbook is the user's file plus the result sheets: every part of the
 * package (charts, images, notes, pivot tables, names, conditional formats, macros' siblings…)
 * is copied byte for byte; only the workbook's sheet list, its relationships, the content types
 * and the styles get additions, and a result sheet of the same name is replaced in its place.
 */
import type { CellValue } from '../core/model';
import type { OutputSheet, RowMark } from '../core/results';
import type { SheetChart } from '../core/summarySheet';
import { CHART_CONTENT_TYPE, CHART_RELATIONSHIP, chartSpaceXml } from '../core/documents/charts';
import { escapeXml } from '../core/documents/ooxml';
import { normalizeKey } from '../core/text';
import { columnWidth, DATE_FORMAT, displayLength, FILL, WIDE_COLUMN } from './xlsx';
import { entryBytes, readZip, writeZip } from './zip';
import type { OutEntry, ZipEntry } from './zip';

const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const TYPE = {
  worksheet: `${NS_REL}/worksheet`,
  styles: `${NS_REL}/styles`,
  calcChain: `${NS_REL}/calcChain`,
  officeDocument: `${NS_REL}/officeDocument`,
};
const DRAWING_CONTENT = 'application/vnd.openxmlformats-officedocument.drawing+xml';
const WORKSHEET_CONTENT = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const STYLES_CONTENT = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';

const decoder = new TextDecoder();
const encoder = new TextEncoder();

const unescapeXml = (text: string) =>
  text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) =>
    e[0] === '#' ? String.fromCodePoint(parseInt(e.slice(e[1] === 'x' || e[1] === 'X' ? 2 : 1), e[1] === 'x' || e[1] === 'X' ? 16 : 10)) : ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[e.toLowerCase()]!,
  );

/** An attribute of one start tag (any namespace prefix when `name` has none). */
function attr(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s(?:\\w+:)?${name}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(tag);
  return match ? unescapeXml(match[2] ?? match[3] ?? '') : undefined;
}

/** Resolves a relationship target against the folder of the part that holds it. */
function resolvePart(from: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = from.split('/').slice(0, -1);
  for (const piece of target.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.') parts.push(piece);
  }
  return parts.join('/');
}

const relsOf = (part: string) => {
  const at = part.lastIndexOf('/');
  return `${part.slice(0, at + 1)}_rels/${part.slice(at + 1)}.rels`;
};

interface Relationship {
  tag: string;
  id: string;
  type: string;
  part: string;
}

function relationships(xml: string, owner: string): Relationship[] {
  return [...xml.matchAll(/<Relationship\b[^>]*>/g)].map(([tag]) => ({
    tag,
    id: attr(tag, 'Id') ?? '',
    type: attr(tag, 'Type') ?? '',
    part: attr(tag, 'TargetMode') === 'External' ? '' : resolvePart(owner, attr(tag, 'Target') ?? ''),
  }));
}

/** Inserts `text` before the closing tag `</name>` (or opens the element when it is empty: `<name/>`). */
function appendInto(xml: string, name: string, text: string): string {
  const close = xml.lastIndexOf(`</${name}>`);
  if (close >= 0) return xml.slice(0, close) + text + xml.slice(close);
  const empty = new RegExp(`<${name}(\\s[^>]*)?/>`).exec(xml);
  if (!empty) throw new Error(`no <${name}> element`);
  return xml.slice(0, empty.index) + `<${name}${empty[1] ?? ''}>${text}</${name}>` + xml.slice(empty.index + empty[0].length);
}

// ---------------------------------------------------------------------------------------------
// Styles

interface CellStyle {
  bold: boolean;
  fill: string | null;
  date: boolean;
  align: 'header' | 'wrap' | null;
}

const MINIMAL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>';

/** Adds the result sheets' few styles to the user's stylesheet, each once. */
class Styles {
  private readonly added = { fonts: [] as string[], fills: [] as string[], xfs: [] as string[] };
  private readonly index = new Map<string, number>();
  private readonly base: Record<'fonts' | 'fills' | 'xfs', number>;
  private readonly boldFont: string;
  private dateFormatId: number | undefined;
  private readonly newFormats: string[] = [];

  constructor(private xml: string) {
    const section = (name: string) => new RegExp(`<${name}\\b[^>]*?(/>|>[\\s\\S]*?</${name}>)`).exec(xml)?.[0] ?? '';
    const count = (name: string, child: string) => (section(name).match(new RegExp(`<${child}[\\s/>]`, 'g')) ?? []).length;
    this.base = { fonts: count('fonts', 'font'), fills: count('fills', 'fill'), xfs: count('cellXfs', 'xf') };
    const firstFont = /<font\b[^>]*?(\/>|>[\s\S]*?<\/font>)/.exec(section('fonts'))?.[0] ?? '<font/>';
    // The workbook's default font, made bold (CT_Font's children may come in any order).
    this.boldFont = firstFont.endsWith('/>') ? '<font><b/></font>' : /<b[\s/>]/.test(firstFont) ? firstFont : firstFont.replace(/^<font\b[^>]*>/, (open) => `${open}<b/>`);
    for (const [tag] of section('numFmts').matchAll(/<numFmt\b[^>]*>/g)) {
      if (attr(tag, 'formatCode') === DATE_FORMAT) this.dateFormatId = Number(attr(tag, 'numFmtId'));
    }
    if (this.dateFormatId === undefined) {
      const ids = [...section('numFmts').matchAll(/numFmtId="(\d+)"/g)].map((m) => Number(m[1]));
      this.dateFormatId = Math.max(163, ...ids) + 1;
      this.newFormats.push(`<numFmt numFmtId="${this.dateFormatId}" formatCode="${DATE_FORMAT}"/>`);
    }
  }

  /** The `s` index of a cell with this style. */
  of(style: CellStyle): number {
    const key = `${style.bold}|${style.fill}|${style.date}|${style.align}`;
    const known = this.index.get(key);
    if (known !== undefined) return known;
    const font = style.bold ? this.fontIndex() : 0;
    const fill = style.fill ? this.fillIndex(style.fill) : 0;
    const alignment =
      style.align === 'header' ? '<alignment wrapText="1" vertical="center"/>' : style.align === 'wrap' ? '<alignment wrapText="1" vertical="top"/>' : '';
    const numFmt = style.date ? this.dateFormatId! : 0;
    this.added.xfs.push(
      `<xf numFmtId="${numFmt}" fontId="${font}" fillId="${fill}" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1"${alignment ? ' applyAlignment="1">' + alignment + '</xf>' : '/>'}`,
    );
    const index = this.base.xfs + this.added.xfs.length - 1;
    this.index.set(key, index);
    return index;
  }

  private fontIndex(): number {
    if (!this.added.fonts.length) this.added.fonts.push(this.boldFont);
    return this.base.fonts;
  }

  private fillIndex(argb: string): number {
    const fill = `<fill><patternFill patternType="solid"><fgColor rgb="${argb}"/><bgColor indexed="64"/></patternFill></fill>`;
    let at = this.added.fills.indexOf(fill);
    if (at < 0) at = this.added.fills.push(fill) - 1;
    return this.base.fills + at;
  }

  /** The stylesheet with the additions and their counts. */
  toXml(): string {
    let xml = this.xml;
    const add = (section: string, items: string[], total: number) => {
      if (!items.length) return;
      xml = appendInto(xml, section, items.join(''));
      xml = xml.replace(new RegExp(`<${section}\\b[^>]*>`), (open) =>
        / count="\d+"/.test(open) ? open.replace(/ count="\d+"/, ` count="${total}"`) : open.replace(/(\/?)>$/, ` count="${total}"$1>`),
      );
    };
    if (this.newFormats.length) {
      if (/<numFmts\b/.test(xml)) add('numFmts', this.newFormats, (xml.match(/<numFmt\s/g) ?? []).length + 1);
      else xml = xml.replace(/<styleSheet\b[^>]*>/, (open) => `${open}<numFmts count="1">${this.newFormats[0]}</numFmts>`);
    }
    add('fonts', this.added.fonts, this.base.fonts + this.added.fonts.length);
    add('fills', this.added.fills, this.base.fills + this.added.fills.length);
    add('cellXfs', this.added.xfs, this.base.xfs + this.added.xfs.length);
    return xml;
  }
}

// ---------------------------------------------------------------------------------------------
// A result sheet

function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** Days since 1899-12-30, the spreadsheet serial of a date given as midnight UTC. */
const serial = (date: Date) => date.getTime() / 86_400_000 + 25569;

/**
 * A result sheet: the header bold on a fill and frozen, marked rows coloured, columns as wide
 * as their text (long text wraps), every string written as text, never as a formula.
 */
function sheetXml(output: OutputSheet, styles: Styles): string {
  const table = [output.header as CellValue[], ...output.rows];
  const width = output.header.length;
  const widths = Array.from({ length: width }, (_, col) => Math.max(...table.map((row) => displayLength(row[col] ?? null))));
  const columns = Array.from({ length: Math.max(width, ...table.map((row) => row.length)) }, (_, col) => columnName(col));
  const rows = table.map((row, r) => {
    const mark: RowMark | 'header' = r === 0 ? 'header' : (output.marks[r - 1] ?? null);
    const cells: string[] = [];
    for (let col = 0; col < Math.max(width, row.length); col++) {
      const value = row[col] ?? null;
      const wide = (widths[col] ?? 0) > WIDE_COLUMN;
      const style: CellStyle = {
        bold: mark === 'header' || mark === 'section',
        fill: mark && mark !== 'section' && col < width ? FILL[mark] : null,
        date: value instanceof Date,
        align: mark === 'header' ? 'header' : wide ? 'wrap' : null,
      };
      const plain = !style.bold && !style.fill && !style.date && !style.align;
      if (value === null && plain) continue;
      const ref = `${columns[col]}${r + 1}`;
      const s = plain ? '' : ` s="${styles.of(style)}"`;
      if (value === null || value === '' || (typeof value === 'number' && !Number.isFinite(value))) cells.push(`<c r="${ref}"${s}/>`);
      else if (typeof value === 'string') cells.push(`<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeXml(value)}</t></is></c>`);
      else if (typeof value === 'boolean') cells.push(`<c r="${ref}"${s} t="b"><v>${value ? 1 : 0}</v></c>`);
      else if (value instanceof Date) cells.push(`<c r="${ref}"${s}><v>${serial(value)}</v></c>`);
      else cells.push(`<c r="${ref}"${s}><v>${value}</v></c>`);
    }
    return `<row r="${r + 1}">${cells.join('')}</row>`;
  });
  const cols = widths.map((length, col) => `<col min="${col + 1}" max="${col + 1}" width="${columnWidth(length)}" customWidth="1"/>`);
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>' +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    (cols.length ? `<cols>${cols.join('')}</cols>` : '') +
    `<sheetData>${rows.join('')}</sheetData></worksheet>`
  );
}

// ---------------------------------------------------------------------------------------------
// Charts over a result sheet's cells

const PACKAGE_RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const chartRel = (id: string, target: string, type: string) =>
  `${XML_HEAD}<Relationships xmlns="${PACKAGE_RELS}"><Relationship Id="${id}" Type="${type}" Target="${target}"/></Relationships>`;

/** `'Tổng kết'!$A$3:$A$9`: a column's cells, rows 1-based as Excel counts them. */
const columnRef = (sheet: string, col: number, from: number, to: number) =>
  `'${sheet.replace(/'/g, "''")}'!$${columnName(col)}$${from}:$${columnName(col)}$${to}`;

/** The drawing part anchoring each chart to its cells, and the chart parts with series over the sheet's cells. */
function chartParts(sheet: string, charts: SheetChart[], chartPath: (i: number) => string): { drawing: string; parts: [string, string][] } {
  const anchors = charts.map((c, i) => {
    const at = (col: number, row: number) => `<xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
    return (
      `<xdr:twoCellAnchor editAs="oneCell"><xdr:from>${at(c.anchor.col, c.anchor.row)}</xdr:from><xdr:to>${at(c.anchor.col + c.widthColumns, c.anchor.row + c.heightRows)}</xdr:to>` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${escapeXml(c.spec.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">' +
      `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="rIdChart${i + 1}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
    );
  });
  const drawing =
    `${XML_HEAD}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" ` +
    `xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${NS_REL}">${anchors.join('')}</xdr:wsDr>`;
  const parts = charts.map((c, i): [string, string] => {
    const first = c.data.row + 2;
    const last = c.data.row + 1 + c.data.rows;
    const refs = {
      categories: columnRef(sheet, c.data.col, first, last),
      series: Array.from({ length: c.data.series }, (_, k) => ({
        name: `'${sheet.replace(/'/g, "''")}'!$${columnName(c.data.col + 1 + k)}$${c.data.row + 1}`,
        values: columnRef(sheet, c.data.col + 1 + k, first, last),
      })),
    };
    return [chartPath(i), chartSpaceXml(c.spec, refs)];
  });
  return { drawing, parts };
}

// ---------------------------------------------------------------------------------------------
// The package

/**
 * The package of `source` with `outputs` added, or replacing the sheets of the same names; a
 * sheet's `charts`, if any, drawn over its cells (a drawing part and a chart part each).
 */
export function addOutputSheets(source: Uint8Array, outputs: (OutputSheet & { charts?: SheetChart[] })[]): Uint8Array {
  const entries = readZip(source);
  const byName = new Map(entries.map((e) => [e.name, e]));
  const text = (name: string) => {
    const entry = byName.get(name);
    return entry ? decoder.decode(entryBytes(entry)) : undefined;
  };
  const changed = new Map<string, string>();
  const removed = new Set<string>();

  const rootRels = relationships(text('_rels/.rels') ?? '', '');
  const workbookPart = rootRels.find((r) => r.type === TYPE.officeDocument)?.part ?? 'xl/workbook.xml';
  let workbook = text(workbookPart);
  if (workbook === undefined) throw new Error('no workbook part');
  const relsPart = relsOf(workbookPart);
  let rels = text(relsPart) ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS_REL.replace('officeDocument/2006/relationships', 'package/2006/relationships')}"></Relationships>`;
  let types = text('[Content_Types].xml') ?? '';
  const workbookRels = relationships(rels, workbookPart);

  const stylesRel = workbookRels.find((r) => r.type === TYPE.styles);
  let stylesPart = stylesRel?.part;
  if (!stylesPart) {
    stylesPart = resolvePart(workbookPart, 'styles.xml');
    rels = appendInto(rels, 'Relationships', `<Relationship Id="rIdThiDuaStyles" Type="${TYPE.styles}" Target="styles.xml"/>`);
    types = appendInto(types, 'Types', `<Override PartName="/${stylesPart}" ContentType="${STYLES_CONTENT}"/>`);
  }
  const styles = new Styles(text(stylesPart) ?? MINIMAL_STYLES);

  const relPrefix = new RegExp(`xmlns:(\\w+)="${NS_REL}"`).exec(workbook)?.[1];
  if (!relPrefix) workbook = workbook.replace(/<workbook\b/, `<workbook xmlns:r="${NS_REL}"`);
  const prefix = relPrefix ?? 'r';
  const sheetTags = [...workbook.matchAll(/<sheet\b[^>]*>/g)].map(([tag]) => tag);
  let nextSheetId = Math.max(0, ...sheetTags.map((t) => Number(attr(t, 'sheetId')) || 0)) + 1;
  let nextPart = 1;
  const usedParts = new Set(entries.map((e) => e.name.toLowerCase()));
  let replacedAny = false;

  const freePart = (stem: string) => {
    let i = 1;
    while (usedParts.has(`${stem}${i}.xml`)) i++;
    usedParts.add(`${stem}${i}.xml`);
    return `${stem}${i}.xml`;
  };
  /** The sheet's XML, with its drawing of charts when it has some (the parts are added here). */
  const withCharts = (part: string, output: (typeof outputs)[number]): string => {
    const xml = sheetXml(output, styles);
    if (!output.charts?.length) return xml;
    const drawingPart = freePart('xl/drawings/drawing');
    const { drawing, parts } = chartParts(output.name, output.charts, () => freePart('xl/charts/chart'));
    changed.set(drawingPart, drawing);
    changed.set(relsOf(part), chartRel('rIdThiDuaDrawing', `../drawings/${drawingPart.split('/').pop()}`, `${NS_REL}/drawing`));
    const drawingRels = parts
      .map(([path], i) => `<Relationship Id="rIdChart${i + 1}" Type="${CHART_RELATIONSHIP}" Target="../charts/${path.split('/').pop()}"/>`)
      .join('');
    changed.set(relsOf(drawingPart), `${XML_HEAD}<Relationships xmlns="${PACKAGE_RELS}">${drawingRels}</Relationships>`);
    types = appendInto(types, 'Types', `<Override PartName="/${drawingPart}" ContentType="${DRAWING_CONTENT}"/>`);
    for (const [path, chart] of parts) {
      changed.set(path, chart);
      types = appendInto(types, 'Types', `<Override PartName="/${path}" ContentType="${CHART_CONTENT_TYPE}"/>`);
    }
    return xml
      .replace('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">', `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${NS_REL}">`)
      .replace('</worksheet>', '<drawing r:id="rIdThiDuaDrawing"/></worksheet>');
  };

  for (const output of outputs) {
    const old = sheetTags.find((t) => normalizeKey(attr(t, 'name') ?? '') === normalizeKey(output.name));
    const oldRel = old && workbookRels.find((r) => r.id === attr(old, 'id') && r.type === TYPE.worksheet);
    if (old && oldRel) {
      // Replaced whole, in its place: its own notes and drawings went with the old content.
      removed.add(relsOf(oldRel.part));
      changed.set(oldRel.part, withCharts(oldRel.part, output));
      workbook = workbook.replace(old, old.replace(/\sname\s*=\s*("[^"]*"|'[^']*')/, ` name="${escapeXml(output.name)}"`));
      replacedAny = true;
      continue;
    }
    while (usedParts.has(`xl/worksheets/sheet${nextPart}.xml`)) nextPart++;
    const part = `xl/worksheets/sheet${nextPart}.xml`;
    usedParts.add(part);
    changed.set(part, withCharts(part, output));
    const id = `rIdThiDua${nextSheetId}`;
    const folder = workbookPart.slice(0, workbookPart.lastIndexOf('/') + 1);
    const target = folder && part.startsWith(folder) ? part.slice(folder.length) : `/${part}`;
    rels = appendInto(rels, 'Relationships', `<Relationship Id="${id}" Type="${TYPE.worksheet}" Target="${target}"/>`);
    types = appendInto(types, 'Types', `<Override PartName="/${part}" ContentType="${WORKSHEET_CONTENT}"/>`);
    workbook = appendInto(workbook, 'sheets', `<sheet name="${escapeXml(output.name)}" sheetId="${nextSheetId++}" ${prefix}:id="${id}"/>`);
  }

  // The calculation chain may name cells of a replaced sheet; Excel rebuilds it when it is absent.
  const calcChain = workbookRels.find((r) => r.type === TYPE.calcChain);
  if (replacedAny && calcChain) {
    removed.add(calcChain.part);
    rels = rels.replace(calcChain.tag, '');
    types = types.replace(new RegExp(`<Override\\b[^>]*PartName="/${calcChain.part.replace(/[.]/g, '\\.')}"[^>]*>`), '');
  }

  changed.set(workbookPart, workbook);
  changed.set(relsPart, rels);
  changed.set('[Content_Types].xml', types);
  changed.set(stylesPart, styles.toXml());

  const out: OutEntry[] = [];
  for (const entry of entries) {
    if (removed.has(entry.name)) continue;
    const replacement = changed.get(entry.name);
    changed.delete(entry.name);
    out.push(replacement === undefined ? (entry satisfies ZipEntry) : { name: entry.name, data: encoder.encode(replacement) });
  }
  for (const [name, xml] of changed) out.push({ name, data: encoder.encode(xml) });
  return writeZip(out);
}
