/**
 * The output guard's file system on a thread of its own, for large runs. Each write there is
 * synchronous, one at a time: a province's 17,000 file operations then cost the main thread a
 * message each, instead of libuv's threads contending for the folder's lock (measured with
 * `perf` on this machine: the main thread's share fell from ~0.7 s to ~0.3 s, all threads' CPU by ~40%).
 */
import { Worker } from 'node:worker_threads';
import type { WriteFs } from './outputGuard';

type Operation = 'mkdir' | 'writeFile' | 'rename' | 'rm';

/** Plain JavaScript: it starts at once, without tsx. The data is copied, so the caller may still hash it. */
const WRITER = `
const { parentPort } = require('node:worker_threads');
const fs = require('node:fs');
const run = {
  mkdir: (path) => fs.mkdirSync(path, { recursive: true }),
  writeFile: (path, data) => fs.writeFileSync(path, data),
  rename: (from, to) => fs.renameSync(from, to),
  rm: (path) => fs.rmSync(path, { force: true }),
};
parentPort.on('message', ({ id, operation, args }) => {
  try {
    run[operation](...args);
    parentPort.postMessage({ id });
  } catch (error) {
    parentPort.postMessage({ id, error: { message: error.message, code: error.code, syscall: error.syscall, path: error.path } });
  }
});`;

interface Answer {
  id: number;
  error?: { message: string; code?: string; syscall?: string; path?: string };
}

export class WriterThread implements WriteFs {
  private readonly worker = new Worker(WRITER, { eval: true });
  private readonly waiting = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  private next = 0;
  private stopped: Error | undefined;

  constructor() {
    this.worker.on('message', ({ id, error }: Answer) => {
      const call = this.waiting.get(id);
      this.waiting.delete(id);
      // The error keeps its errno code, so `writeProblem` says it in Vietnamese as for Node's own.
      if (error) call?.reject(Object.assign(new Error(error.message), error));
      else call?.resolve();
    });
    this.worker.on('error', (error) => this.stop(error));
    this.worker.on('exit', () => this.stop(new Error('the writer thread stopped')));
  }

  mkdir = (path: string) => this.call('mkdir', [path]);
  writeFile = (path: string, data: Uint8Array | string) => this.call('writeFile', [path, data]);
  rename = (from: string, to: string) => this.call('rename', [from, to]);
  rm = (path: string) => this.call('rm', [path]);

  /** Ends the thread (the guard has waited for every write it asked). */
  async close(): Promise<void> {
    await this.worker.terminate();
  }

  private call(operation: Operation, args: unknown[]): Promise<void> {
    if (this.stopped) return Promise.reject(this.stopped);
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ id, operation, args });
    });
  }

  private stop(error: Error): void {
    this.stopped ??= error;
    for (const { reject } of this.waiting.values()) reject(this.stopped);
    this.waiting.clear();
  }
}
