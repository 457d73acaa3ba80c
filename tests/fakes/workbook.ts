/** A workbook put into the fake spreadsheet as Sheets would hold it. */
import type { WorkbookInput } from '../../src/core/model';
import { calendarDateOf } from '../../src/core/text';
import type { FakeGoogle } from './index';
import type { Value } from './spreadsheetApp';
import { midnightIn } from './spreadsheetApp';

const DAY_TEXT = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/;

/**
 * Fills the fake spreadsheet with a workbook's sheets. Dates become what Sheets stores: a
 * `Date` at midnight of the spreadsheet's time zone (typed `dd/mm/yyyy` text and date cells read
 * from elsewhere alike), so the tests cross the time-zone boundary the add-on lives on.
 */
export function loadWorkbook(google: FakeGoogle, input: WorkbookInput): void {
  const tz = google.ctx.timeZone;
  for (const sheet of input.sheets) {
    const values = sheet.values.map((row) =>
      row.map((cell): Value => {
        if (cell === null || cell === undefined) return '';
        if (cell instanceof Date) {
          const d = calendarDateOf(cell, input.timeZone);
          return midnightIn(tz, d.year, d.month, d.day);
        }
        const day = typeof cell === 'string' ? DAY_TEXT.exec(cell) : null;
        return day ? midnightIn(tz, Number(day[3]), Number(day[2]), Number(day[1])) : cell;
      }),
    );
    google.spreadsheet.addSheet(sheet.name, values, sheet.numberFormats);
  }
}

