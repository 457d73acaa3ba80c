/**
 * The sidebars' server side. Each endpoint takes at most one JSON argument, parses it with zod,
 * and answers a `Result` — never a throw, never a `Date` — so `google.script.run` carries it
 * intact. The endpoints know no Google service: they work through a `SidebarHost` (Apps Script:
 * ./sidebarHost; Node, for `npm run preview` and the tests: scripts/preview.ts). The build
 * makes every key of `endpoints` a top-level Apps Script function.
 */
import * as z from 'zod/mini';
import type { CalendarDate, CellValue, SheetInput, Unit, WorkbookInput } from '../core/model';
import type { EditableUnit, EntryForm, Endpoints, JsonWorkbook, Result, UnitSheet } from '../sidebar/rpc';
import { vietnameseIssue } from '../sidebar/issues';
import { NOMINATION_COL, SHEET, UNIT_COL } from '../core/contract';
import { evaluate } from '../core/evaluate';
import { nominationDraftSchema, nominationToDraft, placeDraft } from '../core/draft';
import type { NominationDraft } from '../core/draft';
import { unitProgress } from '../core/progress';
import { UnreadableWorkbook, findSheet } from '../core/sheets';
import { readWorkbook } from '../core/workbook';
import { readText } from '../core/cells';
import { calendarDateOf, formatDate, normalizeKey } from '../core/text';
import { findHeader } from './sheetIO';
import { appsScriptHost } from './sidebarHost';
import { reminderEndpoints } from './reminders';
import { factsEndpoints } from './factsEndpoints';

/** One cell of a `Đề nghị` row as the endpoint asks the host to write it. */
export type NominationCell =
  /** A column the form does not know: leave what the user put there (value or formula). */
  | { keep: true }
  /** User text, a yes/no or a number: text is written literally, never as a formula. */
  | { value: CellValue }
  /** A calendar day: a date cell at midnight of the spreadsheet's time zone. */
  | { date: CalendarDate }
  /** A percentage as typed (95): a cell formatted as percent gets the fraction (0.95). */
  | { percent: number };

/** What the endpoints need from the spreadsheet and the session. */
export interface SidebarHost {
  /** The signed-in user's address ('' when Google does not tell). */
  userEmail(): string;
  /**
   * The spreadsheet's owner may act for every unit. null: the file has no owner (a shared
   * drive) or the user is unknown, so nobody gets the owner's rights.
   */
  isOwner(): boolean | null;
  /** The input sheets, each read once. */
  readWorkbook(): WorkbookInput;
  /** A sheet read whole (an output sheet such as `Hồ sơ`), or undefined when absent. */
  readSheet(name: string): SheetInput | undefined;
  /** Runs `action` holding the document lock; false, without running it, if the lock stays busy. */
  withDocumentLock(action: () => void): boolean;
  /**
   * Writes row `row` of `Đề nghị`, one cell per column from column A: only the cells that are
   * not `keep` (one write per run of adjacent ones), adding rows below the sheet's last if needed.
   */
  writeNominationRow(row: number, cells: NominationCell[]): void;
  /** Shows the sheet with these rows selected. */
  selectRows(sheet: string, rows: number[]): void;
  /**
   * Writes row `row` of `sheet` as literal text, from column A: only the cells that are not
   * null (one write per run of adjacent ones), adding rows if needed; logged under `action`.
   */
  writeTextRow(sheet: string, row: number, cells: Array<string | null>, action: string): void;
}

/** An error the user can act on: its message is shown as it is. */
export class Refusal extends Error {}

/** Runs an endpoint's body and turns whatever it throws into a message. */
export function answer<T>(body: () => T): Result<T> {
  try {
    return { ok: true, value: body() };
  } catch (error) {
    if (error instanceof Refusal || error instanceof UnreadableWorkbook) return { ok: false, error: error.message };
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, error: `Có lỗi ngoài dự kiến (${detail}). Hãy thử lại; nếu vẫn lỗi, hãy báo cho người quản lý bảng tính.` };
  }
}

const DRAFT_LABELS: Record<string, string> = { ...NOMINATION_COL, row: 'Hàng đang sửa' };

/** zod issues as one Vietnamese sentence per field: «Tỷ lệ hài lòng (%)»: … */
function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues
    .map((issue) => {
      const field = issue.path[0];
      const label = typeof field === 'string' ? DRAFT_LABELS[field] : undefined;
      return label ? `«${label}»: ${issue.message}` : issue.message;
    })
    .join(' ');
}

export function parse<T>(schema: z.ZodMiniType<T>, value: unknown): T {
  const parsed = schema.safeParse(value, { error: vietnameseIssue });
  if (!parsed.success) throw new Refusal(`Dữ liệu gửi lên chưa đúng. ${describeIssues(parsed.error.issues)}`);
  return parsed.data;
}

/** Dates become `dd/mm/yyyy` text, which the core reads back as the same calendar day. */
export function toJsonWorkbook(input: WorkbookInput): JsonWorkbook {
  return {
    timeZone: input.timeZone,
    sheets: input.sheets.map((sheet) => ({
      name: sheet.name,
      values: sheet.values.map((row) =>
        row.map((cell) => (cell instanceof Date ? formatDate(calendarDateOf(cell, input.timeZone)) : (cell ?? null))),
      ),
      ...(sheet.numberFormats ? { numberFormats: sheet.numberFormats } : {}),
    })),
  };
}

const sameEmail = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export function mayEdit(unit: Unit, email: string, owner: boolean): boolean {
  return owner || (email !== '' && unit.emails.some((e) => sameEmail(e, email)));
}

/** Shared drives have no owner: say why nobody gets every unit. */
const NO_OWNER = ` Tệp này nằm trong bộ nhớ dùng chung (shared drive) nên không có chủ sở hữu: mỗi người, kể cả người quản lý, chỉ nhập được cho đơn vị có địa chỉ email của mình trong cột «${UNIT_COL.emails}».`;

function entryForm(host: SidebarHost, input: WorkbookInput): EntryForm {
  const { units } = readWorkbook(input);
  const email = host.userEmail();
  const ownership = host.isOwner();
  const owner = ownership === true;
  const editable: EditableUnit[] = units
    .filter((u) => mayEdit(u, email, owner))
    .map((u) => ({ code: u.code, name: u.name, block: u.block }));
  if (editable.length === 0) {
    throw new Refusal(
      (email
        ? `Tài khoản ${email} chưa được giao đơn vị nào: hãy nhờ người quản lý bảng tính thêm địa chỉ này vào cột «${UNIT_COL.emails}» của đơn vị mình ở trang «${SHEET.units}».`
        : `Google không cho biết địa chỉ email của bạn (thường gặp với tài khoản Gmail cá nhân) nên chưa xác định được đơn vị và quyền của bạn: hãy đăng nhập bằng tài khoản cơ quan có trong cột «${UNIT_COL.emails}» ở trang «${SHEET.units}».`) +
        (ownership === null && email ? NO_OWNER : ''),
    );
  }
  return { workbook: toJsonWorkbook(input), units: editable, userEmail: email, isOwner: owner };
}

/** The draft's row as cells: each contract column from the form, every other column kept. */
function nominationCells(input: WorkbookInput, draft: NominationDraft): { row: number; cells: NominationCell[] } {
  const placed = placeDraft(input, draft);
  if (!placed) throw new Refusal(`Không tìm thấy trang «${SHEET.nominations}»; hãy chạy «Khởi tạo bảng tính».`);
  const sheet = findSheet(input, SHEET.nominations);
  const header = (sheet?.values[0] ?? []).map((h) => (typeof h === 'string' ? normalizeKey(h) : ''));
  const C = NOMINATION_COL;
  const percents = new Set([C.satisfactionPercent, C.onTimePercent, C.onlinePrevPercent, C.onlineNowPercent].map(normalizeKey));
  const known = new Set(Object.values(C).map(normalizeKey));
  const cells = placed.cells.map((value, i): NominationCell => {
    const key = header[i] ?? '';
    if (!known.has(key)) return { keep: true };
    if (key === normalizeKey(C.submittedOn) && draft.submittedOn) return { date: draft.submittedOn };
    if (percents.has(key) && typeof value === 'number') return { percent: value };
    return { value };
  });
  return { row: placed.row, cells };
}

/** A JSON value with its keys sorted, so two equal drafts compare equal whatever their key order. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

/**
 * Saving sends the draft and the row as the form loaded it (`loaded`, null for a new one): a row
 * number alone would overwrite whatever another person's sort, insert or delete moved there.
 */
const saveRequest = z.object({ draft: z.unknown(), loaded: z.nullable(z.unknown()) });

const unitSheets: Record<UnitSheet, string> = {
  units: SHEET.units,
  scores: SHEET.scores,
  nominations: SHEET.nominations,
  dossiers: SHEET.dossiers,
};

const selectRequest = z.object({
  unitCode: z.string().check(z.trim(), z.minLength(1, { error: 'Thiếu mã đơn vị.' })),
  sheet: z.enum(['units', 'scores', 'nominations', 'dossiers'], { error: 'Trang không hợp lệ.' }),
});

/** The `Hồ sơ` output sheet (documents and their statuses), when the dossier step has made it. */
export const DOCUMENTS_SHEET = SHEET.documents;

/** Every endpoint of `Endpoints` (src/sidebar/rpc.ts), over one host. */
export function createEndpoints(host: () => SidebarHost) {
  return {
    /** Nhập đề nghị: the workbook (JSON-safe) and the units the user may enter nominations for. */
    loadEntryForm: () => answer(() => {
      const h = host();
      return entryForm(h, h.readWorkbook());
    }),

    /** Saves one nomination under the document lock, after checking the user may edit its unit. */
    saveNomination: (request: unknown) => answer(() => {
      const { draft, loaded } = parse(saveRequest, request);
      const valid = parse(nominationDraftSchema, draft);
      const h = host();
      const email = h.userEmail();
      const owner = h.isOwner() === true;
      let saved: { row: number; action: 'appended' | 'updated' } | undefined;
      const ran = h.withDocumentLock(() => {
        // Read under the lock: the row appended is the one after the last row as it is now.
        const input = h.readWorkbook();
        const workbook = readWorkbook(input);
        const unitOf = (code: string) => workbook.units.find((u) => normalizeKey(u.code) === normalizeKey(code));
        const refuseUnless = (unit: Unit) => {
          if (!mayEdit(unit, email, owner)) {
            throw new Refusal(`Tài khoản ${email || '(không rõ email)'} không được nhập đề nghị cho «${unit.name}» (${unit.code}); chỉ các địa chỉ trong cột «${UNIT_COL.emails}» của đơn vị này và chủ bảng tính mới được nhập.`);
          }
        };
        const unit = unitOf(valid.unitCode);
        if (!unit) throw new Refusal(`Mã đơn vị «${valid.unitCode}» không có trong trang «${SHEET.units}».`);
        refuseUnless(unit);
        if (valid.row !== null) {
          const existing = workbook.nominations.find((n) => n.row === valid.row);
          if (!existing) {
            throw new Refusal(`Hàng ${valid.row} của trang «${SHEET.nominations}» không còn đề nghị nào (có thể vừa bị xóa hoặc dời đi); hãy bấm «Tải lại» rồi chọn lại.`);
          }
          if (canonical(nominationToDraft(existing)) !== canonical(loaded)) {
            throw new Refusal(`Hàng ${valid.row} của trang «${SHEET.nominations}» đã thay đổi từ lúc bạn mở biểu mẫu (có người vừa sửa, chèn, xóa hoặc sắp xếp các hàng), nên chưa ghi gì để không đè lên đề nghị khác. Nội dung bạn nhập vẫn còn trong biểu mẫu: hãy chép lại phần cần giữ, bấm «Tải lại», chọn lại đề nghị rồi lưu.`);
          }
          const previous = unitOf(existing.unitCode);
          if (previous) refuseUnless(previous);
          else if (!owner) throw new Refusal(`Hàng ${valid.row} thuộc mã đơn vị «${existing.unitCode}» không có trong trang «${SHEET.units}»; chỉ chủ bảng tính sửa được hàng này.`);
        }
        const { row, cells } = nominationCells(input, valid);
        h.writeNominationRow(row, cells);
        saved = { row, action: valid.row === null ? 'appended' : 'updated' };
      });
      if (!ran) throw new Refusal('Một người khác đang ghi vào bảng tính. Vui lòng đợi khoảng một phút rồi bấm «Lưu» lại; nội dung bạn nhập vẫn còn nguyên.');
      if (!saved) throw new Refusal('Chưa lưu được đề nghị; hãy thử lại.');
      h.selectRows(SHEET.nominations, [saved.row]);
      return { ...saved, form: entryForm(h, h.readWorkbook()) };
    }),

    /** Tiến độ: every unit's progress, totals and per-block ranking charts. */
    loadProgress: () => answer(() => {
      const h = host();
      const input = h.readWorkbook();
      return unitProgress(evaluate(input), h.readSheet(DOCUMENTS_SHEET), input.timeZone, h.readSheet(SHEET.intake));
    }),

    /** Selects a unit's rows in one input sheet; answers how many. */
    selectUnitRows: (request: unknown) => answer(() => {
      const { unitCode, sheet } = parse(selectRequest, request);
      const h = host();
      const input = h.readWorkbook();
      const name = unitSheets[sheet];
      const read = findSheet(input, name);
      const column = read && findHeader(read, UNIT_COL.code);
      if (!read || !column) throw new Refusal(`Trang «${name}» không có cột «${UNIT_COL.code}».`);
      const key = normalizeKey(unitCode);
      const rows: number[] = [];
      read.values.forEach((cells, i) => {
        if (i + 1 > column.row && normalizeKey(readText(cells[column.column - 1], input.timeZone)) === key) rows.push(i + 1);
      });
      if (rows.length === 0) throw new Refusal(`Đơn vị ${unitCode} chưa có hàng nào ở trang «${read.name}».`);
      h.selectRows(read.name, rows);
      return rows.length;
    }),

    ...reminderEndpoints(host),
    ...factsEndpoints(host),
  } satisfies { [K in keyof Endpoints]: (arg: unknown) => ReturnType<Endpoints[K]> };
}

/** The endpoints over the active spreadsheet: the build exposes each as a top-level function. */
export const endpoints = createEndpoints(appsScriptHost);
