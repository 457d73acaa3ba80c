/**
 * Vietnamese words for zod's own checks, those the schemas give no message of their own (a
 * value of the wrong type, a bound without a message). Smaller than zod's whole Vietnamese
 * locale, which would weigh on every Apps Script execution; shared by the pages and the server.
 */
import type * as z from 'zod/mini';

const TYPES: Record<string, string> = {
  string: 'chữ',
  number: 'số',
  boolean: 'Có/Không',
  object: 'một bản ghi',
  array: 'một danh sách',
};

export const vietnameseIssue: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined || issue.input === null
        ? 'Thiếu giá trị.'
        : `Sai kiểu dữ liệu: cần ${TYPES[issue.expected] ?? issue.expected}.`;
    case 'too_big':
      return `Giá trị vượt quá giới hạn ${String(issue.maximum)}.`;
    case 'too_small':
      return `Giá trị nhỏ hơn giới hạn ${String(issue.minimum)}.`;
    case 'invalid_value':
      return 'Giá trị không nằm trong danh sách được chọn.';
    default:
      return 'Giá trị không hợp lệ.';
  }
};
