/**
 * The end of the movement, offline (issue 11):
 * `thidua tiep-nhan [TỆP.xlsx] [--out THƯ_MỤC]` writes a copy of the workbook with the output
 * sheets and `Tiếp nhận hồ sơ` checked; `thidua trinh-khen [TỆP.xlsx] [--out THƯ_MỤC] [--pdf]`
 * writes the council package (Tờ trình, Biên bản, Quyết định) into `THƯ_MỤC/trinh-khen/`.
 * Both write through the OutputGuard: the input and files a person edited are never overwritten.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { buildCouncilPackage } from '../core/documents';
import { evaluate } from '../core/evaluate';
import { resultSheets } from '../core/resultSheets';
import { parseSubcommand } from './args';
import { writeDocx } from './docx';
import { writeProblem } from './fsErrors';
import type { Terminal } from './main';
import { SAMPLE_WORKBOOK } from './main';
import { OutputGuard } from './outputGuard';
import { convertToPdf } from './pdf';
import { readWorkbookFile } from './xlsx';
import { addOutputSheets } from './xlsxPackage';

interface Options {
  file?: string;
  out: string;
  pdf: boolean;
}

function parse(command: string, argv: string[], pdfAllowed: boolean): Options {
  const words = parseSubcommand(command, argv, pdfAllowed ? ['--pdf'] : [], ['--out']);
  return { ...(words.file === undefined ? {} : { file: words.file }), out: words.values.get('--out') ?? 'out', pdf: words.switches.has('--pdf') };
}


/** `thidua tiep-nhan`: the intake check, written into a copy of the workbook. */
export async function intakeCommand(argv: string[], terminal: Terminal): Promise<number> {
  const options = parse('tiep-nhan', argv, false);
  const file = options.file ?? SAMPLE_WORKBOOK;
  const { input, bytes } = await readWorkbookFile(file);
  const evaluation = evaluate(input);
  const { sheets, intake } = resultSheets(evaluation, input, true);
  const result = intake!;
  const outDir = resolve(options.out);
  const guard = new OutputGuard(outDir, [resolve(file)]);
  let written: string;
  try {
    // The same copy `run` writes: the commands agree on it.
    written = await guard.write(join(outDir, basename(file)), addOutputSheets(bytes, sheets));
  } finally {
    await guard.save();
  }
  const count = (status: string) => result.entries.filter((x) => x.status === status).length;
  terminal.out(`Tiếp nhận hồ sơ: ${result.entries.length} đơn vị — ${count('Đủ')} đủ, ${count('Thiếu')} thiếu, ${count('Trả lại')} trả lại.`);
  for (const x of result.entries) if (x.status !== 'Đủ') terminal.out(`  - ${x.unit} (${x.status}): ${x.reason || 'chưa ghi lý do'}`);
  for (const e of result.errors) terminal.out(`Lỗi ở trang «${e.sheet}», hàng ${e.row ?? '?'}, cột «${e.column ?? ''}»: ${e.message}`);
  for (const { edited, newVersion } of guard.kept) terminal.out(`Giữ nguyên «${edited}»; bản mới ghi vào «${newVersion}».`);
  terminal.out(`\nĐã ghi bảng tính: ${written}`);
  return 0;
}

/** `thidua trinh-khen`: the three documents of the council package, .docx (and PDF when asked). */
export async function councilPackageCommand(argv: string[], terminal: Terminal): Promise<number> {
  const options = parse('trinh-khen', argv, true);
  const file = options.file ?? SAMPLE_WORKBOOK;
  const { input } = await readWorkbookFile(file);
  const pack = buildCouncilPackage(evaluate(input), input);
  const outDir = resolve(options.out);
  const dir = join(outDir, 'trinh-khen');
  const guard = new OutputGuard(outDir, [resolve(file)]);
  const files: string[] = [];
  const warnings: string[] = [];
  try {
    for (const d of pack.documents) files.push(await guard.write(join(dir, d.fileName), writeDocx(d.doc, d.title)));
    if (options.pdf) {
      // LibreOffice writes into a folder of its own; each PDF then goes through the guard.
      const staging = await mkdtemp(join(tmpdir(), 'thidua-pdf-')).catch((error: unknown) => {
        throw writeProblem(error, tmpdir()) ?? error;
      });
      try {
        const pdfs = await convertToPdf([...files], staging).catch((error: unknown) => {
          warnings.push(error instanceof Error ? error.message : String(error));
          return [];
        });
        for (const pdf of pdfs) files.push(await guard.write(join(dir, basename(pdf)), await readFile(pdf)));
      } finally {
        await rm(staging, { recursive: true, force: true });
      }
    }
  } finally {
    await guard.save();
  }
  const collectives = pack.awards.filter((a) => a.nomination.kind !== 'individual').length;
  const accepted = pack.intake.filter((x) => x.status === 'Đủ').length;
  terminal.out(
    `Hồ sơ trình khen: ${accepted}/${pack.intake.length} đơn vị có hồ sơ «Đủ»; đề nghị tặng Giấy khen ${collectives} tập thể, ${pack.awards.length - collectives} cá nhân.`,
  );
  const missing = [...new Set(pack.documents.flatMap((d) => d.missing))];
  if (missing.length) {
    terminal.out(`\nCòn ${missing.length} chỗ để trống (…) cần bổ sung:`);
    for (const m of missing) terminal.out(`  - ${m}`);
  }
  for (const w of warnings) terminal.out(`Lưu ý: ${w}`);
  for (const { edited, newVersion } of guard.kept) terminal.out(`Giữ nguyên «${edited}» vì đã được sửa; bản mới ghi vào «${newVersion}».`);
  terminal.out(`\nĐã ghi ${files.length} tệp vào ${dir}:`);
  for (const f of files) terminal.out(`  ${basename(f)}`);
  return 0;
}
