/**
 * The menu's three evaluations: read the input sheets, `evaluate` (core), write one output
 * sheet, tell the user what happened. Nothing here decides a rule.
 */
import type { WorkbookInput } from '../core/model';
import type { Evaluation } from '../core/results';
import { evaluate } from '../core/evaluate';
import { awardListSheet, rankingSheet, verdictSheet } from '../core/outputs';
import { UnreadableWorkbook } from '../core/sheets';
import { showErrors } from './errorsDialog';
import { alertUser, underDocumentLock } from './lock';
import { SheetIndex, readInputSheets, writeOutputSheet } from './sheetIO';
import { logActions } from './auditLog';

export const TITLE = 'Thi đua';

export interface Evaluated {
  index: SheetIndex;
  input: WorkbookInput;
  evaluation: Evaluation;
}

/**
 * Reads and evaluates the workbook; if it cannot be read (a required sheet is missing), gives
 * what to tell the user instead.
 */
export function evaluateActiveSpreadsheet(): Evaluated | string {
  const index = new SheetIndex(SpreadsheetApp.getActiveSpreadsheet());
  const input = readInputSheets(index);
  try {
    return { index, input, evaluation: evaluate(input) };
  } catch (error) {
    if (!(error instanceof UnreadableWorkbook)) throw error;
    return `${error.message}\n\nChọn menu Thi đua › Khởi tạo bảng tính để tạo các trang còn thiếu.`;
  }
}

/** Evaluates and writes under the lock; any alert comes after it is released (an alert loses the lock). */
function run(write: (e: Evaluated) => string): void {
  const done = underDocumentLock(() => {
    const evaluated = evaluateActiveSpreadsheet();
    if (typeof evaluated === 'string') return evaluated;
    const summary = write(evaluated);
    logActions([{ action: 'Ghi trang kết quả (menu Thi đua)', sheet: '', newValue: summary }]);
    const { errors } = evaluated.evaluation.result;
    evaluated.index.spreadsheet.toast(`${summary}; ${errors.length} lỗi.`, TITLE, 10);
    if (errors.length > 0) showErrors(evaluated.index, evaluated.input, errors);
    return null;
  });
  const tell = done.ran ? done.value : done.why;
  if (tell) alertUser(tell);
}

/** Xếp hạng: writes the `Xếp hạng` sheet. */
export function rankUnits(): void {
  run(({ index, evaluation }) => {
    writeOutputSheet(index, rankingSheet(evaluation));
    const { ranking, unranked } = evaluation.result;
    return `Đã xếp hạng ${ranking.length} đơn vị; ${unranked.length} đơn vị chưa xếp hạng`;
  });
}

/** Kiểm tra điều kiện: writes the `Kết quả xét` sheet. */
export function checkNominations(): void {
  run(({ index, evaluation }) => {
    writeOutputSheet(index, verdictSheet(evaluation));
    const { nominations, quota } = evaluation.result;
    const eligible = nominations.filter((n) => n.eligible).length;
    const overQuota = quota.filter((q) => !q.ok).length;
    const late = nominations.filter((n) => !n.window_ok).length;
    return (
      `Đã xét ${nominations.length} đề nghị: ${eligible} đủ điều kiện, ${nominations.length - eligible} không đủ; ` +
      `${overQuota} đơn vị vượt chỉ tiêu; ${late} hồ sơ ngoài thời hạn`
    );
  });
}

/** Lập danh sách khen thưởng: writes the `Danh sách khen thưởng` sheet. */
export function buildAwardList(): void {
  run(({ index, evaluation }) => {
    writeOutputSheet(index, awardListSheet(evaluation));
    const list = evaluation.awardList;
    const collectives = list.filter((a) => a.nomination.kind === 'collective').length;
    return `Danh sách khen thưởng: ${list.length} (${collectives} tập thể, ${list.length - collectives} cá nhân)`;
  });
}
