/**
 * The one clock trigger. Google lets an add-on have one time-driven trigger per user and
 * document, so the long jobs' fallback and the daily reminder share it: `continueJobs`, every
 * hour while either needs it, deleted when neither does. A trigger run has no active spreadsheet,
 * so each need names its spreadsheet by ID (in the user's properties: the trigger runs as them).
 */
import * as z from 'zod/mini';

export const CLOCK_HANDLER = 'continueJobs';
/** An add-on's clock trigger may not run more often than hourly. */
export const CLOCK_EVERY_HOURS = 1;

const DAILY_KEY = 'thidua.nhacViec.daily';
const dailySchema = z.array(z.object({ spreadsheetId: z.string(), lastDay: z.string() }));
/** Spreadsheets whose daily reminder this user turned on, and the day each was last sent. */
export type DailyReminders = z.infer<typeof dailySchema>;

export function dailyReminders(): DailyReminders {
  const json = PropertiesService.getUserProperties().getProperty(DAILY_KEY);
  const parsed = json ? dailySchema.safeParse(JSON.parse(json)) : null;
  return parsed?.success ? parsed.data : [];
}

export function saveDailyReminders(entries: DailyReminders): void {
  const props = PropertiesService.getUserProperties();
  if (entries.length === 0) props.deleteProperty(DAILY_KEY);
  else props.setProperty(DAILY_KEY, JSON.stringify(entries));
}

/** Makes the trigger exist exactly when `needed`: one, never more (fired ones included). */
export function syncClockTrigger(needed: boolean): void {
  const mine = ScriptApp.getProjectTriggers().filter((t) => t.getHandlerFunction() === CLOCK_HANDLER);
  if (needed && mine.length === 1) return;
  for (const trigger of mine) ScriptApp.deleteTrigger(trigger);
  if (needed) ScriptApp.newTrigger(CLOCK_HANDLER).timeBased().everyHours(CLOCK_EVERY_HOURS).create();
}
