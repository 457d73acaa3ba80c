/**
 * Output files are the command's, but a person may open one and edit it. The guard remembers
 * what it wrote (a hash per file, in a manifest beside them); a file that has changed since is
 * never overwritten: the new version goes beside it, and the user is told. The input workbook is
 * never written, even when it sits where an output would go.
 *
 * Every file, the manifest too, is written whole to a temporary name and then renamed, so a
 * failed or interrupted run leaves each file either as it was or complete; the manifest names
 * only files this guard actually wrote, so the next run does not take them for edited ones.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, renameSync, statSync, writeFile, writeFileSync } from 'node:fs';
import type { Stats } from 'node:fs';
import * as fsPromises from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { writeProblem } from './fsErrors';

const MANIFEST = '.thidua-da-ghi.json';

/** The values of settled writes, or the first failure once all have settled. */
function settled<T>(results: PromiseSettledResult<T>[]): T[] {
  return results.map((r) => {
    if (r.status === 'rejected') throw r.reason;
    return r.value;
  });
}

const hashOf = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The writes the guard makes: Node's, or a test's that fails like a full disk or a locked file. */
export interface WriteFs {
  mkdir(path: string, options: { recursive: true }): Promise<unknown>;
  writeFile(path: string, data: Uint8Array | string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  rm(path: string, options: { force: true }): Promise<void>;
  /**
   * Writes each file whole to its temporary name, then renames it (removing the temporary one
   * if that fails), all in one call; answers each file's error, or undefined. For a file system
   * on another thread, where one message per unit beats four per file. The data may be moved
   * there: the caller no longer reads it.
   */
  replaceAll?(files: Replacement[]): Promise<(Error | undefined)[]>;
}

export interface Replacement {
  temporary: string;
  path: string;
  data: Uint8Array;
}

/** Where a file is written before it is renamed into place: beside it, hidden, this run's own. */
const temporaryOf = (path: string) => join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);

/**
 * Node's file system. `writeFile` is the callback one: `fs/promises` makes a FileHandle per file,
 * which costs the main thread about twice as much over a province's thousands of files.
 */
const nodeFs: WriteFs = { mkdir: fsPromises.mkdir, writeFile: promisify(writeFile), rename: fsPromises.rename, rm: fsPromises.rm };

/** A name as a file system that ignores case and Unicode normalization (macOS, Windows) compares it. */
const loose = (name: string) => name.normalize('NFC').toLowerCase();

const statOf = (path: string) => statSync(path, { throwIfNoEntry: false });
/** Whether two found files are one (Windows and macOS ignore case: two spellings, one inode). */
const sameInode = (x: Stats | undefined, y: Stats | undefined) => !!x && !!y && x.dev === y.dev && x.ino === y.ino && x.ino !== 0;

const readdirOr = (folder: string) => {
  try {
    return readdirSync(folder);
  } catch {
    return []; // Not there yet: it holds nothing. (Not a folder: the write says so.)
  }
};

export class OutputGuard {
  private readonly written: Record<string, string>;
  /** Files kept because a person changed them (or it is the input), with where the new version went. */
  readonly kept: { edited: string; newVersion: string; input: boolean }[] = [];
  /** The protected files, resolved and looked up once: each output path then costs one `stat`. */
  private readonly inputs: { path: string; stat: Stats | undefined }[];
  /** Folders already made in this run: a province's thousands of files need one `mkdir` per folder. */
  private readonly folders = new Set<string>();
  /**
   * What each folder held when the guard first looked, and the files it has written there since
   * (names as `loose` gives them): a name not there needs no `stat`, which would wait on the
   * folder's lock while the writes under way create files in it.
   */
  private readonly listings = new Map<string, Set<string>>();

  constructor(
    private readonly dir: string,
    /** Files never to write: the input workbook. */
    protectedFiles: string[] = [],
    private readonly fs: WriteFs = nodeFs,
  ) {
    const manifest = join(dir, MANIFEST);
    let written: Record<string, string> = {};
    try {
      written = existsSync(manifest) ? (JSON.parse(readFileSync(manifest, 'utf8')) as Record<string, string>) : {};
    } catch {
      // A damaged manifest only means every existing file is treated as the user's.
    }
    this.written = written;
    this.inputs = protectedFiles.map((p) => ({ path: resolve(p), stat: statOf(p) }));
  }

  /** Where to write `path`: itself, unless it is the input or a person changed what the last run wrote there. */
  target(path: string): string {
    const found = this.lookUp(path);
    const isInput = this.isInput(path, found);
    if (!isInput && this.ours(path, found)) return path;
    const stem = join(dirname(path), basename(path, extname(path)));
    let candidate = `${stem} (bản mới)${extname(path)}`;
    for (let i = 2; ; i++) {
      const there = this.lookUp(candidate);
      if (!this.isInput(candidate, there) && this.ours(candidate, there)) break;
      candidate = `${stem} (bản mới ${i})${extname(path)}`;
    }
    this.kept.push({ edited: path, newVersion: candidate, input: isInput });
    return candidate;
  }

  /** The file at `path`, if any; one listing per folder answers for the names it did not hold. */
  private lookUp(path: string): Stats | undefined {
    const folder = dirname(path);
    let listing = this.listings.get(folder);
    if (!listing) {
      listing = new Set(readdirOr(folder).map(loose));
      this.listings.set(folder, listing);
    }
    return listing.has(loose(basename(path))) ? statOf(path) : undefined;
  }

  /** Whether `path` (whose `stat` is `found`, undefined when absent) is a protected file. */
  private isInput(path: string, found: Stats | undefined): boolean {
    if (!this.inputs.length) return false;
    const resolved = resolve(path);
    return this.inputs.some((p) => p.path === resolved || sameInode(p.stat, found));
  }

  /** A file the guard may write: absent, or as the last run left it. */
  private ours(path: string, found: Stats | undefined): boolean {
    return !found || this.written[this.key(path)] === hashOf(readFileSync(path));
  }

  /** Writes `bytes` where `target` says; returns the path written. File-system problems come as FileProblem. */
  async write(path: string, bytes: Uint8Array): Promise<string> {
    const target = this.claim(path);
    await this.replace(target, bytes);
    this.written[this.key(target)] = hashOf(bytes);
    return target;
  }

  /**
   * Writes several files (a unit's dossier) as `write` does each; returns the paths written, in
   * order. Every write settles before a failure is told, so the manifest names each file written.
   */
  async writeAll(files: { path: string; bytes: Uint8Array }[]): Promise<string[]> {
    const replaceAll = this.fs.replaceAll;
    if (!replaceAll) return settled(await Promise.allSettled(files.map((f) => this.write(f.path, f.bytes))));
    const planned = files.map(({ path, bytes }) => ({ target: this.claim(path), bytes }));
    for (const folder of new Set(planned.map(({ target }) => dirname(target)))) {
      await this.folder(folder).catch((error: unknown) => {
        throw writeProblem(error, folder) ?? error;
      });
    }
    // Hashed before: the bytes may move to the writer's thread.
    const hashes = planned.map(({ bytes }) => hashOf(bytes));
    const errors = await replaceAll(planned.map(({ target, bytes }) => ({ temporary: temporaryOf(target), path: target, data: bytes })));
    planned.forEach(({ target }, i) => {
      if (!errors[i]) this.written[this.key(target)] = hashes[i] as string;
    });
    const failed = errors.findIndex(Boolean);
    const failure = planned[failed];
    if (failure) throw writeProblem(errors[failed], failure.target) ?? errors[failed];
    return planned.map(({ target }) => target);
  }

  /** Where `path` goes (`target`), now counted as there for the names that follow. */
  private claim(path: string): string {
    const target = this.target(path);
    this.listings.get(dirname(target))?.add(loose(basename(target)));
    return target;
  }

  /** Writes the manifest (after a run, also a failed one: it names only files written). */
  async save(): Promise<void> {
    await this.replace(join(this.dir, MANIFEST), JSON.stringify(this.written, null, 1));
  }

  /** The same, synchronously: for Ctrl-C, when there is no time to wait. */
  saveSync(): void {
    const manifest = join(this.dir, MANIFEST);
    const temporary = `${manifest}.${process.pid}.tmp`;
    try {
      writeFileSync(temporary, JSON.stringify(this.written, null, 1));
      renameSync(temporary, manifest);
    } catch {
      // Interrupted anyway: the files keep the hashes of the last complete manifest.
    }
  }

  /** Makes `folder` once per run. */
  private async folder(folder: string): Promise<void> {
    if (this.folders.has(folder)) return;
    await this.fs.mkdir(folder, { recursive: true });
    this.folders.add(folder);
  }

  private async replace(path: string, data: Uint8Array | string): Promise<void> {
    const temporary = temporaryOf(path);
    try {
      await this.folder(dirname(path));
      await this.fs.writeFile(temporary, data);
      await this.fs.rename(temporary, path);
    } catch (error) {
      await this.fs.rm(temporary, { force: true }).catch(() => undefined);
      throw writeProblem(error, path) ?? error;
    }
  }

  private key(path: string): string {
    return path.startsWith(this.dir) ? path.slice(this.dir.length + 1) : path;
  }
}
