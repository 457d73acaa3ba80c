/**
 * The add-on with a legal preset chosen (issue 12): «Khởi tạo bảng tính» writes the preset's lines
 * to edit and uses its block names; «Tạo mẫu hồ sơ» cites the chosen basis.
 */
import { EXTRA_SETTING, LEGAL_BASIS_COL, SETTING, SHEET, evaluate, presetRows } from '../../src/core';
import { initWorkbook } from '../../src/addon/setup';
import { createDossierTemplates } from '../../src/addon/dossierFiles';
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

describe('Tạo mẫu hồ sơ with «Căn cứ pháp lý»', () => {
  const template = (kind: string) => {
    const ids = JSON.parse(google.documentProperties.getProperty('thidua.hoSo.templates')!) as Record<string, Record<string, string>>;
    return google.drive.docs.get(Object.values(ids)[0]![kind]!)!.dump();
  };

  it('cites the 2025 law and decree, and the sheet’s own lines, with their placeholders', () => {
    const input = workbook({ settings: { ...DEFAULT_SETTINGS, [SETTING.issuer]: 'Ủy ban nhân dân tỉnh Lạng Sơn', [EXTRA_SETTING.legalBasis]: '2025' } });
    const own = { name: SHEET.legalBasis, values: [Object.values(LEGAL_BASIS_COL), ['Biên bản họp xét', 1, 'Quy chế thi đua của tỉnh'], ['Biên bản họp xét', 2, 'tiêu chuẩn tại {{van_ban_phat_dong}}']] };
    loadWorkbook(google, { ...input, sheets: [...input.sheets, own] });
    createDossierTemplates();
    expect(template('D2')).toContain('Căn cứ Luật Thi đua, khen thưởng ngày 15/6/2022;');
    expect(template('D2')).toContain('Căn cứ Biên bản họp xét đề nghị khen thưởng ngày {{ngay_hop}} của {{ten_don_vi}}.');
    expect(template('D2')).not.toContain('91/2017');
    expect(template('D1')).toContain('căn cứ Quy chế thi đua của tỉnh và tiêu chuẩn tại {{van_ban_phat_dong}}, {{ten_hoi_dong}} đã xem xét');
    expect(template('D3')).toContain('(Ghi đầy đủ bằng chữ in thường, không viết tắt)');
  });

  it('keeps the 2022 templates without the setting', () => {
    loadWorkbook(google, workbook());
    createDossierTemplates();
    expect(template('D2')).toContain('Nghị định số 91/2017/NĐ-CP');
    expect(template('D3')).not.toContain('(Ghi đầy đủ bằng chữ in thường');
  });
});
