/**
 * Nhập đề nghị: one nomination of the user's unit. Validates as the user types with the core's
 * draft schema and shows the verdict the core would give — computed here, on the workbook the
 * server sent, so there is no round trip per keystroke. Saving goes to the server, which checks
 * everything again.
 */
import type { CalendarDate, Nomination, Settings } from '../../core/model';
import type { RuleId } from '../../core/results';
import type { DraftPreview, NominationDraft } from '../../core/draft';
import type { EntryForm } from '../rpc';
import { KIND_LABEL, NOMINATION_COL, RATING_LABEL, SHEET } from '../../core/contract';
import { nominationDraftSchema, nominationToDraft, previewDraft } from '../../core/draft';
import { readWorkbook } from '../../core/workbook';
import { formatDate } from '../../core/text';
import { readDate } from '../../core/cells';
import { call } from '../client';
import { vietnameseIssue } from '../issues';
import { announce, byId, el } from '../dom';
// The v2 facts' section under the form (Hồ sơ đơn vị, Báo cáo thành tích).
import './facts';

/** What each rule asks, for the verdict panel (the rules themselves are decided in the core). */
const RULE_TEXT: Record<RuleId, string> = {
  P0: 'hình thức là tập thể hoặc cá nhân',
  P1: 'trực tiếp làm công tác CCHC',
  A0: 'chấp hành tốt, nội bộ đoàn kết, nghiêm kỷ luật, có kế hoạch',
  A1: 'sáng tạo CCHC, hài lòng cao, hồ sơ đúng hạn 100%, DVC trực tuyến tăng',
  A2: 'xã, thị trấn xếp thứ Nhất–Ba',
  A3: 'cơ quan chuyên môn xếp thứ Nhất–Ba',
  B0: 'chấp hành tốt chủ trương, pháp luật',
  B1: 'hai năm liền hoàn thành tốt nhiệm vụ trở lên',
  B2: 'có sáng kiến được cấp có thẩm quyền công nhận',
  P4: 'trong chỉ tiêu của đơn vị',
  M3: 'nộp trong thời hạn',
};

type Field = Exclude<keyof NominationDraft, 'row'>;
const CHECKS = ['directCchc', 'compliance', 'unity', 'discipline', 'hasPlan', 'innovation'] as const;
const PERCENTS = ['satisfactionPercent', 'onTimePercent', 'onlinePrevPercent', 'onlineNowPercent'] as const;
const TEXTS = ['name', 'position', 'initiativeRecognition', 'summary'] as const;
const FIELDS: Field[] = ['unitCode', 'kind', ...TEXTS, ...CHECKS, ...PERCENTS, 'ratingPrev', 'ratingNow', 'submittedOn', 'votesInFavour'];

const page = {
  status: byId('status', HTMLElement),
  form: byId('form', HTMLFormElement),
  unit: byId('unitCode', HTMLSelectElement),
  existing: byId('existing', HTMLSelectElement),
  kind: byId('kind', HTMLSelectElement),
  collective: byId('collective', HTMLFieldSetElement),
  individual: byId('individual', HTMLFieldSetElement),
  submittedOn: byId('submittedOn', HTMLInputElement),
  verdict: byId('verdict-body', HTMLElement),
  verdictSummary: byId('verdict-summary', HTMLElement),
  save: byId('save', HTMLButtonElement),
  newButton: byId('new', HTMLButtonElement),
  reload: byId('reload', HTMLButtonElement),
};
const input = (id: string) => byId(id, HTMLInputElement);
const control = (id: Field) => document.getElementById(id) as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

let data: EntryForm | null = null;
let settings: Settings | null = null;
let nominations: Nomination[] = [];
/** The sheet row being edited; null for a new nomination. */
let currentRow: number | null = null;
/** That row as loaded: the server refuses to save if the row no longer holds it. */
let loadedDraft: NominationDraft | null = null;
/** Fields the user has changed: only their errors show beside them until a save is tried. */
const touched = new Set<string>();
let saveTried = false;

// --- Reading the form ------------------------------------------------------------------------

/** A number as a person types it: `95`, `95,5`, `95.5`, `95%`; empty is null; anything else an error. */
function readNumber(id: string, whole: boolean): { value: number | null; error?: string } {
  const text = input(id).value.trim();
  if (text === '') return { value: null };
  const pattern = whole ? /^\d+$/ : /^\d+(?:[.,]\d+)?\s*%?$/;
  if (!pattern.test(text)) {
    return { value: null, error: whole ? `«${text}» không phải là số nguyên; hãy nhập như 9.` : `«${text}» không phải là số; hãy nhập như 95 hoặc 95,5.` };
  }
  return { value: Number(text.replace('%', '').trim().replace(',', '.')) };
}

/**
 * The day as the sheet writes it, `dd/mm/yyyy`: a text box rather than the browser's date
 * picker, whose order follows the browser's language (mm/dd/yyyy in an English Chrome).
 */
function readSubmittedOn(): { value: CalendarDate | null; error?: string } {
  const read = readDate(page.submittedOn.value, 'UTC');
  return read.ok ? { value: read.value } : { value: null, error: read.message };
}

/** The form as a draft, and the problems of fields that could not even be read. */
function readForm(): { draft: Record<string, unknown>; problems: Map<string, string> } {
  const problems = new Map<string, string>();
  const draft: Record<string, unknown> = {
    row: currentRow,
    unitCode: page.unit.value,
    kind: page.kind.value,
    ratingPrev: byId('ratingPrev', HTMLSelectElement).value || null,
    ratingNow: byId('ratingNow', HTMLSelectElement).value || null,
  };
  for (const id of TEXTS) draft[id] = (control(id) as HTMLInputElement | HTMLTextAreaElement).value;
  for (const id of CHECKS) draft[id] = input(id).checked;
  for (const id of [...PERCENTS, 'votesInFavour'] as const) {
    const read = readNumber(id, id === 'votesInFavour');
    draft[id] = read.value;
    if (read.error) problems.set(id, read.error);
  }
  const date = readSubmittedOn();
  draft.submittedOn = date.value;
  if (date.error) problems.set('submittedOn', date.error);
  return { draft, problems };
}

/** Every field's problem (reading first, then the schema), and the draft when there is none. */
function validate(): { draft: NominationDraft | null; problems: Map<string, string> } {
  const { draft, problems } = readForm();
  const parsed = nominationDraftSchema.safeParse(draft, { error: vietnameseIssue });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '');
      if (!problems.has(field)) problems.set(field, issue.message);
    }
  }
  return { draft: parsed.success && problems.size === 0 ? parsed.data : null, problems };
}

// --- Showing ---------------------------------------------------------------------------------

function showProblems(problems: Map<string, string>): void {
  for (const id of FIELDS) {
    const message = problems.get(id);
    const visible = message !== undefined && (saveTried || touched.has(id));
    const error = document.getElementById(`${id}-error`);
    if (error) error.textContent = visible ? message : '';
    if (visible) control(id).setAttribute('aria-invalid', 'true');
    else control(id).removeAttribute('aria-invalid');
  }
}

const LABELS: Record<string, string> = NOMINATION_COL;

/** The workbook's own rules (`Tiêu chuẩn`) have IDs of their own: the verdict's message explains them. */
const ruleText = (id: string): string => {
  const text = (RULE_TEXT as Record<string, string | undefined>)[id];
  return text ? `${id}: ${text}` : id;
};

function rules(title: string, ids: string[]): HTMLElement | null {
  if (ids.length === 0) return null;
  return el('div', {}, [
    el('p', { text: title }),
    el('ul', { class: 'plain' }, ids.map((id) => el('li', { text: ruleText(id) }))),
  ]);
}

/**
 * The panel is redrawn on every change; only a one-line summary is live, and only when it
 * changes, so a screen reader is not made to read the whole panel at each key.
 */
function summarise(text: string): void {
  if (page.verdictSummary.textContent !== text) page.verdictSummary.textContent = text;
}

function showVerdict(draft: NominationDraft | null, problems: Map<string, string>): void {
  const body = page.verdict;
  body.replaceChildren();
  if (!draft) {
    summarise(`Kết quả xét thử: chưa xét được, còn ${problems.size} ô chưa đúng.`);
    body.append(
      el('p', { text: 'Chưa xét thử được: còn các ô sau chưa đúng.' }),
      el('ul', { class: 'plain' }, [...problems].map(([field, message]) => el('li', { text: `${LABELS[field] ?? field}: ${message}` }))),
    );
    return;
  }
  if (!data) return;
  let preview: DraftPreview;
  try {
    preview = previewDraft(data.workbook, draft);
  } catch (error) {
    body.append(el('p', { text: `Chưa xét thử được: ${error instanceof Error ? error.message : String(error)}` }));
    return;
  }
  const { verdict, quota, errors } = preview;
  if (!verdict) {
    body.append(el('p', { text: `Chưa xét thử được: không thấy trang «${SHEET.nominations}».` }));
    return;
  }
  const listed = verdict.eligible && verdict.quota_ok && verdict.window_ok;
  summarise(`Kết quả xét thử: ${verdict.eligible ? 'đủ điều kiện' : 'không đủ điều kiện'}${verdict.quota_ok ? '' : ', vượt chỉ tiêu'}${verdict.window_ok ? '' : ', ngoài thời hạn nộp'}.`);
  body.append(
    el('p', {}, [
      el('span', { class: `badge ${verdict.eligible ? 'ok' : 'no'}`, text: verdict.eligible ? 'Đủ điều kiện' : 'Không đủ điều kiện', attrs: { id: 'verdict-badge' } }),
      verdict.eligible && !listed ? el('span', { class: 'badge warn', text: 'Chưa vào danh sách' }) : null,
    ]),
  );
  const basis = rules('Căn cứ (đạt):', verdict.basis);
  const failed = rules('Chưa đạt:', verdict.failed);
  if (basis) body.append(basis);
  if (failed) body.append(failed);
  body.append(el('p', { class: 'muted', text: verdict.message, attrs: { id: 'verdict-message' } }));
  if (quota) {
    const a = quota.allowed;
    const n = quota.nominated;
    body.append(
      el('h3', { text: 'Chỉ tiêu của đơn vị (P4)' }),
      el('p', {}, [
        el('span', { class: `badge ${quota.ok ? 'ok' : 'no'}`, text: quota.ok ? 'Trong chỉ tiêu' : 'Vượt chỉ tiêu', attrs: { id: 'quota-badge' } }),
        ` Đã đề nghị ${n.total}/${a.total} (tập thể ${n.collective}/${a.collective}, cá nhân ${n.individual}/${a.individual}), tính cả đề nghị này.`,
      ]),
    );
  }
  body.append(el('p', {}, [
    el('span', { class: `badge ${verdict.window_ok ? 'ok' : 'no'}`, text: verdict.window_ok ? 'Trong thời hạn' : 'Ngoài thời hạn' }),
    verdict.window_ok ? ' Ngày nộp trong thời hạn nhận hồ sơ (M3).' : ' Ngày nộp trống hoặc ngoài thời hạn nhận hồ sơ (M3).',
  ]));
  if (errors.length > 0) {
    body.append(el('ul', { class: 'plain' }, errors.map((e) => el('li', { text: `${e.column ?? ''}: ${e.message}` }))));
  }
}

/** Shows the fields of the chosen kind; the other kind's values stay (they are saved as typed). */
function showKind(): void {
  page.collective.hidden = page.kind.value !== 'collective';
  page.individual.hidden = page.kind.value !== 'individual';
}

let pending = false;

/** Typing fast re-checks once per frame, not once per key: the preview evaluates the whole workbook. */
function scheduleUpdate(): void {
  if (pending) return;
  pending = true;
  requestAnimationFrame(() => {
    pending = false;
    update();
  });
}

function update(): void {
  showKind();
  const { draft, problems } = validate();
  showProblems(problems);
  showVerdict(draft, problems);
}

// --- Filling ---------------------------------------------------------------------------------

function option(value: string, text: string): HTMLOptionElement {
  const o = el('option', { text });
  o.value = value;
  return o;
}

function fill(draft: NominationDraft): void {
  currentRow = draft.row;
  loadedDraft = draft.row === null ? null : draft;
  const unit = Array.from(page.unit.options).find((o) => o.value.toLowerCase() === draft.unitCode.toLowerCase());
  page.unit.value = unit?.value ?? draft.unitCode;
  page.kind.value = draft.kind;
  for (const id of TEXTS) (control(id) as HTMLInputElement | HTMLTextAreaElement).value = draft[id];
  for (const id of CHECKS) input(id).checked = draft[id];
  for (const id of PERCENTS) input(id).value = draft[id] === null ? '' : String(draft[id]).replace('.', ',');
  input('votesInFavour').value = draft.votesInFavour === null ? '' : String(draft.votesInFavour);
  byId('ratingPrev', HTMLSelectElement).value = draft.ratingPrev ?? '';
  byId('ratingNow', HTMLSelectElement).value = draft.ratingNow ?? '';
  page.submittedOn.value = draft.submittedOn ? formatDate(draft.submittedOn) : '';
  touched.clear();
  saveTried = false;
}

function blank(unitCode: string): NominationDraft {
  return {
    row: null, unitCode, kind: '' as NominationDraft['kind'], name: '', position: '',
    directCchc: false, compliance: false, unity: false, discipline: false, hasPlan: false, innovation: false,
    satisfactionPercent: null, onTimePercent: null, onlinePrevPercent: null, onlineNowPercent: null,
    ratingPrev: null, ratingNow: null, initiativeRecognition: '', summary: '', submittedOn: null, votesInFavour: null,
  };
}

/** The chosen unit's nominations, and the row being edited even if it belongs elsewhere. */
function fillExisting(): void {
  const own = nominations.filter((n) => n.unitCode.toLowerCase() === page.unit.value.toLowerCase());
  const options = [option('', '— Thêm đề nghị mới —')];
  for (const n of own) options.push(option(String(n.row), `Hàng ${n.row} · ${n.kind ? KIND_LABEL[n.kind] : '?'} · ${n.name || '(chưa có tên)'}`));
  if (currentRow !== null && !own.some((n) => n.row === currentRow)) {
    options.push(option(String(currentRow), `Hàng ${currentRow} (đang sửa, chuyển sang đơn vị này)`));
  }
  page.existing.replaceChildren(...options);
  page.existing.value = currentRow === null ? '' : String(currentRow);
}

function load(form: EntryForm, keep: { unit?: string; row?: number | null } = {}): void {
  data = form;
  const workbook = readWorkbook(form.workbook);
  settings = workbook.settings;
  const allowed = new Set(form.units.map((u) => u.code.toLowerCase()));
  nominations = workbook.nominations.filter((n) => allowed.has(n.unitCode.toLowerCase()));

  page.unit.replaceChildren(...form.units.map((u) => option(u.code, `${u.code} · ${u.name}`)));
  const year = settings.year;
  byId('ratingPrev-label', HTMLLabelElement).textContent = year ? `Xếp loại năm ${year - 1}` : 'Xếp loại năm trước';
  byId('ratingNow-label', HTMLLabelElement).textContent = year ? `Xếp loại năm ${year}` : 'Xếp loại năm nay';
  for (const id of ['ratingPrev', 'ratingNow']) {
    byId(id, HTMLSelectElement).replaceChildren(
      option('', '— Chưa nhập —'),
      ...Object.entries(RATING_LABEL).map(([code, label]) => option(code, `${label} (${code})`)),
    );
  }
  const { windowFrom, windowTo } = settings;
  byId('submittedOn-hint', HTMLElement).textContent = windowFrom && windowTo
    ? `Dạng dd/mm/yyyy. M3: nhận hồ sơ từ ${formatDate(windowFrom)} đến ${formatDate(windowTo)}.`
    : 'Dạng dd/mm/yyyy. M3: trang Cấu hình chưa có thời hạn nhận hồ sơ.';

  const row = keep.row === undefined ? null : keep.row;
  const edited = row === null ? undefined : nominations.find((n) => n.row === row);
  if (edited) fill(nominationToDraft(edited));
  else fill(blank(keep.unit && allowed.has(keep.unit.toLowerCase()) ? keep.unit : (form.units[0]?.code ?? '')));
  fillExisting();
  page.form.hidden = false;
  update();
}

// --- Talking to the server -------------------------------------------------------------------

async function reload(): Promise<void> {
  announce(page.status, 'Đang tải dữ liệu bảng tính…');
  const result = await call('loadEntryForm');
  if (!result.ok) {
    announce(page.status, result.error, 'error');
    return;
  }
  load(result.value, { unit: page.unit.value || undefined, row: currentRow });
  announce(page.status, result.value.isOwner
    ? 'Bạn là chủ bảng tính: được nhập đề nghị cho mọi đơn vị.'
    : `Nhập đề nghị cho đơn vị của ${result.value.userEmail}.`);
}

async function save(): Promise<void> {
  saveTried = true;
  const { draft, problems } = validate();
  showProblems(problems);
  showVerdict(draft, problems);
  if (!draft) {
    announce(page.status, `Chưa lưu: còn ${problems.size} ô chưa đúng, hãy sửa các ô được đánh dấu.`, 'error');
    const first = FIELDS.find((f) => problems.has(f));
    if (first) control(first).focus();
    return;
  }
  page.save.disabled = true;
  announce(page.status, 'Đang lưu…');
  const result = await call('saveNomination', { draft, loaded: loadedDraft });
  page.save.disabled = false;
  if (!result.ok) {
    announce(page.status, result.error, 'error');
    return;
  }
  const { row, action, form } = result.value;
  load(form, { unit: draft.unitCode, row });
  announce(page.status, `${action === 'appended' ? 'Đã thêm' : 'Đã cập nhật'} đề nghị ở hàng ${row} của trang «${SHEET.nominations}»; hàng này đang được chọn trong bảng tính.`, 'ok');
}

page.form.addEventListener('input', (event) => {
  if (event.target instanceof HTMLElement && event.target.id) touched.add(event.target.id);
  scheduleUpdate();
});
page.form.addEventListener('change', (event) => {
  const target = event.target;
  if (target === page.existing) {
    const row = page.existing.value === '' ? null : Number(page.existing.value);
    const chosen = nominations.find((n) => n.row === row);
    fill(chosen ? nominationToDraft(chosen) : blank(page.unit.value));
    fillExisting();
    announce(page.status, chosen ? `Đang sửa đề nghị ở hàng ${chosen.row}.` : 'Nhập đề nghị mới.');
  } else if (target === page.unit) {
    fillExisting();
  }
  if (target instanceof HTMLElement && target.id) touched.add(target.id);
  update();
});
page.form.addEventListener('submit', (event) => {
  event.preventDefault();
  void save();
});
page.newButton.addEventListener('click', () => {
  fill(blank(page.unit.value));
  fillExisting();
  update();
  announce(page.status, 'Nhập đề nghị mới.');
  page.kind.focus();
});
page.reload.addEventListener('click', () => void reload());

void reload();
