/**
 * The sample district: Hữu Lũng, 2022 (the launch document in shared/domain). `generate.ts`
 * writes it to `huu-lung-2022.xlsx`. Every person's name, e-mail and score is invented and only
 * illustrates the workbook; the units are the district's real communes and agencies.
 *
 * WHAT THE ROWS EXERCISE (rule IDs of rules.md; rows as a person sees them, header = row 1)
 *
 * Cấu hình — dates as date cells (Ngày phát động, Nhận hồ sơ từ ngày) and as dd/mm/yyyy text
 *   (Ngày kết thúc, Nhận hồ sơ đến ngày); window 02/01/2023–06/01/2023 (M3); threshold 90 (A1);
 *   3 prize ranks (U3).
 *
 * Chấm điểm — 8 criteria, maxima summing to 100, for both blocks (U2). Appraised totals (U3):
 *   Xã, thị trấn: X07 93.5 (rank 1, Nhất); X02 and X12 91.3 — tied, rank 2, both Nhì (X12's
 *     rows are in reverse criterion order: summed in row order as floats, X02 gives 91.3 and
 *     X12 91.30000000000001, so the tie holds only if totals are rounded); X01 90.75 is rank 4,
 *     not a prize rank (1, 2, 2, 4). X08 and X11 tie at 80.5 outside the prize ranks.
 *   Cơ quan chuyên môn: CQ02 94.2 (Nhất), CQ04 92.6 (Nhì), CQ10 90.1 (Ba), CQ08 89.4 (rank 4).
 *   Unranked: X18 (TC6 has no appraised score), X24 (its TC7 and TC8 rows are the error rows).
 *   Error rows, the last three (296–298): X24 TC7 appraised 17.5 > max 16; X24 TC8 appraised is text;
 *   unknown unit X25.
 *
 * Đề nghị (row: unit, kind — expected outcome)
 *   2  X07 Tập thể — A2 (rank 1 commune); A1 fails (satisfaction 88)    } P4 fails: a prize unit
 *   3  X07 Tập thể — A1 (yes/no as `x`)                                 } with two collectives
 *   4  X02 Tập thể — A1 and A2 (tied rank 2)                            } P4 ok: prize unit,
 *   5  X02 Cá nhân «Đoàn Thị Đào» — B1 (full-word ratings), grassroots  } 1 collective + 1 individual
 *   6  X12 Tập thể — A2 (tied rank 2); yes/no as `x`                    } P4 ok
 *   7  X12 Cá nhân «Dương Văn Dũng» — B1 (HTTNV); tied with row 5's unit: D before Đ (P2 equal)
 *   8  CQ02 Tập thể — A3 (rank 1 agency); A1 fails (satisfaction empty)  } P4 ok
 *   9  CQ02 Cá nhân — B1 (HTXSNV both years), agency individual          }
 *   10 CQ04 Tập thể — A3 (rank 2)        11 CQ10 Cá nhân — B1 (CQ10 rank 3)
 *   12 CQ08 Tập thể — fails A1 (85 %, 98.5 %, online not risen) and A2/A3 (rank 4): ineligible
 *   13 X05 Tập thể — A1 with percents as text `95%`, `100%`
 *   14 X10 Tập thể — A1 with 0.95 and 1 in percent-formatted cells
 *   15 CQ05 Tập thể — A1 at the edge: satisfaction exactly 90
 *   16 X15 Tập thể — fails A1: online rate not risen (50 → 50); no votes; its dossier has gaps
 *   17 X20 Tập thể — fails A1: on-time 99.5 %      18 X21 Tập thể — fails A1: satisfaction 89.9
 *   19 X22 Tập thể — fails A1: innovation not confirmed (empty)
 *   20 X03 Tập thể — fails A0: unity empty          21 X04 Tập thể — fails A0: plan `Không`
 *   22 CQ06 Tập thể — fails A0: discipline FALSE (checkbox)
 *   23 CQ07 Cá nhân «Bùi Thị An» (agency) and 24 X09 Cá nhân «Vũ Văn Thành» (commune): both B1 with
 *      the same ratings, both units outside the prize ranks — P2 puts Vũ (grassroots) first
 *   25 X06 Cá nhân — B1 (HTXSNV full words)
 *   26 X11 Cá nhân — fails B1 (HTNV last year), no B2     27 X13 Cá nhân — fails B1 (HTNV this year)
 *   28 X14 Cá nhân — fails B0 (compliance empty), B1 would hold
 *   29 X16 Cá nhân — fails P1 (`Trực tiếp làm CCHC` = `Không`; B1 and B2 need it too)
 *   30 CQ03 Cá nhân — B2 only (recognised initiative; HTNV this year fails B1)
 *   31 X17 Cá nhân — B1 and B2
 *   32 X19 Cá nhân — B1, submitted 02/01/2023 (first day: inside, M3)
 *   33 X23 Tập thể — A1 (satisfaction 95), submitted `06/01/2023` as text (last day: inside)
 *   34 CQ09 Cá nhân — B1, submitted 01/01/2023: outside the window (M3)
 *   35 CQ11 Tập thể — A1, submitted `07/01/2023` as text: outside the window
 *   36 CQ12 Cá nhân — B1, no submission date: window not satisfied
 *   37 X01 Tập thể — A1 } P4 fails: X01 is rank 4 (not a prize rank) and sends two
 *   38 X01 Cá nhân — B1 } nominations; X01 has no row in Hồ sơ đơn vị
 *   39 CQ13 Cá nhân — B1; the name is the literal text `=HYPERLINK("http://x","Nguyễn Văn A")`
 *   40 DV01 Cá nhân — B1; the name is the literal text `<b>Trần Thị B</b>` (Đơn vị khác)
 *   41 DV02 Tập thể — A1 (yes/no as `X`), an unranked block; no votes; no row in Hồ sơ đơn vị
 *   42 DV03 Cá nhân — fails B1 (KHTNV last year)
 *   43 X08 Cá nhân «Dương Thị Dịu» — B1, grassroots
 *   44 X18 Tập thể — A1; its unit is unranked (missing appraised score), so total quota 1
 *   45 X24 Cá nhân «Đàm Văn Đức» — B1; its unit is unranked (score errors)
 *   46 X25 Cá nhân — unknown unit: an error, fails P1
 *   47 CQ01 Cá nhân — this year's rating `Tốt` is unreadable: an error, fails B1
 *
 * Hồ sơ đơn vị — a row for every nominating unit except X01 and DV02 (and the unknown X25);
 *   X15's row lacks the secretary and the letter's number and date; two dates are text.
 *   v2 columns: meeting times as text, the council, the voting method, the discussion, recipients.
 *
 * Đơn vị, v2 — symbols and signer titles for every unit (KT. at CQ04, Q. at CQ09); X23 lacks its title.
 * Báo cáo thành tích — form 07's facts for CQ02's two nominees and X02's individual.
 */
import { COUNCIL_COL, CRITERION_COL, DOSSIER_COL, EXTRA_SETTING, INTAKE_CHANNELS, INTAKE_COL, INTAKE_STATUSES, NOMINATION_COL, OTHER_BLOCK, RATING_LABEL, REPORT_COL, SCORE_COL, SETTING, SETTINGS_HEADER, SHEET, SIGNING_AUTHORITIES, UNIT_COL, VOTING_METHODS } from '../src/core/contract';
import type { SheetSpec, SpecCell } from '../src/cli/xlsx';

/** The sample's files carry this date, so regenerating it gives the same bytes. */
export const SAMPLE_DATE = new Date(Date.UTC(2023, 0, 10));

/** A date cell (exceljs dates are midnight UTC). */
function day(year: number, month: number, dayOfMonth: number): Date {
  return new Date(Date.UTC(year, month - 1, dayOfMonth));
}

/** A fraction in a percent-formatted cell (0.95 shows as 95%). */
function percent(fraction: number): SpecCell {
  return { value: fraction, numFmt: '0%' };
}

const COMMUNES = 'Xã, thị trấn';
const AGENCIES = 'Cơ quan chuyên môn';

type Row<Col extends Record<string, string>> = Partial<Record<keyof Col, SpecCell>>;

function table<Col extends Record<string, string>>(columns: Col, rows: Row<Col>[]): SpecCell[][] {
  const keys = Object.keys(columns) as (keyof Col)[];
  return [keys.map((key) => columns[key]!), ...rows.map((row) => keys.map((key) => row[key] ?? null))];
}

// --- Cấu hình ------------------------------------------------------------------------------

export const settings: [string, SpecCell, string][] = [
  [SETTING.movementName, 'Đẩy mạnh cải cách hành chính Nhà nước và thực hiện kỷ luật, kỷ cương hành chính', 'Theo văn bản phát động'],
  [SETTING.year, 2022, 'Năm của phong trào («năm nay» khi xét xếp loại)'],
  [SETTING.issuer, 'Ủy ban nhân dân huyện Hữu Lũng', 'Cơ quan ban hành văn bản'],
  [SETTING.issuerSuperior, null, 'Để trống: văn bản của UBND huyện không ghi cơ quan cấp trên'],
  [SETTING.placeName, 'Hữu Lũng', 'Địa danh ghi ngày tháng trên văn bản'],
  [SETTING.signerTitle, 'Chủ tịch', ''],
  [SETTING.signerName, 'Bùi Quốc Khánh', ''],
  [SETTING.launchDate, day(2022, 3, 15), ''],
  [SETTING.endDate, '31/12/2022', 'Ngày có thể nhập dạng ngày hoặc văn bản dd/mm/yyyy'],
  [SETTING.windowFrom, day(2023, 1, 2), 'Nhận hồ sơ trực tuyến từ ngày (tính cả ngày này)'],
  [SETTING.windowTo, '06/01/2023', 'Đến ngày (tính cả ngày này)'],
  [SETTING.minSatisfactionPercent, 90, 'Tỷ lệ hài lòng «cao» của tiêu chuẩn tập thể thứ nhất'],
  [SETTING.prizeRanks, 3, 'Xếp thứ Nhất, Nhì, Ba'],
  [SETTING.communeBlock, COMMUNES, ''],
  [SETTING.agencyBlock, AGENCIES, ''],
  [EXTRA_SETTING.awardDecisionNumber, '125/QĐ-UBND', 'Quyết định khen thưởng (số bịa cho bảng tính mẫu)'],
  [EXTRA_SETTING.awardDecisionDate, day(2023, 1, 20), 'Cũng là ngày ghi trên giấy khen'],
  [EXTRA_SETTING.goldenBookStart, 1001, 'Để trống: số sổ vàng là số thứ tự trong danh sách khen thưởng'],
  [EXTRA_SETTING.emblemImage, null, 'Tệp ảnh PNG/JPEG (lệnh thidua) hoặc đường liên kết Drive (tiện ích); để trống: in khung trống'],
  [EXTRA_SETTING.certificateMode, 'Đầy đủ', '«Đầy đủ» hoặc «In trên phôi» (chỉ in phần chữ thay đổi lên phôi in sẵn)'],
  [EXTRA_SETTING.certificateOffsetX, 0, 'Khi in trên phôi: số dương dịch sang phải (đo trên bản «In thử căn lề»)'],
  [EXTRA_SETTING.certificateOffsetY, 0, 'Khi in trên phôi: số dương dịch xuống dưới'],
];

// --- Đơn vị --------------------------------------------------------------------------------

export const units: Row<typeof UNIT_COL>[] = [
  { code: 'X01', name: 'UBND thị trấn Hữu Lũng', block: COMMUNES, head: 'Nguyễn Văn Hải', emails: 'ubnd.tthuulung@example.gov.vn' },
  { code: 'X02', name: 'UBND xã Cai Kinh', block: COMMUNES, head: 'Hoàng Văn Lâm', emails: 'ubnd.caikinh@example.gov.vn, vanphong.caikinh@example.gov.vn' },
  { code: 'X03', name: 'UBND xã Đồng Tân', block: COMMUNES, head: 'Lương Văn Tú', emails: 'ubnd.dongtan@example.gov.vn' },
  { code: 'X04', name: 'UBND xã Đồng Tiến', block: COMMUNES, head: 'Vi Thị Nga', emails: 'ubnd.dongtien@example.gov.vn' },
  { code: 'X05', name: 'UBND xã Hồ Sơn', block: COMMUNES, head: 'Nông Văn Quang', emails: 'ubnd.hoson@example.gov.vn' },
  { code: 'X06', name: 'UBND xã Hòa Bình', block: COMMUNES, head: 'Lăng Văn Trường', emails: 'ubnd.hoabinh@example.gov.vn' },
  { code: 'X07', name: 'UBND xã Hòa Lạc', block: COMMUNES, head: 'Triệu Văn Phúc', emails: 'ubnd.hoalac@example.gov.vn' },
  { code: 'X08', name: 'UBND xã Hòa Sơn', block: COMMUNES, head: 'Hà Thị Liên', emails: 'ubnd.hoason@example.gov.vn' },
  { code: 'X09', name: 'UBND xã Hòa Thắng', block: COMMUNES, head: 'Chu Văn Kiên', emails: 'ubnd.hoathang@example.gov.vn' },
  { code: 'X10', name: 'UBND xã Hữu Liên', block: COMMUNES, head: 'Hoàng Thị Thảo', emails: 'ubnd.huulien@example.gov.vn' },
  { code: 'X11', name: 'UBND xã Minh Hòa', block: COMMUNES, head: 'Lý Văn Sáng', emails: 'ubnd.minhhoa@example.gov.vn' },
  { code: 'X12', name: 'UBND xã Minh Sơn', block: COMMUNES, head: 'Đinh Văn Hòa', emails: 'ubnd.minhson@example.gov.vn' },
  { code: 'X13', name: 'UBND xã Minh Tiến', block: COMMUNES, head: 'Nguyễn Thị Hằng', emails: 'ubnd.minhtien@example.gov.vn' },
  { code: 'X14', name: 'UBND xã Nhật Tiến', block: COMMUNES, head: 'Mạc Văn Tài', emails: 'ubnd.nhattien@example.gov.vn' },
  { code: 'X15', name: 'UBND xã Quyết Thắng', block: COMMUNES, head: 'Hoàng Văn Dũng', emails: 'ubnd.quyetthang@example.gov.vn' },
  { code: 'X16', name: 'UBND xã Sơn Hà', block: COMMUNES, head: 'Lục Văn Thái', emails: 'ubnd.sonha@example.gov.vn' },
  { code: 'X17', name: 'UBND xã Tân Thành', block: COMMUNES, head: 'Phùng Thị Yến', emails: 'ubnd.tanthanh@example.gov.vn' },
  { code: 'X18', name: 'UBND xã Thanh Sơn', block: COMMUNES, head: 'Dương Văn Tiến', emails: 'ubnd.thanhson@example.gov.vn' },
  { code: 'X19', name: 'UBND xã Thiện Tân', block: COMMUNES, head: 'Bế Văn Hưng', emails: 'ubnd.thientan@example.gov.vn' },
  { code: 'X20', name: 'UBND xã Vân Nham', block: COMMUNES, head: 'Trần Văn Định', emails: 'ubnd.vannham@example.gov.vn' },
  { code: 'X21', name: 'UBND xã Yên Bình', block: COMMUNES, head: 'Vy Văn Toàn', emails: 'ubnd.yenbinh@example.gov.vn' },
  { code: 'X22', name: 'UBND xã Yên Sơn', block: COMMUNES, head: 'La Thị Huệ', emails: 'ubnd.yenson@example.gov.vn' },
  { code: 'X23', name: 'UBND xã Yên Thịnh', block: COMMUNES, head: 'Đào Văn Quý', emails: 'ubnd.yenthinh@example.gov.vn' },
  { code: 'X24', name: 'UBND xã Yên Vượng', block: COMMUNES, head: 'Tô Văn Cường', emails: 'ubnd.yenvuong@example.gov.vn' },
  { code: 'CQ01', name: 'Văn phòng HĐND và UBND huyện', block: AGENCIES, head: 'Nguyễn Minh Đức', emails: 'vanphong@example.gov.vn' },
  { code: 'CQ02', name: 'Phòng Nội vụ', block: AGENCIES, head: 'Lê Văn Thắng', emails: 'noivu@example.gov.vn' },
  { code: 'CQ03', name: 'Phòng Tư pháp', block: AGENCIES, head: 'Trần Thị Minh', emails: 'tuphap@example.gov.vn' },
  { code: 'CQ04', name: 'Phòng Tài chính - Kế hoạch', block: AGENCIES, head: 'Phạm Văn Long', emails: 'taichinh@example.gov.vn' },
  { code: 'CQ05', name: 'Phòng Tài nguyên và Môi trường', block: AGENCIES, head: 'Hoàng Văn Huy', emails: 'tnmt@example.gov.vn' },
  { code: 'CQ06', name: 'Phòng Lao động - Thương binh và Xã hội', block: AGENCIES, head: 'Ngô Thị Phương', emails: 'ldtbxh@example.gov.vn' },
  { code: 'CQ07', name: 'Phòng Văn hóa và Thông tin', block: AGENCIES, head: 'Vũ Thị Thu Hà', emails: 'vhtt@example.gov.vn' },
  { code: 'CQ08', name: 'Phòng Giáo dục và Đào tạo', block: AGENCIES, head: 'Đặng Văn Hiếu', emails: 'gddt@example.gov.vn' },
  { code: 'CQ09', name: 'Phòng Y tế', block: AGENCIES, head: 'Bùi Văn Thịnh', emails: 'yte@example.gov.vn' },
  { code: 'CQ10', name: 'Thanh tra huyện', block: AGENCIES, head: 'Lưu Văn Công', emails: 'thanhtra@example.gov.vn' },
  { code: 'CQ11', name: 'Phòng Kinh tế và Hạ tầng', block: AGENCIES, head: 'Ninh Văn Tuấn', emails: 'ktht@example.gov.vn' },
  { code: 'CQ12', name: 'Phòng Nông nghiệp và Phát triển nông thôn', block: AGENCIES, head: 'Hà Văn Thành', emails: 'nnptnt@example.gov.vn' },
  { code: 'CQ13', name: 'Phòng Dân tộc', block: AGENCIES, head: 'Lộc Văn Sơn', emails: 'dantoc@example.gov.vn' },
  { code: 'DV01', name: 'Trung tâm Văn hóa, Thể thao và Truyền thông huyện', block: OTHER_BLOCK, head: 'Trương Thị Lan', emails: 'ttvhttt@example.gov.vn' },
  { code: 'DV02', name: 'Ban Quản lý dự án đầu tư xây dựng huyện', block: OTHER_BLOCK, head: 'Nguyễn Văn Kiên', emails: 'bqlda@example.gov.vn' },
  { code: 'DV03', name: 'Trung tâm Y tế huyện', block: OTHER_BLOCK, head: 'Lê Thị Hoa', emails: 'ttyt@example.gov.vn' },
];

/**
 * Who signs each unit's documents and under which symbol (v2 columns). Communes sign «TM. ỦY BAN
 * NHÂN DÂN / CHỦ TỊCH»; agencies under the district's People's Committee; CQ04 signs through its
 * deputy (KT.), CQ09 through an acting head (Q.); X23 has not filled its signer's title (a gap).
 */
const AGENCY_SIGNING: Record<string, [symbol: string, title: string, authority?: string]> = {
  CQ01: ['VP', 'CHÁNH VĂN PHÒNG'],
  CQ02: ['NV', 'TRƯỞNG PHÒNG'],
  CQ03: ['TP', 'TRƯỞNG PHÒNG'],
  CQ04: ['TCKH', 'PHÓ TRƯỞNG PHÒNG', 'KT.'],
  CQ05: ['TNMT', 'TRƯỞNG PHÒNG'],
  CQ06: ['LĐTBXH', 'TRƯỞNG PHÒNG'],
  CQ07: ['VHTT', 'TRƯỞNG PHÒNG'],
  CQ08: ['GDĐT', 'TRƯỞNG PHÒNG'],
  CQ09: ['YT', 'TRƯỞNG PHÒNG', 'Q.'],
  CQ10: ['TTr', 'CHÁNH THANH TRA'],
  CQ11: ['KTHT', 'TRƯỞNG PHÒNG'],
  CQ12: ['NN', 'TRƯỞNG PHÒNG'],
  CQ13: ['DT', 'TRƯỞNG PHÒNG'],
  DV01: ['TTVHTTTT', 'GIÁM ĐỐC'],
  DV02: ['BQLDA', 'GIÁM ĐỐC'],
  DV03: ['TTYT', 'GIÁM ĐỐC'],
};

for (const unit of units) {
  const code = String(unit.code);
  const agency = AGENCY_SIGNING[code];
  if (agency) {
    const [symbol, title, authority] = agency;
    Object.assign(unit, { symbol, signerTitle: title, signingAuthority: authority ?? null, superior: 'Ủy ban nhân dân huyện Hữu Lũng' });
  } else {
    Object.assign(unit, { symbol: 'UBND', signerTitle: code === 'X23' ? null : 'CHỦ TỊCH', signingAuthority: SIGNING_AUTHORITIES[0] });
  }
}

// --- Tiêu chí ------------------------------------------------------------------------------

export const criteria: Row<typeof CRITERION_COL>[] = [
  { code: 'TC1', name: 'Công tác chỉ đạo, điều hành cải cách hành chính', maxPoints: 12 },
  { code: 'TC2', name: 'Xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật (cải cách thể chế)', maxPoints: 8 },
  { code: 'TC3', name: 'Cải cách thủ tục hành chính', maxPoints: 16 },
  { code: 'TC4', name: 'Cải cách tổ chức bộ máy hành chính', maxPoints: 8 },
  { code: 'TC5', name: 'Cải cách chế độ công vụ', maxPoints: 12 },
  { code: 'TC6', name: 'Cải cách tài chính công', maxPoints: 8 },
  { code: 'TC7', name: 'Xây dựng và phát triển chính quyền điện tử, chính quyền số', maxPoints: 16 },
  { code: 'TC8', name: 'Tác động của cải cách hành chính đến người dân, tổ chức và phát triển kinh tế - xã hội', maxPoints: 20 },
];

// --- Chấm điểm -----------------------------------------------------------------------------

/** Per unit: appraised points, then self-assessed points, for TC1…TC8. Comments: the totals. */
const points: [string, (number | null)[], number[]][] = [
  ['X07', [11.1, 7.4, 14.45, 6.9, 11.75, 8, 14.75, 19.15], [11.6, 7.65, 14.7, 7.4, 12, 8, 15.25, 20]], // 93.5 / 96.6
  ['X02', [10.1, 7.65, 15.6, 7.05, 11.85, 7.85, 14, 17.2], [10.6, 7.9, 15.6, 8, 12, 8, 14.25, 18.2]], // 91.3 / 94.55
  ['X12', [11.15, 8, 15.75, 7.25, 10.75, 7.9, 13.5, 17], [11.9, 8, 16, 7.75, 10.75, 8, 13.5, 17]], // 91.3 / 92.9
  ['X01', [10.45, 7.6, 13.85, 7.85, 10.1, 7.15, 15.75, 18], [10.45, 7.85, 14.85, 8, 10.6, 8, 16, 18.5]], // 90.75 / 94.25
  ['X05', [11.5, 7.75, 13.65, 7.05, 10.1, 7.45, 15.6, 16.5], [12, 8, 14.4, 7.05, 10.6, 8, 16, 16.5]], // 89.6 / 92.55
  ['X10', [10.25, 7.05, 13.1, 7.05, 10.4, 7.5, 14.45, 18.45], [11.25, 8, 13.6, 7.05, 11.15, 8, 14.7, 18.95]], // 88.25 / 92.7
  ['X23', [10.1, 6.65, 14.5, 7.1, 8.15, 7.6, 15.1, 18.2], [11.1, 7.65, 14.5, 7.6, 9.15, 7.85, 15.1, 19.2]], // 87.4 / 92.15
  ['X09', [9.4, 6.65, 14.15, 7.15, 10.15, 7.1, 13.35, 18.15], [9.9, 7.4, 14.15, 7.65, 11.15, 8, 13.85, 18.4]], // 86.1 / 90.5
  ['X06', [11.1, 7.35, 14.5, 2.95, 10.95, 6.65, 13.55, 18.45], [11.1, 7.35, 14.75, 3.45, 11.45, 6.9, 14.05, 18.45]], // 85.5 / 87.5
  ['X17', [9.25, 6.75, 14.2, 6.4, 9.35, 7.6, 13.6, 17.6], [9.75, 7.5, 15.2, 6.9, 10.35, 8, 13.85, 18.35]], // 84.75 / 89.9
  ['X19', [5.6, 7.25, 13.5, 6.8, 10.7, 6.7, 14.5, 18.15], [5.6, 7.25, 13.5, 6.8, 10.7, 6.95, 15, 18.15]], // 83.2 / 83.95
  ['X03', [9.3, 6.9, 11.95, 6.8, 9.2, 7.2, 13.9, 17.25], [10.05, 6.9, 12.45, 7.55, 9.7, 7.95, 14.4, 17.75]], // 82.5 / 86.75
  ['X15', [10.5, 6.35, 12.3, 8, 9.05, 7, 12.25, 15.85], [11.5, 6.35, 12.8, 8, 9.55, 7, 12.25, 15.85]], // 81.3 / 83.3
  ['X08', [9.7, 7.05, 12.65, 6.45, 9.9, 4.7, 13.05, 17], [9.95, 7.55, 13.15, 6.45, 9.9, 5.2, 13.05, 18]], // 80.5 / 83.25
  ['X11', [9.35, 6.7, 13.5, 6.65, 7.2, 6, 13.9, 17.2], [10.1, 6.95, 13.5, 7.65, 7.2, 7, 14.15, 17.95]], // 80.5 / 84.5
  ['X13', [9.25, 5.85, 13.65, 6.55, 10.15, 5.8, 10.8, 17.2], [9.75, 6.35, 14.4, 7.05, 11.15, 6.55, 11.3, 17.7]], // 79.25 / 84.25
  ['X14', [8.5, 5.75, 12.6, 6.45, 10.2, 6.75, 11.65, 16.7], [9.25, 6.75, 13.6, 6.95, 11.2, 7, 12.65, 16.7]], // 78.6 / 84.1
  ['X20', [9.9, 5.8, 11.65, 5.55, 8.4, 6.05, 12.6, 17.15], [9.9, 6.8, 11.65, 6.55, 8.4, 6.55, 12.6, 17.65]], // 77.1 / 80.1
  ['X04', [9.25, 6.65, 12.5, 6.7, 8.85, 6.35, 13.1, 13], [9.25, 6.9, 12.5, 6.7, 8.85, 6.85, 13.35, 13]], // 76.4 / 77.4
  ['X21', [8.4, 6.35, 11.05, 5.8, 9.7, 5.5, 14.35, 14.65], [8.9, 6.6, 11.8, 6.05, 10.7, 5.75, 14.85, 14.65]], // 75.8 / 79.3
  ['X16', [8.5, 6.25, 11.5, 6.35, 9.3, 6.4, 12.3, 13.65], [9, 6.25, 12, 6.35, 9.8, 6.4, 12.8, 14.4]], // 74.25 / 77
  ['X22', [5.05, 6.4, 12.25, 6.3, 8.5, 6.4, 12.25, 15.75], [5.3, 6.9, 12.5, 6.8, 9, 6.4, 12.5, 16.75]], // 72.9 / 76.15
  ['X18', [8.9, 6.9, 12.35, 7.25, 10.8, null, 13.4, 17.1], [9.65, 6.9, 12.6, 8, 11.05, 7.7, 14.4, 18.1]], // unranked: TC6 not appraised
  ['X24', [9.95, 6.95, 12.5, 6, 10, 5.85], [10.45, 7.7, 12.5, 7, 10, 6.6]], // TC7, TC8: the error rows below
  ['CQ02', [10.5, 8, 14.85, 7.95, 11.1, 7.3, 15.55, 18.95], [10.5, 8, 14.85, 8, 11.85, 7.3, 15.8, 18.95]], // 94.2 / 95.25
  ['CQ04', [10.65, 6.95, 14.9, 7.05, 11.9, 7.3, 15.85, 18], [11.15, 7.7, 15.4, 7.05, 12, 7.8, 16, 18.5]], // 92.6 / 95.6
  ['CQ10', [10.45, 6.7, 13.65, 7.65, 10.2, 7.65, 14.4, 19.4], [10.45, 7.2, 14.15, 8, 10.45, 7.65, 15.4, 19.9]], // 90.1 / 93.2
  ['CQ08', [11.1, 7.8, 14.8, 6.75, 10.25, 7.25, 13.3, 18.15], [11.85, 7.8, 15.3, 7.5, 10.5, 7.5, 13.8, 18.9]], // 89.4 / 93.15
  ['CQ01', [11.35, 7.1, 14.5, 7.4, 11.2, 7, 14.05, 16.1], [11.35, 7.85, 14.5, 8, 11.2, 7.75, 14.55, 16.6]], // 88.7 / 91.8
  ['CQ03', [10.6, 6.35, 12.9, 6.55, 11.3, 7, 13.9, 18.65], [10.6, 6.35, 12.9, 6.55, 11.8, 8, 14.4, 18.9]], // 87.25 / 89.5
  ['CQ05', [10.95, 7.45, 11.7, 7.25, 10.35, 6.75, 14.85, 16.6], [11.45, 7.95, 12.45, 7.25, 10.35, 6.75, 15.1, 16.6]], // 85.9 / 87.9
  ['CQ11', [10.05, 6.55, 14.05, 7.35, 10.65, 6.55, 14.1, 15], [10.05, 7.05, 14.05, 7.35, 10.65, 6.55, 14.1, 15.5]], // 84.3 / 85.3
  ['CQ06', [9.3, 6.85, 14.35, 6.45, 9.5, 6.75, 12.25, 18.3], [9.3, 6.85, 15.1, 7.2, 10.5, 6.75, 13, 18.3]], // 83.75 / 87
  ['CQ07', [9.3, 6.6, 11.85, 6.4, 9.7, 6.7, 12.05, 19.5], [9.3, 7.1, 12.1, 6.65, 9.7, 6.7, 12.55, 20]], // 82.1 / 84.1
  ['CQ09', [8.75, 6.4, 13.7, 6.85, 10.05, 6.05, 11.95, 16.85], [9.75, 6.4, 14.7, 7.35, 11.05, 6.55, 12.7, 16.85]], // 80.6 / 85.35
  ['CQ12', [10.5, 6.7, 12.35, 6.35, 8.55, 6, 12.65, 16.3], [11.25, 7.2, 12.85, 6.6, 9.05, 6, 12.65, 16.55]], // 79.4 / 82.15
  ['CQ13', [9.3, 4.5, 12.8, 6.8, 9.25, 6.75, 13.55, 14.85], [10.05, 4.5, 13.3, 7.3, 10, 7.75, 14.55, 15.85]], // 77.8 / 83.3
];

/** Units whose evidence is linked (the prize candidates). */
const withEvidence = new Set(['X07', 'X02', 'X12', 'CQ02', 'CQ04', 'CQ10']);
/** Units whose rows were typed in reverse criterion order. */
const reversed = new Set(['X12']);

export const scores: Row<typeof SCORE_COL>[] = [
  ...points.flatMap(([unitCode, appraised, self]) => {
    const rows = appraised.map((appraisedPoints, index): Row<typeof SCORE_COL> => ({
      unitCode,
      criterionCode: `TC${index + 1}`,
      selfPoints: self[index],
      appraisedPoints,
      evidence: withEvidence.has(unitCode) ? `https://example.gov.vn/cchc-2022/minh-chung/${unitCode}/TC${index + 1}` : null,
    }));
    return reversed.has(unitCode) ? rows.reverse() : rows;
  }),
  // The deliberate errors: the workbook reports them, and X24 is not ranked.
  { unitCode: 'X24', criterionCode: 'TC7', selfPoints: 14.4, appraisedPoints: 17.5, evidence: 'Điểm thẩm định vượt điểm tối đa (16)' },
  { unitCode: 'X24', criterionCode: 'TC8', selfPoints: 15.8, appraisedPoints: 'mười lăm', evidence: 'Điểm thẩm định ghi bằng chữ' },
  { unitCode: 'X25', criterionCode: 'TC3', selfPoints: 14, appraisedPoints: 13.5, evidence: 'Mã đơn vị không có trong danh sách' },
];

// --- Đề nghị -------------------------------------------------------------------------------

type Nomination = Row<typeof NOMINATION_COL>;

/** A collective's P1 and A0 confirmations, all given in one way (a checkbox, `Có`, `x`…). */
function confirmed(yes: SpecCell): Nomination {
  return { directCchc: yes, compliance: yes, unity: yes, discipline: yes, hasPlan: yes, innovation: yes };
}

const COLLECTIVE = 'Tập thể';
const INDIVIDUAL = 'Cá nhân';
const { HTXSNV, HTTNV, HTNV, KHTNV } = RATING_LABEL;

export const nominations: Nomination[] = [
  // 2
  { unitCode: 'X07', kind: COLLECTIVE, name: 'Ủy ban nhân dân xã Hòa Lạc', ...confirmed(true),
    satisfactionPercent: 88, onTimePercent: 100, onlinePrevPercent: 35, onlineNowPercent: 48,
    summary: 'Xếp thứ Nhất khối xã, thị trấn về chỉ số cải cách hành chính năm 2022. Triển khai đồng bộ 6 nội dung cải cách hành chính, không có hồ sơ trễ hạn.',
    submittedOn: day(2023, 1, 3), votesInFavour: 9 },
  // 3
  { unitCode: 'X07', kind: COLLECTIVE, name: 'Bộ phận Tiếp nhận và trả kết quả UBND xã Hòa Lạc', ...confirmed('x'),
    satisfactionPercent: 97, onTimePercent: 100, onlinePrevPercent: 35, onlineNowPercent: 48,
    summary: 'Giải quyết 100% hồ sơ thủ tục hành chính đúng và trước hạn; hướng dẫn người dân nộp hồ sơ trực tuyến, nâng tỷ lệ từ 35% lên 48%.',
    submittedOn: day(2023, 1, 3), votesInFavour: 8 },
  // 4
  { unitCode: 'X02', kind: COLLECTIVE, name: 'Ủy ban nhân dân xã Cai Kinh', ...confirmed('Có'),
    satisfactionPercent: 96, onTimePercent: 100, onlinePrevPercent: 42.5, onlineNowPercent: 61,
    summary: 'Xếp thứ Nhì khối xã, thị trấn. Thí điểm số hóa hồ sơ, kết quả giải quyết thủ tục hành chính; tỷ lệ hồ sơ trực tuyến đạt 61%.',
    submittedOn: day(2023, 1, 4), votesInFavour: 11 },
  // 5
  { unitCode: 'X02', kind: INDIVIDUAL, name: 'Đoàn Thị Đào', position: 'Công chức Văn phòng - Thống kê, UBND xã Cai Kinh',
    directCchc: true, compliance: true, ratingPrev: HTTNV, ratingNow: HTXSNV,
    summary: 'Trực tiếp tham mưu kế hoạch cải cách hành chính của xã; hướng dẫn hơn 600 lượt người dân nộp hồ sơ trực tuyến.',
    submittedOn: day(2023, 1, 4), votesInFavour: 10 },
  // 6
  { unitCode: 'X12', kind: COLLECTIVE, name: 'Ủy ban nhân dân xã Minh Sơn', ...confirmed('x'), innovation: null,
    satisfactionPercent: 91, onTimePercent: 100, onlinePrevPercent: 30, onlineNowPercent: 44,
    summary: 'Xếp thứ Nhì khối xã, thị trấn (đồng hạng). Duy trì tốt kỷ luật, kỷ cương hành chính; niêm yết công khai đầy đủ thủ tục hành chính.',
    submittedOn: day(2023, 1, 5), votesInFavour: 9 },
  // 7
  { unitCode: 'X12', kind: INDIVIDUAL, name: 'Dương Văn Dũng', position: 'Công chức Tư pháp - Hộ tịch, UBND xã Minh Sơn',
    directCchc: 'x', compliance: 'x', ratingPrev: 'HTTNV', ratingNow: 'HTTNV',
    summary: 'Giải quyết đúng hạn toàn bộ hồ sơ hộ tịch, chứng thực; chủ động cập nhật dữ liệu hộ tịch lên hệ thống điện tử.',
    submittedOn: day(2023, 1, 5), votesInFavour: 9 },
  // 8
  { unitCode: 'CQ02', kind: COLLECTIVE, name: 'Phòng Nội vụ huyện Hữu Lũng', ...confirmed('Có'),
    satisfactionPercent: null, onTimePercent: 100,
    summary: 'Xếp thứ Nhất khối cơ quan chuyên môn. Là cơ quan thường trực phong trào, tham mưu UBND huyện kiểm tra kỷ luật, kỷ cương hành chính tại 24 xã, thị trấn.',
    submittedOn: day(2023, 1, 3), votesInFavour: 7 },
  // 9
  { unitCode: 'CQ02', kind: INDIVIDUAL, name: 'Lê Thị Hương', position: 'Chuyên viên Phòng Nội vụ, phụ trách cải cách hành chính',
    directCchc: 'Có', compliance: 'Có', ratingPrev: 'HTXSNV', ratingNow: 'HTXSNV',
    summary: 'Trực tiếp tham mưu xây dựng bộ tiêu chí chấm điểm chỉ số cải cách hành chính cấp huyện và tổng hợp kết quả chấm điểm.',
    submittedOn: day(2023, 1, 3), votesInFavour: 7 },
  // 10
  { unitCode: 'CQ04', kind: COLLECTIVE, name: 'Phòng Tài chính - Kế hoạch huyện Hữu Lũng', ...confirmed(true),
    satisfactionPercent: 92, onTimePercent: 100,
    summary: 'Xếp thứ Nhì khối cơ quan chuyên môn. Thực hiện tốt cơ chế tự chủ tài chính, công khai ngân sách đúng quy định.',
    submittedOn: day(2023, 1, 4), votesInFavour: 6 },
  // 11
  { unitCode: 'CQ10', kind: INDIVIDUAL, name: 'Hoàng Minh Tuấn', position: 'Thanh tra viên, Thanh tra huyện',
    directCchc: true, compliance: true, ratingPrev: HTXSNV, ratingNow: 'HTTNV',
    summary: 'Tham gia 12 cuộc kiểm tra công vụ, kỷ luật, kỷ cương hành chính; đề xuất chấn chỉnh kịp thời các tồn tại.',
    submittedOn: day(2023, 1, 4), votesInFavour: 6 },
  // 12
  { unitCode: 'CQ08', kind: COLLECTIVE, name: 'Phòng Giáo dục và Đào tạo huyện Hữu Lũng', ...confirmed(true),
    satisfactionPercent: 85, onTimePercent: 98.5, onlinePrevPercent: 60, onlineNowPercent: 60,
    summary: 'Triển khai phần mềm quản lý trường học tại các trường trên địa bàn huyện.',
    submittedOn: day(2023, 1, 5), votesInFavour: 8 },
  // 13
  { unitCode: 'X05', kind: COLLECTIVE, name: 'Ủy ban nhân dân xã Hồ Sơn', ...confirmed('Có'),
    satisfactionPercent: '95%', onTimePercent: '100%', onlinePrevPercent: 38, onlineNowPercent: 52,
    summary: 'Bố trí máy tính hỗ trợ người dân nộp hồ sơ trực tuyến tại Bộ phận một cửa; tỷ lệ hồ sơ trực tuyến tăng từ 38% lên 52%.',
    submittedOn: day(2023, 1, 4), votesInFavour: 8 },
  // 14
  { unitCode: 'X10', kind: COLLECTIVE, name: 'Ủy ban nhân dân xã Hữu Liên', ...confirmed(true),
    satisfactionPercent: percent(0.95), onTimePercent: percent(1), onlinePrevPercent: 30, onlineNowPercent: 41.5,
    summary: 'Gắn cải cách hành chính với phát triển du lịch cộng đồng; 100% hồ sơ giải quyết đúng và trước hạn.',
    submittedOn: day(2023, 1, 5), votesInFavour: 7 },
  // 15
  { unitCode: 'CQ05', kind: COLLECTIVE, name: 'Phòng Tài nguyên và Môi trường huyện Hữu Lũng', ...confirmed('Có'),
    satisfactionPercent: 90, onTimePercent: 100, onlinePrevPercent: 20, onlineNowPercent: 25,
    summary: 'Rút ngắn thời gian giải quyết thủ tục đất đai; tiếp nhận hồ sơ đăng ký biến động đất đai trực tuyến.',
    submittedOn: day(2023, 1, 3), votesInFavour: 6 },
  // 16
  { unitCode: 'X15', kind: COLLECTIVE, name: 'Ủy ban nhân dân xã Quyết Thắng', ...confirmed(true),
    satisfactionPercent: 93, onTimePercent: 100, onlinePrevPercent: 50, onlineNowPercent: 50,
    summary: 'Duy trì tỷ lệ hồ sơ trực tuyến ở mức 50%; không có hồ sơ trễ hạn.',
    submittedOn: day(2023, 1, 6) },
  // 17
  { unitCode: 'X20', kind: COLLECTIVE, name: 'Ủy ban nhân dân xã Vân Nham', ...confirmed('Có'),
    satisfactionPercent: 94, onTimePercent: 99.5, onlinePrevPercent: 25, onlineNowPercent: 33,
    summary: 'Tỷ lệ hồ sơ trực tuyến tăng từ 25% lên 33%; còn 01 hồ sơ giải quyết quá hạn.',
    submittedOn: day(2023, 1, 5), votesInFavour: 8 },
  // 18
  { unitCode: 'X21', kind: COLLECTIVE, name: 'Ủy ban nhân dân xã Yên Bình', ...confirmed('x'),
    satisfactionPercent: 89.9, onTimePercent: 100, onlinePrevPercent: 22, onlineNowPercent: 30,
    summary: 'Thực hiện tốt cơ chế một cửa; chỉ số hài lòng của người dân đạt 89,9%.',
    submittedOn: day(2023, 1, 4), votesInFavour: 7 },
  // 19
  { unitCode: 'X22', kind: COLLECTIVE, name: 'Ủy ban nhân dân xã Yên Sơn', ...confirmed(true), innovation: null,
    satisfactionPercent: 94, onTimePercent: 100, onlinePrevPercent: 28, onlineNowPercent: 35,
    summary: 'Hoàn thành các chỉ tiêu cải cách hành chính được giao năm 2022.',
    submittedOn: day(2023, 1, 5), votesInFavour: 9 },
  // 20
  { unitCode: 'X03', kind: COLLECTIVE, name: 'Ủy ban nhân dân xã Đồng Tân', ...confirmed(true), unity: null,
    satisfactionPercent: 92, onTimePercent: 100, onlinePrevPercent: 31, onlineNowPercent: 40,
    summary: 'Tỷ lệ hồ sơ trực tuyến tăng từ 31% lên 40%; 100% hồ sơ giải quyết đúng hạn.',
    submittedOn: day(2023, 1, 3), votesInFavour: 8 },
  // 21
  { unitCode: 'X04', kind: COLLECTIVE, name: 'Ủy ban nhân dân xã Đồng Tiến', ...confirmed('Có'), hasPlan: 'Không',
    satisfactionPercent: 91, onTimePercent: 100, onlinePrevPercent: 26, onlineNowPercent: 34,
    summary: 'Giải quyết đúng hạn toàn bộ hồ sơ thủ tục hành chính; chưa ban hành kế hoạch riêng thực hiện phong trào.',
    submittedOn: day(2023, 1, 4), votesInFavour: 7 },
  // 22
  { unitCode: 'CQ06', kind: COLLECTIVE, name: 'Phòng Lao động - Thương binh và Xã hội huyện Hữu Lũng', ...confirmed(true), discipline: false,
    satisfactionPercent: 93, onTimePercent: 100, onlinePrevPercent: 40, onlineNowPercent: 47,
    summary: 'Chi trả chế độ chính sách qua tài khoản cho 85% đối tượng; tiếp nhận hồ sơ trực tuyến.',
    submittedOn: day(2023, 1, 5), votesInFavour: 6 },
  // 23
  { unitCode: 'CQ07', kind: INDIVIDUAL, name: 'Bùi Thị An', position: 'Chuyên viên Phòng Văn hóa và Thông tin',
    directCchc: true, compliance: true, ratingPrev: HTTNV, ratingNow: HTTNV,
    summary: 'Trực tiếp biên tập chuyên mục cải cách hành chính trên Cổng thông tin điện tử huyện.',
    submittedOn: day(2023, 1, 4), votesInFavour: 5 },
  // 24
  { unitCode: 'X09', kind: INDIVIDUAL, name: 'Vũ Văn Thành', position: 'Công chức Văn phòng - Thống kê, UBND xã Hòa Thắng',
    directCchc: true, compliance: true, ratingPrev: HTTNV, ratingNow: HTTNV,
    summary: 'Trực tiếp tiếp nhận, trả kết quả tại Bộ phận một cửa của xã; không để hồ sơ trễ hạn.',
    submittedOn: day(2023, 1, 4), votesInFavour: 9 },
  // 25
  { unitCode: 'X06', kind: INDIVIDUAL, name: 'Nông Thị Lan', position: 'Phó Chủ tịch UBND xã Hòa Bình',
    directCchc: 'Có', compliance: 'Có', ratingPrev: HTXSNV, ratingNow: HTXSNV,
    summary: 'Trực tiếp chỉ đạo công tác cải cách hành chính của xã; đưa tỷ lệ hồ sơ trực tuyến vượt chỉ tiêu huyện giao.',
    submittedOn: day(2023, 1, 5), votesInFavour: 8 },
  // 26
  { unitCode: 'X11', kind: INDIVIDUAL, name: 'Hà Văn Nam', position: 'Công chức Địa chính - Xây dựng, UBND xã Minh Hòa',
    directCchc: true, compliance: true, ratingPrev: HTNV, ratingNow: HTTNV,
    summary: 'Giải quyết hồ sơ đất đai đúng hạn; tích cực hướng dẫn người dân kê khai trực tuyến.',
    submittedOn: day(2023, 1, 3), votesInFavour: 7 },
  // 27
  { unitCode: 'X13', kind: INDIVIDUAL, name: 'Lăng Thị Mai', position: 'Công chức Tư pháp - Hộ tịch, UBND xã Minh Tiến',
    directCchc: 'x', compliance: 'x', ratingPrev: 'HTTNV', ratingNow: 'HTNV',
    summary: 'Thực hiện đăng ký hộ tịch trực tuyến cho người dân trên địa bàn xã.',
    submittedOn: day(2023, 1, 4), votesInFavour: 6 },
  // 28
  { unitCode: 'X14', kind: INDIVIDUAL, name: 'Triệu Văn Hùng', position: 'Chủ tịch UBND xã Nhật Tiến',
    directCchc: true, compliance: null, ratingPrev: HTXSNV, ratingNow: HTXSNV,
    summary: 'Trực tiếp chỉ đạo Bộ phận một cửa của xã; tổ chức đối thoại với người dân về thủ tục hành chính.',
    submittedOn: day(2023, 1, 5), votesInFavour: 8 },
  // 29
  { unitCode: 'X16', kind: INDIVIDUAL, name: 'Hoàng Thị Thu', position: 'Kế toán ngân sách, UBND xã Sơn Hà',
    directCchc: 'Không', compliance: 'Có', ratingPrev: HTTNV, ratingNow: HTTNV,
    summary: 'Hoàn thành tốt công tác kế toán ngân sách xã.',
    submittedOn: day(2023, 1, 5), votesInFavour: 7 },
  // 30
  { unitCode: 'CQ03', kind: INDIVIDUAL, name: 'Phạm Thị Ngọc', position: 'Chuyên viên Phòng Tư pháp',
    directCchc: true, compliance: true, ratingPrev: HTTNV, ratingNow: HTNV,
    initiativeRecognition: 'Quyết định số 123/QĐ-UBND ngày 15/11/2022 của UBND huyện Hữu Lũng công nhận sáng kiến «Số hóa sổ chứng thực bản sao điện tử»',
    summary: 'Tác giả sáng kiến số hóa sổ chứng thực, giúp rút ngắn thời gian tra cứu hồ sơ chứng thực tại huyện và các xã.',
    submittedOn: day(2023, 1, 3), votesInFavour: 5 },
  // 31
  { unitCode: 'X17', kind: INDIVIDUAL, name: 'Lương Văn Bình', position: 'Công chức Văn hóa - Xã hội, UBND xã Tân Thành',
    directCchc: true, compliance: true, ratingPrev: HTXSNV, ratingNow: HTTNV,
    initiativeRecognition: 'Quyết định số 98/QĐ-UBND ngày 20/10/2022 của UBND huyện Hữu Lũng',
    summary: 'Sáng kiến «Tổ công nghệ số cộng đồng» hướng dẫn người dân cài đặt, sử dụng dịch vụ công trực tuyến tại thôn.',
    submittedOn: day(2023, 1, 4), votesInFavour: 8 },
  // 32
  { unitCode: 'X19', kind: INDIVIDUAL, name: 'Chu Thị Hạnh', position: 'Công chức Văn phòng - Thống kê, UBND xã Thiện Tân',
    directCchc: true, compliance: true, ratingPrev: HTTNV, ratingNow: HTXSNV,
    summary: 'Trực tiếp vận hành hệ thống quản lý văn bản điều hành của xã; 100% văn bản đi, đến được xử lý trên môi trường mạng.',
    submittedOn: day(2023, 1, 2), votesInFavour: 7 },
  // 33
  { unitCode: 'X23', kind: COLLECTIVE, name: 'Ủy ban nhân dân xã Yên Thịnh', ...confirmed('Có'),
    satisfactionPercent: 95, onTimePercent: 100, onlinePrevPercent: 33, onlineNowPercent: 46,
    summary: 'Triển khai thanh toán trực tuyến phí, lệ phí; tỷ lệ hồ sơ trực tuyến tăng từ 33% lên 46%.',
    submittedOn: '06/01/2023', votesInFavour: 9 },
  // 34
  { unitCode: 'CQ09', kind: INDIVIDUAL, name: 'Vi Văn Khánh', position: 'Chuyên viên Phòng Y tế',
    directCchc: true, compliance: true, ratingPrev: HTTNV, ratingNow: HTTNV,
    summary: 'Tham mưu giải quyết đúng hạn các thủ tục cấp phép hành nghề y, dược thuộc thẩm quyền của huyện.',
    submittedOn: day(2023, 1, 1), votesInFavour: 4 },
  // 35
  { unitCode: 'CQ11', kind: COLLECTIVE, name: 'Phòng Kinh tế và Hạ tầng huyện Hữu Lũng', ...confirmed(true),
    satisfactionPercent: 91, onTimePercent: 100, onlinePrevPercent: 45, onlineNowPercent: 58,
    summary: 'Tiếp nhận 100% hồ sơ cấp giấy phép xây dựng qua dịch vụ công trực tuyến và bưu chính công ích.',
    submittedOn: '07/01/2023', votesInFavour: 6 },
  // 36
  { unitCode: 'CQ12', kind: INDIVIDUAL, name: 'Mã Thị Hoa', position: 'Chuyên viên Phòng Nông nghiệp và Phát triển nông thôn',
    directCchc: true, compliance: true, ratingPrev: HTTNV, ratingNow: HTTNV,
    summary: 'Hướng dẫn các hợp tác xã thực hiện thủ tục trực tuyến trong lĩnh vực nông nghiệp.',
    submittedOn: null, votesInFavour: 6 },
  // 37
  { unitCode: 'X01', kind: COLLECTIVE, name: 'Ủy ban nhân dân thị trấn Hữu Lũng', ...confirmed(true),
    satisfactionPercent: 94, onTimePercent: 100, onlinePrevPercent: 48, onlineNowPercent: 63,
    summary: 'Đứng thứ tư khối xã, thị trấn; tỷ lệ hồ sơ trực tuyến cao nhất huyện (63%).',
    submittedOn: day(2023, 1, 4), votesInFavour: 10 },
  // 38
  { unitCode: 'X01', kind: INDIVIDUAL, name: 'Nguyễn Thị Thanh', position: 'Công chức Văn phòng - Thống kê, UBND thị trấn Hữu Lũng',
    directCchc: true, compliance: true, ratingPrev: HTTNV, ratingNow: HTTNV,
    summary: 'Trực tiếp tiếp nhận hồ sơ tại Bộ phận một cửa thị trấn; hướng dẫn người dân thanh toán phí trực tuyến.',
    submittedOn: day(2023, 1, 4), votesInFavour: 10 },
  // 39
  { unitCode: 'CQ13', kind: INDIVIDUAL, name: '=HYPERLINK("http://x","Nguyễn Văn A")', position: 'Chuyên viên Phòng Dân tộc',
    directCchc: true, compliance: true, ratingPrev: HTTNV, ratingNow: HTTNV,
    summary: 'Tên người được đề nghị trông như công thức: phải được giữ nguyên là văn bản.',
    submittedOn: day(2023, 1, 5), votesInFavour: 5 },
  // 40
  { unitCode: 'DV01', kind: INDIVIDUAL, name: '<b>Trần Thị B</b>', position: 'Viên chức Trung tâm Văn hóa, Thể thao và Truyền thông huyện',
    directCchc: true, compliance: true, ratingPrev: HTTNV, ratingNow: HTXSNV,
    summary: 'Tên người được đề nghị có thẻ HTML: phải hiện nguyên văn, không được hiểu thành định dạng.',
    submittedOn: day(2023, 1, 5), votesInFavour: 6 },
  // 41
  { unitCode: 'DV02', kind: COLLECTIVE, name: 'Ban Quản lý dự án đầu tư xây dựng huyện Hữu Lũng', ...confirmed('X'),
    satisfactionPercent: 92, onTimePercent: 100, onlinePrevPercent: 10, onlineNowPercent: 18,
    summary: 'Công khai tiến độ các dự án đầu tư công trên Cổng thông tin điện tử huyện; giải ngân đúng tiến độ.',
    submittedOn: day(2023, 1, 6) },
  // 42
  { unitCode: 'DV03', kind: INDIVIDUAL, name: 'Đặng Văn Long', position: 'Viên chức Trung tâm Y tế huyện',
    directCchc: true, compliance: true, ratingPrev: KHTNV, ratingNow: 'HTTNV',
    summary: 'Triển khai đặt lịch khám bệnh trực tuyến tại Trung tâm Y tế huyện.',
    submittedOn: day(2023, 1, 5), votesInFavour: 7 },
  // 43
  { unitCode: 'X08', kind: INDIVIDUAL, name: 'Dương Thị Dịu', position: 'Công chức Văn phòng - Thống kê, UBND xã Hòa Sơn',
    directCchc: true, compliance: true, ratingPrev: HTTNV, ratingNow: HTTNV,
    summary: 'Trực tiếp cập nhật, công khai thủ tục hành chính tại Bộ phận một cửa; hướng dẫn người dân sử dụng tài khoản định danh điện tử.',
    submittedOn: day(2023, 1, 4), votesInFavour: 8 },
  // 44
  { unitCode: 'X18', kind: COLLECTIVE, name: 'Ủy ban nhân dân xã Thanh Sơn', ...confirmed(true),
    satisfactionPercent: 93, onTimePercent: 100, onlinePrevPercent: 27, onlineNowPercent: 36,
    summary: 'Tỷ lệ hồ sơ trực tuyến tăng từ 27% lên 36%; 100% hồ sơ giải quyết đúng và trước hạn.',
    submittedOn: day(2023, 1, 5), votesInFavour: 8 },
  // 45
  { unitCode: 'X24', kind: INDIVIDUAL, name: 'Đàm Văn Đức', position: 'Công chức Văn phòng - Thống kê, UBND xã Yên Vượng',
    directCchc: true, compliance: true, ratingPrev: HTXSNV, ratingNow: HTTNV,
    summary: 'Trực tiếp số hóa hồ sơ, kết quả giải quyết thủ tục hành chính của xã.',
    submittedOn: day(2023, 1, 6), votesInFavour: 7 },
  // 46
  { unitCode: 'X25', kind: INDIVIDUAL, name: 'Lý Thị Hằng', position: 'Công chức Văn phòng - Thống kê',
    directCchc: true, compliance: true, ratingPrev: HTTNV, ratingNow: HTTNV,
    summary: 'Mã đơn vị X25 không có trong danh sách đơn vị.',
    submittedOn: day(2023, 1, 5), votesInFavour: 6 },
  // 47
  { unitCode: 'CQ01', kind: INDIVIDUAL, name: 'Hoàng Văn Sơn', position: 'Chuyên viên Văn phòng HĐND và UBND huyện',
    directCchc: true, compliance: true, ratingPrev: HTTNV, ratingNow: 'Tốt',
    summary: 'Vận hành Bộ phận tiếp nhận và trả kết quả của huyện.',
    submittedOn: day(2023, 1, 4), votesInFavour: 8 },
];

// --- Hồ sơ đơn vị --------------------------------------------------------------------------

/** The meetings' secretaries (invented names, like every person here). */
const SECRETARIES = ['Hoàng Thu Trang', 'Nông Văn Bảo', 'Lê Thị Mai', 'Vi Văn Đức', 'Phạm Thị Hạnh', 'Lương Văn Hiếu', 'Đỗ Thị Ngọc'];
let dossierCount = 0;

function dossier(unitCode: string, meetingDate: SpecCell, members: number, present: number, letterNumber: SpecCell, letterDate: SpecCell): Row<typeof DOSSIER_COL> {
  const unit = units.find((candidate) => candidate.code === unitCode);
  const isCommune = unit?.block === COMMUNES;
  return {
    unitCode,
    meetingDate,
    meetingPlace: isCommune ? `Hội trường ${unit?.name}` : `Phòng họp ${unit?.name}`,
    chair: `${unit?.head}, ${isCommune ? 'Chủ tịch UBND xã' : 'Thủ trưởng cơ quan'}`,
    secretary: `${SECRETARIES[dossierCount++ % SECRETARIES.length]}, ${isCommune ? 'công chức Văn phòng - Thống kê' : 'chuyên viên tổng hợp'}`,
    members,
    present,
    letterNumber,
    letterDate,
    startTime: '8:00',
    endTime: isCommune ? '10 giờ 30' : '10:00',
    council: isCommune ? 'Hội đồng Thi đua - Khen thưởng xã' : 'Hội đồng Thi đua - Khen thưởng cơ quan',
    votingMethod: isCommune ? VOTING_METHODS[0] : VOTING_METHODS[1],
    discussion: [
      'Các thành viên Hội đồng nhất trí với báo cáo thành tích của các tập thể, cá nhân được đề nghị.',
      isCommune
        ? 'Ý kiến đề nghị tiếp tục đẩy mạnh hướng dẫn người dân nộp hồ sơ trực tuyến tại Bộ phận một cửa.'
        : 'Ý kiến đề nghị bổ sung số liệu về tỷ lệ hồ sơ giải quyết đúng hạn trong báo cáo thành tích.',
    ].join('\n'),
    recipients: unitCode === 'CQ02' ? '- Hội đồng Thi đua - Khen thưởng huyện;' : '- Hội đồng Thi đua - Khen thưởng huyện (qua Phòng Nội vụ);',
  };
}

export const dossiers: Row<typeof DOSSIER_COL>[] = [
  dossier('X07', day(2022, 12, 27), 11, 10, '152/TTr-UBND', day(2022, 12, 29)),
  dossier('X02', day(2022, 12, 28), 11, 11, '148/TTr-UBND', day(2022, 12, 30)),
  dossier('X12', day(2022, 12, 27), 9, 9, '131/TTr-UBND', day(2022, 12, 30)),
  dossier('CQ02', day(2022, 12, 26), 7, 7, '65/TTr-NV', day(2022, 12, 28)),
  dossier('CQ04', day(2022, 12, 28), 7, 6, '212/TTr-TCKH', day(2022, 12, 30)),
  dossier('CQ10', day(2022, 12, 28), 7, 6, '41/TTr-TTr', day(2022, 12, 30)),
  dossier('CQ08', day(2022, 12, 29), 9, 8, '389/TTr-GDĐT', day(2023, 1, 3)),
  dossier('X05', day(2022, 12, 28), 9, 8, '97/TTr-UBND', day(2022, 12, 30)),
  dossier('X10', '29/12/2022', 9, 7, '88/TTr-UBND', '30/12/2022'),
  dossier('CQ05', day(2022, 12, 27), 7, 6, '174/TTr-TNMT', day(2022, 12, 29)),
  { ...dossier('X15', day(2022, 12, 30), 9, 8, null, null), secretary: null },
  dossier('X20', day(2022, 12, 29), 9, 8, '110/TTr-UBND', day(2023, 1, 3)),
  dossier('X21', day(2022, 12, 28), 9, 7, '102/TTr-UBND', day(2022, 12, 30)),
  dossier('X22', day(2022, 12, 29), 11, 9, '95/TTr-UBND', day(2023, 1, 3)),
  dossier('X03', day(2022, 12, 27), 9, 8, '121/TTr-UBND', day(2022, 12, 29)),
  dossier('X04', day(2022, 12, 28), 9, 7, '118/TTr-UBND', day(2022, 12, 30)),
  dossier('CQ06', day(2022, 12, 29), 7, 6, '203/TTr-LĐTBXH', day(2023, 1, 3)),
  dossier('CQ07', day(2022, 12, 28), 5, 5, '58/TTr-VHTT', day(2022, 12, 30)),
  dossier('X09', day(2022, 12, 28), 11, 9, '134/TTr-UBND', day(2022, 12, 30)),
  dossier('X06', day(2022, 12, 29), 9, 8, '126/TTr-UBND', day(2023, 1, 3)),
  dossier('X11', day(2022, 12, 27), 9, 7, '99/TTr-UBND', day(2022, 12, 29)),
  dossier('X13', day(2022, 12, 28), 7, 6, '87/TTr-UBND', day(2022, 12, 30)),
  dossier('X14', day(2022, 12, 29), 9, 8, '105/TTr-UBND', day(2023, 1, 3)),
  dossier('X16', day(2022, 12, 29), 9, 7, '93/TTr-UBND', day(2023, 1, 3)),
  dossier('CQ03', day(2022, 12, 27), 5, 5, '47/TTr-TP', day(2022, 12, 29)),
  dossier('X17', day(2022, 12, 28), 9, 8, '116/TTr-UBND', day(2022, 12, 30)),
  dossier('X19', day(2022, 12, 26), 9, 7, '109/TTr-UBND', day(2022, 12, 28)),
  dossier('X23', day(2022, 12, 30), 11, 9, '141/TTr-UBND', day(2023, 1, 5)),
  dossier('CQ09', day(2022, 12, 26), 5, 4, '36/TTr-YT', day(2022, 12, 28)),
  dossier('CQ11', day(2022, 12, 30), 7, 6, '187/TTr-KTHT', day(2023, 1, 6)),
  dossier('CQ12', day(2022, 12, 29), 7, 6, '226/TTr-NN', day(2023, 1, 4)),
  dossier('CQ13', day(2022, 12, 28), 5, 5, '39/TTr-DT', day(2022, 12, 30)),
  dossier('DV01', day(2022, 12, 28), 7, 6, '72/TTr-TTVHTTTT', day(2022, 12, 30)),
  dossier('DV03', day(2022, 12, 29), 9, 7, '315/TTr-TTYT', day(2023, 1, 3)),
  dossier('X08', day(2022, 12, 28), 9, 8, '114/TTr-UBND', day(2022, 12, 30)),
  dossier('X18', day(2022, 12, 29), 9, 8, '107/TTr-UBND', day(2023, 1, 3)),
  dossier('X24', day(2022, 12, 30), 9, 7, '128/TTr-UBND', day(2023, 1, 4)),
  dossier('CQ01', day(2022, 12, 28), 9, 8, '254/TTr-VP', day(2022, 12, 30)),
];

// --- Báo cáo thành tích (v2) ---------------------------------------------------------------
// Form 07's facts for some nominees; the others' reports keep dotted lines for them to write.

export const reports: Row<typeof REPORT_COL>[] = [
  { unitCode: 'CQ02', name: 'Lê Thị Hương', birthDate: day(1988, 9, 14), sex: 'Nữ',
    homeTown: 'xã Minh Sơn, huyện Hữu Lũng, tỉnh Lạng Sơn', residence: 'thị trấn Hữu Lũng, huyện Hữu Lũng, tỉnh Lạng Sơn',
    qualifications: 'Cử nhân Hành chính học', academicTitles: null,
    duties: 'Tham mưu Trưởng phòng theo dõi, tổng hợp công tác cải cách hành chính của huyện; thường trực chấm điểm chỉ số cải cách hành chính các cơ quan, xã, thị trấn.',
    measures: 'Xây dựng bộ tiêu chí chấm điểm, hướng dẫn các đơn vị tự đánh giá và lưu minh chứng điện tử.',
    results: 'Tổng hợp, thẩm định kết quả chấm điểm của 37 cơ quan, xã, thị trấn đúng thời hạn.\nTham mưu 04 đợt kiểm tra kỷ luật, kỷ cương hành chính.',
    previousAwards: '2020; Giấy khen; Quyết định số 1520/QĐ-UBND ngày 25/12/2020; Chủ tịch UBND huyện Hữu Lũng\n2021; Chiến sĩ thi đua cơ sở; Quyết định số 1688/QĐ-UBND ngày 28/12/2021; Chủ tịch UBND huyện Hữu Lũng' },
  { unitCode: 'CQ02', name: 'Phòng Nội vụ huyện Hữu Lũng', address: 'Khu An Ninh, thị trấn Hữu Lũng, huyện Hữu Lũng, tỉnh Lạng Sơn',
    phone: '0205 3825 123', email: 'noivu@example.gov.vn', structure: 'Trưởng phòng, 02 Phó Trưởng phòng và 06 công chức chuyên môn.', staff: 9,
    functions: 'Tham mưu UBND huyện quản lý nhà nước về tổ chức bộ máy, công chức, cải cách hành chính, thi đua, khen thưởng.',
    situation: 'Năm 2022 Phòng được giao thường trực phong trào thi đua cải cách hành chính của huyện, khối lượng công việc lớn, biên chế ít.',
    results: 'Chỉ số cải cách hành chính xếp thứ Nhất khối cơ quan chuyên môn; 100% hồ sơ thủ tục hành chính của Phòng giải quyết đúng và trước hạn.',
    previousAwards: '2021; Tập thể lao động tiên tiến; Quyết định số 1690/QĐ-UBND ngày 28/12/2021; Chủ tịch UBND huyện Hữu Lũng' },
  { unitCode: 'X02', name: 'Đoàn Thị Đào', birthDate: '03/02/1990', sex: 'Nữ', homeTown: 'xã Cai Kinh, huyện Hữu Lũng, tỉnh Lạng Sơn',
    residence: 'xã Cai Kinh, huyện Hữu Lũng, tỉnh Lạng Sơn', qualifications: 'Cử nhân Luật', duties: 'Công chức Văn phòng - Thống kê, phụ trách Bộ phận một cửa của xã.' },
];

// --- The end of the movement (issue 11) -----------------------------------------------------
// Cấu hình gains (beside the decision, above) the standing body's submission, the council's meeting and the fund's
// amounts. Tiếp nhận hồ sơ: one row per nominating unit as Phòng Nội vụ typed it — the date its
// nominations were submitted (none for CQ12), online except X13 and CQ05 on paper; X05, complete,
// is returned with a reason (kept by the tool). The check and the status are left to the tool:
// «Kiểm tra tiếp nhận hồ sơ» or `thidua tiep-nhan` finds the units with an ineligible nominee, over
// quota (X01, X07), late (CQ09, CQ11) or without their minutes and letter (X01, DV02) `Thiếu`.

settings.push(
  [EXTRA_SETTING.closingSubmissionNumber, '08/TTr-NV', 'Tờ trình của Phòng Nội vụ trình Chủ tịch UBND huyện'],
  [EXTRA_SETTING.closingSubmissionDate, day(2023, 1, 16), ''],
  [EXTRA_SETTING.councilMeetingDate, day(2023, 1, 13), 'Ngày họp Hội đồng Thi đua - Khen thưởng huyện'],
  [EXTRA_SETTING.collectivePrizeAmount, 1_000_000, 'Tiền thưởng kèm Giấy khen (đồng); để trống thì quyết định không có điều về tiền thưởng'],
  [EXTRA_SETTING.individualPrizeAmount, 500_000, ''],
);

const PAPER = new Set(['X13', 'CQ05']);

export const intake: Row<typeof INTAKE_COL>[] = [...new Set(nominations.map((n) => String(n.unitCode)))]
  .filter((code) => units.some((u) => u.code === code))
  .sort((a, b) => units.findIndex((u) => u.code === a) - units.findIndex((u) => u.code === b))
  .map((code) => {
    const submitted = nominations.find((n) => n.unitCode === code && n.submittedOn instanceof Date)?.submittedOn ?? null;
    return {
      unitCode: code,
      unitName: units.find((u) => u.code === code)!.name ?? null,
      receivedOn: submitted,
      channel: PAPER.has(code) ? 'Bản giấy' : 'Trực tuyến',
      receivedBy: 'Nguyễn Thu Trang',
      ...(code === 'X05' ? { status: 'Trả lại', reason: 'Tờ trình chưa có chữ ký và dấu của Chủ tịch UBND xã; đề nghị hoàn thiện, gửi lại.' } : {}),
    };
  });

export const council: Row<typeof COUNCIL_COL>[] = [
  { name: 'Bùi Quốc Khánh', position: 'Chủ tịch UBND huyện', role: 'Chủ tịch Hội đồng' },
  { name: 'Lê Văn Thắng', position: 'Trưởng phòng Nội vụ', role: 'Phó Chủ tịch Hội đồng' },
  { name: 'Hoàng Thị Vân', position: 'Chánh Văn phòng HĐND và UBND huyện', role: 'Thành viên' },
  { name: 'Nguyễn Đức Minh', position: 'Trưởng phòng Tài chính - Kế hoạch', role: 'Thành viên' },
  { name: 'Nguyễn Thu Trang', position: 'Chuyên viên Phòng Nội vụ', role: 'Thư ký' },
];

// --- The workbook --------------------------------------------------------------------------

const BLOCKS = [COMMUNES, AGENCIES, OTHER_BLOCK];
const KINDS = [COLLECTIVE, INDIVIDUAL];
const RATINGS = [...Object.values(RATING_LABEL), ...Object.keys(RATING_LABEL)];

export const SAMPLE_SHEETS: SheetSpec[] = [
  { name: SHEET.settings, rows: [[SETTINGS_HEADER.key, SETTINGS_HEADER.value, 'Ghi chú'], ...settings] },
  { name: SHEET.units, rows: table(UNIT_COL, units), lists: [{ header: UNIT_COL.block, values: BLOCKS }] },
  { name: SHEET.criteria, rows: table(CRITERION_COL, criteria), lists: [{ header: CRITERION_COL.block, values: BLOCKS.slice(0, 2) }] },
  { name: SHEET.scores, rows: table(SCORE_COL, scores) },
  {
    name: SHEET.nominations,
    rows: table(NOMINATION_COL, nominations),
    lists: [
      { header: NOMINATION_COL.kind, values: KINDS },
      { header: NOMINATION_COL.ratingPrev, values: RATINGS },
      { header: NOMINATION_COL.ratingNow, values: RATINGS },
    ],
  },
  { name: SHEET.dossiers, rows: table(DOSSIER_COL, dossiers), lists: [{ header: DOSSIER_COL.votingMethod, values: [...VOTING_METHODS] }] },
  { name: SHEET.reports, rows: table(REPORT_COL, reports) },
  {
    name: SHEET.intake,
    rows: table(INTAKE_COL, intake),
    lists: [{ header: INTAKE_COL.channel, values: [...INTAKE_CHANNELS] }, { header: INTAKE_COL.status, values: [...INTAKE_STATUSES] }],
  },
  { name: SHEET.council, rows: table(COUNCIL_COL, council) },
];
