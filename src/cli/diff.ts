/** `thidua diff CŨ.xlsx MỚI.xlsx`: the input cells that changed between two versions of a workbook. */
import type { Terminal } from './main';
import { describeChange, diffWorkbooks } from '../core/diff';
import { UsageError } from './args';
import { readWorkbookFile } from './xlsx';

/** Runs the command; a usage mistake or an unreadable file throws, and `main` says so (exit 2). */
export async function diffCommand(argv: string[], terminal: Terminal): Promise<number> {
  const option = argv.find((a) => a.startsWith('-'));
  if (option) throw new UsageError(`Lệnh «diff» không có tùy chọn «${option}».`);
  if (argv.length !== 2) throw new UsageError('Lệnh «diff» cần đúng hai tệp: tệp cũ rồi tệp mới.');
  const [oldFile, newFile] = argv as [string, string];
  const before = (await readWorkbookFile(oldFile)).input;
  const after = (await readWorkbookFile(newFile)).input;
  const { changes, notes } = diffWorkbooks(before, after);
  for (const note of notes) terminal.out(`Lưu ý: ${note.message}`);
  for (const change of changes) terminal.out(describeChange(change));
  terminal.out(changes.length === 0 ? 'Hai tệp giống nhau ở mọi ô của các trang nhập liệu.' : `Tổng cộng ${changes.length} ô thay đổi.`);
  return 0;
}
