import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { encodeHeader } from '../../src/cli/reminders';
import { SCORE_COL, SHEET, UNIT_COL, findSheet } from '../../src/core';
import { run, tempDir, writeXlsx } from '../helpers/files';
import { GOOD_COLLECTIVE, UNITS, workbook } from '../helpers/workbook';

const input = () =>
  workbook({
    units: UNITS.map((u) => ({ ...u, [UNIT_COL.emails]: u[UNIT_COL.code] === 'X04' ? 'vanthu.yenbinh@example.gov.vn, chutich.yenbinh@example.gov.vn' : '' })),
    nominations: [GOOD_COLLECTIVE],
  });

describe('thidua diff', () => {
  it('lists each changed input cell in Vietnamese and exits 0', async () => {
    const after = input();
    const scores = findSheet(after, SHEET.scores)!.values;
    scores[4]![scores[0]!.indexOf(SCORE_COL.appraisedPoints)] = 31;
    const { code, stdout, stderr } = await run(main, ['diff', await writeXlsx(input()), await writeXlsx(after)]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout.split('\n')).toEqual(['Chấm điểm, hàng 5 [X02 / TC2], cột «Điểm thẩm định»: «35» → «31»', 'Tổng cộng 1 ô thay đổi.']);
  });

  it('says when nothing changed', async () => {
    const file = await writeXlsx(input());
    expect((await run(main, ['diff', file, file])).stdout).toBe('Hai tệp giống nhau ở mọi ô của các trang nhập liệu.');
  });

  it.each([
    [['diff', 'a.xlsx'], 'cần đúng hai tệp'],
    [['diff', 'a.xlsx', 'b.xlsx', '--json'], 'không có tùy chọn «--json»'],
  ])('refuses %j with exit 2 and the usage', async (argv, message) => {
    const { code, stderr } = await run(main, argv);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(stderr).toContain('thidua diff CŨ.xlsx MỚI.xlsx');
  });

  it('exits 2 with one Vietnamese line for a missing or broken file', async () => {
    const dir = tempDir();
    const broken = join(dir, 'hong.xlsx');
    writeFileSync(broken, 'không phải bảng tính');
    const good = await writeXlsx(input());
    for (const [argv, message] of [[[good, join(dir, 'khong-co.xlsx')], 'Không tìm thấy tệp'], [[broken, good], 'không phải bảng tính Excel']] as const) {
      const { code, stdout, stderr } = await run(main, ['diff', ...argv]);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.split('\n')).toHaveLength(1);
      expect(stderr).toContain(message);
    }
  });
});

/** The parts of an `.eml` a mail program reads, decoded. */
function readEml(text: string) {
  const [head, body] = text.split('\r\n\r\n') as [string, string];
  const unfolded = head.replace(/\r\n /g, ' ');
  const header = (name: string) => new RegExp(`^${name}: (.*)$`, 'm').exec(unfolded)?.[1] ?? '';
  const decode = (value: string) => value.replace(/=\?UTF-8\?B\?([^?]+)\?= ?/g, (_, b64: string) => Buffer.from(b64, 'base64').toString('utf8'));
  return { head, header, decode, body: Buffer.from(body.replace(/\r\n/g, ''), 'base64').toString('utf8') };
}

describe('thidua nhac-viec', () => {
  it('prints who owes what and writes one RFC 5322 message per unit, Vietnamese in UTF-8', async () => {
    const out = tempDir();
    const { code, stdout, stderr } = await run(main, ['nhac-viec', await writeXlsx(input()), '--out', out, '--ngay', '03/01/2023']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('Hạn cuối nhận hồ sơ 06/01/2023 (còn 3 ngày): 7 đơn vị còn thiếu.');
    expect(stdout).toContain('X04 UBND xã Yên Bình — vanthu.yenbinh@example.gov.vn, chutich.yenbinh@example.gov.vn');
    expect(stdout).toContain('X01 UBND xã Cai Kinh — chưa có địa chỉ');
    expect(readdirSync(out).sort()).toContain('nhac-viec-X04.eml');
    const raw = readFileSync(join(out, 'nhac-viec-X04.eml'), 'utf8');
    const eml = readEml(raw);
    expect(eml.head).toMatch(/^[\x20-\x7e\r\n]*$/); // headers are ASCII (RFC 5322)
    expect(eml.head.split('\r\n').every((line) => line.length <= 78)).toBe(true);
    expect(eml.header('To')).toBe('vanthu.yenbinh@example.gov.vn, chutich.yenbinh@example.gov.vn');
    expect(eml.decode(eml.header('Subject'))).toBe('Đề nghị hoàn thiện hồ sơ phong trào thi đua trước ngày 06/01/2023');
    expect(eml.header('Date')).toMatch(/^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} \+0000$/);
    expect(eml.header('Content-Type')).toBe('text/plain; charset=UTF-8');
    expect(eml.header('Message-ID')).toMatch(/^<\d+\.X04@thidua\.invalid>$/);
    expect(eml.body).toContain('Kính gửi: UBND xã Yên Bình');
    expect(eml.body).toContain('- Chưa có thông tin họp xét và tờ trình');
  });

  it('keeps a letter a person edited after the last run, writing the new one beside it', async () => {
    const out = tempDir();
    const file = await writeXlsx(input());
    await run(main, ['nhac-viec', file, '--out', out, '--ngay', '03/01/2023']);
    writeFileSync(join(out, 'nhac-viec-X04.eml'), 'thư đã sửa tay');
    const { code, stdout } = await run(main, ['nhac-viec', file, '--out', out, '--ngay', '03/01/2023']);
    expect(code).toBe(0);
    expect(readFileSync(join(out, 'nhac-viec-X04.eml'), 'utf8')).toBe('thư đã sửa tay');
    expect(readdirSync(out)).toContain('nhac-viec-X04 (bản mới).eml');
    expect(stdout).toContain('Giữ nguyên');
  });

  it('says in one Vietnamese line when --out names a file (exit 2)', async () => {
    const dir = tempDir();
    const blocker = join(dir, 'tep');
    writeFileSync(blocker, 'x');
    const { code, stderr } = await run(main, ['nhac-viec', await writeXlsx(input()), '--out', blocker, '--ngay', '03/01/2023']);
    expect(code).toBe(2);
    expect(stderr.split('\n')).toHaveLength(1);
    expect(stderr).not.toContain('báo lỗi');
  });

  it('uses a template file: first line the subject, the rest the body', async () => {
    const dir = tempDir();
    const template = join(dir, 'mau.txt');
    writeFileSync(template, 'Nhắc {ma_don_vi}\nKính gửi {ten_don_vi},\n{con_thieu}\n');
    await run(main, ['nhac-viec', await writeXlsx(input()), '--out', dir, '--ngay', '03/01/2023', '--mau', template]);
    const eml = readEml(readFileSync(join(dir, 'nhac-viec-X04.eml'), 'utf8'));
    expect(eml.decode(eml.header('Subject'))).toBe('Nhắc X04');
    expect(eml.body.startsWith('Kính gửi UBND xã Yên Bình,\r\n- Chưa có thông tin họp xét')).toBe(true);
  });

  it('writes nothing once the deadline has passed, and says why (exit 2)', async () => {
    const out = tempDir();
    const { code, stderr } = await run(main, ['nhac-viec', await writeXlsx(input()), '--out', out, '--ngay', '07/01/2023']);
    expect(code).toBe(2);
    expect(stderr).toBe('Lỗi: Đã quá hạn nhận hồ sơ (06/01/2023): không còn gửi nhắc việc.');
    expect(readdirSync(out)).toEqual([]);
  });

  it.each([
    [['--ngay', '32/13/2023'], 'Ngày «32/13/2023» không đọc được'],
    [['--gui'], 'không có tùy chọn «--gui»'],
    [['--from', 'ai đó'], 'không phải một địa chỉ email'],
  ])('refuses %j with exit 2', async (args, message) => {
    const { code, stderr } = await run(main, ['nhac-viec', ...args]);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });
});

describe('encodeHeader', () => {
  it('keeps ASCII as it is and cuts long Vietnamese into encoded-words between characters', () => {
    expect(encodeHeader('Reminder')).toBe('Reminder');
    const long = 'Đề nghị hoàn thiện hồ sơ phong trào thi đua «Đẩy mạnh cải cách hành chính» trước ngày 06/01/2023';
    const words = encodeHeader(long).split('\r\n ');
    expect(words.length).toBeGreaterThan(1);
    expect(words.every((w) => w.length <= 75)).toBe(true);
    expect(words.map((w) => Buffer.from(w.slice(10, -2), 'base64').toString('utf8')).join('')).toBe(long);
  });
});
