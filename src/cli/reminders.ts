/**
 * `thidua nhac-viec [TỆP.xlsx] [--out THƯ_MỤC] [--ngay dd/mm/yyyy] [--mau MẪU.txt] [--from EMAIL]`:
 * the same list as the add-on's «Nhắc việc», and one `.eml` file per unit (RFC 5322, UTF-8
 * headers as RFC 2047 encoded-words, a base64 UTF-8 body) to open in any mail program and send.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { CalendarDate } from '../core/model';
import type { ReminderTemplate, UnitReminder } from '../core/reminders';
import type { Terminal } from './main';
import { NO_EMAIL, reminderList } from '../core/reminders';
import { DEFAULT_TEMPLATE } from '../core/reminderTemplate';
import { evaluate } from '../core/evaluate';
import { readDate } from '../core/cells';
import { calendarDateOf } from '../core/text';
import { UsageError, parseSubcommand } from './args';
import { SAMPLE_WORKBOOK } from './main';
import { readWorkbookFile, UnreadableFile } from './xlsx';
import { OutputGuard } from './outputGuard';

const CRLF = '\r\n';

/** Encoded-words of at most 64 characters (RFC 2047 allows 75; a header line stays under 78), cut between characters. */
export function encodeHeader(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return text;
  const words: string[] = [];
  let chunk = '';
  for (const ch of text) {
    if (Buffer.byteLength(chunk + ch) > 39) {
      words.push(chunk);
      chunk = '';
    }
    chunk += ch;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w, 'utf8').toString('base64')}?=`).join(`${CRLF} `);
}

/** `Tue, 03 Jan 2023 02:00:00 +0000` (RFC 5322 §3.3). */
function mailDate(at: Date): string {
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p = (n: number) => String(n).padStart(2, '0');
  return `${days[at.getUTCDay()]}, ${p(at.getUTCDate())} ${months[at.getUTCMonth()]} ${at.getUTCFullYear()} ${p(at.getUTCHours())}:${p(at.getUTCMinutes())}:${p(at.getUTCSeconds())} +0000`;
}

/** One message, ready to be saved as `.eml`. */
export function renderEml(reminder: UnitReminder, from: string, at: Date): string {
  const body = Buffer.from(reminder.body.replace(/\r?\n/g, CRLF), 'utf8').toString('base64').replace(/.{76}/g, `$&${CRLF}`);
  const headers = [
    `From: ${encodeHeader('Thi đua')} <${from}>`,
    ...(reminder.emails.length > 0 ? [`To: ${reminder.emails.join(`,${CRLF} `)}`] : []),
    `Subject: ${encodeHeader(reminder.subject)}`,
    `Date: ${mailDate(at)}`,
    `Message-ID: <${at.getTime()}.${reminder.code.replace(/[^A-Za-z0-9-]/g, '_')}@${from.split('@')[1]}>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
  ];
  return `${headers.join(CRLF)}${CRLF}${CRLF}${body.replace(/(\r\n)?$/, CRLF)}`;
}

interface Options {
  file?: string;
  out: string;
  today?: CalendarDate;
  template?: string;
  from: string;
}

function parse(argv: string[]): Options {
  const words = parseSubcommand('nhac-viec', argv, [], ['--out', '--ngay', '--mau', '--from']);
  const options: Options = { out: words.values.get('--out') ?? join('out', 'nhac-viec'), from: 'no-reply@thidua.invalid' };
  if (words.file !== undefined) options.file = words.file;
  const template = words.values.get('--mau');
  if (template !== undefined) options.template = template;
  const from = words.values.get('--from');
  if (from !== undefined) {
    if (!/^[^@\s<>,]+@[^@\s<>,]+$/.test(from)) throw new UsageError(`«${from}» không phải một địa chỉ email.`);
    options.from = from;
  }
  const today = words.values.get('--ngay');
  if (today !== undefined) {
    const day = readDate(today, 'UTC');
    if (!day.ok || day.value === null) throw new UsageError(`Ngày «${today}» không đọc được: hãy viết dạng dd/mm/yyyy.`);
    options.today = day.value;
  }
  return options;
}

/** A template file: the first line is the subject, the rest the body. */
async function readTemplate(path: string): Promise<ReminderTemplate> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new UnreadableFile(`Không đọc được tệp mẫu thư «${path}»: hãy kiểm tra tên và quyền đọc tệp.`);
  }
  const [subject = '', ...body] = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (subject.trim() === '' || body.join('').trim() === '') {
    throw new UnreadableFile(`Tệp mẫu thư «${path}» cần dòng đầu là tiêu đề và các dòng sau là nội dung thư.`);
  }
  return { subject: subject.trim(), body: body.join('\n').replace(/^\n+/, '') };
}

const fileName = (code: string) => `nhac-viec-${code.replace(/[^\p{L}\p{N}_-]+/gu, '_')}.eml`;

/** Runs the command; a usage mistake or an unreadable file throws, and `main` says so (exit 2). */
export async function remindersCommand(argv: string[], terminal: Terminal): Promise<number> {
  const options = parse(argv);
  const template = options.template ? await readTemplate(options.template) : DEFAULT_TEMPLATE;
  const inputFile = options.file ?? SAMPLE_WORKBOOK;
  const { input } = await readWorkbookFile(inputFile);
  const at = new Date();
  const today = options.today ?? calendarDateOf(at, 'Asia/Ho_Chi_Minh');
  const list = reminderList(evaluate(input), today, template);
  if (list.problem) {
    terminal.err(`Lỗi: ${list.problem}`);
    return 2;
  }
  if (list.units.length === 0) {
    terminal.out(`Hạn cuối ${list.deadline}: mọi đơn vị đã đủ, không cần nhắc.`);
    return 0;
  }
  const outDir = resolve(options.out);
  // The same guard as `thidua run`: a letter a person edited is kept, a new one goes beside it.
  const guard = new OutputGuard(outDir, [resolve(inputFile)]);
  terminal.out(`Hạn cuối nhận hồ sơ ${list.deadline} (còn ${list.daysLeft} ngày): ${list.units.length} đơn vị còn thiếu.`);
  try {
    for (const unit of list.units) {
      await guard.write(join(outDir, fileName(unit.code)), Buffer.from(renderEml(unit, options.from, at), 'utf8'));
      terminal.out(`\n${unit.code} ${unit.name} — ${unit.emails.length > 0 ? unit.emails.join(', ') : NO_EMAIL}`);
      for (const item of unit.owed) terminal.out(`  - ${item}`);
    }
  } finally {
    await guard.save();
  }
  for (const { edited, newVersion } of guard.kept) terminal.out(`Giữ nguyên «${edited}» vì đã được sửa sau lần chạy trước; bản mới ghi vào «${newVersion}».`);
  terminal.out(`\nĐã ghi ${list.units.length} thư (.eml) vào ${outDir}.`);
  return 0;
}
