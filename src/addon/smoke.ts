/**
 * The smoke edition (`npm run smoke`, never in the published add-on): on a copy of the sample
 * spreadsheet, menu «Thi đua (smoke)» › «Chạy smoke» runs every action in order, as a user
 * would, and writes a `Smoke` sheet with one row per step: ok or the error, the time, and the
 * number of Google service calls. A step that has nothing to check but «it did not throw»
 * checks what the user would look at (the output sheet, the `Hồ sơ` rows).
 */
import { SHEET } from '../core/contract';
import { buildDossiers } from '../core/documents';
import { evaluate } from '../core/evaluate';
import { nominationToDraft } from '../core/draft';
import { readWorkbook } from '../core/workbook';
import { normalizeKey } from '../core/text';
import { buildAwardList, checkNominations, rankUnits } from './actions';
import { createDossierTemplates } from './dossierFiles';
import { dossierJob, exportDossierPdfs } from './dossierRun';
import { STEP_MS, continueJob, startJob, type Clock, type JobDefinition } from './jobRunner';
import { endpoints } from './endpoints';
import { buildSummaryReport } from './summaryReport';
import { installAuditLog } from './auditLog';
import { DEFAULT_TEMPLATE } from '../core/reminderTemplate';
import { buildMenu } from './menu';
import { protectionJob } from './protections';
import { initWorkbook } from './setup';
import { SheetIndex, readInputSheets, writeOutputSheet } from './sheetIO';
import { showNominationSidebar, showProgressSidebar } from './sidebars';
import type { Result } from '../sidebar/rpc';

export const SMOKE_SHEET = 'Smoke';
export const SMOKE_HEADER = ['Bước', 'Chức năng', 'Kết quả', 'Thời gian (ms)', 'Số lệnh gọi Google', 'Ghi chú'];
export const SMOKE_OK = 'ok';
export const SMOKE_ERROR = 'lỗi';

/** One action as the smoke run calls it; what it returns is noted beside the result. */
export interface SmokeStep {
  name: string;
  run: () => string | void;
}

const sheetIndex = () => new SheetIndex(SpreadsheetApp.getActiveSpreadsheet());

/** Fails the step unless the output sheet exists with rows under its header. */
function outputRows(name: string): string {
  const sheet = sheetIndex().find(name);
  const rows = sheet ? sheet.getLastRow() - 1 : -1;
  if (rows < 1) throw new Error(`trang «${name}» không có hàng nào sau khi chạy`);
  return `trang «${name}»: ${rows} hàng`;
}

function ok<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

/** The documents listed in `Hồ sơ` by status; fails if any is in error. */
function documentStatuses(): string {
  const sheet = sheetIndex().find(SHEET.documents);
  if (!sheet) throw new Error(`không có trang «${SHEET.documents}»`);
  const [header = [], ...rows] = sheet.getDataRange().getValues();
  const status = header.indexOf('Trạng thái');
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(String(row[status]), (counts.get(String(row[status])) ?? 0) + 1);
  const text = [...counts].map(([s, n]) => `${s}: ${n}`).join('; ');
  if (counts.has('Lỗi')) throw new Error(`có tài liệu lỗi (${text})`);
  return text;
}

/** The first `count` units that have dossiers, selected in `Đề nghị` as a user would. */
function selectUnitsWithDossiers(count: number): string[] {
  const index = sheetIndex();
  const input = readInputSheets(index);
  const units = buildDossiers(evaluate(input)).map((u) => normalizeKey(u.unitCode));
  const rows = readWorkbook(input).nominations.filter((n) => units.includes(normalizeKey(n.unitCode)));
  const chosen = [...new Set(rows.map((n) => n.unitCode))].slice(0, count);
  const picked = rows.filter((n) => chosen.includes(n.unitCode)).map((n) => n.row);
  if (picked.length === 0) throw new Error('không có đơn vị nào có hồ sơ để tạo');
  const sheet = index.find(SHEET.nominations)!;
  sheet.getRange(`A${Math.min(...picked)}:A${Math.max(...picked)}`).activate();
  return chosen;
}

/** A clock that says the step's time is over after `calls` readings: the job stops part-way. */
function stopsEarly(calls: number): Clock {
  let read = 0;
  return { now: () => Date.now() + (++read > calls ? STEP_MS : 0) };
}

/** What the progress dialog does: «Tiếp tục» until the job is done (bounded, as a user gives up). */
function carryOn(job: JobDefinition): string {
  for (let step = 1; step <= 50; step++) {
    const progress = continueJob(job);
    if (progress.halted) throw new Error(progress.message);
    if (progress.finished) return `${step} đợt; ${progress.message}`;
  }
  throw new Error('chưa xong sau 50 đợt');
}

/** The dossier steps, as the «Tạo hồ sơ» dialog drives them: a first step cut short, then the rest. */
export const DOSSIER_STEPS: SmokeStep[] = [
  {
    name: 'Tạo hồ sơ (vài đơn vị, dừng giữa chừng)',
    run: () => {
      const units = selectUnitsWithDossiers(3);
      const progress = startJob(dossierJob, units, stopsEarly(5));
      return `đơn vị ${units.join(', ')}; ${progress.done}/${progress.total}; ${documentStatuses()}`;
    },
  },
  { name: 'Tạo hồ sơ: chạy tiếp phần còn lại', run: () => `${carryOn(dossierJob)}; ${documentStatuses()}` },
  { name: 'Tạo mẫu hồ sơ', run: () => createDossierTemplates() },
  { name: 'Xuất PDF hồ sơ', run: () => exportDossierPdfs() },
];

/** Every action, in the order a movement uses them. */
export const SMOKE_STEPS: SmokeStep[] = [
  { name: 'Khởi tạo bảng tính', run: () => initWorkbook() },
  { name: 'Xếp hạng', run: () => (rankUnits(), outputRows(SHEET.ranking)) },
  { name: 'Kiểm tra điều kiện', run: () => (checkNominations(), outputRows(SHEET.verdicts)) },
  { name: 'Lập danh sách khen thưởng', run: () => (buildAwardList(), outputRows(SHEET.awardList)) },
  { name: 'Phân quyền đơn vị', run: () => (startJob(protectionJob, null), carryOn(protectionJob)) },
  { name: 'Nhập đề nghị: mở thanh bên', run: () => showNominationSidebar() },
  {
    name: 'Nhập đề nghị: tải và lưu lại một đề nghị',
    run: () => {
      const form = ok(endpoints.loadEntryForm());
      const first = readWorkbook(form.workbook).nominations[0];
      if (!first) return `${form.units.length} đơn vị, chưa có đề nghị để lưu`;
      const loaded = nominationToDraft(first);
      const saved = ok(endpoints.saveNomination({ draft: loaded, loaded }));
      return `${form.units.length} đơn vị; lưu lại hàng ${saved.row} (${saved.action})`;
    },
  },
  { name: 'Tiến độ: mở thanh bên', run: () => showProgressSidebar() },
  {
    name: 'Tiến độ: tải và chọn hàng của một đơn vị',
    run: () => {
      const report = ok(endpoints.loadProgress());
      const unit = report.units.find((u) => u.nominations.total > 0);
      if (!unit) return `${report.units.length} đơn vị, chưa đơn vị nào có đề nghị`;
      return `${report.units.length} đơn vị; chọn ${ok(endpoints.selectUnitRows({ unitCode: unit.code, sheet: 'nominations' }))} hàng của ${unit.code}`;
    },
  },
  ...DOSSIER_STEPS,
  { name: 'Báo cáo tổng kết', run: () => (buildSummaryReport(), outputRows(SHEET.summary)) },
  { name: 'Bật nhật ký thay đổi', run: () => installAuditLog() },
  {
    // No letter is sent: the test copy's addresses are the sample's, not real offices'.
    name: 'Nhắc việc: danh sách, hạn mức thư, nhắc hằng ngày',
    run: () => {
      const page = ok(endpoints.loadReminders({ template: DEFAULT_TEMPLATE, useSaved: false }));
      const counts = `${page.list.units.length} đơn vị còn thiếu việc; còn gửi được ${page.quotaLeft} người nhận hôm nay`;
      // The sample's window (2023) has closed: the daily run then refuses to start, rightly.
      if (!page.list.open) return `${counts}; hạn đã qua, không bật nhắc hằng ngày`;
      ok(endpoints.setDailyReminder({ on: true, template: DEFAULT_TEMPLATE }));
      ok(endpoints.setDailyReminder({ on: false, template: DEFAULT_TEMPLATE }));
      return `${counts}; bật rồi tắt nhắc hằng ngày`;
    },
  },
];

// ---------- counting Google calls ----------

/** The services the add-on calls; each is wrapped so every method call is counted. */
const SERVICES = ['SpreadsheetApp', 'DocumentApp', 'MailApp', 'Drive', 'PropertiesService', 'LockService', 'ScriptApp', 'Session', 'HtmlService', 'Utilities'];

let counted = 0;
/** Each wrapper's Google object, and each object's one wrapper (so `===` between enums holds). */
const targets = new WeakMap<object, object>();
const wrappers = new WeakMap<object, object>();

const isDate = (v: unknown) => Object.prototype.toString.call(v) === '[object Date]';

/** Google's objects must get back their own objects as arguments, not the counting wrappers. */
function unwrap(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(unwrap);
  return (value !== null && typeof value === 'object' && targets.get(value)) || value;
}

function wrap(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(wrap);
  if (value === null || typeof value !== 'object' || isDate(value)) return value;
  const known = wrappers.get(value);
  if (known) return known;
  const proxy = new Proxy(value, {
    get(target, prop) {
      const member: unknown = Reflect.get(target, prop);
      if (typeof member !== 'function') return wrap(member);
      if (typeof prop !== 'string') return (member as (...a: unknown[]) => unknown).bind(target);
      return (...args: unknown[]) => {
        counted++;
        return wrap((member as (...a: unknown[]) => unknown).apply(target, args.map(unwrap)));
      };
    },
  });
  targets.set(proxy, value);
  wrappers.set(value, proxy);
  return proxy;
}

/**
 * Wraps the services for the run; gives back the function that puts them back, and the services
 * that could not be wrapped (their calls are not counted).
 */
function countCalls(): { restore: () => void; uncounted: string[] } {
  const global = globalThis as Record<string, unknown>;
  const originals: Array<[string, unknown]> = [];
  const uncounted: string[] = [];
  for (const name of SERVICES) {
    const service = global[name];
    if (service === undefined) continue;
    try {
      global[name] = wrap(service);
      originals.push([name, service]);
    } catch {
      uncounted.push(name);
    }
  }
  return {
    restore: () => {
      for (const [name, service] of originals) global[name] = service;
    },
    uncounted,
  };
}

// ---------- the run ----------

/** Menu «Chạy smoke»: every step of SMOKE_STEPS. */
export function runSmoke(): void {
  runSteps(SMOKE_STEPS);
}

/** Runs the steps, one row each in the `Smoke` sheet (rewritten), and says where to look. */
export function runSteps(steps: SmokeStep[]): void {
  const rows: Array<Array<string | number>> = [];
  const { restore, uncounted } = countCalls();
  try {
    steps.forEach((step, i) => {
      counted = 0;
      const started = Date.now();
      let result = SMOKE_OK;
      let note = '';
      try {
        note = step.run() ?? '';
      } catch (error) {
        result = SMOKE_ERROR;
        note = error instanceof Error ? `${error.message}${error.stack ? `\n${error.stack}` : ''}` : String(error);
      }
      rows.push([i + 1, step.name, result, Date.now() - started, counted, note]);
    });
  } finally {
    restore();
  }
  const failed = rows.filter((r) => r[2] !== SMOKE_OK).length;
  const index = sheetIndex();
  writeOutputSheet(index, {
    name: SMOKE_SHEET,
    header: SMOKE_HEADER,
    rows,
    marks: rows.map((r) => (r[2] === SMOKE_OK ? 'prize' : 'ineligible')),
  });
  const notCounted = uncounted.length > 0 ? ` Không đếm được lệnh gọi của ${uncounted.join(', ')}.` : '';
  index.spreadsheet.toast(`Smoke: ${rows.length - failed}/${rows.length} bước ok. Xem trang «${SMOKE_SHEET}».${notCounted}`, 'Thi đua (smoke)', 30);
}

/** The smoke edition's menu: the add-on's own, and one to run the smoke. */
export function onOpen(): void {
  const ui = SpreadsheetApp.getUi();
  buildMenu(ui);
  ui.createMenu('Thi đua (smoke)').addItem('Chạy smoke', 'runSmoke').addToUi();
}
