/**
 * Tiến độ: where each unit stands in the movement, for Phòng Nội vụ (O1) — a report over the
 * core's Evaluation, deciding no rule itself: scoring done, ranking, nominations against the
 * quota (P4), and the dossier details the documents need (D1, D2).
 */
import type { CellValue, SheetInput, UnitDossier } from './model';
import type { Evaluation } from './results';
import { DOSSIER_COL, NOMINATION_COL } from './contract';
import { isEmptyCell, readText } from './cells';
import { compareVietnamese, normalizeKey } from './text';
import { checkIntake } from './intake';
import type { IntakeEntry } from './intake';

/** What may be holding a unit back; the progress sidebar filters on these. */
export type ProgressProblem =
  | 'scoring' // not every criterion has an appraised score, or the unit could not be ranked
  | 'quota' // more nominations than P4 allows
  | 'ineligible' // a nomination fails the criteria
  | 'window' // a dossier outside the submission window (M3)
  | 'dossier'; // nominated, but the Hồ sơ đơn vị details are missing or incomplete

export const PROBLEM_LABEL: Record<ProgressProblem, string> = {
  scoring: 'Chưa chấm xong',
  quota: 'Vượt chỉ tiêu',
  ineligible: 'Có đề nghị không đủ điều kiện',
  window: 'Nộp ngoài thời hạn',
  dossier: 'Thiếu hồ sơ đơn vị',
};

/** One status of the documents in an optional `Hồ sơ` output sheet, and how many rows have it. */
export interface DocumentStatusCount {
  status: string;
  count: number;
}

export interface UnitProgress {
  code: string;
  name: string;
  block: string;
  /** In one of the two ranked blocks (U1). */
  rankedBlock: boolean;
  ranked: boolean;
  /** Criteria of the unit's block with a self-assessed score, and with an appraised score. */
  criteria: { total: number; selfScored: number; appraised: number };
  score: number | null;
  rank: number | null;
  prize: string | null;
  tied: boolean;
  /** Why a unit of a ranked block has no rank. */
  unrankedReason: string | null;
  nominations: { total: number; collective: number; individual: number; eligible: number };
  /** Allowed by P4; null when the unit nominated nobody (no quota entry). */
  allowed: { total: number; collective: number; individual: number } | null;
  quotaOk: boolean;
  /** The unit's row in `Hồ sơ đơn vị`, and the contract's headers it leaves empty. */
  dossier: { row: number; missing: string[] } | null;
  documents: DocumentStatusCount[] | null;
  /** The standing body's intake of the unit's dossier (Tiếp nhận hồ sơ); absent when it nominated nobody. */
  intake?: IntakeEntry;
  problems: ProgressProblem[];
}

export interface BlockChart {
  block: string;
  bars: { code: string; name: string; score: number; rank: number; prize: string | null }[];
}

export interface ProgressReport {
  units: UnitProgress[];
  blocks: string[];
  charts: BlockChart[];
  totals: {
    units: number;
    /** Units of ranked blocks, and of those, the fully appraised. */
    rankedBlockUnits: number;
    appraised: number;
    nominations: number;
    eligible: number;
    nominatingUnits: number;
    quotaProblems: number;
    dossiersComplete: number;
  };
  /** Whether a `Hồ sơ` output sheet was found. */
  hasDocuments: boolean;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** The dossier details the documents (D1, D2) need. */
function missingDossierFields(d: UnitDossier): string[] {
  const C = DOSSIER_COL;
  const missing: [boolean, string][] = [
    [d.meetingDate === null, C.meetingDate],
    [d.meetingPlace === '', C.meetingPlace],
    [d.chair === '', C.chair],
    [d.secretary === '', C.secretary],
    [d.members === null, C.members],
    [d.present === null, C.present],
    [d.letterNumber === '', C.letterNumber],
    [d.letterDate === null, C.letterDate],
  ];
  return missing.filter(([isMissing]) => isMissing).map(([, header]) => header);
}

/**
 * Statuses by unit from a `Hồ sơ` sheet: its `Mã đơn vị` column and the first column whose
 * header starts with `Trạng thái`. Null when the sheet lacks either.
 */
function documentStatuses(sheet: SheetInput | undefined, timeZone: string): Map<string, DocumentStatusCount[]> | null {
  if (!sheet) return null;
  const values: CellValue[][] = sheet.values;
  const header = (values[0] ?? []).map((h) => (typeof h === 'string' ? normalizeKey(h) : ''));
  const unitColumn = header.indexOf(normalizeKey(NOMINATION_COL.unitCode));
  const statusColumn = header.findIndex((h) => h.startsWith(normalizeKey('Trạng thái')));
  if (unitColumn < 0 || statusColumn < 0) return null;
  const byUnit = new Map<string, DocumentStatusCount[]>();
  for (const row of values.slice(1)) {
    const unit = row[unitColumn];
    if (isEmptyCell(unit)) continue;
    const key = normalizeKey(readText(unit, timeZone));
    const status = readText(row[statusColumn], timeZone) || 'Chưa có trạng thái';
    const counts = byUnit.get(key) ?? [];
    const entry = counts.find((c) => c.status === status);
    if (entry) entry.count++;
    else counts.push({ status, count: 1 });
    byUnit.set(key, counts);
  }
  return byUnit;
}

/**
 * The progress of every unit of `Đơn vị`, in the sheet's order, with totals and per-block
 * ranking charts. `documentsSheet` is the optional `Hồ sơ` output sheet.
 */
export function unitProgress(evaluation: Evaluation, documentsSheet?: SheetInput, timeZone = 'UTC', intakeSheet?: SheetInput): ProgressReport {
  const { workbook, result } = evaluation;
  const ranked = new Map(result.ranking.map((r) => [normalizeKey(r.unit), r]));
  const unranked = new Map(result.unranked.map((u) => [normalizeKey(u.unit), u]));
  const quota = new Map(result.quota.map((q) => [normalizeKey(q.unit), q]));
  const dossiers = new Map(workbook.dossiers.map((d) => [normalizeKey(d.unitCode), d]));
  const documents = documentStatuses(documentsSheet, timeZone);
  const intake = new Map(checkIntake(evaluation, intakeSheet, timeZone).entries.map((x) => [normalizeKey(x.unit), x]));
  // Grouped once by unit: filtering the whole sheets per unit is quadratic at province scale.
  const scoresByUnit = groupBy(workbook.scores, (s) => normalizeKey(s.unitCode));
  const verdictsByUnit = groupBy(result.nominations, (v) => normalizeKey(v.unit));
  const unitByKey = new Map(workbook.units.map((u) => [normalizeKey(u.code), u]));

  const units = workbook.units.map((unit): UnitProgress => {
    const key = normalizeKey(unit.code);
    const isRankedBlock = unit.blockKind !== 'other';
    const criteria = isRankedBlock ? workbook.criteria.filter((c) => c.block === null || c.block === unit.block) : [];
    const criterionKeys = new Set(criteria.map((c) => normalizeKey(c.code)));
    const scores = (scoresByUnit.get(key) ?? []).filter((s) => criterionKeys.has(normalizeKey(s.criterionCode)));
    const scored = (points: 'selfPoints' | 'appraisedPoints') =>
      new Set(scores.filter((s) => s[points] !== null).map((s) => normalizeKey(s.criterionCode))).size;
    const verdicts = verdictsByUnit.get(key) ?? [];
    const standing = ranked.get(key);
    const unitQuota = quota.get(key);
    const dossier = dossiers.get(key);
    const progress: UnitProgress = {
      code: unit.code,
      name: unit.name,
      block: unit.block,
      rankedBlock: isRankedBlock,
      ranked: standing !== undefined,
      criteria: { total: criteria.length, selfScored: scored('selfPoints'), appraised: scored('appraisedPoints') },
      score: standing?.score ?? null,
      rank: standing?.rank ?? null,
      prize: standing?.prize ?? null,
      tied: standing?.tied ?? false,
      unrankedReason: unranked.get(key)?.reason ?? null,
      nominations: {
        total: verdicts.length,
        collective: verdicts.filter((v) => v.kind === 'Tập thể').length,
        individual: verdicts.filter((v) => v.kind === 'Cá nhân').length,
        eligible: verdicts.filter((v) => v.eligible).length,
      },
      allowed: unitQuota ? unitQuota.allowed : null,
      quotaOk: unitQuota?.ok ?? true,
      dossier: dossier ? { row: dossier.row, missing: missingDossierFields(dossier) } : null,
      documents: documents ? (documents.get(key) ?? []) : null,
      ...(intake.has(key) ? { intake: intake.get(key) } : {}),
      problems: [],
    };
    const problems: [boolean, ProgressProblem][] = [
      [isRankedBlock && (!progress.ranked || progress.criteria.appraised < progress.criteria.total), 'scoring'],
      [!progress.quotaOk, 'quota'],
      [verdicts.some((v) => !v.eligible), 'ineligible'],
      [verdicts.some((v) => !v.window_ok), 'window'],
      [verdicts.length > 0 && (!progress.dossier || progress.dossier.missing.length > 0), 'dossier'],
    ];
    progress.problems = problems.filter(([has]) => has).map(([, problem]) => problem);
    return progress;
  });

  const blocks = [...new Set(units.map((u) => u.block))];
  const charts = [...new Set(result.ranking.map((r) => r.block))].map((block) => ({
    block,
    bars: result.ranking
      .filter((r) => r.block === block)
      .sort((a, b) => a.rank - b.rank || compareVietnamese(a.unit, b.unit))
      .map((r) => ({
        code: r.unit,
        name: unitByKey.get(normalizeKey(r.unit))?.name ?? r.unit,
        score: r.score,
        rank: r.rank,
        prize: r.prize,
      })),
  }));
  const rankedBlockUnits = units.filter((u) => u.rankedBlock);
  return {
    units,
    blocks,
    charts,
    totals: {
      units: units.length,
      rankedBlockUnits: rankedBlockUnits.length,
      appraised: rankedBlockUnits.filter((u) => u.criteria.total > 0 && u.criteria.appraised === u.criteria.total).length,
      nominations: result.nominations.length,
      eligible: result.nominations.filter((v) => v.eligible).length,
      nominatingUnits: units.filter((u) => u.nominations.total > 0).length,
      quotaProblems: units.filter((u) => !u.quotaOk).length,
      dossiersComplete: units.filter((u) => u.nominations.total > 0 && u.dossier !== null && u.dossier.missing.length === 0).length,
    },
    hasDocuments: documents !== null,
  };
}
