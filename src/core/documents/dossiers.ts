/**
 * The dossier of rule D, per nominating unit: D1 minutes of the review meeting, D2 submission
 * letter with its list and summary table, D3 a report of achievements per nominee (form 07,
 * Decree 91/2017), each laid out as Decree 30/2020 says (D4).
 */
import type { Nomination, Settings } from '../model';
import type { Evaluation, NominationVerdict } from '../results';
import { legalBasisOf } from '../legalBasis';
import { basisLines, citedTexts } from './basis';
import type { BasisValues } from './basis';
import { Gaps, basisValuesOf, countsPhrase, form07, indexUnits, shownText, unitFacts, v2Of } from './facts';
import type { Form07Facts, NomineeFacts, UnitFacts, UnitIndex } from './facts';
import {
  attachmentTitle,
  basisPara,
  bodyPara,
  document,
  dottedPara,
  header,
  headingPara,
  listTable,
  numberLine,
  recipients,
  signature,
  signatureBlock,
  title,
} from './layout';
import type { DocModel } from './model';
import { UniqueNames } from './fileNames';
import { placeholderData } from './placeholders';
import type { PlaceholderData } from './placeholders';

export type DossierKind = 'D1' | 'D2' | 'D3';

export interface DossierDocument {
  kind: DossierKind;
  fileName: string;
  /** The file name without extension: a Google Doc's title. */
  title: string;
  doc: DocModel;
  /** What the workbook did not give, in Vietnamese, each naming where to fill it. */
  missing: string[];
  /** The `Đề nghị` row of a D3's nominee. */
  nominationRow?: number;
  /** The values of the `{{…}}` placeholders, for a user's own template of this document. */
  placeholders: PlaceholderData;
}

export interface UnitDossierDocs {
  unitCode: string;
  unitName: string;
  documents: DossierDocument[];
}

export interface Chosen {
  nomination: Nomination;
  verdict: NominationVerdict;
}

export interface DossierSelection {
  units: { unitCode: string; chosen: Chosen[] }[];
  /** Nominations that get no document, with why (for the run report). */
  excluded: string[];
}

/**
 * Which nominations a unit's dossier proposes: every row of `Đề nghị` whose verdict is
 * eligible. Quota (P4) and window (M3) problems are reported beside the verdict and do not
 * remove a nominee here: the unit fixes its list, the documents follow it. An ineligible
 * nomination gets no report (D3) and is not in the minutes or the letter; a unit with none
 * eligible gets no dossier. Order: the units as in `Đơn vị`, collectives before individuals,
 * then by row.
 */
export function selectForDossiers(e: Evaluation): DossierSelection {
  const verdicts = new Map(e.result.nominations.map((v) => [v.row, v]));
  const byUnit = new Map<string, Chosen[]>();
  const excluded: string[] = [];
  for (const nomination of e.workbook.nominations) {
    const verdict = verdicts.get(nomination.row);
    if (!verdict?.eligible) {
      const who = nomination.name.trim() ? ` (${nomination.name.trim()})` : '';
      excluded.push(
        `Đề nghị hàng ${nomination.row}${who}: không đủ điều kiện khen thưởng, không lập báo cáo thành tích và không đưa vào biên bản, tờ trình của đơn vị ${nomination.unitCode || '…'}.`,
      );
      continue;
    }
    const list = byUnit.get(nomination.unitCode) ?? [];
    list.push({ nomination, verdict });
    byUnit.set(nomination.unitCode, list);
  }
  const order = new Map(e.workbook.units.map((u, i) => [u.code, i]));
  const units = [...byUnit.entries()]
    .sort(([a], [b]) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity) || a.localeCompare(b))
    .map(([unitCode, chosen]) => ({
      unitCode,
      chosen: chosen.sort(
        (a, b) =>
          Number(a.nomination.kind !== 'collective') - Number(b.nomination.kind !== 'collective') ||
          a.nomination.row - b.nomination.row,
      ),
    }));
  return { units, excluded };
}

const quote = (f: UnitFacts, use: Gaps['use']) => `“${use(f.movementName)}” năm ${use(f.year)}`;

/** The header of a document the unit issues, with its symbol and superior from `Đơn vị`. */
function unitHeader(f: UnitFacts, use: Gaps['use'], number: string | null, dateLine: string | null) {
  return header({ unitName: use(f.unitName), movementIssuer: f.issuer.text, number, dateLine, superior: v2Of(f).superior });
}

/** «Nơi nhận» lines: the ones given (the standing body), then «Lưu: VT, <ký hiệu>». */
function recipientLines(f: UnitFacts, use: Gaps['use'], first: string[] = []): string[] {
  const v = v2Of(f);
  return [...first, ...v.recipients.map(use), `Lưu: VT, ${use(v.symbol)}`];
}

/** The unit's signer: authority and title from `Đơn vị`, the head's name. */
const unitSignature = (f: UnitFacts, use: Gaps['use'], note?: string) => signature(v2Of(f).signerLines.map(use), use(f.head), note);

/** The note under a signature that takes the unit's seal. */
const SEAL = '(Ký, đóng dấu)';

/** The legal preset of a unit's documents: the 2022 one for a template's facts. */
const legalOf = (f: UnitFacts) => f.legal ?? legalBasisOf({ settings: {} });

/** The values of the «Căn cứ» lines' placeholders in a unit's documents. */
const basisValues = (f: UnitFacts): BasisValues => ({
  ...basisValuesOf(f),
  ten_don_vi: f.unitName,
  ngay_hop: f.meetingDateShort,
});

/**
 * D1 — Biên bản họp xét (forms.md v2): start time, place, the council, members present, chair
 * and secretary, the criteria cited, the discussion, the voting method, each nominee's votes and
 * share, the conclusion, the closing time; the secretary signs left, the chair right; «Nơi nhận».
 * Minutes carry no place-and-date line.
 */
export function minutes(f: UnitFacts, gaps: Gaps): DocModel {
  const use = gaps.use;
  const v = v2Of(f);
  const unit = use(f.unitName);
  const council = use(v.council);
  const table = listTable(
    [
      { title: 'STT', widthMm: 12, align: 'center' },
      { title: 'Tên tập thể / Họ và tên', widthMm: 55 },
      { title: 'Hình thức', widthMm: 24, align: 'center' },
      { title: 'Số phiếu đồng ý', widthMm: 36, align: 'center' },
      { title: 'Tỷ lệ so với tổng số thành viên', widthMm: 38, align: 'center' },
    ],
    f.nominees.map((n, i) => [String(i + 1), use(n.name), n.kind, use(n.votes), use(n.votePercent)]),
  );
  const discussion = use(v.discussion).split('\n').filter((line) => line.trim());
  return document([
    unitHeader(f, use, numberLine('BB', use(v.symbol), ''), null),
    ...title('Biên bản', ['Họp xét đề nghị khen thưởng phong trào thi đua', quote(f, use)], { rule: true }),
    bodyPara(
      `Hôm nay, vào hồi ${use(v.startTime)}, ${use(f.meetingDate)}, tại ${use(f.meetingPlace)}, ${council} của ${unit} tổ chức họp xét đề nghị khen thưởng các tập thể, cá nhân có thành tích trong phong trào thi đua ${quote(f, use)}.`,
      { spaceBeforePt: 12 },
    ),
    headingPara('I. THÀNH PHẦN THAM DỰ'),
    bodyPara(`- Chủ trì: ${use(f.chair)};`),
    bodyPara(`- Thư ký: ${use(f.secretary)};`),
    bodyPara(`- Thành viên ${council}: tổng số ${use(f.members)} người; có mặt ${use(f.present)} người${absent(f)}.`),
    headingPara('II. NỘI DUNG'),
    bodyPara(
      `1. Tiêu chuẩn xét: căn cứ ${citedTexts(legalOf(f), basisValues(f), use)}, ${council} đã xem xét thành tích của từng tập thể, cá nhân được đề nghị.`,
    ),
    bodyPara('2. Ý kiến thảo luận:', { keepWithNext: true }),
    ...discussion.map((line) => bodyPara(line)),
    bodyPara(`3. Kết quả biểu quyết: ${council} biểu quyết bằng hình thức ${use(v.votingMethod)}; kết quả như sau:`, {
      spaceAfterPt: 6,
      keepWithNext: true,
    }),
    table,
    headingPara('III. KẾT LUẬN'),
    bodyPara(
      `Hội đồng thống nhất đề nghị ${use(f.awardAuthorityFull)} xem xét, tặng Giấy khen cho ${countsPhrase(f.collectives, f.individuals)} có tên trên, đã có thành tích xuất sắc trong phong trào thi đua ${quote(f, use)}.`,
    ),
    bodyPara(
      `Cuộc họp kết thúc vào hồi ${use(v.endTime)} cùng ngày. Biên bản đã được thông qua tại cuộc họp và được các thành viên dự họp nhất trí./.`,
    ),
    signatureBlock(signature(['Thư ký'], use(f.secretaryName)), signature(['Chủ trì'], use(f.chairName)), recipients(recipientLines(f, use))),
  ]);
}

/** `, vắng mặt 1 người` when someone is absent (a missing count is `…`, not a number: nothing said). */
function absent(f: UnitFacts): string {
  const absentees = Number(f.members.text) - Number(f.present.text);
  return absentees > 0 ? `, vắng mặt ${absentees} người` : '';
}

/**
 * The letter's paragraph on the unit's results, as the unit writes it: what it did (its plan,
 * when its collective nominee says it has one), its CCHC index and rank, and its meeting.
 */
function resultsParagraph(f: UnitFacts, use: Gaps['use']): string {
  const unit = use(f.unitName);
  return [
    `Thực hiện phong trào thi đua ${quote(f, use)} do ${use(f.issuer)} phát động, ${unit} đã ${f.hasPlan ? 'ban hành kế hoạch, ' : ''}tổ chức triển khai phong trào đến toàn thể cán bộ, công chức.`,
    f.rankingSentence ? ` Kết quả, ${lowerFirst(f.rankingSentence)}.` : '',
    ` Ngày ${use(f.meetingDateShort)}, ${unit} đã tổ chức họp xét, lựa chọn các tập thể, cá nhân tiêu biểu để đề nghị khen thưởng.`,
  ].join('');
}

const lowerFirst = (text: string) => text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);

/**
 * D2 — Tờ trình (forms.md v2): the subject under `TỜ TRÌNH` without «V/v», a drawn short rule
 * under it, the results paragraph, the proposal, «Nơi nhận» with «Lưu: VT, <ký hiệu>.», and the
 * list and summary table attached, their dates in words.
 */
export function submission(f: UnitFacts, gaps: Gaps): DocModel {
  const use = gaps.use;
  const unit = use(f.unitName);
  const number = use(f.letterNumber);
  const attached = `(Kèm theo Tờ trình số ${number} ${use(f.letterDate)} của ${unit})`;
  const subject = `Đề nghị tặng Giấy khen của ${use(f.awardAuthority)}`;
  return document([
    unitHeader(f, use, `Số: ${number}`, use(f.dateLine)),
    ...title('Tờ trình', [subject], { rule: true }),
    bodyPara(`Kính gửi: ${use(f.awardAuthorityFull)}.`, { align: 'center', indent: false, spaceBeforePt: 12, spaceAfterPt: 6 }),
    ...basisLines(legalOf(f), 'submission', basisValues(f), use).map(basisPara),
    bodyPara(resultsParagraph(f, use)),
    bodyPara(
      `${unit} kính đề nghị ${use(f.awardAuthorityFull)} xem xét, tặng Giấy khen cho ${countsPhrase(f.collectives, f.individuals)} đã có thành tích xuất sắc trong phong trào thi đua ${quote(f, use)} (có danh sách và biểu tóm tắt thành tích kèm theo).`,
    ),
    bodyPara(`Kính trình ${use(f.awardAuthorityFull)} xem xét, quyết định./.`),
    signatureBlock(recipients(recipientLines(f, use, ['Như trên'])), unitSignature(f, use)),

    ...attachmentTitle('Danh sách', [subject, attached]),
    listTable(
      [
        { title: 'STT', widthMm: 12, align: 'center' },
        { title: 'Tên tập thể, cá nhân', widthMm: 55 },
        { title: 'Chức vụ, đơn vị công tác', widthMm: 68 },
        { title: 'Hình thức', widthMm: 30, align: 'center' },
      ],
      f.nominees.map((n, i) => [String(i + 1), use(n.name), use(n.position), n.kind]),
    ),

    ...attachmentTitle('Biểu tóm tắt thành tích', [subject, attached]),
    listTable(
      [
        { title: 'STT', widthMm: 12, align: 'center' },
        { title: 'Tên tập thể, cá nhân', widthMm: 48 },
        { title: 'Tóm tắt thành tích', widthMm: 105, align: 'justify' },
      ],
      f.nominees.map((n, i) => [String(i + 1), use(n.name), use(n.summary)]),
    ),
  ]);
}

/** `label: value.` when known, else the label and a dotted line for the nominee to write. */
const line = (label: string, value: string) => (value ? bodyPara(`${label}: ${value.replace(/[.;,]+$/, '')}.`) : dottedPara(`${label}: `));

/** Long text as paragraphs, or dotted lines where the nominee writes it. */
const long = (value: string, lines = 2) =>
  value
    ? value.split('\n').filter((l) => l.trim()).map((l) => bodyPara(l))
    : Array.from({ length: lines }, () => dottedPara(''));

/** III: the awards already received; empty rows for the nominee to fill when none are given. */
function awardsTable(f: Form07Facts) {
  const rows = f.previousAwards.length ? f.previousAwards.map((a) => [a.year, a.form, a.decision, a.issuer]) : [['', '', '', ''], ['', '', '', '']];
  // A short table that stays with its heading and the signatures below it.
  const table = listTable(
    [
      { title: 'Năm', widthMm: 20, align: 'center' },
      { title: 'Hình thức khen thưởng', widthMm: 45 },
      { title: 'Số, ngày, tháng, năm của quyết định khen thưởng', widthMm: 55 },
      { title: 'Cơ quan ban hành quyết định', widthMm: 45 },
    ],
    rows,
  );
  return { ...table, keepTogether: true };
}

const FULL_NAME_NOTE = '(Ghi đầy đủ bằng chữ in thường, không viết tắt)';

/**
 * D3 — Báo cáo thành tích, form 07 of Decree 91/2017 as commonly reproduced (forms.md v2), or
 * under the `2025` preset the provincial-style form of Decree 152/2025 (a thematic movement's
 * report, the name asked in full under its line; forms.md «v2»): for an
 * individual I. SƠ LƯỢC LÝ LỊCH, for a collective I. THÔNG TIN CHUNG; II. THÀNH TÍCH ĐẠT ĐƯỢC;
 * III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG; both signature blocks. Pre-filled from `Đề nghị` and
 * `Báo cáo thành tích`; what only the nominee knows is a dotted line.
 */
export function report(f: UnitFacts, n: NomineeFacts, gaps: Gaps): DocModel {
  const use = gaps.use;
  const unit = use(f.unitName);
  const name = use(n.name);
  const own = n.form07 ?? form07(undefined, null);
  if (own.missing) gaps.use({ text: '', missing: own.missing });
  const figures = [...(n.collective && f.rankingSentence ? [`${f.rankingSentence}.`] : []), ...n.figures];
  const summary = use(n.summary).split('\n').filter((l) => l.trim());
  const achieved = [
    ...(own.measures ? [bodyPara('a) Biện pháp thực hiện:', { keepWithNext: true }), ...long(own.measures)] : []),
    ...(own.measures ? [bodyPara('b) Kết quả đạt được:', { keepWithNext: true })] : []),
    ...(own.results ? long(own.results) : []),
    ...figures.map((l) => bodyPara(`- ${l}`)),
    ...summary.map((l) => bodyPara(`- ${l}`)),
  ];
  // II: the first item differs (a collective's situation, an individual's duties), then what was achieved.
  const achievements = (first: string, text: string) => [
    headingPara('II. THÀNH TÍCH ĐẠT ĐƯỢC'),
    bodyPara(first, { keepWithNext: true }),
    ...long(text),
    bodyPara('2. Thành tích đạt được:', { keepWithNext: true }),
    ...achieved,
  ];
  // The provincial-style form under Decree 152/2025 asks the name in full, in lower case, unabbreviated.
  const province = legalOf(f).preset.report === 'province-2025';
  const nameNote = province ? [bodyPara(FULL_NAME_NOTE, { italic: true, indent: false })] : [];
  const general = n.collective
    ? [
        headingPara('I. THÔNG TIN CHUNG'),
        bodyPara(`1. Tên tập thể: ${name}.`),
        ...nameNote,
        line('2. Địa chỉ trụ sở', own.address),
        line('3. Điện thoại', [own.phone, own.email ? `Email: ${own.email}` : ''].filter(Boolean).join('; ')),
        line('4. Cơ cấu tổ chức', own.structure),
        line('5. Tổng số cán bộ, công chức', own.staff ? `${own.staff} người` : ''),
        line('6. Chức năng, nhiệm vụ', own.functions),
        ...achievements('1. Đặc điểm tình hình:', own.situation),
      ]
    : [
        headingPara('I. SƠ LƯỢC LÝ LỊCH'),
        bodyPara(`1. Họ và tên: ${name}.`),
        ...nameNote,
        line('2. Sinh ngày, tháng, năm', own.birthDate),
        line('3. Giới tính', own.sex),
        line('4. Quê quán', own.homeTown),
        line('5. Trú quán', own.residence),
        bodyPara(`6. Đơn vị công tác: ${unit}.`),
        bodyPara(`7. Chức vụ: ${use(n.position)}.`),
        line('8. Trình độ chuyên môn, nghiệp vụ', own.qualifications),
        line('9. Học hàm, học vị, danh hiệu', own.academicTitles),
        ...achievements('1. Quyền hạn, nhiệm vụ được giao:', own.duties),
      ];
  const signatures = n.collective
    ? signatureBlock(signature(['Xác nhận của cấp trình khen thưởng'], '', SEAL), unitSignature(f, use, SEAL))
    : signatureBlock(
        signature(['Thủ trưởng đơn vị', 'xác nhận, đề nghị'], use(f.head), SEAL),
        signature(['Người báo cáo thành tích'], name, '(Ký, ghi rõ họ và tên)'),
      );
  return document([
    unitHeader(f, use, null, use(f.dateLine)),
    ...title('Báo cáo thành tích', [`Đề nghị tặng Giấy khen của ${use(f.awardAuthority)}`, `(Thành tích trong phong trào thi đua ${province ? 'theo chuyên đề ' : ''}${quote(f, use)})`], {
      italicLast: true,
      rule: true,
    }),
    ...general,
    headingPara('III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG'),
    awardsTable(own),
    signatures,
  ]);
}


const KIND_TITLE: Record<DossierKind, string> = {
  D1: 'Biên bản họp xét',
  D2: 'Tờ trình',
  D3: 'Báo cáo thành tích',
};

/** Every unit's dossier documents, built from the evaluation alone. */
export function buildDossiers(e: Evaluation): UnitDossierDocs[] {
  return [...dossiersByUnit(e)];
}

/** A unit's part of the run, decided before any document is built: its nominees and its files' names. */
export interface UnitPlan {
  unitCode: string;
  chosen: Chosen[];
  /** D1, D2, then one D3 per nominee in `chosen`'s order. */
  fileNames: string[];
}

/**
 * Every unit's plan, in order. The names are unique across the whole run (two nominees of one
 * unit may share a name; file systems may ignore case), so they are handed out here, once, in
 * order; each unit's documents can then be built apart from the others (the CLI builds some on
 * a second thread).
 */
export function planDossiers(e: Evaluation, index: UnitIndex = indexUnits(e)): UnitPlan[] {
  const names = new UniqueNames();
  return selectForDossiers(e).units.map(({ unitCode, chosen }) => {
    const prefix = `${unitCode} - ${shownText(index.units.get(unitCode)?.name) || unitCode}`;
    return {
      unitCode,
      chosen,
      fileNames: [
        names.take(`${prefix} - ${KIND_TITLE.D1}`),
        names.take(`${prefix} - ${KIND_TITLE.D2}`),
        ...chosen.map(({ nomination: n }) => names.take(`${prefix} - ${KIND_TITLE.D3} - ${shownText(n.name) || `hàng ${n.row}`}`, n.row)),
      ],
    };
  });
}

/**
 * What a run's dossiers are made from: the settings, the units' index and every unit's plan. A
 * unit's documents need nothing else, so this is what a second thread is given (a third of the
 * evaluation's size to copy at province scale).
 */
export interface DossierWork {
  settings: Settings;
  index: UnitIndex;
  plans: UnitPlan[];
}

export function dossierWork(e: Evaluation): DossierWork {
  const index = indexUnits(e);
  return { settings: e.workbook.settings, index, plans: planDossiers(e, index) };
}

/** The documents of the unit at `position` in the work's plans, as its plan names them. */
export function unitDossier(work: DossierWork, position: number): UnitDossierDocs {
  const plan = work.plans[position] as UnitPlan;
  const f = unitFacts(work.settings, work.index, plan.unitCode, plan.chosen);
  const make = (kind: DossierKind, fileName: string, build: (g: Gaps) => DocModel, n?: NomineeFacts): DossierDocument => {
    const gaps = new Gaps();
    const doc = build(gaps);
    return {
      kind,
      fileName,
      title: fileName.slice(0, -'.docx'.length),
      doc,
      missing: gaps.list,
      ...(n ? { nominationRow: n.row } : {}),
      placeholders: placeholderData(f, n),
    };
  };
  const [minutesName = '', submissionName = '', ...reportNames] = plan.fileNames;
  return {
    unitCode: plan.unitCode,
    unitName: f.unitName.text,
    documents: [
      make('D1', minutesName, (g) => minutes(f, g)),
      make('D2', submissionName, (g) => submission(f, g)),
      ...f.nominees.map((n, i) => make('D3', reportNames[i] ?? '', (g) => report(f, n, g), n)),
    ],
  };
}

/**
 * Every unit's dossier documents, one unit at a time: a host writing a province's thousands of
 * documents keeps only one unit's models alive, not all of them.
 */
export function* dossiersByUnit(e: Evaluation): Generator<UnitDossierDocs> {
  const work = dossierWork(e);
  for (let i = 0; i < work.plans.length; i++) yield unitDossier(work, i);
}
