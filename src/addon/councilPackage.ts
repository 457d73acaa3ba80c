/**
 * «Tạo hồ sơ trình khen»: the council package (Tờ trình, Biên bản họp Hội đồng, Quyết định) as
 * three Google Docs, by the dossiers' route — the core's `.docx` layout zipped with
 * `Utilities.zip` and imported by Drive — into this user's «Thi đua - Trình khen <năm>». A re-run
 * imports onto the same documents, so their links stay.
 */
import * as z from 'zod/mini';
import { SHEET } from '../core/contract';
import { buildCouncilPackage } from '../core/documents';
import { evaluate } from '../core/evaluate';
import { UnreadableWorkbook } from '../core/sheets';
import { logActions } from './auditLog';
import { docxBlob } from './dossierFiles';
import { documentUrl, drive } from './drive';
import { escapeHtml, showDialog } from './html';
import { loadJson, saveJson } from './jobRunner';
import { alertUser, underDocumentLock } from './lock';
import { CLOSING_SHEETS, SheetIndex, readInputSheets } from './sheetIO';

/** User property `thidua.trinhKhen.<spreadsheet>.<năm>`: the folder and the three documents' IDs. */
const PROP = 'thidua.trinhKhen';
const savedSchema = z.object({ folder: z.string(), documents: z.record(z.string(), z.string()) });

interface Made {
  title: string;
  url: string;
  created: boolean;
}

export function createCouncilPackage(): void {
  const done = underDocumentLock((): { made: Made[]; missing: string[]; summary: string } | string => {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const index = new SheetIndex(spreadsheet);
    const input = readInputSheets(index, CLOSING_SHEETS);
    let evaluation;
    try {
      evaluation = evaluate(input);
    } catch (error) {
      if (!(error instanceof UnreadableWorkbook)) throw error;
      return `${error.message}\n\nChọn menu Thi đua › Khởi tạo bảng tính để tạo các trang còn thiếu.`;
    }
    const pack = buildCouncilPackage(evaluation, input);
    const year = String(evaluation.workbook.settings.year ?? 'chưa rõ năm');
    const props = PropertiesService.getUserProperties();
    const key = `${PROP}.${spreadsheet.getId()}.${year}`;
    const saved = loadJson(props, key, savedSchema);
    const folderInfo = saved ? drive.find(saved.folder) : null;
    const folder = folderInfo && !folderInfo.trashed ? folderInfo.id : drive.createFolder(`Thi đua - Trình khen ${year}`, null);
    const ids: Record<string, string> = { ...(folder === saved?.folder ? saved.documents : {}) };
    const made: Made[] = pack.documents.map((d) => {
      const blob = docxBlob(d);
      const savedId = ids[d.kind];
      const old = savedId ? drive.find(savedId) : null;
      if (old && !old.trashed) {
        drive.reimportDocument(old.id, blob, d.title);
        return { title: d.title, url: documentUrl(old.id), created: false };
      }
      const id = drive.importDocument(blob, d.title, folder);
      ids[d.kind] = id;
      return { title: d.title, url: documentUrl(id), created: true };
    });
    saveJson(props, key, { folder, documents: ids });
    const individuals = pack.awards.filter((a) => a.nomination.kind === 'individual').length;
    const summary = `Hồ sơ trình khen: ${pack.intake.filter((x) => x.status === 'Đủ').length}/${pack.intake.length} đơn vị «Đủ»; ${pack.awards.length - individuals} tập thể, ${individuals} cá nhân`;
    logActions([{ action: 'Tạo hồ sơ trình khen (menu Thi đua)', sheet: '', newValue: summary }]);
    return { made, missing: [...new Set(pack.documents.flatMap((d) => d.missing))], summary };
  });
  const value = done.ran ? done.value : done.why;
  if (typeof value === 'string') {
    alertUser(value);
    return;
  }
  const list = value.made.map((m) => `<li><a href="${escapeHtml(m.url)}" target="_blank">${escapeHtml(m.title)}</a>${m.created ? '' : ' (cập nhật)'}</li>`).join('');
  const missing = value.missing.length
    ? `<p>Còn ${value.missing.length} chỗ để trống (…) cần bổ sung:</p><ul>${value.missing.map((m) => `<li>${escapeHtml(m)}</li>`).join('')}</ul>`
    : '';
  showDialog('Hồ sơ trình khen', `<p>${escapeHtml(value.summary)}.</p><ul>${list}</ul>${missing}<p>Chỉ hồ sơ «Đủ» ở trang «${SHEET.intake}» được đưa vào.</p>`, 640, 480);
}
