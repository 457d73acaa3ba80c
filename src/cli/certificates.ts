/**
 * `thidua giay-khen [TỆP.xlsx] [--out THƯ_MỤC] [--pdf] [--in-thu]`: every certificate of the award
 * list in one `.docx` (a page each) in `THƯ_MỤC/giay-khen/`, in the print mode `Cấu hình` sets;
 * `--in-thu` writes the one-page alignment test instead. The same guarantees as `thidua run`:
 * a file a person edited is kept, the input never written, clear errors.
 */
import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { evaluate } from '../core/evaluate';
import { readCertificateSettings } from '../core/certificateSettings';
import type { CertificateSettings } from '../core/certificateSettings';
import { EXTRA_SETTING, SHEET } from '../core/contract';
import { EmblemError, alignmentTestPage, buildCertificates, readEmblem } from '../core/documents/certificates';
import type { Emblem } from '../core/documents/certificates';
import { decidedAwards } from '../core/documents/councilPackage';
import { parseSubcommand } from './args';
import { pdfCopies, writeDocx } from './docx';
import { FileProblem } from './fsErrors';
import type { RunOptions, Terminal } from './main';
import { SAMPLE_WORKBOOK } from './main';
import { OutputGuard } from './outputGuard';
import { readWorkbookFile } from './xlsx';

interface Options {
  file?: string;
  out: string;
  pdf: boolean;
  test: boolean;
}

function parse(argv: string[]): Options {
  const words = parseSubcommand('giay-khen', argv, ['--pdf', '--in-thu'], ['--out']);
  return {
    ...(words.file === undefined ? {} : { file: words.file }),
    out: words.values.get('--out') ?? 'out',
    pdf: words.switches.has('--pdf'),
    test: words.switches.has('--in-thu'),
  };
}

/** The emblem file the settings name, relative to the workbook's folder; a file that is not there is an error that says where it is named. */
async function loadEmblem(settings: CertificateSettings, workbookFile: string): Promise<Emblem | null> {
  if (!settings.emblemImage) return null;
  const path = isAbsolute(settings.emblemImage) ? settings.emblemImage : join(dirname(workbookFile), settings.emblemImage);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch {
    throw new FileProblem(
      `Không đọc được ảnh Quốc huy «${path}» (mục «${EXTRA_SETTING.emblemImage}» ở trang «${SHEET.settings}»): hãy kiểm tra tên tệp (đường dẫn tương đối tính từ thư mục của bảng tính), hoặc xóa giá trị để in khung trống.`,
    );
  }
  try {
    return readEmblem(bytes, path);
  } catch (error) {
    if (error instanceof EmblemError) throw new FileProblem(error.message);
    throw error;
  }
}

/** Runs the command; a usage mistake or an unreadable file throws, and `main` says so (exit 2). */
export async function certificatesCommand(argv: string[], terminal: Terminal, runOptions: RunOptions = {}): Promise<number> {
  const options = parse(argv);
  const inputFile = resolve(options.file ?? SAMPLE_WORKBOOK);
  const { input } = await readWorkbookFile(inputFile);
  const { settings, errors } = readCertificateSettings(input);
  for (const e of errors) terminal.err(`Cảnh báo: trang «${e.sheet}», hàng ${e.row}: ${e.message}`);
  const dir = join(resolve(options.out), 'giay-khen');
  const guard = new OutputGuard(dir, [inputFile], runOptions.fs);
  const files: string[] = [];
  const warnings: string[] = [];
  let summary: string[];
  try {
    if (options.test) {
      const page = alignmentTestPage(settings);
      files.push(await guard.write(join(dir, page.fileName), writeDocx(page.doc, page.title)));
      summary = [
        `In thử căn lề: in trang này lên một phôi giấy khen, đo khoảng cách từ mỗi dấu «+» tới chỗ chữ cần nằm, rồi nhập vào «${EXTRA_SETTING.certificateOffsetX}» và «${EXTRA_SETTING.certificateOffsetY}» ở trang «${SHEET.settings}» (số dương: sang phải / xuống dưới).`,
      ];
    } else {
      const all = evaluate(input);
      // The certificates follow the decision: the award list of the dossiers accepted at intake.
      const evaluation = { ...all, awardList: decidedAwards(all, input) };
      if (evaluation.awardList.length === 0) {
        terminal.err(`Lỗi: danh sách khen thưởng đang trống nên chưa có giấy khen nào; chạy «thidua check» để xem vì sao từng đề nghị chưa được đưa vào danh sách.`);
        return 2;
      }
      const set = buildCertificates(evaluation, settings, await loadEmblem(settings, inputFile));
      files.push(await guard.write(join(dir, set.fileName), writeDocx(set.doc, set.title)));
      summary = [
        `Giấy khen: ${set.certificates.length} giấy (${settings.mode === 'onBlank' ? `in trên phôi, lệch ngang ${settings.offsetXMm} mm, dọc ${settings.offsetYMm} mm` : 'đầy đủ'}), mỗi giấy một trang.`,
        ...(settings.mode === 'full' && !settings.emblemImage ? [`Chưa có ảnh Quốc huy (mục «${EXTRA_SETTING.emblemImage}»): giấy khen in khung trống ở chỗ Quốc huy.`] : []),
        ...(set.missing.length ? ['Còn thiếu (để trống «…» trên giấy khen):', ...set.missing.map((m) => `  - ${m}`)] : []),
      ];
    }
    if (options.pdf) files.push(...(await pdfCopies([...files], dir, guard, warnings)));
  } finally {
    await guard.save();
  }
  terminal.out(summary.join('\n'));
  for (const w of warnings) terminal.out(`Cảnh báo: ${w}`);
  for (const { edited, newVersion } of guard.kept) terminal.out(`Giữ nguyên «${edited}» vì đã được sửa sau lần chạy trước; bản mới ghi vào «${newVersion}».`);
  terminal.out(`\nĐã ghi: ${files.join(', ')}`);
  return 0;
}
