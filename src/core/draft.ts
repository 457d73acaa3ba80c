/**
 * A nomination as the entry form holds it (JSON-safe, for the sidebar), and the verdict it would
 * get: computed by placing it in `Đề nghị` and running the same rules as every other row.
 */
import * as z from 'zod/mini';
import type { CalendarDate, CellValue, Nomination, WorkbookError, WorkbookInput } from './model';
import type { NominationVerdict, UnitQuota } from './results';
import { KIND_LABEL, NOMINATION_COL, RATING_LABEL, SHEET } from './contract';
import { evaluate } from './evaluate';
import { findHeaderRow, findSheet } from './sheets';
import { formatDate, normalizeKey } from './text';

const percent = z.nullable(z.number().check(
  z.gte(0, { error: 'Tỷ lệ phải từ 0 đến 100%.' }),
  z.lte(100, { error: 'Tỷ lệ phải từ 0 đến 100%.' }),
));
const rating = z.nullable(z.enum(['HTXSNV', 'HTTNV', 'HTNV', 'KHTNV'], { error: 'Hãy chọn một mức xếp loại trong danh sách.' }));
const calendarDate = z.object({
  year: z.number().check(z.int(), z.gte(1900), z.lte(2200)),
  month: z.number().check(z.int(), z.gte(1), z.lte(12)),
  day: z.number().check(z.int(), z.gte(1), z.lte(31)),
});

/** Đề nghị as the form holds it: each field the contract names, already in its type. */
export const nominationDraftSchema = z.object({
  /** The sheet row being edited, or null for a new nomination. */
  row: z.nullable(z.number().check(z.int(), z.gte(2))),
  unitCode: z.string().check(z.trim(), z.minLength(1, { error: 'Hãy chọn đơn vị đề nghị.' })),
  kind: z.enum(['collective', 'individual'], { error: 'Hãy chọn hình thức: Tập thể hoặc Cá nhân.' }),
  name: z.string().check(
    z.trim(),
    z.minLength(1, { error: 'Hãy nhập tên tập thể hoặc họ và tên.' }),
    z.maxLength(300, { error: 'Tên dài quá 300 ký tự.' }),
  ),
  position: z.string().check(z.maxLength(500, { error: 'Chức vụ dài quá 500 ký tự.' })),
  directCchc: z.boolean(),
  compliance: z.boolean(),
  unity: z.boolean(),
  discipline: z.boolean(),
  hasPlan: z.boolean(),
  innovation: z.boolean(),
  satisfactionPercent: percent,
  onTimePercent: percent,
  onlinePrevPercent: percent,
  onlineNowPercent: percent,
  ratingPrev: rating,
  ratingNow: rating,
  initiativeRecognition: z.string().check(z.maxLength(1000)),
  summary: z.string().check(z.maxLength(5000, { error: 'Tóm tắt thành tích dài quá 5.000 ký tự.' })),
  submittedOn: z.nullable(calendarDate),
  votesInFavour: z.nullable(z.number().check(z.int({ error: 'Số phiếu phải là số nguyên.' }), z.gte(0, { error: 'Số phiếu không thể âm.' }))),
});

export type NominationDraft = z.infer<typeof nominationDraftSchema>;

/** The cells of a `Đề nghị` row for a draft, by header. Dates stay calendar days: the host makes them date cells. */
export function draftToCells(draft: NominationDraft): Record<string, CellValue | CalendarDate> {
  const C = NOMINATION_COL;
  return {
    [C.unitCode]: draft.unitCode.trim(),
    [C.kind]: KIND_LABEL[draft.kind],
    [C.name]: draft.name.trim(),
    [C.position]: draft.position.trim(),
    [C.directCchc]: draft.directCchc,
    [C.compliance]: draft.compliance,
    [C.unity]: draft.unity,
    [C.discipline]: draft.discipline,
    [C.hasPlan]: draft.hasPlan,
    [C.innovation]: draft.innovation,
    [C.satisfactionPercent]: draft.satisfactionPercent,
    [C.onTimePercent]: draft.onTimePercent,
    [C.onlinePrevPercent]: draft.onlinePrevPercent,
    [C.onlineNowPercent]: draft.onlineNowPercent,
    [C.ratingPrev]: draft.ratingPrev ? RATING_LABEL[draft.ratingPrev] : null,
    [C.ratingNow]: draft.ratingNow ? RATING_LABEL[draft.ratingNow] : null,
    [C.initiativeRecognition]: draft.initiativeRecognition.trim(),
    [C.summary]: draft.summary.trim(),
    [C.submittedOn]: draft.submittedOn,
    [C.votesInFavour]: draft.votesInFavour,
  };
}

/** A row already in the sheet, as the form shows it for editing. */
export function nominationToDraft(n: Nomination): NominationDraft {
  return {
    row: n.row,
    unitCode: n.unitCode,
    kind: n.kind ?? 'individual',
    name: n.name,
    position: n.position,
    directCchc: n.directCchc,
    compliance: n.compliance,
    unity: n.unity,
    discipline: n.discipline,
    hasPlan: n.hasPlan,
    innovation: n.innovation,
    satisfactionPercent: n.satisfactionPercent,
    onTimePercent: n.onTimePercent,
    onlinePrevPercent: n.onlinePrevPercent,
    onlineNowPercent: n.onlineNowPercent,
    ratingPrev: n.ratingPrev,
    ratingNow: n.ratingNow,
    initiativeRecognition: n.initiativeRecognition,
    summary: n.summary,
    submittedOn: n.submittedOn,
    votesInFavour: n.votesInFavour,
  };
}

/** Where a draft's cells go in the `Đề nghị` sheet as it stands: the row and each value's column. */
export function placeDraft(input: WorkbookInput, draft: NominationDraft): { row: number; cells: CellValue[] } | null {
  const sheet = findSheet(input, SHEET.nominations);
  if (!sheet) return null;
  const values = draftToCells(draft);
  const headerIndex = findHeaderRow(sheet.values, new Set(Object.keys(values).map(normalizeKey)));
  const header = (sheet.values[headerIndex] ?? []).map((h) => (typeof h === 'string' ? normalizeKey(h) : ''));
  const existing = draft.row !== null ? sheet.values[draft.row - 1] : undefined;
  const cells: CellValue[] = header.map((key, i) => {
    const entry = Object.entries(values).find(([h]) => normalizeKey(h) === key);
    if (!entry) return existing?.[i] ?? null; // a column the form does not know keeps what the user typed
    const value = entry[1];
    return value !== null && typeof value === 'object' && !(value instanceof Date) ? formatDate(value) : value;
  });
  return { row: draft.row ?? sheet.values.length + 1, cells };
}

export interface DraftPreview {
  verdict: NominationVerdict | null;
  quota: UnitQuota | null;
  errors: WorkbookError[];
}

/** The verdict, quota state and cell problems the draft would have once saved. */
export function previewDraft(input: WorkbookInput, draft: NominationDraft): DraftPreview {
  const placed = placeDraft(input, draft);
  if (!placed) return { verdict: null, quota: null, errors: [] };
  const sheets = input.sheets.map((sheet) => {
    if (normalizeKey(sheet.name) !== normalizeKey(SHEET.nominations)) return sheet;
    const values = [...sheet.values];
    const numberFormats = [...(sheet.numberFormats ?? [])];
    while (values.length < placed.row - 1) values.push([]);
    values[placed.row - 1] = placed.cells;
    // The form writes percents as plain numbers (95), whatever the sheet's format was.
    numberFormats[placed.row - 1] = [];
    return { name: sheet.name, values, numberFormats };
  });
  const nominationsSheet = sheets.find((s) => normalizeKey(s.name) === normalizeKey(SHEET.nominations))?.name;
  const { result } = evaluate({ ...input, sheets });
  const verdict = result.nominations.find((v) => v.row === placed.row) ?? null;
  return {
    verdict,
    quota: result.quota.find((q) => verdict && q.unit === verdict.unit) ?? null,
    errors: result.errors.filter((e) => e.sheet === nominationsSheet && e.row === placed.row),
  };
}
