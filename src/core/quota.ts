/** P4: how many nominees each unit may send, and M3: the window in which dossiers are received. */
import type { CalendarDate, Nomination, Settings, Unit } from './model';
import type { QuotaCount, UnitQuota } from './results';
import type { Standing } from './ranking';
import { SHEET } from './contract';
import { dayNumber, formatDate, normalizeKey } from './text';

const count = (total: number, collective: number, individual: number): QuotaCount => ({ total, collective, individual });

export type QuotaSettings = Pick<Settings, 'quotaPerUnit' | 'quotaPerPrizeUnit' | 'quotaPerKind'>;

/** P4 of the launch document: one nominee; one collective and one individual for a prize rank. */
export const DEFAULT_QUOTA: QuotaSettings = { quotaPerUnit: 1, quotaPerPrizeUnit: 2, quotaPerKind: 1 };

const two = (n: number) => String(n).padStart(2, '0');

/** The quota in words: the launch document's own wording when the settings are its numbers. */
function quotaRule(prize: boolean, q: QuotaSettings): string {
  const isDefault = q.quotaPerUnit === 1 && q.quotaPerPrizeUnit === 2 && q.quotaPerKind === 1;
  if (isDefault) {
    return prize ? 'đơn vị xếp hạng được xét nên được đề nghị 01 tập thể và 01 cá nhân' : 'mỗi đơn vị được đề nghị 01 tập thể hoặc 01 cá nhân';
  }
  const total = prize ? q.quotaPerPrizeUnit : q.quotaPerUnit;
  const perKind = Math.min(q.quotaPerKind, total);
  return `${prize ? 'đơn vị xếp hạng được xét nên được đề nghị' : 'mỗi đơn vị được đề nghị'} ${two(total)} (mỗi hình thức tối đa ${two(perKind)})`;
}

/**
 * P4: by default one nominee, a collective or an individual; a unit in a prize rank of a ranked
 * block may send one collective and one individual; the numbers are settings. Every row of
 * `Đề nghị` counts, eligible or not.
 */
export function unitQuotas(nominations: Nomination[], units: Unit[], standing: Map<string, Standing>, q: QuotaSettings = DEFAULT_QUOTA): UnitQuota[] {
  const unitByKey = new Map(units.map((u) => [normalizeKey(u.code), u]));
  // Codes that differ only in case or spaces are one unit, known or not (workbook.md v2).
  const byUnit = new Map<string, { code: string; own: Nomination[] }>();
  for (const n of nominations) {
    if (!n.unitCode) continue;
    const key = normalizeKey(n.unitCode);
    const group = byUnit.get(key);
    if (group) group.own.push(n);
    else byUnit.set(key, { code: unitByKey.get(key)?.code ?? n.unitCode, own: [n] });
  }
  return [...byUnit.values()].map(({ code, own }) => {
    const unit = unitByKey.get(normalizeKey(code));
    const prize = unit !== undefined && unit.blockKind !== 'other' && (standing.get(unit.code)?.prize ?? false);
    const total = prize ? q.quotaPerPrizeUnit : q.quotaPerUnit;
    const perKind = Math.min(q.quotaPerKind, total);
    const allowed = count(total, perKind, perKind);
    const nominated = count(
      own.length,
      own.filter((n) => n.kind === 'collective').length,
      own.filter((n) => n.kind === 'individual').length,
    );
    const ok = nominated.total <= allowed.total && nominated.collective <= allowed.collective && nominated.individual <= allowed.individual;
    const rows = own.map((n) => n.row).join(', ');
    const rule = quotaRule(prize, q);
    const message = ok
      ? `P4: trong chỉ tiêu (${rule}).`
      : `P4: vượt chỉ tiêu — ${rule}, nhưng đã đề nghị ${nominated.total} (${nominated.collective} tập thể, ${nominated.individual} cá nhân; các hàng ${rows}); đơn vị cần chọn lại và xóa bớt đề nghị.`;
    return { unit: code, allowed, nominated, ok, message };
  });
}

export interface WindowCheck {
  ok: boolean;
  message: string;
}

/** M3: a dossier counts only if submitted within the window, both ends included. */
export function checkWindow(submittedOn: CalendarDate | null, settings: Settings): WindowCheck {
  const { windowFrom: from, windowTo: to } = settings;
  if (!from || !to) return { ok: false, message: 'M3: chưa cấu hình thời gian nhận hồ sơ nên chưa xét được hạn nộp.' };
  const span = `từ ${formatDate(from)} đến ${formatDate(to)}`;
  if (dayNumber(from) > dayNumber(to)) {
    return { ok: false, message: `M3: thời gian nhận hồ sơ ở trang «${SHEET.settings}» không hợp lệ (ngày bắt đầu ${formatDate(from)} sau ngày kết thúc ${formatDate(to)}) nên chưa xét được hạn nộp.` };
  }
  if (!submittedOn) return { ok: false, message: `M3: chưa có ngày nộp hồ sơ (nhận hồ sơ ${span}).` };
  const day = dayNumber(submittedOn);
  if (day < dayNumber(from)) return { ok: false, message: `M3: nộp ngày ${formatDate(submittedOn)}, trước thời gian nhận hồ sơ (${span}).` };
  if (day > dayNumber(to)) return { ok: false, message: `M3: nộp ngày ${formatDate(submittedOn)}, sau thời gian nhận hồ sơ (${span}).` };
  return { ok: true, message: `M3: nộp ngày ${formatDate(submittedOn)}, trong thời gian nhận hồ sơ.` };
}
