/** One writing action at a time per spreadsheet: two people ranking at once would interleave writes. */

export const BUSY_MESSAGE =
  'Một người khác đang chạy một chức năng của Thi đua trên bảng tính này. Vui lòng đợi khoảng một phút rồi thử lại.';

/** Runs `action` holding the document lock; if it stays busy for 30 s, tells the user and skips. */
export function withDocumentLock(action: () => void): void {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(30000)) {
    const ui = SpreadsheetApp.getUi();
    ui.alert('Thi đua', BUSY_MESSAGE, ui.ButtonSet.OK);
    return;
  }
  try {
    action();
  } finally {
    lock.releaseLock();
  }
}
