/**
 * Báo cáo tổng kết phong trào (forms.md, «The district's own documents»): the standing body's
 * draft with every figure filled in from `movementClosing` — participation, scoring, each ranked
 * block's table and ranking chart, the score spread, the awards by block and kind, the dossiers
 * not accepted — and the lessons and proposals left as dotted lines for the office to write.
 * Decree 30 layout, the same header and signature as the other documents.
 */
import type { MovementClosing } from '../movementSummary';
import { SETTING, SHEET } from '../contract';
import type { Settings } from '../model';
import { formatNumber } from '../text';
import type { ChartSpec } from './charts';
import { Gaps } from './facts';
import type { Field } from './facts';
import {
  GAP, SIZE, TEXT_WIDTH_MM, bodyPara, dottedPara, document, header, headingPara, listTable, numberLine, para, peoplesCommitteeOf,
  placeAndDate, recipients, signature, signatureBlock, title,
} from './layout';
import type { DocModel, Paragraph } from './model';

export interface SummaryReportDocument {
  title: string;
  fileName: string;
  doc: DocModel;
  /** The gaps left (`…`), each saying where to fill it. */
  missing: string[];
  /** The charts the document shows, in order (the add-on draws the same ones on its sheet). */
  charts: ChartSpec[];
}

export const SUMMARY_REPORT_TITLE = 'Báo cáo tổng kết';

/** The ranking of a block as a chart: units in rank order, prize ranks in the accent colour. */
export function rankingChart(block: MovementClosing['blocks'][number]): ChartSpec {
  return {
    direction: 'bar',
    title: `Kết quả xếp hạng khối ${block.block}`,
    categories: block.ranking.map((r) => `${r.rank}. ${r.name}`),
    series: [{ name: 'Điểm thẩm định', values: block.ranking.map((r) => r.score), highlighted: block.ranking.flatMap((r, i) => (r.prize ? [i] : [])) }],
    valueAxisTitle: 'Điểm',
    ...(block.maxPoints > 0 ? { max: block.maxPoints } : {}),
  };
}

/** The spread of results: how many ranked units of each block fall in each band. */
export function distributionChart(closing: MovementClosing): ChartSpec {
  const bands = closing.blocks[0]?.distribution.map((b) => b.label) ?? [];
  return {
    direction: 'column',
    title: 'Phân bố điểm thẩm định (tỷ lệ so với điểm tối đa)',
    categories: bands,
    series: closing.blocks.map((b) => ({ name: b.block, values: b.distribution.map((d) => d.count) })),
    valueAxisTitle: 'Số đơn vị',
  };
}

/** The charts of the report, in the order it shows them. */
export const summaryCharts = (closing: MovementClosing): ChartSpec[] =>
  closing.blocks.some((b) => b.ranking.length) ? [...closing.blocks.filter((b) => b.ranking.length).map(rankingChart), distributionChart(closing)] : [];

const num = (n: number) => formatNumber(n);
const lowerFirst = (text: string) => text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);
const field = (text: string, missing: string): Field => (text.trim() ? { text: text.trim(), missing: null } : { text: GAP, missing });

const CHART_WIDTH_MM = TEXT_WIDTH_MM - 10;
const chartPara = (id: number, spec: ChartSpec, heightMm: number): Paragraph => ({
  ...para('', { align: 'center', spaceBeforePt: 6, spaceAfterPt: 6 }),
  keepLines: true,
  chart: { id, spec, widthMm: CHART_WIDTH_MM, heightMm },
});

/** Lines the office writes by hand. */
const handLines = (count: number): Paragraph[] => Array.from({ length: count }, () => dottedPara(''));

/** The text standing for chart `id` in a document whose host puts the chart's image there itself (no regex character in it). */
export const chartMarker = (id: number): string => `⟦Biểu đồ ${id}⟧`;

/** `doc` with each chart replaced by its marker, in a paragraph of its own: for Google Docs, which gets the images from the sheet's charts. */
export function withChartMarkers(doc: DocModel): DocModel {
  return {
    ...doc,
    blocks: doc.blocks.map((b) => {
      if (b.kind !== 'paragraph' || !b.chart) return b;
      const { chart, ...rest } = b;
      return { ...rest, runs: [{ text: chartMarker(chart.id), size: SIZE.body }] };
    }),
  };
}

/** The report for the movement described by `settings`, with the figures of `closing`. */
export function summaryReport(settings: Settings, closing: MovementClosing): SummaryReportDocument {
  const gaps = new Gaps();
  const use = gaps.use;
  const issuer = use(field(settings.issuer, `${SHEET.settings}: thiếu «${SETTING.issuer}»`));
  const movement = use(field(settings.movementName, `${SHEET.settings}: thiếu «${SETTING.movementName}»`));
  const year = use(field(settings.year === null ? '' : String(settings.year), `${SHEET.settings}: thiếu «${SETTING.year}»`));
  const place = use(field(settings.placeName, `${SHEET.settings}: thiếu «${SETTING.placeName}»`));
  const signer = use(field(settings.signerName, `${SHEET.settings}: thiếu «${SETTING.signerName}»`));
  const committee = peoplesCommitteeOf(settings.issuer) !== null;
  const symbol = committee ? 'UBND' : GAP;
  const charts = summaryCharts(closing);
  let chartId = 0;
  const nextChart = (heightMm: number) => chartPara(++chartId, charts[chartId - 1] as ChartSpec, heightMm);

  const { participation: p, scoring: s, nominations: n } = closing;
  const blocks: (Paragraph | ReturnType<typeof listTable>)[] = [];
  closing.blocks.forEach((b, i) => {
    blocks.push(bodyPara(`${String.fromCharCode(97 + i)}) Khối ${lowerFirst(b.block)}`, { italic: true, keepWithNext: true }));
    if (b.ranking.length === 0) {
      blocks.push(bodyPara('Chưa có đơn vị nào của khối được xếp hạng.'));
    } else {
      blocks.push(
        bodyPara(
          `Có ${b.ranking.length}/${b.units} đơn vị được xếp hạng; điểm thẩm định cao nhất ${num(b.highest as number)}, thấp nhất ${num(b.lowest as number)}, ` +
            `bình quân ${num(b.average as number)} trên tổng số ${num(b.maxPoints)} điểm.`,
          { keepWithNext: true },
        ),
        listTable(
          [
            { title: 'Hạng', widthMm: 28, align: 'center' },
            { title: 'Tên đơn vị', widthMm: 75 },
            { title: 'Điểm thẩm định', widthMm: 32, align: 'center' },
            { title: 'Giải', widthMm: 30, align: 'center' },
          ],
          b.ranking.map((r) => [`${r.rank}${r.tied ? ' (đồng hạng)' : ''}`, r.name, num(r.score), r.prize ?? '']),
        ),
        nextChart(Math.min(160, 30 + 9 * b.ranking.length)),
      );
    }
    if (b.unranked.length) {
      blocks.push(bodyPara(`Chưa xếp hạng ${b.unranked.length} đơn vị: ${b.unranked.map((u) => `${u.name} (${u.reason.replace(/\.$/, '')})`).join('; ')}.`));
    }
  });

  const spread = closing.blocks.some((b) => b.ranking.length)
    ? [
        bodyPara('Phân bố kết quả theo tỷ lệ điểm thẩm định so với điểm tối đa của khối:', { keepWithNext: true }),
        listTable(
          [{ title: 'Mức điểm', widthMm: 55 }, ...closing.blocks.map((b) => ({ title: `Khối ${lowerFirst(b.block)}`, widthMm: 110 / closing.blocks.length, align: 'center' as const }))],
          (closing.blocks[0]?.distribution ?? []).map((band, i) => [band.label, ...closing.blocks.map((b) => String(b.distribution[i]?.count ?? 0))]),
        ),
        nextChart(80),
      ]
    : [];

  const intake = closing.intake;
  const returned: (Paragraph | ReturnType<typeof listTable>)[] = [];
  if (intake === null) {
    returned.push(bodyPara(`Chưa ghi nhận việc tiếp nhận hồ sơ (trang «Tiếp nhận hồ sơ»), nên báo cáo chưa thống kê được hồ sơ bị trả lại; số được khen thưởng tính theo danh sách khen thưởng.`));
  } else {
    returned.push(
      bodyPara(
        `Tiếp nhận hồ sơ của ${intake.nominatingUnits} đơn vị có đề nghị: ${intake.complete} đơn vị hồ sơ đủ, ${intake.incomplete} đơn vị hồ sơ còn thiếu, ${intake.returned} đơn vị bị trả lại hồ sơ` +
          (intake.notReceived.length ? `; chưa nhận hồ sơ của ${intake.notReceived.map((u) => u.name || u.unit).join(', ')}.` : '.'),
      ),
    );
    if (intake.notAccepted.length) {
      returned.push(
        listTable(
          [
            { title: 'STT', widthMm: 12, align: 'center' },
            { title: 'Đơn vị', widthMm: 55 },
            { title: 'Tình trạng', widthMm: 25, align: 'center' },
            { title: 'Lý do', widthMm: 73 },
          ],
          intake.notAccepted.map((r, i) => [String(i + 1), r.name || r.unit, r.status, r.reason || GAP]),
        ),
      );
    }
  }

  const doc = document([
    header({ unitName: settings.issuer || GAP, movementIssuer: settings.issuer || GAP, number: numberLine('BC', symbol, ''), dateLine: placeAndDate(place, null) }),
    ...title('Báo cáo', [`Tổng kết phong trào thi đua «${movement}» năm ${year}`], { rule: true }),
    bodyPara(`Thực hiện phong trào thi đua «${movement}» năm ${year}, ${issuer} báo cáo kết quả tổ chức thực hiện và tổng kết phong trào như sau:`),

    headingPara('I. KẾT QUẢ TỔ CHỨC THỰC HIỆN PHONG TRÀO'),
    headingPara('1. Đơn vị tham gia'),
    bodyPara(`Có ${p.units} đơn vị tham gia phong trào; ${p.nominatingUnits} đơn vị có đề nghị khen thưởng.`, { keepWithNext: true }),
    listTable(
      [
        { title: 'Khối', widthMm: 85 },
        { title: 'Số đơn vị', widthMm: 35, align: 'center' },
        { title: 'Số đơn vị có đề nghị khen thưởng', widthMm: 45, align: 'center' },
      ],
      [...p.byBlock.map((b) => [b.block, String(b.units), String(b.nominating)]), ['Tổng cộng', String(p.units), String(p.nominatingUnits)]],
    ),
    headingPara('2. Kết quả chấm điểm'),
    bodyPara(
      `Trong ${s.rankedBlockUnits} đơn vị thuộc các khối xếp hạng, ${s.selfAssessed} đơn vị đã tự chấm đủ điểm, ${s.appraised} đơn vị đã được thẩm định đủ điểm ` +
        `(${s.appraisedCells}/${s.cells} điểm tiêu chí đã thẩm định${s.percent === null ? '' : `, đạt ${num(s.percent)}%`}); ${s.ranked} đơn vị được xếp hạng.`,
    ),
    headingPara('3. Kết quả xếp hạng theo khối'),
    ...blocks,
    ...spread,

    headingPara('II. KẾT QUẢ KHEN THƯỞNG'),
    headingPara('1. Đề nghị và khen thưởng'),
    bodyPara(
      `Nhận ${n.total.received} đề nghị khen thưởng; ${n.total.eligible} đề nghị đủ điều kiện; ${n.total.awarded} tập thể, cá nhân được đề nghị tặng Giấy khen.`,
      { keepWithNext: true },
    ),
    listTable(
      [
        { title: 'Khối', widthMm: 55 },
        { title: 'Hình thức', widthMm: 30, align: 'center' },
        { title: 'Đề nghị', widthMm: 25, align: 'center' },
        { title: 'Đủ điều kiện', widthMm: 27, align: 'center' },
        { title: 'Được khen thưởng', widthMm: 28, align: 'center' },
      ],
      [
        ...n.rows.map((r) => [r.block, r.kind, String(r.received), String(r.eligible), String(r.awarded)]),
        ['Tổng cộng', '', String(n.total.received), String(n.total.eligible), String(n.total.awarded)],
      ],
    ),
    headingPara('2. Hồ sơ bị trả lại và lý do'),
    ...returned,

    headingPara('III. BÀI HỌC KINH NGHIỆM'),
    ...handLines(6),
    headingPara('IV. PHƯƠNG HƯỚNG, KIẾN NGHỊ'),
    ...handLines(6),
    bodyPara(`Trên đây là báo cáo tổng kết phong trào thi đua «${movement}» năm ${year} của ${issuer}./.`, { keepWithNext: true }),
    signatureBlock(
      recipients([`Thường trực Hội đồng Thi đua - Khen thưởng ${committee ? lowerFirst(issuer.replace(/^Ủy ban nhân dân /i, '')) : ''}`.trim(), 'Các đơn vị tham gia phong trào', `Lưu: VT, ${symbol}`]),
      signature([...(committee ? ['TM. Ủy ban nhân dân'] : []), settings.signerTitle || GAP], signer),
    ),
  ]);
  const fileYear = settings.year === null ? '' : ` ${settings.year}`;
  return {
    title: `${SUMMARY_REPORT_TITLE}${fileYear}`,
    fileName: `${SUMMARY_REPORT_TITLE}.docx`,
    doc,
    missing: gaps.list,
    charts,
  };
}
