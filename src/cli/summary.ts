/** The summary a person reads in the terminal after a run. */
import type { Evaluation } from '../core';
import type { DossierFilesResult } from './docx';
import { formatNumber, normalizeKey } from '../core';

const MAX_LISTED = 20;

function listed<T>(items: T[], line: (item: T) => string): string[] {
  const lines = items.slice(0, MAX_LISTED).map((item) => `  - ${line(item)}`);
  if (items.length > MAX_LISTED) lines.push(`  … và ${items.length - MAX_LISTED} mục khác (xem trang «Kết quả xét»).`);
  return lines;
}

export function summarize(e: Evaluation): string {
  const { settings, units } = e.workbook;
  const name = new Map(units.map((u) => [normalizeKey(u.code), u.name]));
  const unitName = (code: string) => name.get(normalizeKey(code)) ?? code;
  const { ranking, unranked, nominations, quota, errors } = e.result;
  const lines: string[] = [`Phong trào: ${settings.movementName || '…'}${settings.year ? ` (năm ${settings.year})` : ''}`, ''];

  for (const block of [settings.agencyBlock, settings.communeBlock]) {
    const ranked = ranking.filter((r) => r.block === block);
    const skipped = unranked.filter((u) => u.block === block);
    lines.push(`Xếp hạng khối «${block}»: ${ranked.length} đơn vị${skipped.length ? `, ${skipped.length} chưa xếp hạng` : ''}`);
    for (const r of ranked.filter((r) => r.prize)) {
      lines.push(`  ${String(r.rank).padStart(2)}. ${unitName(r.unit)} — ${formatNumber(r.score)} điểm — giải ${r.prize}${r.tied ? ' (đồng hạng)' : ''}`);
    }
    lines.push(...listed(skipped, (u) => `${unitName(u.unit)}: ${u.reason}`));
  }

  const eligible = nominations.filter((v) => v.eligible).length;
  lines.push('', `Đề nghị: ${nominations.length}; đủ điều kiện: ${eligible}; vào danh sách khen thưởng: ${e.awardList.length}.`);
  const overQuota = quota.filter((q) => !q.ok);
  if (overQuota.length) {
    lines.push(`Vượt chỉ tiêu (P4): ${overQuota.length} đơn vị`, ...listed(overQuota, (q) => `${unitName(q.unit)}: ${q.message}`));
  }
  const late = nominations.filter((v) => !v.window_ok);
  if (late.length) {
    lines.push(`Ngoài thời gian nhận hồ sơ (M3): ${late.length} đề nghị`, ...listed(late, (v) => `hàng ${v.row}, ${v.name || '(chưa có tên)'}`));
  }
  lines.push('', errors.length ? `Lỗi trong bảng tính: ${errors.length}` : 'Không có lỗi trong bảng tính.');
  lines.push(...listed(errors, (err) => `${err.sheet}${err.row ? `, hàng ${err.row}` : ''}${err.column ? `, cột «${err.column}»` : ''}: ${err.message}`));
  return lines.join('\n');
}

/** What the dossier step wrote, what it left out and which gaps the workbook should fill. */
export function summarizeDossiers(result: DossierFilesResult, dir: string): string {
  const docx = result.files.filter((f) => f.endsWith('.docx')).length;
  const pdf = result.files.filter((f) => f.endsWith('.pdf')).length;
  const lines = ['', `Hồ sơ: ${docx} tệp .docx${pdf ? ` và ${pdf} tệp .pdf` : ''} trong ${dir}`];
  if (result.excluded.length) lines.push(`Không lập hồ sơ cho ${result.excluded.length} đề nghị:`, ...listed(result.excluded, (x) => x));
  if (result.missing.length) {
    lines.push(`Còn thiếu ${result.missing.length} thông tin (để trống «…» trong hồ sơ; hãy bổ sung trong bảng tính):`, ...listed(result.missing, (m) => m));
  }
  lines.push(...result.warnings.map((w) => `Cảnh báo: ${w}`));
  return lines.join('\n');
}
