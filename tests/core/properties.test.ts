/** Property tests: whatever a workbook holds, the run finishes and no input cell changes. */
import fc from 'fast-check';
import type { CellValue, Evaluation, WorkbookInput } from '../../src/core';
import { cellFault, evaluate, normalizeKey, NOMINATION_COL, outputSheets, SHEET, UnreadableWorkbook } from '../../src/core';
import { roundTo } from '../../src/core/ranking';
import { GOOD_COLLECTIVE, GOOD_INDIVIDUAL, workbook } from '../helpers/workbook';
import { expectWellFormed, faultCell, v2Workbook } from './shapes';

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(''),
  fc.constant(null),
  fc.boolean(),
  fc.double({ noNaN: false }),
  fc.integer({ min: -5, max: 120 }),
  fc.string(),
  fc.constantFrom('Có', 'Không', 'x', 'HTTNV', 'HTNV', 'Tập thể', 'Cá nhân', 'X01', 'CQ01', 'TC1', '95%', '05/01/2023', '31/02/2023', '=SUM(A1)', '<b>x</b>', 'Xã, thị trấn'),
  fc.constantFrom('x01', ' X 01 ', 'FALSE', 'không có', '-', 'Nhóm'),
  faultCell,
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

/** Evaluates and writes the outputs, checking that no input cell changed and the result is well formed. */
function judgeUnchanged(input: WorkbookInput): Evaluation {
  const before = copy(input);
  const e = evaluate(input);
  outputSheets(e);
  expect(copy(input)).toEqual(before);
  expectWellFormed(input, e.result);
  return e;
}

describe('any workbook', () => {
  it('is judged without crashing, every row gets a verdict, and no input cell is changed', () => {
    fc.assert(
      fc.property(damagedWorkbook, (input) => {
        judgeUnchanged(input);
      }),
      { numRuns: 300 },
    );
  });

  it('with random headers too, it either reads or says which sheet is missing', () => {
    const anySheets = fc.array(
      fc.record({ name: fc.constantFrom('Cấu hình', 'Đơn vị', 'Tiêu chí', 'Chấm điểm', 'Đề nghị', 'ĐỀ NGHỊ ', 'Đềnghị', 'Khác'), values: rows(6) }),
      { maxLength: 7 },
    );
    fc.assert(
      fc.property(anySheets, (sheets) => {
        try {
          evaluate({ sheets, timeZone: 'UTC' });
        } catch (error) {
          expect(error).toBeInstanceOf(UnreadableWorkbook);
          expect((error as Error).message).toMatch(/^(Không tìm thấy trang|Có \d+ trang cùng mang tên)/);
        }
      }),
      { numRuns: 300 },
    );
  });
});

/** The shapes of workbook.md «v2 decisions», mixed at random into a passing workbook. */
describe('workbooks with the v2 edge-case shapes', () => {
  it('are read without throwing, with located errors, consistent ranks and verdicts, and no input cell changed', () => {
    fc.assert(
      fc.property(v2Workbook, (input) => {
        const e = judgeUnchanged(input);
        // Ranks and ties follow the totals at the ranking's precision.
        const decimals = e.workbook.settings.rankingDecimals;
        for (const a of e.result.ranking) {
          for (const b of e.result.ranking.filter((r) => r.block === a.block)) {
            const [ra, rb] = [roundTo(a.score, decimals), roundTo(b.score, decimals)];
            expect(ra === rb ? a.rank === b.rank : (ra > rb) === (a.rank < b.rank)).toBe(true);
          }
        }
        // One quota entry per unit, whatever the case and spacing of its code.
        const quotaKeys = e.result.quota.map((q) => normalizeKey(q.unit));
        expect(new Set(quotaKeys).size).toBe(quotaKeys.length);
        // Every cell of Đề nghị without a value is an error on that very cell.
        const sheet = input.sheets.find((s) => normalizeKey(s.name) === normalizeKey(SHEET.nominations))!;
        const headers = (sheet.values[0] ?? []).map((h) => Object.values(NOMINATION_COL).find((c) => typeof h === 'string' && normalizeKey(h) === normalizeKey(c)));
        sheet.values.forEach((cells, r) => {
          if (r === 0) return;
          cells.forEach((cell, c) => {
            if (headers[c] && cellFault(cell)) {
              expect(e.result.errors).toContainEqual(expect.objectContaining({ sheet: sheet.name, row: r + 1, column: headers[c] }));
            }
          });
        });
      }),
      { numRuns: 200 },
    );
  });

  it('with a second sheet of the same name are unreadable, naming both', () => {
    fc.assert(
      fc.property(v2Workbook, fc.nat(), fc.constantFrom((n: string) => n.toUpperCase(), (n: string) => `${n} `, (n: string) => n.replace(/ /g, '')), (input, pick, respell) => {
        const original = input.sheets[pick % input.sheets.length]!;
        input.sheets.push({ ...original, name: respell(original.name) });
        expect(() => evaluate(input)).toThrow(UnreadableWorkbook);
        expect(() => evaluate(input)).toThrow(`«${original.name}», «${respell(original.name)}»`);
      }),
      { numRuns: 50 },
    );
  });
});
