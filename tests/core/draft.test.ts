import { NOMINATION_COL, SHEET, STANDARD_COL, nominationDraftSchema, nominationToDraft, placeDraft, previewDraft, readWorkbook } from '../../src/core';
import type { NominationDraft } from '../../src/core';
import { GOOD_COLLECTIVE, GOOD_INDIVIDUAL, workbook } from '../helpers/workbook';

const input = workbook({ nominations: [GOOD_COLLECTIVE] });
const draft: NominationDraft = {
  ...nominationToDraft(readWorkbook(workbook({ nominations: [GOOD_INDIVIDUAL] })).nominations[0]!),
  row: null,
  unitCode: 'X01',
};

describe('the entry form’s draft', () => {
  it('gets the verdict the same rules give a row of the sheet', () => {
    const preview = previewDraft(input, draft);
    expect(preview.verdict).toMatchObject({ row: 3, unit: 'X01', eligible: true, basis: ['B1'], window_ok: true });
    expect(preview.quota).toMatchObject({ unit: 'X01', ok: true });
  });

  it('follows the workbook’s `Tiêu chuẩn` rows when it has them, as the menu does', () => {
    const rows = [Object.values(STANDARD_COL), ['C1', 'Cá nhân', 'Chung', NOMINATION_COL.ratingNow, 'Thuộc danh sách', 'HTXSNV', 'Năm nay xuất sắc']];
    const own = { ...input, sheets: [...input.sheets, { name: SHEET.standards, values: rows }] };
    expect(previewDraft(own, draft).verdict).toMatchObject({ eligible: true, basis: [], failed: [] });
    expect(previewDraft(own, { ...draft, ratingNow: 'HTTNV' }).verdict).toMatchObject({ eligible: false, failed: ['C1'] });
    expect(previewDraft(own, { ...draft, ratingNow: 'HTTNV' }).verdict?.message).toContain('C1: chưa đạt — Năm nay xuất sắc');
  });

  it('changes verdict as a field changes', () => {
    expect(previewDraft(input, { ...draft, ratingNow: 'HTNV' }).verdict).toMatchObject({ eligible: false, failed: ['B1', 'B2'] });
    expect(previewDraft(input, { ...draft, unitCode: 'X04' }).quota).toMatchObject({ ok: false });
  });

  it('replaces the row being edited instead of adding one, keeping columns the form does not know', () => {
    const edited = { ...input, sheets: input.sheets.map((s) => (s.name === 'Đề nghị' ? { ...s, values: s.values.map((r, i) => [...r, i === 0 ? 'Ghi chú' : 'giữ nguyên']) } : s)) };
    const placed = placeDraft(edited, { ...draft, row: 2, unitCode: 'X04' })!;
    expect(placed.row).toBe(2);
    expect(placed.cells.at(-1)).toBe('giữ nguyên');
    expect(previewDraft(edited, { ...draft, row: 2, unitCode: 'X04' }).quota).toMatchObject({ ok: true, nominated: { total: 1 } });
  });

  it('finds the header row where readTable finds it, below a title row', () => {
    const titled = { ...input, sheets: input.sheets.map((s) => (s.name === 'Đề nghị' ? { ...s, values: [['DANH SÁCH ĐỀ NGHỊ'], ...s.values] } : s)) };
    const preview = previewDraft(titled, draft);
    expect(preview.verdict).toMatchObject({ row: 4, unit: 'X01', eligible: true });
    expect(preview.errors).toEqual([]);
  });

  it('is validated with Vietnamese messages', () => {
    const bad = nominationDraftSchema.safeParse({ ...draft, name: '  ', satisfactionPercent: 120, kind: 'Nhóm' });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.message)).toEqual(expect.arrayContaining([
      'Hãy chọn hình thức: Tập thể hoặc Cá nhân.', 'Hãy nhập tên tập thể hoặc họ và tên.', 'Tỷ lệ phải từ 0 đến 100%.',
    ]));
  });
});
