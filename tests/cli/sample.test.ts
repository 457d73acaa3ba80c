/** End to end on the built-in sample: what `npm start` does, read back as a person would. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { main, SAMPLE_WORKBOOK } from '../../src/cli/main';
import { readWorkbookFile } from '../../src/cli/xlsx';
import type { CheckResult } from '../../src/core';
import { run, tempDir } from '../helpers/files';

let json: CheckResult;
let out: string;
let stdout: string;

beforeAll(async () => {
  json = JSON.parse((await run(main, ['check', '--json'])).stdout);
  out = tempDir();
  ({ stdout } = await run(main, ['run', '--out', out]));
}, 60000);

const verdict = (row: number) => json.nominations.find((n) => n.row === row)!;

describe('the sample district, checked', () => {
  it('ranks both blocks with the tie at rank 2 shared openly (1, 2, 2, 4)', () => {
    const communes = json.ranking.filter((r) => r.block === 'Xã, thị trấn');
    expect(communes.slice(0, 4).map((r) => [r.unit, r.rank, r.tied, r.prize])).toEqual([
      ['X07', 1, false, 'Nhất'], ['X02', 2, true, 'Nhì'], ['X12', 2, true, 'Nhì'], ['X01', 4, false, null],
    ]);
    expect(json.ranking.filter((r) => r.block === 'Cơ quan chuyên môn' && r.prize).map((r) => r.unit)).toEqual(['CQ02', 'CQ04', 'CQ10']);
    expect(json.unranked.map((u) => u.unit).sort()).toEqual(['X18', 'X24']);
  });

  it('gives each rule outcome the fixture was written for', () => {
    expect(verdict(4)).toMatchObject({ eligible: true, basis: ['A1', 'A2'], quota_ok: true, window_ok: true });
    expect(verdict(8)).toMatchObject({ eligible: true, basis: ['A3'] });
    expect(verdict(12)).toMatchObject({ eligible: false, failed: ['A1', 'A2', 'A3'] });
    expect(verdict(20)).toMatchObject({ eligible: false, failed: ['A0'] });
    expect(verdict(28)).toMatchObject({ eligible: false, failed: ['B0'] });
    expect(verdict(29)).toMatchObject({ eligible: false, failed: ['P1', 'B1', 'B2'] });
    expect(verdict(30)).toMatchObject({ eligible: true, basis: ['B2'] });
    expect(verdict(31)).toMatchObject({ eligible: true, basis: ['B1', 'B2'] });
    expect([32, 33, 34, 35, 36].map((r) => verdict(r).window_ok)).toEqual([true, true, false, false, false]);
    expect([2, 3, 37, 38].map((r) => verdict(r).quota_ok)).toEqual([false, false, false, false]);
    expect(verdict(46)).toMatchObject({ eligible: false, failed: ['P1'] });
    expect(verdict(47)).toMatchObject({ eligible: false });
    expect(verdict(47).failed).toContain('B1');
  });

  it('reports the deliberate errors with sheet, row and column', () => {
    expect(json.errors.map((e) => [e.sheet, e.row, e.column])).toEqual([
      ['Chấm điểm', 296, 'Điểm thẩm định'], ['Chấm điểm', 297, 'Điểm thẩm định'], ['Chấm điểm', 298, 'Mã đơn vị'],
      ['Đề nghị', 46, 'Mã đơn vị'], ['Đề nghị', 47, 'Xếp loại năm nay'],
    ]);
  });
});

describe('npm start on the sample', () => {
  it('prints a summary naming the prizes, the counts, the problems and where the file went', () => {
    expect(stdout).toContain('UBND xã Hòa Lạc — 93,5 điểm — giải Nhất');
    expect(stdout).toMatch(/Đề nghị: 46; đủ điều kiện: \d+; vào danh sách khen thưởng: \d+\./);
    expect(stdout).toContain('Vượt chỉ tiêu (P4): 2 đơn vị');
    expect(stdout).toContain(`Đã ghi bảng tính kết quả: ${join(out, 'huu-lung-2022.xlsx')}`);
  });

  it('writes output sheets that say what check --json says, and keeps every input sheet cell for cell', async () => {
    const original = await readWorkbookFile(SAMPLE_WORKBOOK);
    const written = await readWorkbookFile(join(out, 'huu-lung-2022.xlsx'));
    const sheet = (name: string) => written.input.sheets.find((s) => s.name === name)!.values;
    for (const input of original.input.sheets.filter((s) => s.name !== 'Tiếp nhận hồ sơ')) expect(sheet(input.name)).toEqual(input.values);
    // The intake: what the officer typed is kept (a return with its reason included); the tool fills the check and the status.
    const officer = (rows: unknown[][]) => rows.map((r) => [...r.slice(0, 5), r[6] === 'Trả lại' ? r[6] : null, r[7] ?? null]);
    const intake = sheet('Tiếp nhận hồ sơ');
    expect(officer(intake)).toEqual(officer(original.input.sheets.find((s) => s.name === 'Tiếp nhận hồ sơ')!.values));
    expect(intake.slice(1).map((r) => r[6])).toEqual(expect.arrayContaining(['Đủ', 'Thiếu', 'Trả lại']));

    const ranking = sheet('Xếp hạng').slice(1).filter((r) => r[1] !== null);
    expect(ranking.map((r) => [r[2], r[1], r[4], r[6] ?? null])).toEqual(json.ranking.map((r) => [r.unit, r.rank, r.score, r.prize]));

    const verdicts = sheet('Kết quả xét').slice(1);
    expect(verdicts.map((r) => [r[0], r[1], r[5] === 'Có', r[6] ?? '', r[7] ?? '', r[11]])).toEqual(
      json.nominations.map((n) => [n.row, n.unit, n.eligible, n.basis.join(', '), n.failed.join(', '), n.message]),
    );

    const awarded = json.nominations.filter((n) => n.eligible && n.quota_ok && n.window_ok).map((n) => n.row).sort((a, b) => a - b);
    const listed = sheet('Danh sách khen thưởng').slice(1).filter((r) => typeof r[0] === 'number').map((r) => r[7] as number);
    expect([...listed].sort((a, b) => a - b)).toEqual(awarded);
  });

  it('lists grassroots individuals first among equals (P2), and D before Đ', async () => {
    const written = await readWorkbookFile(join(out, 'huu-lung-2022.xlsx'));
    const names = written.input.sheets.find((s) => s.name === 'Danh sách khen thưởng')!.values.map((r) => r[1]);
    expect(names.indexOf('Vũ Văn Thành')).toBeLessThan(names.indexOf('Bùi Thị An'));
    expect(names.indexOf('Dương Văn Dũng')).toBeLessThan(names.indexOf('Đoàn Thị Đào'));
  });
});

describe('the dossiers of the sample', () => {
  it('writes per nominating unit its minutes and letter, and a report per eligible nomination, named so a person finds them', () => {
    const files = readdirSync(join(out, 'ho-so'));
    const eligibleUnits = new Set(json.nominations.filter((n) => n.eligible).map((n) => n.unit));
    for (const unit of eligibleUnits) {
      expect(files).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`^${unit} - .* - Biên bản họp xét\\.docx$`)), expect.stringMatching(new RegExp(`^${unit} - .* - Tờ trình\\.docx$`))]));
    }
    expect(files.filter((f) => f.includes('Báo cáo thành tích'))).toHaveLength(json.nominations.filter((n) => n.eligible).length);
    expect(files).toContain('X02 - UBND xã Cai Kinh - Báo cáo thành tích - Đoàn Thị Đào.docx');
    expect(stdout).toContain(`Hồ sơ: ${files.length} tệp .docx trong ${join(out, 'ho-so')}`);
    expect(stdout).toContain('Hồ sơ đơn vị X01: thiếu Ngày họp');
  });
});
