/** The certificates' settings in `Cấu hình`: optional, read as typed, a wrong value reported on its row. */
import { EXTRA_SETTING } from '../../src/core/contract';
import { readCertificateSettings } from '../../src/core/certificateSettings';
import { DEFAULT_SETTINGS, workbook } from '../helpers/workbook';

const read = (extra: Record<string, string | number>) => readCertificateSettings(workbook({ settings: { ...DEFAULT_SETTINGS, ...extra } }));

test('a workbook without them prints full certificates with gaps, list numbers and no offset', () => {
  const { settings, errors } = read({});
  expect(errors).toEqual([]);
  expect(settings).toEqual({ decisionNumber: '', decisionDate: null, goldenBookStart: null, emblemImage: '', mode: 'full', offsetXMm: 0, offsetYMm: 0 });
});

test('every setting read as typed: number, date, start, emblem, print-on-blank mode and offsets', () => {
  const { settings, errors } = read({
    [EXTRA_SETTING.awardDecisionNumber]: '125/QĐ-UBND',
    [EXTRA_SETTING.awardDecisionDate]: '20/01/2023',
    [EXTRA_SETTING.goldenBookStart]: 340,
    [EXTRA_SETTING.emblemImage]: 'quoc-huy.png',
    [EXTRA_SETTING.certificateMode]: 'in trên phôi',
    [EXTRA_SETTING.certificateOffsetX]: '-2,5',
    [EXTRA_SETTING.certificateOffsetY]: 3,
  });
  expect(errors).toEqual([]);
  expect(settings).toEqual({
    decisionNumber: '125/QĐ-UBND', decisionDate: { year: 2023, month: 1, day: 20 }, goldenBookStart: 340,
    emblemImage: 'quoc-huy.png', mode: 'onBlank', offsetXMm: -2.5, offsetYMm: 3,
  });
});

test('a wrong value is reported on its row of Cấu hình, saying what is used instead', () => {
  const { settings, errors } = read({
    [EXTRA_SETTING.goldenBookStart]: 2.5,
    [EXTRA_SETTING.certificateMode]: 'Màu',
    [EXTRA_SETTING.certificateOffsetY]: 45,
    [EXTRA_SETTING.awardDecisionDate]: '31/02/2023',
  });
  expect(settings).toMatchObject({ goldenBookStart: null, mode: 'full', offsetYMm: 0, decisionDate: null });
  const rowOf = (name: string) => Object.keys({ ...DEFAULT_SETTINGS, [EXTRA_SETTING.goldenBookStart]: 0, [EXTRA_SETTING.certificateMode]: 0, [EXTRA_SETTING.certificateOffsetY]: 0, [EXTRA_SETTING.awardDecisionDate]: 0 }).indexOf(name) + 2;
  expect(errors).toEqual([
    { sheet: 'Cấu hình', row: rowOf(EXTRA_SETTING.awardDecisionDate), column: 'Giá trị', message: expect.stringMatching(/^«Ngày quyết định khen thưởng»: «31\/02\/2023» không phải là ngày.*Đang dùng chỗ trống «…»\.$/) },
    { sheet: 'Cấu hình', row: rowOf(EXTRA_SETTING.goldenBookStart), column: 'Giá trị', message: expect.stringContaining('không phải là số nguyên dương') },
    { sheet: 'Cấu hình', row: rowOf(EXTRA_SETTING.certificateMode), column: 'Giá trị', message: expect.stringContaining('hãy chọn «Đầy đủ» hoặc «In trên phôi»') },
    { sheet: 'Cấu hình', row: rowOf(EXTRA_SETTING.certificateOffsetY), column: 'Giá trị', message: expect.stringContaining('từ -30 đến 30 mm') },
  ]);
});
