/**
 * Nhắc việc in Apps Script: the sidebar's endpoints, the sending through MailApp and the
 * optional daily trigger. Who owes what and every letter come from the core
 * (core/reminders); here letters are only sent, counted against MailApp's daily recipient
 * quota (100 for a consumer account, 1,500 for Workspace), and logged to `Nhật ký`.
 */
import * as z from 'zod/mini';
import type { ReminderTemplate, UnitReminder } from '../core/reminders';
import type { CellValue } from '../core/model';
import type { JsonSheet, ReminderPage, SendReport } from '../sidebar/rpc';
import type { SidebarHost } from './endpoints';
import { NO_EMAIL, planSending, reminderList } from '../core/reminders';
import { AUDIT_HEADER } from '../core/auditLog';
import { SHEET } from '../core/contract';
import { evaluate } from '../core/evaluate';
import { calendarDateOf } from '../core/text';
import { Refusal, answer, parse } from './endpoints';
import { logActions } from './auditLog';
import { TITLE } from './actions';
import { dailyReminders, saveDailyReminders, syncClockTrigger } from './clock';
import { deleteJson, loadJson, pendingJobs, saveJson } from './jobRunner';
import { appsScriptHost } from './sidebarHost';

/** The daily letters go out at the first hourly run from this hour (the spreadsheet's time zone): the office day's start. */
const DAILY_HOUR = 7;
const TEMPLATE_KEY = 'thidua.nhacviec.template';

const templateSchema = z.object({
  subject: z.string().check(z.trim(), z.minLength(1, { error: 'Thiếu tiêu đề thư.' }), z.maxLength(250, { error: 'Tiêu đề thư quá 250 ký tự.' })),
  body: z.string().check(z.minLength(1, { error: 'Thiếu nội dung thư.' }), z.maxLength(8000, { error: 'Nội dung thư quá 8.000 ký tự.' })),
});
const sendRequest = z.object({ template: templateSchema, units: z.array(z.string()) });
const dailyRequest = z.object({ on: z.boolean(), template: templateSchema });
const loadRequest = z.object({ template: templateSchema, useSaved: z.boolean() });

/** The template the owner last sent with or scheduled; null before the first time. */
function savedTemplate(): ReminderTemplate | null {
  const json = PropertiesService.getDocumentProperties().getProperty(TEMPLATE_KEY);
  const parsed = json ? templateSchema.safeParse(JSON.parse(json)) : null;
  return parsed?.success ? parsed.data : null;
}

function saveTemplate(template: ReminderTemplate): void {
  PropertiesService.getDocumentProperties().setProperty(TEMPLATE_KEY, JSON.stringify(template));
}

const DAILY_TEMPLATE = (spreadsheetId: string) => `thidua.nhacViec.daily.${spreadsheetId}`;

const dailyOn = (spreadsheetId: string) => dailyReminders().some((d) => d.spreadsheetId === spreadsheetId);

/** The daily run of one spreadsheet on (with its template) or off; the clock trigger follows. */
function setDaily(spreadsheetId: string, template: ReminderTemplate | null): void {
  const props = PropertiesService.getUserProperties();
  const others = dailyReminders().filter((d) => d.spreadsheetId !== spreadsheetId);
  if (template) {
    saveJson(props, DAILY_TEMPLATE(spreadsheetId), template);
    saveDailyReminders([...others, { spreadsheetId, lastDay: dailyReminders().find((d) => d.spreadsheetId === spreadsheetId)?.lastDay ?? '' }]);
  } else {
    deleteJson(props, DAILY_TEMPLATE(spreadsheetId));
    saveDailyReminders(others);
  }
  syncClockTrigger(pendingJobs().length > 0 || dailyReminders().length > 0);
}

function list(host: SidebarHost, template: ReminderTemplate) {
  const input = host.readWorkbook();
  const today = calendarDateOf(new Date(), input.timeZone);
  return reminderList(evaluate(input), today, template);
}

/**
 * Sends each letter within today's quota; a failure of one address does not stop the others.
 * Every letter sent is logged, in one append.
 */
function send(units: UnitReminder[], spreadsheet = SpreadsheetApp.getActiveSpreadsheet()): SendReport {
  const plan = planSending(units, MailApp.getRemainingDailyQuota());
  const notReached: SendReport['notReached'] = [
    ...plan.noEmail.map((u) => ({ code: u.code, name: u.name, reason: NO_EMAIL })),
  ];
  const sent: SendReport['sent'] = [];
  for (const u of plan.send) {
    try {
      MailApp.sendEmail({ to: u.emails.join(','), subject: u.subject, body: u.body, name: TITLE });
      sent.push({ code: u.code, emails: u.emails });
    } catch (error) {
      notReached.push({ code: u.code, name: u.name, reason: `Google không gửi được (${error instanceof Error ? error.message : String(error)})` });
    }
  }
  for (const u of plan.overQuota) {
    notReached.push({ code: u.code, name: u.name, reason: `hết hạn mức gửi thư hôm nay của Google (cần ${u.emails.length}); hãy gửi lại ngày mai` });
  }
  logActions(
    sent.map((s) => {
      const u = units.find((x) => x.code === s.code)!;
      return { action: 'Gửi thư nhắc việc', sheet: '', unit: u.code, newValue: `Gửi tới ${s.emails.join(', ')}: ${u.subject}` };
    }),
    spreadsheet,
  );
  return { sent, notReached, quotaLeft: MailApp.getRemainingDailyQuota() };
}

function requireOwner(host: SidebarHost): void {
  if (!host.isOwner()) throw new Refusal('Chỉ chủ sở hữu bảng tính mới gửi được thư nhắc việc.');
}

/** The endpoints of «Nhắc việc» and the Tiến độ changes, over the sidebar host; sending uses MailApp. */
export function reminderEndpoints(host: () => SidebarHost) {
  return {
    // Tiến độ: the last 1,000 rows of Nhật ký, times as milliseconds; the page picks a unit's.
    // (Plain comments on these four: a JSDoc block would be copied into Code.js's stubs.)
    loadAuditLog: () => answer((): JsonSheet => {
      const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
      const sheet = spreadsheet.getSheetByName(SHEET.auditLog);
      const last = sheet ? sheet.getLastRow() : 0;
      const first = Math.max(2, last - 999);
      const rows = sheet && last >= first ? (sheet.getRange(first, 1, last - first + 1, AUDIT_HEADER.length).getValues() as CellValue[][]) : [];
      const values = [AUDIT_HEADER, ...rows.map((r) => r.map((c) => (c instanceof Date ? c.getTime() : (c ?? null))))];
      return { name: SHEET.auditLog, timeZone: spreadsheet.getSpreadsheetTimeZone(), values };
    }),

    // Nhắc việc: who owes what, the letters, today's quota, whether the daily run is on.
    loadReminders: (request: unknown) => answer((): ReminderPage => {
      const { template, useSaved } = parse(loadRequest, request);
      const chosen = (useSaved && savedTemplate()) || template;
      const reminders = list(host(), chosen);
      const id = SpreadsheetApp.getActiveSpreadsheet().getId();
      // The window has closed: the daily run has nothing left to do.
      if (!reminders.open && reminders.deadline !== null && dailyOn(id)) setDaily(id, null);
      return { list: reminders, template: chosen, quotaLeft: MailApp.getRemainingDailyQuota(), dailyOn: dailyOn(id) };
    }),

    // Nhắc việc: «Gửi».
    sendReminders: (request: unknown) => answer((): SendReport => {
      const { template, units } = parse(sendRequest, request);
      const h = host();
      requireOwner(h);
      const reminders = list(h, template);
      if (reminders.problem) throw new Refusal(reminders.problem);
      saveTemplate(template);
      const chosen = new Set(units);
      return send(reminders.units.filter((u) => chosen.has(u.code)));
    }),

    // Nhắc việc: the daily run on (one trigger, once a day) or off.
    setDailyReminder: (request: unknown) => answer((): boolean => {
      const { on, template } = parse(dailyRequest, request);
      const h = host();
      requireOwner(h);
      const id = SpreadsheetApp.getActiveSpreadsheet().getId();
      if (!on) {
        setDaily(id, null);
        return false;
      }
      const reminders = list(h, template);
      if (reminders.problem) throw new Refusal(reminders.problem);
      saveTemplate(template);
      setDaily(id, template);
      return true;
    }),
  };
}

/**
 * The daily letters, from the clock trigger (hourly; no active spreadsheet there, so each is
 * opened by ID): once a day per spreadsheet, from DAILY_HOUR on, until the window closes.
 */
export function runDailyReminders(now = new Date()): void {
  const entries = dailyReminders();
  for (const entry of entries) {
    let spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
    try {
      spreadsheet = SpreadsheetApp.openById(entry.spreadsheetId);
    } catch {
      setDaily(entry.spreadsheetId, null); // deleted, or no longer shared with this user
      continue;
    }
    const timeZone = spreadsheet.getSpreadsheetTimeZone();
    const day = JSON.stringify(calendarDateOf(now, timeZone));
    const hour = Number(new Intl.DateTimeFormat('en-GB', { timeZone, hour: 'numeric', hourCycle: 'h23' }).format(now));
    if (entry.lastDay === day || hour < DAILY_HOUR) continue;
    const template = loadJson(PropertiesService.getUserProperties(), DAILY_TEMPLATE(entry.spreadsheetId), templateSchema);
    const reminders = template && list(appsScriptHost(spreadsheet), template);
    if (!reminders || !reminders.open) {
      setDaily(entry.spreadsheetId, null);
      continue;
    }
    if (!reminders.problem) send(reminders.units, spreadsheet);
    saveDailyReminders(dailyReminders().map((d) => (d.spreadsheetId === entry.spreadsheetId ? { ...d, lastDay: day } : d)));
  }
}

// Menu «Nhắc việc».
export function showReminderSidebar(): void {
  const page = HtmlService.createHtmlOutputFromFile('NhacViec').setTitle('Nhắc việc các đơn vị').setWidth(300);
  SpreadsheetApp.getUi().showSidebar(page);
}
