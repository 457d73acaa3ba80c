/**
 * Nhắc việc (đôn đốc): which units still owe something before the deadline, and the letter to
 * each, from an editable template. Pure: the host gives today's date and sends the letters.
 * What is owed comes from the progress report (progress.ts); there is no intake state yet,
 * so a dossier «returned» cannot be told apart from one «missing».
 */
import type { CalendarDate } from './model';
import type { Evaluation } from './results';
import type { UnitProgress } from './progress';
import { SETTING, SHEET, UNIT_COL } from './contract';
import { unitProgress } from './progress';
import { dayNumber, formatDate } from './text';

/** The placeholders a template may use (the sidebar says what each becomes). */
export const PLACEHOLDERS = ['{ten_don_vi}', '{ma_don_vi}', '{thu_truong}', '{ten_phong_trao}', '{co_quan}', '{han_chot}', '{so_ngay_con_lai}', '{con_thieu}'] as const;
type Placeholder = (typeof PLACEHOLDERS)[number];

export interface ReminderTemplate {
  subject: string;
  body: string;
}

/** What a unit still owes, in words a unit's clerk acts on. */
export function owedItems(u: UnitProgress): string[] {
  const items: string[] = [];
  const c = u.criteria;
  if (u.rankedBlock && c.selfScored < c.total) {
    items.push(`Còn ${c.total - c.selfScored}/${c.total} tiêu chí chưa tự chấm điểm (trang «${SHEET.scores}»).`);
  }
  if (u.nominations.total === 0) items.push(`Chưa có đề nghị khen thưởng (trang «${SHEET.nominations}»).`);
  else if (!u.dossier) items.push(`Chưa có thông tin họp xét và tờ trình (trang «${SHEET.dossiers}»).`);
  else if (u.dossier.missing.length > 0) items.push(`Hồ sơ đơn vị còn thiếu ${u.dossier.missing.join(', ')} (trang «${SHEET.dossiers}», hàng ${u.dossier.row}).`);
  return items;
}

export interface UnitReminder {
  code: string;
  name: string;
  emails: string[];
  owed: string[];
  subject: string;
  body: string;
}

export interface ReminderList {
  /** `Nhận hồ sơ đến ngày`, as `dd/mm/yyyy`; null when the settings lack it. */
  deadline: string | null;
  daysLeft: number | null;
  /** The window is open: today is not past the deadline. */
  open: boolean;
  units: UnitReminder[];
  /** Why nothing can be sent, when so (Vietnamese). */
  problem: string | null;
}

/** Placeholders of a template that are not known (typos such as `{han_chott}`). */
export function unknownPlaceholders(template: ReminderTemplate): string[] {
  const used = `${template.subject}\n${template.body}`.match(/\{[^{}\s]*\}/g) ?? [];
  return [...new Set(used.filter((p) => !(PLACEHOLDERS as readonly string[]).includes(p)))];
}

function fill(text: string, values: Record<Placeholder, string>): string {
  return text.replace(/\{[^{}\s]*\}/g, (p) => values[p as Placeholder] ?? p);
}

/**
 * Every unit that owes something, with its letter; empty (and `open` false) once the deadline
 * has passed. `today` is the spreadsheet's calendar day, from the host.
 */
export function reminderList(evaluation: Evaluation, today: CalendarDate, template: ReminderTemplate): ReminderList {
  const { settings, units } = evaluation.workbook;
  const deadline = settings.windowTo;
  if (!deadline) {
    return { deadline: null, daysLeft: null, open: false, units: [], problem: `Hãy điền «${SETTING.windowTo}» ở trang «${SHEET.settings}» trước khi nhắc việc.` };
  }
  const daysLeft = dayNumber(deadline) - dayNumber(today);
  if (daysLeft < 0) {
    return { deadline: formatDate(deadline), daysLeft, open: false, units: [], problem: `Đã quá hạn nhận hồ sơ (${formatDate(deadline)}): không còn gửi nhắc việc.` };
  }
  const unknown = unknownPlaceholders(template);
  const emails = new Map(units.map((u) => [u.code, u]));
  const reminders = unitProgress(evaluation).units.flatMap((u): UnitReminder[] => {
    const owed = owedItems(u);
    if (owed.length === 0) return [];
    const unit = emails.get(u.code);
    const values: Record<Placeholder, string> = {
      '{ten_don_vi}': u.name,
      '{ma_don_vi}': u.code,
      '{thu_truong}': unit?.head ?? '',
      '{ten_phong_trao}': settings.movementName,
      '{co_quan}': settings.issuer,
      '{han_chot}': formatDate(deadline),
      '{so_ngay_con_lai}': String(daysLeft),
      '{con_thieu}': owed.map((item) => `- ${item}`).join('\n'),
    };
    return [{ code: u.code, name: u.name, emails: unit?.emails ?? [], owed, subject: fill(template.subject, values), body: fill(template.body, values) }];
  });
  const problem = unknown.length > 0 ? `Mẫu thư có chỗ điền không hiểu: ${unknown.join(', ')}. Chỉ dùng: ${PLACEHOLDERS.join(', ')}.` : null;
  return { deadline: formatDate(deadline), daysLeft, open: true, units: reminders, problem };
}

/** Who can be sent to within `remaining` recipients today (each address counts), in list order; the rest are not reached. */
export function planSending(units: UnitReminder[], remaining: number): { send: UnitReminder[]; noEmail: UnitReminder[]; overQuota: UnitReminder[] } {
  const send: UnitReminder[] = [];
  const noEmail: UnitReminder[] = [];
  const overQuota: UnitReminder[] = [];
  let left = Math.max(0, Math.floor(remaining));
  for (const u of units) {
    if (u.emails.length === 0) noEmail.push(u);
    else if (u.emails.length > left) overQuota.push(u);
    else {
      send.push(u);
      left -= u.emails.length;
    }
  }
  return { send, noEmail, overQuota };
}

/** The sentence for a unit without an address. */
export const NO_EMAIL = `chưa có địa chỉ ở cột «${UNIT_COL.emails}» trang «${SHEET.units}»`;
