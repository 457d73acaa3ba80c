/**
 * Eligibility rules as rows (issue 12): the optional sheet `Tiêu chuẩn` holds one row per
 * condition, so a movement, a commune (C1) or a new law sets its own criteria without a release.
 * A rule (one ID) holds when all its conditions hold; `Chung` rules must all hold, and of each
 * `Một trong` group at least one rule must. A row that cannot be understood is reported and the
 * nominations it applies to are not decided: no verdict is guessed from it.
 */
import * as z from 'zod/mini';
import type { CellValue, Nomination, NominationKind, Rating, Settings, SheetInput, WorkbookError, WorkbookInput } from './model';
import type { Eligibility, UnitContext } from './rules';
import {
  EXTRA_SETTING, KIND_LABEL, NOMINATION_COL, RATING_LABEL, SETTING, SETTINGS_HEADER, SHEET, STANDARD_APPLIES, STANDARD_COL,
  STANDARD_GROUP, STANDARD_TEST, prizeName,
} from './contract';
import { readNumber, readPercent, readRating, readText, readTextValue, readYesNo } from './cells';
import { findHeaderRow, findOnlySheet, readTable } from './sheets';
import { formatNumber, normalizeKey } from './text';

type NominationKey = keyof typeof NOMINATION_COL;
const BOOLEAN_KEYS = ['directCchc', 'compliance', 'unity', 'discipline', 'hasPlan', 'innovation'] as const;
const NUMBER_KEYS = ['satisfactionPercent', 'onTimePercent', 'onlinePrevPercent', 'onlineNowPercent', 'votesInFavour'] as const;
const RATING_KEYS = ['ratingPrev', 'ratingNow'] as const;
const TEXT_KEYS = ['name', 'position', 'initiativeRecognition', 'summary'] as const;
type BooleanKey = (typeof BOOLEAN_KEYS)[number];
type NumberKey = (typeof NUMBER_KEYS)[number];
type RatingKey = (typeof RATING_KEYS)[number];
type TextKey = (typeof TEXT_KEYS)[number];

/** Ratings, best first: «at least» means this rating or one before it. */
const RATING_ORDER: readonly Rating[] = ['HTXSNV', 'HTTNV', 'HTNV', 'KHTNV'];

export type StandardTest =
  | { kind: 'yes'; key: BooleanKey }
  | { kind: 'compare'; key: NumberKey; op: '≥' | '>' | '='; bound: { number: number; label: string } | { key: NumberKey } }
  | { kind: 'inList'; key: RatingKey; ratings: Rating[] }
  | { kind: 'twoYears'; rating: Rating }
  | { kind: 'hasText'; key: TextKey }
  | { kind: 'prizeRank'; block: string | null }
  | { kind: 'knownUnit' }
  /** Tests on a column the workbook added to `Đề nghị` (a commune's own criterion, C1). */
  | { kind: 'extraYes'; column: ExtraColumn }
  | { kind: 'extraText'; column: ExtraColumn }
  | { kind: 'extraList'; column: ExtraColumn; values: string[] }
  | { kind: 'extraCompare'; column: ExtraColumn; op: '≥' | '>' | '='; bound: { number: number; label: string } }
  /** A row that could not be understood: the rule cannot be decided. */
  | { kind: 'broken' };

/** A column of `Đề nghị` outside the contract: its header and its place in the sheet's rows. */
export interface ExtraColumn {
  header: string;
  index: number;
}

export interface StandardCondition {
  row: number;
  rule: string;
  appliesTo: NominationKind | 'both';
  /** null: `Chung`; otherwise the `Một trong` group's name ('' for the unnamed group). */
  oneOf: string | null;
  test: StandardTest;
  sentence: string;
}

/** The rules of one workbook, read from `Tiêu chuẩn`. */
export interface Standards {
  conditions: StandardCondition[];
  errors: WorkbookError[];
  /** `Đề nghị` as read, for the columns outside the contract (a nomination's `row` is its row there). */
  nominations?: SheetInput;
  timeZone?: string;
}

/** The 2022 launch document's rules (rules.md) as rows: what «Khởi tạo bảng tính» writes. */
export const DEFAULT_STANDARD_ROWS: readonly (readonly string[])[] = (() => {
  const C = NOMINATION_COL;
  const T = STANDARD_TEST;
  const { collective: tt, individual: cn, both } = STANDARD_APPLIES;
  const { all, oneOf } = STANDARD_GROUP;
  return [
    ['P1', both, all, C.unitCode, T.knownUnit, '', 'Thuộc một cơ quan, đơn vị, xã của phong trào'],
    ['P1', both, all, C.directCchc, T.yes, '', 'Trực tiếp chỉ đạo, tham mưu hoặc làm công tác CCHC'],
    ['A0', tt, all, C.compliance, T.yes, '', 'Chấp hành tốt chủ trương, pháp luật'],
    ['A0', tt, all, C.unity, T.yes, '', 'Nội bộ đoàn kết'],
    ['A0', tt, all, C.discipline, T.yes, '', 'Nghiêm kỷ luật, kỷ cương hành chính'],
    ['A0', tt, all, C.hasPlan, T.yes, '', 'Có kế hoạch thực hiện phong trào'],
    ['A1', tt, oneOf, C.innovation, T.yes, '', 'Sáng tạo, đổi mới trong 6 nội dung CCHC'],
    ['A1', tt, oneOf, C.satisfactionPercent, T.atLeast, SETTING.minSatisfactionPercent, 'Tỷ lệ hài lòng đạt mức tối thiểu'],
    ['A1', tt, oneOf, C.onTimePercent, T.equals, '100', '100% hồ sơ TTHC được giải quyết đúng và trước hạn'],
    ['A1', tt, oneOf, C.onlineNowPercent, T.above, C.onlinePrevPercent, 'Tỷ lệ DVC trực tuyến, BCCI năm nay cao hơn năm trước'],
    ['A2', tt, oneOf, C.unitCode, T.prizeRank, SETTING.communeBlock, 'Xã, thị trấn xếp hạng được xét trong khối'],
    ['A3', tt, oneOf, C.unitCode, T.prizeRank, SETTING.agencyBlock, 'Cơ quan chuyên môn xếp hạng được xét trong khối'],
    ['B0', cn, all, C.compliance, T.yes, '', 'Gương mẫu chấp hành chủ trương, pháp luật'],
    ['B1', cn, oneOf, C.directCchc, T.yes, '', 'Trực tiếp làm công tác CCHC'],
    ['B1', cn, oneOf, C.ratingNow, T.twoYears, RATING_LABEL.HTTNV, 'Hai năm liên tục hoàn thành tốt nhiệm vụ trở lên'],
    ['B2', cn, oneOf, C.directCchc, T.yes, '', 'Trực tiếp làm công tác CCHC'],
    ['B2', cn, oneOf, C.initiativeRecognition, T.hasText, '', 'Có sáng kiến, giải pháp được cấp có thẩm quyền công nhận'],
  ];
})();

/** `Tiêu chuẩn` as «Khởi tạo bảng tính» writes it: the header, then the 2022 rules. */
export function defaultStandardsSheet(): string[][] {
  return [Object.values(STANDARD_COL), ...DEFAULT_STANDARD_ROWS.map((r) => [...r])];
}

/** IDs the verdicts already use for something else. */
const RESERVED = new Set(['P0', 'P4', 'M3']);

const lookup = <T>(entries: [string, T][]) => new Map(entries.map(([k, v]) => [normalizeKey(k), v]));
const APPLIES = lookup<StandardCondition['appliesTo']>([
  [STANDARD_APPLIES.collective, 'collective'], [STANDARD_APPLIES.individual, 'individual'], [STANDARD_APPLIES.both, 'both'],
]);
const TESTS = lookup<keyof typeof STANDARD_TEST>([
  ...(Object.entries(STANDARD_TEST) as [keyof typeof STANDARD_TEST, string][]).map(([k, v]): [string, keyof typeof STANDARD_TEST] => [v, k]),
  ['>=', 'atLeast'],
]);
const COLUMNS = lookup<NominationKey>((Object.entries(NOMINATION_COL) as [NominationKey, string][]).map(([k, v]) => [v, k]));
const NUMERIC_SETTINGS = lookup<(s: Settings) => number | null>([
  [SETTING.minSatisfactionPercent, (s) => s.minSatisfactionPercent],
  [SETTING.prizeRanks, (s) => s.prizeRanks],
  [SETTING.year, (s) => s.year],
  [EXTRA_SETTING.rankingDecimals, (s) => s.rankingDecimals],
]);
const BLOCK_SETTINGS = lookup<(s: Settings) => string>([
  [SETTING.communeBlock, (s) => s.communeBlock],
  [SETTING.agencyBlock, (s) => s.agencyBlock],
]);

const words = (values: readonly string[]) => values.map((v) => `«${v}»`).join(', ');
const inMap = <T>(map: Map<string, T>, error: string) => z.string().check(z.refine((s) => map.has(normalizeKey(s)), { error }));

/** The cells of one row, checked by zod: each schema's message says what to type. */
const rowSchema = {
  rule: z.string().check(
    z.minLength(1, { error: 'Thiếu mã tiêu chuẩn; hãy nhập một mã như A1 (các hàng cùng mã là các điều kiện của một tiêu chuẩn).' }),
    z.maxLength(30, { error: 'Mã tiêu chuẩn dài quá 30 ký tự; hãy dùng mã ngắn như A1.' }),
    z.refine((s) => !RESERVED.has(s.toUpperCase()), { error: `Mã ${[...RESERVED].join(', ')} đã dùng cho hình thức, chỉ tiêu và thời hạn; hãy chọn mã khác.` }),
  ),
  appliesTo: inMap(APPLIES, `hãy chọn ${words(Object.values(STANDARD_APPLIES))}.`),
  group: z.string().check(z.refine((s) => groupOf(s) !== undefined, {
    error: `hãy chọn «${STANDARD_GROUP.all}», «${STANDARD_GROUP.oneOf}» hoặc «${STANDARD_GROUP.oneOf}: <tên nhóm>» để có nhiều nhóm «một trong».`,
  })),
  column: z.string().check(z.minLength(1, { error: `hãy nhập đúng tiêu đề một cột của trang «${SHEET.nominations}», như «${NOMINATION_COL.directCchc}».` })),
  test: inMap(TESTS, `hãy chọn ${words(Object.values(STANDARD_TEST))}.`),
};

/** `Chung` → null, `Một trong[: tên]` → the group's name, anything else → undefined. */
function groupOf(text: string): string | null | undefined {
  if (normalizeKey(text) === normalizeKey(STANDARD_GROUP.all)) return null;
  const [head, ...rest] = text.split(':');
  if (normalizeKey(head ?? '') !== normalizeKey(STANDARD_GROUP.oneOf)) return undefined;
  return normalizeKey(rest.join(':'));
}

/** The value of a setting by the name in `Cấu hình`: the parsed one when the add-on knows it. */
function settingNumber(name: string, settings: Settings, settingsSheet: SheetInput | undefined): number | null | undefined {
  const known = NUMERIC_SETTINGS.get(normalizeKey(name));
  if (known) return known(settings);
  if (!settingsSheet) return undefined;
  const table = readTable(settingsSheet, SETTINGS_HEADER, []);
  const row = table.rows.find((r) => normalizeKey(readText(r.cell('key'))) === normalizeKey(name));
  if (!row) return undefined;
  const read = readPercent(row.cell('value'), row.numberFormat('value'));
  const number = read.ok ? read : readNumber(row.cell('value'));
  return number.ok ? number.value : null;
}

interface Context {
  settings: Settings;
  settingsSheet: SheetInput | undefined;
}

/** The columns of `Đề nghị` outside the contract, by their tolerant name. */
function extraColumns(nominations: SheetInput | undefined): Map<string, ExtraColumn> {
  const columns = new Map<string, ExtraColumn>();
  if (!nominations) return columns;
  const header = nominations.values[findHeaderRow(nominations.values, new Set(Object.values(NOMINATION_COL).map(normalizeKey)))] ?? [];
  header.forEach((cell, index) => {
    const text = typeof cell === 'string' ? cell.trim() : '';
    if (text && !COLUMNS.has(normalizeKey(text)) && !columns.has(normalizeKey(text))) columns.set(normalizeKey(text), { header: text, index });
  });
  return columns;
}

/** The test of a row on a column the workbook added: yes/no, text, a list of words, or a number. */
function parseExtraTest(column: ExtraColumn, test: keyof typeof STANDARD_TEST, value: string, ctx: Context): StandardTest | { error: string; column: string } {
  switch (test) {
    case 'yes':
      return { kind: 'extraYes', column };
    case 'hasText':
      return { kind: 'extraText', column };
    case 'inList': {
      const values = value.split(/[;\n]/).map((p) => p.trim()).filter(Boolean);
      return values.length > 0 ? { kind: 'extraList', column, values }
        : { error: 'Thiếu danh sách; hãy nhập các giá trị được chấp nhận, cách nhau bởi dấu chấm phẩy.', column: STANDARD_COL.value };
    }
    case 'atLeast':
    case 'above':
    case 'equals': {
      const number = readNumber(value);
      if (number.ok && number.value !== null) return { kind: 'extraCompare', column, op: STANDARD_TEST[test], bound: { number: number.value, label: formatNumber(number.value) } };
      const setting = value ? settingNumber(value, ctx.settings, ctx.settingsSheet) : undefined;
      if (typeof setting === 'number') return { kind: 'extraCompare', column, op: STANDARD_TEST[test], bound: { number: setting, label: `${formatNumber(setting)} («${value}»)` } };
      return { error: `«${value}» không phải là số hay tên một mục có giá trị số của trang «${SHEET.settings}»; hãy sửa lại.`, column: STANDARD_COL.value };
    }
    default:
      return {
        error: `Phép thử «${STANDARD_TEST[test]}» không dùng được với cột «${column.header}» (cột riêng của bảng tính); hãy chọn ${words([STANDARD_TEST.yes, STANDARD_TEST.hasText, STANDARD_TEST.inList, STANDARD_TEST.atLeast, STANDARD_TEST.above, STANDARD_TEST.equals])}.`,
        column: STANDARD_COL.test,
      };
  }
}

/** The test of one row, or the message saying what to change in the `Giá trị` or `Phép thử` cell. */
function parseTest(key: NominationKey, test: keyof typeof STANDARD_TEST, value: string, ctx: Context): StandardTest | { error: string; column: string } {
  const column = NOMINATION_COL[key];
  const valueError = (error: string) => ({ error, column: STANDARD_COL.value });
  const testError = (allowed: string) => ({
    error: `Phép thử «${STANDARD_TEST[test]}» không dùng được với cột «${column}»; với cột này hãy chọn ${allowed}.`,
    column: STANDARD_COL.test,
  });
  const is = <K extends string>(keys: readonly K[]): K | null => ((keys as readonly string[]).includes(key) ? (key as K) : null);
  const booleanKey = is(BOOLEAN_KEYS);
  const numberKey = is(NUMBER_KEYS);
  const ratingKey = is(RATING_KEYS);
  const textKey = is(TEXT_KEYS);
  const allowedHere = booleanKey ? `«${STANDARD_TEST.yes}»`
    : numberKey ? words([STANDARD_TEST.atLeast, STANDARD_TEST.above, STANDARD_TEST.equals])
      : ratingKey ? words([STANDARD_TEST.inList, STANDARD_TEST.twoYears])
        : textKey ? `«${STANDARD_TEST.hasText}»`
          : key === 'unitCode' ? words([STANDARD_TEST.knownUnit, STANDARD_TEST.prizeRank]) : 'một cột khác (cột này không xét được)';
  switch (test) {
    case 'yes':
      return booleanKey ? { kind: 'yes', key: booleanKey } : testError(allowedHere);
    case 'hasText':
      return textKey ? { kind: 'hasText', key: textKey } : testError(allowedHere);
    case 'knownUnit':
      return key === 'unitCode' ? { kind: 'knownUnit' } : testError(allowedHere);
    case 'atLeast':
    case 'above':
    case 'equals': {
      if (!numberKey) return testError(allowedHere);
      const op = STANDARD_TEST[test];
      const number = readNumber(value);
      if (number.ok && number.value !== null) return { kind: 'compare', key: numberKey, op, bound: { number: number.value, label: formatNumber(number.value) } };
      const other = COLUMNS.get(normalizeKey(value));
      if (other && (NUMBER_KEYS as readonly string[]).includes(other)) return { kind: 'compare', key: numberKey, op, bound: { key: other as NumberKey } };
      const setting = value ? settingNumber(value, ctx.settings, ctx.settingsSheet) : undefined;
      if (setting === undefined) {
        return valueError(value
          ? `«${value}» không phải là số, tên một mục của trang «${SHEET.settings}» hay một cột số của trang «${SHEET.nominations}»; hãy sửa lại.`
          : `Thiếu giá trị để so sánh; hãy nhập một số (như 90), tên một mục của trang «${SHEET.settings}» hoặc một cột số của trang «${SHEET.nominations}».`);
      }
      if (setting === null) return valueError(`Mục «${value}» của trang «${SHEET.settings}» chưa có giá trị số; hãy nhập số ở đó.`);
      return { kind: 'compare', key: numberKey, op, bound: { number: setting, label: `${formatNumber(setting)} («${value}»)` } };
    }
    case 'inList':
    case 'twoYears': {
      if (!ratingKey) return testError(allowedHere);
      const parts = value.split(/[;\n]/).map((p) => p.trim()).filter(Boolean);
      const ratings = parts.map((p) => readRating(p));
      const bad = parts.filter((_, i) => !ratings[i]?.ok);
      const good = ratings.flatMap((r) => (r.ok && r.value !== null ? [r.value] : []));
      const labels = words(Object.values(RATING_LABEL));
      if (bad.length > 0 || good.length === 0) {
        return valueError(bad.length > 0 ? `${words(bad)} không phải là mức xếp loại; hãy dùng ${labels}.` : `Thiếu mức xếp loại; hãy nhập một trong ${labels}.`);
      }
      if (test === 'inList') return { kind: 'inList', key: ratingKey, ratings: good };
      if (good.length > 1) return valueError('Phép thử «Hai năm đều ít nhất» cần đúng một mức xếp loại, như «Hoàn thành tốt nhiệm vụ».');
      return { kind: 'twoYears', rating: good[0] as Rating };
    }
    case 'prizeRank': {
      if (key !== 'unitCode') return testError(allowedHere);
      if (!value) return { kind: 'prizeRank', block: null };
      const block = BLOCK_SETTINGS.get(normalizeKey(value))?.(ctx.settings) ?? value;
      const ranked = [ctx.settings.communeBlock, ctx.settings.agencyBlock];
      if (!ranked.some((b) => normalizeKey(b) === normalizeKey(block))) {
        return valueError(`Khối «${block}» không phải khối được xếp hạng; hãy nhập ${words(ranked)}, «${SETTING.communeBlock}», «${SETTING.agencyBlock}» hoặc để trống (mọi khối).`);
      }
      return { kind: 'prizeRank', block };
    }
  }
}

/**
 * Reads `Tiêu chuẩn` (its rows as the sheet or a formula's range gives them). Every row that
 * cannot be understood is reported with its row and column and kept as a broken condition.
 */
export function parseStandards(sheet: SheetInput, settings: Settings, settingsSheet?: SheetInput, timeZone = 'UTC', nominations?: SheetInput): Standards {
  const errors: WorkbookError[] = [];
  const extras = extraColumns(nominations);
  const table = readTable(sheet, STANDARD_COL, errors, ['value', 'sentence']);
  const conditions: StandardCondition[] = [];
  const groupOfRule = new Map<string, { oneOf: string | null; row: number }>();
  for (const row of table.rows) {
    const report = (column: string, message: string) => errors.push({ sheet: sheet.name, row: row.row, column, message });
    const cells = {} as Record<keyof typeof STANDARD_COL, string>;
    let ok = true;
    for (const key of Object.keys(STANDARD_COL) as (keyof typeof STANDARD_COL)[]) {
      const read = readTextValue(row.cell(key), timeZone);
      if (!read.ok) {
        report(STANDARD_COL[key], read.message);
        ok = false;
      }
      cells[key] = read.ok ? (read.value ?? '').trim() : '';
    }
    for (const key of Object.keys(rowSchema) as (keyof typeof rowSchema)[]) {
      const parsed = rowSchema[key].safeParse(cells[key]);
      if (!parsed.success) {
        const message = parsed.error.issues[0]?.message ?? '';
        report(STANDARD_COL[key], key === 'rule' ? message : `«${cells[key]}» không hợp lệ; ${message}`);
        ok = false;
      }
    }
    const rule = cells.rule || `${SHEET.standards} hàng ${row.row}`;
    const appliesTo = APPLIES.get(normalizeKey(cells.appliesTo)) ?? 'both';
    const oneOf = groupOf(cells.group) ?? null;
    let test: StandardTest = { kind: 'broken' };
    const key = COLUMNS.get(normalizeKey(cells.column));
    const extra = extras.get(normalizeKey(cells.column));
    const testName = TESTS.get(normalizeKey(cells.test));
    if (ok && cells.column && !key && !extra) {
      report(STANDARD_COL.column, `«${cells.column}» không hợp lệ; hãy nhập đúng tiêu đề một cột của trang «${SHEET.nominations}» (hoặc thêm cột này vào trang đó).`);
    } else if (ok && testName && (key || extra)) {
      const parsed = key ? parseTest(key, testName, cells.value, { settings, settingsSheet }) : parseExtraTest(extra as ExtraColumn, testName, cells.value, { settings, settingsSheet });
      if ('error' in parsed) report(parsed.column, parsed.error);
      else test = parsed;
    }
    const first = groupOfRule.get(normalizeKey(rule));
    if (!first) groupOfRule.set(normalizeKey(rule), { oneOf, row: row.row });
    else if (test.kind !== 'broken' && first.oneOf !== oneOf) {
      report(STANDARD_COL.group, `Tiêu chuẩn «${rule}» có nhóm khác với hàng ${first.row}; mọi hàng cùng mã phải cùng một nhóm.`);
      test = { kind: 'broken' };
    }
    const sentence = cells.sentence.replace(/[.;\s]+$/, '') || `${cells.column} ${cells.test.toLowerCase()} ${cells.value}`.trim();
    conditions.push({ row: row.row, rule, appliesTo, oneOf, test, sentence });
  }
  return { conditions, errors, ...(nominations ? { nominations, timeZone } : {}) };
}

/** `Tiêu chuẩn` of a workbook, or null when it has none (the built-in rules then apply). */
export function readStandards(input: WorkbookInput, settings: Settings): Standards | null {
  const sheet = findOnlySheet(input, SHEET.standards);
  if (!sheet) return null;
  return parseStandards(sheet, settings, findOnlySheet(input, SHEET.settings), input.timeZone, findOnlySheet(input, SHEET.nominations));
}

/** A range a formula was given: its header must be among its top rows. */
export function standardsFromRange(values: CellValue[][], settings: Settings, settingsRows?: CellValue[][], nominationRows?: CellValue[][]): Standards {
  const wanted = new Set(Object.values(STANDARD_COL).map(normalizeKey));
  const hits = (values[findHeaderRow(values, wanted)] ?? []).filter((c) => typeof c === 'string' && wanted.has(normalizeKey(c))).length;
  if (hits === 0) {
    return { conditions: [], errors: [{ sheet: SHEET.standards, row: null, column: null, message: `Vùng tiêu chuẩn không có hàng tiêu đề; hãy truyền cả trang, ví dụ '${SHEET.standards}'!A:G.` }] };
  }
  const settingsSheet = settingsRows ? { name: SHEET.settings, values: settingsRows } : undefined;
  const nominations = nominationRows ? { name: SHEET.nominations, values: nominationRows } : undefined;
  return parseStandards({ name: SHEET.standards, values }, settings, settingsSheet, 'UTC', nominations);
}

interface Outcome {
  holds: boolean;
  /** What the row holds, for the verdict (`85%`, `chưa xác nhận`). */
  detail: string;
  /** Columns read whose value could not be read. */
  unreadable: string[];
  /** Why a cell of a column outside the contract could not be read (the reader does not report those). */
  fault?: string;
}

const YES_NO = (v: boolean) => (v ? 'có' : 'chưa xác nhận');
const showRating = (r: Rating | null) => (r === null ? 'chưa nhập' : RATING_LABEL[r].toLowerCase());

function showNumber(key: NumberKey, value: number | null): string {
  if (value === null) return 'chưa nhập';
  return NOMINATION_COL[key].includes('(%)') ? `${formatNumber(value)}%` : formatNumber(value);
}

function unreadableOf(n: Nomination, keys: NominationKey[]): string[] {
  return keys.map((k) => NOMINATION_COL[k]).filter((c) => n.unreadable.includes(c));
}

/** A cell of a column outside the contract, read as the test needs it. */
function extraOutcome(test: Extract<StandardTest, { column: ExtraColumn }>, n: Nomination, standards: Standards): Outcome {
  const { header, index } = test.column;
  const cell = standards.nominations?.values[n.row - 1]?.[index];
  const format = standards.nominations?.numberFormats?.[n.row - 1]?.[index] ?? '';
  const fail = (message: string): Outcome => ({ holds: false, detail: '', unreadable: [header], fault: message });
  switch (test.kind) {
    case 'extraYes': {
      const read = readYesNo(cell);
      if (!read.ok) return fail(read.message);
      return { holds: read.value === true, detail: `«${header}»: ${YES_NO(read.value === true)}`, unreadable: [] };
    }
    case 'extraText':
    case 'extraList': {
      const read = readTextValue(cell, standards.timeZone);
      if (!read.ok) return fail(read.message);
      const text = (read.value ?? '').trim();
      const holds = test.kind === 'extraText' ? text !== '' : test.values.some((v) => normalizeKey(v) === normalizeKey(text));
      return { holds, detail: text ? `«${header}»: ${text}` : `«${header}» còn trống`, unreadable: [] };
    }
    case 'extraCompare': {
      const read = /%/.test(header) || format.includes('%') ? readPercent(cell, format) : readNumber(cell);
      if (!read.ok) return fail(read.message);
      const value = read.value;
      const bound = test.bound.number;
      const holds = value !== null && (test.op === '≥' ? value >= bound : test.op === '>' ? value > bound : value === bound);
      return { holds, detail: `«${header}» ${value === null ? 'chưa nhập' : formatNumber(value)}, cần ${test.op} ${test.bound.label}`, unreadable: [] };
    }
  }
}

function outcome(test: StandardTest, n: Nomination, unit: UnitContext, standards: Standards): Outcome {
  switch (test.kind) {
    case 'extraYes':
    case 'extraText':
    case 'extraList':
    case 'extraCompare':
      return extraOutcome(test, n, standards);
    case 'yes':
      return { holds: n[test.key], detail: `«${NOMINATION_COL[test.key]}»: ${YES_NO(n[test.key])}`, unreadable: unreadableOf(n, [test.key]) };
    case 'hasText': {
      const text = n[test.key].trim();
      return { holds: text !== '', detail: text ? text : `«${NOMINATION_COL[test.key]}» còn trống`, unreadable: unreadableOf(n, [test.key]) };
    }
    case 'compare': {
      const value = n[test.key];
      const bound = 'key' in test.bound ? n[test.bound.key] : test.bound.number;
      const boundLabel = 'key' in test.bound ? `«${NOMINATION_COL[test.bound.key]}» ${showNumber(test.bound.key, bound)}` : test.bound.label;
      const holds = value !== null && bound !== null
        && (test.op === '≥' ? value >= bound : test.op === '>' ? value > bound : value === bound);
      return {
        holds,
        detail: `«${NOMINATION_COL[test.key]}» ${showNumber(test.key, value)}, cần ${test.op} ${boundLabel}`,
        unreadable: unreadableOf(n, 'key' in test.bound ? [test.key, test.bound.key] : [test.key]),
      };
    }
    case 'inList': {
      const value = n[test.key];
      return {
        holds: value !== null && test.ratings.includes(value),
        detail: `«${NOMINATION_COL[test.key]}» ${showRating(value)}`,
        unreadable: unreadableOf(n, [test.key]),
      };
    }
    case 'twoYears': {
      const atLeast = (r: Rating | null) => r !== null && RATING_ORDER.indexOf(r) <= RATING_ORDER.indexOf(test.rating);
      return {
        holds: atLeast(n.ratingPrev) && atLeast(n.ratingNow),
        detail: `năm trước ${showRating(n.ratingPrev)}, năm nay ${showRating(n.ratingNow)}; cần cả hai năm từ ${showRating(test.rating)} trở lên`,
        unreadable: unreadableOf(n, ['ratingPrev', 'ratingNow']),
      };
    }
    case 'knownUnit':
      return {
        holds: unit.blockKind !== null,
        detail: unit.blockKind !== null ? `đơn vị «${n.unitCode}»` : `mã đơn vị «${n.unitCode}» không có trong danh sách đơn vị của phong trào`,
        unreadable: [],
      };
    case 'prizeRank': {
      const inBlock = unit.blockKind !== null && (test.block === null || normalizeKey(unit.blockName) === normalizeKey(test.block));
      const rank = unit.standing?.rank ?? null;
      const detail = !inBlock ? `đơn vị không thuộc khối ${test.block ?? 'được xếp hạng'}`
        : rank === null ? `đơn vị chưa được xếp hạng trong khối «${unit.blockName}»`
          : unit.standing?.prize ? `đơn vị xếp thứ ${prizeName(rank)} trong khối «${unit.blockName}»`
            : `đơn vị xếp hạng ${rank} trong khối «${unit.blockName}», ngoài các hạng được xét`;
      return { holds: inBlock && unit.blockKind !== 'other' && (unit.standing?.prize ?? false), detail, unreadable: [] };
    }
    case 'broken':
      return { holds: false, detail: '', unreadable: [] };
  }
}

interface RuleCheck {
  rule: string;
  oneOf: string | null;
  holds: boolean;
  /** Not decidable: a broken row or an unreadable cell; it fails whatever else holds. */
  undecided: boolean;
  why: string;
}

function checkRule(rule: string, conditions: StandardCondition[], n: Nomination, unit: UnitContext, standards: Standards): RuleCheck {
  const oneOf = conditions[0]?.oneOf ?? null;
  const broken = conditions.filter((c) => c.test.kind === 'broken');
  if (broken.length > 0) {
    const rows = broken.map((c) => c.row).join(', ');
    return { rule, oneOf, holds: false, undecided: true, why: `${rule}: chưa xét được vì hàng ${rows} của trang «${SHEET.standards}» có lỗi; hãy sửa hàng đó.` };
  }
  const outcomes = conditions.map((c) => ({ c, o: outcome(c.test, n, unit, standards) }));
  const unreadable = [...new Set(outcomes.flatMap(({ o }) => o.unreadable))];
  if (unreadable.length > 0) {
    const faults = new Map(outcomes.flatMap(({ o }) => (o.fault ? o.unreadable.map((column): [string, string] => [column, o.fault as string]) : [])));
    const why = unreadable.map((column) => {
      const fault = faults.get(column);
      return `${rule}: không kiểm tra được vì giá trị ở cột «${column}» không đọc được${fault ? `: ${fault.replace(/\.$/, '')}` : ' (xem lỗi của hàng này)'}.`;
    }).join(' ');
    return { rule, oneOf, holds: false, undecided: true, why };
  }
  const failing = outcomes.filter(({ o }) => !o.holds);
  return failing.length === 0
    ? { rule, oneOf, holds: true, undecided: false, why: `${rule}: ${conditions.map((c) => c.sentence).join('; ')}.` }
    : { rule, oneOf, holds: false, undecided: false, why: `${rule}: chưa đạt — ${failing.map(({ c, o }) => `${c.sentence} (${o.detail})`).join('; ')}.` };
}

/** The verdict of the rules of `Tiêu chuẩn` on one nomination, in the shape of the built-in `judge`. */
export function judgeByStandards(n: Nomination, unit: UnitContext, standards: Standards): Eligibility {
  const byRule = new Map<string, StandardCondition[]>();
  for (const c of standards.conditions) {
    // A kind unknown: no criterion applies, but a unit outside the movement still fails (as built in).
    const applies = n.kind === null ? c.test.kind === 'knownUnit' : c.appliesTo === 'both' || c.appliesTo === n.kind;
    if (applies) byRule.set(c.rule, [...(byRule.get(c.rule) ?? []), c]);
  }
  const checks = [...byRule].map(([rule, conditions]) => checkRule(rule, conditions, n, unit, standards));
  const failures: { rule: string; why: string }[] = [];
  if (n.kind === null) {
    failures.push({
      rule: 'P0',
      why: `P0: hình thức đề nghị chưa hợp lệ; hãy chọn «${KIND_LABEL.collective}» hoặc «${KIND_LABEL.individual}» ở cột «${NOMINATION_COL.kind}».`,
    });
  } else if (checks.length === 0) {
    failures.push({
      rule: SHEET.standards,
      why: `Trang «${SHEET.standards}» không có tiêu chuẩn nào cho ${KIND_LABEL[n.kind].toLowerCase()}; hãy thêm các hàng tiêu chuẩn hoặc xóa trang để dùng tiêu chuẩn năm 2022.`,
    });
  }
  const groups = new Map<string, RuleCheck[]>();
  for (const check of checks) {
    if (check.oneOf !== null) groups.set(check.oneOf, [...(groups.get(check.oneOf) ?? []), check]);
    else if (!check.holds) failures.push(check);
  }
  const basis: string[] = [];
  for (const group of groups.values()) {
    const holding = group.filter((c) => c.holds);
    basis.push(...holding.map((c) => c.rule));
    failures.push(...group.filter((c) => c.undecided || holding.length === 0));
  }
  const order = new Map(checks.map((c, i) => [c.rule, i]));
  const failed = [...new Set(failures.map((f) => f.rule))]
    .sort((a, b) => (order.get(a) ?? -1) - (order.get(b) ?? -1));
  const eligible = failed.length === 0;
  const shown = eligible ? checks.filter((c) => (groups.size === 0 || c.oneOf !== null) && c.holds) : failures;
  return { eligible, basis: basis.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0)), failed, reasons: [...new Set(shown.map((c) => c.why))] };
}
