import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AUDIT_COL, SCORE_COL, SHEET, UNIT_COL } from '../../src/core';
import { DEFAULT_TEMPLATE } from '../../src/core/reminderTemplate';
import { createEndpoints } from '../../src/addon/endpoints';
import { appsScriptHost } from '../../src/addon/sidebarHost';
import { installAuditLog } from '../../src/addon/auditLog';
import { showReminderSidebar } from '../../src/addon/reminders';
import { CLOCK_HANDLER } from '../../src/addon/clock';
import { continueJobs } from '../../src/addon/jobs';
import { dossierJob } from '../../src/addon/dossierRun';
import { startJob } from '../../src/addon/jobRunner';
import { buildSidebars } from '../../scripts/buildAddon';
import { fakeGoogle, MANIFEST_SCOPES, SEND_MAIL_SCOPE, takeRefusedCalls, type FakeGoogle } from '../fakes';
import { GOOD_COLLECTIVE, SCORES, UNITS, workbook } from '../helpers/workbook';
import { loadWorkbook } from './workbooks';

const CLERK = 'van.thu@huulung.gov.vn';
let google: FakeGoogle;
const endpoints = createEndpoints(appsScriptHost);

/** X01 owes a self-score and a nomination; X04 a dossier; X03 has no address. */
function setup(emails: (code: string) => string = (code) => (code === 'X03' ? '' : `${code.toLowerCase()}@example.gov.vn`)) {
  google = fakeGoogle();
  google.install();
  loadWorkbook(google, workbook({
    units: UNITS.map((u) => ({ ...u, [UNIT_COL.emails]: emails(String(u[UNIT_COL.code])) })),
    scores: SCORES.map((s) => (s[SCORE_COL.unitCode] === 'X01' && s[SCORE_COL.criterionCode] === 'TC2' ? { ...s, [SCORE_COL.selfPoints]: '' } : s)),
    nominations: [GOOD_COLLECTIVE],
  }));
}

const value = <T>(result: { ok: true; value: T } | { ok: false; error: string }): T => {
  if (!result.ok) throw new Error(result.error);
  return result.value;
};

beforeEach(() => {
  jest.useFakeTimers({ now: new Date('2023-01-03T02:00:00Z'), doNotFake: ['nextTick', 'setImmediate'] });
  setup();
});
afterEach(() => jest.useRealTimers());

describe('loadReminders', () => {
  it('shows who owes what, the letters, and the recipients left today', () => {
    google.mail.remaining = 37;
    const page = value(endpoints.loadReminders({ template: DEFAULT_TEMPLATE, useSaved: true }));
    expect(page.quotaLeft).toBe(37);
    expect(page.dailyOn).toBe(false);
    expect(page.list.deadline).toBe('06/01/2023');
    // Every unit but X04 has no nomination yet; X04 owes its dossier.
    expect(page.list.units.map((u) => u.code)).toEqual(['X01', 'X02', 'X03', 'X04', 'CQ01', 'CQ02', 'DV01']);
    expect(page.template).toEqual(DEFAULT_TEMPLATE);
  });

  it('refuses a template without subject, in Vietnamese', () => {
    const result = endpoints.loadReminders({ template: { subject: ' ', body: 'x' }, useSaved: false });
    expect(result).toMatchObject({ ok: false });
    if (!result.ok) expect(result.error).toContain('Thiếu tiêu đề thư');
  });
});

describe('sendReminders', () => {
  const units = () => value(endpoints.loadReminders({ template: DEFAULT_TEMPLATE, useSaved: true })).list.units;

  it('sends each chosen unit’s letter through MailApp and logs each to Nhật ký', () => {
    installAuditLog();
    const report = value(endpoints.sendReminders({ template: DEFAULT_TEMPLATE, units: ['X01', 'X04'] }));
    expect(report.sent.map((s) => s.code)).toEqual(['X01', 'X04']);
    expect(google.mail.sent.map((m) => m.to)).toEqual([['x01@example.gov.vn'], ['x04@example.gov.vn']]);
    expect(google.mail.sent[1]!.subject).toBe(units().find((u) => u.code === 'X04')!.subject);
    expect(report.quotaLeft).toBe(98);
    const log = google.spreadsheet.sheet(SHEET.auditLog)!.dump();
    const actions = Object.values(AUDIT_COL).indexOf(AUDIT_COL.action);
    expect(log.slice(1).map((r) => r[actions])).toEqual(['Gửi thư nhắc việc', 'Gửi thư nhắc việc']);
  });

  it('never exceeds the quota and says who was not reached, and why', () => {
    google.mail.remaining = 1;
    const report = value(endpoints.sendReminders({ template: DEFAULT_TEMPLATE, units: ['X01', 'X03', 'X04'] }));
    expect(report.sent.map((s) => s.code)).toEqual(['X01']);
    expect(google.mail.remaining).toBe(0);
    expect(report.notReached.map((n) => n.code).sort()).toEqual(['X03', 'X04']);
    expect(report.notReached.find((n) => n.code === 'X03')!.reason).toContain('chưa có địa chỉ');
    expect(report.notReached.find((n) => n.code === 'X04')!.reason).toContain('hạn mức');
  });

  it('goes on after one address fails, and reports it', () => {
    google.mail.failing.add('x01@example.gov.vn');
    const report = value(endpoints.sendReminders({ template: DEFAULT_TEMPLATE, units: ['X01', 'X04'] }));
    expect(report.sent.map((s) => s.code)).toEqual(['X04']);
    expect(report.notReached[0]).toMatchObject({ code: 'X01' });
    expect(report.notReached[0]!.reason).toContain('Google không gửi được');
  });

  it('a malformed address in Đơn vị is reported, not thrown', () => {
    setup((code) => (code === 'X01' ? 'khong-phai-email@' : `${code.toLowerCase()}@example.gov.vn`));
    const report = value(endpoints.sendReminders({ template: DEFAULT_TEMPLATE, units: ['X01'] }));
    expect(report.sent).toEqual([]);
    expect(report.notReached[0]!.reason).toContain('Invalid email');
  });

  it('only the owner may send', () => {
    google.actAs(CLERK);
    const result = endpoints.sendReminders({ template: DEFAULT_TEMPLATE, units: ['X01'] });
    expect(result).toMatchObject({ ok: false });
    expect(google.mail.sent).toEqual([]);
  });

  it('MailApp refuses a project whose manifest lacks the send scope', () => {
    google = fakeGoogle({ grantedScopes: MANIFEST_SCOPES.filter((s) => s !== 'script.send_mail') });
    google.install();
    loadWorkbook(google, workbook());
    const result = endpoints.sendReminders({ template: DEFAULT_TEMPLATE, units: ['X01'] });
    expect(result).toEqual({ ok: false, error: expect.stringContaining('Specified permissions are not sufficient to call MailApp.getRemainingDailyQuota') });
    expect(takeRefusedCalls()).toHaveLength(1); // refused on purpose here
  });

  it('the manifest asks for the send scope MailApp needs', () => {
    const manifest = JSON.parse(readFileSync(join(__dirname, '../../appsscript.json'), 'utf8'));
    expect(manifest.oauthScopes).toContain(SEND_MAIL_SCOPE);
    // …and the README says why, in its scope list.
    expect(readFileSync(join(__dirname, '../../README.md'), 'utf8')).toMatch(/^\| `script\.send_mail` \| .*MailApp/m);
  });
});

describe('the daily reminder', () => {
  it('is off by default; on, it is the one hourly clock trigger; off again, it is gone', () => {
    expect(value(endpoints.loadReminders({ template: DEFAULT_TEMPLATE, useSaved: true })).dailyOn).toBe(false);
    value(endpoints.setDailyReminder({ on: true, template: DEFAULT_TEMPLATE }));
    value(endpoints.setDailyReminder({ on: true, template: DEFAULT_TEMPLATE }));
    expect(google.triggers.list).toHaveLength(1);
    expect(google.triggers.list[0]).toMatchObject({ handler: CLOCK_HANDLER, kind: 'hourly' });
    expect(value(endpoints.loadReminders({ template: DEFAULT_TEMPLATE, useSaved: true })).dailyOn).toBe(true);
    value(endpoints.setDailyReminder({ on: false, template: DEFAULT_TEMPLATE }));
    expect(google.triggers.list).toHaveLength(0);
  });

  it('sends once a day from the clock trigger (no active spreadsheet: opened by ID), and stops once the window has closed', () => {
    const custom = { subject: 'Nhắc {ma_don_vi} trước {han_chot}', body: '{con_thieu}' };
    value(endpoints.setDailyReminder({ on: true, template: custom }));
    google.access.container = false;
    continueJobs();
    expect(google.mail.sent.map((m) => m.subject)).toContain('Nhắc X04 trước 06/01/2023');
    expect(google.log.count('SpreadsheetApp.openById')).toBeGreaterThan(0);
    const once = google.mail.sent.length;
    jest.setSystemTime(new Date('2023-01-03T05:00:00Z')); // an hour later, the same day
    continueJobs();
    expect(google.mail.sent.length).toBe(once);
    jest.setSystemTime(new Date('2023-01-04T02:00:00Z')); // the next morning
    continueJobs();
    expect(google.mail.sent.length).toBeGreaterThan(once);
    const twice = google.mail.sent.length;
    jest.setSystemTime(new Date('2023-01-07T02:00:00Z')); // after the deadline
    continueJobs();
    expect(google.mail.sent.length).toBe(twice);
    expect(google.triggers.list).toHaveLength(0);
  });

  it('waits for the office day: nothing is sent by a run before 7:00', () => {
    value(endpoints.setDailyReminder({ on: true, template: DEFAULT_TEMPLATE }));
    jest.setSystemTime(new Date('2023-01-03T23:00:00Z')); // 06:00 on 4 January in Hà Nội
    const before = google.mail.sent.length;
    continueJobs();
    expect(google.mail.sent.length).toBe(before);
  });

  it('shares the one clock trigger an add-on may have with «Tạo hồ sơ» left to run on', () => {
    google.drive.createMs = 100_000; // the first step of the job stops after one document
    expect(startJob(dossierJob, null, google.clock)).toMatchObject({ finished: false });
    value(endpoints.setDailyReminder({ on: true, template: DEFAULT_TEMPLATE }));
    expect(google.triggers.list.map((t) => t.handler)).toEqual([CLOCK_HANDLER]);
    value(endpoints.setDailyReminder({ on: false, template: DEFAULT_TEMPLATE }));
    expect(google.triggers.list.map((t) => t.handler)).toEqual([CLOCK_HANDLER]); // the job still needs it
  });

  it('an add-on may not run a clock trigger more often than hourly (the fake refuses, as Google does)', () => {
    expect(() => ScriptApp.newTrigger(CLOCK_HANDLER).timeBased().everyMinutes(5)).toThrow('once an hour');
  });
});

it('«Nhắc việc» opens its built page in a 300 px sidebar', async () => {
  const built = await buildSidebars('src');
  const html = built.find((p) => p.name === 'NhacViec.html')!.html;
  const withPages = fakeGoogle({ htmlFiles: new Map([['NhacViec', html]]) });
  withPages.install();
  showReminderSidebar();
  expect(withPages.ui.sidebars).toEqual([{ title: 'Nhắc việc các đơn vị', html }]);
  expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+stylesheet/i);
});
