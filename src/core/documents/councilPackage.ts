/**
 * The package for the council and the Chairman (issue 11, forms.md «The district's own
 * documents»), from the dossiers accepted at intake (`Đủ`): the standing body's Tờ trình with the
 * list attached, the minutes of the emulation council's meeting, and the Chairman's decision
 * (Decree 30 appendix III, form 1.2) with its `DANH SÁCH` annex. One layout (./layout) for both hosts.
 */
import { readDate, readNumber, readText } from '../cells';
import { COUNCIL_COL, EXTRA_SETTING, SETTINGS_HEADER, SHEET, UNIT_COL } from '../contract';
import { acceptedUnits, checkIntake } from '../intake';
import type { IntakeEntry } from '../intake';
import type { CalendarDate, WorkbookError, WorkbookInput } from '../model';
import type { AwardEntry, Evaluation } from '../results';
import { findSheet, readTable } from '../sheets';
import { cleanText, normalizeKey } from '../text';
import { Gaps, basisValuesOf, countsPhrase, movementFacts } from './facts';
import { awardingTitle, basisLines } from './basis';
import { legalBasisOf } from '../legalBasis';
import type { Field } from './facts';
import { safeFileName } from './fileNames';
import {
  GAP,
  attachmentTitle,
  basisPara,
  bodyPara,
  dayMonthYear,
  document,
  header,
  headingPara,
  listTable,
  para,
  placeAndDate,
  recipients,
  shortBodyName,
  shortDate,
  signature,
  signatureBlock,
  title,
  upper,
} from './layout';
import type { DocModel, Paragraph } from './model';

export type PackageKind = 'TTr' | 'BB' | 'QĐ';

export interface PackageDocument {
  kind: PackageKind;
  fileName: string;
  /** The file name without extension: a Google Doc's title. */
  title: string;
  doc: DocModel;
  /** What the workbook did not give, each naming where to fill it. */
  missing: string[];
}

export interface CouncilPackage {
  documents: PackageDocument[];
  /** The units' intake, as checked now (the same list `Tiếp nhận hồ sơ` shows). */
  intake: IntakeEntry[];
  /** The awards the package proposes: the award list of the accepted units, numbered again. */
  awards: AwardEntry[];
}

export interface CouncilMember {
  name: string;
  position: string;
  role: string;
}

const known = (text: string): Field => ({ text, missing: null });
const fieldOf = (text: string, missing: string): Field => (text ? known(text) : { text: GAP, missing });

/** What the closing documents read from `Cấu hình` beyond the movement's settings. */
interface ClosingSettings {
  decisionNumber: string;
  decisionDate: CalendarDate | null;
  collectiveAmount: number | null;
  individualAmount: number | null;
  standingBody: string;
  submissionNumber: string;
  submissionDate: CalendarDate | null;
  meetingDate: CalendarDate | null;
  problems: string[];
}

/** Reads the issue-11 settings; an unreadable value is named and treated as missing. */
export function readClosingSettings(input: WorkbookInput): ClosingSettings {
  const sheet = findSheet(input, SHEET.settings);
  const errors: WorkbookError[] = [];
  const rows = sheet ? readTable(sheet, SETTINGS_HEADER, errors).rows : [];
  const byKey = new Map<string, (typeof rows)[number]>();
  for (const row of rows) {
    const key = normalizeKey(readText(row.cell('key')));
    if (!byKey.has(key)) byKey.set(key, row);
  }
  const problems: string[] = [];
  const cell = (name: string) => byKey.get(normalizeKey(name))?.cell('value') ?? null;
  const text = (name: string) => readText(cell(name), input.timeZone);
  const date = (name: string) => {
    const read = readDate(cell(name), input.timeZone);
    if (!read.ok) problems.push(`${SHEET.settings}: «${name}» — ${read.message}`);
    return read.ok ? read.value : null;
  };
  const amount = (name: string) => {
    const raw = cell(name);
    // `500.000` and `500 000` as people write money; a plain number as it stands.
    const read = readNumber(typeof raw === 'string' ? raw.replace(/[.\s]|đồng|đ/gi, '') : raw);
    if (!read.ok || (read.value !== null && (read.value < 0 || !Number.isInteger(read.value)))) {
      problems.push(`${SHEET.settings}: «${name}» phải là số tiền bằng đồng, ví dụ 500000; đang bỏ qua.`);
      return null;
    }
    return read.value || null;
  };
  return {
    decisionNumber: text(EXTRA_SETTING.awardDecisionNumber),
    decisionDate: date(EXTRA_SETTING.awardDecisionDate),
    collectiveAmount: amount(EXTRA_SETTING.collectivePrizeAmount),
    individualAmount: amount(EXTRA_SETTING.individualPrizeAmount),
    standingBody: text(EXTRA_SETTING.standingBody) || 'Phòng Nội vụ',
    submissionNumber: text(EXTRA_SETTING.closingSubmissionNumber),
    submissionDate: date(EXTRA_SETTING.closingSubmissionDate),
    meetingDate: date(EXTRA_SETTING.councilMeetingDate),
    problems,
  };
}

/** The members of `Hội đồng thi đua`, in the sheet's order (none when the sheet is absent). */
export function readCouncil(input: WorkbookInput): CouncilMember[] {
  const sheet = findSheet(input, SHEET.council);
  if (!sheet) return [];
  return readTable(sheet, COUNCIL_COL, [], ['position', 'role'])
    .rows.map((row) => ({
      name: readText(row.cell('name'), input.timeZone),
      position: readText(row.cell('position'), input.timeZone),
      role: readText(row.cell('role'), input.timeZone),
    }))
    .filter((m) => m.name);
}

/** `500.000 đồng`. */
const money = (amount: number) => `${String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, '.')} đồng`;

/** `125/QĐ-UBND` as typed, or the bare number completed with the type and symbol. */
const fullNumber = (typed: string, type: string, symbol: string) => (typed.includes('/') ? typed : `${typed || GAP}/${type}-${symbol}`);

const quote = (e: Evaluation) => {
  const s = e.workbook.settings;
  return `“${s.movementName || GAP}” năm ${s.year ?? GAP}`;
};

/** The chosen awards, numbered again per kind (collectives, then individuals) as the annex lists them. */
function renumber(list: AwardEntry[]): AwardEntry[] {
  const counters = { collective: 0, individual: 0 };
  return list.map((a) => ({ ...a, number: ++counters[a.nomination.kind === 'individual' ? 'individual' : 'collective'] }));
}

/** The Chairman's own line: `CHỦ TỊCH`, or `KT. CHỦ TỊCH` / `PHÓ CHỦ TỊCH` for a deputy. */
function chairmanLines(signerTitle: string): string[] {
  const t = upper(cleanText(signerTitle || 'Chủ tịch'));
  return /^PHÓ\s+/.test(t) ? [`KT. ${t.replace(/^PHÓ\s+/, '')}`, t] : [t];
}

/**
 * The awards the Chairman decides: once the office keeps `Tiếp nhận hồ sơ`, the award list's
 * entries of the units whose dossier is `Đủ`, numbered again; without that sheet (the intake kept
 * elsewhere), the award list as it is. The decision, its list and the certificates take this one list.
 */
export function decidedAwards(e: Evaluation, input: WorkbookInput, intake?: IntakeEntry[]): AwardEntry[] {
  const sheet = findSheet(input, SHEET.intake);
  if (!sheet?.values.length) return e.awardList;
  const accepted = acceptedUnits(intake ?? checkIntake(e, sheet, input.timeZone).entries);
  return renumber(e.awardList.filter((a) => accepted.has(normalizeKey(a.nomination.unitCode))));
}

/** Builds the three documents; `input` is the workbook as read (settings, `Tiếp nhận hồ sơ`, `Hội đồng thi đua`). */
export function buildCouncilPackage(e: Evaluation, input: WorkbookInput): CouncilPackage {
  const s = e.workbook.settings;
  const c = readClosingSettings(input);
  const intake = checkIntake(e, findSheet(input, SHEET.intake), input.timeZone).entries;
  const awards = decidedAwards(e, input, intake);
  const units = new Map(e.workbook.units.map((u) => [normalizeKey(u.code), u]));
  const members = readCouncil(input);
  const standing = e.workbook.units.find((u) => normalizeKey(u.name) === normalizeKey(c.standingBody));
  const issuer = s.issuer || GAP;
  const { short, full } = awardingTitle(s);
  const authority = short.text;
  const authorityFull = full.text;
  const collectives = awards.filter((a) => a.nomination.kind !== 'individual');
  const individuals = awards.filter((a) => a.nomination.kind === 'individual');
  const counts = countsPhrase(collectives.length, individuals.length) || `00 tập thể, cá nhân`;
  const unitName = (a: AwardEntry) => units.get(normalizeKey(a.nomination.unitCode))?.name ?? a.nomination.unitCode;
  const position = (a: AwardEntry) => a.nomination.position.trim() || unitName(a);

  const settingGap = (name: string) => `${SHEET.settings}: thiếu «${name}»`;
  const decisionNumber = fieldOf(c.decisionNumber, settingGap(EXTRA_SETTING.awardDecisionNumber));
  const decisionDate: Field = c.decisionDate ? known(dayMonthYear(c.decisionDate)) : { text: dayMonthYear(null), missing: settingGap(EXTRA_SETTING.awardDecisionDate) };
  const submissionDate: Field = c.submissionDate
    ? known(shortDate(c.submissionDate))
    : { text: GAP, missing: settingGap(EXTRA_SETTING.closingSubmissionDate) };
  const standingSymbol = fieldOf(standing?.signing?.symbol ?? '', `${SHEET.units}: chưa có «${c.standingBody}» với «${UNIT_COL.symbol}»`);

  const make = (kind: PackageKind, name: string, build: (g: Gaps) => DocModel): PackageDocument => {
    const gaps = new Gaps();
    for (const p of c.problems) gaps.use({ text: '', missing: p });
    const doc = build(gaps);
    const fileName = safeFileName(name, '.docx');
    return { kind, fileName, title: fileName.slice(0, -'.docx'.length), doc, missing: gaps.list };
  };

  /** The annex list: I. TẬP THỂ, then II. CÁ NHÂN, each numbered. */
  const annex = (): (Paragraph | ReturnType<typeof listTable>)[] => [
    ...(collectives.length
      ? [headingPara('I. TẬP THỂ'), listTable(
          [{ title: 'STT', widthMm: 14, align: 'center' }, { title: 'Tên tập thể', widthMm: 151 }],
          collectives.map((a) => [String(a.number), a.nomination.name]),
        )]
      : []),
    ...(individuals.length
      ? [headingPara(collectives.length ? 'II. CÁ NHÂN' : 'I. CÁ NHÂN'), listTable(
          [{ title: 'STT', widthMm: 14, align: 'center' }, { title: 'Họ và tên', widthMm: 55 }, { title: 'Chức vụ, đơn vị công tác', widthMm: 96 }],
          individuals.map((a) => [String(a.number), a.nomination.name, position(a)]),
        )]
      : []),
  ];

  // ---------- Tờ trình of the standing body ----------
  const submission = make('TTr', 'Tờ trình đề nghị khen thưởng', (gaps) => {
    const use = gaps.use;
    const place = fieldOf(s.placeName, settingGap('Địa danh'));
    const number = c.submissionNumber
      ? fullNumber(c.submissionNumber, 'TTr', use(standingSymbol))
      : `${use(fieldOf('', settingGap(EXTRA_SETTING.closingSubmissionNumber)))}/TTr-${use(standingSymbol)}`;
    const count = (status: string) => intake.filter((x) => x.status === status).length;
    const blocks = [...new Set(awards.map((a) => units.get(normalizeKey(a.nomination.unitCode))?.block ?? ''))];
    const byBlock = blocks.map((block, i) => {
      const inBlock = awards.filter((a) => (units.get(normalizeKey(a.nomination.unitCode))?.block ?? '') === block);
      const unitsIn = new Set(inBlock.map((a) => normalizeKey(a.nomination.unitCode))).size;
      const kinds = inBlock.filter((a) => a.nomination.kind !== 'individual').length;
      return [String(i + 1), block || GAP, String(unitsIn), String(kinds), String(inBlock.length - kinds)];
    });
    const signerLines = standing?.signing?.signerTitle
      ? [standing.signing.authority ? `${standing.signing.authority} ${standing.signing.signerTitle}` : standing.signing.signerTitle]
      : [use(fieldOf('', `${SHEET.units}: chưa có «${c.standingBody}» với «${UNIT_COL.signerTitle}»`))];
    const subject = `Về việc đề nghị tặng Giấy khen của ${authority}`;
    return document([
      header({ unitName: c.standingBody, movementIssuer: issuer, number: `Số: ${number}`, dateLine: c.submissionDate ? placeAndDate(use(place), c.submissionDate) : `${use(place)}, ${dayMonthYear(null)}` }),
      ...title('Tờ trình', [subject], { rule: true }),
      bodyPara(`Kính gửi: ${authorityFull}.`, { align: 'center', indent: false, spaceBeforePt: 12, spaceAfterPt: 6 }),
      basisPara('Căn cứ Luật Thi đua, Khen thưởng; Nghị định số 91/2017/NĐ-CP ngày 31/7/2017 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;'),
      basisPara(`Căn cứ Phát động${s.launchDate ? ` ngày ${shortDate(s.launchDate)}` : ''} của ${issuer} về phong trào thi đua ${quote(e)};`),
      basisPara(`Căn cứ kết quả họp Hội đồng Thi đua - Khen thưởng ${c.meetingDate ? dayMonthYear(c.meetingDate) : use({ text: dayMonthYear(null), missing: settingGap(EXTRA_SETTING.councilMeetingDate) })}.`),
      bodyPara(`${c.standingBody} đã tiếp nhận hồ sơ đề nghị khen thưởng của ${intake.length} đơn vị: ${count('Đủ')} hồ sơ đủ thành phần và điều kiện, ${count('Thiếu')} hồ sơ còn thiếu, ${count('Trả lại')} hồ sơ trả lại. Kết quả thẩm định theo từng khối như sau:`, { keepWithNext: true }),
      listTable(
        [
          { title: 'STT', widthMm: 12, align: 'center' },
          { title: 'Khối', widthMm: 63 },
          { title: 'Số đơn vị đề nghị', widthMm: 30, align: 'center' },
          { title: 'Tập thể', widthMm: 30, align: 'center' },
          { title: 'Cá nhân', widthMm: 30, align: 'center' },
        ],
        byBlock,
      ),
      bodyPara(`${c.standingBody} kính trình ${authorityFull} xem xét, tặng Giấy khen cho ${counts} đã có thành tích xuất sắc trong phong trào thi đua ${quote(e)} (có danh sách kèm theo).`),
      bodyPara(`Kính trình ${authorityFull} xem xét, quyết định./.`),
      signatureBlock(recipients(['Như trên', 'Lưu: VT']), signature(signerLines, use(fieldOf(standing?.head ?? '', `${SHEET.units}: chưa có «${c.standingBody}» với «${UNIT_COL.head}»`)))),
      ...attachmentTitle('Danh sách', ['Tập thể, cá nhân đề nghị tặng Giấy khen', `(Kèm theo Tờ trình số ${number} ngày ${use(submissionDate)} của ${c.standingBody})`]),
      ...annex(),
    ]);
  });

  // ---------- Biên bản họp Hội đồng Thi đua – Khen thưởng ----------
  const minutes = make('BB', 'Biên bản họp Hội đồng Thi đua - Khen thưởng', (gaps) => {
    const use = gaps.use;
    const councilGap = `Chưa có trang «${SHEET.council}» (hoặc chưa có thành viên): ghi họ tên, chức vụ, nhiệm vụ của từng thành viên Hội đồng`;
    const byRole = (role: string) => members.find((m) => normalizeKey(m.role) === normalizeKey(role));
    const chair = byRole('Chủ tịch Hội đồng');
    const secretary = byRole('Thư ký');
    const who = (m: CouncilMember | undefined, role: string) =>
      use(m ? known(m.position ? `${m.name}, ${m.position}` : m.name) : { text: GAP, missing: `${SHEET.council}: chưa có người có nhiệm vụ «${role}»` });
    const votesGap = 'Biên bản Hội đồng: số phiếu đồng ý của từng tập thể, cá nhân ghi sau khi biểu quyết';
    return document([
      header({ unitName: 'Hội đồng Thi đua - Khen thưởng', movementIssuer: issuer, number: null, dateLine: null }),
      ...title('Biên bản', ['Họp Hội đồng Thi đua - Khen thưởng', `xét khen thưởng phong trào thi đua ${quote(e)}`], { rule: true }),
      bodyPara(`Hôm nay, ${c.meetingDate ? dayMonthYear(c.meetingDate) : use({ text: dayMonthYear(null), missing: settingGap(EXTRA_SETTING.councilMeetingDate) })}, Hội đồng Thi đua - Khen thưởng ${shortBodyName(issuer)} họp xét đề nghị khen thưởng các tập thể, cá nhân có thành tích trong phong trào thi đua ${quote(e)}.`, { spaceBeforePt: 12 }),
      headingPara('I. THÀNH PHẦN THAM DỰ'),
      bodyPara(`- Chủ trì: ${who(chair, 'Chủ tịch Hội đồng')};`),
      bodyPara(`- Thư ký: ${who(secretary, 'Thư ký')};`),
      bodyPara(`- Thành viên Hội đồng: tổng số ${members.length ? members.length : use({ text: GAP, missing: councilGap })} người, gồm:`, { keepWithNext: true }),
      listTable(
        [{ title: 'STT', widthMm: 12, align: 'center' }, { title: 'Họ và tên', widthMm: 50 }, { title: 'Chức vụ', widthMm: 60 }, { title: 'Nhiệm vụ trong Hội đồng', widthMm: 43 }],
        members.length ? members.map((m, i) => [String(i + 1), m.name, m.position || GAP, m.role || GAP]) : [['1', GAP, GAP, GAP]],
      ),
      headingPara('II. NỘI DUNG'),
      bodyPara(`1. ${c.standingBody} báo cáo kết quả tiếp nhận, thẩm định hồ sơ: ${intake.length} đơn vị gửi hồ sơ, ${intake.filter((x) => x.status === 'Đủ').length} hồ sơ đủ điều kiện trình Hội đồng.`),
      bodyPara('2. Kết quả biểu quyết của Hội đồng đối với từng tập thể, cá nhân:', { keepWithNext: true, spaceAfterPt: 6 }),
      listTable(
        [
          { title: 'STT', widthMm: 12, align: 'center' },
          { title: 'Tên tập thể / Họ và tên', widthMm: 55 },
          { title: 'Đơn vị', widthMm: 43 },
          { title: 'Hình thức', widthMm: 20, align: 'center' },
          { title: 'Số phiếu đồng ý', widthMm: 35, align: 'center' },
        ],
        awards.map((a, i) => [String(i + 1), a.nomination.name, unitName(a), a.verdict.kind ?? GAP, use({ text: `${GAP}/${members.length || GAP}`, missing: votesGap })]),
      ),
      headingPara('III. KẾT LUẬN'),
      bodyPara(`Hội đồng thống nhất đề nghị ${authorityFull} tặng Giấy khen cho ${counts} có tên trên./.`),
      signatureBlock(
        signature(['Thư ký'], secretary?.name ?? use({ text: GAP, missing: `${SHEET.council}: chưa có người có nhiệm vụ «Thư ký»` })),
        signature(['Chủ tịch Hội đồng'], chair?.name ?? use({ text: GAP, missing: `${SHEET.council}: chưa có người có nhiệm vụ «Chủ tịch Hội đồng»` })),
      ),
    ]);
  });

  // ---------- Quyết định khen thưởng (Decree 30 appendix III, form 1.2) ----------
  const decision = make('QĐ', 'Quyết định khen thưởng', (gaps) => {
    const use = gaps.use;
    const number = c.decisionNumber ? fullNumber(c.decisionNumber, 'QĐ', 'UBND') : `${use(decisionNumber)}/QĐ-UBND`;
    const place = s.placeName || GAP;
    const subject = `Về việc tặng Giấy khen cho các tập thể, cá nhân đã có thành tích xuất sắc trong phong trào thi đua ${quote(e)}`;
    const prize = [
      c.collectiveAmount && collectives.length ? `mỗi tập thể được thưởng ${money(c.collectiveAmount)}` : '',
      c.individualAmount && individuals.length ? `mỗi cá nhân được thưởng ${money(c.individualAmount)}` : '',
    ].filter(Boolean);
    const articles = [
      `Điều 1. Tặng Giấy khen của ${authority} cho ${counts} (có danh sách kèm theo) đã có thành tích xuất sắc trong phong trào thi đua ${quote(e)}.`,
      ...(prize.length ? [`Điều 2. Kèm theo Giấy khen, ${prize.join('; ')}, trích từ Quỹ Thi đua, khen thưởng của ${shortBodyName(issuer)}.`] : []),
      `Điều ${prize.length ? 3 : 2}. Chánh Văn phòng HĐND và UBND, ${c.standingBody}, Thủ trưởng các cơ quan, đơn vị có liên quan và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.`,
    ];
    const lastArticle = prize.length ? 3 : 2;
    return document([
      header({ unitName: issuer, movementIssuer: issuer, number: `Số: ${number}`, dateLine: c.decisionDate ? placeAndDate(place, c.decisionDate) : `${place}, ${use(decisionDate)}` }),
      ...title('Quyết định', [subject], { rule: true }),
      para(upper(authorityFull), { align: 'center', bold: true, spaceBeforePt: 12, spaceAfterPt: 6, keepWithNext: true }),
      // The chosen legal preset's lines (issue 12), or the user's own from `Căn cứ pháp lý`.
      ...basisLines(legalBasisOf(e.workbook), 'decision', basisValuesOf(movementFacts(s)), use, ';').map(basisPara),
      basisPara(`Xét đề nghị của ${c.standingBody} tại Tờ trình số ${c.submissionNumber ? fullNumber(c.submissionNumber, 'TTr', use(standingSymbol)) : use(fieldOf('', settingGap(EXTRA_SETTING.closingSubmissionNumber)))} ngày ${use(submissionDate)}.`),
      para('QUYẾT ĐỊNH:', { align: 'center', bold: true, spaceBeforePt: 12, spaceAfterPt: 6, keepWithNext: true }),
      ...articles.map((text) => {
        const [head, ...rest] = text.split('. ');
        return bodyPara([{ text: `${head}.`, bold: true }, { text: ` ${rest.join('. ')}` }]);
      }),
      signatureBlock(
        recipients([`Như Điều ${lastArticle}`, 'Chủ tịch, các PCT UBND', 'Lưu: VT, NV']),
        signature(chairmanLines(s.signerTitle), use(fieldOf(s.signerName, settingGap('Người ký')))),
      ),
      ...attachmentTitle('Danh sách', [
        `Tập thể, cá nhân được tặng Giấy khen của ${authority}`,
        `(Kèm theo Quyết định số ${number} ${use(decisionDate)} của ${authority})`,
      ]),
      ...annex(),
    ]);
  });

  return { documents: [submission, minutes, decision], intake, awards };
}
