/**
 * Báo cáo tổng kết phong trào: the figures of the standing body's summary, read off the one
 * evaluation (and the progress report built on it), deciding no rule itself: who took part, how
 * far the scoring got, each ranked block's results and score spread, the nominations received,
 * eligible and awarded by block and kind, and the dossiers the intake did not accept.
 */
import type { Evaluation } from './results';
import { KIND_LABEL } from './contract';
import { unitProgress } from './progress';
import { roundTo } from './ranking';
import { normalizeKey } from './text';

/** One row of the intake (`Tiếp nhận hồ sơ`): the status the standing body gave a unit's dossier. */
export interface IntakeRecord {
  unit: string;
  status: 'Đủ' | 'Thiếu' | 'Trả lại';
  /** What is missing (`Thiếu`) or why it was sent back (`Trả lại`), as the officer typed it. */
  reason: string;
}

/** A band of the score distribution, as a share of the block's maximum (`to` excluded, null = no top). */
export interface ScoreBand {
  label: string;
  fromPercent: number;
  toPercent: number | null;
  count: number;
}

/** The bands a result falls into, lowest first: the spread a summary report usually shows. */
export const SCORE_BANDS: readonly { label: string; fromPercent: number; toPercent: number | null }[] = [
  { label: 'Dưới 60%', fromPercent: 0, toPercent: 60 },
  { label: '60% - dưới 70%', fromPercent: 60, toPercent: 70 },
  { label: '70% - dưới 80%', fromPercent: 70, toPercent: 80 },
  { label: '80% - dưới 90%', fromPercent: 80, toPercent: 90 },
  { label: 'Từ 90% trở lên', fromPercent: 90, toPercent: null },
];

export interface BlockResult {
  block: string;
  /** The sum of the maximum points of the criteria that apply to the block. */
  maxPoints: number;
  units: number;
  ranking: { rank: number; code: string; name: string; score: number; prize: string | null; tied: boolean }[];
  unranked: { code: string; name: string; reason: string }[];
  /** Of the ranked units, rounded to the ranking's decimals; null when none is ranked. */
  average: number | null;
  highest: number | null;
  lowest: number | null;
  distribution: ScoreBand[];
}

export type KindLabel = (typeof KIND_LABEL)[keyof typeof KIND_LABEL] | 'Chưa rõ hình thức';

export interface NominationCount {
  block: string;
  kind: KindLabel;
  received: number;
  eligible: number;
  awarded: number;
}

/** A unit whose dossier the intake did not accept. */
export interface ReturnedDossier {
  unit: string;
  name: string;
  block: string;
  status: 'Thiếu' | 'Trả lại';
  reason: string;
}

export interface IntakeSummary {
  /** Units that nominated someone, and of them how many the intake recorded, by status. */
  nominatingUnits: number;
  complete: number;
  incomplete: number;
  returned: number;
  /** Nominating units with no intake row: their dossier has not been received. */
  notReceived: { unit: string; name: string }[];
  notAccepted: ReturnedDossier[];
}

export interface MovementClosing {
  movementName: string;
  year: number | null;
  participation: {
    units: number;
    byBlock: { block: string; units: number; nominating: number }[];
    nominatingUnits: number;
  };
  scoring: {
    /** Units of the two ranked blocks, those that finished their self-assessment, those fully appraised, those ranked. */
    rankedBlockUnits: number;
    selfAssessed: number;
    appraised: number;
    ranked: number;
    /** Criterion cells (unit × applicable criterion) and how many carry an appraised score. */
    cells: number;
    appraisedCells: number;
    /** appraisedCells / cells in percent, one decimal; null when no cell applies. */
    percent: number | null;
  };
  blocks: BlockResult[];
  nominations: { rows: NominationCount[]; total: { received: number; eligible: number; awarded: number } };
  /** Null when the intake was not recorded (awards are then counted from the award list alone). */
  intake: IntakeSummary | null;
}

const UNKNOWN_UNIT_BLOCK = 'Mã đơn vị không có trong danh sách';

/** The band of a score worth `percent` of the maximum. */
const bandOf = (percent: number) => SCORE_BANDS.findIndex((b) => percent >= b.fromPercent && (b.toPercent === null || percent < b.toPercent));

/**
 * The figures of the summary report. `intake`, when the standing body recorded it, marks which
 * dossiers went forward: only a unit whose dossier is `Đủ` counts its award-list entries as awarded.
 */
export function movementClosing(evaluation: Evaluation, intake?: readonly IntakeRecord[]): MovementClosing {
  const { workbook, result, awardList } = evaluation;
  const { settings } = workbook;
  const progress = unitProgress(evaluation);
  const unitByKey = new Map(workbook.units.map((u) => [normalizeKey(u.code), u]));
  const shown = (value: number) => roundTo(value, settings.rankingDecimals);
  const tiedUnits = new Set(result.ranking.filter((r) => r.tied).map((r) => r.unit));

  const blockNames = [...new Set([settings.agencyBlock, settings.communeBlock, ...progress.units.map((u) => u.block)])].filter((block) =>
    progress.units.some((u) => u.block === block),
  );

  const blocks: BlockResult[] = [settings.agencyBlock, settings.communeBlock]
    .filter((block) => progress.units.some((u) => u.block === block && u.rankedBlock))
    .map((block) => {
      const bars = progress.charts.find((c) => c.block === block)?.bars ?? [];
      const maxPoints = workbook.criteria.filter((c) => c.block === null || c.block === block).reduce((sum, c) => sum + c.maxPoints, 0);
      const ranking = bars.map((b) => ({
        rank: b.rank, code: b.code, name: b.name, score: shown(b.score), prize: b.prize,
        tied: tiedUnits.has(b.code),
      }));
      const distribution = SCORE_BANDS.map((band) => ({ ...band, count: 0 }));
      if (maxPoints > 0) for (const r of ranking) distribution[Math.max(0, bandOf((r.score / maxPoints) * 100))]!.count++;
      const scores = ranking.map((r) => r.score);
      return {
        block,
        maxPoints,
        units: progress.units.filter((u) => u.block === block).length,
        ranking,
        unranked: progress.units.filter((u) => u.block === block && u.unrankedReason !== null).map((u) => ({ code: u.code, name: u.name, reason: u.unrankedReason as string })),
        average: scores.length ? shown(scores.reduce((a, b) => a + b, 0) / scores.length) : null,
        highest: scores.length ? Math.max(...scores) : null,
        lowest: scores.length ? Math.min(...scores) : null,
        distribution,
      };
    });

  const rankedBlockUnits = progress.units.filter((u) => u.rankedBlock);
  const cells = rankedBlockUnits.reduce((n, u) => n + u.criteria.total, 0);
  const appraisedCells = rankedBlockUnits.reduce((n, u) => n + u.criteria.appraised, 0);

  const intakeByUnit = intake ? new Map(intake.map((r) => [normalizeKey(r.unit), r])) : null;
  const goesForward = (unit: string) => intakeByUnit === null || intakeByUnit.get(normalizeKey(unit))?.status === 'Đủ';
  const awardedRows = new Set(awardList.filter((a) => goesForward(a.nomination.unitCode)).map((a) => a.nomination.row));

  const blockOfUnit = (code: string) => unitByKey.get(normalizeKey(code))?.block ?? UNKNOWN_UNIT_BLOCK;
  const counts = new Map<string, NominationCount>();
  for (const v of result.nominations) {
    const block = blockOfUnit(v.unit);
    const kind: KindLabel = v.kind ?? 'Chưa rõ hình thức';
    const key = `${block}\n${kind}`;
    const count = counts.get(key) ?? { block, kind, received: 0, eligible: 0, awarded: 0 };
    count.received++;
    if (v.eligible) count.eligible++;
    if (awardedRows.has(v.row)) count.awarded++;
    counts.set(key, count);
  }
  const blockOrder = [...blockNames, UNKNOWN_UNIT_BLOCK];
  const kindOrder: KindLabel[] = [KIND_LABEL.collective, KIND_LABEL.individual, 'Chưa rõ hình thức'];
  const rows = [...counts.values()].sort((a, b) => blockOrder.indexOf(a.block) - blockOrder.indexOf(b.block) || kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind));
  const sum = (pick: (c: NominationCount) => number) => rows.reduce((n, c) => n + pick(c), 0);

  const nominating = progress.units.filter((u) => u.nominations.total > 0);
  let intakeSummary: IntakeSummary | null = null;
  if (intakeByUnit) {
    const statusOf = (code: string) => intakeByUnit.get(normalizeKey(code))?.status;
    intakeSummary = {
      nominatingUnits: nominating.length,
      complete: nominating.filter((u) => statusOf(u.code) === 'Đủ').length,
      incomplete: nominating.filter((u) => statusOf(u.code) === 'Thiếu').length,
      returned: nominating.filter((u) => statusOf(u.code) === 'Trả lại').length,
      notReceived: nominating.filter((u) => statusOf(u.code) === undefined).map((u) => ({ unit: u.code, name: u.name })),
      notAccepted: (intake ?? [])
        .filter((r): r is IntakeRecord & { status: 'Thiếu' | 'Trả lại' } => r.status !== 'Đủ')
        .map((r) => {
          const unit = unitByKey.get(normalizeKey(r.unit));
          return { unit: r.unit, name: unit?.name ?? '', block: unit?.block ?? UNKNOWN_UNIT_BLOCK, status: r.status, reason: r.reason.trim() };
        }),
    };
  }

  return {
    movementName: settings.movementName,
    year: settings.year,
    participation: {
      units: progress.units.length,
      byBlock: blockNames.map((block) => ({
        block,
        units: progress.units.filter((u) => u.block === block).length,
        nominating: nominating.filter((u) => u.block === block).length,
      })),
      nominatingUnits: nominating.length,
    },
    scoring: {
      rankedBlockUnits: rankedBlockUnits.length,
      selfAssessed: rankedBlockUnits.filter((u) => u.criteria.total > 0 && u.criteria.selfScored === u.criteria.total).length,
      appraised: progress.totals.appraised,
      ranked: rankedBlockUnits.filter((u) => u.ranked).length,
      cells,
      appraisedCells,
      percent: cells > 0 ? roundTo((appraisedCells / cells) * 100, 1) : null,
    },
    blocks,
    nominations: { rows, total: { received: sum((c) => c.received), eligible: sum((c) => c.eligible), awarded: sum((c) => c.awarded) } },
    intake: intakeSummary,
  };
}
