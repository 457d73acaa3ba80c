/** Workbooks for the add-on's tests (`loadWorkbook` of the fakes puts them into a spreadsheet). */
export { loadWorkbook } from '../fakes';
import type { CellValue, OutputSheet, WorkbookInput } from '../../src/core';
import { NOMINATION_COL as N } from '../../src/core';
import type { FakeGoogle, Value } from '../fakes';
import { CRITERIA, DEFAULT_SETTINGS, GOOD_COLLECTIVE, GOOD_INDIVIDUAL, UNITS, nomination, workbook } from '../helpers/workbook';

/** The same workbook as the core sees it from Sheets: the spreadsheet's time zone. */
export function asInSheets(input: WorkbookInput, google: FakeGoogle): WorkbookInput {
  return { ...input, timeZone: google.ctx.timeZone };
}

/** What an output sheet holds once written: text as text, empty as ''. */
export function written(out: OutputSheet): Value[][] {
  const width = out.header.length;
  const cell = (v: CellValue): Value => (v === null || v === undefined ? '' : v);
  return [out.header, ...out.rows].map((row) => Array.from({ length: width }, (_, j) => cell(row[j])));
}

const UNIT_EMAILS: Record<string, string> = {
  X01: 'vanthu.caikinh@huulung.gov.vn',
  X02: 'cchc.dongtan@huulung.gov.vn, chutich.dongtan@huulung.gov.vn',
  X04: 'yenbinh@huulung.gov.vn',
  CQ01: 'noivu@huulung.gov.vn',
};

/**
 * A small district with the cases a user meets: eligible, ineligible, over quota, late, a
 * name that looks like a formula, an unknown unit (an error), a percent formatted as %.
 */
export function districtInput(): WorkbookInput {
  return workbook({
    units: UNITS.map((u) => ({ ...u, Email: UNIT_EMAILS[String(u['Mã đơn vị'])] ?? '' })),
    nominations: [
      GOOD_COLLECTIVE,
      GOOD_INDIVIDUAL,
      nomination(GOOD_COLLECTIVE, { [N.unitCode]: 'X01', [N.name]: '=HYPERLINK("http://x.example","Bộ phận một cửa")', [N.innovation]: false }),
      nomination(GOOD_INDIVIDUAL, { [N.unitCode]: 'CQ02', [N.name]: '-Lê Thị Bình', [N.ratingPrev]: 'HTNV' }),
      nomination(GOOD_INDIVIDUAL, { [N.unitCode]: 'CQ01', [N.name]: 'Trần Văn Cường', [N.submittedOn]: '09/01/2023' }),
      nomination(GOOD_COLLECTIVE, { [N.unitCode]: 'X99', [N.name]: 'Tổ một cửa xã lạ' }),
      nomination(GOOD_COLLECTIVE, { [N.unitCode]: 'X03', [N.name]: 'Văn phòng UBND xã Hòa Bình', [N.satisfactionPercent]: 0.93 }),
    ],
    nominationFormats: [{}, {}, {}, {}, {}, {}, { [N.satisfactionPercent]: '0.00%' }],
  });
}

/**
 * A workbook of `rows` score rows and `rows` nomination rows over the same units, each unit's
 * rows together: what changes with `rows` is only the length of the sheets.
 */
export function scaledInput(rows: number): WorkbookInput {
  const ranked = UNITS.filter((u) => u['Khối'] !== 'Đơn vị khác');
  const criteriaCount = Math.max(2, Math.ceil(rows / ranked.length));
  const criteria = Array.from({ length: criteriaCount }, (_, c) => ({ ...CRITERIA[0], 'Mã tiêu chí': `TC${c + 1}`, 'Tiêu chí': `Tiêu chí ${c + 1}`, 'Điểm tối đa': 10 }));
  const scores = ranked.flatMap((u, i) =>
    criteria.map((c) => ({ 'Mã đơn vị': u['Mã đơn vị'], 'Mã tiêu chí': c['Mã tiêu chí'], 'Điểm tự đánh giá': 9, 'Điểm thẩm định': 9 - (i % 3) })),
  );
  const nominations = Array.from({ length: rows }, (_, i) => {
    const unit = UNITS[Math.floor((i * UNITS.length) / rows)]!;
    const base = i % 2 === 0 ? GOOD_COLLECTIVE : GOOD_INDIVIDUAL;
    return nomination(base, { [N.unitCode]: unit['Mã đơn vị'], [N.name]: `${base[N.name]} ${i + 1}` });
  });
  return workbook({
    settings: DEFAULT_SETTINGS,
    units: UNITS.map((u) => ({ ...u, Email: `${String(u['Mã đơn vị']).toLowerCase()}@huulung.gov.vn` })),
    criteria,
    scores,
    nominations,
  });
}
