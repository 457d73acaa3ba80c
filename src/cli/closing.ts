/**
 * `thidua tong-ket [TỆP.xlsx] [--out THƯ_MỤC] [--pdf]`: the movement's summary report
 * («Báo cáo tổng kết.docx», its charts inside) and the results workbook with a `Tổng kết` sheet
 * (the figures and their charts), in `--out` beside the dossiers, with `run`'s guarantees: the
 * input is never written, a file a person edited is kept and the new one goes beside it.
 */
import { basename, join, resolve } from 'node:path';
import { evaluate } from '../core/evaluate';
import { SHEET } from '../core/contract';
import { resultSheets } from '../core/resultSheets';
import { SUMMARY_REPORT_TITLE, summaryReport } from '../core/documents/summaryReport';
import { parseSubcommand } from './args';
import { pdfCopies, writeDocx } from './docx';
import type { RunOptions, Terminal } from './main';
import { SAMPLE_WORKBOOK, checkOutputFolder } from './main';
import { OutputGuard } from './outputGuard';
import { readWorkbookFile } from './xlsx';
import { addOutputSheets } from './xlsxPackage';

interface Options {
  file?: string;
  out: string;
  pdf: boolean;
}

function parse(argv: string[]): Options {
  const words = parseSubcommand('tong-ket', argv, ['--pdf'], ['--out']);
  return { ...(words.file === undefined ? {} : { file: words.file }), out: words.values.get('--out') ?? 'out', pdf: words.switches.has('--pdf') };
}

/** Runs the command; a usage mistake, an unreadable workbook or a write problem throws, and `main` says so (exit 2). */
export async function closingCommand(argv: string[], terminal: Terminal, options: RunOptions = {}): Promise<number> {
  const args = parse(argv);
  const file = args.file ?? SAMPLE_WORKBOOK;
  const { input, bytes } = await readWorkbookFile(file);
  const evaluation = evaluate(input);
  const { sheets, closing } = resultSheets(evaluation, input);
  const report = summaryReport(evaluation.workbook.settings, closing);
  const outDir = resolve(args.out);
  await checkOutputFolder(outDir);
  const guard = new OutputGuard(outDir, [file], options.fs);
  const warnings: string[] = [];
  let reportFile: string;
  let workbookFile: string;
  let pdf: string[] = [];
  try {
    reportFile = await guard.write(join(outDir, `${SUMMARY_REPORT_TITLE}.docx`), writeDocx(report.doc, report.title));
    // The same copy `run` writes: the commands agree on it.
    workbookFile = await guard.write(
      join(outDir, basename(file)),
      addOutputSheets(bytes, sheets),
    );
    if (args.pdf) pdf = await pdfCopies([reportFile], outDir, guard, warnings);
  } catch (error) {
    await guard.save().catch(() => undefined);
    throw error;
  }
  await guard.save();

  const { participation: p, scoring: s, nominations: n } = closing;
  terminal.out(`Tổng kết phong trào: ${p.units} đơn vị tham gia, ${p.nominatingUnits} đơn vị có đề nghị khen thưởng.`);
  terminal.out(`Chấm điểm: ${s.appraised}/${s.rankedBlockUnits} đơn vị đã thẩm định đủ, ${s.ranked} đơn vị được xếp hạng.`);
  terminal.out(`Khen thưởng: ${n.total.received} đề nghị, ${n.total.eligible} đủ điều kiện, ${n.total.awarded} được khen thưởng.`);
  if (closing.intake === null) {
    terminal.out('Chưa ghi nhận việc tiếp nhận hồ sơ (trang «Tiếp nhận hồ sơ»): báo cáo chưa thống kê được hồ sơ bị trả lại.');
  }
  if (report.missing.length) {
    terminal.out(`Còn thiếu ${report.missing.length} thông tin (để trống «…» trong báo cáo; hãy bổ sung trong bảng tính):`);
    for (const m of report.missing) terminal.out(`  - ${m}`);
  }
  terminal.out('Mục «Bài học kinh nghiệm» và «Phương hướng, kiến nghị» để dòng chấm cho Văn phòng viết.');
  for (const w of warnings) terminal.out(`Cảnh báo: ${w}`);
  for (const { edited, newVersion, input: isInput } of guard.kept) {
    terminal.out(
      isInput
        ? `Không ghi đè tệp đầu vào «${edited}»; bảng tính kết quả ghi vào «${newVersion}».`
        : `Giữ nguyên «${edited}» vì đã được sửa sau lần chạy trước; bản mới ghi vào «${newVersion}».`,
    );
  }
  terminal.out(`\nĐã ghi báo cáo tổng kết: ${reportFile}`);
  for (const f of pdf) terminal.out(`Đã ghi bản PDF: ${f}`);
  terminal.out(`Đã ghi bảng tính kết quả kèm trang «${SHEET.summary}»: ${workbookFile}`);
  return 0;
}
