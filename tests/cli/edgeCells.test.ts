/**
 * The v2 edge-case cells through a real `.xlsx` (workbook.md «v2 decisions»): error cells,
 * formulas without a result and merged cells, read by `thidua check --json` exactly as the core
 * reads the values Sheets would give the add-on.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import fc from 'fast-check';
import { main } from '../../src/cli/main';
import { saveBook, sheetsToBook } from '../../src/cli/xlsx';
import type { CellValue, WorkbookInput } from '../../src/core';
import { cellFault, evaluate, NOMINATION_COL as N, SHEET, uncomputedFormula, UnreadableWorkbook } from '../../src/core';
import { run, tempDir } from '../helpers/files';
import { GOOD_INDIVIDUAL, nomination, workbook } from '../helpers/workbook';
import { expectWellFormed, v2Workbook } from '../core/shapes';

/** Writes `input` as a spreadsheet program would hold it: error cells as errors, uncomputed formulas without a result. */
async function writeWithCells(input: WorkbookInput, merges: { sheet: number; row: number; col: number; down: boolean }[] = []): Promise<string> {
  const book = sheetsToBook(input.sheets.map((s) => ({ name: s.name, rows: s.values.map((r) => r.map((c) => (cellFault(c) ? null : c))) })));
  input.sheets.forEach((s, i) => {
    const sheet = book.worksheets[i]!;
    s.values.forEach((row, r) => row.forEach((cell, c) => {
      if (typeof cell !== 'string' || !cellFault(cell)) return;
      sheet.getCell(r + 1, c + 1).value = cell.startsWith('#')
        ? ({ error: cell } as ExcelJS.CellErrorValue)
        : ({ formula: cell.slice(2) } as ExcelJS.CellFormulaValue);
    }));
  });
  for (const m of merges) {
    const sheet = book.worksheets[m.sheet]!;
    sheet.mergeCells(m.row, m.col, m.row + (m.down ? 1 : 0), m.col + (m.down ? 0 : 1));
  }
  const path = join(tempDir(), 'dau-vao.xlsx');
  await saveBook(book, path);
  return path;
}

const digest = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('edge-case cells in an .xlsx', () => {
  it('an error cell and a formula without a result are errors on their cells, the same as the core reads them', async () => {
    const input = workbook({ nominations: [nomination(GOOD_INDIVIDUAL, { [N.name]: '#NAME?', [N.ratingNow]: uncomputedFormula('B2&"x"') })] });
    const file = await writeWithCells(input);
    const { code, stdout } = await run(main, ['check', file, '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.errors).toEqual([
      { sheet: SHEET.nominations, row: 2, column: N.name, message: expect.stringContaining('giá trị lỗi #NAME?') },
      { sheet: SHEET.nominations, row: 2, column: N.ratingNow, message: expect.stringContaining('«=B2&"x"» chưa được tính') },
    ]);
    expect(json.nominations[0]).toMatchObject({ name: '', eligible: false, failed: ['B1', 'B2'] });
    expect(json).toEqual(JSON.parse(JSON.stringify(evaluate(input).result)));
  });

  it('a merged range holds its value in the top-left cell only, as in Google Sheets', async () => {
    const input = workbook({ nominations: [GOOD_INDIVIDUAL, nomination(GOOD_INDIVIDUAL, { [N.unitCode]: '' })] });
    const unitColumn = input.sheets[4]!.values[0]!.indexOf(N.unitCode) + 1;
    const file = await writeWithCells(input, [{ sheet: 4, row: 2, col: unitColumn, down: true }]);
    const json = JSON.parse((await run(main, ['check', file, '--json'])).stdout);
    expect(json.errors).toEqual([{ sheet: SHEET.nominations, row: 3, column: N.unitCode, message: 'Thiếu mã đơn vị đề nghị.' }]);
    expect(json.nominations.map((v: { unit: string }) => v.unit)).toEqual(['X04', '']);
  });

  it('any workbook with the v2 shapes exits 0 with the core\'s own result, or 2 with one line; the file is never changed', async () => {
    await fc.assert(
      fc.asyncProperty(
        v2Workbook,
        fc.array(fc.record({ sheet: fc.nat(5), row: fc.integer({ min: 2, max: 4 }), col: fc.integer({ min: 1, max: 6 }), down: fc.boolean() }), { maxLength: 2 }),
        fc.boolean(),
        async (input, wanted, duplicate) => {
          // Non-overlapping merges, and what Sheets would give for them: the value in the top-left cell only.
          const merges = wanted.filter((m, i) => m.sheet < input.sheets.length && !wanted.slice(0, i).some((o) => o.sheet === m.sheet));
          const expected: WorkbookInput = { ...input, sheets: input.sheets.map((s) => ({ ...s, values: s.values.map((r) => [...r]) })) };
          for (const m of merges) {
            const values = expected.sheets[m.sheet]!.values;
            const [r, c] = m.down ? [m.row, m.col - 1] : [m.row - 1, m.col];
            while (values.length <= r) values.push([]);
            (values[r] as CellValue[])[c] = null;
          }
          if (duplicate) {
            const copy = expected.sheets[0]!;
            expected.sheets.push({ ...copy, name: copy.name.replace(/\s/g, '') === copy.name ? `${copy.name}\u00a0` : copy.name.replace(/\s/g, '') });
          }
          const file = await writeWithCells(expected, merges);
          const before = digest(file);
          const { code, stdout, stderr } = await run(main, ['check', file, '--json']);
          expect(digest(file)).toBe(before);
          let core;
          try {
            core = evaluate(expected).result;
          } catch (error) {
            expect(error).toBeInstanceOf(UnreadableWorkbook);
            expect(code).toBe(2);
            expect(stdout).toBe('');
            expect(stderr).toBe(`Lỗi: ${(error as Error).message}`);
            return;
          }
          expect(code).toBe(0);
          const json = JSON.parse(stdout);
          expectWellFormed(expected, json);
          expect(json).toEqual(JSON.parse(JSON.stringify(core)));
        },
      ),
      { numRuns: 12 },
    );
  }, 60000);
});
