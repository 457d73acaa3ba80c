/**
 * The settings of the certificates (issue 11), read from `Cấu hình` beside the movement's own:
 * all optional. A value that cannot be used is reported on its row and its default used, so one
 * wrong cell never stops the printing of a whole movement's certificates.
 */
import * as z from 'zod/mini';
import type { CellRead } from './cells';
import { readDate, readNumber, readTextValue, showCell } from './cells';
import { CERTIFICATE_MODES, EXTRA_SETTING, SETTINGS_HEADER, SHEET } from './contract';
import type { CalendarDate, CellValue, WorkbookError, WorkbookInput } from './model';
import type { TableRow } from './sheets';
import { findSheet, readTable } from './sheets';
import { normalizeKey } from './text';

export type CertificateMode = 'full' | 'onBlank';

export interface CertificateSettings {
  decisionNumber: string;
  decisionDate: CalendarDate | null;
  /** The first «số sổ vàng»; null: each certificate carries its number in the decision's list. */
  goldenBookStart: number | null;
  /** A file path (command line) or a Drive file ID or link (add-on); empty: an empty frame. */
  emblemImage: string;
  mode: CertificateMode;
  offsetXMm: number;
  offsetYMm: number;
}

export const DEFAULT_CERTIFICATE_SETTINGS: CertificateSettings = {
  decisionNumber: '',
  decisionDate: null,
  goldenBookStart: null,
  emblemImage: '',
  mode: 'full',
  offsetXMm: 0,
  offsetYMm: 0,
};

/** A printer's misalignment is a few millimetres; more than this is a typing mistake. */
export const MAX_OFFSET_MM = 30;

const startSchema = z.number().check(z.int(), z.positive(), z.lte(10_000_000));
const offsetSchema = z.number().check(z.gte(-MAX_OFFSET_MM), z.lte(MAX_OFFSET_MM));
const modeSchema = z.pipe(
  z.string(),
  z.transform((s): CertificateMode | null =>
    normalizeKey(s) === normalizeKey(CERTIFICATE_MODES.onBlank) ? 'onBlank' : normalizeKey(s) === normalizeKey(CERTIFICATE_MODES.full) ? 'full' : null,
  ),
);

type Row = TableRow<keyof typeof SETTINGS_HEADER>;

/** Reads the certificates' settings; `errors` says, per row of `Cấu hình`, what was wrong and what is used instead. */
export function readCertificateSettings(input: WorkbookInput): { settings: CertificateSettings; errors: WorkbookError[] } {
  const errors: WorkbookError[] = [];
  const sheet = findSheet(input, SHEET.settings);
  if (!sheet) return { settings: { ...DEFAULT_CERTIFICATE_SETTINGS }, errors };
  // A missing header column is already reported when the workbook is read.
  const rows = new Map<string, Row>();
  for (const row of readTable(sheet, SETTINGS_HEADER, []).rows) {
    const key = normalizeKey(String(row.cell('key') ?? ''));
    if (!rows.has(key)) rows.set(key, row);
  }
  const report = (row: Row, message: string) =>
    errors.push({ sheet: sheet.name, row: row.row, column: SETTINGS_HEADER.value, message });

  /** One setting: its value, or (reported with `fallback` named) its default. */
  function read<T>(name: string, reader: (cell: CellValue) => CellRead<T>, fallback: T, check: (value: T) => string | null = () => null, shown = String(fallback)): T {
    const row = rows.get(normalizeKey(name));
    if (!row) return fallback;
    const result = reader(row.cell('value'));
    const problem = !result.ok ? result.message : result.value === null ? null : check(result.value);
    if (problem === null) return result.ok && result.value !== null ? result.value : fallback;
    report(row, `«${name}»: ${problem} Đang dùng ${shown}.`);
    return fallback;
  }
  const tz = input.timeZone;
  const text = (cell: CellValue) => readTextValue(cell, tz);
  const settings: CertificateSettings = {
    decisionNumber: read(EXTRA_SETTING.awardDecisionNumber, text, '', undefined, 'chỗ trống «…»'),
    decisionDate: read<CalendarDate | null>(EXTRA_SETTING.awardDecisionDate, (c) => readDate(c, tz), null, undefined, 'chỗ trống «…»'),
    goldenBookStart: read<number | null>(
      EXTRA_SETTING.goldenBookStart,
      readNumber,
      null,
      (n) => (startSchema.safeParse(n).success ? null : `${showCell(n)} không phải là số nguyên dương; hãy nhập số sổ vàng đầu tiên, ví dụ 125.`),
      'số thứ tự trong danh sách khen thưởng',
    ),
    emblemImage: read(EXTRA_SETTING.emblemImage, text, '', undefined, 'khung trống'),
    mode: read<CertificateMode>(
      EXTRA_SETTING.certificateMode,
      (cell) => {
        const t = text(cell);
        if (!t.ok || t.value === null) return t as CellRead<CertificateMode>;
        const mode = modeSchema.parse(t.value);
        return mode ? { ok: true, value: mode } : { ok: false, message: `${showCell(cell)} không phải là kiểu in; hãy chọn «${CERTIFICATE_MODES.full}» hoặc «${CERTIFICATE_MODES.onBlank}».` };
      },
      'full',
      undefined,
      `«${CERTIFICATE_MODES.full}»`,
    ),
    offsetXMm: read(EXTRA_SETTING.certificateOffsetX, readNumber, 0, offsetProblem, '0'),
    offsetYMm: read(EXTRA_SETTING.certificateOffsetY, readNumber, 0, offsetProblem, '0'),
  };
  return { settings, errors };
}

function offsetProblem(n: number): string | null {
  return offsetSchema.safeParse(n).success
    ? null
    : `${showCell(n)} mm quá xa; độ lệch phải từ -${MAX_OFFSET_MM} đến ${MAX_OFFSET_MM} mm (số âm: sang trái / lên trên), đo trên bản «In thử căn lề».`;
}
