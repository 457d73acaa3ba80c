/**
 * The add-on's costs for `npm run bench`: the size of `Code.js` (every execution, each
 * custom-function call included, loads all of it), the time to load it, and the time of
 * «Kiểm tra điều kiện» on a workbook — read, evaluate, write — run from the built file in a bare
 * `node:vm` context against the fakes (their own cost included, so an upper bound of the script's).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { WorkbookInput } from '../src/core/model';
import { loadWorkbook } from '../tests/fakes';
import { runBundle } from '../tests/fakes/vm';
import { buildAddon } from './buildAddon';

export interface AddonBench {
  /** Size of dist/Code.js in bytes. */
  bytes: number;
  /** Loading Code.js in a fresh context (best of 5), in ms. */
  loadMs: number;
  /** «Kiểm tra điều kiện» from the built file (best of 3), in ms. */
  checkMs: number;
}

export async function benchAddon(input: WorkbookInput, srcDir = resolve('src')): Promise<AddonBench> {
  const outDir = mkdtempSync(join(tmpdir(), 'thidua-addon-bench-'));
  try {
    await buildAddon({ srcDir, outDir });
    const code = readFileSync(join(outDir, 'Code.js'), 'utf8');
    const loads: number[] = [];
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      runBundle(code);
      loads.push(performance.now() - start);
    }
    const checks: number[] = [];
    for (let i = 0; i < 3; i++) {
      const script = runBundle(code);
      loadWorkbook(script.google, input);
      const start = performance.now();
      script.call('checkNominations');
      checks.push(performance.now() - start);
    }
    return { bytes: Buffer.byteLength(code), loadMs: Math.min(...loads), checkMs: Math.min(...checks) };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
