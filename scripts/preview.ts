/**
 * `npm run preview [-- FILE.xlsx] [--port N] [--user EMAIL] [--save OUT.xlsx]`: both sidebars in a
 * normal browser, on the loopback address only; calls from any other page are refused (Host,
 * Origin and a per-run token are checked). The pages are built by the add-on's own build
 * function; a stand-in for `google.script.run` sends each call to the SAME endpoint functions,
 * over a Node host that keeps the workbook (the sample district by default) in memory. Saving
 * writes into that workbook, and with `--save` into an `.xlsx` file too.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type ExcelJS from 'exceljs';
import type { CellValue, SheetInput, WorkbookInput } from '../src/core/model';
import { SHEET } from '../src/core/contract';
import { findSheet } from '../src/core/sheets';
import { createEndpoints } from '../src/addon/endpoints';
import type { NominationCell, SidebarHost } from '../src/addon/endpoints';
import { readWorkbookFile, saveBook } from '../src/cli/xlsx';
import { SAMPLE_WORKBOOK } from '../src/cli/main';
import { buildSidebar, sidebarFileName } from './buildAddon';

const ROOT = resolve(fileURLToPath(import.meta.url), '..', '..');
const SIDEBARS = [
  { folder: 'nhap-de-nghi', title: 'Nhập đề nghị' },
  { folder: 'tien-do', title: 'Tiến độ' },
];

/** A read gives a copy, as `getValues()` does: the endpoints cannot change the workbook but by a write. */
function copySheet(sheet: SheetInput): SheetInput {
  return {
    name: sheet.name,
    values: sheet.values.map((row) => [...row]),
    ...(sheet.numberFormats ? { numberFormats: sheet.numberFormats.map((row) => [...row]) } : {}),
  };
}

/** The preview's owner, who may act for every unit. */
export const PREVIEW_OWNER = 'chu.tich@huulung.gov.vn';

/**
 * The sidebars' host over a workbook in memory (the Node twin of src/addon/sidebarHost.ts).
 * exceljs reads dates as midnight UTC, so days are written back the same way.
 */
export class MemoryHost implements SidebarHost {
  /** Every row write, in order: the tests count them. */
  readonly writes: { row: number; cells: NominationCell[] }[] = [];
  selection: { sheet: string; rows: number[] } | null = null;
  /** Set to make the document lock look busy (another person saving). */
  busy = false;

  constructor(
    readonly input: WorkbookInput,
    private readonly user: { email: string; owner: boolean },
    /** The exceljs book the input came from, kept in step for `--save`. */
    private readonly book?: ExcelJS.Workbook,
  ) {}

  userEmail(): string {
    return this.user.email;
  }

  isOwner(): boolean {
    return this.user.owner;
  }

  readWorkbook(): WorkbookInput {
    return { timeZone: this.input.timeZone, sheets: this.input.sheets.map(copySheet) };
  }

  readSheet(name: string): SheetInput | undefined {
    const sheet = findSheet(this.input, name);
    return sheet && copySheet(sheet);
  }

  withDocumentLock(action: () => void): boolean {
    if (this.busy) return false;
    this.busy = true;
    try {
      action();
    } finally {
      this.busy = false;
    }
    return true;
  }

  writeNominationRow(row: number, cells: NominationCell[]): void {
    const sheet = findSheet(this.input, SHEET.nominations);
    if (!sheet) throw new Error(`không tìm thấy trang «${SHEET.nominations}»`);
    this.writes.push({ row, cells });
    while (sheet.values.length < row) sheet.values.push([]);
    const formats = sheet.numberFormats?.[row - 1] ?? [];
    const values = [...(sheet.values[row - 1] ?? [])];
    cells.forEach((cell, j) => {
      if ('keep' in cell) return;
      if ('date' in cell) values[j] = new Date(Date.UTC(cell.date.year, cell.date.month - 1, cell.date.day));
      else if ('percent' in cell) values[j] = (formats[j] ?? '').includes('%') ? cell.percent / 100 : cell.percent;
      else values[j] = cell.value ?? null;
    });
    sheet.values[row - 1] = values;
    const worksheet = this.book?.worksheets.find((w) => w.name === sheet.name);
    if (worksheet) {
      const target = worksheet.getRow(row);
      cells.forEach((cell, j) => {
        if ('keep' in cell) return;
        const value: CellValue = values[j];
        target.getCell(j + 1).value = value === '' || value === undefined ? null : value;
        if ('date' in cell) target.getCell(j + 1).numFmt = 'dd/mm/yyyy';
      });
      target.commit();
    }
  }

  writeTextRow(name: string, row: number, cells: Array<string | null>, _action: string): void {
    const sheet = findSheet(this.input, name);
    if (!sheet) throw new Error(`không tìm thấy trang «${name}»`);
    this.writes.push({ row, cells: cells.map((value) => (value === null ? { keep: true } : { value })) });
    while (sheet.values.length < row) sheet.values.push([]);
    const values = [...(sheet.values[row - 1] ?? [])];
    cells.forEach((value, j) => {
      if (value !== null) values[j] = value;
    });
    sheet.values[row - 1] = values;
    const worksheet = this.book?.worksheets.find((w) => w.name === sheet.name);
    if (worksheet) {
      const target = worksheet.getRow(row);
      cells.forEach((value, j) => {
        if (value !== null) target.getCell(j + 1).value = value === '' ? null : value;
      });
      target.commit();
    }
  }

  selectRows(sheet: string, rows: number[]): void {
    this.selection = { sheet, rows };
  }
}

/**
 * The page with the stand-in for `google.script.run`, injected before the page's own script. It
 * sends the run's token with each call: a page of another site cannot read it, so cannot call.
 */
const standIn = (token: string) => `<script>
(function () {
  function runner(onSuccess, onFailure) {
    return new Proxy({}, {
      get: function (_, name) {
        if (name === 'withSuccessHandler') return function (h) { return runner(h, onFailure); };
        if (name === 'withFailureHandler') return function (h) { return runner(onSuccess, h); };
        return function () {
          var args = Array.prototype.slice.call(arguments);
          fetch('/rpc/' + encodeURIComponent(String(name)), {
            method: 'POST', headers: { 'content-type': 'application/json', '${TOKEN_HEADER}': '${token}' }, body: JSON.stringify(args)
          }).then(function (r) { if (!r.ok) throw new Error('HTTP ' + r.status); return r.json(); })
            .then(function (v) { if (onSuccess) onSuccess(v); }, function (e) { if (onFailure) onFailure(e); });
        };
      }
    });
  }
  window.google = { script: { run: runner(null, null), host: { close: function () {} } } };
})();
</script>`;

/** The header that carries the per-run token on every call. */
export const TOKEN_HEADER = 'x-thidua-token';

/**
 * Why a request is refused, or null: the Host must be this server by a loopback name (a page
 * that rebinds its own name to 127.0.0.1 sends its name), an Origin must be this server, and a
 * call (POST) must carry an Origin and the run's token.
 */
function refusal(request: IncomingMessage, port: number, token: string): string | null {
  const here = new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
  if (!here.has((request.headers.host ?? '').toLowerCase())) return 'Host không phải máy này';
  const origin = request.headers.origin;
  if (origin !== undefined && !here.has(origin.toLowerCase().replace(/^http:\/\//, ''))) return 'Origin không phải trang xem trước';
  if (request.method === 'GET') return null;
  if (request.method !== 'POST') return 'chỉ nhận GET và POST';
  if (origin === undefined) return 'thiếu Origin';
  const given = Buffer.from(String(request.headers[TOKEN_HEADER] ?? ''));
  const wanted = Buffer.from(token);
  return given.length === wanted.length && timingSafeEqual(given, wanted) ? null : 'thiếu mã phiên hoặc mã sai';
}

function indexPage(): string {
  const frames = SIDEBARS.map(
    (s) => `<section><h2><a href="/${sidebarFileName(s.folder)}">${s.title}</a></h2>` +
      `<iframe src="/${sidebarFileName(s.folder)}" title="${s.title}" width="300" height="900"></iframe></section>`,
  ).join('\n');
  return `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Thi đua — xem trước thanh bên</title>
<style>body{font-family:Arial,sans-serif;margin:16px;background:#f1f3f4}main{display:flex;gap:24px;flex-wrap:wrap}
iframe{border:1px solid #dadce0;background:#fff}h2{font-size:16px}</style></head>
<body><h1>Thi đua — xem trước thanh bên (300 px)</h1><main>${frames}</main></body></html>`;
}

export interface PreviewOptions {
  /** The workbook; the sample district by default. */
  file?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Act as this user (not the owner); the owner by default. */
  user?: string;
  /** Write the workbook to this `.xlsx` after each save. */
  save?: string;
  /** Where the server says what a click selected in the sheet (the terminal by default). */
  log?: (line: string) => void;
}

export interface Preview {
  url: string;
  /** This run's token: every call must carry it in the TOKEN_HEADER header. */
  token: string;
  host: MemoryHost;
  close(): Promise<void>;
}

async function body(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function send(response: ServerResponse, status: number, type: string, text: string): void {
  response.writeHead(status, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' });
  response.end(text);
}

export async function startPreview(options: PreviewOptions = {}): Promise<Preview> {
  const { input, book } = await readWorkbookFile(options.file ?? SAMPLE_WORKBOOK);
  const host = new MemoryHost(input, options.user ? { email: options.user, owner: false } : { email: PREVIEW_OWNER, owner: true }, book);
  const endpoints: Record<string, (arg?: unknown) => unknown> = createEndpoints(() => host);
  const pages = new Map(SIDEBARS.map((s) => [`/${sidebarFileName(s.folder)}`, join(ROOT, 'src', 'sidebar', s.folder)]));

  const token = randomBytes(24).toString('hex');
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    void (async () => {
      try {
        const refused = refusal(request, (server.address() as AddressInfo).port, token);
        if (refused) return send(response, 403, 'text/plain', `Từ chối: ${refused}.`);
        if (request.method === 'GET' && path === '/') return send(response, 200, 'text/html', indexPage());
        const page = pages.get(path);
        // Built on each request, so a reload shows the latest source.
        if (request.method === 'GET' && page) {
          const html = await buildSidebar(page);
          return send(response, 200, 'text/html', html.replace(/<head>/i, (head) => `${head}\n${standIn(token)}`));
        }
        const name = /^\/rpc\/(\w+)$/.exec(path)?.[1];
        if (request.method === 'POST' && name && Object.hasOwn(endpoints, name)) {
          const args = JSON.parse((await body(request)) || '[]') as unknown[];
          const result = endpoints[name]!(args[0]);
          if (name === 'saveNomination' && options.save && (result as { ok: boolean }).ok) await saveBook(book, options.save);
          if (host.selection && name !== 'loadEntryForm' && name !== 'loadProgress') {
            (options.log ?? console.log)(`[chọn] trang «${host.selection.sheet}», hàng ${host.selection.rows.join(', ')}`);
          }
          return send(response, 200, 'application/json', JSON.stringify(result));
        }
        send(response, 404, 'text/plain', 'Không có trang này.');
      } catch (error) {
        send(response, 500, 'text/plain', `Lỗi: ${error instanceof Error ? error.message : String(error)}`);
      }
    })();
  });
  await new Promise<void>((ready, fail) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      fail(new Error(error.code === 'EADDRINUSE' ? `Cổng ${options.port} đang được dùng; hãy chọn cổng khác bằng --port.` : error.message)));
    server.listen(options.port ?? 0, '127.0.0.1', ready);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    token,
    host,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

function parseArgs(argv: string[]): PreviewOptions {
  const options: PreviewOptions = { port: 8080 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const next = () => {
      const value = argv[++i];
      if (value === undefined) throw new Error(`Thiếu giá trị sau ${arg}.`);
      return value;
    };
    if (arg === '--port') options.port = Number(next());
    else if (arg === '--user') options.user = next();
    else if (arg === '--save') options.save = resolve(next());
    else if (!arg.startsWith('--')) options.file = resolve(arg);
    else throw new Error(`Không hiểu tùy chọn ${arg}. Dùng: npm run preview -- [TỆP.xlsx] [--port N] [--user EMAIL] [--save RA.xlsx]`);
  }
  if (!Number.isInteger(options.port) || options.port! < 0 || options.port! > 65535) throw new Error('Cổng (--port) phải là số từ 0 đến 65535.');
  return options;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  Promise.resolve()
    .then(() => startPreview(parseArgs(process.argv.slice(2))))
    .then(
      (preview) => console.log(`Xem trước thanh bên: ${preview.url}  (người dùng: ${preview.host.userEmail()}; Ctrl+C để dừng)`),
      (error: unknown) => {
        console.error(`Lỗi: ${error instanceof Error ? error.message : String(error)}`);
        process.exitCode = 1;
      },
    );
}
