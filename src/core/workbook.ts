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
import type { CellRead } from './cells';
import { readDate, readNumber, readParagraphs, readPercent, readRating, readText, readYesNo, showCell } from './cells';
import type { TableRow } from './sheets';
import { findSheet, readTable, requireSheet } from './sheets';
import { normalizeKey } from './text';

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

function readSettings(input: WorkbookInput, errors: WorkbookError[]): Settings {
  const sheet = requireSheet(input, SHEET.settings);
  const report = reporter(errors, sheet.name);
  const table = readTable(sheet, SETTINGS_HEADER, errors);
  const byKey = new Map<string, TableRow<keyof typeof SETTINGS_HEADER>>();
  for (const row of table.rows) byKey.set(normalizeKey(readText(row.cell('key'))), row);
  const tz = input.timeZone;

  function setting<T>(name: string, read: (row: TableRow<'key' | 'value'>) => CellRead<T>, required: boolean): T | null {
    const row = byKey.get(normalizeKey(name));
    const value = row ? take(read(row), report, row.row, SETTINGS_HEADER.value) : null;
    if (value === null && required && (!row || read(row).ok)) {
      report(row?.row ?? null, SETTINGS_HEADER.value, `Thiếu cấu hình «${name}»; hãy nhập giá trị ở cột «${SETTINGS_HEADER.value}».`);
    }
    return value;
  }
  const text = (name: string, required = false) =>
    setting(name, (row) => ({ ok: true, value: readText(row.cell('value'), tz) || null }), required) ?? '';
  const date = (name: string, required = false) => setting(name, (row) => readDate(row.cell('value'), tz), required);
  const positive = (name: string, fallback: number, integer: boolean): number => {
    const value = setting(name, (row) => readNumber(row.cell('value')), false);
    if (value === null) return fallback;
    if (value <= 0 || (integer && !Number.isInteger(value))) {
      report(byKey.get(normalizeKey(name))?.row ?? null, SETTINGS_HEADER.value,
        `«${name}» phải là số ${integer ? 'nguyên ' : ''}lớn hơn 0; đang dùng giá trị mặc định ${fallback}.`);
      return fallback;
    }
    return value;
  };

  const yearValue = setting(SETTING.year, (row) => readNumber(row.cell('value')), true);
  const year = yearValue !== null && Number.isInteger(yearValue) && yearValue > 1900 ? yearValue : null;
  if (yearValue !== null && year === null) {
    report(byKey.get(normalizeKey(SETTING.year))?.row ?? null, SETTINGS_HEADER.value, `Năm ${yearValue} không hợp lệ; hãy nhập năm như 2022.`);
  }
  const settings: Settings = {
    movementName: text(SETTING.movementName, true),
    year,
    issuer: text(SETTING.issuer, true),
    issuerSuperior: text(SETTING.issuerSuperior),
    placeName: text(SETTING.placeName, true),
    signerTitle: text(SETTING.signerTitle) || 'Chủ tịch',
    signerName: text(SETTING.signerName),
    launchDate: date(SETTING.launchDate),
    endDate: date(SETTING.endDate) ?? (year ? { year, month: 12, day: 31 } : null),
    windowFrom: date(SETTING.windowFrom, true),
    windowTo: date(SETTING.windowTo, true),
    minSatisfactionPercent: positive(SETTING.minSatisfactionPercent, 90, false),
    prizeRanks: positive(SETTING.prizeRanks, 3, true),
    communeBlock: text(SETTING.communeBlock) || 'Xã, thị trấn',
    agencyBlock: text(SETTING.agencyBlock) || 'Cơ quan chuyên môn',
  };
  if (settings.minSatisfactionPercent > 100) {
    report(byKey.get(normalizeKey(SETTING.minSatisfactionPercent))?.row ?? null, SETTINGS_HEADER.value,
      `«${SETTING.minSatisfactionPercent}» phải từ 0 đến 100; đang dùng 90.`);
    settings.minSatisfactionPercent = 90;
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
  const units: Unit[] = [];
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    const code = uniqueCode(readText(row.cell('code')), row.row, UNIT_COL.code, 'đơn vị', seen, report);
    if (code === null) continue;
    const name = readText(row.cell('name'));
    const blockText = readText(row.cell('block'));
    if (!name) report(row.row, UNIT_COL.name, `Thiếu tên của đơn vị «${code}».`);
    let blockKind = blockKindOf(blockText, settings);
    if (blockKind === null) {
      report(row.row, UNIT_COL.block, blockText
        ? `Khối «${blockText}» không có trong cấu hình; hãy chọn ${blockChoices(settings)}.`
        : `Thiếu khối của đơn vị «${code}»; hãy chọn ${blockChoices(settings)}.`);
      blockKind = 'other';
    }
    const block = blockNameOf(blockKind, settings);
    const emails = readText(row.cell('emails')).split(/[,;\s]+/).filter(Boolean).map((e) => e.toLowerCase());
    units.push({ row: row.row, code, name: name || code, block, blockKind, head: readText(row.cell('head')), emails, signing: readUnitSigning(row, report) });
  }
  return units;
}

interface CriteriaRead {
  criteria: Criterion[];
  /** Codes present on the sheet but unusable (an error was reported on their row). */
  broken: Set<string>;
}

function readCriteria(input: WorkbookInput, settings: Settings, errors: WorkbookError[]): CriteriaRead {
  const sheet = requireSheet(input, SHEET.criteria);
  const report = reporter(errors, sheet.name);
  const table = readTable(sheet, CRITERION_COL, errors, ['block']);
  const criteria: Criterion[] = [];
  const broken = new Set<string>();
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    const code = uniqueCode(readText(row.cell('code')), row.row, CRITERION_COL.code, 'tiêu chí', seen, report);
    if (code === null) continue;
    const maxPoints = take(readNumber(row.cell('maxPoints')), report, row.row, CRITERION_COL.maxPoints);
    const blockText = readText(row.cell('block'));
    const blockKind = blockText ? blockKindOf(blockText, settings) : null;
    let ok = true;
    if (maxPoints === null || maxPoints <= 0) {
      if (maxPoints !== null || readNumber(row.cell('maxPoints')).ok) {
        report(row.row, CRITERION_COL.maxPoints, `Điểm tối đa của tiêu chí «${code}» phải là số lớn hơn 0.`);
      }
      ok = false;
    }
    if (blockText && (blockKind === null || blockKind === 'other')) {
      report(row.row, CRITERION_COL.block,
        `Khối «${blockText}» không phải khối được xếp hạng; hãy chọn «${settings.agencyBlock}», «${settings.communeBlock}» hoặc để trống (áp dụng cho cả hai).`);
      ok = false;
    }
    if (!ok) {
      broken.add(normalizeKey(code));
      continue;
    }
    criteria.push({
      row: row.row,
      code,
      name: readText(row.cell('name')) || code,
      maxPoints: maxPoints as number,
      block: blockKind === null ? null : blockNameOf(blockKind, settings),
    });
  }
  return { criteria, broken };
}

/** Score rows, and per unit the problems that keep it from being ranked. */
interface ScoresRead {
  scores: Score[];
  unitProblems: Map<string, string[]>;
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
  const unitByKey = new Map(units.map((u) => [normalizeKey(u.code), u]));
  const criterionByKey = new Map(criteria.criteria.map((c) => [normalizeKey(c.code), c]));
  const seen = new Map<string, number>();
  const scores: Score[] = [];
  const unitProblems = new Map<string, string[]>();
  for (const row of table.rows) {
    const unitCode = readText(row.cell('unitCode'));
    const criterionCode = readText(row.cell('criterionCode'));
    const unit = unitByKey.get(normalizeKey(unitCode));
    const problems: string[] = [];
    const fail = (column: string, message: string) => {
      report(row.row, column, message);
      problems.push(`hàng ${row.row}: ${message}`);
    };
    if (!unit) {
      report(row.row, SCORE_COL.unitCode, unitCode
        ? `Mã đơn vị «${unitCode}» không có trong trang «${SHEET.units}».`
        : 'Thiếu mã đơn vị.');
      continue;
    }
    const criterion = criterionByKey.get(normalizeKey(criterionCode));
    if (!criterion) {
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
        if (problems.length === 0) {
          scores.push({
            row: row.row,
            unitCode: unit.code,
            criterionCode: criterion.code,
            selfPoints,
            appraisedPoints,
            evidence: readText(row.cell('evidence')),
          });
        }
      }
    }
    if (problems.length > 0) unitProblems.set(unit.code, [...(unitProblems.get(unit.code) ?? []), ...problems]);
  }
  return { scores, unitProblems };
}

function readNominations(input: WorkbookInput, units: Unit[], errors: WorkbookError[]): Nomination[] {
  const sheet = requireSheet(input, SHEET.nominations);
  const report = reporter(errors, sheet.name);
  const table = readTable(sheet, NOMINATION_COL, errors, ['position', 'summary', 'votesInFavour']);
  const unitKeys = new Set(units.map((u) => normalizeKey(u.code)));
  const unitByKey = new Map(units.map((u) => [normalizeKey(u.code), u]));
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

    const unitText = readText(row.cell('unitCode'));
    if (!unitKeys.has(normalizeKey(unitText))) {
      unreadable.push(NOMINATION_COL.unitCode);
      report(row.row, NOMINATION_COL.unitCode, unitText
        ? `Mã đơn vị «${unitText}» không có trong trang «${SHEET.units}»; hãy kiểm tra lại mã.`
        : 'Thiếu mã đơn vị đề nghị.');
    }
    const kindText = readText(row.cell('kind'));
    const kind = kinds.get(normalizeKey(kindText)) ?? null;
    if (kind === null) {
      unreadable.push(NOMINATION_COL.kind);
      report(row.row, NOMINATION_COL.kind, kindText
        ? `Hình thức «${kindText}» không hợp lệ; hãy chọn «${KIND_LABEL.collective}» hoặc «${KIND_LABEL.individual}».`
        : `Thiếu hình thức; hãy chọn «${KIND_LABEL.collective}» hoặc «${KIND_LABEL.individual}».`);
    }
    const name = readText(row.cell('name'));
    if (!name) report(row.row, NOMINATION_COL.name, 'Thiếu tên tập thể hoặc họ và tên người được đề nghị.');
    const votes = read('votesInFavour', readNumber(row.cell('votesInFavour')));
    if (votes !== null && (votes < 0 || !Number.isInteger(votes))) {
      report(row.row, NOMINATION_COL.votesInFavour, `Số phiếu ${showCell(row.cell('votesInFavour'))} phải là số nguyên không âm.`);
    }
    return {
      row: row.row,
      unitCode: unitByKey.get(normalizeKey(unitText))?.code ?? unitText,
      kind,
      name,
      position: readText(row.cell('position')),
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
      initiativeRecognition: readText(row.cell('initiativeRecognition'), tz),
      summary: readParagraphs(row.cell('summary'), tz),
      submittedOn: read('submittedOn', readDate(row.cell('submittedOn'), tz)),
      votesInFavour: votes !== null && votes >= 0 && Number.isInteger(votes) ? votes : null,
      unreadable,
    };
  });
}

function readDossiers(input: WorkbookInput, units: Unit[], errors: WorkbookError[]): UnitDossier[] {
  const sheet = findSheet(input, SHEET.dossiers);
  if (!sheet) return [];
  const report = reporter(errors, sheet.name);
  const table = readTable(sheet, DOSSIER_COL, errors, DOSSIER_V2_KEYS);
  const unitByKey = new Map(units.map((u) => [normalizeKey(u.code), u]));
  const tz = input.timeZone;
  const dossiers: UnitDossier[] = [];
  for (const row of table.rows) {
    const unitText = readText(row.cell('unitCode'));
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
      meetingPlace: readText(row.cell('meetingPlace')),
      chair: readText(row.cell('chair')),
      secretary: readText(row.cell('secretary')),
      members,
      present,
      letterNumber: readText(row.cell('letterNumber'), tz),
      letterDate: date('letterDate'),
      ...readDossierV2(row, report, tz),
    });
  }
  return dossiers;
}

/** Reads every input sheet. Throws UnreadableWorkbook only when a required sheet is missing. */
export function readWorkbook(input: WorkbookInput): Workbook & { unitProblems: Map<string, string[]> } {
  const errors: WorkbookError[] = [];
  // Every required sheet is looked for first, so the user hears of a missing one before anything else.
  for (const name of [SHEET.settings, SHEET.units, SHEET.criteria, SHEET.scores, SHEET.nominations]) {
    requireSheet(input, name);
  }
  const settings = readSettings(input, errors);
  const units = readUnits(input, settings, errors);
  const criteria = readCriteria(input, settings, errors);
  const { scores, unitProblems } = readScores(input, units, criteria, errors);
  const nominations = readNominations(input, units, errors);
  const dossiers = readDossiers(input, units, errors);
  const reports = readReports(input, units, nominations, errors);
  return { settings, units, criteria: criteria.criteria, scores, nominations, dossiers, ...(reports ? { reports } : {}), errors, unitProblems };
}
