/**
 * `thidua run` on a large workbook builds dossiers on a helper thread and writes files on a
 * writer thread. Whoever builds or writes, the files are the ones one thread would make.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluate } from '../../src/core';
import { dossierWork, planDossiers, unitDossier } from '../../src/core/documents';
import type { Evaluation } from '../../src/core';
import { unitFiles, writeDocx, writeDossierFiles } from '../../src/cli/docx';
import type { UnitBuilder, UnitFiles } from '../../src/cli/docx';
import { DossierHelper } from '../../src/cli/dossierHelper';
import { WriterThread } from '../../src/cli/writerThread';
import { OutputGuard } from '../../src/cli/outputGuard';
import type { WriteFs } from '../../src/cli/outputGuard';
import { FileProblem } from '../../src/cli/fsErrors';
import { main } from '../../src/cli/main';
import { readWorkbookFile, saveBook, sheetsToBook } from '../../src/cli/xlsx';
import { document, para } from '../../src/core/documents/layout';
import { provinceSheets } from '../../bench/province';
import { run } from '../helpers/files';

let dir: string;
let sample: Evaluation;
beforeAll(async () => {
  sample = evaluate((await readWorkbookFile('samples/huu-lung-2022.xlsx')).input);
});
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'thidua-threads-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Every file under `folder` (not the manifest), by name, as bytes. */
const filesIn = (folder: string) =>
  new Map(
    readdirSync(folder)
      .filter((name) => !name.startsWith('.'))
      .map((name) => [name, readFileSync(join(folder, name))]),
  );

const expectSameFiles = (a: string, b: string) => {
  const [x, y] = [filesIn(a), filesIn(b)];
  expect([...y.keys()].sort()).toEqual([...x.keys()].sort());
  expect([...x].filter(([name, bytes]) => !bytes.equals(y.get(name)!)).map(([name]) => name)).toEqual([]);
};

/** A helper on this thread that takes units from the queue as the real one does, one per turn of the event loop. */
function sameThreadHelper(failAfter = Infinity): UnitBuilder & { took: number[] } {
  const took: number[] = [];
  return {
    took,
    async share(work, templates, queue, built) {
      for (let unit = Atomics.add(queue, 0, 1); unit < work.plans.length; unit = Atomics.add(queue, 0, 1)) {
        took.push(unit);
        await new Promise((resolve) => setImmediate(resolve));
        if (took.length > failAfter) throw new Error('the helper broke');
        built(unit, unitFiles(unitDossier(work, unit), templates));
      }
    },
  };
}

test('the helper thread builds each unit byte for byte as this thread does, a user template too', async () => {
  const template = writeDocx(document([para('Đơn vị: {{ten_don_vi}}, họp {{ngay_hop}}.')]));
  const templates = new Map([['D2', template]]);
  const helper = new DossierHelper();
  try {
    const queue = new Int32Array(new SharedArrayBuffer(4));
    const built = new Map<number, UnitFiles>();
    const work = dossierWork(sample);
    await helper.share(work, templates, queue, (unit, files) => built.set(unit, files));
    expect([...built.keys()].sort((a, b) => a - b)).toEqual(work.plans.map((_, i) => i));
    for (const [unit, files] of built) {
      const here = unitFiles(unitDossier(work, unit), templates);
      expect(files.missing).toEqual(here.missing);
      expect(files.files.map((f) => f.fileName)).toEqual(here.files.map((f) => f.fileName));
      files.files.forEach((f, i) => expect(Buffer.from(f.bytes).equals(Buffer.from(here.files[i]!.bytes))).toBe(true));
    }
  } finally {
    await helper.close();
  }
});

test('with a helper the same files are written, in the same order, progress counted per unit', async () => {
  const alone = await writeDossierFiles(sample, join(dir, 'alone'));
  const helper = sameThreadHelper();
  const progress: number[] = [];
  const shared = await writeDossierFiles(sample, join(dir, 'shared'), { helper, onProgress: (done) => progress.push(done) });
  expect(helper.took.length).toBeGreaterThan(3);
  expect(shared.files.map((f) => f.slice(join(dir, 'shared').length))).toEqual(alone.files.map((f) => f.slice(join(dir, 'alone').length)));
  expect(shared.missing.sort()).toEqual(alone.missing.sort());
  expect(progress).toEqual(planDossiers(sample).map((_, i) => i + 1));
  expectSameFiles(join(dir, 'alone'), join(dir, 'shared'));
});

test('a helper that breaks loses nothing: the units it took and did not give are built here', async () => {
  await writeDossierFiles(sample, join(dir, 'alone'));
  const helper = sameThreadHelper(2);
  const shared = await writeDossierFiles(sample, join(dir, 'shared'), { helper });
  expect(helper.took.length).toBe(3);
  expect(shared.files).toHaveLength(filesIn(join(dir, 'alone')).size);
  expectSameFiles(join(dir, 'alone'), join(dir, 'shared'));
});

test('a helper that never gets going (its code did not load) does not hang the run', async () => {
  const stuck: UnitBuilder = { share: () => new Promise(() => undefined) };
  const alone = await writeDossierFiles(sample, join(dir, 'alone'));
  const result = await writeDossierFiles(sample, join(dir, 'stuck'), { helper: stuck });
  expect(result.files).toHaveLength(alone.files.length);
  expectSameFiles(join(dir, 'alone'), join(dir, 'stuck'));
});

test('a stopped run (the results workbook failed) starts no more units and leaves the writes it began finished', async () => {
  const stop = new AbortController();
  const running = writeDossierFiles(sample, join(dir, 'ho-so'), { signal: stop.signal, helper: sameThreadHelper() });
  stop.abort();
  await expect(running).rejects.toThrow();
  // At most the one unit built before the caller could stop it, each file whole.
  const folder = join(dir, 'ho-so');
  const left = existsSync(folder) ? readdirSync(folder) : [];
  expect(left.length).toBeLessThanOrEqual(Math.max(...planDossiers(sample).map((p) => p.fileNames.length)));
  expect(left.filter((name) => name.endsWith('.tmp'))).toEqual([]);
});

describe('the writer thread', () => {
  test('writes through the guard as Node would: the file, its hash in the manifest', async () => {
    const writer = new WriterThread();
    try {
      const guard = new OutputGuard(dir, [], writer);
      const bytes = new Uint8Array([1, 2, 3, 250]);
      const path = await guard.write(join(dir, 'ho-so', 'Tờ trình.docx'), bytes);
      await guard.save();
      expect([...readFileSync(path)]).toEqual([1, 2, 3, 250]);
      expect(Object.keys(JSON.parse(readFileSync(join(dir, '.thidua-da-ghi.json'), 'utf8')))).toEqual([join('ho-so', 'Tờ trình.docx')]);
    } finally {
      await writer.close();
    }
  });

  test.each([
    ['Node’s own file system', () => undefined],
    ['the writer thread', () => new WriterThread()],
  ])('a unit’s files through %s: one that fails is said in Vietnamese, the others are written and recorded', async (_, make) => {
    const writer = make();
    try {
      const guard = new OutputGuard(dir, [], writer);
      const files = ['Biên bản.docx', `${'Báo cáo rất dài '.repeat(20)}.docx`, 'Tờ trình.docx'].map((name, i) => ({
        path: join(dir, 'ho-so', name),
        bytes: new Uint8Array([i]),
      }));
      await expect(guard.writeAll(files)).rejects.toThrow(/quá dài: hãy chọn thư mục ngắn hơn/);
      await guard.save();
      expect(readdirSync(join(dir, 'ho-so')).sort()).toEqual(['Biên bản.docx', 'Tờ trình.docx']);
      const manifest = Object.keys(JSON.parse(readFileSync(join(dir, '.thidua-da-ghi.json'), 'utf8')));
      expect(manifest.sort()).toEqual([join('ho-so', 'Biên bản.docx'), join('ho-so', 'Tờ trình.docx')]);
    } finally {
      await writer?.close();
    }
  });

  test('takes a unit’s files several units at a time, their bytes moved to it, not copied', async () => {
    const writer = new WriterThread();
    try {
      const batches: number[] = [];
      const given: Uint8Array[] = [];
      const counting: WriteFs = {
        mkdir: writer.mkdir,
        writeFile: writer.writeFile,
        rename: writer.rename,
        rm: writer.rm,
        replaceAll: (files) => {
          batches.push(files.length);
          given.push(...files.map((f) => f.data));
          return writer.replaceAll(files);
        },
      };
      const guard = new OutputGuard(join(dir, 'ra'), [], counting);
      const result = await writeDossierFiles(sample, join(dir, 'ra', 'ho-so'), { guard });
      await guard.save();
      const units = planDossiers(sample).length;
      expect(units).toBeGreaterThan(8);
      expect(batches.length).toBeLessThanOrEqual(Math.ceil(units / 4));
      expect(batches.reduce((a, b) => a + b, 0)).toBe(result.files.length);
      // Moved: this thread's copies are gone (no 52 MB copied at province scale).
      expect(given.filter((bytes) => bytes.byteLength > 0)).toEqual([]);
      await writeDossierFiles(sample, join(dir, 'alone'));
      expectSameFiles(join(dir, 'alone'), join(dir, 'ra', 'ho-so'));
    } finally {
      await writer.close();
    }
  });

  test('a failed write is said in Vietnamese with what to do, as with Node’s own errors', async () => {
    const writer = new WriterThread();
    try {
      writeFileSync(join(dir, 'ho-so'), 'một tệp, không phải thư mục');
      const guard = new OutputGuard(dir, [], writer);
      const failing = guard.write(join(dir, 'ho-so', 'Tờ trình.docx'), new Uint8Array([1]));
      await expect(failing).rejects.toThrow(FileProblem);
      await expect(failing).rejects.toThrow(/trùng tên với thư mục cần tạo/);
    } finally {
      await writer.close();
    }
  });
});

test('a large file that is not a workbook: the threads started before reading stop, the error is said, nothing is written', async () => {
  const file = join(dir, 'hong.xlsx');
  writeFileSync(file, Buffer.alloc(200 * 1024, 'không phải bảng tính '));
  const result = await run(main, ['run', file, '--out', join(dir, 'ra')]);
  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(/không phải bảng tính Excel \(\.xlsx\) hoặc đã bị hỏng/);
  expect(existsSync(join(dir, 'ra'))).toBe(false);
});

test('a large workbook’s run (helper and writer threads) writes the files one thread writes', async () => {
  const file = join(dir, 'lon.xlsx');
  await saveBook(sheetsToBook(provinceSheets(1000, 8, 2000)), file);
  const { input } = await readWorkbookFile(file);
  expect(input.sheets.reduce((n, s) => n + s.values.length, 0)).toBeGreaterThan(2000);
  const result = await run(main, ['run', file, '--out', join(dir, 'ra')]);
  expect(result.code).toBe(0);
  expect(result.stderr).toContain('Đang ghi bảng tính kết quả…');
  mkdirSync(join(dir, 'mot-luong'));
  await writeDossierFiles(evaluate(input), join(dir, 'mot-luong'));
  expectSameFiles(join(dir, 'mot-luong'), join(dir, 'ra', 'ho-so'));
});
