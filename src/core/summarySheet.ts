/**
 * `Tổng kết`: the summary report's figures as a results sheet, with its charts placed beside
 * them. The core decides where every table and chart goes; each host draws the charts its own
 * way (DrawingML in the offline copy, EmbeddedChartBuilder in Sheets) over the same cells.
 */
import type { CellValue } from './model';
import type { MovementClosing } from './movementSummary';
import type { OutputSheet, RowMark } from './results';
import { SHEET } from './contract';
import type { ChartSpec } from './documents/charts';
import { distributionChart, rankingChart } from './documents/summaryReport';

/**
 * A chart over a block of the sheet's cells: a header row at `row` (0-based in the sheet, the
 * header row being 0), the categories in column `col`, one series per column after it, `rows`
 * data rows under the header; drawn with its top-left corner at `anchor`, `heightRows` tall.
 */
export interface SheetChart {
  spec: ChartSpec;
  data: { row: number; col: number; rows: number; series: number };
  anchor: { row: number; col: number };
  heightRows: number;
  widthColumns: number;
}

export interface SummarySheet extends OutputSheet {
  charts: SheetChart[];
}

/** Charts start in column H, right of the widest table (five columns and a gap). */
const CHART_COLUMN = 7;
const CHART_WIDTH_COLUMNS = 8;

/** The `Tổng kết` sheet for the figures of `closing`. */
export function summarySheet(closing: MovementClosing): SummarySheet {
  const rows: CellValue[][] = [];
  const marks: RowMark[] = [];
  const add = (cells: CellValue[], mark: RowMark = null) => {
    rows.push(cells);
    marks.push(mark);
  };
  const section = (title: string) => {
    if (rows.length) add([]);
    add([title], 'section');
  };
  /** The sheet row (0-based, header 0) of the next row added. */
  const nextRow = () => rows.length + 1;
  const charts: SheetChart[] = [];
  let chartRow = 1;
  const chart = (spec: ChartSpec, dataRow: number, series: number) => {
    const heightRows = Math.max(16, spec.categories.length + 8);
    charts.push({
      spec,
      data: { row: dataRow, col: 0, rows: spec.categories.length, series },
      anchor: { row: chartRow, col: CHART_COLUMN },
      heightRows,
      widthColumns: CHART_WIDTH_COLUMNS,
    });
    chartRow += heightRows + 1;
  };

  const { participation: p, scoring: s, nominations: n } = closing;
  section('I. ĐƠN VỊ THAM GIA');
  add(['Khối', 'Số đơn vị', 'Có đề nghị khen thưởng'], 'section');
  for (const b of p.byBlock) add([b.block, b.units, b.nominating]);
  add(['Tổng cộng', p.units, p.nominatingUnits], 'section');

  section('II. CHẤM ĐIỂM');
  add(['Đơn vị thuộc các khối xếp hạng', s.rankedBlockUnits]);
  add(['Đã tự chấm đủ điểm', s.selfAssessed]);
  add(['Đã được thẩm định đủ điểm', s.appraised]);
  add(['Được xếp hạng', s.ranked]);
  add(['Điểm tiêu chí đã thẩm định', s.appraisedCells, `/ ${s.cells}`]);
  add(['Tỷ lệ đã thẩm định (%)', s.percent ?? '']);

  closing.blocks.forEach((b, i) => {
    section(`III.${i + 1}. XẾP HẠNG KHỐI ${b.block.toLocaleUpperCase('vi')}`);
    if (!b.ranking.length) {
      add(['Chưa có đơn vị nào của khối được xếp hạng.']);
      return;
    }
    const spec = rankingChart(b);
    const header = nextRow();
    add(['Hạng. Đơn vị', 'Điểm thẩm định', 'Giải', 'Đồng hạng'], 'section');
    b.ranking.forEach((r, k) => add([spec.categories[k], r.score, r.prize ?? '', r.tied ? 'Đồng hạng' : ''], r.prize ? 'prize' : r.tied ? 'tie' : null));
    for (const u of b.unranked) add([u.name, '', '', `Chưa xếp hạng: ${u.reason}`], 'unranked');
    chart(spec, header, 1);
  });

  if (closing.blocks.some((b) => b.ranking.length)) {
    section('IV. PHÂN BỐ ĐIỂM THẨM ĐỊNH (TỶ LỆ SO VỚI ĐIỂM TỐI ĐA)');
    const spec = distributionChart(closing);
    const header = nextRow();
    add(['Mức điểm', ...closing.blocks.map((b) => b.block)], 'section');
    spec.categories.forEach((label, k) => add([label, ...spec.series.map((x) => x.values[k] ?? 0)]));
    chart(spec, header, spec.series.length);
  }

  section('V. ĐỀ NGHỊ KHEN THƯỞNG');
  add(['Khối', 'Hình thức', 'Đề nghị', 'Đủ điều kiện', 'Được khen thưởng'], 'section');
  for (const r of n.rows) add([r.block, r.kind, r.received, r.eligible, r.awarded]);
  add(['Tổng cộng', '', n.total.received, n.total.eligible, n.total.awarded], 'section');

  section('VI. HỒ SƠ KHÔNG ĐƯỢC TIẾP NHẬN');
  if (closing.intake === null) add([`Chưa ghi nhận việc tiếp nhận hồ sơ (trang «Tiếp nhận hồ sơ»).`]);
  else if (!closing.intake.notAccepted.length) add(['Không có hồ sơ nào bị trả lại hoặc còn thiếu.']);
  else {
    add(['Đơn vị', 'Khối', 'Tình trạng', 'Lý do'], 'section');
    for (const r of closing.intake.notAccepted) add([r.name || r.unit, r.block, r.status, r.reason], 'warning');
  }

  const title = `Tổng kết phong trào${closing.year === null ? '' : ` năm ${closing.year}`}`;
  return { name: SHEET.summary, header: [title, '', '', '', ''], rows: rows.map((r) => [...r, ...Array<CellValue>(Math.max(0, 5 - r.length)).fill('')]), marks, charts };
}
