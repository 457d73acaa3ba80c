/**
 * A second thread that builds dossier units for `thidua run` on large workbooks. Building,
 * laying out and zipping a province's 8,700 documents is CPU work (about 5 s on one core of
 * this 2-core machine, `npm run bench`); the helper takes units from the same queue as the
 * main thread. It is given the workbook as read, right after reading, and judges it itself
 * while this thread does the same: the input is a third of the evaluation's size to copy
 * (0.2 s against 0.3–0.7 s at province scale, on this thread's critical path), and the helper is
 * ready as soon as this thread is. `evaluate` is pure, so both judgments are the same; the
 * helper checks that its plan names the same files before it builds anything. It sends each
 * unit's files back, moved, not copied.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { WorkbookInput } from '../core/model';
import type { Evaluation } from '../core/results';
import type { UnitPlan } from '../core/documents';
import type { UnitBuilder, UnitFiles } from './docx';

/** What the main thread sends: the workbook first, then the work; the helper answers one message per unit, then the end. */
export type DossierRequest = { input: WorkbookInput } | DossierShare;
export interface DossierShare {
  /** Every planned file name, in order: the helper builds only if its own plan names the same. */
  planned: string;
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

  /** Starts the thread now, on the workbook as read: it judges it while this thread does. */
  constructor(input: WorkbookInput) {
    this.worker = new Worker(WORKER.boot, { workerData: { module: WORKER.module } });
    const request: DossierRequest = { input };
    this.worker.postMessage(request);
    this.worker.on('message', (answer: DossierAnswer) => this.listener?.(answer));
    this.worker.on('error', (error) => this.end(error));
    this.worker.on('exit', () => this.end(new Error('the helper thread stopped')));
  }

  /** Builds from its own judgment of the input, the same as `_evaluation`. */
  share(_evaluation: Evaluation, plans: UnitPlan[], templates: ReadonlyMap<string, Uint8Array>, queue: Int32Array, built: (unit: number, files: UnitFiles) => void): Promise<void> {
    if (this.ended) return Promise.reject(this.ended);
    return new Promise((resolve, reject) => {
      this.onEnd = reject;
      this.listener = (answer) => {
        if ('unit' in answer) built(answer.unit, answer.files);
        else if ('done' in answer) resolve();
        else reject(new Error(answer.error));
      };
      const share: DossierRequest = { planned: plannedNames(plans), templates: new Map(templates), queue };
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

/** The plan's file names, unit by unit, as one text to compare. */
export const plannedNames = (plans: UnitPlan[]) => plans.map((p) => `${p.unitCode}\n${p.fileNames.join('\n')}`).join('\n\n');
