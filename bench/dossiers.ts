/**
 * The dossier side of `npm run bench`: the offline writer end to end (models, OOXML layout, zip,
 * files on disk through the output guard) on one thread, and `thidua run` against `thidua check`
 * on one file, where a large run also has its helper and writer threads.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
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

/**
 * Writes every dossier of `e` into a fresh folder under `parent` (best of `runs`), on this one
 * thread. The folders are left for the caller to remove at the end: on a file system without a
 * journal (this machine's), ext4 skips recently deleted inodes when it makes new files, so
 * deleting 8,700 files just before a timed run would slow the run's own writes several times.
 */
export async function benchDossiers(e: Evaluation, parent: string, runs = 2): Promise<DossierBench> {
  let best: DossierBench | undefined;
  for (let i = 0; i < runs; i++) {
    const dir = mkdtempSync(join(parent, 'ho-so-'));
    const start = performance.now();
    const result = await writeDossierFiles(e, dir);
    const ms = performance.now() - start;
    const units = new Set(result.files.map((f) => f.slice(dir.length + 1).split(' - ')[0])).size;
    if (!best || ms < best.ms) best = { documents: result.files.length, units, nominations: e.workbook.nominations.length, ms };
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

/** Times `check` and `run` alternately, `times` each, so both meet the same load on a shared machine; compares medians. */
async function alternate(times: number, timed: (argv: string[]) => Promise<number>, file: string, parent: string): Promise<CommandBench> {
  const checks: number[] = [];
  const runs: number[] = [];
  for (let i = 0; i < times; i++) {
    checks.push(await timed(['check', file]));
    runs.push(await timed(['run', file, '--out', mkdtempSync(join(parent, 'run-'))]));
  }
  return { checks, runs, checkMs: median(checks), runMs: median(runs) };
}

/** `thidua check FILE` and `thidua run FILE` in this process: the work alone, without starting Node and tsx. */
export function benchCommands(file: string, parent: string, times = 5): Promise<CommandBench> {
  return alternate(
    times,
    async (argv) => {
      const start = performance.now();
      await main(argv, quiet);
      return performance.now() - start;
    },
    file,
    parent,
  );
}

const THIDUA = fileURLToPath(new URL('../bin/thidua.js', import.meta.url));

/** The same as a user runs them: `thidua check FILE` and `thidua run FILE`, each a process of its own. */
export function benchProcesses(file: string, parent: string, times = 3): Promise<CommandBench> {
  return alternate(
    times,
    (argv) =>
      new Promise((resolve, reject) => {
        const start = performance.now();
        execFile(process.execPath, [THIDUA, ...argv], { maxBuffer: 64 * 1024 * 1024 }, (error) =>
          error ? reject(error) : resolve(performance.now() - start),
        );
      }),
    file,
    parent,
  );
}
