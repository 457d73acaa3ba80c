/**
 * Tiến độ: for Phòng Nội vụ, where every unit stands — scoring, ranking, nominations against the
 * quota, dossier details — with totals, filters, a ranking chart per block, and a button per
 * unit that selects its rows in the sheet. The report is computed on the server by the core.
 */
import type { BlockChart, ProgressProblem, ProgressReport, UnitProgress } from '../../core/progress';
import type { JsonSheet, UnitSheet } from '../rpc';
import { latestChanges } from '../../core/auditLog';
import { PROBLEM_LABEL } from '../../core/progress';
import { SHEET } from '../../core/contract';
import { call } from '../client';
import { announce, byId, el, showNumber } from '../dom';

const page = {
  status: byId('status', HTMLElement),
  refresh: byId('refresh', HTMLButtonElement),
  report: byId('report', HTMLElement),
  totals: byId('totals', HTMLElement),
  block: byId('block', HTMLSelectElement),
  problem: byId('problem', HTMLSelectElement),
  shown: byId('shown', HTMLElement),
  units: byId('units', HTMLUListElement),
  charts: byId('charts', HTMLElement),
};

let report: ProgressReport | null = null;

function option(value: string, text: string): HTMLOptionElement {
  const o = el('option', { text });
  o.value = value;
  return o;
}

function showTotals(r: ProgressReport): void {
  const t = r.totals;
  const rows: [string, string][] = [
    ['Đơn vị', String(t.units)],
    ['Đã thẩm định đủ tiêu chí', `${t.appraised}/${t.rankedBlockUnits}`],
    ['Đơn vị có đề nghị', String(t.nominatingUnits)],
    ['Đề nghị', String(t.nominations)],
    ['Đủ điều kiện', `${t.eligible}/${t.nominations}`],
    ['Đơn vị vượt chỉ tiêu', String(t.quotaProblems)],
    ['Hồ sơ đơn vị đủ thông tin', `${t.dossiersComplete}/${t.nominatingUnits}`],
  ];
  page.totals.replaceChildren(...rows.flatMap(([term, value]) => [el('dt', { text: term }), el('dd', { text: value })]));
}

function rankText(u: UnitProgress): string {
  if (u.rank !== null) {
    return `Hạng ${u.rank}${u.prize ? ` (${u.prize})` : ''}${u.tied ? ', đồng hạng' : ''} — ${showNumber(u.score ?? 0)} điểm`;
  }
  if (u.unrankedReason) return `Chưa xếp hạng: ${u.unrankedReason}`;
  return 'Không thuộc khối xếp hạng.';
}

function nominationText(u: UnitProgress): string {
  const n = u.nominations;
  if (n.total === 0) return 'Chưa có đề nghị.';
  const a = u.allowed;
  const allowed = a ? `${n.total}/${a.total} (tập thể ${n.collective}/${a.collective}, cá nhân ${n.individual}/${a.individual})` : String(n.total);
  return `Đề nghị: ${allowed}; đủ điều kiện ${n.eligible}.${u.quotaOk ? '' : ' Vượt chỉ tiêu (P4).'}`;
}

function dossierText(u: UnitProgress): string {
  if (!u.dossier) return `Hồ sơ đơn vị: chưa có hàng ở trang «${SHEET.dossiers}».`;
  if (u.dossier.missing.length === 0) return `Hồ sơ đơn vị: đủ thông tin (hàng ${u.dossier.row}).`;
  return `Hồ sơ đơn vị (hàng ${u.dossier.row}) còn thiếu: ${u.dossier.missing.join(', ')}.`;
}

/** The standing body's intake (Tiếp nhận hồ sơ): `Đủ` goes forward to the council. */
function intakeText(u: UnitProgress): string | null {
  if (!u.intake) return null;
  const { status, reason } = u.intake;
  return `Tiếp nhận hồ sơ: ${status}${reason ? ` — ${reason}` : ''}.`;
}

const SELECTABLE: [UnitSheet, string][] = [
  ['scores', SHEET.scores],
  ['nominations', SHEET.nominations],
  ['dossiers', SHEET.dossiers],
  ['units', SHEET.units],
];

/** `Nhật ký` as last loaded; «Làm mới» forgets it. */
let auditLog: JsonSheet | null = null;

/** The unit's latest changes from `Nhật ký` (when the owner has turned it on), newest first. */
async function showChanges(u: UnitProgress, list: HTMLElement, button: HTMLButtonElement): Promise<void> {
  if (!auditLog) {
    button.disabled = true;
    const result = await call('loadAuditLog');
    button.disabled = false;
    if (!result.ok) {
      announce(page.status, result.error, 'error');
      return;
    }
    auditLog = result.value;
  }
  const changes = latestChanges(auditLog, u.code, 10, auditLog.timeZone);
  list.replaceChildren(
    ...(changes.length === 0
      ? [el('li', { class: 'muted', text: `Chưa có thay đổi nào của ${u.code} trong trang «${SHEET.auditLog}».` })]
      : changes.map((c) =>
          el('li', {}, [
            el('span', { class: 'muted', text: `${c.at} · ${c.user} · ${c.action}` }),
            el('br'),
            `${c.sheet}${c.range ? ` ${c.range}` : ''}: ${c.oldValue ? `${c.oldValue} → ` : ''}${c.newValue}`,
          ]),
        )),
  );
}

async function selectRows(u: UnitProgress, sheet: UnitSheet, label: string): Promise<void> {
  announce(page.status, `Đang chọn các hàng của ${u.code} ở trang «${label}»…`);
  const result = await call('selectUnitRows', { unitCode: u.code, sheet });
  if (result.ok) announce(page.status, `Đã chọn ${result.value} hàng của ${u.code} ở trang «${label}».`, 'ok');
  else announce(page.status, result.error, 'error');
}

function changesPart(u: UnitProgress): HTMLElement {
  const list = el('ul', { class: 'changes', attrs: { 'aria-live': 'polite' } });
  const button = el('button', { text: 'Thay đổi gần đây', attrs: { type: 'button', 'aria-label': `Xem các thay đổi gần đây của ${u.code}` } });
  button.addEventListener('click', () => void showChanges(u, list, button));
  return el('div', {}, [button, list]);
}

function unitItem(u: UnitProgress): HTMLLIElement {
  const chips: (HTMLElement | null)[] = [
    u.prize ? el('span', { class: 'chip prize', text: u.prize }) : null,
    ...u.problems.map((p) => el('span', { class: 'chip', text: PROBLEM_LABEL[p] })),
    u.problems.length === 0 ? el('span', { class: 'chip ok', text: 'Ổn' }) : null,
    u.intake ? el('span', { class: `chip intake${u.intake.status === 'Đủ' ? ' ok' : ''}`, text: `Tiếp nhận: ${u.intake.status}` }) : null,
  ];
  const c = u.criteria;
  const details = el('details', {}, [
    el('summary', {}, [
      el('span', { class: 'code', text: u.code }),
      ` ${u.name}`,
      el('span', { class: 'flags' }, chips),
    ]),
    el('div', { class: 'detail' }, [
      el('p', { text: u.rankedBlock ? `Tiêu chí đã thẩm định: ${c.appraised}/${c.total} (tự chấm ${c.selfScored}/${c.total}).` : `Khối: ${u.block}.` }),
      el('p', { text: rankText(u) }),
      el('p', { text: nominationText(u) }),
      el('p', { text: dossierText(u) }),
      u.intake ? el('p', { text: intakeText(u) ?? '' }) : null,
      u.documents
        ? el('p', { text: u.documents.length === 0 ? 'Văn bản: chưa có.' : `Văn bản: ${u.documents.map((d) => `${d.status} ${d.count}`).join(', ')}.` })
        : null,
      el('div', { class: 'select-buttons', attrs: { role: 'group', 'aria-label': `Chọn các hàng của ${u.code} trong bảng tính` } },
        SELECTABLE.map(([sheet, label]) => {
          const button = el('button', { text: label, attrs: { type: 'button', 'aria-label': `Chọn các hàng của ${u.code} ở trang ${label}` } });
          button.addEventListener('click', () => void selectRows(u, sheet, label));
          return button;
        })),
      changesPart(u),
    ]),
  ]);
  return el('li', { attrs: { 'data-unit': u.code } }, [details]);
}

function matches(u: UnitProgress): boolean {
  const block = page.block.value;
  const problem = page.problem.value;
  if (block && u.block !== block) return false;
  if (problem === 'any') return u.problems.length > 0;
  if (problem === 'none') return u.problems.length === 0;
  return !problem || u.problems.includes(problem as ProgressProblem);
}

function showUnits(r: ProgressReport): void {
  const shown = r.units.filter(matches);
  page.units.replaceChildren(...shown.map(unitItem));
  page.shown.textContent = `Đang hiện ${shown.length}/${r.units.length} đơn vị.`;
}

/** A bar per ranked unit, best first; prize ranks in a stronger colour. Inline SVG, no library. */
function chart(c: BlockChart): HTMLElement {
  const NS = 'http://www.w3.org/2000/svg';
  const width = 280;
  const barHeight = 14;
  const labelWidth = 42;
  const valueWidth = 38;
  // Bars start at a round number below the lowest score, so close scores look different.
  const max = Math.max(...c.bars.map((b) => b.score), 1);
  const base = Math.max(0, Math.floor((Math.min(...c.bars.map((b) => b.score)) - 5) / 10) * 10);
  const svg = document.createElementNS(NS, 'svg');
  const height = c.bars.length * (barHeight + 3) + 2;
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('role', 'img');
  const summary = c.bars.map((b) => `${b.rank}. ${b.code} ${showNumber(b.score)}`).join('; ');
  svg.setAttribute('aria-label', `Xếp hạng khối ${c.block}: ${summary}`);
  const make = (tag: string, attrs: Record<string, string | number>, text?: string) => {
    const node = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
    if (text !== undefined) node.textContent = text;
    svg.append(node);
    return node;
  };
  c.bars.forEach((b, i) => {
    const y = i * (barHeight + 3) + 1;
    const length = Math.max(1, ((width - labelWidth - valueWidth) * (b.score - base)) / Math.max(max - base, 1));
    make('text', { x: 0, y: y + barHeight - 3 }, b.code);
    const bar = make('rect', { x: labelWidth, y, width: length, height: barHeight, class: b.prize ? 'bar prize' : 'bar' });
    const title = document.createElementNS(NS, 'title');
    title.textContent = `${b.name}: hạng ${b.rank}${b.prize ? ` (${b.prize})` : ''}, ${showNumber(b.score)} điểm`;
    bar.append(title);
    make('text', { x: labelWidth + length + 3, y: y + barHeight - 3 }, showNumber(b.score));
  });
  return el('figure', { class: 'chart' }, [
    el('h3', { text: c.block }),
    svg,
    el('figcaption', { class: 'hint', text: `Thanh tính từ ${base} điểm; màu đậm: hạng được xét (${c.bars.filter((b) => b.prize).length} đơn vị).` }),
  ]);
}

function show(r: ProgressReport): void {
  report = r;
  showTotals(r);
  const block = page.block.value;
  const problem = page.problem.value;
  page.block.replaceChildren(option('', 'Tất cả các khối'), ...r.blocks.map((b) => option(b, b)));
  page.problem.replaceChildren(
    option('', 'Tất cả'),
    option('any', 'Có vấn đề'),
    option('none', 'Không có vấn đề'),
    ...(Object.entries(PROBLEM_LABEL) as [ProgressProblem, string][]).map(([id, label]) => option(id, label)),
  );
  // A refresh keeps the filters the user chose.
  if (r.blocks.includes(block)) page.block.value = block;
  page.problem.value = problem;
  if (page.problem.selectedIndex < 0) page.problem.value = '';
  showUnits(r);
  page.charts.replaceChildren(
    ...(r.charts.length > 0 ? r.charts.map(chart) : [el('p', { class: 'muted', text: 'Chưa có đơn vị nào được xếp hạng.' })]),
  );
  if (r.hasDocuments) page.charts.append(el('p', { class: 'muted', text: 'Trạng thái văn bản lấy từ trang «Hồ sơ».' }));
  page.report.hidden = false;
}

async function refresh(): Promise<void> {
  page.refresh.disabled = true;
  auditLog = null;
  announce(page.status, 'Đang tải dữ liệu bảng tính…');
  const result = await call('loadProgress');
  page.refresh.disabled = false;
  if (!result.ok) {
    announce(page.status, result.error, 'error');
    return;
  }
  show(result.value);
  const t = result.value.totals;
  announce(page.status, `Đã cập nhật: ${t.units} đơn vị, ${t.nominations} đề nghị. Bấm vào một đơn vị để xem chi tiết.`);
}

page.block.addEventListener('change', () => report && showUnits(report));
page.problem.addEventListener('change', () => report && showUnits(report));
page.refresh.addEventListener('click', () => void refresh());

void refresh();
