import type { ReportTextKey } from './contract';
import type { LegalBasisRow, LegalPresetName } from './legalBasis';

/**
 * The core's data: what the hosts hand in (cell arrays) and what the rules work on.
 * Everything here is plain data, the same in Apps Script and in Node.
 */

/** A cell as `Range.getValues()` or an `.xlsx` reader gives it ('' or null when empty). */
export type CellValue = string | number | boolean | Date | null | undefined;

/** One sheet as read by a host in a single call. */
export interface SheetInput {
  name: string;
  values: CellValue[][];
  /** Number formats of the same cells, when the host has them (a `%` format marks a fraction). */
  numberFormats?: string[][];
}

/** A whole workbook as read by a host. */
export interface WorkbookInput {
  sheets: SheetInput[];
  /** IANA time zone in which date cells mean midnight (Sheets: the spreadsheet's; exceljs: UTC). */
  timeZone: string;
}

/** A calendar day: the rules compare days, never instants. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** A problem the user must fix, located as a person sees it (`row` 1 is the header). */
export interface WorkbookError {
  sheet: string;
  row: number | null;
  column: string | null;
  message: string;
}

/** Xếp loại: the yearly rating of an individual, best first. */
export type Rating = 'HTXSNV' | 'HTTNV' | 'HTNV' | 'KHTNV';

/** Hình thức: Tập thể (collective) or Cá nhân (individual). */
export type NominationKind = 'collective' | 'individual';

/** Which block rules a unit falls under (khối). */
export type BlockKind = 'agency' | 'commune' | 'other';

/** Cấu hình: the movement's settings. */
export interface Settings {
  movementName: string;
  /** Null only when the setting is missing or unreadable (reported as an error). */
  year: number | null;
  issuer: string;
  issuerSuperior: string;
  placeName: string;
  signerTitle: string;
  signerName: string;
  launchDate: CalendarDate | null;
  endDate: CalendarDate | null;
  /** M3's window; null when missing (reported, and every dossier is then outside it). */
  windowFrom: CalendarDate | null;
  windowTo: CalendarDate | null;
  minSatisfactionPercent: number;
  prizeRanks: number;
  /** Decimals a unit's total is rounded to before ranking and tie detection (default 2). */
  rankingDecimals: number;
  /** P4: nominees a unit may send (1), a unit in a prize rank (2), and of each kind (1). */
  quotaPerUnit: number;
  quotaPerPrizeUnit: number;
  quotaPerKind: number;
  communeBlock: string;
  agencyBlock: string;
  /** `Căn cứ pháp lý` (issue 12); absent when not set: the 2022 preset, today's documents. */
  legalBasis?: LegalPresetName;
}

/** Đơn vị. */
export interface Unit {
  row: number;
  code: string;
  name: string;
  /** The block's name as the settings spell it (or `Đơn vị khác`). */
  block: string;
  blockKind: BlockKind;
  head: string;
  emails: string[];
  /** v2 columns; absent when the host built the unit without them (a custom function). */
  signing?: UnitSigning;
}

/** Đơn vị, v2: who signs and under which symbol; empty strings when the workbook does not say. */
export interface UnitSigning {
  /** `UBND`, `PNV`: no tone marks. */
  symbol: string;
  /** `CHỦ TỊCH`, `TRƯỞNG PHÒNG`, in capitals. */
  signerTitle: string;
  authority: '' | 'TM.' | 'KT.' | 'Q.';
  /** The body above the unit (cơ quan chủ quản). */
  superior: string;
}

/** Tiêu chí: one criterion of the CCHC index. */
export interface Criterion {
  row: number;
  code: string;
  name: string;
  maxPoints: number;
  /** The block it applies to; null = every ranked block. */
  block: string | null;
}

/** Chấm điểm: one unit's points on one criterion. */
export interface Score {
  row: number;
  unitCode: string;
  criterionCode: string;
  selfPoints: number | null;
  appraisedPoints: number | null;
  evidence: string;
}

/** Đề nghị: one nominee. A value that is empty or could not be read is null. */
export interface Nomination {
  row: number;
  unitCode: string;
  kind: NominationKind | null;
  name: string;
  position: string;
  directCchc: boolean;
  compliance: boolean;
  unity: boolean;
  discipline: boolean;
  hasPlan: boolean;
  innovation: boolean;
  satisfactionPercent: number | null;
  onTimePercent: number | null;
  onlinePrevPercent: number | null;
  onlineNowPercent: number | null;
  ratingPrev: Rating | null;
  ratingNow: Rating | null;
  initiativeRecognition: string;
  summary: string;
  submittedOn: CalendarDate | null;
  votesInFavour: number | null;
  /** Columns whose value was present but unreadable (already reported as errors). */
  unreadable: string[];
}

/** Hồ sơ đơn vị: what the dossier documents need about a unit's review meeting and letter. */
export interface UnitDossier {
  row: number;
  unitCode: string;
  meetingDate: CalendarDate | null;
  meetingPlace: string;
  chair: string;
  secretary: string;
  members: number | null;
  present: number | null;
  letterNumber: string;
  letterDate: CalendarDate | null;
  /** v2: `{hour, minute}`, null when not given. */
  startTime: TimeOfDay | null;
  endTime: TimeOfDay | null;
  council: string;
  votingMethod: string;
  discussion: string;
  /** «Nơi nhận» lines as typed, one a line, without the leading `- ` and trailing `;`. */
  recipients: string[];
}

export interface TimeOfDay {
  hour: number;
  minute: number;
}

/** One line of «Các hình thức đã được khen thưởng» (form 07, III). */
export interface PreviousAward {
  year: string;
  form: string;
  decision: string;
  issuer: string;
}

/** Báo cáo thành tích (v2, optional sheet): a nominee's own facts for form 07; '' when not given. */
export type NomineeReport = Record<ReportTextKey, string> & {
  row: number;
  unitCode: string;
  name: string;
  birthDate: CalendarDate | null;
  sex: string;
  staff: number | null;
  previousAwards: PreviousAward[];
};

/** The parsed workbook: every row that could be read, and every problem found. */
export interface Workbook {
  settings: Settings;
  units: Unit[];
  criteria: Criterion[];
  scores: Score[];
  nominations: Nomination[];
  dossiers: UnitDossier[];
  /** v2: rows of the optional `Báo cáo thành tích` sheet (absent from a workbook built by hand). */
  reports?: NomineeReport[];
  /** Rows of the optional `Căn cứ pháp lý` sheet (issue 12). */
  legalBasisRows?: LegalBasisRow[];
  errors: WorkbookError[];
}
