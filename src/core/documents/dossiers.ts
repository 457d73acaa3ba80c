/**
 * The dossier of rule D, per nominating unit: D1 minutes of the review meeting, D2 submission
 * letter with its list and summary table, D3 a report of achievements per nominee (form 07,
 * Decree 91/2017), each laid out as Decree 30/2020 says (D4).
 */
import type { Nomination } from '../model';
import type { Evaluation, NominationVerdict } from '../results';
import { Gaps, countsPhrase, indexUnits, unitFacts } from './facts';
import type { NomineeFacts, UnitFacts } from './facts';
import {
  attachmentTitle,
  basisPara,
  bodyPara,
  document,
  header,
  headingPara,
  listTable,
  numberLine,
  recipients,
  signature,
  signatureBlock,
  signerTitleLines,
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

/** D1 — Biên bản họp xét. Minutes carry no place-and-date line; the secretary signs left, the chair right. */
export function minutes(f: UnitFacts, gaps: Gaps): DocModel {
  const use = gaps.use;
  const unit = use(f.unitName);
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
  return document([
    header({ unitName: unit, movementIssuer: f.issuer.text, number: numberLine('BB', unit, ''), dateLine: null }),
    ...title('Biên bản', ['Họp xét đề nghị khen thưởng phong trào thi đua', quote(f, use)]),
    bodyPara(
      `Hôm nay, ${use(f.meetingDate)}, tại ${use(f.meetingPlace)}, ${unit} tổ chức họp xét đề nghị khen thưởng các tập thể, cá nhân có thành tích trong phong trào thi đua ${quote(f, use)}.`,
      { spaceBeforePt: 12 },
    ),
    headingPara('I. THÀNH PHẦN THAM DỰ'),
    bodyPara(`- Chủ trì: ${use(f.chair)};`),
    bodyPara(`- Thư ký: ${use(f.secretary)};`),
    bodyPara(`- Tổng số thành viên Hội đồng: ${use(f.members)} người; có mặt: ${use(f.present)} người.`),
    headingPara('II. NỘI DUNG'),
    bodyPara(
      `Căn cứ ${use(f.launchDocument)} và tiêu chuẩn khen thưởng quy định tại Phát động, Hội đồng đã xem xét thành tích của các tập thể, cá nhân được đề nghị và biểu quyết. Kết quả như sau:`,
      { spaceAfterPt: 6 },
    ),
    table,
    headingPara('III. KẾT LUẬN'),
    bodyPara(
      `Hội đồng thống nhất đề nghị ${use(f.awardAuthorityFull)} xem xét, tặng Giấy khen cho ${countsPhrase(f.collectives, f.individuals)} có tên trên, đã có thành tích xuất sắc trong phong trào thi đua ${quote(f, use)}.`,
    ),
    bodyPara('Biên bản đã được thông qua tại cuộc họp./.'),
    signatureBlock(signature(['Thư ký'], use(f.secretaryName)), signature(['Chủ trì'], use(f.chairName))),
  ]);
}

/** D2 — Tờ trình, with the list of nominees and the summary table of achievements attached. */
export function submission(f: UnitFacts, gaps: Gaps): DocModel {
  const use = gaps.use;
  const unit = use(f.unitName);
  const number = use(f.letterNumber);
  const attached = `(Kèm theo Tờ trình số ${number} ngày ${use(f.letterDateShort)} của ${unit})`;
  const subject = `Đề nghị tặng Giấy khen của ${use(f.awardAuthority)}`;
  const results = [
    `Hưởng ứng phong trào thi đua ${quote(f, use)} do ${use(f.issuer)} phát động, ${unit} đã tổ chức họp xét đề nghị khen thưởng ngày ${use(f.meetingDateShort)}.`,
    f.rankingSentence ? ` ${f.rankingSentence}.` : '',
  ].join('');
  return document([
    header({ unitName: unit, movementIssuer: f.issuer.text, number: `Số: ${number}`, dateLine: use(f.dateLine) }),
    ...title('Tờ trình', [`V/v đề nghị tặng Giấy khen của ${use(f.awardAuthority)}`]),
    bodyPara(`Kính gửi: ${use(f.awardAuthorityFull)}.`, { align: 'center', indent: false, spaceBeforePt: 12, spaceAfterPt: 6 }),
    basisPara(
      'Căn cứ Luật Thi đua, Khen thưởng ngày 26/11/2003; Luật sửa đổi, bổ sung một số điều của Luật Thi đua, Khen thưởng ngày 14/6/2005 và ngày 16/11/2013;',
    ),
    basisPara(
      'Căn cứ Nghị định số 91/2017/NĐ-CP ngày 31/7/2017 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;',
    ),
    basisPara(`Căn cứ ${use(f.launchDocument)};`),
    basisPara(`Căn cứ Biên bản họp xét đề nghị khen thưởng ngày ${use(f.meetingDateShort)} của ${unit}.`),
    bodyPara(results),
    bodyPara(
      `${unit} kính đề nghị ${use(f.awardAuthorityFull)} xem xét, tặng Giấy khen cho ${countsPhrase(f.collectives, f.individuals)} đã có thành tích xuất sắc trong phong trào thi đua ${quote(f, use)} (có danh sách và biểu tóm tắt thành tích kèm theo).`,
    ),
    bodyPara(`Kính trình ${use(f.awardAuthorityFull)} xem xét, quyết định./.`),
    signatureBlock(recipients(['Như trên', 'Lưu: VT']), signature(signerTitleLines(unit), use(f.head))),

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

/** D3 — Báo cáo thành tích (form 07, Decree 91/2017) of one nominee. */
export function report(f: UnitFacts, n: NomineeFacts, gaps: Gaps): DocModel {
  const use = gaps.use;
  const unit = use(f.unitName);
  const name = use(n.name);
  const general = n.collective
    ? [`1. Tên tập thể: ${name}.`, `2. Đơn vị đề nghị: ${unit}${f.block ? ` (khối ${f.block})` : ''}.`, `3. Thủ trưởng đơn vị: ${use(f.head)}.`]
    : [
        `1. Họ và tên: ${name}.`,
        `2. Chức vụ, đơn vị công tác: ${use(n.position)}.`,
        `3. Đơn vị đề nghị: ${unit}.`,
        '4. Trực tiếp tham mưu, chỉ đạo hoặc thực hiện nhiệm vụ cải cách hành chính.',
      ];
  const figures = [...(n.collective && f.rankingSentence ? [`${f.rankingSentence}.`] : []), ...n.figures];
  const summary = use(n.summary).split('\n').filter((line) => line.trim());
  const left = signature(['Xác nhận của cấp trình khen thưởng'], '', '(Ký, đóng dấu)');
  const right = n.collective
    ? signature(signerTitleLines(unit), use(f.head))
    : signature(['Người báo cáo thành tích'], name, '(Ký, ghi rõ họ tên)');
  return document([
    header({ unitName: unit, movementIssuer: f.issuer.text, number: null, dateLine: use(f.dateLine) }),
    ...title('Báo cáo thành tích', [`Đề nghị tặng Giấy khen của ${use(f.awardAuthority)}`, `(Thành tích trong phong trào thi đua ${quote(f, use)})`], {
      italicLast: true,
    }),
    headingPara('I. THÔNG TIN CHUNG'),
    ...general.map((line) => bodyPara(line)),
    headingPara('II. THÀNH TÍCH ĐẠT ĐƯỢC'),
    ...figures.map((line, i) => bodyPara(`${i + 1}. ${line}`)),
    bodyPara(`${figures.length + 1}. Tóm tắt thành tích:`),
    ...summary.map((line) => bodyPara(line)),
    signatureBlock(left, right),
  ]);
}

const KIND_TITLE: Record<DossierKind, string> = {
  D1: 'Biên bản họp xét',
  D2: 'Tờ trình',
  D3: 'Báo cáo thành tích',
};

/** Every unit's dossier documents, built from the evaluation alone. */
export function buildDossiers(e: Evaluation): UnitDossierDocs[] {
  // Two nominees of one unit may share a name; file systems may ignore case.
  const names = new UniqueNames();
  const index = indexUnits(e);
  return selectForDossiers(e).units.map(({ unitCode, chosen }) => {
    const f = unitFacts(e, index, unitCode, chosen);
    const prefix = `${unitCode} - ${f.unitName.missing ? unitCode : f.unitName.text}`;
    const make = (kind: DossierKind, build: (g: Gaps) => DocModel, n?: NomineeFacts): DossierDocument => {
      const gaps = new Gaps();
      const doc = build(gaps);
      const wanted = `${prefix} - ${KIND_TITLE[kind]}${n ? ` - ${n.name.missing ? `hàng ${n.row}` : n.name.text}` : ''}`;
      const fileName = names.take(wanted, n?.row);
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
    return {
      unitCode,
      unitName: f.unitName.text,
      documents: [
        make('D1', (g) => minutes(f, g)),
        make('D2', (g) => submission(f, g)),
        ...f.nominees.map((n) => make('D3', (g) => report(f, n, g), n)),
      ],
    };
  });
}
