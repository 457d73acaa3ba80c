/** End to end on the second sample (issue 12): a province of today on the legal preset 2025. */
import { readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { readWorkbookFile } from '../../src/cli/xlsx';
import type { CheckResult } from '../../src/core';
import { SAMPLE_2025_PATH, writeSample2025 } from '../../samples/generate';
import { docxText, run, tempDir } from '../helpers/files';

let json: CheckResult;
let out: string;
let code: number;
let stdout: string;

beforeAll(async () => {
  json = JSON.parse((await run(main, ['check', SAMPLE_2025_PATH, '--json'])).stdout);
  out = tempDir();
  ({ code, stdout } = await run(main, ['run', SAMPLE_2025_PATH, '--out', out]));
}, 60000);

const dossier = (name: string) => docxText(join(out, 'ho-so', name));

it('regenerating the second sample gives the committed workbook, cell for cell (run `npm run sample` after editing the fixture)', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'thidua-sample-'));
  try {
    const path = join(dir, 'hoa-lam-2025.xlsx');
    await writeSample2025(path);
    const fresh = (await readWorkbookFile(path)).input;
    const committed = (await readWorkbookFile(SAMPLE_2025_PATH)).input;
    expect(fresh.sheets).toEqual(committed.sheets);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

describe('thidua check on the province of Hòa Lâm', () => {
  it('reads it without an error, in the 2025 preset’s blocks: communes and wards, departments', () => {
    expect(json.errors).toEqual([]);
    const prizes = (block: string) => json.ranking.filter((r) => r.block === block && r.prize).map((r) => [r.unit, r.prize]);
    expect(prizes('Xã, phường')).toEqual([['P01', 'Nhất'], ['X02', 'Nhì'], ['X05', 'Ba']]);
    expect(prizes('Sở, ban, ngành')).toEqual([['SNV', 'Nhất'], ['STP', 'Nhì'], ['STC', 'Ba']]);
  });

  it('gives each outcome the fixture was written for', () => {
    const verdict = (row: number) => json.nominations.find((n) => n.row === row)!;
    expect([2, 3, 4, 5, 6, 7, 8].map((r) => verdict(r).eligible)).toEqual([true, true, true, true, true, true, true]);
    expect(verdict(4).basis).toEqual(['A2']);
    expect(verdict(5).basis).toEqual(['A1', 'A3']);
    expect(verdict(9)).toMatchObject({ eligible: false, failed: ['A1', 'A2', 'A3'] });
    expect(verdict(10)).toMatchObject({ eligible: false });
  });
});

describe('thidua run on the province of Hòa Lâm', () => {
  it('writes the workbook and a dossier per unit with eligible nominees', () => {
    expect(code).toBe(0);
    expect(stdout).toContain(`Đã ghi bảng tính kết quả: ${join(out, 'hoa-lam-2025.xlsx')}`);
    const files = readdirSync(join(out, 'ho-so'));
    expect(files).toHaveLength(17);
    expect(stdout).toContain(`Hồ sơ: 17 tệp .docx trong ${join(out, 'ho-so')}`);
  });

  it('a department’s letter cites the Law of 2022, Decree 152/2025 and the province’s own rules, to the province’s chairman', () => {
    const text = dossier('SNV - Sở Nội vụ - Tờ trình.docx');
    const basis = text.split('\n').filter((l) => l.startsWith('Căn cứ'));
    expect(basis).toEqual([
      'Căn cứ Luật Thi đua, khen thưởng ngày 15/6/2022;',
      expect.stringMatching(/^Căn cứ Nghị định số 152\/2025\/NĐ-CP .*Luật Thi đua, khen thưởng;$/),
      'Căn cứ Quyết định số 25/2025/QĐ-UBND ngày 05/8/2025 của Ủy ban nhân dân tỉnh Hòa Lâm ban hành Quy chế công tác thi đua, khen thưởng;',
      expect.stringMatching(/^Căn cứ Phát động ngày 15\/8\/2025 của Ủy ban nhân dân tỉnh Hòa Lâm về phong trào thi đua “.*” năm 2025;$/),
      'Căn cứ Biên bản họp xét đề nghị khen thưởng ngày 02/01/2026 của Sở Nội vụ.',
    ]);
    expect(text).toContain('Đề nghị tặng Giấy khen của Chủ tịch UBND tỉnh Hòa Lâm');
    expect(text).toContain('Kính gửi: Chủ tịch Ủy ban nhân dân tỉnh Hòa Lâm.');
    expect(text).toContain('GIÁM ĐỐC');
  });

  it('a ward’s minutes cite the 2025 law and decree', () => {
    expect(dossier('P01 - UBND phường Đông Thành - Biên bản họp xét.docx')).toContain(
      'căn cứ Luật Thi đua, khen thưởng năm 2022, Nghị định số 152/2025/NĐ-CP',
    );
  });

  it('the reports follow the provincial-style form', () => {
    const text = dossier('P01 - UBND phường Đông Thành - Báo cáo thành tích - Bùi Thị Thanh Hà.docx');
    expect(text).toContain('1. Họ và tên: Bùi Thị Thanh Hà.\n(Ghi đầy đủ bằng chữ in thường, không viết tắt)');
    expect(text).toContain('(Thành tích trong phong trào thi đua theo chuyên đề “');
  });

  it('no document cites the old law or a district', () => {
    for (const file of readdirSync(join(out, 'ho-so'))) {
      const text = dossier(file);
      expect(text).not.toMatch(/91\/2017|26\/11\/2003|huyện/);
    }
  });
});

describe('the end of the movement on the province of Hòa Lâm', () => {
  it('the decision cites the 2025 law and the province awards; so do the certificates', async () => {
    expect((await run(main, ['trinh-khen', SAMPLE_2025_PATH, '--out', out])).code).toBe(0);
    const decision = docxText(join(out, 'trinh-khen', 'Quyết định khen thưởng.docx'));
    expect(decision).toContain('Căn cứ Luật Thi đua, khen thưởng ngày 15/6/2022;');
    expect(decision).toContain('Nghị định số 152/2025/NĐ-CP');
    expect(decision).toContain('CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HÒA LÂM');
    expect(decision).not.toMatch(/91\/2017|26\/11\/2003|huyện/);
    expect((await run(main, ['giay-khen', SAMPLE_2025_PATH, '--out', out])).code).toBe(0);
    expect(docxText(join(out, 'giay-khen', 'giay-khen.docx'))).toContain('CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HÒA LÂM');
  }, 60000);
});
