/**
 * What a run must never do (workbook.md, «v2: what a run must never do»): lose what a person
 * made, write the input, or report a file-system problem as an internal error.
 */
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as fsPromises from 'node:fs/promises';
import { basename, join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { main } from '../../src/cli/main';
import type { WriteFs } from '../../src/cli/outputGuard';
import { NOMINATION_COL as N } from '../../src/core';
import { run, tempDir, writeXlsx } from '../helpers/files';
import { GOOD_COLLECTIVE, GOOD_INDIVIDUAL, nomination, workbook } from '../helpers/workbook';

const input = workbook({ nominations: [GOOD_COLLECTIVE, nomination(GOOD_INDIVIDUAL, { [N.unitCode]: 'X01' })] });

/** A .docx as small as Word accepts, with `text` as its one paragraph: a user's template. */
function docxTemplate(text: string): Uint8Array {
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:body></w:document>`),
  });
}

/** Node's file system, but `fail` may throw an errno error for a write. */
function failingFs(fail: (op: 'mkdir' | 'writeFile' | 'rename', path: string) => string | undefined): WriteFs {
  const check = (op: 'mkdir' | 'writeFile' | 'rename', path: string) => {
    const code = fail(op, path);
    if (code) throw Object.assign(new Error(`${code}: simulated, ${op} '${path}'`), { code });
  };
  return {
    mkdir: async (path, options) => (check('mkdir', path), fsPromises.mkdir(path, options)),
    writeFile: async (path, data) => (check('writeFile', path), fsPromises.writeFile(path, data)),
    rename: async (from, to) => (check('rename', to), fsPromises.rename(from, to)),
    rm: (path, options) => fsPromises.rm(path, options),
  };
}

/** Every file under `dir`, relative, with its bytes. */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name);
      files.set(path.slice(dir.length + 1), readFileSync(path).toString('base64'));
    }
  }
  return files;
}

const ONE_LINE = /^Lỗi: [^\n]+$/;

describe('nothing the user made is lost', () => {
  it('an edited PDF is kept; the new PDF goes beside it', async () => {
    const dir = tempDir();
    // A stand-in for LibreOffice: answers --version and writes a PDF per .docx into --outdir.
    const soffice = join(dir, 'soffice');
    writeFileSync(
      soffice,
      '#!/bin/sh\n[ "$1" = "--version" ] && exit 0\nout=""\nwhile [ $# -gt 0 ]; do case "$1" in --outdir) out="$2"; shift;; *.docx) n=$(basename "$1" .docx); printf "%%PDF-1.4 %s" "$n" > "$out/$n.pdf";; esac; shift; done\n',
    );
    chmodSync(soffice, 0o755);
    process.env['THIDUA_SOFFICE'] = soffice;
    try {
      const file = await writeXlsx(input, join(dir, 'vao.xlsx'));
      const out = join(dir, 'ra');
      expect((await run(main, ['run', file, '--out', out, '--pdf'])).code).toBe(0);
      const pdf = join(out, 'ho-so', readdirSync(join(out, 'ho-so')).find((f) => f.endsWith('Tờ trình.pdf'))!);
      writeFileSync(pdf, 'PDF đã ký, đã sửa');
      const again = await run(main, ['run', file, '--out', out, '--pdf']);
      expect(again.code).toBe(0);
      expect(readFileSync(pdf, 'utf8')).toBe('PDF đã ký, đã sửa');
      const newVersion = pdf.replace(/\.pdf$/, ' (bản mới).pdf');
      expect(readFileSync(newVersion, 'utf8')).toMatch(/^%PDF/);
      expect(again.stdout).toContain(`Giữ nguyên «${pdf}» vì đã được sửa sau lần chạy trước; bản mới ghi vào «${newVersion}».`);
    } finally {
      delete process.env['THIDUA_SOFFICE'];
    }
  });

  it('a run that fails half way (a broken template) leaves no file looking edited to the next run', async () => {
    const dir = tempDir();
    const file = await writeXlsx(input, join(dir, 'vao.xlsx'));
    const out = join(dir, 'ra');
    expect((await run(main, ['run', file, '--out', out])).code).toBe(0);
    // D1 from a good template (new content), then D2 breaks the run.
    const templates = join(dir, 'mau');
    mkdirSync(templates);
    writeFileSync(join(templates, 'D1.docx'), docxTemplate('Biên bản của {{ten_don_vi}}'));
    writeFileSync(join(templates, 'D2.docx'), docxTemplate('{{#de_nghi}} không đóng'));
    const failed = await run(main, ['run', file, '--out', out, '--templates', templates]);
    expect(failed.code).toBe(2);
    expect(failed.stderr).toMatch(ONE_LINE);
    expect(failed.stderr).toContain('Mẫu «D2.docx» có lỗi');
    const next = await run(main, ['run', file, '--out', out]);
    expect(next.code).toBe(0);
    expect(next.stdout).not.toContain('Giữ nguyên');
    expect(readdirSync(join(out, 'ho-so')).filter((f) => f.includes('bản mới'))).toEqual([]);
  });

  it('a disk that fills up mid-run leaves no partial file and no file looking edited', async () => {
    const dir = tempDir();
    const file = await writeXlsx(input, join(dir, 'vao.xlsx'));
    const out = join(dir, 'ra');
    expect((await run(main, ['run', file, '--out', out])).code).toBe(0);
    let writes = 0;
    const full = failingFs((op) => (op === 'writeFile' && ++writes === 4 ? 'ENOSPC' : undefined));
    const failed = await main(['run', file, '--out', out], { out: () => undefined, err: () => undefined }, { fs: full });
    expect(failed).toBe(2);
    expect([...snapshot(out).keys()].filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const next = await run(main, ['run', file, '--out', out]);
    expect(next.stdout).not.toContain('Giữ nguyên');
  });

  it('Ctrl-C records the files written so far, so the next run does not call them edited', async () => {
    const dir = tempDir();
    const file = await writeXlsx(input, join(dir, 'vao.xlsx'));
    const out = join(dir, 'ra');
    const templates = join(dir, 'mau');
    mkdirSync(templates);
    writeFileSync(join(templates, 'D1.docx'), docxTemplate('Biên bản của {{ten_don_vi}}'));
    expect((await run(main, ['run', file, '--out', out])).code).toBe(0);
    const exit = jest.spyOn(process, 'exit').mockImplementation((() => {
      throw Object.assign(new Error('interrupted'), { code: 'EINTR_TEST' });
    }) as never);
    try {
      let writes = 0;
      // The third file written: Ctrl-C arrives, the handler records and exits.
      const fs = failingFs((op) => {
        if (op === 'rename' && ++writes === 3) {
          expect(() => process.emit('SIGINT')).toThrow('interrupted');
          return 'EINTR';
        }
        return undefined;
      });
      await main(['run', file, '--out', out, '--templates', templates], { out: () => undefined, err: () => undefined }, { fs }).catch(() => 1);
      expect(exit).toHaveBeenCalledWith(130);
    } finally {
      exit.mockRestore();
    }
    const next = await run(main, ['run', file, '--out', out, '--templates', templates]);
    expect(next.stdout).not.toContain('Giữ nguyên');
  });

  it('the input is never written, even when it is the previous output copy in the output folder', async () => {
    const dir = tempDir();
    const out = join(dir, 'ra');
    const first = await writeXlsx(input, join(dir, 'vao.xlsx'));
    expect((await run(main, ['run', first, '--out', out])).code).toBe(0);
    const copy = join(out, 'vao.xlsx');
    const before = readFileSync(copy);
    const { mtimeMs } = statSync(copy);
    const again = await run(main, ['run', copy, '--out', out]);
    expect(again.code).toBe(0);
    expect(readFileSync(copy).equals(before)).toBe(true);
    expect(statSync(copy).mtimeMs).toBe(mtimeMs);
    const result = join(out, 'vao (bản mới).xlsx');
    expect(existsSync(result)).toBe(true);
    expect(again.stdout).toContain(`Không ghi đè tệp đầu vào «${copy}»; bảng tính kết quả ghi vào «${result}».`);
  });
});

describe('file-system problems and bad files: exit 2 with one Vietnamese line saying what to do', () => {
  let dir: string;
  let file: string;
  beforeAll(async () => {
    dir = tempDir();
    file = await writeXlsx(input, join(dir, 'vao.xlsx'));
  });

  async function refused(argv: string[], message: string | RegExp, fs?: WriteFs) {
    const err: string[] = [];
    const code = await main(argv, { out: () => undefined, err: (s) => err.push(s) }, fs ? { fs } : {});
    expect(code).toBe(2);
    const stderr = err.join('\n');
    expect(stderr).toMatch(ONE_LINE);
    expect(stderr).not.toContain('báo lỗi');
    expect(stderr).toMatch(message);
  }

  it('--out naming a file', async () => {
    const target = join(dir, 'la-tep.txt');
    writeFileSync(target, 'x');
    await refused(['run', file, '--out', target], 'là một tệp, không phải thư mục');
  });

  it.each([
    ['a folder that cannot be written', 'mkdir', 'EACCES', /kiểm tra quyền ghi/],
    ['a file open elsewhere (Windows: EBUSY)', 'rename', 'EBUSY', /đang mở ở chương trình khác: hãy đóng tệp/],
    ['a file open elsewhere (Windows: EPERM)', 'rename', 'EPERM', /đang mở ở chương trình khác/],
    ['a full disk', 'writeFile', 'ENOSPC', /Ổ đĩa đã đầy/],
  ] as const)('%s', async (_, op, code, message) => {
    await refused(['run', file, '--out', join(tempDir(), 'ra')], message, failingFs((o) => (o === op ? code : undefined)));
  });

  it('a --templates folder that is missing, is a file, or holds no template', async () => {
    await refused(['run', file, '--out', join(dir, 'ra'), '--templates', join(dir, 'khong-co')], 'Không tìm thấy thư mục mẫu');
    await refused(['run', file, '--out', join(dir, 'ra'), '--templates', file], 'không phải thư mục mẫu');
    const empty = join(dir, 'mau-rong');
    mkdirSync(empty);
    await refused(['run', file, '--out', join(dir, 'ra'), '--templates', empty], 'không có tệp nào trong D1.docx, D2.docx, D3.docx');
  });

  it('a template that is not a .docx', async () => {
    const templates = join(dir, 'mau-hong');
    mkdirSync(templates);
    writeFileSync(join(templates, 'D3.docx'), 'không phải docx');
    await refused(['run', file, '--out', join(dir, 'ra'), '--templates', templates], 'Mẫu «D3.docx» không phải tệp .docx đọc được');
  });

  /** An OLE compound file's first sector, with the stream names a protected workbook has. */
  function compoundFile(streams: string[]): Buffer {
    const header = Buffer.alloc(512);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
    const directory = Buffer.concat(streams.map((name) => {
      const entry = Buffer.alloc(128);
      Buffer.from(name, 'utf16le').copy(entry);
      entry.writeUInt16LE((name.length + 1) * 2, 64);
      return entry;
    }));
    return Buffer.concat([header, directory]);
  }

  it('a password-protected workbook is said to be protected', async () => {
    const path = join(dir, 'mat-khau.xlsx');
    writeFileSync(path, compoundFile(['Root Entry', 'EncryptionInfo', 'EncryptedPackage']));
    await refused(['check', path], /được bảo vệ bằng mật khẩu.*bỏ mật khẩu/);
  });

  it('an old .xls workbook is asked to be saved as .xlsx', async () => {
    const path = join(dir, 'cu.xls');
    writeFileSync(path, compoundFile(['Root Entry', 'Workbook']));
    await refused(['check', path], /kiểu cũ \(\.xls\).*\.xlsx/);
  });

  it('nothing of a refused run is left behind as a temporary file', () => {
    for (const entry of readdirSync(dir, { recursive: true })) expect(basename(String(entry))).not.toMatch(/\.tmp$/);
  });
});
