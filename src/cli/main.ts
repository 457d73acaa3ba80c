/** The `thidua` command: the main job offline, on an `.xlsx` workbook. */
import { fileURLToPath } from 'node:url';
import { stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { evaluate, UnreadableWorkbook } from '../core';
import { resultSheets } from '../core/resultSheets';
import { parseArgs, USAGE, UsageError } from './args';
import { summarize, summarizeDossiers } from './summary';
import { writeDossierFiles } from './docx';
import { DossierHelper } from './dossierHelper';
import { diffCommand } from './diff';
import { remindersCommand } from './reminders';
import { closingCommand } from './closing';
import { certificatesCommand } from './certificates';
import { councilPackageCommand, intakeCommand } from './councilPackage';
import type { DossierFilesResult } from './docx';
import { FileProblem } from './fsErrors';
import { OutputGuard } from './outputGuard';
import { WriterThread } from './writerThread';
import type { WriteFs } from './outputGuard';
import { loadTemplates, TemplateError } from './templates';
import { readWorkbookFile, UnreadableFile } from './xlsx';
import { addOutputSheets } from './xlsxPackage';

export const SAMPLE_WORKBOOK = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'samples', 'huu-lung-2022.xlsx');

/** Workbooks with more rows than this get progress lines on standard error. */
const LARGE = 2000;
/**
 * A workbook file larger than this (about 2,000 rows; the sample is 38 KB) is run with the helper
 * and writer threads, started before it is read: the helper loads its code (~1.4 s) while this
 * thread reads, the other core being idle then.
 */
const LARGE_FILE = 64 * 1024;

export interface Terminal {
  out(text: string): void;
  err(text: string): void;
}

const processTerminal: Terminal = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

/** What a run may be given besides its words: tests pass a file system that fails on purpose. */
export interface RunOptions {
  fs?: WriteFs;
}

/** Runs one command; returns the exit code (2: the workbook cannot be read, or a file cannot be written). */
export async function main(argv: string[], terminal: Terminal = processTerminal, options: RunOptions = {}): Promise<number> {
  try {
    if (argv[0] === 'diff') return await diffCommand(argv.slice(1), terminal);
    if (argv[0] === 'nhac-viec') return await remindersCommand(argv.slice(1), terminal);
    if (argv[0] === 'tong-ket') return await closingCommand(argv.slice(1), terminal, options);
    if (argv[0] === 'giay-khen') return await certificatesCommand(argv.slice(1), terminal, options);
    if (argv[0] === 'tiep-nhan') return await intakeCommand(argv.slice(1), terminal);
    if (argv[0] === 'trinh-khen') return await councilPackageCommand(argv.slice(1), terminal);
    const args = parseArgs(argv);
    if (args.command === 'help') {
      terminal.out(USAGE);
      return 0;
    }
    const file = args.file ?? SAMPLE_WORKBOOK;
    // A file that cannot be seen is said by the reading, below.
    const large = args.command === 'run' && (await stat(file).then((s) => s.size, () => 0)) > LARGE_FILE;
    const helper = large ? new DossierHelper() : undefined;
    const writer = large ? new WriterThread() : undefined;
    try {
      const { input, bytes } = await readWorkbookFile(file);
      const rows = input.sheets.reduce((n, s) => n + s.values.length, 0);
      const progress = (text: string) => rows > LARGE && terminal.err(text);
      progress(`Đã đọc ${rows} hàng; đang xét…`);
      const evaluation = evaluate(input);
      if (args.command === 'check') {
        terminal.out(args.json ? JSON.stringify(evaluation.result, null, 2) : summarize(evaluation));
        return 0;
      }
      const outDir = resolve(args.out);
      await checkOutputFolder(outDir);
      // A folder of templates that is not there or holds none is said before anything is written.
      if (args.templates) await loadTemplates(args.templates);
      const outFile = join(outDir, file === SAMPLE_WORKBOOK ? 'huu-lung-2022.xlsx' : basename(file));
      const guard = new OutputGuard(outDir, [file], options.fs ?? writer);
      // Ctrl-C: the files written so far are recorded, so the next run does not call them edited.
      const interrupted = () => {
        guard.saveSync();
        process.exit(130);
      };
      process.once('SIGINT', interrupted);
      let workbookFile: string;
      let dossiers: DossierFilesResult;
      const dossierDir = join(outDir, 'ho-so');
      try {
        // The dossiers start first: a large run's helper builds them while this thread makes the results workbook.
        const stop = new AbortController();
        const writingDossiers = writeDossierFiles(evaluation, dossierDir, {
          ...(args.templates ? { templatesDir: args.templates } : {}),
          pdf: args.pdf,
          guard,
          onProgress: (done, total) => done % 100 === 0 && progress(`Đã ghi hồ sơ ${done}/${total} đơn vị…`),
          ...(helper ? { helper } : {}),
          signal: stop.signal,
        });
        writingDossiers.catch(() => undefined);
        try {
          progress('Đang ghi bảng tính kết quả…');
          workbookFile = await guard.write(outFile, addOutputSheets(bytes, resultSheets(evaluation, input).sheets));
        } catch (error) {
          stop.abort();
          await writingDossiers.catch(() => undefined);
          throw error;
        }
        dossiers = await writingDossiers;
      } catch (error) {
        // What was written is recorded; the run's own error is the one to tell.
        await guard.save().catch(() => undefined);
        throw error;
      } finally {
        process.removeListener('SIGINT', interrupted);
      }
      await guard.save();
      terminal.out(summarize(evaluation));
      terminal.out(summarizeDossiers(dossiers, dossierDir));
      for (const { edited, newVersion, input } of guard.kept) {
        terminal.out(
          input
            ? `Không ghi đè tệp đầu vào «${edited}»; bảng tính kết quả ghi vào «${newVersion}».`
            : `Giữ nguyên «${edited}» vì đã được sửa sau lần chạy trước; bản mới ghi vào «${newVersion}».`,
        );
      }
      terminal.out(`\nĐã ghi bảng tính kết quả: ${workbookFile}`);
      return 0;
    } finally {
      await Promise.all([helper?.close(), writer?.close()]);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      terminal.err(`Lỗi: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof UnreadableFile || error instanceof UnreadableWorkbook || error instanceof FileProblem || error instanceof TemplateError) {
      terminal.err(`Lỗi: ${error.message}`);
      return 2;
    }
    throw error;
  }
}

/** `--out` must be a folder that exists or can be made, not a file. */
export async function checkOutputFolder(dir: string): Promise<void> {
  const found = await stat(dir).catch(() => undefined);
  if (found && !found.isDirectory()) {
    throw new FileProblem(`«${dir}» là một tệp, không phải thư mục: sau --out hãy nêu một thư mục (chưa có thì sẽ được tạo).`);
  }
}
