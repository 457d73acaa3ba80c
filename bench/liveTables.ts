/**
 * The live tables (issue 12) from the built `Code.js`, as Sheets runs them: one custom-function
 * call with the whole input sheets as arguments, in a bare `node:vm` context on the fakes.
 * A custom function has 30 seconds.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { WorkbookInput } from '../src/core/model';
import { SHEET } from '../src/core/contract';
import { loadWorkbook } from '../tests/fakes';
import { runBundle } from '../tests/fakes/vm';
import { buildAddon } from '../scripts/buildAddon';

export interface LiveTablesBench {
  /** THIDUA_BANG_XEP_HANG (best of 3), in ms, and the rows it spills. */
  rankingMs: number;
  rankingRows: number;
  /** THIDUA_DANH_SACH_KHEN (best of 3), in ms, and the rows it spills. */
  awardListMs: number;
  awardListRows: number;
}

export async function benchLiveTables(input: WorkbookInput): Promise<LiveTablesBench> {
  const outDir = mkdtempSync(join(tmpdir(), 'thidua-live-bench-'));
  try {
    await buildAddon({ srcDir: resolve('src'), outDir });
    const script = runBundle(readFileSync(join(outDir, 'Code.js'), 'utf8'));
    loadWorkbook(script.google, input);
    // What Sheets hands the formula: each range's values, read before the call (not timed).
    const range = (name: string) => script.google.spreadsheet.sheet(name)!.getDataRange().getValues();
    const [units, criteria, scores, nominations, settings] = [SHEET.units, SHEET.criteria, SHEET.scores, SHEET.nominations, SHEET.settings].map(range);
    const best = (call: () => unknown): [number, number] => {
      let ms = Infinity;
      let rows = 0;
      for (let i = 0; i < 3; i++) {
        const start = performance.now();
        rows = (call() as unknown[]).length;
        ms = Math.min(ms, performance.now() - start);
      }
      return [ms, rows];
    };
    const [rankingMs, rankingRows] = best(() => script.call('THIDUA_BANG_XEP_HANG', units, criteria, scores, settings));
    const [awardListMs, awardListRows] = best(() => script.call('THIDUA_DANH_SACH_KHEN', units, criteria, scores, nominations, settings));
    return { rankingMs, rankingRows, awardListMs, awardListRows };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
