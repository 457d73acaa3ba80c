/**
 * Phân quyền đơn vị: each unit's rows of `Chấm điểm` and `Đề nghị` can be edited only by the
 * addresses in its `Email` cell (and the owner); the `Điểm thẩm định` column, the header rows and
 * the `Email` column of `Đơn vị` only by the owner (else any editor could add their address to
 * another unit and then edit its rows). A unit's rows may be scattered: one protection per
 * contiguous run of its rows. Re-running removes this add-on's protections (found by their
 * description prefix) and makes them anew, so they never pile up; protections made by people are
 * left alone.
 *
 * A province has thousands of runs, each a few calls: the work is a chunked job (jobRunner),
 * resumable from its cursor. Sheets' rules: the runner adds themself as editor before removing
 * the others (else removing a group they edit through fails); a protection is removed only if
 * `canEdit()`; `setDomainEdit` is called only where the file has a domain (`canDomainEdit()` is
 * false on consumer files, where it would throw).
 */
import type { Unit } from '../core/model';
import { NOMINATION_COL, SCORE_COL, SHEET, UNIT_COL } from '../core/contract';
import { evaluate } from '../core/evaluate';
import { UnreadableWorkbook, findSheet } from '../core/sheets';
import { normalizeKey } from '../core/text';
import { contentHash } from './dossierRecords';
import type { JobDefinition, StepContext, StepOutcome } from './jobRunner';
import { openJobDialog } from './jobRunner';
import { SheetIndex, findHeader, readInputSheets } from './sheetIO';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

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

/** One thing to do: clear a sheet of our protections, or protect a block of it. */
type Task =
  | { clear: string }
  | { sheet: string; row: number; column: number; rows: number; columns: number | 'all'; description: string; emails: string[] };

/** Everything the job does, in order, from the workbook as it is; and what to tell the user. */
function plan(index: SheetIndex): { tasks: Task[]; problems: string[]; units: number } | string {
  const input = readInputSheets(index);
  let units: Unit[];
  try {
    units = evaluate(input).workbook.units;
  } catch (error) {
    if (error instanceof UnreadableWorkbook) return `${error.message}\n\nChọn menu Thi đua › Khởi tạo bảng tính để tạo các trang còn thiếu.`;
    throw error;
  }
  const tasks: Task[] = [];
  const problems: string[] = [];
  const protectedUnits = new Set<string>();
  const sheets = [[SHEET.scores, SCORE_COL.unitCode], [SHEET.nominations, NOMINATION_COL.unitCode]] as const;
  for (const [name] of sheets) tasks.push({ clear: name });
  tasks.push({ clear: SHEET.units });
  for (const [name, codeHeader] of sheets) {
    const sheet = index.find(name);
    const read = findSheet(input, name);
    const code = read && findHeader(read, codeHeader);
    if (!sheet || !read || !code) {
      problems.push(`Trang «${name}»: không thấy cột «${codeHeader}», chưa phân quyền được trang này.`);
      continue;
    }
    const actual = index.nameOf(name) ?? name;
    tasks.push({ sheet: actual, row: 1, column: 1, rows: code.row, columns: 'all', description: `${name} – hàng tiêu đề`, emails: [] });
    const { runs, unknown } = unitRuns(read.values.slice(code.row).map((r) => r[code.column - 1]), code.row + 1, units);
    for (const run of runs) {
      const rows = run.first === run.last ? `hàng ${run.first}` : `hàng ${run.first}–${run.last}`;
      tasks.push({ sheet: actual, row: run.first, column: 1, rows: run.last - run.first + 1, columns: 'all', description: `${name} – đơn vị ${run.unit.code} (${rows})`, emails: run.unit.emails });
      protectedUnits.add(run.unit.code);
    }
    if (unknown.length > 0) problems.push(`Trang «${name}»: hàng ${unknown.join(', ')} có mã đơn vị không có trong trang «${SHEET.units}», chưa được phân quyền.`);
    const appraised = name === SHEET.scores ? findHeader(read, SCORE_COL.appraisedPoints) : null;
    if (appraised) tasks.push({ sheet: actual, row: code.row + 1, column: appraised.column, rows: 0, columns: 1, description: `${name} – cột «${SCORE_COL.appraisedPoints}» (chỉ chủ sở hữu)`, emails: [] });
  }
  const unitSheet = findSheet(input, SHEET.units);
  const email = unitSheet && findHeader(unitSheet, UNIT_COL.emails);
  if (email) {
    tasks.push({ sheet: index.nameOf(SHEET.units) ?? SHEET.units, row: email.row + 1, column: email.column, rows: 0, columns: 1, description: `${SHEET.units} – cột «${UNIT_COL.emails}» (chỉ chủ sở hữu)`, emails: [] });
  } else {
    problems.push(`Trang «${SHEET.units}»: không thấy cột «${UNIT_COL.emails}», chưa khóa được cột này.`);
  }
  const withoutEmail = units.filter((u) => protectedUnits.has(u.code) && u.emails.length === 0).map((u) => u.code);
  if (withoutEmail.length > 0) problems.push(`Đơn vị ${withoutEmail.join(', ')} chưa có email ở trang «${SHEET.units}»: chỉ chủ sở hữu sửa được các hàng của các đơn vị này.`);
  return { tasks, problems, units: protectedUnits.size };
}

/** Removes this add-on's protections of a sheet until the deadline; true when none is left. */
function clear(sheet: Sheet, deadline: number, now: () => number, problems: string[]): boolean {
  for (const protection of sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE)) {
    if (!protection.getDescription().startsWith(PROTECTION_PREFIX)) continue;
    if (now() >= deadline) return false;
    if (protection.canEdit()) protection.remove();
    else problems.push(`Trang «${sheet.getName()}»: không gỡ được vùng bảo vệ «${protection.getDescription()}» (bạn không có quyền sửa vùng đó); nhờ chủ sở hữu chạy lại.`);
  }
  return true;
}

/** Protects a block so only `emails` (besides the owner, whom Sheets always keeps) may edit it. */
function restrict(sheet: Sheet, t: Extract<Task, { sheet: string }>, runner: string, problems: string[]): void {
  const rows = t.rows || sheet.getMaxRows() - t.row + 1;
  if (rows < 1) return;
  const columns = t.columns === 'all' ? sheet.getMaxColumns() : t.columns;
  const protection = sheet.getRange(t.row, t.column, rows, columns).protect().setDescription(`${PROTECTION_PREFIX}${t.description}`);
  // The runner first: removing the others would fail if their edit right came through a group.
  if (runner) protection.addEditor(runner);
  protection.removeEditors(protection.getEditors().filter((u) => u.getEmail() !== runner));
  if (protection.canDomainEdit()) protection.setDomainEdit(false);
  if (t.emails.length === 0) return;
  try {
    protection.addEditors(t.emails);
  } catch (error) {
    problems.push(`${t.description}: không thêm được người sửa ${t.emails.join(', ')} (${(error as Error).message}).`);
  }
}

function protectionStep({ spreadsheet, job, deadline, clock }: StepContext): StepOutcome {
  const index = new SheetIndex(spreadsheet);
  const planned = plan(index);
  if (typeof planned === 'string') return { done: 0, total: 0, finished: true, halted: true, message: planned };
  const { tasks, problems } = planned;
  // The workbook changed since the last step (rows moved): start again from a clean slate.
  const fingerprint = contentHash(JSON.stringify(tasks));
  const saved = job.note.startsWith(`${fingerprint}\n`) ? (JSON.parse(job.note.slice(fingerprint.length + 1)) as string[]) : null;
  let next = saved ? job.done : 0;
  // What went wrong in earlier steps is told at the end too (at most the first 30).
  const seen = saved ?? [];
  const runner = Session.getEffectiveUser().getEmail();
  const now = () => clock.now();
  for (; next < tasks.length; next++) {
    if (now() >= deadline) break;
    const t = tasks[next]!;
    const sheet = index.find('clear' in t ? t.clear : t.sheet);
    if (!sheet) continue;
    if ('clear' in t) {
      if (!clear(sheet, deadline, now, seen)) break;
    } else {
      restrict(sheet, t, runner, seen);
    }
  }
  if (next < tasks.length) {
    return { done: next, total: tasks.length, finished: false, note: `${fingerprint}\n${JSON.stringify(seen.slice(0, 30))}`, message: `Đang phân quyền: ${next}/${tasks.length} vùng…` };
  }
  problems.push(...new Set(seen));
  const made = tasks.filter((t) => !('clear' in t)).length;
  const notes = problems.length ? `\n\nCần lưu ý:\n${problems.map((p) => `• ${p}`).join('\n')}` : '';
  return { done: tasks.length, total: tasks.length, finished: true, message: `Đã đặt ${made} vùng bảo vệ cho ${planned.units} đơn vị.${notes}` };
}

export const protectionJob: JobDefinition = {
  kind: 'phanQuyen',
  title: 'Phân quyền đơn vị',
  choice: (spreadsheet) => {
    const planned = plan(new SheetIndex(spreadsheet));
    return { selected: [], all: typeof planned === 'string' ? 0 : planned.units, warning: typeof planned === 'string' ? planned : '' };
  },
  step: protectionStep,
};

/** Menu «Phân quyền đơn vị»: the progress dialog runs the job. */
export function protectUnitRows(): void {
  openJobDialog('phanQuyen', 'Phân quyền đơn vị');
}
