/**
 * The sidebars' server calls, declared once: the server's `endpoints` (src/addon/endpoints.ts)
 * must implement exactly these, and the pages call them through `call()` (./client), so a
 * renamed or retyped endpoint breaks the build on both sides. Everything that crosses is
 * JSON-safe: `google.script.run` cannot carry a `Date`, and turns a thrown error into an opaque
 * string, so every call answers with a `Result`.
 */
import type { CellValue, NominationDraft, WorkbookInput } from '../core';
import type { ProgressReport } from '../core/progress';
import type { ReminderList, ReminderTemplate } from '../core/reminders';
import type { DossierFactKey, FactsRow, ReportFactKey } from '../core/factsForm';

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

/** A sheet cell that survives JSON: dates become `dd/mm/yyyy` text, which the core reads back as the same day. */
export type JsonCell = Exclude<CellValue, Date | undefined>;

/** The workbook as the sidebar gets it: the input sheets, JSON-safe. */
export interface JsonWorkbook extends WorkbookInput {
  sheets: { name: string; values: JsonCell[][]; numberFormats?: string[][] }[];
}

/** A unit the user may enter nominations for. */
export interface EditableUnit {
  code: string;
  name: string;
  block: string;
}

/** What the entry form needs: the workbook to preview verdicts locally, and who may do what. */
export interface EntryForm {
  workbook: JsonWorkbook;
  units: EditableUnit[];
  userEmail: string;
  isOwner: boolean;
}

export interface SaveRequest {
  draft: NominationDraft;
  /** The edited row as loaded (`nominationToDraft`), null for a new nomination. */
  loaded: NominationDraft | null;
}

export interface SavedNomination {
  row: number;
  /** `appended`: a new row; `updated`: the row being edited was rewritten. */
  action: 'appended' | 'updated';
  /** The form's data as it stands after the write. */
  form: EntryForm;
}

/** The sheets a progress row can show a unit's rows in. */
export type UnitSheet = 'units' | 'scores' | 'nominations' | 'dossiers';

export interface Endpoints {
  /** Nhập đề nghị: the workbook and the units the user may edit. */
  loadEntryForm(): Result<EntryForm>;
  /**
   * Saves one nomination (appends, or rewrites the contract's columns of `draft.row` if that row
   * still holds `loaded`, the nomination as the form loaded it), then selects its row.
   */
  saveNomination(request: SaveRequest): Result<SavedNomination>;
  /** Tiến độ: every unit's progress, totals and per-block charts. */
  loadProgress(): Result<ProgressReport>;
  /** Selects a unit's rows in one of the input sheets; answers how many rows were selected. */
  selectUnitRows(request: { unitCode: string; sheet: UnitSheet }): Result<number>;
  /** Tiến độ: the latest rows of `Nhật ký` (empty when the log is off). */
  loadAuditLog(): Result<JsonSheet>;
  /** Nhắc việc: who owes what, each letter rendered with the template given, or the one last used when `useSaved`. */
  loadReminders(request: { template: ReminderTemplate; useSaved: boolean }): Result<ReminderPage>;
  /** Sends the letters of these units (owner only), within today's quota; saves the template. */
  sendReminders(request: { template: ReminderTemplate; units: string[] }): Result<SendReport>;
  /** Turns the daily reminder on or off (owner only). */
  setDailyReminder(request: { on: boolean; template: ReminderTemplate }): Result<boolean>;
  /** Hồ sơ, báo cáo: the v2 facts of the units the user may edit and of their nominees. */
  loadFactsForm(): Result<FactsForm>;
  /** Saves a unit's `Hồ sơ đơn vị` facts if its row still holds `loaded` (null: it had no row). */
  saveDossierFacts(request: SaveFacts<DossierFactKey>): Result<SavedFacts>;
  /** Saves a nominee's `Báo cáo thành tích` row if it still holds `loaded` (null: it had no row). */
  saveNomineeReport(request: SaveFacts<ReportFactKey> & { name: string }): Result<SavedFacts>;
}

/** One unit's facts in the form «Hồ sơ, báo cáo»: its dossier row and each nominee's report row. */
export interface UnitFactsForm {
  code: string;
  name: string;
  dossier: FactsRow<DossierFactKey>;
  nominees: Array<{ name: string; kind: string; report: FactsRow<ReportFactKey> }>;
}

export interface FactsForm {
  units: UnitFactsForm[];
  /** Columns the sheets lack (or a sheet missing): saving then says to run «Khởi tạo bảng tính». */
  problems: string[];
}

export interface SaveFacts<K extends string> {
  unitCode: string;
  values: Record<K, string>;
  loaded: Record<K, string> | null;
}

export interface SavedFacts {
  row: number;
  form: FactsForm;
}

/** One sheet as JSON, with the time zone its times are read in (`Nhật ký`: times as milliseconds). */
export interface JsonSheet {
  name: string;
  timeZone: string;
  values: JsonCell[][];
}

/** Nhắc việc: the list, the template it was rendered with, what MailApp still allows today. */
export interface ReminderPage {
  list: ReminderList;
  template: ReminderTemplate;
  /** `MailApp.getRemainingDailyQuota()`: recipients left today. */
  quotaLeft: number;
  dailyOn: boolean;
}

export interface SendReport {
  sent: { code: string; emails: string[] }[];
  notReached: { code: string; name: string; reason: string }[];
  quotaLeft: number;
}

export type EndpointName = keyof Endpoints;
