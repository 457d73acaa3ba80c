/**
 * Builds the Apps Script project into `dist/`:
 * - `Code.js`: the server as one esbuild `iife` (global `Thidua`) plus a footer of real
 *   top-level `function NAME(params)` stubs, one per entry point, because Apps Script only sees
 *   top-level function declarations. Custom functions keep their JSDoc (`@customfunction`,
 *   `@param {A2:A}`) in the stub: esbuild drops comments, and Sheets reads them for its help.
 * - `<Name>.html`: each sidebar `src/sidebar/<name>/` (index.html + main.ts) as one
 *   self-contained page, script and styles inlined.
 * - `appsscript.json`: the manifest, copied.
 */
import * as esbuild from 'esbuild';
import ts from 'typescript';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CODE_BUDGET_BYTES } from './check-bundle';

/** The global the bundle assigns; the stubs call through it. */
export const GLOBAL_NAME = 'Thidua';

/** One function Apps Script must see at top level. */
export interface ExposedFunction {
  name: string;
  params: string[];
  /** The source JSDoc block (`/** … *\/`), copied above the stub; '' when there is none. */
  jsdoc: string;
  customFunction: boolean;
  /** Where the bundle holds it: `Thidua.NAME` or `Thidua.endpoints.NAME`. */
  target: string;
}

export interface BuildOptions {
  /** Folder holding `addon/entry.ts`, optionally `addon/endpoints.ts`, and `sidebar/<name>/`. */
  srcDir: string;
  outDir: string;
  /** The manifest to copy into `outDir`; skipped when absent. */
  manifest?: string;
  /** `auto` (default): readable unless that is over the size budget, then minified. */
  minify?: boolean | 'auto';
  /** The entry file under `srcDir` (default `addon/entry.ts`; the smoke edition has its own). */
  entry?: string;
}

export interface BuiltFile {
  name: string;
  bytes: number;
}

export interface BuildResult {
  files: BuiltFile[];
  exposed: ExposedFunction[];
}

const ENTRY = 'addon/entry.ts';
const ENDPOINTS = 'addon/endpoints.ts';

export async function buildAddon(options: BuildOptions): Promise<BuildResult> {
  const { srcDir, outDir } = options;
  mkdirSync(outDir, { recursive: true });
  const entry = options.entry ?? ENTRY;
  const exposed = exposedFunctions(srcDir, entry);
  const minify = options.minify ?? 'auto';
  let code = await bundleServer(srcDir, exposed, minify === true, entry);
  // Minifying is safe here (only the stubs are globals) but makes Apps Script's stack traces
  // unreadable, so it is the fallback when the readable file is too heavy.
  if (minify === 'auto' && Buffer.byteLength(code) > CODE_BUDGET_BYTES) code = await bundleServer(srcDir, exposed, true, entry);
  writeFileSync(join(outDir, 'Code.js'), code);
  const files: BuiltFile[] = [{ name: 'Code.js', bytes: Buffer.byteLength(code) }];
  for (const page of await buildSidebars(srcDir)) {
    writeFileSync(join(outDir, page.name), page.html);
    files.push({ name: page.name, bytes: Buffer.byteLength(page.html) });
  }
  if (options.manifest && existsSync(options.manifest)) {
    copyFileSync(options.manifest, join(outDir, 'appsscript.json'));
    files.push({ name: 'appsscript.json', bytes: readFileSync(options.manifest).length });
  }
  return { files, exposed };
}

/**
 * Every entry point, read from the source with the TypeScript compiler: each export of
 * `addon/entry.ts`, and each key of the `endpoints` object of `addon/endpoints.ts` when that
 * file exists (sidebar calls through `google.script.run`).
 */
export function exposedFunctions(srcDir: string, entry = ENTRY): ExposedFunction[] {
  const entryPath = resolve(srcDir, entry);
  const endpointsPath = resolve(srcDir, ENDPOINTS);
  const hasEndpoints = existsSync(endpointsPath);
  const program = ts.createProgram({
    rootNames: hasEndpoints ? [entryPath, endpointsPath] : [entryPath],
    options: {
      target: ts.ScriptTarget.ES2020,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      noEmit: true,
      types: [],
    },
  });
  const checker = program.getTypeChecker();
  const moduleSymbol = (path: string): ts.Symbol => {
    const file = program.getSourceFile(path);
    const symbol = file && checker.getSymbolAtLocation(file);
    if (!symbol) throw new Error(`Không đọc được ${path}`);
    return symbol;
  };

  const result: ExposedFunction[] = [];
  for (const exported of checker.getExportsOfModule(moduleSymbol(entryPath))) {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const declaration = symbol.declarations?.[0];
    const fn = declaration && functionLike(declaration);
    if (!declaration || !fn) {
      throw new Error(`${ENTRY}: «${exported.name}» phải là một hàm (chỉ xuất các điểm vào của Apps Script)`);
    }
    const jsdoc = leadingJsdoc(declaration);
    result.push({
      name: exported.name,
      params: fn.parameters.map((p) => parameterName(p, exported.name)),
      jsdoc,
      customFunction: /@customfunction\b/.test(jsdoc),
      target: `${GLOBAL_NAME}.${exported.name}`,
    });
  }

  if (hasEndpoints) {
    const endpoints = checker.getExportsOfModule(moduleSymbol(endpointsPath)).find((s) => s.name === 'endpoints');
    const declaration = endpoints?.declarations?.[0];
    if (!endpoints || !declaration) throw new Error(`${ENDPOINTS} phải xuất «endpoints»`);
    const type = checker.getTypeOfSymbolAtLocation(endpoints, declaration);
    for (const property of type.getProperties()) {
      const propertyType = checker.getTypeOfSymbolAtLocation(property, declaration);
      const signature = propertyType.getCallSignatures()[0];
      if (!signature) throw new Error(`${ENDPOINTS}: endpoints.${property.name} phải là một hàm`);
      const propertyDeclaration = property.declarations?.[0];
      result.push({
        name: property.name,
        params: signature.parameters.map((p) => p.name),
        jsdoc: propertyDeclaration ? leadingJsdoc(propertyDeclaration) : '',
        customFunction: false,
        target: `${GLOBAL_NAME}.endpoints.${property.name}`,
      });
    }
  }

  const seen = new Set<string>();
  for (const { name } of result) {
    if (seen.has(name)) throw new Error(`Tên «${name}» được xuất hai lần (entry và endpoints)`);
    if (name === GLOBAL_NAME || name.endsWith('_')) {
      throw new Error(`Tên «${name}» không dùng được: Apps Script ẩn tên kết thúc bằng «_»`);
    }
    seen.add(name);
  }
  return result;
}

function functionLike(node: ts.Node): ts.SignatureDeclarationBase | undefined {
  if (ts.isFunctionDeclaration(node)) return node;
  if (ts.isVariableDeclaration(node) && node.initializer) {
    const init = node.initializer;
    if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) return init;
  }
  return undefined;
}

function parameterName(p: ts.ParameterDeclaration, fn: string): string {
  if (!ts.isIdentifier(p.name) || p.dotDotDotToken) {
    throw new Error(`«${fn}»: Apps Script cần tham số có tên đơn giản, không phân rã hay «...»`);
  }
  return p.name.text;
}

/** The `/** … *\/` block right above a declaration (its statement, for a `const`). */
function leadingJsdoc(node: ts.Node): string {
  const statement = ts.isVariableDeclaration(node) ? node.parent.parent : node;
  const source = statement.getSourceFile().getFullText();
  const ranges = ts.getLeadingCommentRanges(source, statement.getFullStart()) ?? [];
  const last = ranges[ranges.length - 1];
  const text = last ? source.slice(last.pos, last.end) : '';
  return text.startsWith('/**') ? text : '';
}

/** The footer: one real top-level function per entry point, with its JSDoc. */
export function renderStubs(exposed: ExposedFunction[]): string {
  return exposed
    .map((f) => {
      const params = f.params.join(', ');
      const doc = f.jsdoc ? `${reindent(f.jsdoc)}\n` : '';
      return `${doc}function ${f.name}(${params}) {\n  return ${f.target}(${params});\n}\n`;
    })
    .join('\n');
}

function reindent(jsdoc: string): string {
  return jsdoc
    .split('\n')
    .map((line, i) => (i === 0 ? line.trim() : ` ${line.trim()}`))
    .join('\n');
}

async function bundleServer(srcDir: string, exposed: ExposedFunction[], minify: boolean, entry: string): Promise<string> {
  const hasEndpoints = exposed.some((f) => f.target.startsWith(`${GLOBAL_NAME}.endpoints.`));
  const contents = [`export * from './${entry.replace(/\.ts$/, '')}';`];
  if (hasEndpoints) contents.push(`export { endpoints } from './${ENDPOINTS.replace(/\.ts$/, '')}';`);
  const result = await esbuild.build({
    stdin: { contents: contents.join('\n'), resolveDir: srcDir, sourcefile: 'apps-script-entry.ts', loader: 'ts' },
    bundle: true,
    write: false,
    format: 'iife',
    globalName: GLOBAL_NAME,
    platform: 'neutral',
    mainFields: ['module', 'main'],
    target: 'es2020',
    minify,
    legalComments: 'none',
    charset: 'utf8',
    logLevel: 'silent',
  });
  const js = result.outputFiles[0]?.text ?? '';
  const banner = '// Thi đua — tệp do `npm run build` sinh ra; đừng sửa tay (nguồn: src/addon).\n';
  return `${banner}${js}\n${renderStubs(exposed)}`;
}

/** A built sidebar: `dist/<Name>.html`, served with `HtmlService.createHtmlOutputFromFile('<Name>')`. */
export interface SidebarPage {
  name: string;
  html: string;
}

/** `nhap-de-nghi` → `NhapDeNghi`: the file name Apps Script serves a sidebar folder as. */
export function sidebarFileName(folder: string): string {
  const base = folder
    .split(/[-_\s]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
  return `${base}.html`;
}

export async function buildSidebars(srcDir: string): Promise<SidebarPage[]> {
  const root = join(srcDir, 'sidebar');
  if (!existsSync(root)) return [];
  const pages: SidebarPage[] = [];
  for (const folder of readdirSync(root, { withFileTypes: true })) {
    const dir = join(root, folder.name);
    if (!folder.isDirectory() || !existsSync(join(dir, 'index.html')) || !existsSync(join(dir, 'main.ts'))) continue;
    pages.push({ name: sidebarFileName(folder.name), html: await buildSidebar(dir) });
  }
  return pages;
}

/**
 * One sidebar as one page. Template literals are lowered to string concatenation because
 * Apps Script's HTML service mangles `//` inside them; `</script` and `</style` are escaped.
 */
export async function buildSidebar(dir: string): Promise<string> {
  const result = await esbuild.build({
    entryPoints: [join(dir, 'main.ts')],
    bundle: true,
    write: false,
    outdir: join(dir, 'out'),
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    supported: { 'template-literal': false },
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    logLevel: 'silent',
  });
  const js = result.outputFiles.filter((f) => f.path.endsWith('.js')).map((f) => f.text).join('\n');
  let css = result.outputFiles.filter((f) => f.path.endsWith('.css')).map((f) => f.text).join('\n');

  let html = readFileSync(join(dir, 'index.html'), 'utf8');
  // Stylesheets linked from the page are inlined too.
  html = html.replace(/<link\b[^>]*rel=["']stylesheet["'][^>]*>/gi, (tag) => {
    const href = /href=["']([^"']+)["']/i.exec(tag)?.[1];
    if (!href || /^[a-z]+:/i.test(href)) return tag;
    css += `\n${readFileSync(join(dir, href), 'utf8')}`;
    return '';
  });
  css = css.trim();
  const style = css ? `<style>\n${css.replace(/<\/style/gi, '<\\/style')}\n</style>` : '';
  const script = `<script>\n${js.replace(/<\/script/gi, '<\\/script')}\n</script>`;
  // Functions as replacements: `$&` and friends in the code must stay literal.
  html = /<\/head>/i.test(html) ? html.replace(/<\/head>/i, () => `${style}\n</head>`) : `${style}\n${html}`;
  const scriptTag = /<script\b[^>]*\bsrc=["'][^"']*main\.(?:ts|js)["'][^>]*>\s*<\/script>/i;
  if (scriptTag.test(html)) return html.replace(scriptTag, () => script);
  return /<\/body>/i.test(html) ? html.replace(/<\/body>/i, () => `${script}\n</body>`) : `${html}\n${script}`;
}
