/**
 * Charts as DrawingML (`c:chartSpace`), written once here for every output that shows one: the
 * summary report's `.docx` (a chart part; LibreOffice and Word draw it from the cached values)
 * and the results sheet of the offline workbook (the same part, its series pointing at the
 * sheet's cells). The add-on draws its sheet charts with EmbeddedChartBuilder from the same spec.
 */
import { escapeXml } from './ooxml';

export interface ChartSeries {
  name: string;
  values: number[];
  /** Points drawn in the accent colour (a prize rank). */
  highlighted?: number[];
}

export interface ChartSpec {
  /** `bar`: horizontal bars, first category on top (a ranking); `column`: vertical columns (a distribution). */
  direction: 'bar' | 'column';
  title: string;
  categories: string[];
  series: ChartSeries[];
  valueAxisTitle: string;
  /** The value axis' top (a block's maximum points); automatic when absent. */
  max?: number;
}

/** Where a chart's data sits in a sheet (`'Tổng kết'!$A$2:$A$5`), for a chart inside a workbook. */
export interface ChartRefs {
  categories: string;
  series: { name: string; values: string }[];
}

/** Series colours: a calm blue, then orange, grey, green; the accent marks a prize. */
export const CHART_COLORS = ['4472C4', 'ED7D31', 'A5A5A5', '70AD47'] as const;
export const ACCENT_COLOR = 'C00000';

const C_NS = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const A_NS = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const FONT = 'Times New Roman';

const fill = (rgb: string) => `<c:spPr><a:solidFill><a:srgbClr val="${rgb}"/></a:solidFill></c:spPr>`;
const text = (size: number, bold = false) =>
  `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size * 100}" b="${bold ? 1 : 0}"><a:latin typeface="${FONT}"/><a:cs typeface="${FONT}"/></a:defRPr></a:pPr><a:endParaRPr lang="vi-VN"/></a:p></c:txPr>`;
const rich = (title: string, size: number) =>
  `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size * 100}" b="1"/></a:pPr><a:r><a:rPr lang="vi-VN" sz="${size * 100}" b="1"><a:latin typeface="${FONT}"/><a:cs typeface="${FONT}"/></a:rPr><a:t>${escapeXml(title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/>`;

const points = (values: (string | number)[]) =>
  `<c:ptCount val="${values.length}"/>${values.map((v, i) => `<c:pt idx="${i}"><c:v>${escapeXml(String(v))}</c:v></c:pt>`).join('')}`;

/** A sheet reference for a chart made without a sheet (Word's own default data sheet). */
const defaultRef = (column: number, rows: number) => `Sheet1!$${String.fromCharCode(65 + column)}$2:$${String.fromCharCode(65 + column)}$${rows + 1}`;

function seriesXml(spec: ChartSpec, s: ChartSeries, i: number, refs: ChartRefs | undefined): string {
  const name = refs?.series[i]?.name ?? `Sheet1!$${String.fromCharCode(66 + i)}$1`;
  const values = refs?.series[i]?.values ?? defaultRef(i + 1, spec.categories.length);
  const color = CHART_COLORS[i % CHART_COLORS.length] as string;
  const highlighted = (s.highlighted ?? [])
    .map((p) => `<c:dPt><c:idx val="${p}"/><c:invertIfNegative val="0"/><c:bubble3D val="0"/>${fill(ACCENT_COLOR)}</c:dPt>`)
    .join('');
  return (
    `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>` +
    `<c:tx><c:strRef><c:f>${escapeXml(name)}</c:f><c:strCache>${points([s.name])}</c:strCache></c:strRef></c:tx>` +
    `${fill(color)}<c:invertIfNegative val="0"/>${highlighted}` +
    `<c:dLbls>${text(9)}<c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>` +
    `<c:cat><c:strRef><c:f>${escapeXml(refs?.categories ?? defaultRef(0, spec.categories.length))}</c:f><c:strCache>${points(spec.categories)}</c:strCache></c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${escapeXml(values)}</c:f><c:numCache><c:formatCode>General</c:formatCode>${points(s.values)}</c:numCache></c:numRef></c:val></c:ser>`
  );
}

/**
 * The chart part (`word/charts/chartN.xml`, `xl/charts/chartN.xml`). Element order follows the
 * schema (Word refuses a chart whose order is wrong). A ranking lists its first category on top
 * (the category axis runs max to min, and the value axis crosses it at its maximum: the bottom).
 */
export function chartSpaceXml(spec: ChartSpec, refs?: ChartRefs): string {
  const ranking = spec.direction === 'bar';
  const legend = spec.series.length > 1 ? `<c:legend><c:legendPos val="b"/><c:overlay val="0"/>${text(10)}</c:legend>` : '';
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<c:chartSpace xmlns:c="${C_NS}" xmlns:a="${A_NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    '<c:lang val="vi-VN"/><c:roundedCorners val="0"/>' +
    `<c:chart><c:title>${rich(spec.title, 12)}</c:title><c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="${spec.direction}"/><c:grouping val="clustered"/><c:varyColors val="0"/>` +
    spec.series.map((s, i) => seriesXml(spec, s, i, refs)).join('') +
    '<c:gapWidth val="60"/><c:axId val="111"/><c:axId val="222"/></c:barChart>' +
    `<c:catAx><c:axId val="111"/><c:scaling><c:orientation val="${ranking ? 'maxMin' : 'minMax'}"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${ranking ? 'l' : 'b'}"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/>` +
    `<c:tickLblPos val="nextTo"/>${text(10)}<c:crossAx val="222"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="222"/><c:scaling><c:orientation val="minMax"/>${spec.max !== undefined ? `<c:max val="${spec.max}"/>` : ''}<c:min val="0"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="${ranking ? 'b' : 'l'}"/><c:majorGridlines/><c:title>${rich(spec.valueAxisTitle, 10)}</c:title>` +
    `<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${text(10)}` +
    `<c:crossAx val="111"/><c:crosses val="${ranking ? 'max' : 'autoZero'}"/><c:crossBetween val="between"/></c:valAx>` +
    `</c:plotArea>${legend}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `${text(10)}</c:chartSpace>`
  );
}

/** The content type and relationship type of a chart part, in either package. */
export const CHART_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
export const CHART_RELATIONSHIP = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart';
