/** A province-scale workbook for the benchmark: 5,000 units, 8 criteria, 10,000 nominations. */
import type { CellValue } from '../src/core';
import { CRITERION_COL, NOMINATION_COL, SCORE_COL, SETTING, SETTINGS_HEADER, SHEET, UNIT_COL } from '../src/core';
import type { SheetSpec } from '../src/cli/xlsx';

/** A small deterministic generator, so every run measures the same workbook. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) % 2 ** 32;
    return state / 2 ** 32;
  };
}

export function provinceSheets(units = 5000, criteria = 8, nominations = 10000): SheetSpec[] {
  const next = random(2022);
  const pick = <T>(items: T[]): T => items[Math.floor(next() * items.length)] as T;
  const header = (cols: Record<string, string>) => Object.values(cols);
  const unitRows: CellValue[][] = [];
  for (let i = 1; i <= units; i++) {
    const block = i % 10 === 0 ? 'Đơn vị khác' : i % 3 === 0 ? 'Sở, ban, ngành' : 'Xã, phường';
    unitRows.push([`DV${i}`, `Đơn vị số ${i}`, block, `Thủ trưởng ${i}`, `dv${i}@example.gov.vn`]);
  }
  const criterionRows: CellValue[][] = [];
  for (let c = 1; c <= criteria; c++) criterionRows.push([`TC${c}`, `Tiêu chí ${c}`, 100 / criteria, '']);
  const scoreRows: CellValue[][] = [];
  for (const [code, , block] of unitRows) {
    if (block === 'Đơn vị khác') continue;
    for (let c = 1; c <= criteria; c++) {
      const points = Math.round(next() * (100 / criteria) * 4) / 4;
      scoreRows.push([code, `TC${c}`, points, points, '']);
    }
  }
  const nominationRows: CellValue[][] = [];
  const yes = () => (next() < 0.9 ? true : '');
  for (let n = 1; n <= nominations; n++) {
    const individual = next() < 0.5;
    nominationRows.push([
      `DV${1 + Math.floor(next() * units)}`, individual ? 'Cá nhân' : 'Tập thể', `Người được đề nghị ${n}`, 'Chuyên viên',
      yes(), yes(), yes(), yes(), yes(), yes(),
      80 + Math.round(next() * 20), pick([100, 100, 99]), 40, pick([45, 50, 40]),
      pick(['HTXSNV', 'HTTNV', 'HTNV']), pick(['HTXSNV', 'HTTNV']), next() < 0.2 ? 'Quyết định số 1/QĐ-UBND' : '',
      'Hoàn thành tốt nhiệm vụ cải cách hành chính.', `0${1 + Math.floor(next() * 8)}/01/2023`, 7,
    ]);
  }
  return [
    {
      name: SHEET.settings,
      rows: [
        Object.values(SETTINGS_HEADER),
        [SETTING.movementName, 'Đẩy mạnh cải cách hành chính'], [SETTING.year, 2025], [SETTING.issuer, 'Ủy ban nhân dân tỉnh'],
        [SETTING.placeName, 'Lạng Sơn'], [SETTING.windowFrom, '02/01/2023'], [SETTING.windowTo, '06/01/2023'],
        [SETTING.communeBlock, 'Xã, phường'], [SETTING.agencyBlock, 'Sở, ban, ngành'],
      ],
    },
    { name: SHEET.units, rows: [header(UNIT_COL), ...unitRows] },
    { name: SHEET.criteria, rows: [header(CRITERION_COL), ...criterionRows] },
    { name: SHEET.scores, rows: [header(SCORE_COL), ...scoreRows] },
    { name: SHEET.nominations, rows: [header(NOMINATION_COL), ...nominationRows] },
  ];
}
