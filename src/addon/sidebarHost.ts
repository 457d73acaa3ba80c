/** The sidebars' host in Apps Script: the active spreadsheet, the session, the document lock. */
import type { CellValue, CalendarDate } from '../core/model';
import type { SidebarHost } from './endpoints';
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

export function appsScriptHost(): SidebarHost {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const index = new SheetIndex(spreadsheet);
  const requireSheet = (name: string): Sheet => {
    const sheet = index.find(name);
    if (!sheet) throw new Error(`không tìm thấy trang «${name}»`);
    return sheet;
  };
  const userEmail = () => Session.getActiveUser().getEmail() || Session.getEffectiveUser().getEmail();

  return {
    userEmail,
    isOwner: () => {
      const owner = spreadsheet.getOwner()?.getEmail() ?? '';
      return owner !== '' && owner.toLowerCase() === userEmail().toLowerCase();
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
      const range = sheet.getRange(row, 1, 1, cells.length);
      // What the row holds now: kept columns keep their formula or value; formats decide percents and dates.
      const formats = range.getNumberFormats()[0] ?? [];
      const needsCurrent = cells.some((c) => 'keep' in c);
      const formulas = needsCurrent ? (range.getFormulas()[0] ?? []) : [];
      const current = needsCurrent ? ((range.getValues()[0] ?? []) as CellValue[]) : [];
      const timeZone = spreadsheet.getSpreadsheetTimeZone();
      const undated: number[] = [];
      const values = cells.map((cell, j) => {
        const format = formats[j] ?? '';
        if ('keep' in cell) return formulas[j] || asLiteral(current[j]);
        if ('date' in cell) {
          if (!/[dy]/i.test(format)) undated.push(j + 1);
          return dateCell(cell.date, timeZone);
        }
        if ('percent' in cell) return format.includes('%') ? cell.percent / 100 : cell.percent;
        return asLiteral(cell.value);
      });
      range.setValues([values]);
      logActions([{ action: 'Lưu đề nghị (thanh bên «Nhập đề nghị»)', sheet: SHEET.nominations, range: range.getA1Notation(), newValue: values }]);
      for (const column of undated) sheet.getRange(row, column).setNumberFormat(DATE_FORMAT);
    },
    selectRows: (name, rows) => {
      const sheet = requireSheet(name);
      sheet.activate();
      if (rows.length > 0) sheet.getRangeList(rows.map((r) => `${r}:${r}`)).activate();
    },
  };
}
