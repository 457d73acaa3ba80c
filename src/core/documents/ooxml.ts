/**
 * The one renderer: a document model laid out once as the parts of a `.docx` (OOXML), plain
 * strings with no host in sight. The command line zips them (fflate); the add-on zips them with
 * `Utilities.zip` and stores the result through the Drive advanced service, as `.docx` or
 * converted to a Google Doc — so both hosts show the same page: Times New Roman by default,
 * page numbers from page 2, drawn rules, keep-with-next, repeated header rows, cell alignment.
 *
 * Written as strings rather than through a document-object library: a dossier is a few dozen
 * paragraphs, and string building is what makes hundreds of documents a second possible.
 * Element order inside `w:pPr`, `w:rPr`, `w:tblPr`, `w:trPr`, `w:tcPr` follows the schema
 * (Word refuses a file whose order is wrong, LibreOffice forgives it).
 */
import type { Alignment, Block, DocModel, InlineChart, MediaPart, Paragraph, Run, Table } from './model';
import { CHART_CONTENT_TYPE, CHART_RELATIONSHIP, chartSpaceXml } from './charts';

/** One file inside the `.docx` package. */
export interface DocxPart {
  path: string;
  content: string;
  /** A binary part (a picture): its bytes, `content` then being empty. */
  bytes?: Uint8Array;
}

/** The MIME type of a `.docx`, for the hosts that store one. */
export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const twips = (mm: number) => Math.round((mm * 1440) / 25.4);
const halfPoints = (pt: number) => Math.round(pt * 2);
/** A4 in twips, as Word writes it. */
const A4 = { width: 11906, height: 16838 };
/** Header distance from the page's top edge. */
const HEADER_MM = 10;

const JC: Record<Alignment, string> = { left: 'left', center: 'center', right: 'right', justify: 'both' };
/** Cell padding: almost none in borderless layout tables, 1.5 mm in lists. */
const PADDING_MM = { borderless: 0.5, lined: 1.5 };

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const R_NS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const MARKUP = /[&<>"]/g;
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPING = /[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

/** Text as XML character data: markup characters escaped, characters XML forbids dropped. */
export function escapeXml(text: string): string {
  // Most texts need nothing: one test instead of two replacements (a province lays out ~500,000 texts).
  if (!NEEDS_ESCAPING.test(text)) return text;
  return text.replace(FORBIDDEN, '').replace(MARKUP, (c) => ENTITY[c] as string);
}

/** Run properties; the document's size is the styles' default and is not repeated. */
function runProps(run: Run, base: number): string {
  const size = halfPoints(run.size ?? base);
  const props =
    (run.bold ? '<w:b/><w:bCs/>' : '') +
    (run.italic ? '<w:i/><w:iCs/>' : '') +
    (run.color ? `<w:color w:val="${run.color}"/>` : '') +
    (size === halfPoints(base) ? '' : `<w:sz w:val="${size}"/><w:szCs w:val="${size}"/>`);
  return props ? `<w:rPr>${props}</w:rPr>` : '';
}

/** A run; a line break inside the text becomes `w:br`, a tab `w:tab` (a dotted line's leader). */
function runXml(run: Run, base: number): string {
  const props = runProps(run, base);
  const pieces = /[\n\t]/.test(run.text) ? run.text.split(/(\n|\t)/) : [run.text];
  let body = '';
  for (const piece of pieces) {
    if (piece === '\n') body += '<w:br/>';
    else if (piece === '\t') body += '<w:tab/>';
    else if (piece) body += `<w:t xml:space="preserve">${escapeXml(piece)}</w:t>`;
  }
  return `<w:r>${props}${body}</w:r>`;
}

/** The paragraph properties, in schema order; what equals the styles' defaults is left out. */
function paragraphProps(p: Paragraph, base: number, widthMm: number, keepNext: boolean): string {
  const size = halfPoints(p.runs[0]?.size ?? base);
  const before = Math.round((p.spaceBeforePt ?? 0) * 20);
  const after = Math.round((p.spaceAfterPt ?? 0) * 20);
  const line = p.exactLineHeightPt ? Math.round(p.exactLineHeightPt * 20) : Math.round((p.lineSpacing ?? 1) * 240);
  const tabs =
    (p.tabStops ?? []).map((t) => `<w:tab w:val="${t.align}" w:pos="${twips(t.posMm)}"/>`).join('') +
    (p.dotsToEnd ? `<w:tab w:val="right" w:leader="dot" w:pos="${twips(widthMm)}"/>` : '');
  const box = p.emptyBoxMm;
  const boxSide = box ? twips(Math.max(0, (widthMm - box.widthMm) / 2)) : 0;
  const props =
    (keepNext || p.keepWithNext || p.ruleBelowMm ? '<w:keepNext/>' : '') +
    (p.keepLines ? '<w:keepLines/>' : '') +
    (p.pageBreakBefore ? '<w:pageBreakBefore/>' : '') +
    (box ? `<w:pBdr>${['top', 'left', 'bottom', 'right'].map((side) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="808080"/>`).join('')}</w:pBdr>` : '') +
    (tabs ? `<w:tabs>${tabs}</w:tabs>` : '') +
    (box
      ? `<w:spacing w:before="${before}" w:after="${after}" w:line="${twips(box.heightMm)}" w:lineRule="exact"/>`
      : before || after || line !== 240 || p.exactLineHeightPt
        ? `<w:spacing w:before="${before}" w:after="${after}" w:line="${line}" w:lineRule="${p.exactLineHeightPt ? 'exact' : 'auto'}"/>`
        : '') +
    (box ? `<w:ind w:left="${boxSide}" w:right="${boxSide}"/>` : p.firstLineIndentMm ? `<w:ind w:firstLine="${twips(p.firstLineIndentMm)}"/>` : '') +
    (p.align && p.align !== 'left' ? `<w:jc w:val="${JC[p.align]}"/>` : '') +
    // An empty paragraph keeps the height of its own size, not the document's.
    (size === halfPoints(base) ? '' : `<w:rPr><w:sz w:val="${size}"/><w:szCs w:val="${size}"/></w:rPr>`);
  return props ? `<w:pPr>${props}</w:pPr>` : '';
}

/**
 * A paragraph and, when it has one, the short rule under it: an empty paragraph, indented from
 * both sides to the rule's length, whose top border is the drawn line.
 */
function paragraphXml(p: Paragraph, base: number, widthMm: number, keepNext = false): string {
  const dots = p.dotsToEnd ? '<w:r><w:tab/></w:r>' : '';
  const chart = p.chart ? chartRunXml(p.chart) : '';
  const content = p.image ? pictureXml(p.image) : p.runs.map((r) => runXml(r, base)).join('');
  let xml = `<w:p>${paragraphProps(p, base, widthMm, keepNext)}${content}${dots}${chart}</w:p>`;
  if (p.ruleBelowMm) {
    const side = twips(Math.max(0, (widthMm - p.ruleBelowMm) / 2));
    xml +=
      '<w:p><w:pPr>' +
      ((p.keepWithNext ?? false) || keepNext ? '<w:keepNext/>' : '') +
      '<w:pBdr><w:top w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>' +
      '<w:spacing w:before="100" w:after="0" w:line="120" w:lineRule="exact"/>' +
      `<w:ind w:left="${side}" w:right="${side}"/>` +
      '<w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr></w:pPr></w:p>';
  }
  return xml;
}

const EMU_PER_MM = 36000;

/** Pictures drawn so far in the document being laid out: each needs its own drawing ID (after any chart's). */
let pictures = 0;
const PICTURE_IDS_FROM = 1000;

/** An inline picture (DrawingML), its bytes a media part related by `mediaRelId`. */
function pictureXml(image: NonNullable<Paragraph['image']>): string {
  const id = PICTURE_IDS_FROM + ++pictures;
  const cx = Math.round(image.widthMm * EMU_PER_MM);
  const cy = Math.round(image.heightMm * EMU_PER_MM);
  const name = escapeXml(image.name);
  return (
    `<w:r><w:drawing><wp:inline ${WP_NS} distT="0" distB="0" distL="0" distR="0"><wp:extent cx="${cx}" cy="${cy}"/>` +
    `<wp:docPr id="${id}" name="${name}"/><a:graphic xmlns:a="${DRAWING}/main"><a:graphicData uri="${DRAWING}/picture">` +
    `<pic:pic xmlns:pic="${DRAWING}/picture"><pic:nvPicPr><pic:cNvPr id="${id}" name="${name}"/><pic:cNvPicPr/></pic:nvPicPr>` +
    `<pic:blipFill><a:blip r:embed="${mediaRelId(image.mediaPath)}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>` +
    `<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>` +
    '</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>'
  );
}

const DRAWING = 'http://schemas.openxmlformats.org/drawingml/2006';
const WP_NS = 'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"';
/** A media part's relationship ID, from its path (`media/quoc-huy.png` → `rIdMedia_quoc_huy_png`). */
const mediaRelId = (path: string) => `rIdMedia_${path.replace(/^media\//, '').replace(/[^A-Za-z0-9]/g, '_')}`;

/** A chart inline in its paragraph: a drawing that points at the chart part (namespaces declared here, where used). */
function chartRunXml(c: InlineChart): string {
  return (
    '<w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" distT="0" distB="0" distL="0" distR="0">' +
    `<wp:extent cx="${Math.round(c.widthMm * EMU_PER_MM)}" cy="${Math.round(c.heightMm * EMU_PER_MM)}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>` +
    `<wp:docPr id="${c.id}" name="Biểu đồ ${c.id}" descr="${escapeXml(c.spec.title)}"/><wp:cNvGraphicFramePr/>` +
    '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">' +
    `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="rIdChart${c.id}"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`
  );
}

/** The charts of a document, in order (top-level paragraphs and those in tables). */
function chartsOf(doc: DocModel): InlineChart[] {
  const out: InlineChart[] = [];
  const visit = (p: Paragraph) => p.chart && out.push(p.chart);
  for (const b of doc.blocks) {
    if (b.kind === 'paragraph') visit(b);
    else for (const row of b.rows) for (const cell of row) cell.paragraphs.forEach(visit);
  }
  return out;
}

const LINE = (side: string) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`;
const NONE = (side: string) => `<w:${side} w:val="none" w:sz="0" w:space="0" w:color="auto"/>`;
const SIDES = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'];

function tableXml(t: Table, base: number, keepLastRowWithNext = false): string {
  const padding = twips(t.borderless ? PADDING_MM.borderless : PADDING_MM.lined);
  const widths = t.columnWidthsMm.map(twips);
  const total = widths.reduce((a, b) => a + b, 0);
  const borders = SIDES.map(t.borderless ? NONE : LINE).join('');
  let xml =
    `<w:tbl><w:tblPr><w:tblW w:w="${total}" w:type="dxa"/><w:tblBorders>${borders}</w:tblBorders>` +
    `<w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="${padding}" w:type="dxa"/>` +
    `<w:bottom w:w="0" w:type="dxa"/><w:right w:w="${padding}" w:type="dxa"/></w:tblCellMar>` +
    '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>' +
    `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`;
  t.rows.forEach((row, r) => {
    const header = r < t.headerRows;
    const cantSplit = t.borderless || header || t.keepTogether === true;
    xml += `<w:tr>${cantSplit || header ? `<w:trPr>${cantSplit ? '<w:cantSplit/>' : ''}${header ? '<w:tblHeader/>' : ''}</w:trPr>` : ''}`;
    row.forEach((cell, c) => {
      const mm = t.columnWidthsMm[c] ?? 0;
      const inner = mm - 2 * (t.borderless ? PADDING_MM.borderless : PADDING_MM.lined);
      const paragraphs = cell.paragraphs.length ? cell.paragraphs : [{ kind: 'paragraph' as const, runs: [] }];
      // Inside a signature table every line keeps with the next: the block never breaks across
      // pages; a table right before one keeps its last row with it.
      const keep = t.keepTogether === true || (keepLastRowWithNext && r === t.rows.length - 1);
      const body = paragraphs.map((p) => paragraphXml(p, base, inner, keep)).join('');
      const vAlign = cell.vAlign ? `<w:vAlign w:val="${cell.vAlign}"/>` : '';
      xml += `<w:tc><w:tcPr><w:tcW w:w="${widths[c] ?? 0}" w:type="dxa"/>${vAlign}</w:tcPr>${body}</w:tc>`;
    });
    xml += '</w:tr>';
  });
  return `${xml}</w:tbl>`;
}

/** Blocks in a row, as body XML: keep-with-next where a table must not be left alone. */
function blocksXml(blocks: Block[], base: number, width: number): string {
  let body = '';
  blocks.forEach((b, i) => {
    const next: Block | undefined = blocks[i + 1];
    const keepsPrevious = next?.kind === 'table' && next.keepWithPrevious === true;
    if (b.kind === 'paragraph') {
      body += paragraphXml(b, base, width, keepsPrevious);
    } else {
      body += tableXml(b, base, keepsPrevious);
      // Word joins two adjacent tables into one; an empty paragraph keeps them apart.
      if (next?.kind === 'table') body += '<w:p><w:pPr><w:spacing w:before="0" w:after="0"/></w:pPr></w:p>';
    }
  });
  return body;
}

/**
 * The body. A table that keeps with the next one (a short awards table before the signatures)
 * goes, with its heading, the signatures and all, into one borderless row that cannot split:
 * LibreOffice, unlike Word, does not keep a table with what follows it.
 */
function bodyXml(blocks: Block[], base: number, width: number): string {
  let body = '';
  let from = 0;
  for (let i = 1; i < blocks.length; i++) {
    const b = blocks[i] as Block;
    const before = blocks[i - 1] as Block;
    if (b.kind !== 'table' || !b.keepWithPrevious || before.kind !== 'table') continue;
    let start = i - 1;
    while (start > from && (blocks[start - 1] as Block).kind === 'paragraph' && (blocks[start - 1] as Paragraph).keepWithNext) start--;
    body += blocksXml(blocks.slice(from, start), base, width);
    const w = twips(width);
    body +=
      `<w:tbl><w:tblPr><w:tblW w:w="${w}" w:type="dxa"/><w:tblBorders>${SIDES.map(NONE).join('')}</w:tblBorders>` +
      '<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar></w:tblPr>' +
      `<w:tblGrid><w:gridCol w:w="${w}"/></w:tblGrid><w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:w="${w}" w:type="dxa"/></w:tcPr>` +
      `${blocksXml(blocks.slice(start, i + 1), base, width)}<w:p><w:pPr><w:spacing w:before="0" w:after="0"/></w:pPr></w:p></w:tc></w:tr></w:tbl>`;
    from = i + 1;
  }
  return body + blocksXml(blocks.slice(from), base, width);
}

function documentXml(doc: DocModel): string {
  const m = doc.page.marginsMm;
  const landscape = doc.page.orientation === 'landscape';
  pictures = 0;
  const body = bodyXml(doc.blocks, doc.sizePt, (landscape ? 297 : 210) - m.left - m.right);
  const headers = doc.pageNumbersFromPage2
    ? '<w:headerReference w:type="default" r:id="rIdHeaderPage"/><w:headerReference w:type="first" r:id="rIdHeaderFirst"/>'
    : '';
  const section =
    `<w:sectPr>${headers}${landscape ? `<w:pgSz w:w="${A4.height}" w:h="${A4.width}" w:orient="landscape"/>` : `<w:pgSz w:w="${A4.width}" w:h="${A4.height}"/>`}` +
    `<w:pgMar w:top="${twips(m.top)}" w:right="${twips(m.right)}" w:bottom="${twips(m.bottom)}" w:left="${twips(m.left)}" ` +
    `w:header="${twips(HEADER_MM)}" w:footer="${twips(HEADER_MM)}" w:gutter="0"/>` +
    `${doc.pageNumbersFromPage2 ? '<w:titlePg/>' : ''}</w:sectPr>`;
  return `${XML}<w:document ${W_NS} ${R_NS}><w:body>${body}${section}</w:body></w:document>`;
}

function stylesXml(doc: DocModel): string {
  const font = escapeXml(doc.font);
  const size = halfPoints(doc.sizePt);
  const fonts = `<w:rFonts w:ascii="${font}" w:hAnsi="${font}" w:eastAsia="${font}" w:cs="${font}"/>`;
  return (
    `${XML}<w:styles ${W_NS}>` +
    `<w:docDefaults><w:rPrDefault><w:rPr>${fonts}<w:sz w:val="${size}"/><w:szCs w:val="${size}"/>` +
    '<w:lang w:val="vi-VN" w:eastAsia="vi-VN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>' +
    '<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>' +
    `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/><w:rPr>${fonts}</w:rPr></w:style>` +
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/>' +
    '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>' +
    '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>' +
    '</w:styles>'
  );
}

/** The settings part (a function, so a bundle that never lays out a .docx drops it). */
const settingsXml = () =>
  `${XML}<w:settings ${W_NS}><w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>` +
  '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>';

/** The page number, top centre, as a PAGE field (every reader recomputes it). */
function pageHeaderXml(doc: DocModel): string {
  const size = halfPoints(doc.pageNumberSizePt);
  const rPr = `<w:rPr><w:sz w:val="${size}"/><w:szCs w:val="${size}"/></w:rPr>`;
  return (
    `${XML}<w:hdr ${W_NS} ${R_NS}><w:p><w:pPr><w:jc w:val="center"/>${rPr}</w:pPr>` +
    `<w:r>${rPr}<w:fldChar w:fldCharType="begin"/></w:r><w:r>${rPr}<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>` +
    `<w:r>${rPr}<w:fldChar w:fldCharType="separate"/></w:r><w:r>${rPr}<w:t>2</w:t></w:r><w:r>${rPr}<w:fldChar w:fldCharType="end"/></w:r></w:p></w:hdr>`
  );
}

const emptyHeaderXml = () => `${XML}<w:hdr ${W_NS} ${R_NS}><w:p/></w:hdr>`;

const TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml';

function contentTypes(numbered: boolean, charts: InlineChart[], media: MediaPart[]): string {
  const headers =
    (numbered
      ? `<Override PartName="/word/header1.xml" ContentType="${TYPE}.header+xml"/><Override PartName="/word/header2.xml" ContentType="${TYPE}.header+xml"/>`
      : '') + charts.map((c) => `<Override PartName="/word/charts/chart${c.id}.xml" ContentType="${CHART_CONTENT_TYPE}"/>`).join('');
  return (
    `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    media.map((m) => `<Override PartName="/word/${m.path}" ContentType="${m.contentType}"/>`).join('') +
    `<Override PartName="/word/document.xml" ContentType="${TYPE}.document.main+xml"/>` +
    `<Override PartName="/word/styles.xml" ContentType="${TYPE}.styles+xml"/>` +
    `<Override PartName="/word/settings.xml" ContentType="${TYPE}.settings+xml"/>${headers}` +
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>'
  );
}

const RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const packageRels = () =>
  `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  `<Relationship Id="rId1" Type="${RELS}/officeDocument" Target="word/document.xml"/>` +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
  '</Relationships>';

function documentRels(numbered: boolean, charts: InlineChart[], media: MediaPart[]): string {
  return (
    `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    `<Relationship Id="rIdStyles" Type="${RELS}/styles" Target="styles.xml"/>` +
    `<Relationship Id="rIdSettings" Type="${RELS}/settings" Target="settings.xml"/>` +
    (numbered
      ? `<Relationship Id="rIdHeaderPage" Type="${RELS}/header" Target="header1.xml"/><Relationship Id="rIdHeaderFirst" Type="${RELS}/header" Target="header2.xml"/>`
      : '') +
    charts.map((c) => `<Relationship Id="rIdChart${c.id}" Type="${CHART_RELATIONSHIP}" Target="charts/chart${c.id}.xml"/>`).join('') +
    media.map((m) => `<Relationship Id="${mediaRelId(m.path)}" Type="${RELS}/image" Target="${escapeXml(m.path)}"/>`).join('') +
    '</Relationships>'
  );
}

function coreXml(title: string): string {
  return (
    `${XML}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Thi đua</dc:creator>' +
    `${title ? `<dc:title>${escapeXml(title)}</dc:title>` : ''}</cp:coreProperties>`
  );
}

/**
 * The parts of a `.docx` for a document model, ready to zip: a host stores the zip as it is
 * (`[Content_Types].xml` first, as some readers expect). `title` goes into the file's properties.
 */
export function layoutDocx(doc: DocModel, title = ''): DocxPart[] {
  const numbered = doc.pageNumbersFromPage2;
  const charts = chartsOf(doc);
  const media = doc.media ?? [];
  return [
    { path: '[Content_Types].xml', content: contentTypes(numbered, charts, media) },
    { path: '_rels/.rels', content: packageRels() },
    { path: 'docProps/core.xml', content: coreXml(title) },
    { path: 'word/_rels/document.xml.rels', content: documentRels(numbered, charts, media) },
    { path: 'word/document.xml', content: documentXml(doc) },
    { path: 'word/styles.xml', content: stylesXml(doc) },
    { path: 'word/settings.xml', content: settingsXml() },
    ...(numbered
      ? [
          { path: 'word/header1.xml', content: pageHeaderXml(doc) },
          { path: 'word/header2.xml', content: emptyHeaderXml() },
        ]
      : []),
    ...charts.map((c) => ({ path: `word/charts/chart${c.id}.xml`, content: chartSpaceXml(c.spec) })),
    ...media.map((m) => ({ path: `word/${m.path}`, content: '', bytes: m.bytes })),
  ];
}
