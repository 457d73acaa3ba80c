/**
 * `npx tsx bench/memory.ts`: peak memory of `thidua check` on a 40 MB workbook of a million
 * formatted blank rows (the sample district with the rows added to `Đề nghị`), against the 1 GB
 * target. A benchmark, not a test: it prints the numbers.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, strToU8, unzipSync, Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { main, SAMPLE_WORKBOOK } from '../src/cli/main';

const BLANK_ROWS = 1_000_000;
const CELLS_PER_ROW = 14;

/** Column letters A, B, … for the blank cells. */
const column = (i: number) => (i < 26 ? String.fromCharCode(65 + i) : `A${String.fromCharCode(65 + i - 26)}`);

/** The sample with a million formatted blank rows after the data of `Đề nghị`, streamed into the zip. */
function makeWorkbook(path: string): void {
  const parts = unzipSync(readFileSync(SAMPLE_WORKBOOK));
  const book = strFromU8(parts['xl/workbook.xml']!);
  const rid = /<sheet [^>]*name="Đề nghị"[^>]*r:id="(\w+)"/.exec(book)![1];
  const rels = strFromU8(parts['xl/_rels/workbook.xml.rels']!);
  const target = new RegExp(`<Relationship [^>]*Id="${rid}"[^>]*>`).exec(rels)![0].match(/Target="([^"]+)"/)![1]!;
  const sheetPart = `xl/${target.replace(/^\/?xl\//, '')}`;
  const xml = strFromU8(parts[sheetPart]!);
  const last = Number([...xml.matchAll(/<row r="(\d+)"/g)].pop()![1]);
  const [head, tail] = xml.split('</sheetData>') as [string, string];

  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  for (const [name, bytes] of Object.entries(parts)) {
    if (name === sheetPart) continue;
    const entry = new ZipPassThrough(name);
    zip.add(entry);
    entry.push(bytes, true);
  }
  const sheet = new ZipDeflate(sheetPart, { level: 6 });
  zip.add(sheet);
  sheet.push(strToU8(head));
  for (let start = 0; start < BLANK_ROWS; start += 10_000) {
    let text = '';
    for (let r = last + 1 + start; r < last + 1 + start + 10_000; r++) {
      text += `<row r="${r}" spans="1:${CELLS_PER_ROW}" s="3" customFormat="1" ht="15.75" customHeight="1">`;
      for (let c = 0; c < CELLS_PER_ROW; c++) text += `<c r="${column(c)}${r}" s="${3 + (c % 4)}"/>`;
      text += '</row>';
    }
    sheet.push(strToU8(text));
  }
  sheet.push(strToU8(`</sheetData>${tail}`), true);
  zip.end();
  writeFileSync(path, Buffer.concat(chunks));
}

async function child(file: string): Promise<void> {
  const lines: string[] = [];
  const code = await main(['check', file], { out: (s) => lines.push(s), err: (s) => lines.push(s) });
  const peakMb = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ code, peakMb: Math.round(peakMb), first: lines[0]?.split('\n')[0] }));
}

async function parent(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'thidua-memory-'));
  const file = join(dir, 'trieu-hang-trong.xlsx');
  makeWorkbook(file);
  console.log(`Bảng tính: ${(statSync(file).size / 1e6).toFixed(1)} MB, ${BLANK_ROWS.toLocaleString('vi-VN')} hàng trống có định dạng`);
  const started = Date.now();
  const result = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', file], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr);
  const { code, peakMb, first } = JSON.parse(result.stdout.trim().split('\n').pop()!) as { code: number; peakMb: number; first: string };
  console.log(`thidua check: mã thoát ${code}, ${((Date.now() - started) / 1000).toFixed(1)} s, bộ nhớ đỉnh ${peakMb} MB (mục tiêu ≤ 1024 MB)`);
  console.log(`  ${first}`);
}

if (process.argv[2] === '--child') await child(process.argv[3]!);
else await parent();
