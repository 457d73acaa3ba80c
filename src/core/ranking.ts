/** U2–U3: each ranked unit's CCHC index total and its rank within its block. */
import type { Criterion, Score, Settings, Unit } from './model';
import type { RankedUnit, UnrankedUnit } from './results';
import { prizeName } from './contract';
import { compareVietnamese } from './text';

/**
 * Totals are kept to a millionth of a point, so that a sum a person reads as 91.25 is 91.25
 * whatever order the criteria were added in.
 */
export function roundTotal(total: number): number {
  return roundTo(total, 6);
}

/**
 * `value` rounded half up to `decimals` places as a person rounds the decimal number
 * (1.005 → 1.01), not its binary neighbour (1.00499…).
 */
export function roundTo(value: number, decimals: number): number {
  const scaled = shift(value, decimals);
  // Beyond 2^53 a number has no fraction left to round (and Infinity has no digits).
  return Number.isFinite(scaled) && Math.abs(scaled) < Number.MAX_SAFE_INTEGER ? shift(Math.round(scaled), -decimals) : value;
}

/** `value` × 10^`places`, exactly as the decimal digits move (the text may already hold an exponent). */
function shift(value: number, places: number): number {
  const [digits, exponent = '0'] = String(value).split('e');
  return Number(`${digits}e${Number(exponent) + places}`);
}

/** The published precision of a total (workbook.md v2), unless `Số chữ số thập phân khi xếp hạng` says otherwise. */
export const DEFAULT_RANKING_DECIMALS = 2;

/**
 * Standard competition ranking (U3): equal scores share a rank and the next rank skips
 * (1, 1, 3). Scores are compared rounded to `decimals` places, so totals a person reads as
 * equal tie. Returns the rank of each score, in the order given.
 */
export function competitionRanks(totals: number[], decimals = DEFAULT_RANKING_DECIMALS): number[] {
  const scores = totals.map((total) => roundTo(total, decimals));
  const descending = [...scores].sort((a, b) => b - a);
  const firstPlace = new Map<number, number>();
  descending.forEach((score, i) => {
    if (!firstPlace.has(score)) firstPlace.set(score, i + 1);
  });
  return scores.map((score) => firstPlace.get(score) as number);
}

/** U3: the ranks that win a prize (Nhất, Nhì, Ba by default) are the first `Số hạng được xét`. */
export function isPrizeRank(rank: number, settings: Settings): boolean {
  return rank <= settings.prizeRanks;
}

/** Where a unit stands in the ranking, for the rules that depend on it (A2, A3, P4). */
export interface Standing {
  rank: number | null;
  prize: boolean;
}

export interface Ranking {
  ranked: RankedUnit[];
  unranked: UnrankedUnit[];
  standing: Map<string, Standing>;
}

function criteriaFor(unit: Unit, criteria: Criterion[]): Criterion[] {
  return criteria.filter((c) => c.block === null || c.block === unit.block);
}

/** Ranks every unit of the two ranked blocks (the agencies' first, then the communes'). */
export function rankUnits(
  units: Unit[],
  criteria: Criterion[],
  scores: Score[],
  /** Per unit, why it cannot be ranked (whole sentences). */
  unitProblems: Map<string, string[]>,
  settings: Settings,
): Ranking {
  const scoresByUnit = new Map<string, Score[]>();
  for (const score of scores) {
    const own = scoresByUnit.get(score.unitCode);
    if (own) own.push(score);
    else scoresByUnit.set(score.unitCode, [score]);
  }
  const ranked: RankedUnit[] = [];
  const unranked: UnrankedUnit[] = [];
  const standing = new Map<string, Standing>();

  for (const kind of ['agency', 'commune'] as const) {
    const blockUnits = units.filter((u) => u.blockKind === kind);
    const totals: { unit: Unit; score: number; self: number | null }[] = [];
    for (const unit of blockUnits) {
      const own = scoresByUnit.get(unit.code) ?? [];
      const applicable = criteriaFor(unit, criteria);
      const problems = unitProblems.get(unit.code);
      const unappraised = applicable.filter((c) => !own.some((s) => s.criterionCode === c.code && s.appraisedPoints !== null));
      let reason: string | null = null;
      if (problems) reason = problems.join(' ');
      else if (applicable.length === 0) reason = 'Không có tiêu chí nào áp dụng cho khối này ở trang «Tiêu chí».';
      else if (unappraised.length > 0) {
        reason = `Chưa có điểm thẩm định ở ${unappraised.length}/${applicable.length} tiêu chí: ${unappraised.map((c) => c.code).join(', ')}.`;
      }
      if (reason) {
        unranked.push({ unit: unit.code, block: unit.block, reason });
        standing.set(unit.code, { rank: null, prize: false });
        continue;
      }
      const selfComplete = applicable.every((c) => own.some((s) => s.criterionCode === c.code && s.selfPoints !== null));
      totals.push({
        unit,
        score: roundTotal(own.reduce((sum, s) => sum + (s.appraisedPoints ?? 0), 0)),
        self: selfComplete ? roundTotal(own.reduce((sum, s) => sum + (s.selfPoints ?? 0), 0)) : null,
      });
    }
    const ranks = competitionRanks(totals.map((t) => t.score), settings.rankingDecimals);
    const rows = totals.map((t, i) => ({ ...t, rank: ranks[i] as number }));
    // Equal ranks are listed by name, never by row order, so nothing hints at an order the rules did not make.
    rows.sort((a, b) => a.rank - b.rank || compareVietnamese(a.unit.name, b.unit.name));
    const sharing = new Map<number, number>();
    for (const row of rows) sharing.set(row.rank, (sharing.get(row.rank) ?? 0) + 1);
    for (const row of rows) {
      const prize = isPrizeRank(row.rank, settings);
      ranked.push({
        unit: row.unit.code,
        block: row.unit.block,
        score: row.score,
        self_score: row.self,
        rank: row.rank,
        tied: (sharing.get(row.rank) as number) > 1,
        prize: prize ? prizeName(row.rank) : null,
      });
      standing.set(row.unit.code, { rank: row.rank, prize });
    }
  }
  return { ranked, unranked, standing };
}
