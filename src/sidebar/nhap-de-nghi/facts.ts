/**
 * «Hồ sơ họp xét và báo cáo thành tích», under the nomination form: the unit's `Hồ sơ đơn vị`
 * facts (times, council, vote, discussion, recipients) and each nominee's `Báo cáo thành tích`
 * row (form 07). The server checks rights and values and refuses a row changed since loading.
 */
import type { DossierFactKey, FactsRow, ReportFactKey } from '../../core/factsForm';
import { DOSSIER_COL, REPORT_COL, SEX_LABELS, VOTING_METHODS } from '../../core/contract';
import type { FactsForm, UnitFactsForm } from '../rpc';
import { call } from '../client';
import { announce, byId, el } from '../dom';

type Kind = 'text' | 'long' | { list: readonly string[] };
interface FieldSpec<K extends string> {
  key: K;
  label: string;
  kind: Kind;
  hint?: string;
  /** Only for this kind of nominee (form 07 differs). */
  only?: 'Cá nhân' | 'Tập thể';
}

const DOSSIER_FIELDS: FieldSpec<DossierFactKey>[] = [
  { key: 'startTime', label: DOSSIER_COL.startTime, kind: 'text', hint: 'Ví dụ 8:00.' },
  { key: 'endTime', label: DOSSIER_COL.endTime, kind: 'text', hint: 'Ví dụ 10:30.' },
  { key: 'council', label: DOSSIER_COL.council, kind: 'text' },
  { key: 'votingMethod', label: DOSSIER_COL.votingMethod, kind: { list: VOTING_METHODS } },
  { key: 'discussion', label: DOSSIER_COL.discussion, kind: 'long', hint: 'Mỗi ý một dòng.' },
  { key: 'recipients', label: DOSSIER_COL.recipients, kind: 'long', hint: 'Mỗi nơi một dòng; «Như trên», «Lưu: VT» tự thêm.' },
];

const I = 'Cá nhân';
const C = 'Tập thể';
const REPORT_FIELDS: FieldSpec<ReportFactKey>[] = [
  { key: 'birthDate', label: REPORT_COL.birthDate, kind: 'text', hint: 'Dạng dd/mm/yyyy.', only: I },
  { key: 'sex', label: REPORT_COL.sex, kind: { list: SEX_LABELS }, only: I },
  { key: 'homeTown', label: REPORT_COL.homeTown, kind: 'text', only: I },
  { key: 'residence', label: REPORT_COL.residence, kind: 'text', only: I },
  { key: 'qualifications', label: REPORT_COL.qualifications, kind: 'text', only: I },
  { key: 'academicTitles', label: REPORT_COL.academicTitles, kind: 'text', only: I },
  { key: 'duties', label: REPORT_COL.duties, kind: 'long', only: I },
  { key: 'address', label: REPORT_COL.address, kind: 'text', only: C },
  { key: 'phone', label: REPORT_COL.phone, kind: 'text', only: C },
  { key: 'email', label: REPORT_COL.email, kind: 'text', only: C },
  { key: 'structure', label: REPORT_COL.structure, kind: 'long', only: C },
  { key: 'staff', label: REPORT_COL.staff, kind: 'text', only: C },
  { key: 'functions', label: REPORT_COL.functions, kind: 'long', only: C },
  { key: 'situation', label: REPORT_COL.situation, kind: 'long', only: C },
  { key: 'measures', label: REPORT_COL.measures, kind: 'long' },
  { key: 'results', label: REPORT_COL.results, kind: 'long' },
  { key: 'previousAwards', label: REPORT_COL.previousAwards, kind: 'long', hint: 'Mỗi dòng: năm; hình thức; số, ngày quyết định; cơ quan.' },
];

const page = {
  section: byId('facts', HTMLElement),
  status: byId('facts-status', HTMLElement),
  unit: byId('facts-unit', HTMLSelectElement),
  dossier: byId('dossier-form', HTMLFormElement),
  dossierFields: byId('dossier-fields', HTMLElement),
  report: byId('report-form', HTMLFormElement),
  nominee: byId('report-nominee', HTMLSelectElement),
  reportFields: byId('report-fields', HTMLElement),
};

/** Builds one labelled control per field, ids prefixed so they never clash with the nomination form's. */
function build<K extends string>(box: HTMLElement, prefix: string, fields: FieldSpec<K>[]): void {
  for (const f of fields) {
    const id = `${prefix}-${f.key}`;
    const hintId = `${id}-hint`;
    const control =
      f.kind === 'long'
        ? el('textarea', { attrs: { id, rows: '3' } })
        : f.kind === 'text'
          ? el('input', { attrs: { id, type: 'text', autocomplete: 'off' } })
          : el('select', { attrs: { id } }, [el('option', { text: '— Chưa chọn —', attrs: { value: '' } }), ...f.kind.list.map((v) => el('option', { text: v, attrs: { value: v } }))]);
    if (f.hint) control.setAttribute('aria-describedby', hintId);
    box.append(
      el('div', { attrs: { 'data-field': f.key, ...(f.only ? { 'data-only': f.only } : {}) } }, [
        el('label', { text: f.label, attrs: { for: id } }),
        control,
        f.hint ? el('p', { class: 'hint', text: f.hint, attrs: { id: hintId } }) : null,
      ]),
    );
  }
}

const controlOf = (prefix: string, key: string) => document.getElementById(`${prefix}-${key}`) as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

function fillFields<K extends string>(prefix: string, fields: FieldSpec<K>[], values: Record<K, string>): void {
  for (const f of fields) {
    const control = controlOf(prefix, f.key);
    const v = values[f.key] ?? '';
    // A value typed in the sheet that the list does not hold stays visible, to be corrected.
    if (control instanceof HTMLSelectElement && v && !Array.from(control.options).some((o) => o.value === v)) control.append(el('option', { text: v, attrs: { value: v } }));
    control.value = v;
  }
}

const readFields = <K extends string>(prefix: string, fields: FieldSpec<K>[]) =>
  Object.fromEntries(fields.map((f) => [f.key, controlOf(prefix, f.key).value])) as Record<K, string>;

let form: FactsForm | null = null;
/** The rows as loaded: the server refuses to save over a row that changed since. */
let loadedDossier: FactsRow<DossierFactKey> | null = null;
let loadedReport: FactsRow<ReportFactKey> | null = null;

const unitNow = (): UnitFactsForm | undefined => form?.units.find((u) => u.code === page.unit.value);

function showNominee(): void {
  const unit = unitNow();
  const nominee = unit?.nominees[Number(page.nominee.value)];
  page.report.hidden = !nominee;
  if (!nominee) return;
  loadedReport = nominee.report;
  fillFields('report', REPORT_FIELDS, nominee.report.values);
  page.reportFields.querySelectorAll<HTMLElement>('[data-only]').forEach((box) => {
    box.hidden = box.dataset['only'] !== nominee.kind;
  });
}

function showUnit(): void {
  const unit = unitNow();
  if (!unit) return;
  loadedDossier = unit.dossier;
  fillFields('dossier', DOSSIER_FIELDS, unit.dossier.values);
  const chosen = page.nominee.value;
  page.nominee.replaceChildren(...unit.nominees.map((n, i) => el('option', { text: `${n.name} (${n.kind || 'chưa rõ hình thức'})`, attrs: { value: String(i) } })));
  if (unit.nominees.length === 0) page.nominee.append(el('option', { text: '— Đơn vị chưa có đề nghị nào —', attrs: { value: '' } }));
  else if (chosen && Number(chosen) < unit.nominees.length) page.nominee.value = chosen;
  showNominee();
}

function load(next: FactsForm): void {
  form = next;
  const keep = page.unit.value;
  page.unit.replaceChildren(...next.units.map((u) => el('option', { text: `${u.code} - ${u.name}`, attrs: { value: u.code } })));
  if (next.units.some((u) => u.code === keep)) page.unit.value = keep;
  page.section.hidden = false;
  showUnit();
}

async function reload(): Promise<void> {
  const result = await call('loadFactsForm');
  if (!result.ok) {
    announce(page.status, result.error, 'error');
    return;
  }
  load(result.value);
  announce(page.status, result.value.problems.join(' '), result.value.problems.length ? 'error' : 'info');
}

async function save(what: 'dossier' | 'report', button: HTMLButtonElement): Promise<void> {
  const unit = unitNow();
  if (!unit) return;
  button.disabled = true;
  announce(page.status, 'Đang lưu…');
  const nominee = unit.nominees[Number(page.nominee.value)];
  const result =
    what === 'dossier'
      ? await call('saveDossierFacts', { unitCode: unit.code, values: readFields('dossier', DOSSIER_FIELDS), loaded: loadedDossier?.row ? loadedDossier.values : null })
      : await call('saveNomineeReport', { unitCode: unit.code, name: nominee?.name ?? '', values: readFields('report', REPORT_FIELDS), loaded: loadedReport?.row ? loadedReport.values : null });
  button.disabled = false;
  if (!result.ok) {
    announce(page.status, result.error, 'error');
    return;
  }
  load(result.value.form);
  announce(page.status, `Đã lưu ở hàng ${result.value.row}; hàng này đang được chọn trong bảng tính.`, 'ok');
}

build(page.dossierFields, 'dossier', DOSSIER_FIELDS);
build(page.reportFields, 'report', REPORT_FIELDS);
page.unit.addEventListener('change', showUnit);
page.nominee.addEventListener('change', showNominee);
page.dossier.addEventListener('submit', (event) => {
  event.preventDefault();
  void save('dossier', byId('dossier-save', HTMLButtonElement));
});
page.report.addEventListener('submit', (event) => {
  event.preventDefault();
  void save('report', byId('report-save', HTMLButtonElement));
});
byId('facts-reload', HTMLButtonElement).addEventListener('click', () => void reload());

void reload();
