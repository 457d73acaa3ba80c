/**
 * Generates `tests/fakes/scopes.json`: for each Apps Script method, as `Class.method` (the label
 * the fakes record a call under), the OAuth scopes of which the script needs one, read from the
 * "Authorization" section of each method's documentation in the `gas-types-detailed` package
 * (taken from the Apps Script reference). `[]` means the method needs no scope.
 *
 *     npx tsx scripts/scopes.ts          # rewrites the file
 *
 * tests/addon/scopes.test.ts checks the committed file is what this produces.
 */
import ts from 'typescript';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export const SCOPES_FILE = 'tests/fakes/scopes.json';

export type ScopeTable = Record<string, string[]>;

/**
 * The services the add-on may call (a class name such as `Range` is in several services; the
 * table joins only these). Adding a service here and regenerating is how a new one is allowed.
 */
export const SERVICES = ['Base', 'Document', 'Drive', 'HTML', 'Lock', 'Mail', 'Properties', 'Script', 'Spreadsheet', 'Utilities'];

/** Scopes are stored without this prefix (`spreadsheets.currentonly`), as appsscript.json's are compared. */
export const SCOPE_PREFIX = 'https://www.googleapis.com/auth/';

/** The folder of the installed package. */
export function packageDir(): string {
  return dirname(createRequire(import.meta.url).resolve('gas-types-detailed/package.json'));
}

const SCOPE = /^\s*\*?\s*-\s*(https:\/\/www\.googleapis\.com\/auth\/\S+)\s*$/;

/** The scopes listed under "Authorization:" in a doc comment. */
function scopesIn(comment: string): string[] {
  const lines = comment.split('\n');
  const start = lines.findIndex((l) => /Authorization:/.test(l));
  if (start < 0) return [];
  const scopes: string[] = [];
  for (const line of lines.slice(start + 1)) {
    const m = SCOPE.exec(line);
    if (m) scopes.push(m[1]!.slice(SCOPE_PREFIX.length));
    else if (scopes.length > 0 && !/^\s*\*\s*$/.test(line)) break;
  }
  return scopes;
}

/** Every method of every interface of the package's `.d.ts` files. */
export function scopeTable(dir = packageDir()): ScopeTable {
  const table = new Map<string, Set<string>>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.d.ts')).sort()) {
    const text = readFileSync(join(dir, file), 'utf8');
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
    const visit = (node: ts.Node, owner: string | null): void => {
      if (ts.isModuleDeclaration(node) && ts.isIdentifier(node.name) && node.name.text !== 'GoogleAppsScript' && !SERVICES.includes(node.name.text)) return;
      if (ts.isInterfaceDeclaration(node) || ts.isClassDeclaration(node)) {
        const name = node.name?.text ?? null;
        node.forEachChild((child) => visit(child, name));
        return;
      }
      if (owner && (ts.isMethodSignature(node) || ts.isMethodDeclaration(node)) && ts.isIdentifier(node.name)) {
        const key = `${owner}.${node.name.text}`;
        const comment = (ts.getLeadingCommentRanges(text, node.pos) ?? []).map((r) => text.slice(r.pos, r.end)).join('\n');
        const scopes = table.get(key) ?? new Set<string>();
        // Overloads and same-named classes of two services: any scope one of them accepts.
        for (const scope of scopesIn(comment)) scopes.add(scope);
        table.set(key, scopes);
        return;
      }
      node.forEachChild((child) => visit(child, owner));
    };
    visit(source, null);
  }
  return Object.fromEntries([...table.keys()].sort().map((k) => [k, [...table.get(k)!].sort()]));
}

/** One method a line, so a regenerated table diffs by method. */
export function render(table: ScopeTable): string {
  const lines = Object.entries(table).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  return `{\n${lines.join(',\n')}\n}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(SCOPES_FILE, render(scopeTable()));
  console.log(`Đã ghi ${SCOPES_FILE}`);
}
