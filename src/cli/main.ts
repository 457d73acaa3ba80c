/** The `thidua` command: the main job offline, on an `.xlsx` workbook. */
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';
import { evaluate, outputSheets, UnreadableWorkbook } from '../core';
import { parseArgs, USAGE, UsageError } from './args';
import { summarize, summarizeDossiers } from './summary';
import { writeDossierFiles } from './docx';
import { diffCommand } from './diff';
import { remindersCommand } from './reminders';
import { OutputGuard } from './outputGuard';
import { readWorkbookFile, UnreadableFile, writeWorkbookFile } from './xlsx';

export const SAMPLE_WORKBOOK = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'samples', 'huu-lung-2022.xlsx');

/** Workbooks with more nominations than this get progress lines on standard error. */
const LARGE = 2000;

export interface Terminal {
  out(text: string): void;
  err(text: string): void;
}

const processTerminal: Terminal = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

/** Runs one command; returns the exit code (2: the workbook cannot be read at all). */
export async function main(argv: string[], terminal: Terminal = processTerminal): Promise<number> {
  try {
    if (argv[0] === 'diff') return await diffCommand(argv.slice(1), terminal);
    if (argv[0] === 'nhac-viec') return await remindersCommand(argv.slice(1), terminal);
    const args = parseArgs(argv);
    if (args.command === 'help') {
      terminal.out(USAGE);
      return 0;
    }
    const file = args.file ?? SAMPLE_WORKBOOK;
    const { input, book } = await readWorkbookFile(file);
    const rows = input.sheets.reduce((n, s) => n + s.values.length, 0);
    const progress = (text: string) => rows > LARGE && terminal.err(text);
    progress(`Đã đọc ${rows} hàng; đang xét…`);
    const evaluation = evaluate(input);
    if (args.command === 'check') {
      terminal.out(args.json ? JSON.stringify(evaluation.result, null, 2) : summarize(evaluation));
      return 0;
    }
    const outDir = resolve(args.out);
    const outFile = join(outDir, file === SAMPLE_WORKBOOK ? 'huu-lung-2022.xlsx' : file.split(/[\\/]/).pop()!);
    progress('Đang ghi bảng tính kết quả…');
    const guard = new OutputGuard(outDir);
    const workbookFile = guard.target(outFile);
    await writeWorkbookFile(book, outputSheets(evaluation), workbookFile);
    await guard.record(workbookFile);
    const dossierDir = join(outDir, 'ho-so');
    const dossiers = await writeDossierFiles(evaluation, dossierDir, {
      templatesDir: args.templates,
      pdf: args.pdf,
      guard,
      onProgress: (done, total) => done % 100 === 0 && progress(`Đã ghi hồ sơ ${done}/${total} đơn vị…`),
    });
    await guard.save();
    terminal.out(summarize(evaluation));
    terminal.out(summarizeDossiers(dossiers, dossierDir));
    for (const { edited, newVersion } of guard.kept) {
      terminal.out(`Giữ nguyên «${edited}» vì đã được sửa sau lần chạy trước; bản mới ghi vào «${newVersion}».`);
    }
    terminal.out(`\nĐã ghi bảng tính kết quả: ${workbookFile}`);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      terminal.err(`Lỗi: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof UnreadableFile || error instanceof UnreadableWorkbook) {
      terminal.err(`Lỗi: ${error.message}`);
      return 2;
    }
    throw error;
  }
}
