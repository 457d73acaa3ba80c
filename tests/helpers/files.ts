/** Writing test workbooks to disk, as a user would hand them to `thidua`. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PizZip from 'pizzip';
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

/** A .docx's text, one line per paragraph, as a reader sees it. */
export function docxText(path: string): string {
  const xml = new PizZip(readFileSync(path)).file('word/document.xml')!.asText();
  const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  return xml.split('</w:p>').map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescape(m[1]!)).join('')).join('\n');
}
