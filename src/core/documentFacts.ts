/**
 * Reading the v2 columns and sheet the dossier documents need (issue 9): who signs a unit's
 * documents and under which symbol (`Đơn vị`), the rest of what minutes record (`Hồ sơ đơn vị`),
 * and each nominee's own facts for form 07 (`Báo cáo thành tích`). All optional: a v1 workbook
 * reads as before and its documents show the gaps (`…`) and list them.
 */
import * as z from 'zod/mini';
import type { CellRead } from './cells';
import { readDate, readNumber, readParagraphs, readText, showCell } from './cells';
import { DOSSIER_COL, REPORT_COL, REPORT_TEXT_KEYS, SEX_LABELS, SHEET, SIGNING_AUTHORITIES, UNIT_COL, VOTING_METHODS } from './contract';
import type { DOSSIER_V2_KEYS, ReportTextKey } from './contract';
import type { CellValue, NomineeReport, PreviousAward, TimeOfDay, Unit, UnitDossier, UnitSigning, WorkbookError, WorkbookInput } from './model';
import type { TableRow } from './sheets';
import { findSheet, readTable } from './sheets';
import { normalizeKey } from './text';

type Report = (row: number | null, column: string | null, message: string) => void;

/** Without its tone marks (sắc, huyền, hỏi, ngã, nặng): a document symbol never carries one. */
const stripTones = (text: string) => text.normalize('NFD').replace(/[\u0300\u0301\u0303\u0309\u0323]/g, '').normalize('NFC');
const hasTones = (text: string) => stripTones(text) !== text.normalize('NFC');

const symbolSchema = z.string().check(z.refine((s) => !hasTones(s) && /^[\p{L}\p{N}]+(?:[-.][\p{L}\p{N}]+)*$/u.test(s)));

const authoritySchema = z.pipe(
  z.string(),
  z.transform((s) => s.toUpperCase().replace(/\.?$/, '.')),
).check(z.refine((s) => (SIGNING_AUTHORITIES as readonly string[]).includes(s)));

/** The v2 signing columns of one `Đơn vị` row; a wrong value is reported and read as empty. */
export function readUnitSigning<K extends string>(row: TableRow<K | 'symbol' | 'signerTitle' | 'signingAuthority' | 'superior'>, report: Report): UnitSigning {
  const symbolText = readText(row.cell('symbol'));
  let symbol = '';
  if (symbolText) {
    const parsed = symbolSchema.safeParse(symbolText);
    if (parsed.success) symbol = symbolText;
    else if (hasTones(symbolText))
      report(row.row, UNIT_COL.symbol, `Ký hiệu «${symbolText}» có dấu thanh; ký hiệu văn bản viết không dấu thanh, ví dụ «${stripTones(symbolText)}».`);
    else report(row.row, UNIT_COL.symbol, `Ký hiệu «${symbolText}» chỉ gồm chữ, số và dấu «-», ví dụ «UBND», «PNV».`);
  }
  const authorityText = readText(row.cell('signingAuthority'));
  let authority: UnitSigning['authority'] = '';
  if (authorityText) {
    const parsed = authoritySchema.safeParse(authorityText);
    if (parsed.success) authority = parsed.data as UnitSigning['authority'];
    else report(row.row, UNIT_COL.signingAuthority, `Quyền hạn ký «${authorityText}» không hợp lệ; hãy chọn ${SIGNING_AUTHORITIES.map((a) => `«${a}»`).join(', ')} hoặc để trống.`);
  }
  return {
    symbol,
    signerTitle: readText(row.cell('signerTitle')).normalize('NFC').toUpperCase(),
    authority,
    superior: readText(row.cell('superior')),
  };
}

// `8:00`, `8h30`, `08 giờ 30`, `8 giờ` — as people type a time of day.
const timeText = z.pipe(
  z.string().check(z.regex(/^\s*(\d{1,2})\s*(?::|giờ|h|g)\s*(\d{1,2})?\s*(?:phút|p)?\s*$/i)),
  z.transform((s): TimeOfDay => {
    const m = /^\s*(\d{1,2})\s*(?::|giờ|h|g)\s*(\d{1,2})?/i.exec(s) as RegExpExecArray;
    return { hour: Number(m[1]), minute: Number(m[2] ?? 0) };
  }),
);

/** A time of day from a time cell, a fraction of a day, or text like `8:00`, `14 giờ 30`. */
export function readTime(cell: CellValue, timeZone: string): CellRead<TimeOfDay> {
  if (cell === null || cell === undefined || (typeof cell === 'string' && !cell.trim())) return { ok: true, value: null };
  let time: TimeOfDay | null = null;
  if (cell instanceof Date && !Number.isNaN(cell.getTime())) {
    // A time cell is a date on 30/12/1899; only its clock matters, in the workbook's time zone.
    const clock = new Intl.DateTimeFormat('en-GB', { timeZone, hour: 'numeric', minute: 'numeric', hourCycle: 'h23' }).format(cell);
    time = timeText.safeParse(clock).data ?? null;
  } else if (typeof cell === 'number' && cell >= 0 && cell < 1) {
    const minutes = Math.round(cell * 24 * 60);
    time = { hour: Math.floor(minutes / 60), minute: minutes % 60 };
  } else if (typeof cell === 'string') {
    const parsed = timeText.safeParse(cell);
    if (parsed.success) time = parsed.data;
  }
  if (time && time.hour < 24 && time.minute < 60) return { ok: true, value: time };
  return { ok: false, message: `${showCell(cell)} không phải giờ trong ngày; hãy nhập như 8:00 hoặc 14 giờ 30.` };
}

/** «Nơi nhận» lines as typed: one a line, the `- ` and the closing `;`/`.` dropped (the layout adds them). */
export const recipientLines = (text: string): string[] =>
  text
    .split('\n')
    .map((line) => line.replace(/^\s*[-–•+]\s*/, '').replace(/[;.,]+\s*$/, '').trim())
    .filter(Boolean);

type DossierV2Key = (typeof DOSSIER_V2_KEYS)[number];

/** The v2 columns of a `Hồ sơ đơn vị` row. */
export type DossierV2 = Pick<UnitDossier, DossierV2Key>;

/** The v2 columns of one `Hồ sơ đơn vị` row. */
export function readDossierV2<K extends string>(row: TableRow<K | DossierV2Key>, report: Report, timeZone: string): DossierV2 {
  const time = (key: 'startTime' | 'endTime') => {
    const read = readTime(row.cell(key), timeZone);
    if (read.ok) return read.value;
    report(row.row, DOSSIER_COL[key], read.message);
    return null;
  };
  const startTime = time('startTime');
  const endTime = time('endTime');
  if (startTime && endTime && endTime.hour * 60 + endTime.minute <= startTime.hour * 60 + startTime.minute) {
    report(row.row, DOSSIER_COL.endTime, 'Giờ kết thúc phải sau giờ bắt đầu cuộc họp.');
  }
  const methodText = readText(row.cell('votingMethod'));
  const method = VOTING_METHODS.find((m) => normalizeKey(m) === normalizeKey(methodText));
  if (methodText && !method) {
    report(row.row, DOSSIER_COL.votingMethod, `Hình thức biểu quyết «${methodText}» không hợp lệ; hãy chọn ${VOTING_METHODS.map((m) => `«${m}»`).join(' hoặc ')}.`);
  }
  return {
    startTime,
    endTime,
    council: readText(row.cell('council')),
    votingMethod: method ?? '',
    discussion: readParagraphs(row.cell('discussion'), timeZone),
    recipients: recipientLines(readParagraphs(row.cell('recipients'), timeZone)),
  };
}

/** `2021; Giấy khen; Quyết định số 12/QĐ-UBND ngày 10/11/2021; Chủ tịch UBND huyện Hữu Lũng`. */
const awardLine = z.pipe(
  z.string(),
  z.transform((line) => line.split(/\s*[;|]\s*/).map((part) => part.trim())),
).check(z.refine((parts) => parts.length === 4 && /^(19|20)\d\d$/.test(parts[0] ?? '') && parts.every(Boolean)));

function previousAwards(text: string, row: number, report: Report): PreviousAward[] {
  const awards: PreviousAward[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    const parsed = awardLine.safeParse(line);
    if (!parsed.success) {
      report(row, REPORT_COL.previousAwards,
        `Dòng ${i + 1} «${line.trim()}» cần dạng «năm; hình thức; số, ngày quyết định; cơ quan ban hành».`);
      return;
    }
    const [year, form, decision, issuer] = parsed.data as [string, string, string, string];
    awards.push({ year, form, decision, issuer });
  });
  return awards;
}

/** The optional `Báo cáo thành tích` sheet (undefined when absent); each row must name a unit's nominee of `Đề nghị`. */
export function readReports(
  input: WorkbookInput,
  units: Unit[],
  nominations: { row: number; unitCode: string; name: string }[],
  errors: WorkbookError[],
): NomineeReport[] | undefined {
  const sheet = findSheet(input, SHEET.reports);
  if (!sheet) return undefined;
  const report: Report = (row, column, message) => errors.push({ sheet: sheet.name, row, column, message });
  const optional = (Object.keys(REPORT_COL) as (keyof typeof REPORT_COL)[]).filter((k) => k !== 'unitCode' && k !== 'name');
  const table = readTable(sheet, REPORT_COL, errors, optional);
  const tz = input.timeZone;
  const unitByKey = new Map(units.map((u) => [normalizeKey(u.code), u]));
  const nominees = new Set(nominations.map((n) => `${n.unitCode}\u0000${normalizeKey(n.name)}`));
  const seen = new Map<string, number>();
  const reports: NomineeReport[] = [];
  for (const row of table.rows) {
    const unitText = readText(row.cell('unitCode'));
    const unit = unitByKey.get(normalizeKey(unitText));
    const name = readText(row.cell('name'));
    if (!unit) {
      report(row.row, REPORT_COL.unitCode, unitText ? `Mã đơn vị «${unitText}» không có trong trang «${SHEET.units}».` : 'Thiếu mã đơn vị.');
      continue;
    }
    if (!name) {
      report(row.row, REPORT_COL.name, `Thiếu tên, ghi như ở trang «${SHEET.nominations}».`);
      continue;
    }
    const key = `${unit.code}\u0000${normalizeKey(name)}`;
    if (!nominees.has(key)) {
      report(row.row, REPORT_COL.name, `Trang «${SHEET.nominations}» không có «${name}» của đơn vị «${unit.code}»; hãy ghi tên đúng như ở đó.`);
      continue;
    }
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      report(row.row, REPORT_COL.name, `«${name}» của đơn vị «${unit.code}» đã có ở hàng ${earlier}; mỗi người được đề nghị một hàng.`);
      continue;
    }
    seen.set(key, row.row);
    const birth = readDate(row.cell('birthDate'), tz);
    if (!birth.ok) report(row.row, REPORT_COL.birthDate, birth.message);
    const sexText = readText(row.cell('sex'));
    const sex = SEX_LABELS.find((l) => normalizeKey(l) === normalizeKey(sexText)) ?? '';
    if (sexText && !sex) report(row.row, REPORT_COL.sex, `Giới tính «${sexText}» không hợp lệ; hãy ghi «Nam» hoặc «Nữ».`);
    const staff = readNumber(row.cell('staff'));
    if (!staff.ok) report(row.row, REPORT_COL.staff, staff.message);
    const staffCount = staff.ok && staff.value !== null && staff.value >= 0 && Number.isInteger(staff.value) ? staff.value : null;
    if (staff.ok && staff.value !== null && staffCount === null) report(row.row, REPORT_COL.staff, `${REPORT_COL.staff} phải là số nguyên không âm.`);
    const texts = Object.fromEntries(REPORT_TEXT_KEYS.map((k) => [k, readParagraphs(row.cell(k), tz)])) as Record<ReportTextKey, string>;
    reports.push({
      ...texts,
      row: row.row,
      unitCode: unit.code,
      name,
      birthDate: birth.ok ? birth.value : null,
      sex,
      staff: staffCount,
      previousAwards: previousAwards(readParagraphs(row.cell('previousAwards'), tz), row.row, report),
    });
  }
  return reports;
}

/** A time in a text: `8 giờ 00 phút`. */
export const timeWords = (t: TimeOfDay): string => `${t.hour} giờ ${String(t.minute).padStart(2, '0')} phút`;

