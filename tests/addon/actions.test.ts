import { evaluate, outputSheets, SHEET } from '../../src/core';
import { buildAwardList, checkNominations, rankUnits } from '../../src/addon/actions';
import { BUSY_MESSAGE } from '../../src/addon/lock';
import { fakeGoogle, type FakeGoogle } from '../fakes';
import { workbook } from '../helpers/workbook';
import { asInSheets, districtInput, loadWorkbook, scaledInput, written } from './workbooks';

let google: FakeGoogle;

function withWorkbook(input = districtInput()): void {
  google = fakeGoogle();
  google.install();
  loadWorkbook(google, input);
}

const ACTIONS = [
  { action: rankUnits, sheet: SHEET.ranking, index: 0 },
  { action: checkNominations, sheet: SHEET.verdicts, index: 1 },
  { action: buildAwardList, sheet: SHEET.awardList, index: 2 },
] as const;

describe.each(ACTIONS)('$sheet', ({ action, sheet, index }) => {
  it('writes exactly what the core decides, in the spreadsheet time zone', () => {
    withWorkbook();
    const expected = outputSheets(evaluate(asInSheets(districtInput(), google)))[index]!;
    action();
    expect(google.spreadsheet.sheet(sheet)!.dump()).toEqual(written(expected));
  });

  it('leaves every input sheet as it was', () => {
    withWorkbook();
    const before = google.spreadsheet.sheets.map((s) => [s.name, s.dump()]);
    action();
    const after = google.spreadsheet.sheets.filter((s) => before.some(([name]) => name === s.name)).map((s) => [s.name, s.dump()]);
    expect(after).toEqual(before);
  });

  it('rewrites the sheet whole on a second run, with nothing left over', () => {
    withWorkbook();
    const out = google.spreadsheet.addSheet(sheet, Array.from({ length: 40 }, () => Array(15).fill('cũ')));
    action();
    expect(out.dump()).toEqual(written(outputSheets(evaluate(asInSheets(districtInput(), google)))[index]!));
  });

  it('formats in a fixed number of calls: bold frozen header, colours by mark', () => {
    withWorkbook();
    action();
    const out = google.spreadsheet.sheet(sheet)!;
    expect(out.frozenRows).toBe(1);
    expect(out.peek(1, 1)!.fontWeight).toBe('bold');
    expect(out.peek(1, 1)!.wrap).toBe(true);
    expect(out.columnWidths.size).toBe(out.getLastColumn());
  });

  it('holds the document lock while it writes and releases it after', () => {
    withWorkbook();
    action();
    expect(google.log.count('Lock.tryLock')).toBe(1);
    expect(google.lock.held).toBe(false);
  });

  it('tells the user to retry when someone else holds the lock, and writes nothing', () => {
    withWorkbook();
    google.lock.heldElsewhere = true;
    action();
    expect(google.ui.alerts).toEqual([{ title: 'Thi đua', prompt: BUSY_MESSAGE }]);
    expect(google.spreadsheet.sheet(sheet)).toBeUndefined();
  });

  it('makes as many service calls for 5,000 rows as for 10', () => {
    const calls = (rows: number) => {
      withWorkbook(scaledInput(rows));
      google.log.reset();
      action();
      return { total: google.log.total(), reads: google.log.count('Range.getValues'), writes: google.log.count('Range.setValues') };
    };
    const small = calls(10);
    expect(calls(5000)).toEqual(small);
    expect(small).toMatchObject({ reads: 5, writes: 1 });
  });
});

describe('messages', () => {
  it('summarises the ranking in a toast', () => {
    withWorkbook();
    const e = evaluate(asInSheets(districtInput(), google));
    rankUnits();
    expect(google.spreadsheet.toasts).toEqual([
      { title: 'Thi đua', message: `Đã xếp hạng ${e.result.ranking.length} đơn vị; ${e.result.unranked.length} đơn vị chưa xếp hạng; ${e.result.errors.length} lỗi.` },
    ]);
  });

  it('summarises the verdicts: eligible, not, over quota, late', () => {
    withWorkbook();
    const { nominations, quota, errors } = evaluate(asInSheets(districtInput(), google)).result;
    checkNominations();
    const eligible = nominations.filter((n) => n.eligible).length;
    expect(google.spreadsheet.toasts[0]!.message).toBe(
      `Đã xét ${nominations.length} đề nghị: ${eligible} đủ điều kiện, ${nominations.length - eligible} không đủ; ` +
        `${quota.filter((q) => !q.ok).length} đơn vị vượt chỉ tiêu; ${nominations.filter((n) => !n.window_ok).length} hồ sơ ngoài thời hạn; ${errors.length} lỗi.`,
    );
  });

  it('lists the errors with a link to each cell', () => {
    withWorkbook();
    checkNominations();
    const dialog = google.ui.dialogs[0]!;
    const nominations = google.spreadsheet.sheet(SHEET.nominations)!;
    expect(dialog.title).toMatch(/^Dữ liệu có \d+ lỗi$/);
    // The unknown unit X99 is on row 7, in column A (Mã đơn vị).
    expect(dialog.html).toContain(`${google.spreadsheet.getUrl()}#gid=${nominations.id}&#38;range=A7`);
    expect(dialog.html).toContain('X99');
  });

  it('shows user text in the dialog as text, never as markup', () => {
    const input = districtInput();
    input.sheets.find((s) => s.name === SHEET.nominations)!.values.push(['<b>X98</b>', 'Tập thể', 'Tên']);
    withWorkbook(input);
    checkNominations();
    expect(google.ui.dialogs[0]!.html).toContain('&#60;b&#62;X98&#60;/b&#62;');
    expect(google.ui.dialogs[0]!.html).not.toContain('<b>X98');
  });

  it('keeps a name that looks like a formula as the text typed', () => {
    withWorkbook();
    checkNominations();
    const names = google.spreadsheet.sheet(SHEET.verdicts)!.dump().map((r) => r[4]);
    expect(names).toContain('=HYPERLINK("http://x.example","Bộ phận một cửa")');
    expect(names).toContain('-Lê Thị Bình');
    const cells = google.spreadsheet.sheet(SHEET.verdicts)!.cells.flat();
    expect(cells.some((c) => c?.formula)).toBe(false);
  });

  it('asks to run «Khởi tạo bảng tính» when a required sheet is missing, and writes nothing', () => {
    const input = workbook();
    input.sheets = input.sheets.filter((s) => s.name !== SHEET.scores);
    withWorkbook(input);
    rankUnits();
    expect(google.ui.alerts).toHaveLength(1);
    expect(google.ui.alerts[0]!.prompt).toContain(`«${SHEET.scores}»`);
    expect(google.ui.alerts[0]!.prompt).toContain('Khởi tạo bảng tính');
    expect(google.spreadsheet.sheet(SHEET.ranking)).toBeUndefined();
    expect(google.lock.held).toBe(false);
    expect(google.lock.lost).toBe(0); // the alert came after the lock was released
  });
  it('refuses a file with two sheets of one name (workbook.md v2), naming both, and writes nothing', () => {
    const input = districtInput();
    const nominations = input.sheets.find((s) => s.name === SHEET.nominations)!;
    input.sheets.push({ ...nominations, name: 'ĐỀ NGHỊ ' });
    withWorkbook(input);
    checkNominations();
    expect(google.ui.alerts).toHaveLength(1);
    expect(google.ui.alerts[0]!.prompt).toContain(`«${SHEET.nominations}»`);
    expect(google.ui.alerts[0]!.prompt).toContain('«ĐỀ NGHỊ »');
    expect(google.spreadsheet.sheet(SHEET.verdicts)).toBeUndefined();
  });
});
