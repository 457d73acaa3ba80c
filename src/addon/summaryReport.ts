/**
 * Menu «Báo cáo tổng kết»: the `Tổng kết` sheet (the figures in one write, their charts drawn by
 * EmbeddedChartBuilder over the same cells) and the report as a Google Doc by the dossiers'
 * route (the core's `.docx` zipped by `Utilities.zip`, imported by Drive). Drive's import is not
 * relied on for charts: the document carries a marker where each chart goes, and the image of
 * the sheet's chart (`getAs('image/png')`) replaces it. A re-run updates the same document.
 */
import { SHEET } from '../core/contract';
import { CHART_COLORS, chartMarker, summaryReport, withChartMarkers } from '../core/documents';
import type { SummaryReportDocument } from '../core/documents';
import { movementClosing } from '../core/movementSummary';
import { recordedIntake } from '../core/intake';
import { summarySheet } from '../core/summarySheet';
import type { SheetChart } from '../core/summarySheet';
import { evaluateActiveSpreadsheet } from './actions';
import { logActions } from './auditLog';
import { pt } from './docsWriter';
import { Folders, docxBlob } from './dossierFiles';
import { documentUrl, drive } from './drive';
import { escapeHtml, showDialog } from './html';
import { alertUser, underDocumentLock } from './lock';
import { readIntake } from './intake';
import { writeOutputSheet } from './sheetIO';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type EmbeddedChart = GoogleAppsScript.Spreadsheet.EmbeddedChart;

/** User property `thidua.tongKet.doc.<spreadsheet>`: this user's report document (drive.file: each user has their own). */
const DOC_PROP = 'thidua.tongKet.doc';
const COLUMN_PX = 100;
const ROW_PX = 21;

/**
 * The sheet's charts, drawn anew: the old ones are removed first (clearing a sheet leaves its
 * charts). The sheet grows to hold them when the figures are shorter than the charts.
 */
function drawCharts(sheet: Sheet, rowsWritten: number, charts: SheetChart[]): EmbeddedChart[] {
  for (const old of sheet.getCharts()) sheet.removeChart(old);
  const bottom = Math.max(0, ...charts.map((c) => c.anchor.row + c.heightRows));
  if (bottom > rowsWritten) sheet.insertRowsAfter(rowsWritten, bottom - rowsWritten);
  return charts.map((c) => {
    const ranking = c.spec.direction === 'bar';
    // Nested options by dotted keys, as the EmbeddedChartBuilder reference writes them.
    const axis = ranking ? 'hAxis' : 'vAxis';
    const builder = sheet
      .newChart()
      .setChartType(ranking ? Charts.ChartType.BAR : Charts.ChartType.COLUMN)
      .addRange(sheet.getRange(c.data.row + 1, c.data.col + 1, c.data.rows + 1, c.data.series + 1))
      .setNumHeaders(1)
      .setPosition(c.anchor.row + 1, c.anchor.col + 1, 0, 0)
      .setOption('title', c.spec.title)
      .setOption('legend.position', c.spec.series.length > 1 ? 'bottom' : 'none')
      .setOption('colors', c.spec.series.map((_, i) => `#${CHART_COLORS[i % CHART_COLORS.length]}`))
      .setOption(`${axis}.title`, c.spec.valueAxisTitle)
      .setOption(`${axis}.minValue`, 0)
      .setOption('width', c.widthColumns * COLUMN_PX)
      .setOption('height', c.heightRows * ROW_PX);
    if (c.spec.max !== undefined) builder.setOption(`${axis}.maxValue`, c.spec.max);
    const chart = builder.build();
    sheet.insertChart(chart);
    return chart;
  });
}

/** The report as this user's Google Doc (made once, then re-imported in place), with the charts' images where the markers are. */
function writeDocument(spreadsheetId: string, year: string, report: SummaryReportDocument, charts: EmbeddedChart[]): { id: string; created: boolean } {
  const props = PropertiesService.getUserProperties();
  const key = `${DOC_PROP}.${spreadsheetId}`;
  const saved = props.getProperty(key);
  const found = saved ? drive.find(saved) : null;
  const there = found && !found.trashed ? found.id : null;
  const docx = docxBlob({ doc: withChartMarkers(report.doc), title: report.title });
  if (there) drive.reimportDocument(there, docx, report.title);
  const id = there ?? drive.importDocument(docx, report.title, new Folders(spreadsheetId, year).parent());
  if (!there) props.setProperty(key, id);
  if (charts.length) {
    const doc = DocumentApp.openById(id);
    try {
      const body = doc.getBody();
      // The sheet's charts come in the report's order: chart id n is the sheet's n-th chart.
      for (const block of report.doc.blocks) {
        if (block.kind !== 'paragraph' || !block.chart) continue;
        const { id, spec, widthMm, heightMm } = block.chart;
        const chart = charts[id - 1];
        const at = chart ? body.findText(chartMarker(id)) : null;
        if (!chart || !at) continue;
        const paragraph = at.getElement().getParent().asParagraph();
        paragraph.setText('');
        paragraph.appendInlineImage(chart.getAs('image/png')).setWidth(pt(widthMm)).setHeight(pt(heightMm)).setAltDescription(spec.title);
      }
    } finally {
      doc.saveAndClose();
    }
  }
  return { id, created: !there };
}

type Outcome = { problem: string } | { written: { id: string; created: boolean }; missing: string[]; recorded: boolean };

/** Menu «Báo cáo tổng kết». */
export function buildSummaryReport(): void {
  const done = underDocumentLock((): Outcome => {
    const evaluated = evaluateActiveSpreadsheet();
    if (typeof evaluated === 'string') return { problem: evaluated };
    const { index, input, evaluation } = evaluated;
    const closing = movementClosing(evaluation, recordedIntake(evaluation, readIntake(index), input.timeZone));
    const output = summarySheet(closing);
    const sheet = writeOutputSheet(index, output);
    const charts = drawCharts(sheet, Math.max(output.rows.length + 1, 2), output.charts);
    const report = summaryReport(evaluation.workbook.settings, closing);
    const year = evaluation.workbook.settings.year === null ? 'không rõ năm' : String(evaluation.workbook.settings.year);
    const written = writeDocument(index.spreadsheet.getId(), year, report, charts);
    logActions([{ action: 'Báo cáo tổng kết (menu Thi đua)', sheet: SHEET.summary, newValue: documentUrl(written.id) }], index.spreadsheet);
    return { written, missing: report.missing, recorded: closing.intake !== null };
  });
  if (!done.ran) return alertUser(done.why);
  if ('problem' in done.value) return alertUser(done.value.problem);
  const { written, missing, recorded } = done.value;
  const url = escapeHtml(documentUrl(written.id));
  showDialog(
    'Báo cáo tổng kết',
    `<p>${written.created ? 'Đã tạo' : 'Đã cập nhật'} dự thảo <a href="${url}" target="_blank">báo cáo tổng kết</a> và trang «${escapeHtml(SHEET.summary)}» (số liệu và biểu đồ).</p>` +
      (recorded ? '' : '<p>Chưa ghi nhận việc tiếp nhận hồ sơ (trang «Tiếp nhận hồ sơ»), nên báo cáo chưa thống kê được hồ sơ bị trả lại.</p>') +
      (missing.length ? `<p>Còn thiếu (để trống «…»; hãy bổ sung ở trang «Cấu hình» rồi chạy lại):</p><ul>${missing.map((m) => `<li>${escapeHtml(m)}</li>`).join('')}</ul>` : '') +
      '<p>Mục «Bài học kinh nghiệm» và «Phương hướng, kiến nghị» để dòng chấm cho Văn phòng viết.</p>',
    560,
    340,
  );
}
