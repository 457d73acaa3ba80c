/**
 * What a unit's dossier says, read once from the evaluation: the default documents and the
 * placeholders of user templates both take their text from here, so they never disagree.
 * A value the workbook does not give is a visible gap (`…`) with a message naming where to fill it.
 */
import { DOSSIER_COL, KIND_LABEL, NOMINATION_COL, RATING_LABEL, REPORT_TEXT_KEYS, SETTING, SHEET, UNIT_COL } from '../contract';
import type { ReportTextKey } from '../contract';
import { timeWords } from '../documentFacts';
import { legalBasisOf } from '../legalBasis';
import type { LegalBasis } from '../legalBasis';
import { awardingTitle } from './basis';
import type { BasisValues } from './basis';
import type { Nomination, NomineeReport, PreviousAward, Settings, Unit, UnitDossier } from '../model';
import type { Evaluation, NominationVerdict, RankedUnit } from '../results';
import { cleanText, formatNumber, normalizeKey } from '../text';
import { GAP, dayMonthYear, peoplesCommitteeOf, placeAndDate, placeOf, shortDate, upper } from './layout';

/** A value as a document shows it, and why it is a gap when it is one. */
export interface Field {
  text: string;
  missing: string | null;
}

const known = (text: string): Field => ({ text, missing: null });

/** A value as a document shows it (NFC, trimmed); '' when there is none. */
export const shownText = (value: string | number | null | undefined): string =>
  value === null || value === undefined ? '' : String(value).normalize('NFC').trim();

function field(value: string | number | null | undefined, missing: string): Field {
  const text = shownText(value);
  return text ? known(text) : { text: GAP, missing };
}

/** Collects the gaps a document uses, each once, in the order met. */
export class Gaps {
  readonly list: string[] = [];
  use = (f: Field): string => {
    if (f.missing && !this.list.includes(f.missing)) this.list.push(f.missing);
    return f.text;
  };
}

const percent = (value: number | null): string | null => (value === null ? null : `${formatNumber(value)}%`);

/** `01 tập thể và 01 cá nhân`: counts in two digits, as the proposal writes them. */
export function countsPhrase(collectives: number, individuals: number): string {
  const parts: string[] = [];
  if (collectives) parts.push(`${String(collectives).padStart(2, '0')} tập thể`);
  if (individuals) parts.push(`${String(individuals).padStart(2, '0')} cá nhân`);
  return parts.join(' và ');
}

/** The name part of `Nguyễn Văn A, Chủ tịch UBND xã` (a signature shows the name only). */
const nameOnly = (f: Field): Field => (f.missing ? f : known(f.text.split(/,| - /)[0]?.trim() || f.text));

export interface NomineeFacts {
  row: number;
  collective: boolean;
  kind: string;
  name: Field;
  /** Position and unit; a collective's is its own text or else the nominating unit. */
  position: Field;
  votes: Field;
  votePercent: Field;
  summary: Field;
  /** The achievements in figures, as sentences, from the values the row has. */
  figures: string[];
  /** v2: the nominee's own facts for form 07; absent in a template's facts (all dotted lines then). */
  form07?: Form07Facts;
}

/**
 * What form 07 asks that only the nominee knows (`Báo cáo thành tích`): an empty string is a
 * dotted line the nominee fills by hand, not a gap of the workbook.
 */
export type Form07Facts = Record<ReportTextKey, string> & {
  birthDate: string;
  sex: string;
  staff: string;
  previousAwards: PreviousAward[];
  /** Why the report keeps dotted lines (no sheet, or no row for this nominee), or null. */
  missing: string | null;
  /** The nominee's row in `Báo cáo thành tích`, when there is one (for the gaps of templates). */
  row?: number;
};

/** The v2 unit facts: who signs, under which symbol, and the rest of the minutes. */
export interface UnitFactsV2 {
  /** `UBND`, `PNV` from `Đơn vị`, or a gap. */
  symbol: Field;
  /** The signer's authority and title lines, in capitals (`TM. ỦY BAN NHÂN DÂN`, `CHỦ TỊCH`), or a gap. */
  signerLines: Field[];
  /** The header's first line from `Cơ quan chủ quản`, or null when not given. */
  superior: string | null;
  startTime: Field;
  endTime: Field;
  council: Field;
  votingMethod: Field;
  discussion: Field;
  /** «Nơi nhận» lines between «Như trên» and «Lưu» (the standing body), or one gap. */
  recipients: Field[];
}

export interface UnitFacts {
  movementName: Field;
  year: Field;
  /** The movement's issuer, `Ủy ban nhân dân huyện Hữu Lũng`. */
  issuer: Field;
  unitCode: string;
  unitName: Field;
  block: string;
  head: Field;
  place: Field;
  meetingDate: Field;
  meetingDateShort: Field;
  meetingPlace: Field;
  chair: Field;
  chairName: Field;
  secretary: Field;
  secretaryName: Field;
  members: Field;
  present: Field;
  /** `15/TTr-UBND`. */
  letterNumber: Field;
  letterDate: Field;
  letterDateShort: Field;
  /** `Đồng Tân, ngày 05 tháng 01 năm 2023`, gaps where the letter's date is missing. */
  dateLine: Field;
  /** `Chủ tịch UBND huyện Hữu Lũng`. */
  awardAuthority: Field;
  /** `Chủ tịch Ủy ban nhân dân huyện Hữu Lũng`. */
  awardAuthorityFull: Field;
  /** The launch document as a text cites it. */
  launchDocument: Field;
  ranking: RankedUnit | undefined;
  /** `xếp thứ Nhất trong khối Xã, thị trấn với 91,25 điểm …`, or null for an unranked unit. */
  rankingSentence: string | null;
  nominees: NomineeFacts[];
  collectives: number;
  individuals: number;
  /** v2 facts; absent in a template's facts, where each shows as a gap. */
  v2?: UnitFactsV2;
  /** Whether the unit's collective nominee wrote it has a plan for the movement (D2's results paragraph). */
  hasPlan?: boolean;
  /** The legal preset's lines and D3 form (issue 12); absent in a template's facts: the 2022 preset. */
  legal?: LegalBasis;
}

/** `năm 2022`, or `năm nay` / `năm trước` when the year setting is missing. */
const yearLabel = (year: number | null, back = 0) => (year === null ? (back ? 'năm trước' : 'năm nay') : `năm ${year - back}`);

/** A block's name inside a sentence (Decree 30, appendix II): `khối xã, thị trấn`, `khối cơ quan chuyên môn`. */
export const blockInText = (block: string): string => block.charAt(0).toLocaleLowerCase('vi') + block.slice(1);

/** `thứ Nhất`, `thứ Nhì`, `thứ Ba`, then `thứ 4`: one style in every document. */
export const placeWords = (rank: number): string => `thứ ${['Nhất', 'Nhì', 'Ba'][rank - 1] ?? rank}`;

function rankingSentence(r: RankedUnit | undefined, year: number | null): string | null {
  if (!r) return null;
  return `Chỉ số cải cách hành chính ${yearLabel(year)} đạt ${formatNumber(r.score)} điểm (điểm thẩm định), xếp ${placeWords(r.rank)}${r.tied ? ' (đồng hạng)' : ''} trong khối ${blockInText(r.block)}`;
}

/** `members` is the council's size (the base of the vote share) and the gap message when it is missing. */
function nomineeFacts(
  n: Nomination,
  v: NominationVerdict,
  unitName: Field,
  members: { value: number | null; missing: string },
  year: number | null,
  own: NomineeReport | undefined,
  sheet: boolean,
): NomineeFacts {
  const at = (what: string, name = n.name.trim()) => `Đề nghị hàng ${n.row}${name ? ` (${name})` : ''}: thiếu ${what}`;
  const collective = n.kind === 'collective';
  const figures: string[] = [];
  const rate = (label: string, value: number | null) => {
    const p = percent(value);
    if (p) figures.push(`${label}: ${p}.`);
  };
  rate('Tỷ lệ hài lòng của người dân, tổ chức', n.satisfactionPercent);
  rate('Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn và trước hạn', n.onTimePercent);
  const online = [
    n.onlinePrevPercent === null ? null : `${yearLabel(year, 1)} là ${percent(n.onlinePrevPercent)}`,
    n.onlineNowPercent === null ? null : `${yearLabel(year)} là ${percent(n.onlineNowPercent)}`,
  ].filter((x) => x !== null);
  if (online.length)
    figures.push(`Tỷ lệ tổ chức, người dân sử dụng dịch vụ công trực tuyến, dịch vụ bưu chính công ích: ${online.join('; ')}.`);
  if (n.innovation) figures.push('Có sáng tạo, đổi mới trong thực hiện 6 nội dung cải cách hành chính.');
  const ratings = [
    n.ratingPrev ? `${yearLabel(year, 1)}: ${RATING_LABEL[n.ratingPrev]}` : null,
    n.ratingNow ? `${yearLabel(year)}: ${RATING_LABEL[n.ratingNow]}` : null,
  ].filter((x) => x !== null);
  if (ratings.length) figures.push(`Xếp loại ${ratings.join('; ')}.`);
  if (n.initiativeRecognition.trim())
    figures.push(`Sáng kiến, giải pháp được công nhận: ${n.initiativeRecognition.normalize('NFC').trim().replace(/[.;]+$/, '')}.`);

  const votePercent =
    n.votesInFavour === null
      ? field(null, at(NOMINATION_COL.votesInFavour))
      : members.value
        ? known(`${formatNumber((n.votesInFavour / members.value) * 100)}%`)
        : { text: GAP, missing: members.missing };
  return {
    row: n.row,
    collective,
    kind: n.kind ? KIND_LABEL[n.kind] : (v.kind ?? GAP),
    name: field(n.name, `Đề nghị hàng ${n.row}: thiếu ${NOMINATION_COL.name}`),
    position: collective && !n.position.trim() ? unitName : field(n.position, at(NOMINATION_COL.position)),
    votes: field(n.votesInFavour, at(NOMINATION_COL.votesInFavour)),
    votePercent,
    summary: field(n.summary, at(NOMINATION_COL.summary)),
    figures,
    form07: form07(own, own || !n.name.trim() ? null : sheet ? noReportRow(n.unitCode, n.name.trim()) : NO_REPORT_SHEET),
  };
}

const NO_TEXTS = Object.fromEntries(REPORT_TEXT_KEYS.map((k) => [k, ''])) as Record<ReportTextKey, string>;

/** A nominee's form-07 facts; without a row every one is a dotted line. */
export function form07(r: NomineeReport | undefined, missing: string | null): Form07Facts {
  const texts: Record<ReportTextKey, string> = r ?? NO_TEXTS;
  return {
    ...Object.fromEntries(REPORT_TEXT_KEYS.map((k) => [k, texts[k]])),
    birthDate: r?.birthDate ? shortDate(r.birthDate) : '',
    sex: r?.sex ?? '',
    staff: r?.staff === null || r?.staff === undefined ? '' : String(r.staff),
    previousAwards: r?.previousAwards ?? [],
    missing,
    ...(r ? { row: r.row } : {}),
  } as Form07Facts;
}

/** Said once for the whole run when the workbook has no `Báo cáo thành tích` sheet. */
const DOTTED = 'để dòng chấm cho người được đề nghị tự ghi';
const NO_REPORT_SHEET = `Chưa có trang «${SHEET.reports}» («Khởi tạo bảng tính» thêm trang này): báo cáo thành tích ${DOTTED}.`;

/** The message for a nominee without a row in `Báo cáo thành tích` (their report keeps dotted lines). */
export const noReportRow = (unitCode: string, name: string): string =>
  `${SHEET.reports}: chưa có hàng cho «${name}» (đơn vị ${unitCode}); báo cáo ${DOTTED}.`;

/** The evaluation's units, dossier rows and ranking by unit code, built once for all dossiers. */
export interface UnitIndex {
  units: Map<string, Unit>;
  dossiers: Map<string, UnitDossier>;
  ranking: Map<string, RankedUnit>;
  /** `Báo cáo thành tích` rows by unit code and name key. */
  reports: Map<string, NomineeReport>;
  /** Whether the workbook has that sheet at all. */
  reportsSheet: boolean;
  legal: LegalBasis;
}

const reportKey = (unitCode: string, name: string) => `${unitCode}\u0000${normalizeKey(name)}`;

export function indexUnits(e: Evaluation): UnitIndex {
  // The first dossier row of a unit counts, as `find` would.
  const dossiers = new Map<string, UnitDossier>();
  for (const d of e.workbook.dossiers) if (!dossiers.has(d.unitCode)) dossiers.set(d.unitCode, d);
  return {
    units: new Map(e.workbook.units.map((u) => [u.code, u])),
    dossiers,
    ranking: new Map(e.result.ranking.map((r) => [r.unit, r])),
    reports: new Map((e.workbook.reports ?? []).map((r) => [reportKey(r.unitCode, r.name), r])),
    reportsSheet: e.workbook.reports !== undefined,
    legal: legalBasisOf(e.workbook),
  };
}

/** The facts of one unit's dossier; `nominees` are those the dossier proposes, in order. */
export function unitFacts(
  s: Settings,
  index: UnitIndex,
  unitCode: string,
  chosen: { nomination: Nomination; verdict: NominationVerdict }[],
): UnitFacts {
  const unit = index.units.get(unitCode);
  const d = index.dossiers.get(unitCode);
  const inDossier = (col: string) => `Hồ sơ đơn vị ${unitCode}: thiếu ${col}`;
  const unitName = field(unit?.name, `Đơn vị ${unitCode}: không có trong trang Đơn vị (thiếu ${UNIT_COL.name})`);
  const nameForPlace = unit?.name ?? '';
  const place = field(placeOf(nameForPlace, s.placeName.trim()), `Cấu hình: thiếu ${SETTING.placeName}`);
  const chair = field(d?.chair, inDossier(DOSSIER_COL.chair));
  const secretary = field(d?.secretary, inDossier(DOSSIER_COL.secretary));
  const rawNumber = d?.letterNumber.trim() ?? '';
  const v2 = unitFactsV2(unitCode, unit, d);
  const letterNumber = rawNumber.includes('/')
    ? known(rawNumber)
    : {
        text: `${rawNumber || GAP}/TTr-${v2.symbol.text}`,
        missing: rawNumber ? v2.symbol.missing : inDossier(DOSSIER_COL.letterNumber),
      };
  const letterDateMissing = inDossier(DOSSIER_COL.letterDate);
  const members = d?.members ?? null;
  const ranking = index.ranking.get(unitCode);
  const council = { value: members, missing: inDossier(DOSSIER_COL.members) };
  const nominees = chosen.map(({ nomination, verdict }) =>
    nomineeFacts(nomination, verdict, unitName, council, s.year, index.reports.get(reportKey(unitCode, nomination.name)), index.reportsSheet),
  );
  const movement = movementFacts(s);
  return {
    ...movement,
    unitCode,
    unitName,
    block: unit?.block ?? '',
    head: field(unit?.head, `Đơn vị ${unitCode}: thiếu ${UNIT_COL.head}`),
    place,
    meetingDate: { text: dayMonthYear(d?.meetingDate ?? null), missing: d?.meetingDate ? null : inDossier(DOSSIER_COL.meetingDate) },
    meetingDateShort: field(d?.meetingDate ? shortDate(d.meetingDate) : null, inDossier(DOSSIER_COL.meetingDate)),
    meetingPlace: field(d?.meetingPlace, inDossier(DOSSIER_COL.meetingPlace)),
    chair,
    chairName: nameOnly(chair),
    secretary,
    secretaryName: nameOnly(secretary),
    members: field(members, inDossier(DOSSIER_COL.members)),
    present: field(d?.present, inDossier(DOSSIER_COL.present)),
    letterNumber,
    letterDate: { text: dayMonthYear(d?.letterDate ?? null), missing: d?.letterDate ? null : letterDateMissing },
    letterDateShort: field(d?.letterDate ? shortDate(d.letterDate) : null, letterDateMissing),
    dateLine: { text: placeAndDate(place.text, d?.letterDate ?? null), missing: d?.letterDate ? place.missing : letterDateMissing },
    awardAuthority: awardingTitle(s).short,
    ranking,
    rankingSentence: rankingSentence(ranking, s.year),
    nominees,
    collectives: nominees.filter((n) => n.collective).length,
    individuals: nominees.filter((n) => !n.collective).length,
    v2,
    hasPlan: chosen.some((c) => c.nomination.kind === 'collective' && c.nomination.hasPlan),
    legal: index.legal,
  };
}

type MovementFacts = Pick<UnitFacts, 'movementName' | 'year' | 'issuer' | 'awardAuthorityFull' | 'launchDocument'>;

/** The values of the «Căn cứ» lines' movement placeholders. */
export const basisValuesOf = (m: MovementFacts): BasisValues => ({
  ten_phong_trao: m.movementName,
  nam: m.year,
  co_quan_phat_dong: m.issuer,
  van_ban_phat_dong: m.launchDocument,
  cap_khen_day_du: m.awardAuthorityFull,
});

/** The movement's own facts, from `Cấu hình`: what every document of every unit, and the awarding body's decision, cite. */
export function movementFacts(s: Settings): MovementFacts {
  const launch = s.launchDate ? ` ngày ${shortDate(s.launchDate)}` : '';
  const setting = (value: string | number | null, name: string) => field(value, `Cấu hình: thiếu ${name}`);
  const movementName = setting(s.movementName, SETTING.movementName);
  const year = setting(s.year, SETTING.year);
  const issuer = setting(s.issuer, SETTING.issuer);
  // A text built from settings is a gap-carrying field too: it names the first setting it lacks.
  const from = (text: string, ...parts: Field[]): Field => ({ text, missing: parts.find((p) => p.missing)?.missing ?? null });
  return {
    movementName,
    year,
    issuer,
    awardAuthorityFull: awardingTitle(s).full,
    launchDocument: from(`Phát động${launch} của ${issuer.text} về phong trào thi đua “${movementName.text}” năm ${year.text}`, issuer, movementName, year),
  };
}

/**
 * The signer's lines from `Quyền hạn ký` and `Chức danh người ký` (Decree 30): `TM.` on behalf
 * of a collective body (`TM. ỦY BAN NHÂN DÂN` / `CHỦ TỊCH`), `KT.` for the head by a deputy
 * (`KT. CHỦ TỊCH` / `PHÓ CHỦ TỊCH`), `Q.` acting (`Q. TRƯỞNG PHÒNG`). Nothing is guessed: a
 * missing title is a gap, and `KT.` needs a deputy's title (`PHÓ …`) to name the head.
 */
function signerLines(unitCode: string, unit: Unit | undefined): Field[] {
  const sign = unit?.signing;
  const gap = (what: string): Field => ({ text: GAP, missing: `Đơn vị ${unitCode}: ${what}` });
  const title = sign?.signerTitle ? known(sign.signerTitle) : gap(`thiếu ${UNIT_COL.signerTitle}`);
  switch (sign?.authority) {
    case 'TM.': {
      // On behalf of the collective body: `ỦY BAN NHÂN DÂN` for a People's Committee, else the unit itself.
      const body = peoplesCommitteeOf(unit?.name ?? '') === null ? upper(cleanText(unit?.name ?? '')) : 'ỦY BAN NHÂN DÂN';
      return [known(`TM. ${body}`), title];
    }
    case 'KT.': {
      const head = /^PHÓ\s+/.test(title.text) ? title.text.replace(/^PHÓ\s+/, '') : '';
      return [head ? known(`KT. ${head}`) : gap(`«KT.» cần ${UNIT_COL.signerTitle} cấp phó (PHÓ …)`), title];
    }
    case 'Q.':
      return [{ ...title, text: `Q. ${title.text}` }];
    default:
      return [title];
  }
}

const timeField = (t: { hour: number; minute: number } | null | undefined, missing: string): Field =>
  t ? known(timeWords(t)) : { text: `${GAP} giờ ${GAP} phút`, missing };

function unitFactsV2(unitCode: string, unit: Unit | undefined, d: UnitDossier | undefined): UnitFactsV2 {
  const inDossier = (col: string) => `Hồ sơ đơn vị ${unitCode}: thiếu ${col}`;
  const recipients = d?.recipients ?? [];
  return {
    symbol: field(unit?.signing?.symbol, `Đơn vị ${unitCode}: thiếu ${UNIT_COL.symbol}`),
    signerLines: signerLines(unitCode, unit),
    superior: unit?.signing?.superior ? unit.signing.superior : null,
    startTime: timeField(d?.startTime, inDossier(DOSSIER_COL.startTime)),
    endTime: timeField(d?.endTime, inDossier(DOSSIER_COL.endTime)),
    council: field(d?.council, inDossier(DOSSIER_COL.council)),
    votingMethod: field(d?.votingMethod ? d.votingMethod.toLocaleLowerCase('vi') : '', inDossier(DOSSIER_COL.votingMethod)),
    discussion: field(d?.discussion, inDossier(DOSSIER_COL.discussion)),
    recipients: recipients.length ? recipients.map(known) : [field('', inDossier(DOSSIER_COL.recipients))],
  };
}

/** v2 facts for a template's facts (the add-on's `Tạo mẫu hồ sơ`), where every one is a gap. */
export const v2Of = (f: UnitFacts): UnitFactsV2 => f.v2 ?? unitFactsV2(f.unitCode, undefined, undefined);
