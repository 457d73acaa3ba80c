/**
 * Long jobs («Tạo hồ sơ», «Phân quyền đơn vị») in chunks. A dialog with a progress bar
 * (`dist/CongViec.html`) calls `step` again and again; each call works for at most `STEP_MS`
 * (well inside Apps Script's 6 minutes), saves its cursor in the document properties and answers
 * the progress. Closing the dialog loses nothing: the next click resumes from the cursor, and a
 * time-driven trigger (the fallback; an add-on's may fire at most hourly) carries on an hour later.
 *
 * Triggers are per user (each user sees only their own), at most 20 per user: this module keeps
 * at most one (`continueJobs`), deletes it before making another, and deletes it when nothing is
 * left to do. A trigger run has no active spreadsheet (it opens it by ID: the `spreadsheets`
 * scope) and no document lock, so every step first takes the job's lease, under the script lock
 * (held for milliseconds): one runner at a time, dialog or trigger, and never a second copy of a
 * document.
 */
import * as z from 'zod/mini';
import { NO_LOCK_MESSAGE, alertUser, underDocumentLock } from './lock';
import { CLOCK_EVERY_HOURS, dailyReminders, syncClockTrigger } from './clock';

type Properties = GoogleAppsScript.Properties.Properties;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const TITLE = 'Thi đua';

/** Time the script sees; tests drive it. */
export interface Clock {
  now(): number;
}
export const systemClock: Clock = { now: () => Date.now() };

/** Work per call from the dialog: short, so the bar moves and a call never nears 6 minutes. */
export const STEP_MS = 45 * 1000;
/** Work per trigger run (Apps Script stops an execution at 6 minutes). */
export const TRIGGER_MS = 4.5 * 60 * 1000;
/** The clock trigger fires hourly: an editor add-on's time-driven trigger may not run more often. */
export const FALLBACK_AFTER_MS = CLOCK_EVERY_HOURS * 60 * 60 * 1000;
/** A dialog that called within this time is still driving the job: the trigger leaves it alone. */
const DIALOG_ACTIVE_MS = 10 * 60 * 1000;

export type JobKind = 'hoSo' | 'phanQuyen';
export const JOB_KINDS = ['hoSo', 'phanQuyen'] as const;

const PROP = {
  job: (kind: JobKind) => `thidua.job.${kind}`,
  /** User property: the jobs this user's trigger carries on, by spreadsheet. */
  pending: 'thidua.job.pending',
  /** User property: the job the dialog just opened shows. */
  open: 'thidua.job.open',
} as const;

// ---------- JSON in properties, in pieces (a value holds at most 9 KB) ----------

const PIECE = 8000;

/** Saves `value` as JSON under `key`, `key.1`, `key.2`…: a list of 5,000 unit codes fits. */
export function saveJson(props: Properties, key: string, value: unknown): void {
  const text = JSON.stringify(value);
  const count = Math.max(1, Math.ceil(text.length / PIECE));
  const pieces: Record<string, string> = {};
  for (let i = 0; i < count; i++) pieces[i === 0 ? key : `${key}.${i}`] = text.slice(i * PIECE, (i + 1) * PIECE);
  const old = Number(props.getProperty(`${key}.n`) ?? '1');
  for (const [k, v] of Object.entries(pieces)) props.setProperty(k, v);
  props.setProperty(`${key}.n`, String(count));
  for (let i = count; i < old; i++) props.deleteProperty(`${key}.${i}`);
}

export function loadJson<T>(props: Properties, key: string, schema: z.ZodMiniType<T>): T | null {
  const first = props.getProperty(key);
  if (first === null) return null;
  const count = Number(props.getProperty(`${key}.n`) ?? '1');
  let text = first;
  for (let i = 1; i < count; i++) text += props.getProperty(`${key}.${i}`) ?? '';
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function deleteJson(props: Properties, key: string): void {
  const count = Number(props.getProperty(`${key}.n`) ?? '1');
  props.deleteProperty(key);
  props.deleteProperty(`${key}.n`);
  for (let i = 1; i < count; i++) props.deleteProperty(`${key}.${i}`);
}

// ---------- the job's saved state ----------

const jobSchema = z.object({
  kind: z.enum(JOB_KINDS),
  spreadsheetId: z.string(),
  /** Who started it. */
  by: z.string(),
  startedAt: z.number(),
  done: z.number(),
  total: z.number(),
  /** The units chosen; null: all. */
  units: z.nullable(z.array(z.string())),
  /** When a dialog last ran a step. */
  lastDialogStep: z.number(),
  /** Whoever runs a step holds the lease until `leaseUntil`. */
  leaseBy: z.string(),
  leaseUntil: z.number(),
  /** What the job's own steps keep (small). */
  note: z.string(),
});
export type JobState = z.infer<typeof jobSchema>;

export interface StepContext {
  spreadsheet: Spreadsheet;
  job: JobState;
  /** Stop starting new work at this time. */
  deadline: number;
  clock: Clock;
}

export interface StepOutcome {
  done: number;
  total: number;
  finished: boolean;
  /** What to show under the bar (or, finished, the summary). */
  message: string;
  /** The job cannot go on now (Drive busy, a daily limit, a problem to fix): the cursor is kept. */
  halted?: boolean;
  /** Keep for the next step. */
  note?: string;
}

/** What the dialog offers before a job starts. */
export interface JobChoice {
  /** The units of the rows the user has selected (empty: the cursor is not on unit rows). */
  selected: string[];
  /** All units the job would cover. */
  all: number;
  /** A warning to accept before starting (e.g. a daily limit reached today). */
  warning: string;
}

export interface JobDefinition {
  kind: JobKind;
  title: string;
  /** What to choose from (reads only, no lock). */
  choice(spreadsheet: Spreadsheet, clock: Clock): JobChoice;
  /** One chunk of work from the saved cursor, until the deadline. */
  step(context: StepContext): StepOutcome;
}

export interface Progress {
  kind: JobKind;
  title: string;
  done: number;
  total: number;
  finished: boolean;
  halted: boolean;
  message: string;
}

const me = (): string => Session.getEffectiveUser().getEmail();

// ---------- the fallback trigger ----------

const pendingSchema = z.array(z.object({ spreadsheetId: z.string(), kind: z.enum(JOB_KINDS) }));
type Pending = z.infer<typeof pendingSchema>;

/** This user's jobs left to the clock trigger, which exists while there are any (or a daily reminder). */
function setPending(pending: Pending): void {
  const props = PropertiesService.getUserProperties();
  if (pending.length === 0) props.deleteProperty(PROP.pending);
  else props.setProperty(PROP.pending, JSON.stringify(pending));
  syncClockTrigger(pending.length > 0 || dailyReminders().length > 0);
}

export function pendingJobs(): Pending {
  return loadJson(PropertiesService.getUserProperties(), PROP.pending, pendingSchema) ?? [];
}

const samePending = (a: Pending[number], b: Pending[number]) => a.spreadsheetId === b.spreadsheetId && a.kind === b.kind;

function markPending(entry: Pending[number], pending: boolean): void {
  const now = pendingJobs();
  const has = now.some((p) => samePending(p, entry));
  if (has === pending) {
    if (pending) syncClockTrigger(true); // a trigger deleted by hand is made again
    return;
  }
  setPending(pending ? [...now, entry] : now.filter((p) => !samePending(p, entry)));
}

// ---------- running a step ----------

/** Takes the job's lease under the script lock (milliseconds): null if another runner holds it. */
function takeLease(props: Properties, kind: JobKind, runner: string, until: number, now: number): JobState | null {
  const lock = LockService.getScriptLock();
  if (!lock || !lock.tryLock(10000)) return null;
  try {
    const job = loadJson(props, PROP.job(kind), jobSchema);
    if (!job) return null;
    if (job.leaseBy && job.leaseBy !== runner && job.leaseUntil > now) return null;
    const leased = { ...job, leaseBy: runner, leaseUntil: until };
    saveJson(props, PROP.job(kind), leased);
    return leased;
  } finally {
    lock.releaseLock();
  }
}

export const BUSY_JOB = 'Việc này đang được chạy ở một cửa sổ khác hoặc chạy nền; chờ một phút rồi bấm «Tiếp tục».';

/** One step of the job saved for `spreadsheet`; null when there is no such job. */
function stepJob(def: JobDefinition, spreadsheet: Spreadsheet, clock: Clock, budget: number, fromDialog: boolean): Progress | null {
  const props = PropertiesService.getDocumentProperties();
  const started = clock.now();
  const runner = `${me()}|${started}|${Math.random()}`;
  const job = takeLease(props, def.kind, runner, started + budget + 60_000, started);
  if (!job) {
    const exists = loadJson(props, PROP.job(def.kind), jobSchema);
    return exists ? { kind: def.kind, title: def.title, done: exists.done, total: exists.total, finished: false, halted: true, message: BUSY_JOB } : null;
  }
  let outcome: StepOutcome;
  try {
    outcome = def.step({ spreadsheet, job, deadline: started + budget, clock });
  } catch (error) {
    saveJson(props, PROP.job(def.kind), { ...job, leaseBy: '', leaseUntil: 0 });
    throw error;
  }
  const entry = { spreadsheetId: job.spreadsheetId, kind: def.kind };
  if (outcome.finished) {
    deleteJson(props, PROP.job(def.kind));
    markPending(entry, false);
  } else {
    saveJson(props, PROP.job(def.kind), {
      ...job,
      done: outcome.done,
      total: outcome.total,
      note: outcome.note ?? job.note,
      lastDialogStep: fromDialog ? clock.now() : job.lastDialogStep,
      leaseBy: '',
      leaseUntil: 0,
    });
    markPending(entry, true);
  }
  return { kind: def.kind, title: def.title, done: outcome.done, total: outcome.total, finished: outcome.finished, halted: outcome.halted ?? false, message: outcome.message };
}

/** Starts a job (a job already under way is carried on as it was) and runs its first step. */
export function startJob(def: JobDefinition, units: string[] | null, clock: Clock = systemClock): Progress {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const locked = underDocumentLock(() => {
    const props = PropertiesService.getDocumentProperties();
    if (!loadJson(props, PROP.job(def.kind), jobSchema)) {
      const job: JobState = {
        kind: def.kind,
        spreadsheetId: spreadsheet.getId(),
        by: me(),
        startedAt: clock.now(),
        done: 0,
        total: 0,
        units,
        lastDialogStep: clock.now(),
        leaseBy: '',
        leaseUntil: 0,
        note: '',
      };
      saveJson(props, PROP.job(def.kind), job);
    }
    return stepJob(def, spreadsheet, clock, STEP_MS, true);
  });
  if (!locked.ran) throw new Error(locked.why);
  if (!locked.value) throw new Error('Không bắt đầu được việc này; hãy thử lại.');
  return locked.value;
}

/** The dialog's next step: under the document lock, as every writing action. */
export function continueJob(def: JobDefinition, clock: Clock = systemClock): Progress {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const locked = underDocumentLock(() => stepJob(def, spreadsheet, clock, STEP_MS, true));
  if (!locked.ran) return { kind: def.kind, title: def.title, done: 0, total: 0, finished: false, halted: true, message: locked.why };
  return locked.value ?? { kind: def.kind, title: def.title, done: 0, total: 0, finished: true, halted: false, message: 'Không còn việc nào đang dở.' };
}

/** The job under way in this spreadsheet, if any: the dialog offers to carry it on. */
export function jobUnderWay(kind: JobKind): { done: number; total: number; units: string[] | null } | null {
  const job = loadJson(PropertiesService.getDocumentProperties(), PROP.job(kind), jobSchema);
  return job && { done: job.done, total: job.total, units: job.units };
}

/** «Bỏ việc đang dở»: forgets the cursor (what was written stays); the next start chooses afresh. */
export function cancelJob(kind: JobKind, clock: Clock = systemClock): void {
  const locked = underDocumentLock(() => {
    const props = PropertiesService.getDocumentProperties();
    const job = loadJson(props, PROP.job(kind), jobSchema);
    // A trigger mid-run holds the lease, not the document lock: let it finish its step first.
    if (job && job.leaseBy && job.leaseUntil > clock.now()) throw new Error(BUSY_JOB);
    deleteJson(props, PROP.job(kind));
  });
  if (!locked.ran) throw new Error(locked.why);
}

/** Opens the progress dialog on a job (the menu item). */
export function openJobDialog(kind: JobKind, title: string): void {
  if (!LockService.getDocumentLock()) {
    alertUser(NO_LOCK_MESSAGE);
    return;
  }
  PropertiesService.getUserProperties().setProperty(PROP.open, kind);
  const page = HtmlService.createHtmlOutputFromFile('CongViec').setWidth(460).setHeight(360);
  SpreadsheetApp.getUi().showModelessDialog(page, title);
}

export function openedJob(): JobKind {
  const kind = PropertiesService.getUserProperties().getProperty(PROP.open);
  return kind === 'phanQuyen' ? 'phanQuyen' : 'hoSo';
}

/**
 * The fallback trigger: carries on this user's jobs that no dialog is driving, each for up to
 * `TRIGGER_MS` in all, then comes back in an hour if work is left (one trigger, never more).
 */
export function runPendingJobs(definitions: Record<JobKind, JobDefinition>, clock: Clock = systemClock): void {
  const started = clock.now();
  const left: Pending = [];
  try {
    for (const entry of pendingJobs()) {
      if (clock.now() - started >= TRIGGER_MS) {
        left.push(entry);
        continue;
      }
      let spreadsheet: Spreadsheet;
      try {
        spreadsheet = SpreadsheetApp.openById(entry.spreadsheetId);
      } catch {
        continue; // deleted, or no longer shared with this user: nothing to carry on
      }
      // No document store outside the file's context: the job is left to the dialog.
      const props = PropertiesService.getDocumentProperties();
      if (!props) continue;
      const job = loadJson(props, PROP.job(entry.kind), jobSchema);
      if (!job || job.spreadsheetId !== entry.spreadsheetId) continue;
      if (clock.now() - job.lastDialogStep < DIALOG_ACTIVE_MS) {
        left.push(entry);
        continue;
      }
      try {
        const progress = stepJob(definitions[entry.kind], spreadsheet, clock, TRIGGER_MS - (clock.now() - started), false);
        if (progress && !progress.finished) left.push(entry);
      } catch (error) {
        // Kept for the next hour (or the dialog); the error is in the execution log.
        console.error(error);
        left.push(entry);
      }
    }
  } finally {
    // The trigger that fired is deleted here too: fired one-off triggers stay listed until deleted.
    setPending(left);
  }
}
