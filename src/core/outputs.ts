/** The three output sheets (workbook.md), as rows both hosts write in one call each. */
import type { CellValue } from './model';
import type { Evaluation, OutputSheet, RowMark } from './results';
import { KIND_LABEL, SHEET } from './contract';
import { roundTo } from './ranking';
import { normalizeKey } from './text';

const yesNo = (value: boolean) => (value ? 'Có' : 'Không');

function sheet(name: string, header: string[], rows: { cells: CellValue[]; mark: RowMark }[]): OutputSheet {
  return { name, header, rows: rows.map((r) => r.cells), marks: rows.map((r) => r.mark) };
}

/** Xếp hạng: each ranked block, its ranked units then its unranked ones with the reason. */
export function rankingSheet(e: Evaluation): OutputSheet {
  const { settings, units } = e.workbook;
  const unitName = new Map(units.map((u) => [u.code, u.name]));
  // Totals shown at the ranking's precision, so units that share a rank show equal scores.
  const shown = (total: number | null) => (total === null ? null : roundTo(total, settings.rankingDecimals));
  const rows: { cells: CellValue[]; mark: RowMark }[] = [];
  for (const block of [settings.agencyBlock, settings.communeBlock]) {
    for (const r of e.result.ranking.filter((r) => r.block === block)) {
      rows.push({
        cells: [block, r.rank, r.unit, unitName.get(r.unit) ?? '', shown(r.score), shown(r.self_score), r.prize ?? '', r.tied ? 'Đồng hạng' : '', ''],
        mark: r.prize ? 'prize' : r.tied ? 'tie' : null,
      });
    }
    for (const u of e.result.unranked.filter((u) => u.block === block)) {
      rows.push({ cells: [block, '', u.unit, unitName.get(u.unit) ?? '', '', '', '', '', `Chưa xếp hạng: ${u.reason}`], mark: 'unranked' });
    }
  }
  return sheet(
    SHEET.ranking,
    ['Khối', 'Hạng', 'Mã đơn vị', 'Tên đơn vị', 'Điểm thẩm định', 'Điểm tự đánh giá', 'Giải', 'Đồng hạng', 'Ghi chú'],
    rows,
  );
}

/** Kết quả xét: one row per nomination, in the order of `Đề nghị`. */
export function verdictSheet(e: Evaluation): OutputSheet {
  const unitName = new Map(e.workbook.units.map((u) => [normalizeKey(u.code), u.name]));
  const awarded = new Set(e.awardList.map((a) => a.nomination.row));
  const rows = e.result.nominations.map((v) => ({
    cells: [
      v.row,
      v.unit,
      unitName.get(normalizeKey(v.unit)) ?? '',
      v.kind ?? '',
      v.name,
      yesNo(v.eligible),
      v.basis.join(', '),
      v.failed.join(', '),
      v.quota_ok ? 'Trong chỉ tiêu' : 'Vượt chỉ tiêu',
      v.window_ok ? 'Đúng hạn' : 'Ngoài thời hạn',
      yesNo(awarded.has(v.row)),
      v.message,
    ] as CellValue[],
    mark: (!v.eligible ? 'ineligible' : !v.quota_ok || !v.window_ok ? 'warning' : null) as RowMark,
  }));
  return sheet(
    SHEET.verdicts,
    ['Hàng', 'Mã đơn vị', 'Tên đơn vị', 'Hình thức', 'Tên tập thể / Họ và tên', 'Đủ điều kiện', 'Căn cứ', 'Không đạt',
      'Chỉ tiêu', 'Thời hạn nộp', 'Vào danh sách', 'Giải thích'],
    rows,
  );
}

/** Danh sách khen thưởng: collectives then individuals, each part numbered from 1. */
export function awardListSheet(e: Evaluation): OutputSheet {
  const unitByKey = new Map(e.workbook.units.map((u) => [normalizeKey(u.code), u]));
  const rows: { cells: CellValue[]; mark: RowMark }[] = [];
  const parts = [
    { kind: 'collective' as const, title: `I. ${KIND_LABEL.collective.toUpperCase()}` },
    { kind: 'individual' as const, title: `II. ${KIND_LABEL.individual.toUpperCase()}` },
  ];
  for (const part of parts) {
    const entries = e.awardList.filter((a) => a.nomination.kind === part.kind);
    if (entries.length === 0) continue;
    rows.push({ cells: [part.title, '', '', '', '', '', '', ''], mark: 'section' });
    for (const a of entries) {
      const unit = unitByKey.get(normalizeKey(a.nomination.unitCode));
      rows.push({
        cells: [a.number, a.nomination.name, a.nomination.position, unit?.name ?? a.nomination.unitCode, unit?.block ?? '',
          a.verdict.basis.join(', '), a.nomination.summary, a.nomination.row],
        mark: null,
      });
    }
  }
  return sheet(
    SHEET.awardList,
    ['STT', 'Tên tập thể / Họ và tên', 'Chức vụ, đơn vị công tác', 'Đơn vị đề nghị', 'Khối', 'Căn cứ', 'Tóm tắt thành tích', 'Hàng đề nghị'],
    rows,
  );
}

export function outputSheets(e: Evaluation): OutputSheet[] {
  return [rankingSheet(e), verdictSheet(e), awardListSheet(e)];
}
