/**
 * Nhắc việc: the units that still owe something before the deadline, each letter rendered by
 * the server from the editable template (a preview per unit), today's MailApp quota, «Gửi»
 * for the units ticked, and the optional daily run. Nothing is decided here.
 */
import type { ReminderTemplate, UnitReminder } from '../../core/reminders';
import { DEFAULT_TEMPLATE } from '../../core/reminderTemplate';
import type { ReminderPage } from '../rpc';
import { call } from '../client';
import { announce, byId, el } from '../dom';

const page = {
  status: byId('status', HTMLElement),
  quota: byId('quota', HTMLElement),
  refresh: byId('refresh', HTMLButtonElement),
  subject: byId('subject', HTMLInputElement),
  body: byId('body', HTMLTextAreaElement),
  placeholders: byId('placeholders', HTMLElement),
  units: byId('units', HTMLUListElement),
  send: byId('send', HTMLButtonElement),
  daily: byId('daily', HTMLInputElement),
};

const template = (): ReminderTemplate => ({ subject: page.subject.value, body: page.body.value });
const chosen = () => Array.from(page.units.querySelectorAll<HTMLInputElement>('input[type=checkbox]:checked'), (c) => c.value);

function unitItem(u: UnitReminder): HTMLLIElement {
  const box = el('input', { attrs: { type: 'checkbox', 'aria-label': `Gửi cho ${u.code}` } });
  box.value = u.code;
  box.checked = u.emails.length > 0;
  box.disabled = u.emails.length === 0;
  return el('li', { attrs: { 'data-unit': u.code } }, [
    el('label', {}, [box, ` ${u.code} ${u.name}`]),
    el('p', { class: 'muted', text: u.emails.length > 0 ? `Gửi tới: ${u.emails.join(', ')}` : 'Chưa có email: không gửi được.' }),
    el('ul', {}, u.owed.map((item) => el('li', { text: item }))),
    el('details', {}, [el('summary', { text: 'Xem trước thư' }), el('p', { text: u.subject, class: 'code' }), el('pre', { class: 'preview', text: u.body })]),
  ]);
}

function show(p: ReminderPage): void {
  page.subject.value = p.template.subject;
  page.body.value = p.template.body;
  page.daily.checked = p.dailyOn;
  page.quota.textContent = `Hạn mức gửi thư hôm nay của Google còn ${p.quotaLeft} người nhận.`;
  const l = p.list;
  page.units.replaceChildren(...l.units.map(unitItem));
  page.send.disabled = !l.open || l.units.length === 0 || l.problem !== null;
  if (l.problem) announce(page.status, l.problem, 'error');
  else if (l.units.length === 0) announce(page.status, `Hạn cuối ${l.deadline}: mọi đơn vị đã đủ, không cần nhắc.`, 'ok');
  else announce(page.status, `Hạn cuối ${l.deadline} (còn ${l.daysLeft} ngày): ${l.units.length} đơn vị còn thiếu.`);
}

/** The first load asks for the template the owner last used (else the default); «Xem lại» renders the one being edited. */
async function load(first: boolean): Promise<void> {
  page.refresh.disabled = true;
  const result = await call('loadReminders', { template: first ? DEFAULT_TEMPLATE : template(), useSaved: first });
  page.refresh.disabled = false;
  if (result.ok) show(result.value);
  else announce(page.status, result.error, 'error');
}

async function send(): Promise<void> {
  const units = chosen();
  if (units.length === 0) {
    announce(page.status, 'Chưa chọn đơn vị nào để gửi.', 'error');
    return;
  }
  page.send.disabled = true;
  announce(page.status, `Đang gửi thư cho ${units.length} đơn vị…`);
  const result = await call('sendReminders', { template: template(), units });
  page.send.disabled = false;
  if (!result.ok) {
    announce(page.status, result.error, 'error');
    return;
  }
  const r = result.value;
  const missed = r.notReached.map((n) => `${n.code}: ${n.reason}`).join('; ');
  announce(page.status, `Đã gửi ${r.sent.length} thư.${missed ? ` Chưa gửi được: ${missed}.` : ''}`, missed ? 'error' : 'ok');
  page.quota.textContent = `Hạn mức gửi thư hôm nay của Google còn ${r.quotaLeft} người nhận.`;
}

async function toggleDaily(): Promise<void> {
  const result = await call('setDailyReminder', { on: page.daily.checked, template: template() });
  if (result.ok) {
    page.daily.checked = result.value;
    announce(page.status, result.value ? 'Đã bật nhắc hằng ngày.' : 'Đã tắt nhắc hằng ngày.', 'ok');
  } else {
    page.daily.checked = !page.daily.checked;
    announce(page.status, result.error, 'error');
  }
}

/** What each placeholder of core/reminders becomes. */
const PLACEHOLDER_HELP = [
  '{ten_don_vi} tên đơn vị',
  '{ma_don_vi} mã đơn vị',
  '{thu_truong} thủ trưởng đơn vị',
  '{ten_phong_trao} tên phong trào',
  '{co_quan} cơ quan phát động',
  '{han_chot} hạn cuối nhận hồ sơ',
  '{so_ngay_con_lai} số ngày còn lại',
  '{con_thieu} các việc còn thiếu, mỗi việc một dòng',
];
page.placeholders.textContent = `Chỗ điền: ${PLACEHOLDER_HELP.join('; ')}.`;
page.refresh.addEventListener('click', () => void load(false));
page.send.addEventListener('click', () => void send());
page.daily.addEventListener('change', () => void toggleDaily());
void load(true);
