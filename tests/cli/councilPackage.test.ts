import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { readWorkbookFile } from '../../src/cli/xlsx';
import { INTAKE_COL, SHEET, findSheet } from '../../src/core';
import { FULL, closingWorkbook } from '../helpers/closing';
import { docxText, run, tempDir, writeXlsx } from '../helpers/files';

describe('thidua tiep-nhan', () => {
  it('writes a copy of the workbook with Tiếp nhận hồ sơ checked, the officer’s return kept', async () => {
    const file = await writeXlsx(closingWorkbook(FULL));
    const out = tempDir();
    const { code, stdout, stderr } = await run(main, ['tiep-nhan', file, '--out', out]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('Tiếp nhận hồ sơ: 4 đơn vị — 2 đủ, 1 thiếu, 1 trả lại.');
    expect(stdout).toContain('X02 (Trả lại): Sai thẩm quyền ký');
    const { input } = await readWorkbookFile(join(out, 'input.xlsx'));
    const sheet = findSheet(input, SHEET.intake)!;
    const status = sheet.values[0]!.indexOf(INTAKE_COL.status);
    expect(sheet.values.slice(1).map((r) => [r[0], r[status]])).toEqual([['X02', 'Trả lại'], ['X01', 'Đủ'], ['X03', 'Thiếu'], ['CQ01', 'Đủ']]);
    // The run's output sheets are in the same copy, and the input file is untouched.
    expect(findSheet(input, SHEET.awardList)).toBeDefined();
    expect((await readWorkbookFile(file)).input.sheets.find((s) => s.name === SHEET.intake)!.values).toHaveLength(2);
  });

  it('refuses an option it does not have, with the usage', async () => {
    const { code, stderr } = await run(main, ['tiep-nhan', '--pdf']);
    expect(code).toBe(2);
    expect(stderr).toContain('Lệnh «tiep-nhan» không có tùy chọn «--pdf»');
    expect(stderr).toContain('thidua trinh-khen');
  });
});

describe('thidua trinh-khen', () => {
  it('writes the three documents into trinh-khen/ and lists what is still missing', async () => {
    const file = await writeXlsx(closingWorkbook({}));
    const out = tempDir();
    const { code, stdout } = await run(main, ['trinh-khen', file, '--out', out]);
    expect(code).toBe(0);
    const dir = join(out, 'trinh-khen');
    expect(readdirSync(dir).sort()).toEqual([
      'Biên bản họp Hội đồng Thi đua - Khen thưởng.docx', 'Quyết định khen thưởng.docx', 'Tờ trình đề nghị khen thưởng.docx',
    ]);
    expect(stdout).toContain('Hồ sơ trình khen: 2/4 đơn vị có hồ sơ «Đủ»; đề nghị tặng Giấy khen 1 tập thể, 2 cá nhân.');
    expect(stdout).toContain('- Cấu hình: thiếu «Số quyết định khen thưởng»');
    const decision = docxText(join(dir, 'Quyết định khen thưởng.docx'));
    expect(decision).toContain('Số: …/QĐ-UBND');
    expect(decision).toContain('DANH SÁCH');
    expect(decision).toContain('Đặng Văn Toàn');
  });

  it('keeps a document a person edited and writes the new one beside it', async () => {
    const file = await writeXlsx(closingWorkbook(FULL));
    const out = tempDir();
    await run(main, ['trinh-khen', file, '--out', out]);
    const edited = join(out, 'trinh-khen', 'Quyết định khen thưởng.docx');
    writeFileSync(edited, 'đã sửa tay');
    const { stdout } = await run(main, ['trinh-khen', file, '--out', out]);
    expect(readFileSync(edited, 'utf8')).toBe('đã sửa tay');
    expect(stdout).toContain('Quyết định khen thưởng (bản mới).docx');
    expect(docxText(join(out, 'trinh-khen', 'Quyết định khen thưởng (bản mới).docx'))).toContain('Số: 125/QĐ-UBND');
  });
});
