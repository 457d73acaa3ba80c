/**
 * Custom functions (công thức) for the sheet. Pure over the cell values Sheets passes — one
 * value for a cell, rows for a range — and built on the core's own functions, so a formula and
 * the menu never disagree. Each JSDoc block is copied by the build above the top-level stub:
 * Sheets shows it as the function's help, `@param {…}` as the usage example.
 */
import type { CellValue, Nomination, Settings, SheetInput, Unit } from '../core/model';
import type { Evaluation, OutputSheet } from '../core/results';
import { NOMINATION_COL, SETTINGS_HEADER, SHEET } from '../core/contract';
import { evaluate } from '../core/evaluate';
import { awardListSheet, rankingSheet } from '../core/outputs';
import type { Eligibility, UnitContext } from '../core/rules';
import type { Standing } from '../core/ranking';
import { competitionRanks, roundTotal } from '../core/ranking';
import { judge } from '../core/rules';
import type { Standards } from '../core/standards';
import { judgeByStandards, standardsFromRange } from '../core/standards';
import { unitQuotas } from '../core/quota';
import { isEmptyCell, readNumber, readText, showCell } from '../core/cells';
import { normalizeKey } from '../core/text';
import type { FormulaArg } from './formulaInput';
import { FormulaError, isRange, nominationsFromRows, oneOrColumn, rowsOf, unitStanding, valuesOf } from './formulaInput';

type Result<T> = T | T[][];

/**
 * Hạng của một điểm trong vùng điểm của khối (xếp hạng tiêu chuẩn U3: điểm bằng nhau đồng hạng,
 * hạng kế tiếp bị bỏ qua: 1, 1, 3). Ô trống được bỏ qua.
 *
 * @param {E2} diem Điểm cần xếp hạng: một ô, hoặc một cột để được một cột hạng.
 * @param {$E$2:$E$20} vung_diem Các điểm của cả khối.
 * @return Hạng của điểm (số), hoặc một cột hạng.
 * @customfunction
 */
export function THIDUA_XEPHANG(diem: FormulaArg, vung_diem: FormulaArg): Result<number | ''> {
  const scores: number[] = [];
  for (const cell of valuesOf(vung_diem)) {
    const read = readNumber(cell);
    if (!read.ok) throw new FormulaError(`Vùng điểm có ô ${showCell(cell)} không phải là số; hãy chọn chỉ các ô điểm.`);
    if (read.value !== null) scores.push(roundTotal(read.value));
  }
  const ranks = competitionRanks(scores);
  const results = valuesOf(diem).map((cell): number | '' => {
    const read = readNumber(cell);
    if (!read.ok) throw new FormulaError(`Điểm ${showCell(cell)} không phải là số.`);
    if (read.value === null) return '';
    const at = scores.indexOf(roundTotal(read.value));
    if (at < 0) throw new FormulaError(`Điểm ${showCell(cell)} không có trong vùng điểm.`);
    return ranks[at] as number;
  });
  return oneOrColumn(diem, results);
}

/** The value of an optional per-row argument for row `i`: one value for all, or a column. */
function perRow(arg: FormulaArg | undefined, i: number, rows: number): CellValue {
  if (!isRange(arg)) return arg ?? '';
  if (arg.length === 1 && (arg[0]?.length ?? 0) === 1) return arg[0]?.[0] ?? '';
  if (arg.length !== rows) throw new FormulaError(`Cột hạng/khối có ${arg.length} hàng, cần ${rows} hàng như vùng đề nghị (hoặc một ô).`);
  return arg[i]?.[0] ?? '';
}

function contextFor(nomination: Nomination, rank: CellValue, block: CellValue, settings: Settings): UnitContext {
  // A row without a unit code fails P1 as in the menu; any other code is taken as a unit.
  if (!nomination.unitCode) return { blockKind: null, blockName: '', standing: null };
  return unitStanding(rank, block, settings);
}

/**
 * The rules a formula was given (the `Tiêu chuẩn` range), or null for the built-in ones. A row
 * that cannot be understood decides nothing for the nominations it applies to, as in the menu.
 */
function formulaStandards(tieu_chuan: FormulaArg | undefined, settings: Settings, cau_hinh: FormulaArg | undefined, nominationRows: CellValue[][]): Standards | null {
  if (tieu_chuan === undefined || tieu_chuan === null || tieu_chuan === '') return null;
  if (!isRange(tieu_chuan)) throw new FormulaError("Hãy truyền cả trang Tiêu chuẩn kèm hàng tiêu đề, ví dụ 'Tiêu chuẩn'!$A:$G.");
  const standards = standardsFromRange(tieu_chuan, settings, isRange(cau_hinh) ? cau_hinh : undefined, nominationRows);
  const unreadable = standards.errors.find((e) => e.row === null);
  if (unreadable) throw new FormulaError(unreadable.message);
  return standards;
}

/** Judges rows of `Đề nghị` given with their header row; '' for a blank row. */
function judgeRows(dong: FormulaArg, tieu_de: FormulaArg, hang?: FormulaArg, khoi?: FormulaArg, cau_hinh?: FormulaArg, tieu_chuan?: FormulaArg): Array<Eligibility | null> {
  const header = rowsOf(tieu_de)[0] ?? [];
  if (!isRange(tieu_de) || !header.some((h) => typeof h === 'string' && h.trim() !== '')) {
    throw new FormulaError("Hãy truyền hàng tiêu đề của trang «Đề nghị», ví dụ 'Đề nghị'!$A$1:$V$1.");
  }
  if (!isRange(dong)) throw new FormulaError('Hãy truyền cả hàng đề nghị (ví dụ A2:V2), không phải một ô.');
  const width = header.length;
  const rows = dong.map((r) => Array.from({ length: width }, (_, j) => r[j] ?? ''));
  const { settings, nominations } = nominationsFromRows([header, ...rows], isRange(cau_hinh) ? cau_hinh : undefined);
  const standards = formulaStandards(tieu_chuan, settings, cau_hinh, [header, ...rows]);
  const byRow = new Map(nominations.map((n) => [n.row, n]));
  return rows.map((_, i) => {
    const nomination = byRow.get(i + 2);
    if (!nomination) return null;
    const context = contextFor(nomination, perRow(hang, i, rows.length), perRow(khoi, i, rows.length), settings);
    return standards ? judgeByStandards(nomination, context, standards) : judge(nomination, context, settings);
  });
}

function oneOrRows<T>(results: T[]): Result<T> {
  return results.length === 1 ? (results[0] as T) : results.map((r) => [r]);
}

/**
 * Đề nghị có đủ điều kiện theo tiêu chuẩn hay không (P1, A0–A3 cho tập thể, B0–B2 cho cá nhân,
 * hoặc các tiêu chuẩn của trang Tiêu chuẩn), đọc theo hàng tiêu đề như menu «Kiểm tra điều kiện».
 * Chỉ tiêu (P4) và thời hạn (M3) xét riêng.
 *
 * @param {A2:V2} dong Một hàng của trang Đề nghị, hoặc nhiều hàng để được một cột kết quả.
 * @param {$A$1:$V$1} tieu_de Hàng tiêu đề của trang Đề nghị.
 * @param {3} hang Tùy chọn: hạng của đơn vị trong khối (trống = chưa xếp hạng); một ô hoặc một cột.
 * @param {"Xã, thị trấn"} khoi Tùy chọn: khối của đơn vị (cần khi có hạng); một ô hoặc một cột.
 * @param {'Cấu hình'!$A:$B} cau_hinh Tùy chọn: vùng trang Cấu hình, để dùng đúng các giá trị đã cấu hình.
 * @param {'Tiêu chuẩn'!$A:$G} tieu_chuan Tùy chọn: trang Tiêu chuẩn, để xét theo các tiêu chuẩn của bảng tính (trống = tiêu chuẩn năm 2022).
 * @return TRUE nếu đủ điều kiện, FALSE nếu không; trống với hàng trống.
 * @customfunction
 */
export function THIDUA_DUDIEUKIEN(
  dong: FormulaArg, tieu_de: FormulaArg, hang?: FormulaArg, khoi?: FormulaArg, cau_hinh?: FormulaArg, tieu_chuan?: FormulaArg,
): Result<boolean | ''> {
  return oneOrRows(judgeRows(dong, tieu_de, hang, khoi, cau_hinh, tieu_chuan).map((e) => (e ? e.eligible : '')));
}

/**
 * Lý do đề nghị đủ hoặc không đủ điều kiện, dẫn mã quy định (P1, A0, A1…, B2), như cột
 * «Giải thích» của trang Kết quả xét.
 *
 * @param {A2:V2} dong Một hàng của trang Đề nghị, hoặc nhiều hàng để được một cột kết quả.
 * @param {$A$1:$V$1} tieu_de Hàng tiêu đề của trang Đề nghị.
 * @param {3} hang Tùy chọn: hạng của đơn vị trong khối (trống = chưa xếp hạng); một ô hoặc một cột.
 * @param {"Xã, thị trấn"} khoi Tùy chọn: khối của đơn vị (cần khi có hạng); một ô hoặc một cột.
 * @param {'Cấu hình'!$A:$B} cau_hinh Tùy chọn: vùng trang Cấu hình, để dùng đúng các giá trị đã cấu hình.
 * @param {'Tiêu chuẩn'!$A:$G} tieu_chuan Tùy chọn: trang Tiêu chuẩn, để xét theo các tiêu chuẩn của bảng tính (trống = tiêu chuẩn năm 2022).
 * @return Lý do, bằng lời, kèm mã quy định.
 * @customfunction
 */
export function THIDUA_LYDO(
  dong: FormulaArg, tieu_de: FormulaArg, hang?: FormulaArg, khoi?: FormulaArg, cau_hinh?: FormulaArg, tieu_chuan?: FormulaArg,
): Result<string> {
  const reasons = judgeRows(dong, tieu_de, hang, khoi, cau_hinh, tieu_chuan).map((e) => {
    if (!e) return '';
    const verdict = e.eligible ? `Đủ điều kiện (căn cứ ${e.basis.join(', ')}).` : `Không đủ điều kiện (không đạt ${e.failed.join(', ')}).`;
    return `${verdict} ${e.reasons.join(' ')}`;
  });
  return oneOrRows(reasons);
}

/**
 * Chỉ tiêu đề nghị của một đơn vị (P4): mỗi đơn vị 01 tập thể hoặc 01 cá nhân; đơn vị xếp hạng
 * được xét trong khối được 01 tập thể và 01 cá nhân. Mọi hàng của trang Đề nghị đều được tính.
 *
 * @param {A2} ma_don_vi Mã đơn vị, hoặc một cột mã để được một cột kết quả.
 * @param {'Đề nghị'!$A:$V} de_nghi Trang Đề nghị, gồm cả hàng tiêu đề.
 * @param {3} hang Tùy chọn: hạng của đơn vị trong khối (trống = chưa xếp hạng); một ô hoặc một cột.
 * @param {"Xã, thị trấn"} khoi Tùy chọn: khối của đơn vị (cần khi có hạng); một ô hoặc một cột.
 * @param {'Cấu hình'!$A:$B} cau_hinh Tùy chọn: vùng trang Cấu hình, để dùng đúng các giá trị đã cấu hình.
 * @return Tình trạng chỉ tiêu của đơn vị, bằng lời, kèm mã P4.
 * @customfunction
 */
export function THIDUA_CHITIEU(ma_don_vi: FormulaArg, de_nghi: FormulaArg, hang?: FormulaArg, khoi?: FormulaArg, cau_hinh?: FormulaArg): Result<string> {
  if (!isRange(de_nghi)) throw new FormulaError("Hãy truyền cả trang Đề nghị kèm hàng tiêu đề, ví dụ 'Đề nghị'!$A:$V.");
  const { settings, nominations } = nominationsFromRows(de_nghi, isRange(cau_hinh) ? cau_hinh : undefined);
  const codes = valuesOf(ma_don_vi);
  const results = codes.map((cell, i): string => {
    if (isEmptyCell(cell)) return '';
    const code = readText(cell);
    const context = unitStanding(perRow(hang, i, codes.length), perRow(khoi, i, codes.length), settings);
    const unit: Unit = { row: 0, code, name: code, block: context.blockName, blockKind: context.blockKind ?? 'other', head: '', emails: [] };
    const standing = new Map<string, Standing>(context.standing ? [[code, context.standing]] : []);
    // The unit's rows as the menu groups them: by the code, whatever its case or spacing.
    const own = nominations.filter((n) => normalizeKey(n.unitCode) === normalizeKey(code)).map((n) => ({ ...n, unitCode: code }));
    const quota = unitQuotas(own, [unit], standing, settings)[0];
    return quota ? quota.message : `P4: đơn vị «${code}» chưa có đề nghị nào.`;
  });
  return oneOrColumn(ma_don_vi, results);
}

/** A whole input sheet given to a live table: it must be a range that includes its header row. */
function sheetArg(arg: FormulaArg | undefined, name: string, example: string, required: boolean): SheetInput | null {
  if (!required && (arg === undefined || arg === null || arg === '')) return null;
  if (!isRange(arg)) throw new FormulaError(`Hãy truyền cả trang «${name}» kèm hàng tiêu đề, ví dụ '${name}'!${example}.`);
  return { name, values: arg };
}

/**
 * The workbook a live table was given, judged by the same core as the menu. Dates reach a
 * formula as instants and mean days in the spreadsheet's time zone (the window, M3).
 */
function liveEvaluation(args: {
  units: FormulaArg; criteria: FormulaArg; scores: FormulaArg; settings?: FormulaArg; nominations?: FormulaArg; standards?: FormulaArg;
}, settingsRequired: boolean): Evaluation {
  const sheets = [
    sheetArg(args.settings, SHEET.settings, 'A:B', settingsRequired) ?? { name: SHEET.settings, values: [[SETTINGS_HEADER.key, SETTINGS_HEADER.value]] },
    sheetArg(args.units, SHEET.units, 'A:I', true),
    sheetArg(args.criteria, SHEET.criteria, 'A:D', true),
    sheetArg(args.scores, SHEET.scores, 'A:E', true),
    sheetArg(args.nominations, SHEET.nominations, 'A:T', false) ?? { name: SHEET.nominations, values: [Object.values(NOMINATION_COL)] },
    sheetArg(args.standards, SHEET.standards, 'A:G', false),
  ].filter((s): s is SheetInput => s !== null);
  return evaluate({ sheets, timeZone: SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone() });
}

/** An output table as a spilled range: its header, then its rows; empty cells as ''. */
function spilled(out: OutputSheet): Array<Array<string | number | boolean>> {
  const width = out.header.length;
  return [out.header, ...out.rows].map((row) => Array.from({ length: width }, (_, j) => {
    const cell = row[j];
    return cell === null || cell === undefined || cell instanceof Date ? '' : cell;
  }));
}

/**
 * Bảng xếp hạng mọi khối được xếp hạng (U3), như trang «Xếp hạng» của menu: cùng điểm, cùng hạng,
 * cùng đồng hạng, cùng lý do chưa xếp hạng. Bảng tràn xuống các ô bên dưới và tự tính lại khi
 * các đơn vị nhập điểm. Để trống vùng bên dưới và bên phải ô công thức.
 *
 * @param {'Đơn vị'!$A:$I} don_vi Trang Đơn vị, gồm cả hàng tiêu đề.
 * @param {'Tiêu chí'!$A:$D} tieu_chi Trang Tiêu chí, gồm cả hàng tiêu đề.
 * @param {'Chấm điểm'!$A:$E} cham_diem Trang Chấm điểm, gồm cả hàng tiêu đề.
 * @param {'Cấu hình'!$A:$B} cau_hinh Tùy chọn: trang Cấu hình (tên khối, số hạng được xét, số chữ số thập phân).
 * @return Bảng xếp hạng có hàng tiêu đề: khối, hạng, mã và tên đơn vị, điểm, giải, đồng hạng, ghi chú.
 * @customfunction
 */
export function THIDUA_BANG_XEP_HANG(don_vi: FormulaArg, tieu_chi: FormulaArg, cham_diem: FormulaArg, cau_hinh?: FormulaArg): Array<Array<string | number | boolean>> {
  return spilled(rankingSheet(liveEvaluation({ units: don_vi, criteria: tieu_chi, scores: cham_diem, settings: cau_hinh }, false)));
}

/**
 * Danh sách khen thưởng theo đúng thứ tự chính thức, như trang «Danh sách khen thưởng» của menu:
 * chỉ các đề nghị đủ điều kiện, trong chỉ tiêu (P4) và đúng hạn (M3); tập thể rồi cá nhân. Bảng
 * tràn xuống các ô bên dưới và tự tính lại khi các đơn vị nhập liệu. Công thức không thấy định
 * dạng ô: hãy nhập tỷ lệ như 95 (ô định dạng % chứa 0,95 được đọc là 0,95%).
 *
 * @param {'Đơn vị'!$A:$I} don_vi Trang Đơn vị, gồm cả hàng tiêu đề.
 * @param {'Tiêu chí'!$A:$D} tieu_chi Trang Tiêu chí, gồm cả hàng tiêu đề.
 * @param {'Chấm điểm'!$A:$E} cham_diem Trang Chấm điểm, gồm cả hàng tiêu đề.
 * @param {'Đề nghị'!$A:$T} de_nghi Trang Đề nghị, gồm cả hàng tiêu đề.
 * @param {'Cấu hình'!$A:$B} cau_hinh Trang Cấu hình (cần thời gian nhận hồ sơ).
 * @param {'Tiêu chuẩn'!$A:$G} tieu_chuan Tùy chọn: trang Tiêu chuẩn (trống = tiêu chuẩn năm 2022).
 * @return Danh sách khen thưởng có hàng tiêu đề: số thứ tự, tên, chức vụ, đơn vị, khối, căn cứ, tóm tắt thành tích, hàng đề nghị.
 * @customfunction
 */
export function THIDUA_DANH_SACH_KHEN(
  don_vi: FormulaArg, tieu_chi: FormulaArg, cham_diem: FormulaArg, de_nghi: FormulaArg, cau_hinh: FormulaArg, tieu_chuan?: FormulaArg,
): Array<Array<string | number | boolean>> {
  if (!isRange(de_nghi)) throw new FormulaError(`Hãy truyền cả trang «${SHEET.nominations}» kèm hàng tiêu đề, ví dụ '${SHEET.nominations}'!A:T.`);
  const evaluation = liveEvaluation({ units: don_vi, criteria: tieu_chi, scores: cham_diem, nominations: de_nghi, settings: cau_hinh, standards: tieu_chuan }, true);
  return spilled(awardListSheet(evaluation));
}
