/** Property tests: whatever a workbook holds, the run finishes and no input cell changes. */
import fc from 'fast-check';
import type { CellValue, WorkbookInput } from '../../src/core';
import { evaluate, outputSheets, UnreadableWorkbook } from '../../src/core';
import { GOOD_COLLECTIVE, GOOD_INDIVIDUAL, workbook } from '../helpers/workbook';

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(''),
  fc.constant(null),
  fc.boolean(),
  fc.double({ noNaN: false }),
  fc.integer({ min: -5, max: 120 }),
  fc.string(),
  fc.constantFrom('Có', 'Không', 'x', 'HTTNV', 'HTNV', 'Tập thể', 'Cá nhân', 'X01', 'CQ01', 'TC1', '95%', '05/01/2023', '31/02/2023', '=SUM(A1)', '<b>x</b>', 'Xã, thị trấn'),
  fc.date({ noInvalidDate: false }),
);

const rows = (width: number) => fc.array(fc.array(cell, { minLength: 0, maxLength: width + 2 }), { maxLength: 12 });

/** A workbook of the contract's shape whose cells are anything at all, sometimes missing columns. */
const damagedWorkbook: fc.Arbitrary<WorkbookInput> = fc
  .record({
    units: rows(5), criteria: rows(4), scores: rows(5), nominations: rows(20), settings: rows(2),
    dropColumn: fc.option(fc.nat(19)), timeZone: fc.constantFrom('UTC', 'Asia/Ho_Chi_Minh'),
  })
  .map(({ units, criteria, scores, nominations, settings, dropColumn, timeZone }) => {
    const base = workbook({ nominations: [GOOD_COLLECTIVE, GOOD_INDIVIDUAL], timeZone });
    const extra: Record<string, CellValue[][]> = {
      'Cấu hình': settings, 'Đơn vị': units, 'Tiêu chí': criteria, 'Chấm điểm': scores, 'Đề nghị': nominations,
    };
    for (const sheet of base.sheets) {
      sheet.values = [...sheet.values, ...(extra[sheet.name] ?? [])];
      if (dropColumn !== null && sheet.name === 'Đề nghị') sheet.values = sheet.values.map((r) => r.filter((_, i) => i !== dropColumn));
    }
    return base;
  });

// A date is compared by its time, so that an invalid date (NaN) equals itself.
const copy = (input: WorkbookInput) => input.sheets.map((s) => s.values.map((r) => r.map((c) => (c instanceof Date ? { date: c.getTime() } : c))));

describe('any workbook', () => {
  it('is judged without crashing, every row gets a verdict, and no input cell is changed', () => {
    fc.assert(
      fc.property(damagedWorkbook, (input) => {
        const before = copy(input);
        const e = evaluate(input);
        outputSheets(e);
        expect(copy(input)).toEqual(before);
        for (const error of e.result.errors) expect(error.message).toMatch(/\S/);
        for (const v of e.result.nominations) expect(v.eligible).toBe(v.failed.length === 0);
      }),
      { numRuns: 300 },
    );
  });

  it('with random headers too, it either reads or says which sheet is missing', () => {
    const anySheets = fc.array(
      fc.record({ name: fc.constantFrom('Cấu hình', 'Đơn vị', 'Tiêu chí', 'Chấm điểm', 'Đề nghị', 'Khác'), values: rows(6) }),
      { maxLength: 7 },
    );
    fc.assert(
      fc.property(anySheets, (sheets) => {
        try {
          evaluate({ sheets, timeZone: 'UTC' });
        } catch (error) {
          expect(error).toBeInstanceOf(UnreadableWorkbook);
          expect((error as Error).message).toContain('Không tìm thấy trang');
        }
      }),
      { numRuns: 300 },
    );
  });
});
