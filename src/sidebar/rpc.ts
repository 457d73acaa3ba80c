/**
 * The sidebars' server calls, declared once: the server's `endpoints` (src/addon/endpoints.ts)
 * must implement exactly these, and the pages call them through `call()` (./client), so a
 * renamed or retyped endpoint breaks the build on both sides. Everything that crosses is
 * JSON-safe: `google.script.run` cannot carry a `Date`, and turns a thrown error into an opaque
 * string, so every call answers with a `Result`.
 */
import type { CellValue, NominationDraft, WorkbookInput } from '../core';
import type { ProgressReport } from '../core/progress';

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
}

export type EndpointName = keyof Endpoints;
