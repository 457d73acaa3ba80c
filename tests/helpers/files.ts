/** Writing test workbooks to disk, as a user would hand them to `thidua`. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WorkbookInput } from '../../src/core';
import { saveBook, sheetsToBook } from '../../src/cli/xlsx';

export const tempDir = () => mkdtempSync(join(tmpdir(), 'thidua-'));

export async function writeXlsx(input: WorkbookInput, path = join(tempDir(), 'input.xlsx')): Promise<string> {
  await saveBook(sheetsToBook(input.sheets.map((s) => ({ name: s.name, rows: s.values }))), path);
  return path;
}

/** Runs the command and keeps what it printed. */
export async function run(main: (argv: string[], t: { out(s: string): void; err(s: string): void }) => Promise<number>, argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}
