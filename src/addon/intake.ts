/**
 * Kiểm tra tiếp nhận hồ sơ: reads the input sheets and `Tiếp nhận hồ sơ` once each, lets the
 * core check every nominating unit's dossier, and writes the sheet back in one `setValues()` —
 * the officer's cells as they were, the check and the status new, new units appended.
 */
import type { CellValue, SheetInput } from '../core/model';
import { SHEET } from '../core/contract';
import { evaluate } from '../core/evaluate';
import { checkIntake } from '../core/intake';
import type { IntakeResult } from '../core/intake';
import { UnreadableWorkbook } from '../core/sheets';
import { logActions } from './auditLog';
import { showErrors } from './errorsDialog';
import { alertUser, underDocumentLock } from './lock';
import { SheetIndex, asLiteral, readInputSheets } from './sheetIO';

const TITLE = 'Thi đua';

/** The intake sheet as it stands, read once (undefined when there is none). */
export function readIntake(index: SheetIndex): SheetInput | undefined {
  return readInputSheets(index, [SHEET.intake]).sheets[0];
}

/** The rows under the header that «Khởi tạo bảng tính» writes into a new intake sheet (none when the workbook cannot be read yet). */
export function initialIntakeRows(index: SheetIndex): CellValue[][] {
  try {
    return checkIntake(evaluate(readInputSheets(index)), undefined, index.spreadsheet.getSpreadsheetTimeZone()).values.slice(1);
  } catch (error) {
    if (error instanceof UnreadableWorkbook) return [];
    throw error;
  }
}

/** Writes the whole grid in one call; the header bold the first time the sheet is made. */
function writeIntake(index: SheetIndex, result: IntakeResult): void {
  let sheet = index.find(SHEET.intake);
  if (!sheet) {
    sheet = index.spreadsheet.insertSheet(SHEET.intake);
    index.add(SHEET.intake, sheet);
    sheet.setFrozenRows(1);
  }
  const width = Math.max(...result.values.map((r) => r.length));
  const rows = result.values.length;
  if (sheet.getMaxRows() < rows) sheet.insertRowsAfter(sheet.getMaxRows(), rows - sheet.getMaxRows());
  if (sheet.getMaxColumns() < width) sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
  const values = result.values.map((r) => Array.from({ length: width }, (_, j) => asLiteral(r[j])));
  sheet.getRange(1, 1, rows, width).setValues(values);
}

export function checkDossierIntake(): void {
  const done = underDocumentLock((): string | null => {
    const index = new SheetIndex(SpreadsheetApp.getActiveSpreadsheet());
    const input = readInputSheets(index);
    let result: IntakeResult;
    const intake = readIntake(index);
    try {
      result = checkIntake(evaluate(input), intake, input.timeZone);
    } catch (error) {
      if (!(error instanceof UnreadableWorkbook)) throw error;
      return `${error.message}\n\nChọn menu Thi đua › Khởi tạo bảng tính để tạo các trang còn thiếu.`;
    }
    writeIntake(index, result);
    const count = (status: string) => result.entries.filter((x) => x.status === status).length;
    const summary = `Tiếp nhận hồ sơ: ${result.entries.length} đơn vị — ${count('Đủ')} đủ, ${count('Thiếu')} thiếu, ${count('Trả lại')} trả lại`;
    logActions([{ action: 'Kiểm tra tiếp nhận hồ sơ (menu Thi đua)', sheet: SHEET.intake, newValue: summary }]);
    index.spreadsheet.toast(`${summary}; chỉ hồ sơ «Đủ» được trình Hội đồng.`, TITLE, 10);
    if (result.errors.length > 0) showErrors(index, { ...input, sheets: [...input.sheets, ...(intake ? [intake] : [])] }, result.errors);
    return null;
  });
  const tell = done.ran ? done.value : done.why;
  if (tell) alertUser(tell);
}
