/**
 * Phân quyền đơn vị: each unit's rows of `Chấm điểm` and `Đề nghị` can be edited only by the
 * addresses in its `Email` cell (and the owner); the `Điểm thẩm định` column and the header
 * rows only by the owner. A unit's rows may be scattered: one protection per contiguous run of
 * its rows. Re-running removes this add-on's protections (found by their description prefix)
 * and makes them anew, so they never pile up; protections made by people are left alone.
 */
import type { Unit } from '../core/model';
import { NOMINATION_COL, SCORE_COL, SHEET } from '../core/contract';
import { findSheet } from '../core/sheets';
import { normalizeKey } from '../core/text';
import { TITLE, evaluateActiveSpreadsheet } from './actions';
import { withDocumentLock } from './lock';
import { findHeader } from './sheetIO';

type Range = GoogleAppsScript.Spreadsheet.Range;

export const PROTECTION_PREFIX = 'Thi đua: ';

/** A run of consecutive rows of one unit. */
export interface RowRun {
  unit: Unit;
  first: number;
  last: number;
}

/**
 * Groups the rows of a code column into runs of the same known unit. `codes[i]` is the cell of
 * sheet row `firstRow + i`; rows of unknown or empty codes are returned apart.
 */
export function unitRuns(codes: unknown[], firstRow: number, units: Unit[]): { runs: RowRun[]; unknown: number[] } {
  const byKey = new Map(units.map((u) => [normalizeKey(u.code), u]));
  const runs: RowRun[] = [];
  const unknown: number[] = [];
  codes.forEach((cell, i) => {
    const row = firstRow + i;
    const text = typeof cell === 'string' || typeof cell === 'number' ? String(cell).trim() : '';
    if (text === '') return;
    const unit = byKey.get(normalizeKey(text));
    if (!unit) {
      unknown.push(row);
      return;
    }
    const last = runs[runs.length - 1];
    if (last && last.unit === unit && last.last === row - 1) last.last = row;
    else runs.push({ unit, first: row, last: row });
  });
  return { runs, unknown };
}

/** Protects a range so only `emails` (besides the owner, whom Sheets always keeps) may edit it. */
function restrict(range: Range, description: string, emails: string[], problems: string[]): void {
  const protection = range.protect().setDescription(`${PROTECTION_PREFIX}${description}`);
  protection.removeEditors(protection.getEditors());
  if (protection.canDomainEdit()) protection.setDomainEdit(false);
  if (emails.length === 0) return;
  try {
    protection.addEditors(emails);
  } catch (error) {
    problems.push(`${description}: không thêm được người sửa ${emails.join(', ')} (${(error as Error).message}).`);
  }
}

export function protectUnitRows(): void {
  withDocumentLock(() => {
    const evaluated = evaluateActiveSpreadsheet();
    if (!evaluated) return;
    const { index, input, evaluation } = evaluated;
    const { units } = evaluation.workbook;
    const problems: string[] = [];
    let count = 0;
    const protectedUnits = new Set<string>();

    for (const [name, codeHeader] of [[SHEET.scores, SCORE_COL.unitCode], [SHEET.nominations, NOMINATION_COL.unitCode]] as const) {
      const sheet = index.find(name);
      const read = findSheet(input, name);
      const code = read && findHeader(read, codeHeader);
      if (!sheet || !read || !code) {
        problems.push(`Trang «${name}»: không thấy cột «${codeHeader}», chưa phân quyền được trang này.`);
        continue;
      }
      for (const protection of sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE)) {
        if (protection.getDescription().startsWith(PROTECTION_PREFIX)) protection.remove();
      }
      const columns = sheet.getMaxColumns();
      const maxRows = sheet.getMaxRows();
      restrict(sheet.getRange(1, 1, code.row, columns), `${name} – hàng tiêu đề`, [], problems);
      count++;

      const codes = read.values.slice(code.row).map((r) => r[code.column - 1]);
      const { runs, unknown } = unitRuns(codes, code.row + 1, units);
      for (const run of runs) {
        const rows = run.first === run.last ? `hàng ${run.first}` : `hàng ${run.first}–${run.last}`;
        restrict(sheet.getRange(run.first, 1, run.last - run.first + 1, columns), `${name} – đơn vị ${run.unit.code} (${rows})`, run.unit.emails, problems);
        protectedUnits.add(run.unit.code);
        count++;
      }
      if (unknown.length > 0) {
        problems.push(`Trang «${name}»: hàng ${unknown.join(', ')} có mã đơn vị không có trong trang «${SHEET.units}», chưa được phân quyền.`);
      }
      if (name === SHEET.scores) {
        const appraised = findHeader(read, SCORE_COL.appraisedPoints);
        if (appraised && maxRows > code.row) {
          restrict(sheet.getRange(code.row + 1, appraised.column, maxRows - code.row, 1), `${name} – cột «${SCORE_COL.appraisedPoints}» (chỉ chủ sở hữu)`, [], problems);
          count++;
        }
      }
    }
    const withoutEmail = units.filter((u) => protectedUnits.has(u.code) && u.emails.length === 0).map((u) => u.code);
    if (withoutEmail.length > 0) {
      problems.push(`Đơn vị ${withoutEmail.join(', ')} chưa có email ở trang «${SHEET.units}»: chỉ chủ sở hữu sửa được các hàng của các đơn vị này.`);
    }
    index.spreadsheet.toast(`Đã đặt ${count} vùng bảo vệ cho ${protectedUnits.size} đơn vị.`, TITLE, 10);
    if (problems.length > 0) {
      const ui = SpreadsheetApp.getUi();
      ui.alert(TITLE, `Phân quyền xong, nhưng cần lưu ý:\n\n${problems.map((p) => `• ${p}`).join('\n')}`, ui.ButtonSet.OK);
    }
  });
}
