/** The workbook's errors as a dialog: sheet, row, column, message, and a link to each cell. */
import type { WorkbookError, WorkbookInput } from '../core/model';
import { findSheet } from '../core/sheets';
import { escapeHtml, showDialog } from './html';
import type { SheetIndex } from './sheetIO';
import { columnLetter, findHeader } from './sheetIO';

/** More would make a page too heavy to open; the rest are counted. */
const SHOWN = 300;

/** The address of a cell in this spreadsheet (`…/edit#gid=7&range=C5`), or null if it has none. */
export function cellLink(index: SheetIndex, input: WorkbookInput, gids: Map<string, number>, error: WorkbookError): string | null {
  const sheet = index.find(error.sheet);
  if (!sheet) return null;
  let gid = gids.get(error.sheet);
  if (gid === undefined) {
    gid = sheet.getSheetId();
    gids.set(error.sheet, gid);
  }
  const read = findSheet(input, error.sheet);
  const column = read && error.column ? findHeader(read, error.column)?.column : undefined;
  const range = error.row === null ? '' : `&range=${columnLetter(column ?? 1)}${error.row}`;
  return `${index.spreadsheet.getUrl()}#gid=${gid}${range}`;
}

export function errorsBody(index: SheetIndex, input: WorkbookInput, errors: WorkbookError[]): string {
  const gids = new Map<string, number>();
  const rows = errors.slice(0, SHOWN).map((e) => {
    const link = cellLink(index, input, gids, e);
    const place = escapeHtml(e.row === null ? 'Cả trang' : `Hàng ${e.row}`);
    const where = link ? `<a href="${escapeHtml(link)}">${place}</a>` : place;
    return `<tr><td>${escapeHtml(e.sheet)}</td><td>${where}</td><td>${escapeHtml(e.column ?? '')}</td><td>${escapeHtml(e.message)}</td></tr>`;
  });
  const more = errors.length > SHOWN ? `<p>… và ${errors.length - SHOWN} lỗi khác.</p>` : '';
  return (
    '<p>Hãy sửa các ô dưới đây rồi chạy lại chức năng. Nhấn vào số hàng để mở ô đó (trong thẻ mới).</p>' +
    `<table><tr><th>Trang</th><th>Vị trí</th><th>Cột</th><th>Lỗi</th></tr>${rows.join('')}</table>${more}`
  );
}

export function showErrors(index: SheetIndex, input: WorkbookInput, errors: WorkbookError[]): void {
  showDialog(`Dữ liệu có ${errors.length} lỗi`, errorsBody(index, input, errors), 760, 520);
}
