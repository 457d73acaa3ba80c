/**
 * The output guard's file system on a thread of its own, for large runs. Each write there is
 * synchronous, one at a time, and a unit's files go in one message: a province's 17,000 file
 * operations then cost the main thread 2,600 messages, instead of libuv's threads contending for
 * the folder's lock (measured on this machine, 8,660 files: the main thread's share fell from
 * ~0.7 s to ~0.3 s, all threads' CPU by ~40%).
 */
import { Worker } from 'node:worker_threads';
import type { Replacement, WriteFs } from './outputGuard';

type Operation = 'mkdir' | 'writeFile' | 'rename' | 'rm' | 'replaceAll';

/** Plain JavaScript: it starts at once, without tsx. */
const WRITER = `
const { parentPort } = require('node:worker_threads');
const fs = require('node:fs');
const said = (error) => ({ message: error.message, code: error.code, syscall: error.syscall, path: error.path });
const replace = ({ temporary, path, data }) => {
  try {
    fs.writeFileSync(temporary, data);
    fs.renameSync(temporary, path);
    return undefined;
  } catch (error) {
    try {
      fs.rmSync(temporary, { force: true });
    } catch {
      // The write's own error is the one to tell.
    }
    return said(error);
  }
};
const run = {
  mkdir: (path) => fs.mkdirSync(path, { recursive: true }),
  writeFile: (path, data) => fs.writeFileSync(path, data),
  rename: (from, to) => fs.renameSync(from, to),
  rm: (path) => fs.rmSync(path, { force: true }),
  replaceAll: (files) => files.map(replace),
};
parentPort.on('message', ({ id, operation, args }) => {
  try {
    parentPort.postMessage({ id, value: run[operation](...args) });
  } catch (error) {
    parentPort.postMessage({ id, error: said(error) });
  }
});`;

type Said = { message: string; code?: string; syscall?: string; path?: string };

interface Answer {
  id: number;
  value?: (Said | undefined)[];
  error?: Said;
}

/** The error as Node would have thrown it: its errno code kept, so `writeProblem` says it in Vietnamese. */
const errorOf = (said: Said) => Object.assign(new Error(said.message), said);

export class WriterThread implements WriteFs {
  private readonly worker = new Worker(WRITER, { eval: true });
  private readonly waiting = new Map<number, { resolve: (value: Answer['value']) => void; reject: (error: Error) => void }>();
  private next = 0;
  private stopped: Error | undefined;

  constructor() {
    this.worker.on('message', ({ id, value, error }: Answer) => {
      const call = this.waiting.get(id);
      this.waiting.delete(id);
      if (error) call?.reject(errorOf(error));
      else call?.resolve(value);
    });
    this.worker.on('error', (error) => this.stop(error));
    this.worker.on('exit', () => this.stop(new Error('the writer thread stopped')));
  }

  mkdir = (path: string) => this.call('mkdir', [path]);
  writeFile = async (path: string, data: Uint8Array | string) => void (await this.call('writeFile', [path, data]));
  rename = async (from: string, to: string) => void (await this.call('rename', [from, to]));
  rm = async (path: string) => void (await this.call('rm', [path]));
  /** The files' memory is moved to the thread, not copied: a province's 52 MB are then never copied twice. */
  replaceAll = async (files: Replacement[]) =>
    ((await this.call('replaceAll', [files], movable(files.map((f) => f.data)))) ?? []).map((said) => (said ? errorOf(said) : undefined));

  /** Ends the thread (the guard has waited for every write it asked). */
  async close(): Promise<void> {
    await this.worker.terminate();
  }

  private call(operation: Operation, args: unknown[], moved: ArrayBuffer[] = []): Promise<Answer['value']> {
    if (this.stopped) return Promise.reject(this.stopped);
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ id, operation, args }, moved);
    });
  }

  private stop(error: Error): void {
    this.stopped ??= error;
    for (const { reject } of this.waiting.values()) reject(this.stopped);
    this.waiting.clear();
  }
}

/** The memory of `views` that may move to another thread: only what a view owns whole (not Node's shared pool), each once. */
export function movable(views: Uint8Array[]): ArrayBuffer[] {
  const moved = new Set<ArrayBuffer>();
  for (const view of views) {
    if (view.byteOffset === 0 && view.byteLength === view.buffer.byteLength && view.buffer instanceof ArrayBuffer) moved.add(view.buffer);
  }
  return [...moved];
}
