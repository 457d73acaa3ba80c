/** The `thidua` command's words: validated with zod, explained in Vietnamese. */
import * as z from 'zod';

export const USAGE = `Cách dùng:
  thidua run [TỆP.xlsx] [--out THƯ_MỤC] [--templates THƯ_MỤC_MẪU] [--pdf]
      Xếp hạng, xét điều kiện, lập danh sách khen thưởng và hồ sơ (.docx).
      Không nêu tệp thì dùng bảng tính mẫu huyện Hữu Lũng 2022; kết quả ghi vào «out/».
  thidua check [TỆP.xlsx] [--json]
      Chỉ kiểm tra và in kết quả (--json: đúng một đối tượng JSON ra đầu ra chuẩn).
  thidua diff CŨ.xlsx MỚI.xlsx
      Liệt kê mọi ô đã thay đổi ở các trang nhập liệu (trang, hàng, cột, cũ → mới).
  thidua nhac-viec [TỆP.xlsx] [--out THƯ_MỤC] [--ngay dd/mm/yyyy] [--mau MẪU.txt] [--from EMAIL]
      In các đơn vị còn thiếu việc trước hạn và ghi thư nhắc (.eml) vào «out/nhac-viec».
  thidua tong-ket [TỆP.xlsx] [--out THƯ_MỤC] [--pdf]
      Lập dự thảo báo cáo tổng kết phong trào («Báo cáo tổng kết.docx», có biểu đồ) và trang «Tổng kết» trong bảng tính kết quả.
  thidua giay-khen [TỆP.xlsx] [--out THƯ_MỤC] [--pdf] [--in-thu]
      Ghi mọi giấy khen (mỗi giấy một trang, một tệp .docx) vào «out/giay-khen», đầy đủ hoặc in trên phôi
      theo trang Cấu hình; --in-thu: chỉ ghi một trang in thử căn lề.
  thidua tiep-nhan [TỆP.xlsx] [--out THƯ_MỤC]
      Kiểm tra tiếp nhận hồ sơ (D1, D2, D3, số phiếu, hạn nộp, chỉ tiêu, điều kiện) và ghi trang
      «Tiếp nhận hồ sơ» vào bản sao bảng tính trong «out/»; giữ nguyên ô cán bộ đã nhập.
  thidua trinh-khen [TỆP.xlsx] [--out THƯ_MỤC] [--pdf]
      Lập tờ trình, biên bản họp Hội đồng Thi đua - Khen thưởng và quyết định khen thưởng (kèm
      danh sách) từ các hồ sơ «Đủ», ghi vào «out/trinh-khen».
  thidua help
      In hướng dẫn này.`;

const runArgs = z.strictObject({
  command: z.literal('run'),
  file: z.string().optional(),
  out: z.string().default('out'),
  templates: z.string().optional(),
  pdf: z.boolean().default(false),
});
const checkArgs = z.strictObject({ command: z.literal('check'), file: z.string().optional(), json: z.boolean().default(false) });
const helpArgs = z.strictObject({ command: z.literal('help') });
const commandArgs = z.discriminatedUnion('command', [runArgs, checkArgs, helpArgs]);

export type CommandArgs = z.infer<typeof commandArgs>;

export class UsageError extends Error {
  override name = 'UsageError';
}

/** A subcommand's words: at most one workbook, its switches, and its options with a value (`--out X` or `--out=X`). */
export interface SubcommandWords {
  file?: string;
  switches: Set<string>;
  values: Map<string, string>;
}

export function parseSubcommand(command: string, argv: string[], switches: readonly string[], valued: readonly string[]): SubcommandWords {
  const words: SubcommandWords = { switches: new Set(), values: new Map() };
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!;
    if (!word.startsWith('--')) {
      if (words.file !== undefined) throw new UsageError(`Thừa tham số «${word}»: chỉ nêu một tệp bảng tính.`);
      words.file = word;
      continue;
    }
    const [flag, inline] = word.split(/=(.*)/s) as [string, string | undefined];
    if (switches.includes(flag) && inline === undefined) words.switches.add(flag);
    else if (valued.includes(flag)) {
      const value = inline ?? argv[++i];
      if (!value) throw new UsageError(`Tùy chọn «${flag}» cần ${flag === '--out' ? 'một thư mục' : 'một giá trị'} đi kèm.`);
      words.values.set(flag, value);
    } else throw new UsageError(`Lệnh «${command}» không có tùy chọn «${flag}».`);
  }
  return words;
}

const FLAGS_WITH_VALUE = new Set(['--out', '--templates']);
const FLAGS = new Set(['--json', '--pdf', ...FLAGS_WITH_VALUE]);

/** Turns `argv` (without node and the script) into a command, or says what is wrong. */
export function parseArgs(argv: string[]): CommandArgs {
  const [command = 'help', ...rest] = argv;
  if (command === '--help' || command === '-h') return { command: 'help' };
  const raw: Record<string, unknown> = { command };
  for (let i = 0; i < rest.length; i++) {
    const word = rest[i] as string;
    if (word.startsWith('--')) {
      const [flag, inline] = word.split(/=(.*)/s) as [string, string | undefined];
      if (!FLAGS.has(flag)) throw new UsageError(`Không hiểu tùy chọn «${flag}».`);
      if (FLAGS_WITH_VALUE.has(flag)) {
        const value = inline ?? rest[++i];
        if (!value) throw new UsageError(`Tùy chọn «${flag}» cần một thư mục đi kèm.`);
        raw[flag.slice(2)] = value;
      } else raw[flag.slice(2)] = true;
    } else if (raw.file === undefined) raw.file = word;
    else throw new UsageError(`Thừa tham số «${word}»: chỉ nêu một tệp bảng tính.`);
  }
  const parsed = commandArgs.safeParse(raw);
  if (parsed.success) return parsed.data;
  if (!['run', 'check', 'help'].includes(command)) throw new UsageError(`Không có lệnh «${command}».`);
  const issue = parsed.error.issues[0];
  const option = issue?.code === 'unrecognized_keys' ? issue.keys[0] : issue?.path[0];
  throw new UsageError(`Tùy chọn «--${String(option)}» không dùng được với lệnh «${command}».`);
}
