/**
 * A person editing the fake spreadsheet, and the installable on-edit triggers that fire for it,
 * as Sheets documents them (guides/triggers/events): the event has `range`, `source`,
 * `triggerUid`, `authMode`; `value` and `oldValue` only for a one-cell edit (`oldValue` absent
 * when the cell was empty); `user` only when Google tells. The trigger runs as its creator,
 * whoever edited. Edits made by scripts fire nothing: only this function does.
 */
import type { FakeGoogle } from './index';
import type { Value } from './spreadsheetApp';

export interface PersonEdit {
  sheet: string;
  /** The top-left cell, e.g. `C5`; `values` decides the size. */
  at: string;
  values: Value[][];
  /** The editor's address; undefined: Google does not say who (consumer account, other domain). */
  user?: string;
}

/** Applies the edit as typed (no script protections apply to this test's person) and fires every on-edit trigger. */
export function personEdits(google: FakeGoogle, edit: PersonEdit, handlers: Record<string, (e: unknown) => unknown>): void {
  const sheet = google.spreadsheet.sheet(edit.sheet);
  if (!sheet) throw new Error(`No sheet ${edit.sheet}`);
  const start = sheet.getRange(edit.at);
  const rows = edit.values.length;
  const columns = edit.values[0]?.length ?? 1;
  const oneCell = rows === 1 && columns === 1;
  const before = sheet.peek(start.row, start.column)?.value ?? '';
  edit.values.forEach((row, i) => row.forEach((v, j) => {
    const cell = sheet.cell(start.row + i, start.column + j);
    cell.value = v;
    cell.formula = '';
  }));
  const range = sheet.getRange(start.row, start.column, rows, columns);
  const asRun = { active: google.ctx.activeUser, effective: google.ctx.effectiveUser };
  for (const trigger of google.triggers.list.filter((t) => t.kind === 'edit')) {
    const handler = handlers[trigger.handler];
    if (!handler) throw new Error(`No function ${trigger.handler}`);
    const event: Record<string, unknown> = {
      authMode: 'FULL',
      range,
      source: google.globals.SpreadsheetApp.getActiveSpreadsheet(),
      triggerUid: trigger.id,
    };
    if (edit.user !== undefined) event.user = { getEmail: () => edit.user, getNickname: () => edit.user!.split('@')[0] };
    if (oneCell) {
      event.value = edit.values[0]![0];
      if (before !== '') event.oldValue = before;
    }
    // An installable trigger runs as its creator; the active user is the editor (when Google says).
    google.ctx.effectiveUser = trigger.owner;
    google.ctx.activeUser = edit.user ?? '';
    try {
      handler(event);
    } finally {
      google.ctx.activeUser = asRun.active;
      google.ctx.effectiveUser = asRun.effective;
    }
  }
}
