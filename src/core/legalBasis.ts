/**
 * Legal presets (issue 12): what the law in force makes a movement's documents say. `2022` is the
 * seed's (Law of 2003 as amended, Decree 91/2017, district People's Committees); `2025` is today's
 * (Law of 2022, Decree 152/2025, communes, provinces and their departments award; forms.md «The
 * law since the launch document»). A preset is data: the «Căn cứ» lines of each document, the
 * bodies that may award, the default block names and the D3 variant. The optional sheet
 * `Căn cứ pháp lý` replaces a document's lines, since provinces set their own forms since 2025.
 */
import * as z from 'zod/mini';
import { readNumber, readText, readTextValue } from './cells';
import type { CellRead } from './cells';
import { EXTRA_SETTING, LEGAL_BASIS_COL, SETTINGS_HEADER, SHEET } from './contract';
import type { CellValue, WorkbookError, WorkbookInput } from './model';
import { findOnlySheet, findSheet, readTable } from './sheets';
import { cleanText, normalizeKey } from './text';

export const LEGAL_PRESETS = ['2022', '2025'] as const;
export type LegalPresetName = (typeof LEGAL_PRESETS)[number];

/** The documents whose «Căn cứ» lines a preset holds; `decision` is the awarding body's Quyết định. */
export type BasisDocument = 'minutes' | 'submission' | 'decision';
export const BASIS_DOCUMENT_LABEL: Record<BasisDocument, string> = {
  minutes: 'Biên bản họp xét',
  submission: 'Tờ trình',
  decision: 'Quyết định khen thưởng',
};
const BASIS_DOCUMENTS = Object.keys(BASIS_DOCUMENT_LABEL) as BasisDocument[];

/** The placeholders a line may hold (the names of the templates' placeholders, README). */
const MOVEMENT_PLACEHOLDERS = ['ten_phong_trao', 'nam', 'co_quan_phat_dong', 'van_ban_phat_dong', 'cap_khen_day_du'] as const;
const UNIT_PLACEHOLDERS = ['ten_don_vi', 'ngay_hop'] as const;
export type BasisPlaceholder = (typeof MOVEMENT_PLACEHOLDERS)[number] | (typeof UNIT_PLACEHOLDERS)[number];
/** A unit's documents know the unit; the awarding body's decision covers every unit, so it does not. */
export const BASIS_PLACEHOLDERS: Record<BasisDocument, readonly BasisPlaceholder[]> = {
  minutes: [...MOVEMENT_PLACEHOLDERS, ...UNIT_PLACEHOLDERS],
  submission: [...MOVEMENT_PLACEHOLDERS, ...UNIT_PLACEHOLDERS],
  decision: MOVEMENT_PLACEHOLDERS,
};

/** D3's form: Decree 91/2017 form 07, or the provincial-style report under Decree 152/2025. */
export type ReportForm = 'form07-2017' | 'province-2025';

/** A body that may award a Giấy khen, by the start of its name, and its head's title. */
export interface AwardingBody {
  body: string;
  title: string;
}

export interface LegalPreset {
  name: LegalPresetName;
  /**
   * Per document, its lines without the closing `;`/`.` (the layout adds them). A submission's and
   * a decision's lines are «Căn cứ …» paragraphs; the minutes' are the texts its criteria sentence
   * cites, joined as «căn cứ A, B và C».
   */
  lines: Record<BasisDocument, readonly string[]>;
  awarding: readonly AwardingBody[];
  blocks: { commune: string; agency: string };
  report: ReportForm;
}

const LAW_2003 =
  'Luật Thi đua, Khen thưởng ngày 26/11/2003; Luật sửa đổi, bổ sung một số điều của Luật Thi đua, Khen thưởng ngày 14/6/2005 và ngày 16/11/2013';
const DECREE_91 = 'Nghị định số 91/2017/NĐ-CP ngày 31/7/2017 của Chính phủ';
const LAW_2022 = 'Luật Thi đua, khen thưởng ngày 15/6/2022';
const DECREE_152 = 'Nghị định số 152/2025/NĐ-CP ngày 14/6/2025 của Chính phủ';
const LAUNCH = '{{van_ban_phat_dong}}';
const MEETING = 'Căn cứ Biên bản họp xét đề nghị khen thưởng ngày {{ngay_hop}} của {{ten_don_vi}}';
const CHAIR = 'Chủ tịch';

export const LEGAL_PRESET: Record<LegalPresetName, LegalPreset> = {
  '2022': {
    name: '2022',
    lines: {
      minutes: ['Luật Thi đua, Khen thưởng', DECREE_91, `tiêu chuẩn khen thưởng quy định tại ${LAUNCH}`],
      submission: [
        `Căn cứ ${LAW_2003}`,
        `Căn cứ ${DECREE_91} quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng`,
        `Căn cứ ${LAUNCH}`,
        MEETING,
      ],
      decision: [
        'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015; Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22/11/2019',
        `Căn cứ ${LAW_2003}`,
        `Căn cứ ${DECREE_91} quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng`,
        `Căn cứ ${LAUNCH}`,
      ],
    },
    // District-level People's Committees: districts, towns and provincial cities.
    awarding: ['huyện', 'thị xã', 'thành phố'].map((level) => ({ body: `Ủy ban nhân dân ${level}`, title: CHAIR })),
    blocks: { commune: 'Xã, thị trấn', agency: 'Cơ quan chuyên môn' },
    report: 'form07-2017',
  },
  '2025': {
    name: '2025',
    lines: {
      minutes: ['Luật Thi đua, khen thưởng năm 2022', DECREE_152, `tiêu chuẩn khen thưởng quy định tại ${LAUNCH}`],
      submission: [
        `Căn cứ ${LAW_2022}`,
        `Căn cứ ${DECREE_152} quy định chi tiết và hướng dẫn thi hành một số điều của Luật Thi đua, khen thưởng`,
        `Căn cứ ${LAUNCH}`,
        MEETING,
      ],
      decision: [
        'Căn cứ Luật Tổ chức chính quyền địa phương ngày 16/6/2025',
        `Căn cứ ${LAW_2022}`,
        `Căn cứ ${DECREE_152} quy định chi tiết và hướng dẫn thi hành một số điều của Luật Thi đua, khen thưởng`,
        `Căn cứ ${LAUNCH}`,
      ],
    },
    // Since 01/7/2025 (two-level local government): communes, wards, special zones, provinces, departments.
    awarding: [
      ...['xã', 'phường', 'đặc khu', 'tỉnh', 'thành phố'].map((level) => ({ body: `Ủy ban nhân dân ${level}`, title: CHAIR })),
      { body: 'Sở', title: 'Giám đốc' },
    ],
    blocks: { commune: 'Xã, phường', agency: 'Sở, ban, ngành' },
    report: 'province-2025',
  },
};

/** The preset when the setting is absent: today's documents, unchanged. */
export const DEFAULT_LEGAL_PRESET: LegalPresetName = '2022';

const presetSchema = z.pipe(
  z.string(),
  z.transform((s) => s.trim()),
).check(z.refine((s) => (LEGAL_PRESETS as readonly string[]).includes(s)));

/** The setting's cell: `2022`, `2025` (a number or text), or empty. */
export function readLegalPreset(cell: CellValue): CellRead<LegalPresetName> {
  const text = readTextValue(cell);
  if (!text.ok || text.value === null) return text as CellRead<LegalPresetName>;
  const parsed = presetSchema.safeParse(text.value);
  if (parsed.success) return { ok: true, value: parsed.data as LegalPresetName };
  return {
    ok: false,
    message: `«${EXTRA_SETTING.legalBasis}» «${text.value}» không hợp lệ; hãy chọn ${LEGAL_PRESETS.map((p) => `«${p}»`).join(' hoặc ')} (để trống là 2022).`,
  };
}

/** `UBND xã A` reads as `Ủy ban nhân dân xã A`. */
const fullBodyName = (name: string) => cleanText(name).replace(/^UBND\b/iu, 'Ủy ban nhân dân');

/** A name's words as keys (case, tone placement and `Uỷ`/`Ủy` folded), to match whole words. */
const wordKeys = (name: string) => fullBodyName(name).split(' ').map(normalizeKey);

/** The preset's awarding body the issuer is (its name starts with the body's words, then a name), or undefined. */
export function awardingBodyOf(preset: LegalPreset, issuer: string): AwardingBody | undefined {
  const words = wordKeys(issuer);
  return preset.awarding.find((a) => {
    const body = wordKeys(a.body);
    return words.length > body.length && body.every((w, i) => words[i] === w);
  });
}

/** Why the issuer cannot award under the preset (the setting names a preset), or null. */
export function awardingBodyProblem(preset: LegalPreset, issuer: string): string | null {
  if (!issuer.trim() || awardingBodyOf(preset, issuer)) return null;
  const bodies = preset.awarding.map((a) => `«${a.body} …»`).join(', ');
  return `Với «${EXTRA_SETTING.legalBasis}» ${preset.name}, Giấy khen do ${bodies} tặng; «${issuer.trim()}» không thuộc các cơ quan này. Hãy sửa «Cơ quan phát động» hoặc chọn căn cứ pháp lý khác.`;
}

/** The awarding title's default when `Chức vụ người ký` is empty: `Giám đốc` for a department. */
export function defaultSignerTitle(preset: LegalPreset, issuer: string): string {
  return awardingBodyOf(preset, issuer)?.title ?? CHAIR;
}

/** One row of `Căn cứ pháp lý`. */
export interface LegalBasisRow {
  row: number;
  document: BasisDocument;
  order: number;
  text: string;
}

/** The lines the documents use: the preset's, each document's replaced by the sheet's rows when it has any. */
export interface LegalBasis {
  preset: LegalPreset;
  lines: Record<BasisDocument, readonly string[]>;
}

export function legalBasisOf(workbook: { settings: { legalBasis?: LegalPresetName | null }; legalBasisRows?: LegalBasisRow[] }): LegalBasis {
  const preset = LEGAL_PRESET[workbook.settings.legalBasis ?? DEFAULT_LEGAL_PRESET];
  const lines = { ...preset.lines };
  for (const document of BASIS_DOCUMENTS) {
    const rows = (workbook.legalBasisRows ?? []).filter((r) => r.document === document);
    if (rows.length) lines[document] = [...rows].sort((a, b) => a.order - b.order).map((r) => r.text);
  }
  return { preset, lines };
}

/**
 * The legal basis from `Cấu hình` and `Căn cứ pháp lý` alone, for what needs nothing else of the
 * workbook (the add-on's «Tạo mẫu hồ sơ»); problems are the full reading's to report.
 */
export function legalBasisOfSheets(input: WorkbookInput): LegalBasis {
  const ignored: WorkbookError[] = [];
  const settings = findSheet(input, SHEET.settings);
  const row = settings
    ? readTable(settings, SETTINGS_HEADER, ignored).rows.find((r) => normalizeKey(readText(r.cell('key'))) === normalizeKey(EXTRA_SETTING.legalBasis))
    : undefined;
  const read = row ? readLegalPreset(row.cell('value')) : null;
  const legalBasis = read?.ok ? (read.value ?? undefined) : undefined;
  const legalBasisRows = readLegalBasisSheet(input, ignored);
  return legalBasisOf({ settings: legalBasis ? { legalBasis } : {}, ...(legalBasisRows ? { legalBasisRows } : {}) });
}

/** The rows «Khởi tạo bảng tính» writes for a preset: document, order, text. */
export function presetRows(name: LegalPresetName): [string, number, string][] {
  return BASIS_DOCUMENTS.flatMap((d) => LEGAL_PRESET[name].lines[d].map((text, i): [string, number, string] => [BASIS_DOCUMENT_LABEL[d], i + 1, text]));
}

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** `{{name}}` occurrences of a line; a stray brace makes the line unreadable (null). */
function placeholdersOf(text: string): string[] | null {
  const names = [...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '');
  return /[{}]/.test(text.replace(PLACEHOLDER, '')) ? null : names;
}

const orderSchema = z.number().check(z.int(), z.positive());

/** The optional `Căn cứ pháp lý` sheet (undefined when absent); a wrong row is reported and not used. */
export function readLegalBasisSheet(input: WorkbookInput, errors: WorkbookError[]): LegalBasisRow[] | undefined {
  const sheet = findOnlySheet(input, SHEET.legalBasis);
  if (!sheet) return undefined;
  const report = (row: number, column: string, message: string) => errors.push({ sheet: sheet.name, row, column, message });
  const table = readTable(sheet, LEGAL_BASIS_COL, errors);
  const seen = new Map<string, number>();
  const rows: LegalBasisRow[] = [];
  const documents = BASIS_DOCUMENTS.map((d) => `«${BASIS_DOCUMENT_LABEL[d]}»`).join(', ');
  for (const row of table.rows) {
    const documentText = readText(row.cell('document'));
    const document = BASIS_DOCUMENTS.find((d) => normalizeKey(BASIS_DOCUMENT_LABEL[d]) === normalizeKey(documentText));
    if (!document) {
      report(row.row, LEGAL_BASIS_COL.document, `${documentText ? `Văn bản «${documentText}» không hợp lệ` : 'Thiếu tên văn bản'}; hãy chọn ${documents}.`);
      continue;
    }
    const orderRead = readNumber(row.cell('order'));
    const order = orderSchema.safeParse(orderRead.ok ? orderRead.value : NaN);
    if (!order.success) {
      report(row.row, LEGAL_BASIS_COL.order, `${LEGAL_BASIS_COL.order} phải là số nguyên dương (1, 2, 3 …) cho biết vị trí của dòng trong văn bản.`);
      continue;
    }
    const key = `${document}\u0000${order.data}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      report(row.row, LEGAL_BASIS_COL.order, `${BASIS_DOCUMENT_LABEL[document]} đã có dòng thứ ${order.data} ở hàng ${earlier}; hãy đánh số thứ tự khác.`);
      continue;
    }
    const text = readText(row.cell('text')).replace(/[\s;.,]+$/u, '');
    if (!text) {
      report(row.row, LEGAL_BASIS_COL.text, 'Thiếu nội dung; hãy ghi dòng căn cứ hoặc xóa hàng này.');
      continue;
    }
    const names = placeholdersOf(text);
    const allowed = BASIS_PLACEHOLDERS[document];
    const unknown = names?.filter((n) => !(allowed as readonly string[]).includes(n));
    if (!names || unknown?.length) {
      report(row.row, LEGAL_BASIS_COL.text,
        `${names ? `«{{${unknown?.[0]}}}» không dùng được trong ${BASIS_DOCUMENT_LABEL[document]}` : 'Dấu ngoặc {{ }} không khớp'}; chỉ dùng ${allowed.map((n) => `{{${n}}}`).join(', ')}.`);
      continue;
    }
    seen.set(key, row.row);
    rows.push({ row: row.row, document, order: order.data, text });
  }
  return rows;
}
