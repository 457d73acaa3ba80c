/**
 * A second thread that builds dossier units for `thidua run` on large workbooks. Building,
 * laying out and zipping a province's 8,700 documents is CPU work (about 5 s on one core of
 * this 2-core machine, `npm run bench`); the helper takes units from the same queue as the
 * main thread. It starts before the workbook is read, so its code loads (~1.4 s) while this
 * thread reads. It is then given the run's `DossierWork` once: settings, units' index and plans,
 * a third of the evaluation's size (at province scale ~50 ms to copy, against 0.2–0.7 s for the
 * evaluation, or ~1 s to judge the workbook again there). It sends each unit's files back, moved,
 * not copied.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { DossierWork } from '../core/documents';
import type { UnitBuilder, UnitFiles } from './docx';

/** What the main thread asks once, and what the helper answers: one message per unit, then the end. */
export interface DossierShare {
  work: DossierWork;
  templates: Map<string, Uint8Array>;
  queue: Int32Array;
}
export type DossierAnswer = { unit: number; files: UnitFiles } | { done: true } | { error: string };

const here = dirname(fileURLToPath(import.meta.url));
/** The worker is TypeScript like the rest of the command: `tsWorker.js` has tsx load it. */
const WORKER = { boot: join(here, 'tsWorker.js'), module: pathToFileURL(join(here, 'dossierWorker.ts')).href };

export class DossierHelper implements UnitBuilder {
  private readonly worker: Worker;
  private ended: Error | undefined;
  private listener: ((answer: DossierAnswer) => void) | undefined;
  private onEnd: ((error: Error) => void) | undefined;

  /** Starts the thread now, so it loads its code while this thread reads the workbook. */
  constructor() {
    this.worker = new Worker(WORKER.boot, { workerData: { module: WORKER.module } });
    this.worker.on('message', (answer: DossierAnswer) => this.listener?.(answer));
    this.worker.on('error', (error) => this.end(error));
    this.worker.on('exit', () => this.end(new Error('the helper thread stopped')));
  }

  share(work: DossierWork, templates: ReadonlyMap<string, Uint8Array>, queue: Int32Array, built: (unit: number, files: UnitFiles) => void): Promise<void> {
    if (this.ended) return Promise.reject(this.ended);
    return new Promise((resolve, reject) => {
      this.onEnd = reject;
      this.listener = (answer) => {
        if ('unit' in answer) built(answer.unit, answer.files);
        else if ('done' in answer) resolve();
        else reject(new Error(answer.error));
      };
      const share: DossierShare = { work, templates: new Map(templates), queue };
      this.worker.postMessage(share);
    });
  }

  /** Stops the thread, whatever it was doing: the run is over, or failed. */
  async close(): Promise<void> {
    this.end(new Error('closed'));
    await this.worker.terminate();
  }

  private end(error: Error): void {
    this.ended ??= error;
    this.onEnd?.(this.ended);
  }
}
