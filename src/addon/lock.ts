/**
 * One writing action at a time per spreadsheet: two people ranking at once would interleave writes.
 *
 * A dialog that waits for the user (`Ui.alert`, `prompt`) suspends the script, and the lock does
 * not survive it: ask before taking the lock, and tell after releasing it (`underDocumentLock`
 * hands back what to tell). With no document lock at all (`getDocumentLock()` is null outside a
 * container), a writing action is refused rather than run unlocked.
 */

export const BUSY_MESSAGE =
  'Một người khác đang chạy một chức năng của Thi đua trên bảng tính này. Vui lòng đợi khoảng một phút rồi thử lại.';

export const NO_LOCK_MESSAGE =
  'Thi đua không khóa được bảng tính để ghi (chức năng này được gọi ngoài bảng tính). Hãy mở bảng tính rồi chọn lại chức năng từ menu «Thi đua»; chưa có gì được ghi.';

export type Locked<T> = { ran: true; value: T } | { ran: false; why: string };

/** Runs `action` holding the document lock (waiting up to 30 s for it); says why not otherwise. */
export function underDocumentLock<T>(action: () => T): Locked<T> {
  const lock = LockService.getDocumentLock();
  if (!lock) return { ran: false, why: NO_LOCK_MESSAGE };
  if (!lock.tryLock(30000)) return { ran: false, why: BUSY_MESSAGE };
  try {
    return { ran: true, value: action() };
  } finally {
    lock.releaseLock();
  }
}

export function alertUser(text: string): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert('Thi đua', text, ui.ButtonSet.OK);
}

/**
 * Runs `action` holding the document lock; if the lock is busy or missing, calls `onBusy` (by
 * default: tells the user, once the lock is no longer wanted) and skips.
 */
export function withDocumentLock(action: () => void, onBusy: (why: string) => void = alertUser): void {
  const done = underDocumentLock(action);
  if (!done.ran) onBusy(done.why);
}
