/** Reading the input sheets of the contract into the core's model, reporting every problem. */
import type {
  BlockKind,
  CalendarDate,
  Criterion,
  Nomination,
  Score,
  Settings,
  Unit,
  UnitDossier,
  Workbook,
  WorkbookError,
  WorkbookInput,
} from './model';
import {
  CRITERION_COL,
  DOSSIER_COL,
  EXTRA_SETTING,
  KIND_LABEL,
  NOMINATION_COL,
  OTHER_BLOCK,
  SCORE_COL,
  SETTING,
  SETTINGS_HEADER,
  SHEET,
  UNIT_COL,
  UNIT_V2_KEYS,
  DOSSIER_V2_KEYS,
} from './contract';
import { readDossierV2, readReports, readUnitSigning } from './documentFacts';
import { LEGAL_PRESET, DEFAULT_LEGAL_PRESET, awardingBodyProblem, defaultSignerTitle, readLegalBasisSheet, readLegalPreset } from './legalBasis';
import type { CellRead } from './cells';
import {
  readDate, readNumber, readParagraphs, readPercent, readRating, readRecognition, readText, readTextValue, readYesNo, showCell,
} from './cells';
import type { TableRow } from './sheets';
import { findOnlySheet, readTable, requireSheet } from './sheets';
import { DEFAULT_RANKING_DECIMALS } from './ranking';
import { dayNumber, formatDate, normalizeKey } from './text';

type Report = (row: number | null, column: string | null, message: string) => void;

function reporter(errors: WorkbookError[], sheet: string): Report {
  return (row, column, message) => errors.push({ sheet, row, column, message });
}

/** Takes a cell's value, or reports why it cannot be read and gives null. */
function take<T>(read: CellRead<T>, report: Report, row: number | null, column: string): T | null {
  if (read.ok) return read.value;
  report(row, column, read.message);
  return null;
}

/**
 * Reads text cells of one table: the text ('' when empty), or null when the cell holds no
 * value (an error value, an uncomputed formula), which is reported on the cell.
 */
function textReader<K extends string>(columns: Record<K, string>, report: Report, timeZone: string) {
  return (row: TableRow<K>, key: K): string | null => {
    const read = readTextValue(row.cell(key), timeZone);
    return read.ok ? (read.value ?? '') : take(read, report, row.row, columns[key]);
  };
}

const KNOWN_SETTINGS = new Set([...Object.values(SETTING), ...Object.values(EXTRA_SETTING)].map(normalizeKey));

function readSettings(input: WorkbookInput, errors: WorkbookError[]): Settings {
  const sheet = requireSheet(input, SHEET.settings);
  const report = reporter(errors, sheet.name);
  const table = readTable(sheet, SETTINGS_HEADER, errors);
  type Row = TableRow<keyof typeof SETTINGS_HEADER>;
  const byKey = new Map<string, Row>();
  for (const row of table.rows) {
    const name = readText(row.cell('key'));
    const key = normalizeKey(name);
    const first = byKey.get(key);
    if (!first) byKey.set(key, row);
    else if (KNOWN_SETTINGS.has(key)) {
      report(row.row, SETTINGS_HEADER.key,
        `Mục «${name}» có ở cả hàng ${first.row} và hàng ${row.row}; đang dùng hàng ${first.row}, hãy xóa một trong hai hàng.`);
    }
  }
  const tz = input.timeZone;
  const rowOf = (name: string) => byKey.get(normalizeKey(name));

  function setting<T>(name: string, read: (row: Row) => CellRead<T>, required: boolean): T | null {
    const row = rowOf(name);
    const value = row ? take(read(row), report, row.row, SETTINGS_HEADER.value) : null;
    if (value === null && required && (!row || read(row).ok)) {
      report(row?.row ?? null, SETTINGS_HEADER.value, `Thiếu cấu hình «${name}»; hãy nhập giá trị ở cột «${SETTINGS_HEADER.value}».`);
    }
    return value;
  }
  /** An optional setting: its default when empty, and (reported) when unreadable or outside `valid`. */
  function withDefault<T>(name: string, read: (row: Row) => CellRead<T>, fallback: T, valid: (value: T) => string | null): T {
    const row = rowOf(name);
    if (!row) return fallback;
    const result = read(row);
    const problem = !result.ok ? result.message : result.value === null ? null : valid(result.value);
    if (problem === null) return result.ok && result.value !== null ? result.value : fallback;
    report(row.row, SETTINGS_HEADER.value, `${problem} Đang dùng giá trị mặc định ${String(fallback)}.`);
    return fallback;
  }
  const value = (row: Row) => row.cell('value');
  const text = (name: string, required = false) => setting(name, (row) => readTextValue(value(row), tz), required) ?? '';
  const date = (name: string, required = false) => setting(name, (row) => readDate(value(row), tz), required);
  const number = (row: Row) => readNumber(value(row));
  const wholeNumber = (name: string, min: number, max: number) => (n: number) =>
    Number.isInteger(n) && n >= min && n <= max ? null
      : `«${name}» phải là số nguyên ${max === Infinity ? `lớn hơn ${min - 1}` : `từ ${min} đến ${max}`}.`;

  const yearValue = setting(SETTING.year, number, true);
  const year = yearValue !== null && Number.isInteger(yearValue) && yearValue > 1900 ? yearValue : null;
  if (yearValue !== null && year === null) {
    report(rowOf(SETTING.year)?.row ?? null, SETTINGS_HEADER.value, `Năm ${yearValue} không hợp lệ; hãy nhập năm như 2022.`);
  }
  // The preset first: the defaults below depend on it. Not set: exactly the 2022 documents, no check.
  const legalBasis = setting(EXTRA_SETTING.legalBasis, (row) => readLegalPreset(value(row)), false);
  const preset = LEGAL_PRESET[legalBasis ?? DEFAULT_LEGAL_PRESET];
  // Read in the order of before, so missing settings are listed as they were.
  const movementName = text(SETTING.movementName, true);
  const issuer = text(SETTING.issuer, true);
  const issuerProblem = legalBasis ? awardingBodyProblem(preset, issuer) : null;
  if (issuerProblem) report(rowOf(SETTING.issuer)?.row ?? null, SETTINGS_HEADER.value, issuerProblem);
  const settings: Settings = {
    movementName,
    year,
    issuer,
    issuerSuperior: text(SETTING.issuerSuperior),
    placeName: text(SETTING.placeName, true),
    signerTitle: text(SETTING.signerTitle) || defaultSignerTitle(preset, issuer),
    signerName: text(SETTING.signerName),
    launchDate: date(SETTING.launchDate),
    endDate: date(SETTING.endDate) ?? (year ? { year, month: 12, day: 31 } : null),
    windowFrom: date(SETTING.windowFrom, true),
    windowTo: date(SETTING.windowTo, true),
    // Read exactly as the percent columns are (workbook.md v2): 95, 95%, 95,5 or 0.95 formatted as percent; 0 allowed.
    minSatisfactionPercent: withDefault(SETTING.minSatisfactionPercent,
      (row) => readPercent(value(row), row.numberFormat('value')), 90, () => null),
    prizeRanks: withDefault(SETTING.prizeRanks, number, 3, wholeNumber(SETTING.prizeRanks, 1, Infinity)),
    rankingDecimals: withDefault(EXTRA_SETTING.rankingDecimals, number, DEFAULT_RANKING_DECIMALS, wholeNumber(EXTRA_SETTING.rankingDecimals, 0, 6)),
    quotaPerUnit: withDefault(EXTRA_SETTING.quotaPerUnit, number, 1, wholeNumber(EXTRA_SETTING.quotaPerUnit, 1, Infinity)),
    quotaPerPrizeUnit: withDefault(EXTRA_SETTING.quotaPerPrizeUnit, number, 2, wholeNumber(EXTRA_SETTING.quotaPerPrizeUnit, 1, Infinity)),
    quotaPerKind: withDefault(EXTRA_SETTING.quotaPerKind, number, 1, wholeNumber(EXTRA_SETTING.quotaPerKind, 1, Infinity)),
    communeBlock: text(SETTING.communeBlock) || preset.blocks.commune,
    agencyBlock: text(SETTING.agencyBlock) || preset.blocks.agency,
    ...(legalBasis ? { legalBasis } : {}),
  };
  const { windowFrom: from, windowTo: to } = settings;
  if (from && to && dayNumber(from) > dayNumber(to)) {
    report(rowOf(SETTING.windowFrom)?.row ?? null, SETTINGS_HEADER.value,
      `«${SETTING.windowFrom}» (${formatDate(from)}) sau «${SETTING.windowTo}» (${formatDate(to)}); hãy sửa lại thời gian nhận hồ sơ.`);
  }
  return settings;
}

/** Which block a name means, by the settings' block names (khối). */
export function blockKindOf(block: string, settings: Settings): BlockKind | null {
  const key = normalizeKey(block);
  if (key === normalizeKey(settings.communeBlock)) return 'commune';
  if (key === normalizeKey(settings.agencyBlock)) return 'agency';
  if (key === normalizeKey(OTHER_BLOCK)) return 'other';
  return null;
}

/** The name a block goes by in this movement's settings. */
export function blockNameOf(kind: BlockKind, settings: Settings): string {
  return kind === 'agency' ? settings.agencyBlock : kind === 'commune' ? settings.communeBlock : OTHER_BLOCK;
}

function blockChoices(settings: Settings): string {
  return `«${settings.agencyBlock}», «${settings.communeBlock}» hoặc «${OTHER_BLOCK}»`;
}

/**
 * Gives the row's code if it is present and not used by an earlier row; otherwise reports why
 * and gives null. `what` names the thing coded (`đơn vị`, `tiêu chí`).
 */
function uniqueCode(code: string, row: number, column: string, what: string, seen: Map<string, number>, report: Report): string | null {
  if (!code) {
    report(row, column, `Thiếu mã ${what}; hãy nhập một mã riêng cho ${what} này.`);
    return null;
  }
  const earlier = seen.get(normalizeKey(code));
  if (earlier !== undefined) {
    report(row, column, `Mã ${what} «${code}» trùng với hàng ${earlier}; mỗi ${what} cần một mã riêng.`);
    return null;
  }
  seen.set(normalizeKey(code), row);
  return code;
}

function readUnits(input: WorkbookInput, settings: Settings, errors: WorkbookError[]): Unit[] {
  const sheet = requireSheet(input, SHEET.units);
  const report = reporter(errors, sheet.name);
  const table = readTable(sheet, UNIT_COL, errors, ['head', 'emails', ...UNIT_V2_KEYS]);
  const text = textReader(UNIT_COL, report, input.timeZone);
  const units: Unit[] = [];
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    const codeText = text(row, 'code');
    const code = codeText === null ? null : uniqueCode(codeText, row.row, UNIT_COL.code, 'đơn vị', seen, report);
    if (code === null) continue;
    const name = text(row, 'name');
    const blockText = text(row, 'block');
    if (name === '') report(row.row, UNIT_COL.name, `Thiếu tên của đơn vị «${code}».`);
    let blockKind = blockText === null ? null : blockKindOf(blockText, settings);
    if (blockKind === null) {
      if (blockText !== null) {
        report(row.row, UNIT_COL.block, blockText
          ? `Khối «${blockText}» không có trong cấu hình; hãy chọn ${blockChoices(settings)}.`
          : `Thiếu khối của đơn vị «${code}»; hãy chọn ${blockChoices(settings)}.`);
      }
      blockKind = 'other';
    }
    const block = blockNameOf(blockKind, settings);
    const emails = (text(row, 'emails') ?? '').split(/[,;\s]+/).filter(Boolean).map((e) => e.toLowerCase());
    units.push({ row: row.row, code, name: name || code, block, blockKind, head: text(row, 'head') ?? '', emails, signing: readUnitSigning(row, report) });
  }
  return units;
}

/** A criterion whose maximum is unusable: the units of the blocks it applies to cannot be ranked. */
interface BrokenMaximum {
  code: string;
  row: number;
  /** The block it applies to; null = every ranked block. */
  block: BlockKind | null;
}

interface CriteriaRead {
  criteria: Criterion[];
  /** Codes present on the sheet but unusable (an error was reported on their row). */
  broken: Set<string>;
  brokenMaximums: BrokenMaximum[];
}

function readCriteria(input: WorkbookInput, settings: Settings, errors: WorkbookError[]): CriteriaRead {
  const sheet = requireSheet(input, SHEET.criteria);
  const report = reporter(errors, sheet.name);
  const table = readTable(sheet, CRITERION_COL, errors, ['block']);
  const text = textReader(CRITERION_COL, report, input.timeZone);
  const criteria: Criterion[] = [];
  const broken = new Set<string>();
  const brokenMaximums: BrokenMaximum[] = [];
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    const codeText = text(row, 'code');
    const code = codeText === null ? null : uniqueCode(codeText, row.row, CRITERION_COL.code, 'tiêu chí', seen, report);
    if (code === null) continue;
    const maxRead = readNumber(row.cell('maxPoints'));
    const maxPoints = take(maxRead, report, row.row, CRITERION_COL.maxPoints);
    const blockText = text(row, 'block');
    const blockKind = blockText ? blockKindOf(blockText, settings) : null;
    const blockOk = blockText === '' || blockKind === 'agency' || blockKind === 'commune';
    const maxOk = maxPoints !== null && maxPoints > 0;
    if (!maxOk) {
      if (maxRead.ok) report(row.row, CRITERION_COL.maxPoints, `Điểm tối đa của tiêu chí «${code}» phải là số lớn hơn 0.`);
      // Nothing is guessed: the blocks it applies to wait for it (workbook.md v2).
      if (blockOk) brokenMaximums.push({ code, row: row.row, block: blockKind });
    }
    if (blockText && !blockOk) {
      report(row.row, CRITERION_COL.block,
        `Khối «${blockText}» không phải khối được xếp hạng; hãy chọn «${settings.agencyBlock}», «${settings.communeBlock}» hoặc để trống (áp dụng cho cả hai).`);
    }
    if (!maxOk || !blockOk) {
      broken.add(normalizeKey(code));
      continue;
    }
    criteria.push({
      row: row.row,
      code,
      name: text(row, 'name') || code,
      maxPoints: maxPoints as number,
      block: blockKind === null ? null : blockNameOf(blockKind, settings),
    });
  }
  return { criteria, broken, brokenMaximums };
}

/** Why a unit of a ranked block waits for criteria whose maximum is unusable, or null. */
function brokenCriteriaReason(unit: Unit, criteria: CriteriaRead): string | null {
  if (unit.blockKind === 'other') return null;
  const own = criteria.brokenMaximums.filter((c) => c.block === null || c.block === unit.blockKind);
  if (own.length === 0) return null;
  const list = own.map((c) => `«${c.code}» (hàng ${c.row})`).join(', ');
  return `Điểm tối đa của tiêu chí ${list} ở trang «${SHEET.criteria}» không hợp lệ; hãy sửa điểm tối đa (số lớn hơn 0) trước.`;
}

/** Score rows, and per unit why its scores keep it from being ranked. */
interface ScoresRead {
  scores: Score[];
  scoreProblems: Map<string, string>;
}

function readScores(
  input: WorkbookInput,
  units: Unit[],
  criteria: CriteriaRead,
  errors: WorkbookError[],
): ScoresRead {
  const sheet = requireSheet(input, SHEET.scores);
  const report = reporter(errors, sheet.name);
  const table = readTable(sheet, SCORE_COL, errors, ['evidence', 'selfPoints']);
  const text = textReader(SCORE_COL, report, input.timeZone);
  const unitByKey = new Map(units.map((u) => [normalizeKey(u.code), u]));
  const criterionByKey = new Map(criteria.criteria.map((c) => [normalizeKey(c.code), c]));
  const seen = new Map<string, number>();
  const scores: Score[] = [];
  const rowProblems = new Map<string, string[]>();
  for (const row of table.rows) {
    const unitCode = text(row, 'unitCode');
    if (unitCode === null) continue;
    const unit = unitByKey.get(normalizeKey(unitCode));
    if (!unit) {
      report(row.row, SCORE_COL.unitCode, unitCode
        ? `Mã đơn vị «${unitCode}» không có trong trang «${SHEET.units}».`
        : 'Thiếu mã đơn vị.');
      continue;
    }
    const problems: string[] = [];
    const fail = (column: string, message: string) => {
      report(row.row, column, message);
      problems.push(`hàng ${row.row}: ${message}`);
    };
    const criterionRead = readTextValue(row.cell('criterionCode'), input.timeZone);
    const criterionCode = criterionRead.ok ? (criterionRead.value ?? '') : '';
    const criterion = criterionByKey.get(normalizeKey(criterionCode));
    if (!criterionRead.ok) {
      fail(SCORE_COL.criterionCode, criterionRead.message);
    } else if (!criterion) {
      fail(SCORE_COL.criterionCode, !criterionCode
        ? 'Thiếu mã tiêu chí.'
        : criteria.broken.has(normalizeKey(criterionCode))
          ? `Tiêu chí «${criterionCode}» có lỗi ở trang «${SHEET.criteria}»; hãy sửa tiêu chí trước.`
          : `Mã tiêu chí «${criterionCode}» không có trong trang «${SHEET.criteria}».`);
    } else if (criterion.block !== null && criterion.block !== unit.block) {
      fail(SCORE_COL.criterionCode, `Tiêu chí «${criterion.code}» chỉ áp dụng cho khối «${criterion.block}», không cho đơn vị «${unit.code}».`);
    } else {
      const pairKey = `${unit.code}\u0000${criterion.code}`; // codes as the sheets first gave them: unique already
      const earlier = seen.get(pairKey);
      if (earlier !== undefined) {
        fail(SCORE_COL.criterionCode, `Đơn vị «${unit.code}» đã có điểm tiêu chí «${criterion.code}» ở hàng ${earlier}; hãy xóa một trong hai hàng.`);
      } else {
        seen.set(pairKey, row.row);
        const points = (column: 'selfPoints' | 'appraisedPoints'): number | null => {
          const read = readNumber(row.cell(column));
          if (!read.ok) {
            fail(SCORE_COL[column], read.message);
            return null;
          }
          if (read.value !== null && (read.value < 0 || read.value > criterion.maxPoints)) {
            fail(SCORE_COL[column], `Điểm ${showCell(row.cell(column))} nằm ngoài khoảng 0 đến ${criterion.maxPoints} (điểm tối đa của tiêu chí «${criterion.code}»).`);
            return null;
          }
          return read.value;
        };
        const selfPoints = points('selfPoints');
        const appraisedPoints = points('appraisedPoints');
        // Evidence is never needed to rank: a broken cell there is reported but keeps the score.
        const evidence = text(row, 'evidence') ?? '';
        if (problems.length === 0) {
          scores.push({ row: row.row, unitCode: unit.code, criterionCode: criterion.code, selfPoints, appraisedPoints, evidence });
        }
      }
    }
    if (problems.length > 0) rowProblems.set(unit.code, [...(rowProblems.get(unit.code) ?? []), ...problems]);
  }
  const scoreProblems = new Map<string, string>();
  for (const [code, problems] of rowProblems) {
    scoreProblems.set(code, `Điểm có lỗi (${problems.map((p) => p.replace(/\.$/, '')).join('; ')}); hãy sửa ở trang «${SHEET.scores}».`);
  }
  return { scores, scoreProblems };
}

function readNominations(input: WorkbookInput, units: Unit[], errors: WorkbookError[]): Nomination[] {
  const sheet = requireSheet(input, SHEET.nominations);
  const report = reporter(errors, sheet.name);
  const table = readTable(sheet, NOMINATION_COL, errors, ['position', 'summary', 'votesInFavour']);
  const text = textReader(NOMINATION_COL, report, input.timeZone);
  const unitKeys = new Set(units.map((u) => normalizeKey(u.code)));
  // One spelling per code, known or not, so `x9` and `X9` are one unit everywhere (quota too).
  const spelling = new Map(units.map((u) => [normalizeKey(u.code), u.code]));
  const kinds = new Map([
    [normalizeKey(KIND_LABEL.collective), 'collective' as const],
    [normalizeKey(KIND_LABEL.individual), 'individual' as const],
  ]);
  const tz = input.timeZone;
  return table.rows.map((row): Nomination => {
    const unreadable: string[] = [];
    const read = <T>(key: keyof typeof NOMINATION_COL, cellRead: CellRead<T>): T | null => {
      if (!cellRead.ok) unreadable.push(NOMINATION_COL[key]);
      return take(cellRead, report, row.row, NOMINATION_COL[key]);
    };
    const yes = (key: keyof typeof NOMINATION_COL) => read(key, readYesNo(row.cell(key))) ?? false;
    const percent = (key: keyof typeof NOMINATION_COL) => read(key, readPercent(row.cell(key), row.numberFormat(key)));

    const unitRead = readTextValue(row.cell('unitCode'), tz);
    const unitText = unitRead.ok ? (unitRead.value ?? '') : '';
    const unitKey = normalizeKey(unitText);
    if (!unitKeys.has(unitKey)) {
      unreadable.push(NOMINATION_COL.unitCode);
      report(row.row, NOMINATION_COL.unitCode, !unitRead.ok
        ? unitRead.message
        : unitText
          ? `Mã đơn vị «${unitText}» không có trong trang «${SHEET.units}»; hãy kiểm tra lại mã.`
          : 'Thiếu mã đơn vị đề nghị.');
    }
    if (unitText && !spelling.has(unitKey)) spelling.set(unitKey, unitText);
    const kindRead = readTextValue(row.cell('kind'), tz);
    const kindText = kindRead.ok ? (kindRead.value ?? '') : '';
    const kind = kinds.get(normalizeKey(kindText)) ?? null;
    if (kind === null) {
      unreadable.push(NOMINATION_COL.kind);
      report(row.row, NOMINATION_COL.kind, !kindRead.ok
        ? kindRead.message
        : kindText
          ? `Hình thức «${kindText}» không hợp lệ; hãy chọn «${KIND_LABEL.collective}» hoặc «${KIND_LABEL.individual}».`
          : `Thiếu hình thức; hãy chọn «${KIND_LABEL.collective}» hoặc «${KIND_LABEL.individual}».`);
    }
    const name = text(row, 'name');
    if (name === '') report(row.row, NOMINATION_COL.name, 'Thiếu tên tập thể hoặc họ và tên người được đề nghị.');
    const votes = read('votesInFavour', readNumber(row.cell('votesInFavour')));
    if (votes !== null && (votes < 0 || !Number.isInteger(votes))) {
      report(row.row, NOMINATION_COL.votesInFavour, `Số phiếu ${showCell(row.cell('votesInFavour'))} phải là số nguyên không âm.`);
    }
    return {
      row: row.row,
      unitCode: spelling.get(unitKey) ?? unitText,
      kind,
      name: name ?? '',
      position: text(row, 'position') ?? '',
      directCchc: yes('directCchc'),
      compliance: yes('compliance'),
      unity: yes('unity'),
      discipline: yes('discipline'),
      hasPlan: yes('hasPlan'),
      innovation: yes('innovation'),
      satisfactionPercent: percent('satisfactionPercent'),
      onTimePercent: percent('onTimePercent'),
      onlinePrevPercent: percent('onlinePrevPercent'),
      onlineNowPercent: percent('onlineNowPercent'),
      ratingPrev: read('ratingPrev', readRating(row.cell('ratingPrev'))),
      ratingNow: read('ratingNow', readRating(row.cell('ratingNow'))),
      initiativeRecognition: read('initiativeRecognition', readRecognition(row.cell('initiativeRecognition'), tz)) ?? '',
      summary: text(row, 'summary') === null ? '' : readParagraphs(row.cell('summary'), tz),
      submittedOn: read('submittedOn', readDate(row.cell('submittedOn'), tz)),
      votesInFavour: votes !== null && votes >= 0 && Number.isInteger(votes) ? votes : null,
      unreadable,
    };
  });
}

function readDossiers(input: WorkbookInput, units: Unit[], errors: WorkbookError[]): UnitDossier[] {
  const sheet = findOnlySheet(input, SHEET.dossiers);
  if (!sheet) return [];
  const report = reporter(errors, sheet.name);
  const table = readTable(sheet, DOSSIER_COL, errors, DOSSIER_V2_KEYS);
  const text = textReader(DOSSIER_COL, report, input.timeZone);
  const unitByKey = new Map(units.map((u) => [normalizeKey(u.code), u]));
  const tz = input.timeZone;
  const dossiers: UnitDossier[] = [];
  for (const row of table.rows) {
    const unitText = text(row, 'unitCode');
    if (unitText === null) continue;
    const unit = unitByKey.get(normalizeKey(unitText));
    if (!unit) {
      report(row.row, DOSSIER_COL.unitCode, unitText ? `Mã đơn vị «${unitText}» không có trong trang «${SHEET.units}».` : 'Thiếu mã đơn vị.');
      continue;
    }
    const count = (key: 'members' | 'present'): number | null => {
      const value = take(readNumber(row.cell(key)), report, row.row, DOSSIER_COL[key]);
      if (value !== null && (value < 0 || !Number.isInteger(value))) {
        report(row.row, DOSSIER_COL[key], `${DOSSIER_COL[key]} phải là số nguyên không âm.`);
        return null;
      }
      return value;
    };
    const date = (key: 'meetingDate' | 'letterDate'): CalendarDate | null =>
      take(readDate(row.cell(key), tz), report, row.row, DOSSIER_COL[key]);
    const members = count('members');
    const present = count('present');
    if (members !== null && present !== null && present > members) {
      report(row.row, DOSSIER_COL.present, `Số có mặt (${present}) lớn hơn số thành viên (${members}).`);
    }
    dossiers.push({
      row: row.row,
      unitCode: unit.code,
      meetingDate: date('meetingDate'),
      meetingPlace: text(row, 'meetingPlace') ?? '',
      chair: text(row, 'chair') ?? '',
      secretary: text(row, 'secretary') ?? '',
      members,
      present,
      letterNumber: text(row, 'letterNumber') ?? '',
      letterDate: date('letterDate'),
      ...readDossierV2(row, report, tz),
    });
  }
  return dossiers;
}

/**
 * Reads every input sheet. Throws UnreadableWorkbook only when a required sheet is missing or
 * two sheets go by one name.
 */
export function readWorkbook(input: WorkbookInput): Workbook & { unitProblems: Map<string, string[]> } {
  const errors: WorkbookError[] = [];
  // Every required sheet is looked for first, so the user hears of a missing one before anything else.
  for (const name of [SHEET.settings, SHEET.units, SHEET.criteria, SHEET.scores, SHEET.nominations]) {
    requireSheet(input, name);
  }
  findOnlySheet(input, SHEET.dossiers);
  const settings = readSettings(input, errors);
  const units = readUnits(input, settings, errors);
  const criteria = readCriteria(input, settings, errors);
  const { scores, scoreProblems } = readScores(input, units, criteria, errors);
  // Per unit, why it cannot be ranked: whole sentences, for the ranking sheet.
  const unitProblems = new Map<string, string[]>();
  for (const unit of units) {
    const reasons = [brokenCriteriaReason(unit, criteria), scoreProblems.get(unit.code) ?? null].filter((r) => r !== null);
    if (reasons.length > 0) unitProblems.set(unit.code, reasons);
  }
  const nominations = readNominations(input, units, errors);
  const dossiers = readDossiers(input, units, errors);
  const reports = readReports(input, units, nominations, errors);
  const legalBasisRows = readLegalBasisSheet(input, errors);
  return {
    settings, units, criteria: criteria.criteria, scores, nominations, dossiers,
    ...(reports ? { reports } : {}), ...(legalBasisRows ? { legalBasisRows } : {}), errors, unitProblems,
  };
}
