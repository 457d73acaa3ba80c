/**
 * The long-job dialog («Tạo hồ sơ», «Phân quyền đơn vị»): the user chooses all units or the
 * selected ones (said explicitly: the cursor always sits on some cell), then the page calls the
 * job's next step again and again, each a short server call, and moves the bar. A stop (Drive
 * busy, a daily limit, the lock taken) shows why and a «Tiếp tục» button; nothing is lost.
 */
import type { OpenedJob } from '../../addon/jobs';
import type { Progress } from '../../addon/jobRunner';
import { callFunction } from '../client';
import { announce, byId } from '../dom';

const page = {
  title: byId('title', HTMLElement),
  status: byId('status', HTMLElement),
  choose: byId('choose', HTMLFormElement),
  scope: byId('scope', HTMLFieldSetElement),
  all: byId('scope-all', HTMLInputElement),
  selected: byId('scope-selected', HTMLInputElement),
  allText: byId('all-text', HTMLElement),
  selectedText: byId('selected-text', HTMLElement),
  warning: byId('warning', HTMLElement),
  acceptRow: byId('accept-row', HTMLElement),
  accept: byId('accept', HTMLInputElement),
  start: byId('start', HTMLButtonElement),
  running: byId('running', HTMLElement),
  bar: byId('bar', HTMLProgressElement),
  count: byId('count', HTMLElement),
  resume: byId('resume', HTMLButtonElement),
  cancel: byId('cancel', HTMLButtonElement),
};

let opened: OpenedJob | null = null;

function show(p: Progress): void {
  page.running.hidden = false;
  page.bar.max = Math.max(1, p.total);
  page.bar.value = p.finished ? page.bar.max : p.done;
  page.count.textContent = p.total ? `${p.done}/${p.total}` : '';
  announce(page.status, p.message, p.halted ? 'error' : p.finished ? 'ok' : 'info');
  page.resume.hidden = p.finished || !p.halted;
  page.cancel.hidden = page.resume.hidden;
}

/** Runs steps until the job is finished or stops for a reason the user must see. */
async function drive(first: Promise<Awaited<ReturnType<typeof callFunction<Progress>>>>): Promise<void> {
  let result = await first;
  for (;;) {
    if (!result.ok) {
      announce(page.status, result.error, 'error');
      page.running.hidden = false;
      page.resume.hidden = false;
      return;
    }
    show(result.value);
    if (result.value.finished || result.value.halted) return;
    result = await callFunction<Progress>('jobStep', result.value.kind);
  }
}

function render(job: OpenedJob): void {
  page.title.textContent = job.title;
  document.title = job.title;
  if (job.underWay) {
    announce(page.status, `Việc «${job.title}» đang làm dở (${job.underWay.done}/${job.underWay.total}); bấm «Tiếp tục» để làm tiếp từ chỗ đã dừng.`);
    page.running.hidden = false;
    page.resume.hidden = false;
    page.cancel.hidden = false;
    return;
  }
  const { selected, all, warning } = job.choice;
  page.allText.textContent = `Tất cả ${all} đơn vị`;
  page.selected.disabled = selected.length === 0;
  page.selectedText.textContent = selected.length
    ? `Chỉ ${selected.length} đơn vị đang chọn: ${selected.join(', ')}`
    : 'Chỉ các đơn vị đang chọn (chưa chọn hàng nào ở trang «Đề nghị» hoặc «Đơn vị»)';
  page.scope.hidden = job.kind !== 'hoSo';
  page.warning.hidden = warning === '';
  page.warning.textContent = warning;
  page.acceptRow.hidden = warning === '';
  announce(page.status, job.kind === 'hoSo' ? 'Chọn phạm vi rồi bấm «Bắt đầu».' : 'Bấm «Bắt đầu» để đặt lại quyền sửa cho mọi đơn vị.');
  page.choose.hidden = false;
}

page.choose.addEventListener('submit', (event) => {
  event.preventDefault();
  if (!opened) return;
  if (!page.warning.hidden && !page.accept.checked) {
    announce(page.status, 'Hãy đọc lưu ý và đánh dấu ô xác nhận trước khi bắt đầu.', 'error');
    return;
  }
  page.start.disabled = true;
  page.choose.hidden = true;
  const units = page.selected.checked ? opened.choice.selected : null;
  announce(page.status, 'Đang bắt đầu…');
  void drive(callFunction<Progress>('jobStart', { kind: opened.kind, units }));
});

page.resume.addEventListener('click', () => {
  if (!opened) return;
  page.resume.hidden = true;
  announce(page.status, 'Đang làm tiếp…');
  void drive(callFunction<Progress>('jobStep', opened.kind));
});

page.cancel.addEventListener('click', () => {
  if (!opened) return;
  const job = opened;
  page.resume.hidden = true;
  page.cancel.hidden = true;
  void callFunction<true>('jobCancel', job.kind).then((result) => {
    if (!result.ok) {
      announce(page.status, result.error, 'error');
      page.cancel.hidden = false;
      return;
    }
    // Choose afresh: what was already written stays.
    page.running.hidden = true;
    void load();
  });
});

function load(): Promise<void> {
  return callFunction<OpenedJob>('jobOpen').then((result) => {
    if (!result.ok) {
      announce(page.status, result.error, 'error');
      return;
    }
    opened = result.value;
    page.start.disabled = false;
    render(opened);
  });
}

void load();
