/**
 * Output files are the command's, but a person may open one and edit it. The guard remembers
 * what it wrote (a hash per file, in a manifest beside them); a file that has changed since is
 * never overwritten: the new version goes beside it, and the user is told.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';

const MANIFEST = '.thidua-da-ghi.json';

const hashOf = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export class OutputGuard {
  private readonly written: Record<string, string>;
  /** Files kept because a person changed them, with where the new version went. */
  readonly kept: { edited: string; newVersion: string }[] = [];

  constructor(private readonly dir: string) {
    const manifest = join(dir, MANIFEST);
    let written: Record<string, string> = {};
    try {
      written = existsSync(manifest) ? (JSON.parse(readFileSync(manifest, 'utf8')) as Record<string, string>) : {};
    } catch {
      // A damaged manifest only means every existing file is treated as the user's.
    }
    this.written = written;
  }

  /** Where to write `path`: itself, unless a person changed the file the last run wrote there. */
  target(path: string): string {
    if (!existsSync(path)) return path;
    const current = hashOf(readFileSync(path));
    if (this.written[this.key(path)] === current) return path;
    const stem = join(dirname(path), basename(path, extname(path)));
    let candidate = `${stem} (bản mới)${extname(path)}`;
    for (let i = 2; existsSync(candidate) && this.written[this.key(candidate)] !== hashOf(readFileSync(candidate)); i++) {
      candidate = `${stem} (bản mới ${i})${extname(path)}`;
    }
    this.kept.push({ edited: path, newVersion: candidate });
    return candidate;
  }

  async write(path: string, bytes: Uint8Array): Promise<string> {
    const target = this.target(path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, bytes);
    this.written[this.key(target)] = hashOf(bytes);
    return target;
  }

  /** Records a file written by another writer (exceljs, LibreOffice). */
  async record(path: string): Promise<void> {
    this.written[this.key(path)] = hashOf(await readFile(path));
  }

  async save(): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    await writeFile(join(this.dir, MANIFEST), JSON.stringify(this.written, null, 1));
  }

  private key(path: string): string {
    return path.startsWith(this.dir) ? path.slice(this.dir.length + 1) : path;
  }
}
