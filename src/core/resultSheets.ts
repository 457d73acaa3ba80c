/** The result sheets of a workbook's copy, the same whichever command writes it. */
import { INTAKE_COL, SHEET } from './contract';
import { checkIntake } from './intake';
import type { IntakeResult } from './intake';
import type { WorkbookInput } from './model';
import { movementClosing } from './movementSummary';
import type { MovementClosing } from './movementSummary';
import { outputSheets } from './outputs';
import type { Evaluation, OutputSheet, RowMark } from './results';
import { findSheet } from './sheets';
import { summarySheet } from './summarySheet';
import type { SheetChart } from './summarySheet';
import { normalizeKey } from './text';

const STATUS_MARK: Record<string, RowMark> = { [normalizeKey('Đủ')]: 'prize', [normalizeKey('Thiếu')]: 'warning', [normalizeKey('Trả lại')]: 'ineligible' };

/** `Tiếp nhận hồ sơ` as checked: the officer's cells as read, the check and status computed, rows coloured by status. */
export function intakeSheet(result: IntakeResult): OutputSheet {
  const [header = [], ...rows] = result.values;
  const statusAt = header.findIndex((h) => typeof h === 'string' && normalizeKey(h) === normalizeKey(INTAKE_COL.status));
  return {
    name: SHEET.intake,
    header: header.map(String),
    rows,
    marks: rows.map((r) => STATUS_MARK[normalizeKey(String(r[statusAt] ?? ''))] ?? null),
  };
}

/**
 * The run's three sheets, `Tiếp nhận hồ sơ` once the office keeps one (or when `thidua tiep-nhan`
 * asks), and `Tổng kết`. `run`, `tiep-nhan` and `tong-ket` all write the same copy, so each writes
 * every sheet: running one after another never drops what the previous one wrote.
 */
export function resultSheets(e: Evaluation, input: WorkbookInput, withIntake = false): {
  sheets: (OutputSheet & { charts?: SheetChart[] })[];
  intake: IntakeResult | null;
  closing: MovementClosing;
} {
  const recorded = findSheet(input, SHEET.intake);
  const kept = Boolean(recorded?.values.length);
  const intake = kept || withIntake ? checkIntake(e, recorded, input.timeZone) : null;
  const closing = movementClosing(e, kept && intake ? intake.entries : undefined);
  return { sheets: [...outputSheets(e), ...(intake ? [intakeSheet(intake)] : []), summarySheet(closing)], intake, closing };
}
