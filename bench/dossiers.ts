/**
 * The dossier side of `npm run bench`: the offline writer end to end (models, OOXML layout, zip,
 * files on disk through the output guard), and `thidua run` against `thidua check` on one file.
 * Node runs this JavaScript on one core: the figures are single-core figures.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { writeDossierFiles } from '../src/cli/docx';
import { main } from '../src/cli/main';
import type { Evaluation } from '../src/core';

export interface DossierBench {
  documents: number;
  units: number;
  nominations: number;
  ms: number;
}

/** Writes every dossier of `e` into a fresh folder (best of `runs`). */
export async function benchDossiers(e: Evaluation, runs = 2): Promise<DossierBench> {
  let best: DossierBench | undefined;
  for (let i = 0; i < runs; i++) {
    const dir = mkdtempSync(join(tmpdir(), 'thidua-bench-docs-'));
    try {
      const start = performance.now();
      const result = await writeDossierFiles(e, dir);
      const ms = performance.now() - start;
      const units = new Set(result.files.map((f) => f.slice(dir.length + 1).split(' - ')[0])).size;
      if (!best || ms < best.ms) best = { documents: result.files.length, units, nominations: e.workbook.nominations.length, ms };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return best as DossierBench;
}

const quiet = { out: () => undefined, err: () => undefined };

export interface CommandBench {
  /** Each run's milliseconds, in the order run (check and run alternate). */
  checks: number[];
  runs: number[];
  checkMs: number;
  runMs: number;
}

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

/**
 * `thidua check FILE` and `thidua run FILE` in this process, as a user runs them, alternated
 * `runs` times so both meet the same load on a shared machine; the medians are compared.
 */
export async function benchCommands(file: string, runs = 3): Promise<CommandBench> {
  const timed = async (argv: string[]) => {
    const start = performance.now();
    await main(argv, quiet);
    return performance.now() - start;
  };
  const checks: number[] = [];
  const full: number[] = [];
  for (let i = 0; i < runs; i++) {
    checks.push(await timed(['check', file]));
    const out = mkdtempSync(join(tmpdir(), 'thidua-bench-run-'));
    try {
      full.push(await timed(['run', file, '--out', out]));
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }
  return { checks, runs: full, checkMs: median(checks), runMs: median(full) };
}
