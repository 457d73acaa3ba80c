/**
 * «In giấy khen» and «In thử căn lề»: the core's certificates (one page each) or its alignment
 * test page as one Google Doc, made the way the dossiers are (the OOXML zipped with
 * `Utilities.zip`, imported by Drive), in this user's «Thi đua - Hồ sơ <năm>». A re-run imports
 * onto the same document, so its link stays. The emblem is a Drive file named in `Cấu hình`.
 */
import { readCertificateSettings } from '../core/certificateSettings';
import type { CertificateSettings } from '../core/certificateSettings';
import { EXTRA_SETTING, SHEET } from '../core/contract';
import { EmblemError, alignmentTestPage, buildCertificates, readEmblem } from '../core/documents/certificates';
import type { Emblem } from '../core/documents/certificates';
import { decidedAwards } from '../core/documents/councilPackage';
import { evaluate } from '../core/evaluate';
import { UnreadableWorkbook } from '../core/sheets';
import type { WorkbookError } from '../core/model';
import type { DocModel } from '../core/documents';
import { DriveTrouble, documentUrl, drive } from './drive';
import { Folders, docxBlob } from './dossierFiles';
import { escapeHtml, showDialog } from './html';
import { alertUser, underDocumentLock } from './lock';
import { CLOSING_SHEETS, SheetIndex, readInputSheets } from './sheetIO';

/** User property `thidua.giayKhen.<spreadsheet>.<tệp>`: the Google Doc of these certificates, rewritten in place. */
const PROP = 'thidua.giayKhen';

/** A Drive file ID, alone or inside a link (`/d/<id>/`, `?id=<id>`). */
export function driveFileId(text: string): string | null {
  const m = /\/d\/([-\w]{20,})/.exec(text) ?? /[?&]id=([-\w]{20,})/.exec(text) ?? /^([-\w]{20,})$/.exec(text.trim());
  return m?.[1] ?? null;
}

/** The emblem from Drive, or null and why not (the certificates are then made with an empty frame). */
function emblemFrom(settings: CertificateSettings): { emblem: Emblem | null; problem: string | null } {
  const named = settings.emblemImage;
  if (!named) return { emblem: null, problem: null };
  const where = `mục «${EXTRA_SETTING.emblemImage}» ở trang «${SHEET.settings}»`;
  const id = driveFileId(named);
  if (!id) return { emblem: null, problem: `«${named}» (${where}) không phải là mã hay đường liên kết của một tệp Drive; hãy dán đường liên kết của ảnh Quốc huy trong Drive.` };
  try {
    return { emblem: readEmblem(Uint8Array.from(drive.download(id), (b) => b & 255), named), problem: null };
  } catch (error) {
    if (error instanceof EmblemError) return { emblem: null, problem: error.message };
    if (error instanceof DriveTrouble && (error.kind === 'notFound' || error.kind === 'noAccess')) {
      return {
        emblem: null,
        problem:
          `Thi đua không mở được ảnh Quốc huy «${named}» (${where}). Tiện ích chỉ được đọc những tệp Drive do chính nó tạo hoặc được mở bằng nó (quyền drive.file), ` +
          'không đọc được ảnh bạn tự tải lên Drive. Giấy khen đã được tạo với khung trống ở chỗ Quốc huy: chèn ảnh vào đó trong Google Tài liệu, ' +
          'hoặc in trên phôi đã có sẵn Quốc huy («Giấy khen: kiểu in» là «In trên phôi»), hoặc dùng lệnh «thidua giay-khen» với một tệp ảnh trên máy.',
      };
    }
    throw error;
  }
}

/** Writes `doc` as the Google Doc remembered for `fileName`, or a new one in the year's folder; its ID and link. */
function writeDoc(spreadsheetId: string, year: string, fileName: string, doc: DocModel, title: string): { id: string; url: string } {
  const props = PropertiesService.getUserProperties();
  const key = `${PROP}.${spreadsheetId}.${fileName}`;
  const saved = props.getProperty(key);
  const found = saved ? drive.find(saved) : null;
  const blob = docxBlob({ doc, title });
  if (found && !found.trashed) {
    drive.reimportDocument(found.id, blob, title);
    return { id: found.id, url: documentUrl(found.id) };
  }
  const id = drive.importDocument(blob, title, new Folders(spreadsheetId, year).parent());
  props.setProperty(key, id);
  return { id, url: documentUrl(id) };
}

const warningsHtml = (errors: WorkbookError[], more: string[]) => {
  const items = [...errors.map((e) => `Trang «${e.sheet}», hàng ${e.row}: ${e.message}`), ...more];
  return items.length ? `<p>Cần xem lại:</p><ul>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>` : '';
};

function print(test: boolean): void {
  const done = underDocumentLock((): { html: string } | string => {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const input = readInputSheets(new SheetIndex(spreadsheet), CLOSING_SHEETS);
    const { settings, errors } = readCertificateSettings(input);
    let evaluation;
    try {
      evaluation = evaluate(input);
    } catch (error) {
      if (error instanceof UnreadableWorkbook) return `${error.message}\n\nChọn menu Thi đua › Khởi tạo bảng tính để tạo các trang còn thiếu.`;
      throw error;
    }
    const year = String(evaluation.workbook.settings.year ?? '');
    if (test) {
      const page = alignmentTestPage(settings);
      const written = writeDoc(spreadsheet.getId(), year, page.fileName, page.doc, page.title);
      return {
        html:
          `<p><a href="${escapeHtml(written.url)}" target="_blank">${escapeHtml(page.title)}</a></p>` +
          `<p>In trang này lên một phôi giấy khen (khổ A4 nằm ngang, tỷ lệ 100%), đo khoảng cách từ mỗi dấu «+» tới chỗ chữ cần nằm, rồi nhập vào «${escapeHtml(EXTRA_SETTING.certificateOffsetX)}» và «${escapeHtml(EXTRA_SETTING.certificateOffsetY)}» ở trang «${escapeHtml(SHEET.settings)}» (số dương: sang phải / xuống dưới).</p>` +
          warningsHtml(errors, []),
      };
    }
    // The certificates follow the decision: the award list of the dossiers accepted at intake.
    evaluation = { ...evaluation, awardList: decidedAwards(evaluation, input) };
    if (evaluation.awardList.length === 0) return 'Danh sách khen thưởng đang trống nên chưa có giấy khen nào. Chọn Thi đua › Kiểm tra điều kiện để xem vì sao từng đề nghị chưa được đưa vào danh sách.';
    const { emblem, problem } = settings.mode === 'full' ? emblemFrom(settings) : { emblem: null, problem: null };
    const set = buildCertificates(evaluation, settings, emblem);
    const written = writeDoc(spreadsheet.getId(), year, set.fileName, set.doc, set.title);
    const mode = settings.mode === 'onBlank' ? `in trên phôi, lệch ngang ${settings.offsetXMm} mm, dọc ${settings.offsetYMm} mm` : 'đầy đủ';
    return {
      html:
        `<p>Đã tạo ${set.certificates.length} giấy khen (${escapeHtml(mode)}), mỗi giấy một trang: <a href="${escapeHtml(written.url)}" target="_blank">${escapeHtml(set.title)}</a>.</p>` +
        '<p>In từ Google Tài liệu: Tệp › In, khổ A4 nằm ngang, tỷ lệ 100%.</p>' +
        warningsHtml(errors, [...(problem ? [problem] : []), ...set.missing]),
    };
  });
  if (!done.ran) return alertUser(done.why);
  if (typeof done.value === 'string') return alertUser(done.value);
  showDialog(test ? 'In thử căn lề giấy khen' : 'Giấy khen', done.value.html, 640, 420);
}

/** Menu «In giấy khen». */
export function printCertificates(): void {
  print(false);
}

/** Menu «In thử căn lề». */
export function printCertificateTest(): void {
  print(true);
}
