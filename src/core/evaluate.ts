/** The main job: rows in, ranking, verdicts, quota, window and award list out. */
import type { Nomination, Unit, WorkbookInput } from './model';
import type { AwardEntry, Evaluation, NominationVerdict } from './results';
import type { Standing } from './ranking';
import type { UnitContext } from './rules';
import { KIND_LABEL } from './contract';
import { rankUnits } from './ranking';
import { judge } from './rules';
import { judgeByStandards, readStandards } from './standards';
import { checkWindow, unitQuotas } from './quota';
import { orderAwardList } from './awardList';
import { readWorkbook } from './workbook';
import { normalizeKey } from './text';

export function unitContext(unit: Unit | undefined, standing: Map<string, Standing>): UnitContext {
  return unit
    ? { blockKind: unit.blockKind, blockName: unit.block, standing: standing.get(unit.code) ?? null }
    : { blockKind: null, blockName: '', standing: null };
}

/** Reads, ranks and judges a whole workbook. Throws UnreadableWorkbook if a required sheet is missing. */
export function evaluate(input: WorkbookInput): Evaluation {
  const { unitProblems, ...workbook } = readWorkbook(input);
  const { settings, units, nominations } = workbook;
  const ranking = rankUnits(units, workbook.criteria, workbook.scores, unitProblems, settings);
  const quota = unitQuotas(nominations, units, ranking.standing, settings);
  const quotaByUnit = new Map(quota.map((q) => [q.unit, q]));
  const unitByKey = new Map(units.map((u) => [normalizeKey(u.code), u]));
  // The workbook's own rules when it has `Tiêu chuẩn`; its unreadable rows are reported with the rest.
  const standards = readStandards(input, settings);
  if (standards) workbook.errors.push(...standards.errors);

  const judged = nominations.map((n): { nomination: Nomination; verdict: NominationVerdict } => {
    const unit = unitByKey.get(normalizeKey(n.unitCode));
    const context = unitContext(unit, ranking.standing);
    const eligibility = standards ? judgeByStandards(n, context, standards) : judge(n, context, settings);
    const unitQuota = quotaByUnit.get(n.unitCode);
    const window = checkWindow(n.submittedOn, settings);
    const quotaOk = unitQuota?.ok ?? false;
    const problems = [!quotaOk ? (unitQuota?.message ?? 'P4: chưa có mã đơn vị nên chưa xét được chỉ tiêu.') : null, !window.ok ? window.message : null]
      .filter((m): m is string => m !== null);
    let message: string;
    if (!eligibility.eligible) {
      message = `Không đủ điều kiện. ${[...eligibility.reasons, ...problems].join(' ')}`;
    } else if (problems.length > 0) {
      message = `Đạt tiêu chuẩn (${eligibility.basis.join(', ')}) nhưng chưa đưa vào danh sách khen thưởng. ${problems.join(' ')}`;
    } else {
      message = `Đủ điều kiện, đưa vào danh sách khen thưởng. ${eligibility.reasons.join(' ')}`;
    }
    return {
      nomination: n,
      verdict: {
        row: n.row,
        unit: n.unitCode,
        kind: n.kind ? KIND_LABEL[n.kind] : null,
        name: n.name,
        eligible: eligibility.eligible,
        basis: eligibility.basis,
        failed: eligibility.failed,
        quota_ok: quotaOk,
        window_ok: window.ok,
        message,
      },
    };
  });

  const awarded = judged.filter(({ verdict }) => verdict.eligible && verdict.quota_ok && verdict.window_ok);
  const awardList: AwardEntry[] = orderAwardList(awarded, unitByKey, ranking.standing);
  return {
    workbook,
    result: {
      ranking: ranking.ranked,
      unranked: ranking.unranked,
      nominations: judged.map((j) => j.verdict),
      quota,
      errors: workbook.errors,
    },
    awardList,
  };
}
