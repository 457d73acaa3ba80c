/** «Khởi tạo bảng tính» with a legal preset chosen (issue 12): the preset's lines, to edit, and its block names. */
import { EXTRA_SETTING, LEGAL_BASIS_COL, SETTING, SHEET, evaluate, presetRows } from '../../src/core';
import { initWorkbook } from '../../src/addon/setup';
import { SheetIndex, readInputSheets } from '../../src/addon/sheetIO';
import { buildDossiers, plainText } from '../../src/core/documents';
import { fakeGoogle, type FakeGoogle } from '../fakes';
import { DEFAULT_SETTINGS, workbook } from '../helpers/workbook';
import { loadWorkbook } from './workbooks';

let google: FakeGoogle;
beforeEach(() => {
  google = fakeGoogle();
  google.install();
});

const settingsOnly = (settings: Record<string, string | number>) => {
  const input = workbook({ settings });
  loadWorkbook(google, { ...input, sheets: input.sheets.filter((s) => s.name === SHEET.settings) });
};

describe('Khởi tạo bảng tính with «Căn cứ pháp lý»', () => {
  it('writes the 2025 preset’s lines in `Căn cứ pháp lý` and the 2025 block names in the drop-down', () => {
    settingsOnly({ ...(DEFAULT_SETTINGS as Record<string, string | number>), [SETTING.issuer]: 'Ủy ban nhân dân tỉnh Lạng Sơn', [EXTRA_SETTING.legalBasis]: '2025' });
    initWorkbook();
    const sheet = google.spreadsheet.sheet(SHEET.legalBasis)!;
    expect(sheet.dump()).toEqual([Object.values(LEGAL_BASIS_COL), ...presetRows('2025')]);
    expect(sheet.dump().flat().join('\n')).toContain('Nghị định số 152/2025/NĐ-CP');
    expect(google.spreadsheet.sheet(SHEET.units)!.peek(2, 3)!.validation!.args[0]).toEqual(['Sở, ban, ngành', 'Xã, phường', 'Đơn vị khác']);
    expect(google.ui.alerts[0]!.prompt).toContain(SHEET.legalBasis);
    // The core reads back what was written, without a complaint about that sheet.
    const e = evaluate(readInputSheets(new SheetIndex(SpreadsheetApp.getActiveSpreadsheet())));
    expect(e.result.errors.filter((x) => x.sheet === SHEET.legalBasis)).toEqual([]);
    expect(e.workbook.legalBasisRows).toHaveLength(presetRows('2025').length);
  });

  it('writes the 2022 lines when 2022 is chosen, and nothing without the setting', () => {
    settingsOnly({ ...(DEFAULT_SETTINGS as Record<string, string | number>), [EXTRA_SETTING.legalBasis]: 2022 });
    initWorkbook();
    expect(google.spreadsheet.sheet(SHEET.legalBasis)!.dump().slice(1)).toEqual(presetRows('2022'));
    google = fakeGoogle();
    google.install();
    settingsOnly(DEFAULT_SETTINGS as Record<string, string | number>);
    initWorkbook();
    expect(google.spreadsheet.sheet(SHEET.legalBasis)).toBeUndefined();
  });

  it('never rewrites a `Căn cứ pháp lý` the user has edited', () => {
    const input = workbook({ settings: { ...DEFAULT_SETTINGS, [EXTRA_SETTING.legalBasis]: '2025', [SETTING.issuer]: 'Ủy ban nhân dân tỉnh Lạng Sơn' } });
    const own = { name: SHEET.legalBasis, values: [Object.values(LEGAL_BASIS_COL), ['Tờ trình', 1, 'Căn cứ Quy chế thi đua của tỉnh']] };
    loadWorkbook(google, { ...input, sheets: [...input.sheets, own] });
    initWorkbook();
    expect(google.spreadsheet.sheet(SHEET.legalBasis)!.dump()).toEqual(own.values);
    const e = evaluate(readInputSheets(new SheetIndex(SpreadsheetApp.getActiveSpreadsheet())));
    expect(buildDossiers(e).flatMap((u) => u.documents).every((d) => d.kind !== 'D2' || plainText(d.doc).includes('Căn cứ Quy chế thi đua của tỉnh.'))).toBe(true);
  });
});
