/**
 * The end of the movement in `npm run bench` (issue 11), at province scale: the intake check,
 * the council package (Tờ trình, Biên bản, Quyết định with its list), the summary report, and the
 * certificates — each as the offline commands make it, through to files on disk. One core.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { writeDocx } from '../src/cli/docx';
import type { Evaluation, WorkbookInput } from '../src/core';
import { SHEET } from '../src/core/contract';
import { buildCouncilPackage, summaryReport } from '../src/core/documents';
import { checkIntake } from '../src/core/intake';
import { movementClosing } from '../src/core/movementSummary';
import { findSheet } from '../src/core/sheets';
import { benchCertificates, provinceAwards } from './certificates';

const ms = (t: number) => `${t.toFixed(0)} ms`;

/** Best of `runs` of `work` (the run least disturbed by the machine). */
function best(work: () => void, runs = 3): number {
  let fastest = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    fastest = Math.min(fastest, performance.now() - start);
  }
  return fastest;
}

/** Prints the times of each step of the closing for the province workbook `input` evaluated as `e`. */
export function benchClosing(input: WorkbookInput, e: Evaluation): void {
  // A province decides thousands of awards: the workbook's own list repeated, as for the certificates.
  const awards = provinceAwards(e);
  const dir = mkdtempSync(join(tmpdir(), 'thidua-bench-closing-'));
  try {
    let units = 0;
    const intakeMs = best(() => {
      units = checkIntake(awards, findSheet(input, SHEET.intake), input.timeZone).entries.length;
    });
    let listed = 0;
    const packageMs = best(() => {
      const pack = buildCouncilPackage(awards, input);
      listed = pack.awards.length;
      for (const d of pack.documents) writeFileSync(join(dir, d.fileName), writeDocx(d.doc, d.title));
    });
    const reportMs = best(() => {
      const report = summaryReport(awards.workbook.settings, movementClosing(awards, checkIntake(awards, findSheet(input, SHEET.intake), input.timeZone).entries));
      writeFileSync(join(dir, 'bao-cao.docx'), writeDocx(report.doc, report.title));
    });
    console.log(`\nKết thúc phong trào, cấp tỉnh (${awards.awardList.length} khen thưởng; .docx ghi ra đĩa, một lõi, tốt nhất 3 lần):`);
    console.log(`  kiểm tra tiếp nhận hồ sơ:     ${ms(intakeMs)}  (${units} đơn vị có đề nghị)`);
    console.log(`  hồ sơ trình khen (3 .docx):   ${ms(packageMs)}  (danh sách kèm quyết định: ${listed} khen thưởng)`);
    console.log(`  báo cáo tổng kết (.docx):     ${ms(reportMs)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`  giấy khen (một tệp .docx):`);
  for (const [mode, label] of [['full', 'đầy đủ, có Quốc huy'], ['onBlank', 'in trên phôi']] as const) {
    const b = benchCertificates(awards, mode);
    console.log(`    ${label}:`.padEnd(32) + `${ms(b.ms)}, ${((b.certificates * 1000) / b.ms).toFixed(0)} giấy mỗi giây  (mục tiêu ≥ 500), ${(b.bytes / 1024).toFixed(0)} KB`);
  }
}
