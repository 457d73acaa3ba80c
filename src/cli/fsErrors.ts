/** File-system problems said in Vietnamese, with what to do: they are the user's to fix, not bugs. */

/** A problem with the files or folders the command writes or reads (the CLI exits with code 2). */
export class FileProblem extends Error {
  override name = 'FileProblem';
}

/** The errno code of a Node file-system error (`ENOENT`…), if it is one. */
export function systemCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code) ? code : undefined;
}

/** What writing `path` failed on, said for a person; undefined when it is not a file-system problem. */
export function writeProblem(error: unknown, path: string): FileProblem | undefined {
  switch (systemCode(error)) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new FileProblem(`Ổ đĩa đã đầy khi ghi «${path}»: hãy giải phóng chỗ trống hoặc chọn thư mục khác bằng --out rồi chạy lại.`);
    case 'EBUSY':
    case 'ETXTBSY':
      return new FileProblem(`Không ghi được «${path}» vì tệp đang mở ở chương trình khác: hãy đóng tệp rồi chạy lại.`);
    case 'EACCES':
    case 'EPERM':
      return new FileProblem(
        `Không ghi được «${path}»: tệp đang mở ở chương trình khác hoặc thư mục không cho ghi; hãy đóng tệp, kiểm tra quyền ghi hoặc chọn thư mục khác bằng --out rồi chạy lại.`,
      );
    case 'EROFS':
      return new FileProblem(`Không ghi được «${path}» vì ổ đĩa chỉ cho đọc: hãy chọn thư mục khác bằng --out rồi chạy lại.`);
    case 'ENOTDIR':
    case 'EEXIST':
    case 'EISDIR':
      return new FileProblem(`Không ghi được «${path}» vì trên đường dẫn có một tệp trùng tên với thư mục cần tạo: hãy chọn thư mục khác bằng --out rồi chạy lại.`);
    case 'ENAMETOOLONG':
      return new FileProblem(`Đường dẫn «${path}» quá dài: hãy chọn thư mục ngắn hơn bằng --out rồi chạy lại.`);
    default:
      return undefined;
  }
}
