/**
 * The long jobs' entry points: what the progress dialog (`src/sidebar/cong-viec`) calls, and the
 * fallback trigger. Every call answers a `Result` with a Vietnamese message, never a throw.
 */
import * as z from 'zod/mini';
import type { Result } from '../sidebar/rpc';
import { dossierJob } from './dossierRun';
import type { JobChoice, JobDefinition, JobKind, Progress } from './jobRunner';
import { JOB_KINDS, cancelJob, systemClock, continueJob, jobUnderWay, openedJob, runPendingJobs, startJob } from './jobRunner';
import { protectionJob } from './protections';
import { runDailyReminders } from './reminders';

export const JOBS: Record<JobKind, JobDefinition> = { hoSo: dossierJob, phanQuyen: protectionJob };

const INVALID = 'Yêu cầu không hợp lệ: hãy đóng hộp thoại rồi mở lại từ menu «Thi đua».';

function answer<T>(body: () => T): Result<T> {
  try {
    return { ok: true, value: body() };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

export interface OpenedJob {
  kind: JobKind;
  title: string;
  choice: JobChoice;
  /** A job left unfinished: the dialog offers to carry it on. */
  underWay: { done: number; total: number; units: string[] | null } | null;
}

/** The dialog opens: which job, what to choose from, and whether one is under way. */
export function jobOpen(): Result<OpenedJob> {
  return answer(() => {
    const def = JOBS[openedJob()];
    return { kind: def.kind, title: def.title, choice: def.choice(SpreadsheetApp.getActiveSpreadsheet(), systemClock), underWay: jobUnderWay(def.kind) };
  });
}

const startSchema = z.object({ kind: z.enum(JOB_KINDS), units: z.nullable(z.array(z.string().check(z.trim(), z.minLength(1)))) });

/** «Bắt đầu»: all units (`units: null`) or the ones the user saw listed. */
export function jobStart(request: unknown): Result<Progress> {
  return answer(() => {
    const parsed = startSchema.safeParse(request);
    if (!parsed.success) throw new Error(INVALID);
    return startJob(JOBS[parsed.data.kind], parsed.data.units);
  });
}

function kindOf(kind: unknown): JobKind {
  const parsed = z.enum(JOB_KINDS).safeParse(kind);
  if (!parsed.success) throw new Error(INVALID);
  return parsed.data;
}

/** The next chunk, from the saved cursor. */
export function jobStep(kind: unknown): Result<Progress> {
  return answer(() => continueJob(JOBS[kindOf(kind)]));
}

/** Drops a job under way (documents and protections already made stay). */
export function jobCancel(kind: unknown): Result<true> {
  return answer(() => {
    cancelJob(kindOf(kind));
    return true as const;
  });
}

/**
 * The clock trigger (hourly, one per user and spreadsheet, see clock.ts): carries on jobs no
 * dialog is driving, and sends the day's reminders.
 */
export function continueJobs(_e?: GoogleAppsScript.Events.TimeDriven): void {
  runPendingJobs(JOBS);
  runDailyReminders();
}
