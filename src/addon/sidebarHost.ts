/** The sidebars' host in Apps Script: the active spreadsheet, the session, the document lock. */
import type { CellValue, CalendarDate } from '../core/model';
import type { ActionLog } from '../core/auditLog';
import type { NominationCell, SidebarHost } from './endpoints';
import { SHEET } from '../core/contract';
import { asLiteral, readInputSheets, SheetIndex } from './sheetIO';
import { withDocumentLock } from './lock';
import { logActions } from './auditLog';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const DATE_FORMAT = 'dd/mm/yyyy';

/** Midnight of a calendar day in the spreadsheet's time zone: the instant Sheets shows as that day. */
function dateCell(day: CalendarDate, timeZone: string): Date {
  const pad = (n: number) => String(n).padStart(2, '0');
  return Utilities.parseDate(`${day.year}-${pad(day.month)}-${pad(day.day)}`, timeZone, 'yyyy-MM-dd');
}

type Written = Exclude<NominationCell, { keep: true }>;

/** The runs of adjacent cells to write (0-based start), skipping the kept ones. */
export function writableRuns(cells: NominationCell[]): Array<{ start: number; cells: Written[] }> {
  const runs: Array<{ start: number; cells: Written[] }> = [];
  cells.forEach((cell, j) => {
    if ('keep' in cell) return;
    const last = runs.at(-1);
    if (last && last.start + last.cells.length === j) last.cells.push(cell);
    else runs.push({ start: j, cells: [cell] });
  });
  return runs;
}

export function appsScriptHost(spreadsheet = SpreadsheetApp.getActiveSpreadsheet()): SidebarHost {
  const index = new SheetIndex(spreadsheet);
  const requireSheet = (name: string): Sheet => {
    const sheet = index.find(name);
    if (!sheet) throw new Error(`không tìm thấy trang «${name}»`);
    return sheet;
  };
  // The active user only: the effective user of a trigger is its creator, not the person at
  // the keyboard. Google may withhold it (consumer accounts): then '' and no rights.
  let email: string | undefined;
  const userEmail = () => (email ??= Session.getActiveUser().getEmail());

  return {
    userEmail,
    isOwner: () => {
      const user = userEmail();
      // A file in a shared drive has no owner (getOwner() is null): nobody gets the owner's rights.
      const owner = spreadsheet.getOwner()?.getEmail() ?? '';
      if (user === '' || owner === '') return null;
      return owner.toLowerCase() === user.toLowerCase();
    },
    readWorkbook: () => readInputSheets(index),
    readSheet: (name) => {
      const sheet = index.find(name);
      if (!sheet) return undefined;
      return { name: index.nameOf(name) ?? name, values: sheet.getDataRange().getValues() as CellValue[][] };
    },
    withDocumentLock: (action) => {
      // The sidebar says the lock is busy itself, so no dialog pops up over it.
      let ran = true;
      withDocumentLock(action, () => {
        ran = false;
      });
      return ran;
    },
    writeNominationRow: (row, cells) => {
      const sheet = requireSheet(SHEET.nominations);
      // Writing below the sheet's last row throws in Sheets: a full sheet gets rows first.
      const maxRows = sheet.getMaxRows();
      if (row > maxRows) sheet.insertRowsAfter(maxRows, row - maxRows);
      // Formats decide percents, dates and plain-text cells; one read for the row.
      const formats = sheet.getRange(row, 1, 1, cells.length).getNumberFormats()[0] ?? [];
      const timeZone = spreadsheet.getSpreadsheetTimeZone();
      const undated: number[] = [];
      const value = (cell: Written, j: number) => {
        const format = formats[j] ?? '';
        if ('date' in cell) {
          if (!/[dy]/i.test(format)) undated.push(j + 1);
          return dateCell(cell.date, timeZone);
        }
        if ('percent' in cell) return format.includes('%') ? cell.percent / 100 : cell.percent;
        return asLiteral(cell.value, format);
      };
      // Only the contract's columns, one write per run of them: a column the form does not know
      // may hold a formula or a spilled array (=THIDUA_DUDIEUKIEN(…)), which a write would break.
      const logged: ActionLog[] = [];
      for (const run of writableRuns(cells)) {
        const range = sheet.getRange(row, run.start + 1, 1, run.cells.length);
        const values = run.cells.map((c, k) => value(c, run.start + k));
        range.setValues([values]);
        logged.push({ action: 'Lưu đề nghị (thanh bên «Nhập đề nghị»)', sheet: SHEET.nominations, range: range.getA1Notation(), newValue: values });
      }
      logActions(logged);
      for (const column of undated) sheet.getRange(row, column).setNumberFormat(DATE_FORMAT);
    },
    writeTextRow: (name, row, cells, action) => {
      const sheet = requireSheet(name);
      const maxRows = sheet.getMaxRows();
      if (row > maxRows) sheet.insertRowsAfter(maxRows, row - maxRows);
      // A plain-text cell takes the text as it is; any other gets an apostrophe where Sheets would parse.
      const formats = sheet.getRange(row, 1, 1, cells.length).getNumberFormats()[0] ?? [];
      const runs = writableRuns(cells.map((value): NominationCell => (value === null ? { keep: true } : { value })));
      const logged: ActionLog[] = [];
      for (const run of runs) {
        const range = sheet.getRange(row, run.start + 1, 1, run.cells.length);
        const values = run.cells.map((c, k) => ('value' in c ? asLiteral(c.value, formats[run.start + k] ?? '') : ''));
        range.setValues([values]);
        logged.push({ action, sheet: name, range: range.getA1Notation(), newValue: values });
      }
      logActions(logged);
    },
    selectRows: (name, rows) => {
      const sheet = requireSheet(name);
      sheet.activate();
      if (rows.length > 0) sheet.getRangeList(rows.map((r) => `${r}:${r}`)).activate();
    },
  };
}
