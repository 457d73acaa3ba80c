/** One writing action at a time per spreadsheet: two people ranking at once would interleave writes. */

export const BUSY_MESSAGE =
  'Một người khác đang chạy một chức năng của Thi đua trên bảng tính này. Vui lòng đợi khoảng một phút rồi thử lại.';

function alertBusy(): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert('Thi đua', BUSY_MESSAGE, ui.ButtonSet.OK);
}

/**
 * Runs `action` holding the document lock; if it stays busy for 30 s, calls `onBusy` (by
 * default: tells the user) and skips. A trigger, with nobody to tell, passes its own.
 */
export function withDocumentLock(action: () => void, onBusy: () => void = alertBusy): void {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(30000)) {
    onBusy();
    return;
  }
  try {
    action();
  } finally {
    lock.releaseLock();
  }
}
