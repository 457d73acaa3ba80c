import { NOMINATION_COL, UNIT_COL } from '../../../src/core';
import { buildDossiers, safeFileName, UniqueNames } from '../../../src/core/documents';
import { UNITS, nomination } from '../../helpers/workbook';
import { INDIVIDUAL, evaluation } from './fixture';

const bytes = (name: string) => Buffer.byteLength(name, 'utf8');

/** Safe on Windows and Linux: no reserved character, no trailing dot or space, not a device name, ≤ 200 bytes. */
function expectSafe(names: string[]): void {
  for (const name of names) {
    expect(bytes(name)).toBeLessThanOrEqual(200);
    // eslint-disable-next-line no-control-regex
    expect(name).not.toMatch(/[/\\:*?"<>|\u0000-\u001f]/);
    expect(name).not.toMatch(/[. ]\.docx$/);
    expect(name.split('.')[0]).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)$/i);
  }
  expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
}

describe('file names', () => {
  test('a 32,767-character name (a full cell) is cut to fit in one pass', () => {
    const name = safeFileName(`X01 - ${'Nguyễn Thị Ánh Tuyết '.repeat(1600).slice(0, 32_767)}`);
    expectSafe([name]);
    expect(name.endsWith('….docx')).toBe(true);
  });

  test('names that differ only after the cut, and equal names, stay unique with their suffix whole', () => {
    const names = new UniqueNames();
    const long = 'Trường Trung học cơ sở '.repeat(20);
    const given = [
      ...Array.from({ length: 100 }, (_, i) => names.take(`${long}${i}`, i + 2)),
      ...Array.from({ length: 100 }, () => names.take(long)),
    ];
    expectSafe(given);
    expect(given[1]).toMatch(/ \(hàng 3\)\.docx$/);
    expect(given[100]).toMatch(/ \(2\)\.docx$/);
  });

  test('a device name of Windows gets a mark in front', () => {
    expect(safeFileName('CON')).toBe('_CON.docx');
    expect(safeFileName('nul.txt', '')).toBe('_nul.txt');
  });

  test('a unit name of 125+ characters and 100 long nominee names differing at the end: all documents named', () => {
    const unitName = `UBND xã ${'Yên Bình Thượng Hạ '.repeat(8)}`;
    expect(unitName.length).toBeGreaterThan(125);
    const units = UNITS.map((u) => (u[UNIT_COL.code] === 'X04' ? { ...u, [UNIT_COL.name]: unitName } : u));
    const nominees = Array.from({ length: 100 }, (_, i) =>
      nomination(INDIVIDUAL, { [NOMINATION_COL.name]: `${'Nguyễn Văn Anh Tuấn '.repeat(10)}${i}` }),
    );
    const documents = buildDossiers(evaluation({ units, nominations: nominees })).flatMap((u) => u.documents);
    expect(documents).toHaveLength(102);
    expectSafe(documents.map((d) => d.fileName));
  });
});
