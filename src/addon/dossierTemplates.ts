/**
 * The user's own dossier templates as Google Docs: the three default documents with
 * `{{placeholders}}` in place of values (Tạo mẫu hồ sơ), and the filling of a copy of one.
 *
 * The convention is the CLI's (docxtemplater): `{{ten_don_vi}}`, and a table row repeated per
 * nominee when its first cell starts with `{{#de_nghi}}` and its last cell ends with
 * `{{/de_nghi}}`. Values go in literally: every placeholder is found first, then each is
 * replaced by `insertText` (never a regular-expression replacement), so a name holding
 * `{{ten_don_vi}}`, `$1` or `\` stays as typed and is never scanned again.
 */
import { GAP, PLACEHOLDERS } from '../core/documents';
import type { DocModel, DossierKind, Field, PlaceholderData, Run, TableCell } from '../core/documents';
import { minutes, report, submission } from '../core/documents/dossiers';
import { Gaps } from '../core/documents/facts';
import type { NomineeFacts, UnitFacts } from '../core/documents/facts';
import type { LegalBasis } from '../core/legalBasis';

type Body = GoogleAppsScript.Document.Body;
type Element = GoogleAppsScript.Document.Element;
type Text = GoogleAppsScript.Document.Text;
type TableRow = GoogleAppsScript.Document.TableRow;

/** A template that cannot be used, with a Vietnamese message saying what to fix. */
export class TemplateError extends Error {
  override name = 'TemplateError';
}

export const LOOP = 'de_nghi';
/** The other loop: a D3 nominee's previous awards. */
const AWARDS = 'khen_thuong';
const KNOWN = new Set(PLACEHOLDERS.map((p) => p.name));

const ph = (name: string): Field => ({ text: `{{${name}}}`, missing: null });

/** A unit and one nominee whose every value is its placeholder. */
function templateFacts(): { f: UnitFacts; n: NomineeFacts } {
  const n: NomineeFacts = {
    row: 0,
    collective: false,
    kind: '{{hinh_thuc}}',
    name: ph('ten'),
    position: ph('chuc_vu'),
    votes: ph('so_phieu'),
    votePercent: ph('ty_le_phieu'),
    summary: ph('tom_tat'),
    figures: ['{{thanh_tich}}'],
    form07: {
      birthDate: '{{ngay_sinh}}',
      sex: '{{gioi_tinh}}',
      homeTown: '{{que_quan}}',
      residence: '{{tru_quan}}',
      qualifications: '{{trinh_do}}',
      academicTitles: '{{hoc_ham_hoc_vi}}',
      duties: '{{nhiem_vu}}',
      address: '{{dia_chi_tru_so}}',
      phone: '{{dien_thoai}}',
      email: '{{email}}',
      structure: '{{co_cau_to_chuc}}',
      staff: '{{so_can_bo}}',
      functions: '{{chuc_nang_nhiem_vu}}',
      situation: '{{dac_diem_tinh_hinh}}',
      measures: '{{bien_phap}}',
      results: '{{ket_qua}}',
      previousAwards: [{ year: '{{kt_nam}}', form: '{{kt_hinh_thuc}}', decision: '{{kt_quyet_dinh}}', issuer: '{{kt_co_quan}}' }],
      missing: null,
    },
  };
  const f: UnitFacts = {
    movementName: ph('ten_phong_trao'),
    year: ph('nam'),
    issuer: ph('co_quan_phat_dong'),
    unitCode: '{{ma_don_vi}}',
    unitName: ph('ten_don_vi'),
    block: '{{khoi}}',
    head: ph('thu_truong'),
    place: ph('dia_danh'),
    meetingDate: ph('ngay_hop_day_du'),
    meetingDateShort: ph('ngay_hop'),
    meetingPlace: ph('dia_diem_hop'),
    chair: ph('chu_tri'),
    chairName: ph('chu_tri'),
    secretary: ph('thu_ky'),
    secretaryName: ph('thu_ky'),
    members: ph('so_thanh_vien'),
    present: ph('so_co_mat'),
    letterNumber: ph('so_to_trinh'),
    letterDate: ph('ngay_to_trinh_day_du'),
    letterDateShort: ph('ngay_to_trinh'),
    dateLine: ph('dia_danh_ngay_thang'),
    awardAuthority: ph('cap_khen'),
    awardAuthorityFull: ph('cap_khen_day_du'),
    launchDocument: ph('van_ban_phat_dong'),
    ranking: undefined,
    rankingSentence: null,
    nominees: [n],
    collectives: 0,
    individuals: 1,
    v2: {
      symbol: ph('ky_hieu'),
      signerLines: [ph('quyen_han_ky'), ph('chuc_danh_nguoi_ky')],
      // The header's first line stays the issuer's (`{{co_quan_phat_dong_in_hoa}}`), as for a commune.
      superior: null,
      startTime: ph('gio_bat_dau'),
      endTime: ph('gio_ket_thuc'),
      council: ph('ten_hoi_dong'),
      votingMethod: ph('hinh_thuc_bieu_quyet'),
      discussion: ph('y_kien_thao_luan'),
      recipients: [ph('noi_nhan')],
    },
  };
  return { f, n };
}

/**
 * The layout writes some values in capitals (`{{TEN_DON_VI}}`), derives a symbol from the
 * unit's name, and counts the nominees: those spots become the matching placeholders.
 */
function placeholderText(text: string): string {
  return text
    .replace(/\{\{([A-Z_]+)\}\}/g, (_, name: string) => {
      const lower = name.toLowerCase();
      return `{{${KNOWN.has(`${lower}_in_hoa`) ? `${lower}_in_hoa` : lower}}}`;
    })
    // The superior body line: the issuer, short and in capitals (`UBND HUYỆN HỮU LŨNG`).
    .replace(/^\{\{CO_QUAN_PHAT_DONG\}\}$/i, '{{co_quan_phat_dong_in_hoa}}')
    .replace(/^(Số:\s*\/[A-Za-z]+)-\{$/, `$1-${GAP}`)
    .replace('01 cá nhân', '{{so_de_nghi}}')
    // The recipients' placeholder holds whole lines, dash and semicolon included.
    .replace(/^- \{\{noi_nhan\}\};$/, '{{noi_nhan}}');
}

function mapRuns(doc: DocModel, f: (run: Run) => Run): DocModel {
  const paragraph = <P extends { runs: Run[] }>(p: P): P => ({ ...p, runs: p.runs.map(f) });
  return {
    ...doc,
    blocks: doc.blocks.map((b) =>
      b.kind === 'paragraph' ? paragraph(b) : { ...b, rows: b.rows.map((row) => row.map((cell) => ({ paragraphs: cell.paragraphs.map(paragraph) }))) },
    ),
  };
}

/** A cell with its first run's text changed (`at: 'start'`) or its last run's (`'end'`). */
function editCell(cell: TableCell, at: 'start' | 'end', change: (text: string) => string): TableCell {
  const paragraphs = cell.paragraphs.map((p, i) => {
    const mine = at === 'start' ? i === 0 : i === cell.paragraphs.length - 1;
    if (!mine || !p.runs.length) return p;
    const j = at === 'start' ? 0 : p.runs.length - 1;
    return { ...p, runs: p.runs.map((r, k) => (k === j ? { ...r, text: change(r.text) } : r)) };
  });
  return { paragraphs };
}

/**
 * A list table's one row becomes the loop row: `{{#de_nghi}}{{stt}}` … `{{/de_nghi}}`, or
 * `{{#khen_thuong}}{{kt_nam}}` … `{{/khen_thuong}}` for the previous awards.
 */
function markLoopRows(doc: DocModel): DocModel {
  return {
    ...doc,
    blocks: doc.blocks.map((b) => {
      if (b.kind !== 'table' || b.borderless || b.rows.length !== b.headerRows + 1) return b;
      const row = b.rows[b.headerRows]!;
      const last = row.length - 1;
      const loop = row.some((cell) => cell.paragraphs.some((p) => p.runs.some((r) => r.text.includes('{{kt_')))) ? AWARDS : LOOP;
      const looped = row.map((cell, c) => {
        let out = c === 0 ? editCell(cell, 'start', (t) => `{{#${loop}}}${t === '1' ? '{{stt}}' : t}`) : cell;
        if (c === last) out = editCell(out, 'end', (t) => `${t}{{/${loop}}}`);
        return out;
      });
      return { ...b, rows: [...b.rows.slice(0, b.headerRows), looped] };
    }),
  };
}

export const TEMPLATE_TITLE: Record<DossierKind, string> = {
  D1: 'Mẫu D1 - Biên bản họp xét',
  D2: 'Mẫu D2 - Tờ trình',
  D3: 'Mẫu D3 - Báo cáo thành tích',
};

/** The three default documents with placeholders in place of values, citing the workbook's legal basis (issue 12). */
export function templateModels(legal?: LegalBasis): { kind: DossierKind; title: string; doc: DocModel }[] {
  const { f, n } = templateFacts();
  if (legal) f.legal = legal;
  const built: [DossierKind, DocModel][] = [
    ['D1', minutes(f, new Gaps())],
    ['D2', submission(f, new Gaps())],
    ['D3', report(f, n, new Gaps())],
  ];
  return built.map(([kind, doc]) => ({ kind, title: TEMPLATE_TITLE[kind], doc: markLoopRows(mapRuns(doc, (r) => ({ ...r, text: placeholderText(r.text) }))) }));
}

// ---------- filling a copy ----------

const PLACEHOLDER = '\\{\\{[^{}]+\\}\\}';

interface Match {
  text: Text;
  start: number;
  end: number;
  name: string;
}

/** Every placeholder inside `element`, in document order, found before anything is changed. */
function sweep(element: { findText(pattern: string, from?: GoogleAppsScript.Document.RangeElement | null): GoogleAppsScript.Document.RangeElement | null }): Match[] {
  const matches: Match[] = [];
  for (let r = element.findText(PLACEHOLDER); r; r = element.findText(PLACEHOLDER, r)) {
    const text = r.getElement().asText();
    const start = r.getStartOffset();
    const end = r.getEndOffsetInclusive();
    matches.push({ text, start, end, name: text.getText().slice(start + 2, end - 1).trim() });
  }
  return matches;
}

/** The character attributes a value takes from the placeholder it replaces. */
const KEPT = ['BOLD', 'ITALIC', 'UNDERLINE', 'FONT_SIZE', 'FONT_FAMILY', 'FOREGROUND_COLOR'] as const;

/** Replaces the matches with their values, last first so earlier offsets hold; literal text only. */
function apply(matches: Match[], value: (name: string) => string): void {
  const A = DocumentApp.Attribute as unknown as Record<string, string>;
  for (const m of [...matches].reverse()) {
    const text = value(m.name);
    if (text) {
      const attrs = m.text.getAttributes(m.start) as Record<string, unknown>;
      const kept: Record<string, unknown> = {};
      for (const key of KEPT) if (attrs[A[key]!] !== null && attrs[A[key]!] !== undefined) kept[A[key]!] = attrs[A[key]!];
      m.text.insertText(m.start, text);
      m.text.deleteText(m.start + text.length, m.end + text.length);
      m.text.setAttributes(m.start, m.start + text.length - 1, kept);
    } else {
      m.text.deleteText(m.start, m.end);
    }
  }
}

/** The table row holding `element`. */
function rowOf(element: Element, templateName: string, loop: string): TableRow {
  const ROW = DocumentApp.ElementType.TABLE_ROW;
  for (let e: Element | null = element; e; e = e.getParent()) if (e.getType() === ROW) return e.asTableRow();
  const each = loop === AWARDS ? 'mỗi lần được khen thưởng' : 'mỗi người được đề nghị';
  throw new TemplateError(`Mẫu «${templateName}»: {{#${loop}}} phải nằm ở ô đầu của một dòng bảng (dòng đó được lặp cho ${each}).`);
}

/**
 * Fills a template's copy with one document's values; returns the gaps filled (each once),
 * unknown placeholders included. Outside the loop a placeholder takes the document's value;
 * in a loop row, the nominee's value first, then the document's.
 */
export function fillTemplate(body: Body, data: PlaceholderData, templateName: string): string[] {
  const missing: string[] = [];
  const items: Record<string, Record<string, Field>[]> = { [LOOP]: data.de_nghi, [AWARDS]: data.khen_thuong };
  const valueIn = (scope: Record<string, Field>) => (name: string): string => {
    if (/^[#/]/.test(name) && name.slice(1) in items) return '';
    const field = scope[name] ?? data.fields[name];
    const note = field ? field.missing : `Mẫu ${templateName}: không có trường {{${name}}} (xem danh sách trường trong README)`;
    if (note && !missing.includes(note)) missing.push(note);
    return field ? field.text : GAP;
  };

  // One sweep of the whole body, in order: what lies between {{#de_nghi}} and {{/de_nghi}} is a loop row's.
  const outside: Match[] = [];
  const loops: Match[] = [];
  let open: Match | null = null;
  for (const m of sweep(body)) {
    if (m.name.startsWith('#') || m.name.startsWith('/')) {
      const loop = m.name.slice(1);
      if (!(loop in items)) throw new TemplateError(`Mẫu «${templateName}»: chỉ có vòng lặp {{#${LOOP}}} … {{/${LOOP}}} và {{#${AWARDS}}} … {{/${AWARDS}}}, không có «${m.name}».`);
      if (m.name.startsWith('#')) {
        if (open) throw new TemplateError(`Mẫu «${templateName}»: vòng lặp {{#${open.name.slice(1)}}} chưa có {{/${open.name.slice(1)}}} trước khi mở vòng mới.`);
        open = m;
        loops.push(m);
      } else {
        if (!open || open.name.slice(1) !== loop) throw new TemplateError(`Mẫu «${templateName}»: {{/${loop}}} không có {{#${loop}}} mở trước.`);
        open = null;
      }
    } else if (!open) {
      outside.push(m);
    }
  }
  if (open) throw new TemplateError(`Mẫu «${templateName}»: vòng lặp {{#${open.name.slice(1)}}} chưa có {{/${open.name.slice(1)}}}.`);

  // The loop rows are found before any text changes, then the document's values go in.
  const rows = loops.map((m) => ({ row: rowOf(m.text, templateName, m.name.slice(1)), loop: m.name.slice(1) }));
  apply(outside, valueIn({}));
  for (const { row, loop } of rows) {
    const table = row.getParentTable();
    const at = table.getChildIndex(row);
    items[loop]!.forEach((fields, i) => {
      const copy = table.insertTableRow(at + 1 + i, row.copy());
      apply(sweep(copy), valueIn(fields));
    });
    row.removeFromParent();
  }
  return missing;
}
