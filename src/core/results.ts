/** What the rules decide: the shapes of `thidua check --json` (workbook.md) and the output sheets. */
import type { CellValue, Nomination, Workbook, WorkbookError } from './model';

/** Rule IDs of rules.md that a verdict can cite. */
export type RuleId = 'P0' | 'P1' | 'A0' | 'A1' | 'A2' | 'A3' | 'B0' | 'B1' | 'B2' | 'P4' | 'M3';

/** One ranked unit in its block (U3). */
export interface RankedUnit {
  unit: string;
  block: string;
  score: number;
  self_score: number | null;
  rank: number;
  tied: boolean;
  prize: string | null;
}

/** A unit of a ranked block that could not be ranked, and why. */
export interface UnrankedUnit {
  unit: string;
  block: string;
  reason: string;
}

/** Kết quả xét: the verdict on one nomination. */
export interface NominationVerdict {
  row: number;
  unit: string;
  kind: 'Tập thể' | 'Cá nhân' | null;
  name: string;
  eligible: boolean;
  /** Rule IDs: those of rules.md, or of the workbook's own `Tiêu chuẩn`. */
  basis: string[];
  failed: string[];
  quota_ok: boolean;
  window_ok: boolean;
  message: string;
}

export interface QuotaCount {
  total: number;
  collective: number;
  individual: number;
}

/** P4: how many nominees a unit may send and how many it sent. */
export interface UnitQuota {
  unit: string;
  allowed: QuotaCount;
  nominated: QuotaCount;
  ok: boolean;
  message: string;
}

/** The JSON contract of `thidua check --json`. */
export interface CheckResult {
  ranking: RankedUnit[];
  unranked: UnrankedUnit[];
  nominations: NominationVerdict[];
  quota: UnitQuota[];
  errors: WorkbookError[];
}

/** One line of the award list (Danh sách khen thưởng). */
export interface AwardEntry {
  number: number;
  nomination: Nomination;
  verdict: NominationVerdict;
}

/** How a host should make an output row stand out; the host picks the colours. */
export type RowMark = 'prize' | 'tie' | 'unranked' | 'ineligible' | 'warning' | 'section' | null;

/** An output sheet as the hosts write it, in one write. */
export interface OutputSheet {
  name: string;
  header: string[];
  rows: CellValue[][];
  marks: RowMark[];
}

/** Everything one run decides, for the hosts and the documents. */
export interface Evaluation {
  workbook: Workbook;
  result: CheckResult;
  awardList: AwardEntry[];
}
