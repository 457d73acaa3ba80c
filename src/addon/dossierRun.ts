/**
 * «Tạo hồ sơ» (rule D): each chosen unit's documents in its Drive folder, listed in the `Hồ sơ`
 * sheet. It runs as a chunked job (jobRunner): each step reads the workbook once, writes the
 * documents it has time for, and writes the `Hồ sơ` sheet once. A document is found again by
 * the ID in that sheet, so a re-run updates it in place (same link) and never makes a second one;
 * one whose content did not change is not touched. «Xuất PDF hồ sơ» saves a PDF beside each.
 *
 * Drive's errors are told apart (drive.ts): «not found» → made again; «no access» (another
 * officer's document) → said on its row, never duplicated; «try again» and a daily limit → the
 * step stops where it is, keeps the cursor, and says when to carry on. No daily limit is guessed
 * (uploads are not DocumentApp's 250 / 1,500 documents a day; an import may count against «Files
 * converted», see drive.ts): one that Google reported today is remembered and shown before the next start.
 */
import * as z from 'zod/mini';
import { buildDossiers } from '../core/documents';
import { SHEET, UNIT_COL } from '../core/contract';
import { evaluate } from '../core/evaluate';
import type { WorkbookInput } from '../core/model';
import { UnreadableWorkbook } from '../core/sheets';
import { calendarDateOf, formatDate, normalizeKey } from '../core/text';
import { MIME, documentUrl, drive, trouble } from './drive';
import { DocumentError, Folders, TemplatesOfAnother, me, readTemplates, writeDocument, type Task } from './dossierFiles';
import {
  FILES_SHEET,
  FOREIGN_FILES_SHEET,
  KIND_NAME,
  STATUS,
  contentHash,
  filesSheet,
  keyMaker,
  message,
  nomineeOf,
  orderRecords,
  readRecords,
  timeOf,
  type FileRecord,
} from './dossierRecords';
import type { Clock, JobChoice, JobDefinition, StepContext, StepOutcome } from './jobRunner';
import { TITLE, loadJson, openJobDialog, systemClock } from './jobRunner';
import { alertUser, underDocumentLock } from './lock';
import { SheetIndex, findHeader, readInputSheets, writeOutputSheet } from './sheetIO';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Changed when the renderer changes, so a re-run rewrites documents made by an older one. */
const RENDERER_VERSION = 'docx-1';

// ---------- the daily limit, learnt from Google ----------

/** User property: when Google last refused an upload (creating or converting a document) for a daily limit, and after how many. */
const LIMIT_PROP = 'thidua.docsLimit';
const limitSchema = z.object({ at: z.number(), created: z.number() });
const DAY_MS = 24 * 3600 * 1000;

/** `09:05 ngày 07/01/2023` in the spreadsheet's time zone. */
function dateTime(ms: number, timeZone: string): string {
  const instant = new Date(ms);
  const time = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(instant);
  return `${time} ngày ${formatDate(calendarDateOf(instant, timeZone))}`;
}

/** A limit reached within the last 24 hours (Google counts a rolling day from the first creation). */
function limitReached(now: number): z.infer<typeof limitSchema> | null {
  const hit = loadJson(PropertiesService.getUserProperties(), LIMIT_PROP, limitSchema);
  return hit && now - hit.at < DAY_MS ? hit : null;
}

// ---------- the choice ----------

/** The units of the rows selected in `Đề nghị` or `Đơn vị` (the cursor is always somewhere). */
function selectedUnits(spreadsheet: Spreadsheet, input: WorkbookInput): string[] {
  const range = spreadsheet.getActiveRange();
  if (!range) return [];
  const key = normalizeKey(range.getSheet().getName());
  if (key !== normalizeKey(SHEET.nominations) && key !== normalizeKey(SHEET.units)) return [];
  const sheet = input.sheets.find((s) => normalizeKey(s.name) === key);
  const header = sheet && findHeader(sheet, UNIT_COL.code);
  if (!sheet || !header) return [];
  const first = Math.max(range.getRow(), header.row + 1);
  const last = range.getRow() + range.getNumRows() - 1;
  const codes = new Set<string>();
  for (let r = first; r <= last && r <= sheet.values.length; r++) {
    const code = String(sheet.values[r - 1]?.[header.column - 1] ?? '').trim();
    if (code) codes.add(code);
  }
  return [...codes];
}

function dossierChoice(spreadsheet: Spreadsheet, clock: Clock): JobChoice {
  const input = readInputSheets(new SheetIndex(spreadsheet));
  let all = 0;
  try {
    all = buildDossiers(evaluate(input)).length;
  } catch (error) {
    if (!(error instanceof UnreadableWorkbook)) throw error;
  }
  const hit = limitReached(clock.now());
  const warning = hit
    ? `Lúc ${dateTime(hit.at, spreadsheet.getSpreadsheetTimeZone())}, Google báo tài khoản của bạn đã hết hạn mức trong ngày (tạo hoặc chuyển đổi tài liệu) (sau ${hit.created} tài liệu hôm đó). ` +
      `Hạn mức mở lại khoảng 24 giờ sau lần tạo đầu tiên; nếu chưa mở lại, việc sẽ dừng gọn và giữ nguyên chỗ đang làm.`
    : '';
  return { selected: selectedUnits(spreadsheet, input), all, warning };
}

// ---------- one step ----------

const finished = (text: string, halted = true): StepOutcome => ({ done: 0, total: 0, finished: true, halted, message: text });

function dossierStep({ spreadsheet, job, deadline, clock }: StepContext): StepOutcome {
  const index = new SheetIndex(spreadsheet);
  const input = readInputSheets(index);
  let evaluation;
  try {
    evaluation = evaluate(input);
  } catch (error) {
    if (!(error instanceof UnreadableWorkbook)) throw error;
    return finished(`${error.message}\n\nChọn menu Thi đua › Khởi tạo bảng tính để tạo các trang còn thiếu.`);
  }
  const wanted = job.units && new Set(job.units.map(normalizeKey));
  const chosen = buildDossiers(evaluation).filter((u) => !wanted || wanted.has(normalizeKey(u.unitCode)));
  if (!chosen.length) {
    const where = job.units ? ` trong các hàng đã chọn (${job.units.join(', ')})` : '';
    return finished(`Không có đơn vị nào${where} có đề nghị đủ điều kiện, nên không có hồ sơ để tạo. Chạy «Kiểm tra điều kiện» để xem lý do.`);
  }
  const user = me();
  let templates;
  try {
    templates = readTemplates(PropertiesService.getDocumentProperties(), user);
  } catch (error) {
    if (error instanceof TemplatesOfAnother) return finished(error.message);
    return { done: job.done, total: job.total, finished: false, halted: true, message: `Chưa đọc được mẫu hồ sơ: ${message(error)}. Thử lại sau ít phút.` };
  }
  const key = keyMaker();
  const tasks: Task[] = chosen.flatMap((unit) =>
    unit.documents.map((d) => {
      const template = templates.get(d.kind);
      const content = template ? { template: template.id, stamp: template.stamp, values: d.placeholders } : d.doc;
      return { key: key(unit.unitCode, KIND_NAME[d.kind], nomineeOf(d)), unit, d, template, hash: contentHash(`${RENDERER_VERSION}\n${d.title}\n${JSON.stringify(content)}`) };
    }),
  );
  const records = readRecords(index);
  if (!records) return finished(FOREIGN_FILES_SHEET);

  const year = evaluation.workbook.settings.year === null ? 'chưa rõ năm' : String(evaluation.workbook.settings.year);
  const folders = new Folders(spreadsheet.getId(), year);
  const count = { created: 0, updated: 0, unchanged: 0, errors: 0 };
  let halt: { kind: 'retry' | 'daily'; text: string } | null = null;
  let outOfTime = false;
  let next = 0;
  for (; next < tasks.length; next++) {
    const t = tasks[next]!;
    const old = records.get(t.key);
    if (old?.id && old.hash === t.hash) {
      // Done earlier in this same job: it keeps the status it got then.
      if (!(timeOf(old.updated) >= job.startedAt)) records.set(t.key, { ...old, status: STATUS.unchanged });
      count.unchanged++;
      continue;
    }
    if (clock.now() >= deadline) {
      outOfTime = true;
      break;
    }
    const base = { key: t.key, unitCode: t.unit.unitCode, unitName: t.unit.unitName, kind: KIND_NAME[t.d.kind], nominee: nomineeOf(t.d), fileName: t.d.title };
    try {
      const written = writeDocument(t, old, folders, user);
      count[written.created ? 'created' : 'updated']++;
      records.set(t.key, {
        ...base,
        link: written.url,
        status: written.created ? STATUS.created : STATUS.updated,
        updated: new Date(clock.now()),
        missing: written.missing.join('; '),
        hash: t.hash,
        id: written.id,
        creator: user,
      });
    } catch (error) {
      const made = error instanceof DocumentError ? error : null;
      const kind = trouble(made ? made.cause : error).kind;
      if ((kind === 'retry' || kind === 'daily') && !made) {
        // Nothing was made: the row stays as it was, and this document is the next one to do.
        halt = { kind, text: message(error) };
        break;
      }
      count.errors++;
      const why = made?.name === 'TemplateError' ? made.message : kind === 'noAccess' ? message(error) : `${message(error)} (tài liệu «${t.d.title}»)`;
      // No hash, so the next run tries again; a document already made keeps its ID and is reused.
      const id = made ? made.id : (old?.id ?? '');
      records.set(t.key, {
        ...base,
        link: id ? documentUrl(id) : '',
        status: `${STATUS.error}: ${why}`,
        updated: new Date(clock.now()),
        missing: '',
        hash: '',
        id,
        creator: made ? user : (old?.creator ?? ''),
      });
      if (kind === 'retry' || kind === 'daily') {
        halt = { kind, text: message(made?.cause) };
        next++;
        break;
      }
    }
  }

  const complete = !halt && !outOfTime;
  // A finished unit's earlier documents that it no longer has are kept and said so.
  if (complete) {
    const inRun = new Set(tasks.map((t) => t.key));
    const unitKeys = new Set(chosen.map((u) => normalizeKey(u.unitCode)));
    for (const r of records.values()) if (unitKeys.has(normalizeKey(r.unitCode)) && !inRun.has(r.key) && r.id) r.status = STATUS.gone;
  }
  writeOutputSheet(index, filesSheet(orderRecords(records, tasks)));

  const summary = `${count.created} tạo mới, ${count.updated} cập nhật, ${count.unchanged} không đổi, ${count.errors} lỗi`;
  if (halt?.kind === 'daily') {
    const props = PropertiesService.getUserProperties();
    props.setProperty(LIMIT_PROP, JSON.stringify({ at: clock.now(), created: count.created }));
    return {
      done: next,
      total: tasks.length,
      finished: false,
      halted: true,
      message:
        `Google báo tài khoản của bạn đã hết hạn mức trong ngày (tạo hoặc chuyển đổi tài liệu) («${halt.text}»). Đã xử lý ${next}/${tasks.length} tài liệu (${summary}). ` +
        `Hạn mức mở lại khoảng 24 giờ sau lần tạo đầu tiên: khoảng ${dateTime(clock.now() + DAY_MS, spreadsheet.getSpreadsheetTimeZone())} hãy mở lại «Tạo hồ sơ» và bấm «Tiếp tục»; tài liệu đã tạo không bị tạo lại.`,
    };
  }
  if (halt) {
    return {
      done: next,
      total: tasks.length,
      finished: false,
      halted: true,
      message: `Google Drive đang bận hoặc tạm lỗi («${halt.text}»). Đã xử lý ${next}/${tasks.length} tài liệu (${summary}); chờ vài phút rồi bấm «Tiếp tục» — không có tài liệu nào bị tạo hai lần.`,
    };
  }
  if (outOfTime) return { done: next, total: tasks.length, finished: false, message: `Đang tạo hồ sơ: ${next}/${tasks.length} tài liệu (${summary})…` };
  const errors = evaluation.result.errors.length;
  const check = errors ? ` Bảng tính có ${errors} lỗi dữ liệu: chạy «Kiểm tra điều kiện» để xem.` : '';
  return { done: tasks.length, total: tasks.length, finished: true, message: `Hồ sơ ${chosen.length} đơn vị, ${tasks.length} tài liệu: ${summary}. Xem trang «${FILES_SHEET}».${check}` };
}

export const dossierJob: JobDefinition = { kind: 'hoSo', title: 'Tạo hồ sơ', choice: dossierChoice, step: dossierStep };

/** Menu «Tạo hồ sơ»: the dialog where the user picks all units or the selected ones, then watches the bar. */
export function createDossiers(): void {
  openJobDialog('hoSo', 'Tạo hồ sơ');
}

// ---------- Xuất PDF hồ sơ ----------

/** Apps Script stops an execution at 6 minutes: stop early enough to say what was done. */
export const PDF_TIME_BOX_MS = 4.5 * 60 * 1000;

/** Menu «Xuất PDF hồ sơ»: a PDF beside each document of `Hồ sơ`, made again only when the document changed. */
export function exportDossierPdfs(): void {
  exportPdfs(systemClock);
}

export function exportPdfs(clock: Clock): void {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const done = underDocumentLock(() => pdfs(spreadsheet, clock));
  if (!done.ran) alertUser(done.why);
  else if (done.value.alert) alertUser(done.value.text);
  else spreadsheet.toast(done.value.text, TITLE, 20);
}

function pdfs(spreadsheet: Spreadsheet, clock: Clock): { text: string; alert: boolean } {
  const started = clock.now();
  const index = new SheetIndex(spreadsheet);
  const read = readRecords(index);
  if (!read) return { text: FOREIGN_FILES_SHEET, alert: true };
  const records = [...read.values()].filter((r) => r.id && !r.status.startsWith(STATUS.error));
  if (!records.length) return { text: `Trang «${FILES_SHEET}» chưa có tài liệu nào. Chạy «Tạo hồ sơ» trước.`, alert: true };
  const user = me();
  const folders = new Folders(spreadsheet.getId(), readYear(index));
  const count = { made: 0, current: 0, errors: [] as string[] };
  let stop = '';
  let next = 0;
  for (; next < records.length; next++) {
    if (clock.now() - started >= PDF_TIME_BOX_MS) break;
    const r: FileRecord = records[next]!;
    if (r.creator && r.creator !== user) {
      count.errors.push(`${r.fileName}: do ${r.creator} tạo, chỉ người đó xuất được PDF`);
      continue;
    }
    try {
      const file = drive.find(r.id);
      if (!file || file.trashed) {
        count.errors.push(`${r.fileName}: tài liệu không còn (đã xóa); chạy «Tạo hồ sơ» để tạo lại`);
        continue;
      }
      const folder = folders.unit(r.unitCode, r.unitName);
      const name = `${file.name}.pdf`;
      let current = false;
      for (const pdf of drive.children(folder, { mimeType: MIME.pdf, name })) {
        if (!current && pdf.modified >= file.modified) current = true;
        else drive.trash(pdf.id);
      }
      if (current) {
        count.current++;
        continue;
      }
      drive.upload(DocumentApp.openById(r.id).getAs(MIME.pdf), name, folder);
      count.made++;
    } catch (error) {
      const kind = trouble(error).kind;
      if (kind === 'retry' || kind === 'daily') {
        stop = ` Google Drive tạm dừng («${message(error)}»): chờ vài phút rồi bấm Xuất PDF hồ sơ lần nữa.`;
        break;
      }
      count.errors.push(`${r.fileName}: ${message(error)}`);
    }
  }
  const rest = next < records.length && !stop ? ` Còn ${records.length - next} tài liệu: bấm Xuất PDF hồ sơ lần nữa để tiếp tục.` : '';
  const errors = count.errors.length ? ` Lỗi: ${count.errors.slice(0, 5).join('; ')}${count.errors.length > 5 ? '; …' : ''}` : '';
  return { text: `Đã xuất ${count.made} PDF; ${count.current} PDF đã mới sẵn; ${count.errors.length} lỗi.${rest}${stop}${errors}`, alert: false };
}

/** The movement's year for the folder name, from `Cấu hình`, without a whole evaluation. */
function readYear(index: SheetIndex): string {
  try {
    const year = evaluate(readInputSheets(index)).workbook.settings.year;
    return year === null ? 'chưa rõ năm' : String(year);
  } catch {
    return 'chưa rõ năm';
  }
}
