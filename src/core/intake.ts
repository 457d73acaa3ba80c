/**
 * Tiếp nhận hồ sơ (issue 11): the standing body checks each nominating unit's dossier — D1, D2,
 * one D3 per nominee, the votes, the window (M3), the quota (P4), each nominee eligible — from
 * the evaluation and the workbook's facts. `Đủ` and `Thiếu` are computed; `Trả lại` and its
 * reason are the officer's and are kept. Only `Đủ` dossiers go forward to the council.
 */
import * as z from 'zod/mini';
import { cellFault, isEmptyCell, readDate, readText } from './cells';
import { DOSSIER_COL, INTAKE_CHANNELS, INTAKE_COL, INTAKE_STATUSES, NOMINATION_COL, SHEET } from './contract';
import type { IntakeStatus } from './contract';
import type { CalendarDate, CellValue, Nomination, SheetInput, UnitDossier, WorkbookError } from './model';
import type { Evaluation, NominationVerdict, UnitQuota } from './results';
import { checkWindow } from './quota';
import { readTable } from './sheets';
import { normalizeKey } from './text';

/** One unit's intake, as h3's summary report and the council package take it. */
export interface IntakeEntry {
  unit: string;
  status: IntakeStatus;
  /** What is missing (`Thiếu`), the officer's reason (`Trả lại`), or '' (`Đủ`). */
  reason: string;
}

export interface IntakeResult {
  /** The sheet's values to write back whole (header first): officer's cells as read, computed cells new. */
  values: CellValue[][];
  /** The header's column (0-based) of each computed cell, so a host may colour or protect them. */
  computedColumns: { check: number; status: number };
  entries: IntakeEntry[];
  errors: WorkbookError[];
}

const keyed = <T extends string>(words: readonly T[]) => {
  const byKey = new Map(words.map((w) => [normalizeKey(w), w]));
  return z.pipe(z.string(), z.transform((s) => byKey.get(normalizeKey(s)) ?? null));
};
const statusCell = keyed(INTAKE_STATUSES);
const INTAKE_KEYS = Object.keys(INTAKE_COL) as (keyof typeof INTAKE_COL)[];
const channelCell = keyed(INTAKE_CHANNELS);

/** The workbook's facts by unit key, built once per check (a province has thousands of units). */
interface IntakeIndex {
  nominations: Map<string, Nomination[]>;
  dossiers: Map<string, UnitDossier>;
  reports: Set<string> | null;
  verdicts: Map<number, NominationVerdict>;
  quota: Map<string, UnitQuota>;
}

const reportKey = (unit: string, name: string) => `${normalizeKey(unit)}\u0000${normalizeKey(name)}`;

function indexFacts(e: Evaluation): IntakeIndex {
  const nominations = new Map<string, Nomination[]>();
  for (const n of e.workbook.nominations) {
    const key = normalizeKey(n.unitCode);
    nominations.set(key, [...(nominations.get(key) ?? []), n]);
  }
  const dossiers = new Map<string, UnitDossier>();
  for (const d of e.workbook.dossiers) if (!dossiers.has(normalizeKey(d.unitCode))) dossiers.set(normalizeKey(d.unitCode), d);
  return {
    nominations,
    dossiers,
    reports: e.workbook.reports ? new Set(e.workbook.reports.map((r) => reportKey(r.unitCode, r.name))) : null,
    verdicts: new Map(e.result.nominations.map((v) => [v.row, v])),
    quota: new Map(e.result.quota.map((q) => [normalizeKey(q.unit), q])),
  };
}

/** What a unit's dossier lacks, one phrase each; empty when it is complete. */
function missingParts(e: Evaluation, index: IntakeIndex, unitCode: string, receivedOn: CalendarDate | null): string[] {
  const key = normalizeKey(unitCode);
  const nominations = index.nominations.get(key) ?? [];
  const dossier = index.dossiers.get(key);
  const { reports, verdicts } = index;
  const missing: string[] = [];
  if (!nominations.length) missing.push(`không có đề nghị nào ở trang «${SHEET.nominations}»`);
  if (!dossier?.meetingDate) missing.push(`D1 biên bản họp xét (trang «${SHEET.dossiers}» chưa có «${DOSSIER_COL.meetingDate}»)`);
  const letter = [!dossier?.letterNumber && DOSSIER_COL.letterNumber, !dossier?.letterDate && DOSSIER_COL.letterDate].filter(Boolean);
  if (letter.length) missing.push(`D2 tờ trình (trang «${SHEET.dossiers}» chưa có ${letter.map((c) => `«${c}»`).join(', ')})`);
  // D3: the report's content is the nominee's row in `Báo cáo thành tích` or, without one, the
  // summary of achievements the tool pre-fills the report from.
  const names = (list: typeof nominations) => list.map((n) => `«${n.name.trim() || `hàng ${n.row}`}»`).join(', ');
  const noReport = nominations.filter((n) => !n.summary.trim() && !reports?.has(reportKey(unitCode, n.name)));
  if (noReport.length) {
    const where = reports ? `chưa có hàng ở trang «${SHEET.reports}» và chưa có «${NOMINATION_COL.summary}»` : `chưa có «${NOMINATION_COL.summary}»`;
    missing.push(`D3 báo cáo thành tích của ${names(noReport)} (${where})`);
  }
  const unvoted = nominations.filter((n) => n.votesInFavour === null);
  if (unvoted.length) missing.push(`số phiếu đồng ý của ${names(unvoted)}`);
  // M3: the date the office received the dossier; without one, the dates the unit gave in `Đề nghị`.
  const late = receivedOn
    ? [checkWindow(receivedOn, e.workbook.settings)].filter((w) => !w.ok)
    : nominations.map((n) => checkWindow(n.submittedOn, e.workbook.settings)).filter((w) => !w.ok);
  const firstLate = late[0];
  if (firstLate) missing.push(firstLate.message.replace(/\.$/, ''));
  const quota = index.quota.get(key);
  if (quota && !quota.ok) missing.push(quota.message.replace(/\.$/, ''));
  const ineligible = nominations.filter((n) => verdicts.get(n.row)?.eligible === false);
  if (ineligible.length) missing.push(`${names(ineligible)} không đủ điều kiện khen thưởng (xem trang «${SHEET.verdicts}»)`);
  return missing;
}

/**
 * Checks every nominating unit's dossier against the sheet `Tiếp nhận hồ sơ` as the officer
 * left it (`sheet` undefined when there is none yet): one row per unit with nominations, in
 * `Đơn vị`'s order, new units appended; every cell the officer typed is written back as read.
 */
/**
 * The intake as the standing body recorded it, for the summary report: undefined when the workbook
 * has no `Tiếp nhận hồ sơ` (the report then says the intake was not recorded, rather than count
 * every dossier as returned or accepted).
 */
export function recordedIntake(e: Evaluation, sheet: SheetInput | undefined, timeZone: string): IntakeEntry[] | undefined {
  return sheet?.values.length ? checkIntake(e, sheet, timeZone).entries : undefined;
}

export function checkIntake(e: Evaluation, sheet: SheetInput | undefined, timeZone: string): IntakeResult {
  const errors: WorkbookError[] = [];
  const existing = sheet?.values.length ? sheet.values : null;
  const headerIndex = existing && sheet ? readTable(sheet, INTAKE_COL, [], INTAKE_KEYS).headerRow - 1 : 0;
  const values: CellValue[][] = existing ? existing.slice(0, headerIndex + 1).map((r) => [...r]) : [[]];
  const headRow = values[headerIndex] as CellValue[];
  // Every contract column the sheet lacks is added at the end of its header.
  const column = {} as Record<keyof typeof INTAKE_COL, number>;
  for (const [k, title] of Object.entries(INTAKE_COL) as [keyof typeof INTAKE_COL, string][]) {
    let at = headRow.findIndex((c) => typeof c === 'string' && normalizeKey(c) === normalizeKey(title));
    if (at < 0) {
      at = headRow.length;
      headRow.push(title);
    }
    column[k] = at;
  }
  const width = headRow.length;
  const report = (row: number, col: string, message: string) => errors.push({ sheet: sheet?.name ?? SHEET.intake, row, column: col, message });

  const facts = indexFacts(e);
  const units = new Map(e.workbook.units.map((u) => [normalizeKey(u.code), u]));
  const unitOrder = e.workbook.units.filter((u) => facts.nominations.has(normalizeKey(u.code)));
  const seen = new Set<string>();
  const entries: IntakeEntry[] = [];
  const fill = (cells: CellValue[], rowNumber: number | null) => {
    const cell = (k: keyof typeof INTAKE_COL) => cells[column[k]];
    const unitCode = readText(cell('unitCode'), timeZone);
    const unit = units.get(normalizeKey(unitCode));
    if (unit && isEmptyCell(cell('unitName'))) cells[column.unitName] = unit.name;
    const date = readDate(cell('receivedOn'), timeZone);
    if (!date.ok && rowNumber) report(rowNumber, INTAKE_COL.receivedOn, date.message);
    const channelText = readText(cell('channel'), timeZone);
    if (channelText && !channelCell.parse(channelText) && rowNumber) {
      report(rowNumber, INTAKE_COL.channel, `Hình thức nộp «${channelText}» không hợp lệ; hãy chọn ${INTAKE_CHANNELS.map((c) => `«${c}»`).join(' hoặc ')}.`);
    }
    const typed = statusCell.parse(readText(cell('status'), timeZone));
    const reason = readText(cell('reason'), timeZone);
    const missing = unit ? missingParts(e, facts, unit.code, date.ok ? date.value : null) : [`mã đơn vị «${unitCode}» không có trong trang «${SHEET.units}»`];
    cells[column.check] = missing.length ? `Thiếu: ${missing.join('; ')}.` : 'Đủ thành phần, trong hạn, trong chỉ tiêu, các đề nghị đủ điều kiện.';
    let status: IntakeStatus;
    if (typed === 'Trả lại') {
      status = 'Trả lại';
      if (!reason && rowNumber) report(rowNumber, INTAKE_COL.reason, `Hồ sơ của đơn vị ${unitCode} được ghi «Trả lại» nhưng chưa có lý do; hãy ghi lý do trả lại ở cột «${INTAKE_COL.reason}».`);
    } else status = missing.length ? 'Thiếu' : 'Đủ';
    cells[column.status] = status;
    entries.push({ unit: unit?.code ?? unitCode, status, reason: status === 'Trả lại' ? reason : status === 'Thiếu' ? missing.join('; ') : '' });
  };

  for (const row of existing?.slice(headerIndex + 1) ?? []) {
    const cells = [...row, ...Array<CellValue>(Math.max(0, width - row.length)).fill('')];
    values.push(cells);
    const blank = cells.every((c) => isEmptyCell(c) || cellFault(c) !== null);
    if (blank) continue;
    const unitCode = readText(cells[column.unitCode], timeZone);
    const rowNumber = values.length;
    if (!unitCode) {
      report(rowNumber, INTAKE_COL.unitCode, 'Thiếu mã đơn vị; hãy ghi mã đơn vị như ở trang «Đơn vị» hoặc xóa hàng này.');
      continue;
    }
    const key = normalizeKey(unitCode);
    if (seen.has(key)) {
      report(rowNumber, INTAKE_COL.unitCode, `Đơn vị ${unitCode} có hơn một hàng; đang dùng hàng đầu tiên, hãy xóa hàng thừa.`);
      continue;
    }
    seen.add(key);
    fill(cells, rowNumber);
  }
  for (const unit of unitOrder) {
    if (seen.has(normalizeKey(unit.code))) continue;
    const cells = Array<CellValue>(width).fill('');
    cells[column.unitCode] = unit.code;
    cells[column.unitName] = unit.name;
    values.push(cells);
    fill(cells, null);
  }
  return { values, computedColumns: { check: column.check, status: column.status }, entries, errors };
}

/** The codes of the units whose dossier goes forward to the council (`Đủ`). */
export const acceptedUnits = (entries: IntakeEntry[]): Set<string> =>
  new Set(entries.filter((x) => x.status === 'Đủ').map((x) => normalizeKey(x.unit)));
