/** `thidua giay-khen`: one .docx of certificates, a page each; the alignment test; the guard; clear errors. */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { main } from '../../src/cli/main';
import { EXTRA_SETTING, NOMINATION_COL } from '../../src/core';
import { run, tempDir, writeXlsx } from '../helpers/files';
import { solidPng } from '../helpers/png';
import { DEFAULT_SETTINGS, GOOD_COLLECTIVE, GOOD_INDIVIDUAL, nomination, workbook } from '../helpers/workbook';

const NOMINATIONS = [GOOD_COLLECTIVE, nomination(GOOD_INDIVIDUAL, { [NOMINATION_COL.unitCode]: 'X02', [NOMINATION_COL.name]: 'Lường Thị Ngọc Ánh' })];
const DECISION = { [EXTRA_SETTING.awardDecisionNumber]: '125/QĐ-UBND', [EXTRA_SETTING.awardDecisionDate]: '20/01/2023' };
const xlsx = (extra: Record<string, string | number> = {}, dir = tempDir()) =>
  writeXlsx(workbook({ settings: { ...DEFAULT_SETTINGS, ...DECISION, ...extra }, nominations: NOMINATIONS }), join(dir, 'phong-trao.xlsx'));
const parts = (file: string) => unzipSync(readFileSync(file));
const documentXml = (file: string) => strFromU8(parts(file)['word/document.xml']!);
const pageCount = (xml: string) => xml.split('<w:pageBreakBefore/>').length;

test('writes every certificate into one .docx in «giay-khen», a page each, and says how many', async () => {
  const out = tempDir();
  const { code, stdout, stderr } = await run(main, ['giay-khen', await xlsx(), '--out', out]);
  expect(stderr).toBe('');
  expect(code).toBe(0);
  expect(readdirSync(join(out, 'giay-khen'))).toContain('giay-khen.docx');
  const xml = documentXml(join(out, 'giay-khen', 'giay-khen.docx'));
  expect(pageCount(xml)).toBe(2);
  expect(xml).toContain('>Bộ phận một cửa xã Yên Bình<');
  expect(xml).toContain('>Lường Thị Ngọc Ánh<');
  expect(xml).toContain('>Quyết định số 125/QĐ-UBND, ngày 20/01/2023<');
  expect(stdout).toContain('Giấy khen: 2 giấy (đầy đủ), mỗi giấy một trang.');
  expect(stdout).toContain('Chưa có ảnh Quốc huy');
});

test('the emblem file named in Cấu hình, relative to the workbook, is in the document; a missing one stops with where it is named', async () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'quoc-huy.png'), solidPng(30, 30));
  const out = tempDir();
  expect((await run(main, ['giay-khen', await xlsx({ [EXTRA_SETTING.emblemImage]: 'quoc-huy.png' }, dir), '--out', out])).code).toBe(0);
  expect(Buffer.from(parts(join(out, 'giay-khen', 'giay-khen.docx'))['word/media/quoc-huy.png']!)).toEqual(solidPng(30, 30));

  const { code, stderr } = await run(main, ['giay-khen', await xlsx({ [EXTRA_SETTING.emblemImage]: 'khong-co.png' }), '--out', tempDir()]);
  expect(code).toBe(2);
  expect(stderr).toMatch(/^Lỗi: Không đọc được ảnh Quốc huy «.*khong-co\.png» \(mục «Ảnh Quốc huy» ở trang «Cấu hình»\)/);
});

test('print on blanks with the offsets of Cấu hình; a wrong offset is a warning naming its row, and 0 is used', async () => {
  const out = tempDir();
  const file = await xlsx({ [EXTRA_SETTING.certificateMode]: 'In trên phôi', [EXTRA_SETTING.certificateOffsetX]: 4, [EXTRA_SETTING.certificateOffsetY]: 99 });
  const { code, stdout, stderr } = await run(main, ['giay-khen', file, '--out', out]);
  expect(code).toBe(0);
  expect(stderr).toMatch(/^Cảnh báo: trang «Cấu hình», hàng \d+: «Giấy khen: lệch dọc \(mm\)»: «99» mm quá xa;.*Đang dùng 0\.$/);
  expect(stdout).toContain('in trên phôi, lệch ngang 4 mm, dọc 0 mm');
  const xml = documentXml(join(out, 'giay-khen', 'giay-khen-in-tren-phoi.docx'));
  expect(xml).not.toContain('GIẤY KHEN');
  // 30 mm + 4 mm on the left, 58 mm at the top.
  expect(xml).toContain('<w:pgMar w:top="3288" w:right="0" w:bottom="0" w:left="1928"');
});

test('--in-thu writes only the one-page alignment test', async () => {
  const out = tempDir();
  const { code, stdout } = await run(main, ['giay-khen', await xlsx({ [EXTRA_SETTING.certificateOffsetX]: -2 }), '--out', out, '--in-thu']);
  expect(code).toBe(0);
  expect(readdirSync(join(out, 'giay-khen')).filter((f) => f.endsWith('.docx'))).toEqual(['giay-khen-in-thu.docx']);
  const xml = documentXml(join(out, 'giay-khen', 'giay-khen-in-thu.docx'));
  expect(pageCount(xml)).toBe(1);
  expect(xml).toContain('IN THỬ CĂN LỀ: độ lệch đang dùng ngang -2 mm, dọc 0 mm');
  expect(stdout).toContain('In thử căn lề');
});

test('a certificate file edited since the last run is kept; the new one goes beside it', async () => {
  const out = tempDir();
  const file = await xlsx();
  await run(main, ['giay-khen', file, '--out', out]);
  const target = join(out, 'giay-khen', 'giay-khen.docx');
  writeFileSync(target, 'đã sửa tay');
  const { code, stdout } = await run(main, ['giay-khen', file, '--out', out]);
  expect(code).toBe(0);
  expect(readFileSync(target, 'utf8')).toBe('đã sửa tay');
  expect(existsSync(join(out, 'giay-khen', 'giay-khen (bản mới).docx'))).toBe(true);
  expect(stdout).toContain('Giữ nguyên');
});

test('an empty award list and an unknown option are errors that say what to do', async () => {
  const empty = await writeXlsx(workbook({ settings: DEFAULT_SETTINGS, nominations: [] }));
  const none = await run(main, ['giay-khen', empty, '--out', tempDir()]);
  expect(none.code).toBe(2);
  expect(none.stderr).toContain('danh sách khen thưởng đang trống');
  const wrong = await run(main, ['giay-khen', '--mau', 'x']);
  expect(wrong.code).toBe(2);
  expect(wrong.stderr).toContain('Lệnh «giay-khen» không có tùy chọn «--mau».');
});
