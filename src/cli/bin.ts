/** The process entry of `thidua`: exit codes, and a last word instead of a stack trace. */
import { main } from './main';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`Lỗi không mong đợi: ${error instanceof Error ? error.message : String(error)}\nHãy báo lỗi này kèm tệp bảng tính (nếu được).\n`);
    process.exitCode = 1;
  },
);
