/**
 * Post-build checks of `dist/Code.js`: what Apps Script needs and esbuild could silently break.
 * Each problem is one line; an empty list means the bundle is fit to push.
 */
import ts from 'typescript';
import type { ExposedFunction } from './buildAddon';

/**
 * Size budget: every execution, each custom-function call included, loads the whole file. Raised
 * from 150 to 200 KB when the Drive jobs, the audit log and reminders joined, then to 320 KB for
 * issues 9, 11 and 12 (the closing of the movement, rules as rows, legal presets, live tables:
 * 290 KB, loading in 5–14 ms in node:vm). The cap still stops a heavy dependency slipping in.
 */
export const CODE_BUDGET_BYTES = 320 * 1024;

/** Globals that do not exist in Apps Script (Node's and browsers'). */
const FOREIGN_GLOBALS = ['process', 'window', 'document', 'setTimeout', 'setInterval', 'fetch', 'require', 'module', 'exports', 'globalThis.process'];

/** Identifiers the code reads that it never declares: globals it expects the host to have. */
export function freeIdentifiers(code: string): Set<string> {
  const source = ts.createSourceFile('Code.js', code, ts.ScriptTarget.ES2020, true, ts.ScriptKind.JS);
  const used = new Set<string>();
  const bound = new Set<string>();
  const bind = (name: ts.BindingName | undefined) => {
    if (!name) return;
    if (ts.isIdentifier(name)) bound.add(name.text);
    else for (const element of name.elements) if (!ts.isOmittedExpression(element)) bind(element.name);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) || ts.isParameter(node) || ts.isBindingElement(node)) bind(node.name);
    else if ((ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) || ts.isClassDeclaration(node) || ts.isClassExpression(node)) && node.name) bound.add(node.name.text);
    else if (ts.isCatchClause(node) && node.variableDeclaration) bind(node.variableDeclaration.name);
    else if (ts.isIdentifier(node)) {
      const parent = node.parent;
      const isName =
        (ts.isPropertyAccessExpression(parent) && parent.name === node) ||
        (ts.isPropertyAssignment(parent) && parent.name === node) ||
        (ts.isMethodDeclaration(parent) && parent.name === node) ||
        (ts.isPropertyDeclaration(parent) && parent.name === node) ||
        ((ts.isGetAccessor(parent) || ts.isSetAccessor(parent)) && parent.name === node) ||
        (ts.isBindingElement(parent) && parent.propertyName === node) ||
        (ts.isLabeledStatement(parent) && parent.label === node) ||
        ((ts.isBreakStatement(parent) || ts.isContinueStatement(parent)) && parent.label === node);
      if (!isName) used.add(node.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return new Set([...used].filter((name) => !bound.has(name)));
}

export function checkBundle(code: string, exposed: ExposedFunction[]): string[] {
  const problems: string[] = [];
  const bytes = Buffer.byteLength(code);
  if (bytes > CODE_BUDGET_BYTES) problems.push(`Code.js nặng ${bytes} byte, quá ngân sách ${CODE_BUDGET_BYTES}`);
  if (/^\s*(?:import\s*[\w{*'"]|export\s)/m.test(code)) problems.push('Code.js có câu lệnh import/export: Apps Script không chạy được');
  const free = freeIdentifiers(code);
  for (const name of FOREIGN_GLOBALS) {
    if (free.has(name)) problems.push(`Code.js dùng «${name}», không có trong Apps Script`);
  }
  for (const f of exposed) {
    const declaration = new RegExp(`^function ${f.name}\\(${f.params.join(', ')}\\) \\{`, 'm');
    if (!declaration.test(code)) problems.push(`Thiếu hàm cấp cao nhất «function ${f.name}(${f.params.join(', ')})»`);
    if (new RegExp(`^function ${f.name}\\d+\\(`, 'm').test(code)) problems.push(`«${f.name}» bị đổi tên khi đóng gói`);
    if (f.customFunction) {
      const withDoc = new RegExp(`/\\*\\*(?:(?!\\*/)[\\s\\S])*@customfunction(?:(?!\\*/)[\\s\\S])*\\*/\\s*function ${f.name}\\(`);
      if (!withDoc.test(code)) problems.push(`Hàm tùy chỉnh «${f.name}» mất khối JSDoc @customfunction`);
    }
  }
  return problems;
}
