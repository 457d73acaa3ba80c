/**
 * The `Hồ sơ` sheet: one row per document the add-on made, found again by unit, kind and
 * nominee, with the document's ID, the hash of what was written, and who made it (documents are
 * private to their creator: another officer cannot open them, and must not make copies).
 */
import type { DossierDocument, DossierKind } from '../core/documents';
import { SHEET } from '../core/contract';
import type { CellValue } from '../core/model';
import type { OutputSheet, RowMark } from '../core/results';
import { normalizeKey } from '../core/text';
import type { SheetIndex } from './sheetIO';

export const FILES_SHEET = SHEET.documents;
export const FILES_COL = {
  unitCode: 'Mã đơn vị',
  unitName: 'Đơn vị',
  kind: 'Tài liệu',
  nominee: 'Tập thể / cá nhân',
  fileName: 'Tên tệp',
  link: 'Liên kết',
  status: 'Trạng thái',
  updated: 'Cập nhật lúc',
  missing: 'Còn thiếu',
  hash: 'Mã nội dung',
  id: 'ID tài liệu',
  creator: 'Người tạo',
} as const;
const FILES_HEADER = Object.values(FILES_COL);

export const STATUS = {
  created: 'Đã tạo',
  updated: 'Đã cập nhật',
  unchanged: 'Không đổi',
  error: 'Lỗi',
  gone: 'Không còn trong hồ sơ (tài liệu được giữ nguyên)',
} as const;

export const KIND_NAME: Record<DossierKind, string> = { D1: 'Biên bản họp xét', D2: 'Tờ trình', D3: 'Báo cáo thành tích' };

/** A 53-bit hash (cyrb53) of a string, as 14 hex digits: enough to tell a changed document. */
export function contentHash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

export const nomineeOf = (d: DossierDocument): string => (d.kind === 'D3' ? (d.placeholders.fields['ten']?.text ?? '') : '');

/** How a document is found again: unit, kind, nominee (and which one, for namesakes). */
export function keyMaker(): (unitCode: string, kind: string, nominee: string) => string {
  const seen = new Map<string, number>();
  return (unitCode, kind, nominee) => {
    const base = `${normalizeKey(unitCode)}|${normalizeKey(kind)}|${normalizeKey(nominee)}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return `${base}|${n}`;
  };
}

export const message = (error: unknown): string => (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';

export interface FileRecord {
  key: string;
  unitCode: string;
  unitName: string;
  kind: string;
  nominee: string;
  fileName: string;
  link: string;
  status: string;
  updated: Date | string;
  missing: string;
  hash: string;
  id: string;
  /** Who made the document (only they can open it); empty on rows of older versions. */
  creator: string;
}

/** A `Hồ sơ` sheet the add-on did not write: it is the user's, and is never overwritten. */
export const FOREIGN_FILES_SHEET = `Bảng tính đã có trang «${FILES_SHEET}» không do Thi đua tạo (hàng 1 không có các cột «${FILES_COL.unitCode}», «${FILES_COL.id}»). Đổi tên trang đó rồi chạy lại: Thi đua ghi danh sách tài liệu vào trang «${FILES_SHEET}».`;

/** The rows of `Hồ sơ`, read once, by key (sheet order kept); null if that sheet is the user's own. */
export function readRecords(index: SheetIndex): Map<string, FileRecord> | null {
  const records = new Map<string, FileRecord>();
  const sheet = index.find(FILES_SHEET);
  if (!sheet) return records;
  const values = sheet.getDataRange().getValues() as CellValue[][];
  const header = (values[0] ?? []).map((h) => normalizeKey(String(h ?? '')));
  const col = (name: string) => header.indexOf(normalizeKey(name));
  const columns = Object.fromEntries(Object.entries(FILES_COL).map(([k, name]) => [k, col(name)])) as Record<keyof typeof FILES_COL, number>;
  const blank = values.every((row) => row.every((v) => v === '' || v === null || v === undefined));
  if (!blank && (columns.unitCode < 0 || columns.id < 0)) return null;
  const key = keyMaker();
  for (const row of values.slice(1)) {
    const text = (c: number) => (c >= 0 && row[c] !== null && row[c] !== undefined ? String(row[c]).trim() : '');
    const unitCode = text(columns.unitCode);
    if (!unitCode) continue;
    const updated = columns.updated >= 0 ? row[columns.updated] : '';
    const record: FileRecord = {
      key: key(unitCode, text(columns.kind), text(columns.nominee)),
      unitCode,
      unitName: text(columns.unitName),
      kind: text(columns.kind),
      nominee: text(columns.nominee),
      fileName: text(columns.fileName),
      link: text(columns.link),
      status: text(columns.status),
      updated: updated instanceof Date || Object.prototype.toString.call(updated) === '[object Date]' ? (updated as Date) : text(columns.updated),
      missing: text(columns.missing),
      hash: text(columns.hash),
      id: text(columns.id),
      creator: text(columns.creator),
    };
    records.set(record.key, record);
  }
  return records;
}

export const timeOf = (v: Date | string): number => (typeof v === 'string' ? NaN : v.getTime());

export function filesSheet(records: FileRecord[]): OutputSheet {
  const mark = (r: FileRecord): RowMark => (r.status.startsWith(STATUS.error) ? 'ineligible' : r.status === STATUS.gone ? 'warning' : null);
  return {
    name: FILES_SHEET,
    header: [...FILES_HEADER],
    rows: records.map((r) => [r.unitCode, r.unitName, r.kind, r.nominee, r.fileName, r.link, r.status, r.updated, r.missing, r.hash, r.id, r.creator]),
    marks: records.map(mark),
  };
}

/** The sheet's rows: this run's documents in dossier order, then the others as they were. */
export function orderRecords(records: Map<string, FileRecord>, tasks: { key: string }[]): FileRecord[] {
  const position = new Map(tasks.map((t, i) => [t.key, i]));
  const inRun = [...records.values()].filter((r) => position.has(r.key)).sort((a, b) => position.get(a.key)! - position.get(b.key)!);
  const others = [...records.values()].filter((r) => !position.has(r.key));
  // Keep each unit's rows together: others of a unit in this run go right after it.
  const out: FileRecord[] = [];
  for (const r of inRun) {
    out.push(r);
    const next = inRun[inRun.indexOf(r) + 1];
    if (!next || next.unitCode !== r.unitCode) out.push(...others.filter((o) => o.unitCode === r.unitCode));
  }
  return [...out, ...others.filter((o) => !out.includes(o))];
}

