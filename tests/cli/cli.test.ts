import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { join } from 'node:path';
import { main, SAMPLE_WORKBOOK } from '../../src/cli/main';
import { readWorkbookFile } from '../../src/cli/xlsx';
import { evaluate, NOMINATION_COL as N } from '../../src/core';
import { run, tempDir, writeXlsx } from '../helpers/files';
import { GOOD_COLLECTIVE, GOOD_INDIVIDUAL, nomination, workbook } from '../helpers/workbook';

const input = workbook({
  nominations: [GOOD_COLLECTIVE, nomination(GOOD_INDIVIDUAL, { [N.unitCode]: 'X01', [N.name]: '=HYPERLINK("http://x","A")' })],
});

describe('thidua check --json', () => {
  it('prints exactly the contract JSON, the same as the core gives', async () => {
    const file = await writeXlsx(input);
    const { code, stdout, stderr } = await run(main, ['check', file, '--json']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const json = JSON.parse(stdout);
    expect(Object.keys(json)).toEqual(['ranking', 'unranked', 'nominations', 'quota', 'errors']);
    expect(json).toEqual(JSON.parse(JSON.stringify(evaluate(input).result)));
    expect(json.nominations[1]).toMatchObject({ row: 3, unit: 'X01', kind: 'Cá nhân', name: '=HYPERLINK("http://x","A")', eligible: true });
  });

  it.each([
    ['a missing file', (dir: string) => join(dir, 'khong-co.xlsx'), 'Không tìm thấy tệp'],
    ['a file that is not a workbook', (dir: string) => { const f = join(dir, 'a.xlsx'); writeFileSync(f, 'không phải bảng tính'); return f; }, 'không phải bảng tính Excel'],
  ])('exits 2 with one Vietnamese line for %s', async (_, make, message) => {
    const { code, stdout, stderr } = await run(main, ['check', make(tempDir()), '--json']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.split('\n')).toHaveLength(1);
    expect(stderr).toContain(message);
  });

  it('never crashes on a damaged file: a cut or corrupted sample is read or refused with exit 2', async () => {
    const bytes = readFileSync(SAMPLE_WORKBOOK);
    const dir = tempDir();
    await fc.assert(
      fc.asyncProperty(fc.nat(bytes.length - 1), fc.option(fc.uint8Array({ minLength: 1, maxLength: 64 })), async (cut, noise) => {
        const file = join(dir, 'hong.xlsx');
        const damaged = Buffer.from(bytes);
        if (noise) damaged.set(noise, Math.min(cut, damaged.length - noise.length));
        writeFileSync(file, noise ? damaged : bytes.subarray(0, cut));
        const { code, stderr } = await run(main, ['check', file, '--json']);
        expect([0, 2]).toContain(code);
        if (code === 2) expect(stderr).toMatch(/^Lỗi: /);
      }),
      { numRuns: 25 },
    );
  }, 60000);

  it('exits 2 naming a missing required sheet', async () => {
    const file = await writeXlsx({ ...input, sheets: input.sheets.filter((s) => s.name !== 'Tiêu chí') });
    const { code, stderr } = await run(main, ['check', file]);
    expect(code).toBe(2);
    expect(stderr).toBe('Lỗi: Không tìm thấy trang «Tiêu chí» trong bảng tính; hãy thêm trang này (hoặc chạy «Khởi tạo bảng tính»).');
  });

  it('explains a wrong option', async () => {
    const { code, stderr } = await run(main, ['check', '--pdf']);
    expect(code).toBe(2);
    expect(stderr).toContain('Tùy chọn «--pdf» không dùng được với lệnh «check»');
  });
});

describe('thidua run', () => {
  it('writes the workbook with the three output sheets, keeps the input sheets and prints a summary', async () => {
    const file = await writeXlsx(input);
    const out = join(tempDir(), 'ket-qua');
    const { code, stdout } = await run(main, ['run', file, '--out', out]);
    expect(code).toBe(0);
    expect(stdout).toContain('Xếp hạng khối «Xã, thị trấn»: 4 đơn vị');
    expect(stdout).toContain('Đề nghị: 2; đủ điều kiện: 2; vào danh sách khen thưởng: 2.');
    const written = await readWorkbookFile(join(out, 'input.xlsx'));
    const original = await readWorkbookFile(file);
    for (const sheet of original.input.sheets) {
      expect(written.input.sheets.find((s) => s.name === sheet.name)?.values).toEqual(sheet.values);
    }
    const verdicts = written.input.sheets.find((s) => s.name === 'Kết quả xét')!;
    expect(verdicts.values[2]![4]).toBe('=HYPERLINK("http://x","A")');
    expect(written.input.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(['Xếp hạng', 'Kết quả xét', 'Danh sách khen thưởng']));
  });
});

describe('running again', () => {
  it('overwrites its own files but never one a person edited: the new version goes beside it', async () => {
    const file = await writeXlsx(input);
    const out = join(tempDir(), 'ket-qua');
    await run(main, ['run', file, '--out', out]);
    const letter = join(out, 'ho-so', readdirSync(join(out, 'ho-so')).find((f) => f.endsWith('Tờ trình.docx'))!);
    const again = await run(main, ['run', file, '--out', out]);
    expect(again.stdout).not.toContain('Giữ nguyên');

    writeFileSync(letter, 'tờ trình đã sửa tay');
    const third = await run(main, ['run', file, '--out', out]);
    expect(readFileSync(letter, 'utf8')).toBe('tờ trình đã sửa tay');
    const newVersion = letter.replace(/\.docx$/, ' (bản mới).docx');
    expect(third.stdout).toContain(`Giữ nguyên «${letter}» vì đã được sửa sau lần chạy trước; bản mới ghi vào «${newVersion}».`);
    expect(readFileSync(newVersion).subarray(0, 2).toString()).toBe('PK');
  });
});
