/**
 * Post-build checks of `dist/Code.js`: what Apps Script needs and esbuild could silently break.
 * Each problem is one line; an empty list means the bundle is fit to push.
 */
import type { ExposedFunction } from './buildAddon';

/** Size budget: every execution, each custom-function call included, loads the whole file. */
export const CODE_BUDGET_BYTES = 150 * 1024;

const FORBIDDEN: Array<[RegExp, string]> = [
  [/^\s*import\s*[\w{*'"]/m, 'câu lệnh import'],
  [/^\s*export\s/m, 'câu lệnh export'],
  [/\brequire\s*\(/, 'require()'],
  [/\bprocess\s*[.[]|typeof\s+process\b/, 'process (Node)'],
  [/\bwindow\s*[.[]|typeof\s+window\b/, 'window (trình duyệt)'],
  [/\bdocument\s*\.\s*\w+\s*\(|typeof\s+document\b/, 'document (trình duyệt)'],
  [/\bsetTimeout\s*\(/, 'setTimeout'],
  [/\bfetch\s*\(/, 'fetch'],
];

export function checkBundle(code: string, exposed: ExposedFunction[]): string[] {
  const problems: string[] = [];
  const bytes = Buffer.byteLength(code);
  if (bytes > CODE_BUDGET_BYTES) problems.push(`Code.js nặng ${bytes} byte, quá ngân sách ${CODE_BUDGET_BYTES}`);
  for (const [pattern, what] of FORBIDDEN) {
    if (pattern.test(code)) problems.push(`Code.js có ${what}: Apps Script không chạy được`);
  }
  for (const f of exposed) {
    const declaration = new RegExp(`^function ${f.name}\\(${f.params.join(', ')}\\) \\{`, 'm');
    if (!declaration.test(code)) problems.push(`Thiếu hàm cấp cao nhất «function ${f.name}(${f.params.join(', ')})»`);
    const renamed = new RegExp(`^function ${f.name}\\d+\\(`, 'm');
    if (renamed.test(code)) problems.push(`«${f.name}» bị đổi tên khi đóng gói`);
    if (f.customFunction) {
      const withDoc = new RegExp(`/\\*\\*(?:(?!\\*/)[\\s\\S])*@customfunction(?:(?!\\*/)[\\s\\S])*\\*/\\s*function ${f.name}\\(`);
      if (!withDoc.test(code)) problems.push(`Hàm tùy chỉnh «${f.name}» mất khối JSDoc @customfunction`);
    }
  }
  return problems;
}
