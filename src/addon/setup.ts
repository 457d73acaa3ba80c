/**
 * Khởi tạo bảng tính: creates the input sheets that are missing, each with its headers, a note
 * on every header saying what goes there, checkboxes, drop-downs, number checks and formats.
 * In a sheet that exists, only the optional (v2) columns it lacks are added, after its last used
 * column; nothing the user typed moves or changes.
 */
import type { CellValue, WorkbookError } from '../core/model';
import {
  CRITERION_COL,
  DOSSIER_COL,
  DOSSIER_V2_KEYS,
  REPORT_COL,
  SEX_LABELS,
  SIGNING_AUTHORITIES,
  VOTING_METHODS,
  KIND_LABEL,
  NOMINATION_COL,
  OTHER_BLOCK,
  RATING_LABEL,
  SCORE_COL,
  SETTING,
  SETTINGS_HEADER,
  SHEET,
  STANDARD_APPLIES,
  STANDARD_COL,
  STANDARD_TEST,
  UNIT_COL,
  EXTRA_SETTING,
  LEGAL_BASIS_COL,
  UNIT_V2_KEYS,
  INTAKE_COL,
  INTAKE_CHANNELS,
  INTAKE_STATUSES,
} from '../core/contract';
import { DEFAULT_STANDARD_ROWS } from '../core/standards';
import { BASIS_DOCUMENT_LABEL, LEGAL_PRESET, presetRows, readLegalPreset } from '../core/legalBasis';
import type { LegalPresetName } from '../core/legalBasis';
import { readNumber, readText } from '../core/cells';
import { findHeaderRow, readTable } from '../core/sheets';
import { normalizeKey } from '../core/text';
import { alertUser, underDocumentLock } from './lock';
import { SheetIndex, asLiteral } from './sheetIO';
import { logActions } from './auditLog';
import { initialIntakeRows } from './intake';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** What a column holds, for its validation and format. */
export type ColumnKind =
  | { type: 'text' }
  | { type: 'yesno' }
  | { type: 'date' }
  | { type: 'percent' }
  | { type: 'count' }
  | { type: 'score' }
  | { type: 'maxPoints' }
  | { type: 'list'; values: string[] };

export interface ColumnSpec {
  header: string;
  note: string;
  width: number;
  kind: ColumnKind;
}

export interface SheetSpec {
  name: string;
  columns: ColumnSpec[];
  /** Rows written under the header when the sheet is created (the settings and their defaults). */
  rows?: CellValue[][];
  /** Notes on the first column of those rows. */
  rowNotes?: string[];
  /** Headers of the optional (v2) columns, added to an existing sheet that lacks them. */
  optional?: string[];
}

const text = { type: 'text' } as const;
const yesno = { type: 'yesno' } as const;
const date = { type: 'date' } as const;
const percent = { type: 'percent' } as const;
const col = (header: string, note: string, width: number, kind: ColumnKind = text): ColumnSpec => ({ header, note, width, kind });

const YES_NO_NOTE = 'Đánh dấu ô nếu đúng (hoặc nhập «Có», «x»); để trống là chưa xác nhận.';
const PERCENT_NOTE = 'Nhập số phần trăm, ví dụ 95 hoặc 95%.';
const RATINGS = Object.values(RATING_LABEL);

/** The settings rows: name, default value ('' = the user must fill it) and what it means. */
const SETTING_ROWS: Array<[string, CellValue, string]> = [
  [SETTING.movementName, '', 'Bắt buộc. Tên phong trào thi đua.'],
  [SETTING.year, '', 'Bắt buộc. Năm của phong trào, ví dụ 2022 («năm nay» của các tiêu chuẩn).'],
  [SETTING.issuer, '', 'Bắt buộc. Cơ quan phát động, ví dụ «Ủy ban nhân dân huyện Hữu Lũng».'],
  [SETTING.issuerSuperior, '', 'Cơ quan cấp trên, in ở đầu văn bản (có thể để trống).'],
  [SETTING.placeName, '', 'Bắt buộc. Địa danh ghi ngày tháng văn bản, ví dụ «Hữu Lũng».'],
  [SETTING.signerTitle, 'Chủ tịch', 'Chức vụ người ký.'],
  [SETTING.signerName, '', 'Họ và tên người ký.'],
  [SETTING.launchDate, '', 'Ngày phát động, dạng dd/mm/yyyy.'],
  [SETTING.endDate, '', 'Ngày kết thúc phong trào (để trống là 31/12 của năm).'],
  [SETTING.windowFrom, '', 'Bắt buộc. Ngày đầu nhận hồ sơ (tính cả ngày này), dạng dd/mm/yyyy.'],
  [SETTING.windowTo, '', 'Bắt buộc. Ngày cuối nhận hồ sơ (tính cả ngày này), dạng dd/mm/yyyy.'],
  [SETTING.minSatisfactionPercent, 90, 'Tỷ lệ hài lòng tối thiểu của tiêu chuẩn A1, mặc định 90.'],
  [SETTING.prizeRanks, 3, 'Số hạng được xét (Nhất, Nhì, Ba…), mặc định 3.'],
  [SETTING.communeBlock, 'Xã, thị trấn', 'Tên khối xã (A2); phải trùng với cột «Khối» ở trang Đơn vị.'],
  [SETTING.agencyBlock, 'Cơ quan chuyên môn', 'Tên khối cơ quan (A3); phải trùng với cột «Khối» ở trang Đơn vị.'],
];

export interface Blocks {
  commune: string;
  agency: string;
}

/** Notes of `Báo cáo thành tích` beyond the default one. */
const REPORT_NOTES: Partial<Record<keyof typeof REPORT_COL, string>> = {
  unitCode: 'Mã đơn vị (ở trang Đơn vị).',
  name: 'Tên như ở trang Đề nghị.',
  previousAwards: 'Mỗi dòng: năm; hình thức; số, ngày quyết định; cơ quan.',
};
const REPORT_KINDS: Partial<Record<keyof typeof REPORT_COL, ColumnKind>> = {
  birthDate: { type: 'date' },
  sex: { type: 'list', values: [...SEX_LABELS] },
  staff: { type: 'count' },
};

/** The sheets `Khởi tạo bảng tính` can create, with the block names of the movement. */
export function sheetSpecs(blocks: Blocks, maxScore: number): SheetSpec[] {
  const rankedBlocks = [blocks.agency, blocks.commune];
  return [
    {
      name: SHEET.settings,
      columns: [
        col(SETTINGS_HEADER.key, 'Tên cấu hình; không đổi tên các mục có sẵn.', 260),
        col(SETTINGS_HEADER.value, 'Giá trị của cấu hình; di chuột lên tên mục để xem hướng dẫn.', 360),
      ],
      rows: SETTING_ROWS.map(([name, value]) => [name, value]),
      rowNotes: SETTING_ROWS.map(([, , note]) => note),
    },
    {
      name: SHEET.units,
      columns: [
        col(UNIT_COL.code, 'Bắt buộc. Mã riêng của đơn vị, ví dụ X01.', 110),
        col(UNIT_COL.name, 'Bắt buộc. Tên đơn vị.', 260),
        col(UNIT_COL.block, `Khối: «${blocks.agency}», «${blocks.commune}» (được xếp hạng) hoặc «${OTHER_BLOCK}».`, 180, { type: 'list', values: [...rankedBlocks, OTHER_BLOCK] }),
        col(UNIT_COL.head, 'Thủ trưởng đơn vị (in trong hồ sơ).', 200),
        col(UNIT_COL.emails, 'Email những người được nhập dữ liệu cho đơn vị, cách nhau bởi dấu phẩy (dùng cho «Phân quyền đơn vị»).', 280),
        col(UNIT_COL.symbol, 'Ký hiệu văn bản, không dấu thanh: UBND, PNV.', 110),
        col(UNIT_COL.signerTitle, 'CHỦ TỊCH, TRƯỞNG PHÒNG, PHÓ CHỦ TỊCH …', 180),
        col(UNIT_COL.signingAuthority, 'TM., KT., Q. hoặc để trống.', 110, { type: 'list', values: [...SIGNING_AUTHORITIES] }),
        col(UNIT_COL.superior, 'Dòng trên tên đơn vị; để trống với UBND xã.', 220),
      ],
      optional: UNIT_V2_KEYS.map((k) => UNIT_COL[k]),
    },
    {
      name: SHEET.criteria,
      columns: [
        col(CRITERION_COL.code, 'Bắt buộc. Mã riêng của tiêu chí, ví dụ TC1.', 110),
        col(CRITERION_COL.name, 'Tên tiêu chí của Chỉ số CCHC.', 360),
        col(CRITERION_COL.maxPoints, 'Bắt buộc. Điểm tối đa, lớn hơn 0.', 110, { type: 'maxPoints' }),
        col(CRITERION_COL.block, 'Khối áp dụng; để trống là áp dụng cho cả hai khối được xếp hạng.', 180, { type: 'list', values: rankedBlocks }),
      ],
    },
    {
      name: SHEET.scores,
      columns: [
        col(SCORE_COL.unitCode, 'Mã đơn vị (ở trang Đơn vị).', 110),
        col(SCORE_COL.criterionCode, 'Mã tiêu chí (ở trang Tiêu chí). Mỗi đơn vị một hàng cho mỗi tiêu chí.', 110),
        col(SCORE_COL.selfPoints, 'Điểm đơn vị tự đánh giá, từ 0 đến điểm tối đa của tiêu chí.', 130, { type: 'score' }),
        col(SCORE_COL.appraisedPoints, 'Điểm thẩm định, từ 0 đến điểm tối đa của tiêu chí. Xếp hạng dùng điểm này.', 130, { type: 'score' }),
        col(SCORE_COL.evidence, 'Minh chứng: văn bản hoặc đường dẫn.', 280),
      ].map((c) => (c.kind.type === 'score' ? { ...c, note: `${c.note} (Điểm tối đa lớn nhất hiện có: ${maxScore}.)` } : c)),
    },
    {
      name: SHEET.nominations,
      columns: [
        col(NOMINATION_COL.unitCode, 'Mã đơn vị đề nghị (ở trang Đơn vị).', 110),
        col(NOMINATION_COL.kind, `«${KIND_LABEL.collective}» hoặc «${KIND_LABEL.individual}».`, 100, { type: 'list', values: Object.values(KIND_LABEL) }),
        col(NOMINATION_COL.name, 'Bắt buộc. Tên tập thể hoặc họ và tên cá nhân.', 240),
        col(NOMINATION_COL.position, 'Chức vụ, đơn vị công tác (cá nhân).', 220),
        col(NOMINATION_COL.directCchc, `P1: trực tiếp chỉ đạo, tham mưu hoặc làm công tác CCHC. ${YES_NO_NOTE}`, 110, yesno),
        col(NOMINATION_COL.compliance, `A0, B0. ${YES_NO_NOTE}`, 130, yesno),
        col(NOMINATION_COL.unity, `A0 (tập thể). ${YES_NO_NOTE}`, 110, yesno),
        col(NOMINATION_COL.discipline, `A0 (tập thể). ${YES_NO_NOTE}`, 110, yesno),
        col(NOMINATION_COL.hasPlan, `A0 (tập thể). ${YES_NO_NOTE}`, 130, yesno),
        col(NOMINATION_COL.innovation, `A1 (tập thể). ${YES_NO_NOTE}`, 130, yesno),
        col(NOMINATION_COL.satisfactionPercent, `A1: tỷ lệ người dân hài lòng. ${PERCENT_NOTE}`, 110, percent),
        col(NOMINATION_COL.onTimePercent, `A1: phải là 100. ${PERCENT_NOTE}`, 120, percent),
        col(NOMINATION_COL.onlinePrevPercent, `A1: tỷ lệ dịch vụ công trực tuyến và bưu chính công ích năm trước. ${PERCENT_NOTE}`, 130, percent),
        col(NOMINATION_COL.onlineNowPercent, `A1: năm nay, phải cao hơn năm trước. ${PERCENT_NOTE}`, 130, percent),
        col(NOMINATION_COL.ratingPrev, 'B1: xếp loại năm trước (HTXSNV, HTTNV, HTNV, KHTNV hoặc chữ đầy đủ).', 200, { type: 'list', values: RATINGS }),
        col(NOMINATION_COL.ratingNow, 'B1: xếp loại năm nay (HTXSNV, HTTNV, HTNV, KHTNV hoặc chữ đầy đủ).', 200, { type: 'list', values: RATINGS }),
        col(NOMINATION_COL.initiativeRecognition, 'B2: cơ quan công nhận, số và ngày văn bản công nhận sáng kiến; để trống nếu không có.', 240),
        col(NOMINATION_COL.summary, 'Tóm tắt thành tích (đưa vào hồ sơ).', 320),
        col(NOMINATION_COL.submittedOn, 'M3: ngày nộp hồ sơ, dạng dd/mm/yyyy.', 110, date),
        col(NOMINATION_COL.votesInFavour, 'Số phiếu đồng ý tại cuộc họp xét của đơn vị (ghi vào biên bản).', 100, { type: 'count' }),
      ],
    },
    {
      name: SHEET.dossiers,
      columns: [
        col(DOSSIER_COL.unitCode, 'Mã đơn vị (ở trang Đơn vị).', 110),
        col(DOSSIER_COL.meetingDate, 'D1: ngày họp xét, dạng dd/mm/yyyy.', 110, date),
        col(DOSSIER_COL.meetingPlace, 'D1: địa điểm họp.', 200),
        col(DOSSIER_COL.chair, 'D1: người chủ trì (họ tên, chức vụ).', 200),
        col(DOSSIER_COL.secretary, 'D1: thư ký (họ tên, chức vụ).', 200),
        col(DOSSIER_COL.members, 'D1: số thành viên hội đồng.', 100, { type: 'count' }),
        col(DOSSIER_COL.present, 'D1: số thành viên có mặt.', 100, { type: 'count' }),
        col(DOSSIER_COL.letterNumber, 'D2: số tờ trình của đơn vị.', 120),
        col(DOSSIER_COL.letterDate, 'D2: ngày tờ trình, dạng dd/mm/yyyy.', 110, date),
        col(DOSSIER_COL.startTime, 'D1: ví dụ 8:00.', 100),
        col(DOSSIER_COL.endTime, 'D1: ví dụ 10:30.', 100),
        col(DOSSIER_COL.council, 'D1: tên hội đồng hoặc cuộc họp.', 220),
        col(DOSSIER_COL.votingMethod, 'D1.', 130, { type: 'list', values: [...VOTING_METHODS] }),
        col(DOSSIER_COL.discussion, 'D1: mỗi ý một dòng.', 320),
        col(DOSSIER_COL.recipients, 'D1, D2: mỗi nơi một dòng; «Như trên», «Lưu: VT» tự thêm.', 280),
      ],
      optional: DOSSIER_V2_KEYS.map((k) => DOSSIER_COL[k]),
    },
    {
      name: SHEET.reports,
      columns: (Object.keys(REPORT_COL) as (keyof typeof REPORT_COL)[]).map((key) =>
        col(REPORT_COL[key], REPORT_NOTES[key] ?? 'Để trống: in dòng chấm.', 200, REPORT_KINDS[key] ?? { type: 'text' }),
      ),
      optional: Object.values(REPORT_COL).filter((h) => h !== REPORT_COL.unitCode && h !== REPORT_COL.name),
    },
    {
      // Issue 12: the 2022 rules as rows, for the user to change; deleting the sheet restores the built-in rules.
      name: SHEET.standards,
      columns: [
        col(STANDARD_COL.rule, 'Mã tiêu chuẩn, ví dụ A1. Các hàng cùng mã là các điều kiện của một tiêu chuẩn: phải đạt tất cả.', 110),
        col(STANDARD_COL.appliesTo, `«${STANDARD_APPLIES.collective}», «${STANDARD_APPLIES.individual}» hoặc «${STANDARD_APPLIES.both}».`, 100, { type: 'list', values: Object.values(STANDARD_APPLIES) }),
        col(STANDARD_COL.group, '«Chung»: mọi tiêu chuẩn phải đạt. «Một trong»: đạt ít nhất một tiêu chuẩn của nhóm; đặt tên như «Một trong: B» để có nhiều nhóm, mỗi nhóm phải đạt.', 130),
        col(STANDARD_COL.column, 'Tiêu đề cột của trang Đề nghị mà điều kiện đọc.', 240, { type: 'list', values: Object.values(NOMINATION_COL) }),
        col(STANDARD_COL.test, '«Có» (ô được đánh dấu); «≥», «>», «=» (so với Giá trị); «Thuộc danh sách» (mức xếp loại); «Hai năm đều ít nhất» (xếp loại hai năm); «Có nội dung»; «Hạng trong số hạng được xét» (Mã đơn vị, Giá trị là khối); «Đơn vị của phong trào» (Mã đơn vị).', 200, { type: 'list', values: Object.values(STANDARD_TEST) }),
        col(STANDARD_COL.value, 'Với ≥ > =: một số, tên một mục của trang Cấu hình hoặc một cột số của trang Đề nghị. Với xếp loại: các mức, cách nhau bởi dấu chấm phẩy. Với hạng: tên khối hoặc «Tên khối xã», «Tên khối cơ quan».', 220),
        col(STANDARD_COL.sentence, 'Câu hiện trong Kết quả xét khi đạt hoặc chưa đạt.', 360),
      ],
      rows: DEFAULT_STANDARD_ROWS.map((row) => [...row]),
    },
    {
      name: SHEET.intake,
      columns: [
        col(INTAKE_COL.unitCode, 'Mã đơn vị có đề nghị khen thưởng.', 110),
        col(INTAKE_COL.unitName, 'Tên đơn vị.', 220),
        col(INTAKE_COL.receivedOn, 'M3: ngày Phòng Nội vụ nhận hồ sơ, dạng dd/mm/yyyy.', 110, date),
        col(INTAKE_COL.channel, 'Qua cổng dịch vụ công (trực tuyến) hay bản giấy.', 110, { type: 'list', values: [...INTAKE_CHANNELS] }),
        col(INTAKE_COL.receivedBy, 'Người nhận hồ sơ.', 160),
        col(INTAKE_COL.check, 'Do «Kiểm tra tiếp nhận hồ sơ» ghi: D1, D2, D3, số phiếu, hạn nộp, chỉ tiêu, điều kiện.', 360),
        col(INTAKE_COL.status, '«Đủ», «Thiếu» do công cụ ghi; chọn «Trả lại» (kèm lý do) để trả hồ sơ, công cụ giữ nguyên.', 100, { type: 'list', values: [...INTAKE_STATUSES] }),
        col(INTAKE_COL.reason, 'Lý do trả lại hồ sơ (bắt buộc khi «Trả lại»).', 260),
      ],
    },
  ];
}

/**
 * `Căn cứ pháp lý` with the chosen preset's lines, for the user to edit (issue 12); created only
 * when `Cấu hình` names a preset: without one the built-in 2022 lines serve.
 */
export function legalBasisSpecs(legal: LegalPresetName | null): SheetSpec[] {
  if (!legal) return [];
  return [
    {
      name: SHEET.legalBasis,
      columns: [
        col(LEGAL_BASIS_COL.document, 'Văn bản có các dòng căn cứ này.', 170, { type: 'list', values: Object.values(BASIS_DOCUMENT_LABEL) }),
        col(LEGAL_BASIS_COL.order, 'Vị trí của dòng trong văn bản: 1, 2, 3 …', 80, { type: 'count' }),
        col(LEGAL_BASIS_COL.text,
          'Một dòng căn cứ, không cần dấu ; hoặc . ở cuối (tự thêm). Có thể dùng {{van_ban_phat_dong}}, {{ten_don_vi}}, {{ngay_hop}} … Biên bản họp xét ghép các dòng thành câu «căn cứ A, B và C». Văn bản nào có hàng ở đây thì dùng các hàng này thay cho căn cứ có sẵn.',
          640),
      ],
      rows: presetRows(legal),
    },
  ];
}

type Validation = GoogleAppsScript.Spreadsheet.DataValidation;

/** The validation of a column kind; invalid values are warned about, never refused (the core reports them). */
function validation(kind: ColumnKind, maxScore: number): Validation | null {
  const rule = () => SpreadsheetApp.newDataValidation().setAllowInvalid(true);
  switch (kind.type) {
    case 'yesno':
      return rule().requireCheckbox().build();
    case 'list':
      return rule().requireValueInList(kind.values, true).build();
    case 'date':
      return rule().requireDate().setHelpText('Nhập ngày dạng dd/mm/yyyy.').build();
    case 'percent':
      return rule().requireNumberBetween(0, 100).setHelpText(PERCENT_NOTE).build();
    case 'score':
      return rule().requireNumberBetween(0, maxScore).setHelpText('Điểm từ 0 đến điểm tối đa của tiêu chí (trang Tiêu chí).').build();
    case 'maxPoints':
      return rule().requireNumberBetween(0, 1000).setHelpText('Điểm tối đa lớn hơn 0.').build();
    case 'count':
      return rule().requireNumberBetween(0, 100000).setHelpText('Một số nguyên không âm.').build();
    case 'text':
      return null;
  }
}

/** Creates one sheet from its spec: header, notes, frozen row, widths, validations, formats. */
function createSheet(index: SheetIndex, spec: SheetSpec, maxScore: number): void {
  const sheet: Sheet = index.spreadsheet.insertSheet(spec.name);
  index.add(spec.name, sheet);
  writeColumns(sheet, spec.columns, 1, 1, maxScore);
  sheet.setFrozenRows(1);
  if (spec.rows && spec.rows.length > 0) {
    const columns = spec.columns.length;
    // Written as the text they are, like every string the add-on writes.
    sheet.getRange(2, 1, spec.rows.length, columns).setValues(spec.rows.map((row) => row.map((v) => asLiteral(v))));
    if (spec.rowNotes) sheet.getRange(2, 1, spec.rowNotes.length, 1).setNotes(spec.rowNotes.map((n) => [n]));
  }
}

/**
 * Writes columns' headers from `first` on in the header row (one write), with their notes,
 * widths, and the validations and formats of the rows below.
 */
function writeColumns(sheet: Sheet, columns: ColumnSpec[], headerRow: number, first: number, maxScore: number): void {
  const last = first + columns.length - 1;
  if (sheet.getMaxColumns() < last) sheet.insertColumnsAfter(sheet.getMaxColumns(), last - sheet.getMaxColumns());
  sheet
    .getRange(headerRow, first, 1, columns.length)
    .setValues([columns.map((c) => asLiteral(c.header))])
    .setNotes([columns.map((c) => c.note)])
    .setFontWeight('bold')
    .setBackground('#e8eaed')
    .setWrap(true);
  columns.forEach((c, j) => sheet.setColumnWidth(first + j, c.width));
  const dataRows = sheet.getMaxRows() - headerRow;
  if (dataRows < 1) return;
  columns.forEach((c, j) => {
    const rule = validation(c.kind, maxScore);
    if (!rule && c.kind.type !== 'date') return;
    const range = sheet.getRange(headerRow + 1, first + j, dataRows, 1);
    if (rule) range.setDataValidation(rule);
    if (c.kind.type === 'date') range.setNumberFormat('dd/mm/yyyy');
  });
}

/**
 * Adds to an existing sheet the optional columns its header row lacks, after the last column
 * holding anything (a header or data), so nothing typed moves. One read; the headers added.
 */
function addOptionalColumns(sheet: Sheet, spec: SheetSpec, maxScore: number): string[] {
  if (!spec.optional || spec.optional.length === 0) return [];
  const values = sheet.getDataRange().getValues() as CellValue[][];
  const wanted = new Set(spec.columns.map((c) => normalizeKey(c.header)));
  const headerIndex = findHeaderRow(values, wanted);
  const header = (values[headerIndex] ?? []).map((c) => (typeof c === 'string' ? normalizeKey(c) : ''));
  // No contract header at all: the sheet is not the user's table yet; the core says what is missing.
  if (!header.some((h) => wanted.has(h))) return [];
  const optional = new Set(spec.optional.map(normalizeKey));
  const missing = spec.columns.filter((c) => optional.has(normalizeKey(c.header)) && !header.includes(normalizeKey(c.header)));
  if (missing.length === 0) return [];
  const used = Math.max(0, ...values.map((row) => row.length));
  writeColumns(sheet, missing, headerIndex + 1, used + 1, maxScore);
  return missing.map((c) => c.header);
}

/** The block names and the largest criterion maximum of the existing sheets, else the defaults. */
function currentSettings(index: SheetIndex): { blocks: Blocks; maxScore: number; legal: LegalPresetName | null } {
  const blocks: Blocks = { commune: 'Xã, thị trấn', agency: 'Cơ quan chuyên môn' };
  let legal: LegalPresetName | null = null;
  let maxScore = 100;
  const ignored: WorkbookError[] = [];
  const settingsSheet = index.find(SHEET.settings);
  if (settingsSheet) {
    const table = readTable({ name: SHEET.settings, values: settingsSheet.getDataRange().getValues() as CellValue[][] }, SETTINGS_HEADER, ignored);
    for (const row of table.rows) {
      const key = normalizeKey(readText(row.cell('key')));
      const value = readText(row.cell('value'));
      if (value && key === normalizeKey(SETTING.communeBlock)) blocks.commune = value;
      if (value && key === normalizeKey(SETTING.agencyBlock)) blocks.agency = value;
      if (key === normalizeKey(EXTRA_SETTING.legalBasis)) {
        const read = readLegalPreset(row.cell('value'));
        legal = read.ok ? read.value : null;
      }
    }
    // The preset's block names, unless the sheet names its own.
    if (legal) {
      const named = new Set(table.rows.filter((r) => readText(r.cell('value'))).map((r) => normalizeKey(readText(r.cell('key')))));
      if (!named.has(normalizeKey(SETTING.communeBlock))) blocks.commune = LEGAL_PRESET[legal].blocks.commune;
      if (!named.has(normalizeKey(SETTING.agencyBlock))) blocks.agency = LEGAL_PRESET[legal].blocks.agency;
    }
  }
  const criteriaSheet = index.find(SHEET.criteria);
  if (criteriaSheet) {
    const table = readTable({ name: SHEET.criteria, values: criteriaSheet.getDataRange().getValues() as CellValue[][] }, CRITERION_COL, ignored);
    const maxima = table.rows.map((r) => readNumber(r.cell('maxPoints'))).flatMap((r) => (r.ok && r.value !== null && r.value > 0 ? [r.value] : []));
    if (maxima.length > 0) maxScore = Math.max(...maxima);
  }
  return { blocks, maxScore, legal };
}

export function initWorkbook(): void {
  const done = underDocumentLock(() => {
    const index = new SheetIndex(SpreadsheetApp.getActiveSpreadsheet());
    const { blocks, maxScore, legal } = currentSettings(index);
    const created: string[] = [];
    const existing: string[] = [];
    const added: Array<{ sheet: string; headers: string[] }> = [];
    for (const spec of [...sheetSpecs(blocks, maxScore), ...legalBasisSpecs(legal)]) {
      const present = index.nameOf(spec.name);
      if (present) {
        const headers = addOptionalColumns(index.find(spec.name)!, spec, maxScore);
        if (headers.length > 0) added.push({ sheet: present, headers });
        else existing.push(present);
        continue;
      }
      // The intake sheet starts with one row per unit that has nominations (the other sheets exist by now).
      createSheet(index, spec.name === SHEET.intake ? { ...spec, rows: initialIntakeRows(index) } : spec, maxScore);
      created.push(spec.name);
    }
    logActions([
      ...created.map((sheet) => ({ action: 'Khởi tạo bảng tính', sheet, newValue: 'Tạo trang mới với hàng tiêu đề' })),
      ...added.map(({ sheet, headers }) => ({ action: 'Khởi tạo bảng tính', sheet, unit: '', newValue: `Thêm cột: ${headers.join(', ')}` })),
    ]);
    const lines = [
      created.length > 0 ? `Đã tạo: ${created.join(', ')}.` : '',
      ...added.map(({ sheet, headers }) => `Đã thêm vào trang «${sheet}» (sau cột cuối cùng đang dùng) các cột: ${headers.join(', ')}.`),
      created.length === 0 && added.length === 0 ? 'Không cần tạo trang hay thêm cột nào.' : '',
      existing.length > 0 ? `Đã có sẵn, giữ nguyên không thay đổi: ${existing.join(', ')}.` : '',
      added.length > 0 ? 'Dữ liệu và các cột có sẵn được giữ nguyên.' : '',
      created.length > 0 || added.length > 0 ? 'Di chuột lên ô tiêu đề để đọc hướng dẫn nhập của từng cột.' : '',
    ].filter(Boolean);
    return lines.join('\n');
  });
  // After the lock is released: an alert suspends the script, and the lock would be lost.
  alertUser(done.ran ? done.value : done.why);
}
