/**
 * «Hồ sơ, báo cáo» in the «Nhập đề nghị» sidebar: a unit fills the v2 facts of its
 * `Hồ sơ đơn vị` row and of its nominees' `Báo cáo thành tích` rows. Same rules as a nomination:
 * only the user's own units (Email), a row changed since the form loaded it is refused, text is
 * written literally, one locked write.
 */
import * as z from 'zod/mini';
import { DOSSIER_COL, KIND_LABEL, REPORT_COL, SHEET, UNIT_COL } from '../core/contract';
import {
  DOSSIER_FACT_KEYS,
  REPORT_FACT_KEYS,
  dossierFacts,
  dossierFactsSchema,
  dossierSheet,
  factCells,
  reportFacts,
  reportFactsSchema,
  reportSheet,
} from '../core/factsForm';
import type { FactsSheet } from '../core/factsForm';
import type { Unit, WorkbookInput } from '../core/model';
import { readWorkbook } from '../core/workbook';
import { normalizeKey } from '../core/text';
import type { FactsForm, SavedFacts } from '../sidebar/rpc';
import type { SidebarHost } from './endpoints';
import { Refusal, answer, canonical, mayEdit } from './endpoints';
import { vietnameseIssue } from '../sidebar/issues';

const SETUP = '«Thi đua › Khởi tạo bảng tính»';

/** Why a sheet cannot take the facts yet, or null. */
function sheetProblem(name: string, at: FactsSheet<string> | undefined): string | null {
  if (!at) return `Chưa có trang «${name}»: hãy chạy ${SETUP} để tạo trang này.`;
  if (at.missing.length) return `Trang «${at.sheet.name}» chưa có cột ${at.missing.map((h) => `«${h}»`).join(', ')}: hãy chạy ${SETUP} để thêm (dữ liệu có sẵn giữ nguyên).`;
  return null;
}

function factsForm(h: SidebarHost, input: WorkbookInput): FactsForm {
  const workbook = readWorkbook(input);
  const email = h.userEmail();
  const owner = h.isOwner() === true;
  const dossiers = dossierSheet(input);
  const reports = reportSheet(input);
  const tz = input.timeZone;
  const units = workbook.units
    .filter((u) => mayEdit(u, email, owner))
    .map((u) => ({
      code: u.code,
      name: u.name,
      dossier: dossiers ? dossierFacts(dossiers, u.code, tz) : { row: null, values: emptyOf(DOSSIER_FACT_KEYS) },
      nominees: workbook.nominations
        .filter((n) => normalizeKey(n.unitCode) === normalizeKey(u.code) && n.name.trim())
        .map((n) => ({
          name: n.name.trim(),
          kind: n.kind ? KIND_LABEL[n.kind] : '',
          report: reports ? reportFacts(reports, u.code, n.name.trim(), tz) : { row: null, values: emptyOf(REPORT_FACT_KEYS) },
        })),
    }));
  if (units.length === 0) {
    throw new Refusal(`Tài khoản ${email || '(không rõ email)'} chưa được giao đơn vị nào: hãy nhờ người quản lý bảng tính thêm địa chỉ này vào cột «${UNIT_COL.emails}» của đơn vị mình ở trang «${SHEET.units}».`);
  }
  const problems = [sheetProblem(SHEET.dossiers, dossiers), sheetProblem(SHEET.reports, reports)].filter((p): p is string => p !== null);
  return { units, problems };
}

const emptyOf = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, ''])) as Record<K, string>;

const request = <S extends z.ZodMiniObject>(values: S) =>
  z.object({
    unitCode: z.string().check(z.trim(), z.minLength(1, { error: 'Thiếu mã đơn vị.' })),
    values,
    loaded: z.nullable(z.record(z.string(), z.string())),
  });
const dossierRequest = request(dossierFactsSchema);
const reportRequest = z.extend(request(reportFactsSchema), { name: z.string().check(z.trim(), z.minLength(1, { error: 'Thiếu tên người được đề nghị.' })) });

const BUSY = 'Một người khác đang ghi vào bảng tính. Vui lòng đợi khoảng một phút rồi bấm «Lưu» lại; nội dung bạn nhập vẫn còn nguyên.';

/** The refusal when the row is no longer what the form loaded (`loaded` null: it had no row). */
function changed(sheet: string, row: number | null, loaded: unknown): Refusal {
  const keep = 'nên chưa ghi gì để không đè lên. Nội dung bạn nhập vẫn còn: hãy chép lại phần cần giữ, bấm «Tải lại» rồi lưu.';
  if (loaded === null) return new Refusal(`Trang «${sheet}» vừa có thêm hàng ${row} cho mục này từ lúc bạn mở biểu mẫu, ${keep}`);
  if (row === null) return new Refusal(`Hàng của mục này ở trang «${sheet}» không còn (có thể vừa bị xóa hoặc sửa mã, tên), ${keep}`);
  return new Refusal(`Hàng ${row} của trang «${sheet}» đã thay đổi từ lúc bạn mở biểu mẫu (có người vừa sửa, chèn, xóa hoặc sắp xếp các hàng), ${keep}`);
}

const LABELS: Record<string, string> = { ...REPORT_COL, ...DOSSIER_COL };

/** The request checked by zod, each problem named by its column: «Giờ bắt đầu»: … */
function parseFacts<T>(schema: z.ZodMiniType<T>, body: unknown): T {
  const parsed = schema.safeParse(body, { error: vietnameseIssue });
  if (parsed.success) return parsed.data;
  const said = parsed.error.issues.map((issue) => {
    const field = issue.path[0] === 'values' ? issue.path[1] : issue.path[0];
    const label = typeof field === 'string' ? LABELS[field] : undefined;
    return label ? `«${label}»: ${issue.message}` : issue.message;
  });
  throw new Refusal(`Dữ liệu gửi lên chưa đúng. ${said.join(' ')}`);
}

/** What to write: the sheet as named in the file, the row, its cells, the audit log's action. */
interface Write {
  sheet: string;
  row: number;
  cells: Array<string | null>;
  action: string;
}

/**
 * Under the lock: reads the workbook afresh, checks the user's right to the unit, lets `plan`
 * check the row still holds what the form loaded and say what to write, then writes once.
 */
function save(h: SidebarHost, unitCode: string, plan: (input: WorkbookInput, unit: Unit) => Write): SavedFacts {
  const email = h.userEmail();
  const owner = h.isOwner() === true;
  let done: Write | undefined;
  const ran = h.withDocumentLock(() => {
    const input = h.readWorkbook();
    const unit = readWorkbook(input).units.find((u) => normalizeKey(u.code) === normalizeKey(unitCode));
    if (!unit) throw new Refusal(`Mã đơn vị «${unitCode}» không có trong trang «${SHEET.units}».`);
    if (!mayEdit(unit, email, owner)) {
      throw new Refusal(`Tài khoản ${email || '(không rõ email)'} không được nhập cho «${unit.name}» (${unit.code}); chỉ các địa chỉ trong cột «${UNIT_COL.emails}» của đơn vị này và chủ bảng tính mới được nhập.`);
    }
    done = plan(input, unit);
    h.writeTextRow(done.sheet, done.row, done.cells, done.action);
  });
  if (!ran) throw new Refusal(BUSY);
  if (!done) throw new Refusal('Chưa lưu được; hãy thử lại.');
  h.selectRows(done.sheet, [done.row]);
  return { row: done.row, form: factsForm(h, h.readWorkbook()) };
}

/** The sheet ready for the facts, or a refusal saying to run «Khởi tạo bảng tính». */
function ready<K extends string>(name: string, at: FactsSheet<K> | undefined): FactsSheet<K> {
  const problem = sheetProblem(name, at);
  if (problem || !at) throw new Refusal(problem ?? name);
  return at;
}

export function factsEndpoints(host: () => SidebarHost) {
  return {
    // Hồ sơ, báo cáo: the facts of the user's units and nominees.
    // (Plain comments: a JSDoc block would be copied into Code.js's stubs.)
    loadFactsForm: () => answer(() => {
      const h = host();
      return factsForm(h, h.readWorkbook());
    }),
    saveDossierFacts: (body: unknown) => answer(() => {
      const { unitCode, values, loaded } = parseFacts(dossierRequest, body);
      return save(host(), unitCode, (input, unit) => {
        const at = ready(SHEET.dossiers, dossierSheet(input));
        const current = dossierFacts(at, unit.code, input.timeZone);
        if (canonical(current.row === null ? null : current.values) !== canonical(loaded)) throw changed(at.sheet.name, current.row, loaded);
        return {
          sheet: at.sheet.name,
          row: current.row ?? at.nextRow,
          cells: factCells(at, values, current.row === null ? { unitCode: unit.code } : null),
          action: 'Lưu hồ sơ đơn vị (thanh bên «Nhập đề nghị»)',
        };
      });
    }),
    saveNomineeReport: (body: unknown) => answer(() => {
      const { unitCode, name, values, loaded } = parseFacts(reportRequest, body);
      return save(host(), unitCode, (input, unit) => {
        const nominee = readWorkbook(input).nominations.find((n) => normalizeKey(n.unitCode) === normalizeKey(unit.code) && normalizeKey(n.name) === normalizeKey(name));
        if (!nominee) throw new Refusal(`Trang «${SHEET.nominations}» không còn «${name}» của đơn vị ${unit.code}; hãy bấm «Tải lại».`);
        const at = ready(SHEET.reports, reportSheet(input));
        const current = reportFacts(at, unit.code, name, input.timeZone);
        if (canonical(current.row === null ? null : current.values) !== canonical(loaded)) throw changed(at.sheet.name, current.row, loaded);
        return {
          sheet: at.sheet.name,
          row: current.row ?? at.nextRow,
          cells: factCells(at, values, current.row === null ? { unitCode: unit.code, name: nominee.name.trim() } : null),
          action: 'Lưu báo cáo thành tích (thanh bên «Nhập đề nghị»)',
        };
      });
    }),
  };
}
