/**
 * The movement's criteria (rules.md): P1 for every nominee, A0–A3 for a collective, B0–B2 for an
 * individual. Each rule is decided here and only here, and says why in plain Vietnamese.
 */
import type { BlockKind, Nomination, Rating, Settings } from './model';
import type { RuleId } from './results';
import type { Standing } from './ranking';
import { KIND_LABEL, NOMINATION_COL, RATING_LABEL, prizeName } from './contract';
import { formatNumber } from './text';

/** What the rules need to know of the nominating unit. */
export interface UnitContext {
  /** Null when the unit code is not in `Đơn vị`. */
  blockKind: BlockKind | null;
  blockName: string;
  standing: Standing | null;
}

export interface Eligibility {
  eligible: boolean;
  /** Rule IDs (rules.md's, or those of `Tiêu chuẩn`). */
  basis: string[];
  failed: string[];
  /** Why, rule by rule, in the users' words. */
  reasons: string[];
}

interface Check {
  rule: RuleId;
  holds: boolean;
  why: string;
}

const percent = (value: number | null) => (value === null ? 'chưa nhập' : `${formatNumber(value)}%`);
const rating = (value: Rating | null) => (value === null ? 'chưa nhập' : RATING_LABEL[value].toLowerCase());
const GOOD_RATINGS: readonly Rating[] = ['HTXSNV', 'HTTNV'];

/** P1: a collective or individual that directly leads, advises on or does CCHC work at a unit of the district. */
function checkP1(n: Nomination, unit: UnitContext): Check {
  if (unit.blockKind === null) {
    return { rule: 'P1', holds: false, why: `P1: mã đơn vị «${n.unitCode}» không có trong danh sách đơn vị của phong trào.` };
  }
  return n.directCchc
    ? { rule: 'P1', holds: true, why: 'P1: trực tiếp làm công tác CCHC.' }
    : { rule: 'P1', holds: false, why: 'P1: chưa xác nhận «Trực tiếp làm CCHC».' };
}

/** A0: all four duties of a collective. */
function checkA0(n: Nomination): Check {
  const missing = [
    [n.compliance, 'chấp hành tốt chủ trương, pháp luật'],
    [n.unity, 'nội bộ đoàn kết'],
    [n.discipline, 'nghiêm kỷ luật, kỷ cương'],
    [n.hasPlan, 'có kế hoạch thực hiện phong trào'],
  ].filter(([ok]) => !ok).map(([, what]) => what);
  return missing.length === 0
    ? { rule: 'A0', holds: true, why: 'A0: đạt đủ bốn yêu cầu chung của tập thể.' }
    : { rule: 'A0', holds: false, why: `A0: chưa xác nhận ${missing.join(', ')}.` };
}

/** A1: creative CCHC work, high satisfaction, 100 % on time, online services risen. */
function checkA1(n: Nomination, settings: Settings): Check {
  const gaps: string[] = [];
  if (!n.innovation) gaps.push('chưa xác nhận sáng tạo, đổi mới 6 nội dung CCHC');
  if (n.satisfactionPercent === null || n.satisfactionPercent < settings.minSatisfactionPercent) {
    gaps.push(`tỷ lệ hài lòng ${percent(n.satisfactionPercent)} (cần từ ${formatNumber(settings.minSatisfactionPercent)}%)`);
  }
  if (n.onTimePercent !== 100) gaps.push(`hồ sơ TTHC đúng và trước hạn ${percent(n.onTimePercent)} (cần 100%)`);
  if (n.onlinePrevPercent === null || n.onlineNowPercent === null || n.onlineNowPercent <= n.onlinePrevPercent) {
    gaps.push(`tỷ lệ DVC trực tuyến, BCCI năm nay ${percent(n.onlineNowPercent)} chưa cao hơn năm trước ${percent(n.onlinePrevPercent)}`);
  }
  return gaps.length === 0
    ? { rule: 'A1', holds: true, why: `A1: sáng tạo trong CCHC, hài lòng ${percent(n.satisfactionPercent)}, 100% hồ sơ đúng hạn, DVC trực tuyến tăng từ ${percent(n.onlinePrevPercent)} lên ${percent(n.onlineNowPercent)}.` }
    : { rule: 'A1', holds: false, why: `A1: ${gaps.join('; ')}.` };
}

/** A2 (communes) and A3 (agencies): the unit is in a prize rank of its block. */
function checkRankedBlock(rule: 'A2' | 'A3', kind: BlockKind, unit: UnitContext): Check {
  const blockWord = kind === 'commune' ? 'xã, thị trấn' : 'cơ quan chuyên môn';
  if (unit.blockKind !== kind) return { rule, holds: false, why: `${rule}: đơn vị không thuộc khối ${unit.blockName || blockWord}.` };
  const rank = unit.standing?.rank ?? null;
  if (rank === null) return { rule, holds: false, why: `${rule}: đơn vị chưa được xếp hạng trong khối «${unit.blockName}».` };
  return unit.standing?.prize
    ? { rule, holds: true, why: `${rule}: đơn vị xếp thứ ${prizeName(rank)} trong khối «${unit.blockName}».` }
    : { rule, holds: false, why: `${rule}: đơn vị xếp hạng ${rank} trong khối «${unit.blockName}», ngoài các hạng được xét.` };
}

function checkB0(n: Nomination): Check {
  return n.compliance
    ? { rule: 'B0', holds: true, why: 'B0: gương mẫu chấp hành chủ trương, pháp luật.' }
    : { rule: 'B0', holds: false, why: 'B0: chưa xác nhận chấp hành tốt chủ trương, pháp luật.' };
}

/** B1: two consecutive years rated «hoàn thành tốt nhiệm vụ» or higher. */
function checkB1(n: Nomination): Check {
  const good = (r: Rating | null) => r !== null && GOOD_RATINGS.includes(r);
  const years = `năm trước ${rating(n.ratingPrev)}, năm nay ${rating(n.ratingNow)}`;
  if (!n.directCchc) return { rule: 'B1', holds: false, why: 'B1: chưa xác nhận trực tiếp làm công tác CCHC.' };
  return good(n.ratingPrev) && good(n.ratingNow)
    ? { rule: 'B1', holds: true, why: `B1: hai năm liên tục hoàn thành tốt nhiệm vụ trở lên (${years}).` }
    : { rule: 'B1', holds: false, why: `B1: cần hai năm liên tục hoàn thành tốt nhiệm vụ trở lên (${years}).` };
}

/** B2: an initiative in CCHC recognised by a competent authority. */
function checkB2(n: Nomination): Check {
  if (!n.directCchc) return { rule: 'B2', holds: false, why: 'B2: chưa xác nhận trực tiếp làm công tác CCHC.' };
  return n.initiativeRecognition
    ? { rule: 'B2', holds: true, why: `B2: sáng kiến được công nhận (${n.initiativeRecognition}).` }
    : { rule: 'B2', holds: false, why: 'B2: chưa có sáng kiến, giải pháp được cấp có thẩm quyền công nhận.' };
}

/** P0: the award is for a collective or an individual; a row that is neither is judged by no criterion (workbook.md v2). */
const P0_FAILS: Check = {
  rule: 'P0',
  holds: false,
  why: `P0: giấy khen dành cho tập thể hoặc cá nhân, nhưng hình thức đề nghị chưa hợp lệ; hãy chọn «${KIND_LABEL.collective}» hoặc «${KIND_LABEL.individual}» ở cột «${NOMINATION_COL.kind}».`,
};

const RULE_ORDER: readonly RuleId[] = ['P0', 'P1', 'A0', 'A1', 'A2', 'A3', 'B0', 'B1', 'B2'];

/** The rules a column feeds, by kind: an unreadable value there means the rule could not be checked. */
const RULES_OF_COLUMN: Record<string, { collective: RuleId[]; individual: RuleId[] }> = {
  [NOMINATION_COL.directCchc]: { collective: ['P1'], individual: ['P1'] },
  [NOMINATION_COL.compliance]: { collective: ['A0'], individual: ['B0'] },
  [NOMINATION_COL.unity]: { collective: ['A0'], individual: [] },
  [NOMINATION_COL.discipline]: { collective: ['A0'], individual: [] },
  [NOMINATION_COL.hasPlan]: { collective: ['A0'], individual: [] },
  [NOMINATION_COL.innovation]: { collective: ['A1'], individual: [] },
  [NOMINATION_COL.satisfactionPercent]: { collective: ['A1'], individual: [] },
  [NOMINATION_COL.onTimePercent]: { collective: ['A1'], individual: [] },
  [NOMINATION_COL.onlinePrevPercent]: { collective: ['A1'], individual: [] },
  [NOMINATION_COL.onlineNowPercent]: { collective: ['A1'], individual: [] },
  [NOMINATION_COL.ratingPrev]: { collective: [], individual: ['B1'] },
  [NOMINATION_COL.ratingNow]: { collective: [], individual: ['B1'] },
  [NOMINATION_COL.initiativeRecognition]: { collective: [], individual: ['B2'] },
};

/** Rules whose input on this row could not be read: the nomination cannot be eligible until it is fixed. */
function uncheckable(n: Nomination): Check[] {
  const kind = n.kind;
  const checks: Check[] = [];
  if (kind === null) return checks;
  for (const column of n.unreadable) {
    for (const rule of RULES_OF_COLUMN[column]?.[kind] ?? []) {
      checks.push({ rule, holds: false, why: `${rule}: không kiểm tra được vì giá trị ở cột «${column}» không đọc được (xem lỗi của hàng này).` });
    }
  }
  return checks;
}

/** The verdict of the criteria on one nomination; quota and window are judged beside it. */
export function judge(n: Nomination, unit: UnitContext, settings: Settings): Eligibility {
  const p1 = checkP1(n, unit);
  let required: Check[];
  let alternatives: Check[];
  if (n.kind === 'collective') {
    required = [p1, checkA0(n)];
    alternatives = [checkA1(n, settings), checkRankedBlock('A2', 'commune', unit), checkRankedBlock('A3', 'agency', unit)];
  } else if (n.kind === 'individual') {
    required = [p1, checkB0(n)];
    alternatives = [checkB1(n), checkB2(n)];
  } else {
    // Which criteria apply is unknown; an unknown unit still fails P1 (workbook.md).
    required = unit.blockKind === null ? [P0_FAILS, p1] : [P0_FAILS];
    alternatives = [];
  }
  const basis = alternatives.filter((c) => c.holds).map((c) => c.rule);
  const failedRequired = required.filter((c) => !c.holds);
  const failedAlternatives = basis.length === 0 ? alternatives : [];
  const failures = [...failedRequired, ...failedAlternatives, ...uncheckable(n)];
  const failed = RULE_ORDER.filter((rule) => failures.some((c) => c.rule === rule));
  const eligible = failed.length === 0;
  const reasons = eligible ? alternatives.filter((c) => c.holds).map((c) => c.why) : failures.map((c) => c.why);
  return { eligible, basis, failed, reasons: [...new Set(reasons)] };
}
