/**
 * The second sample (issue 12): a province of today, after the 2025 reform — no districts; the
 * province runs the movement over its communes and wards and its departments, on the legal
 * preset `2025` (Law of 2022, Decree 152/2025). `generate.ts` writes it to `hoa-lam-2025.xlsx`.
 * The province «Hòa Lâm», its communes, wards and every person, e-mail and score are invented;
 * the departments bear the names provinces use since 2025. The criteria are the first sample's.
 *
 * WHAT IT SHOWS
 * Cấu hình — `Căn cứ pháp lý` = 2025; no block names: the preset's «Xã, phường» and «Sở, ban,
 *   ngành» apply; the province's chairman awards.
 * Căn cứ pháp lý — the 2025 preset's lines, and in the letter the province's own rules of
 *   emulation (a provincial decision) before the launch: provinces set their own since 2025.
 * Chấm điểm — Xã, phường: P01 (Nhất), X02 (Nhì), X05 (Ba), then X03, X04, P06, X07, X08.
 *   Sở, ban, ngành: SNV (Nhất), STP (Nhì), STC (Ba), then SYT, SXD, SGDĐT, SNNMT.
 * Đề nghị (row: unit, kind — expected outcome)
 *   2 P01 Tập thể — A1, A2        3 P01 Cá nhân — B1
 *   4 X02 Tập thể — A2 (A1 fails: satisfaction 86)
 *   5 SNV Tập thể — A1, A3        6 SNV Cá nhân — B1, B2
 *   7 STC Cá nhân — B1            8 X04 Tập thể — A1 (not a prize commune)
 *   9 SYT Tập thể — ineligible: A1 fails (on-time 98.5 %), rank 4 (no A3)
 *   10 X07 Cá nhân — ineligible: B1 fails (HTNV last year)
 * Báo cáo thành tích — the facts of P01's individual and SNV's collective.
 */
import {
  CRITERION_COL, DOSSIER_COL, EXTRA_SETTING, LEGAL_BASIS_COL, NOMINATION_COL, OTHER_BLOCK, RATING_LABEL, REPORT_COL, SCORE_COL,
  SETTING, SETTINGS_HEADER, SHEET, SIGNING_AUTHORITIES, UNIT_COL, VOTING_METHODS,
} from '../src/core/contract';
import { LEGAL_PRESET, presetRows } from '../src/core/legalBasis';
import type { SheetSpec, SpecCell } from '../src/cli/xlsx';
import { criteria } from './fixture';

/** The files carry this date, so regenerating gives the same bytes. */
export const SAMPLE_2025_DATE = new Date(Date.UTC(2026, 0, 12));

const day = (year: number, month: number, dayOfMonth: number) => new Date(Date.UTC(year, month - 1, dayOfMonth));

const PROVINCE = 'Ủy ban nhân dân tỉnh Hòa Lâm';
const { commune: COMMUNES, agency: AGENCIES } = LEGAL_PRESET['2025'].blocks;

type Row<Col extends Record<string, string>> = Partial<Record<keyof Col, SpecCell>>;

function table<Col extends Record<string, string>>(columns: Col, rows: Row<Col>[]): SpecCell[][] {
  const keys = Object.keys(columns) as (keyof Col)[];
  return [keys.map((key) => columns[key]!), ...rows.map((row) => keys.map((key) => row[key] ?? null))];
}

export const settings2025: [string, SpecCell, string][] = [
  [SETTING.movementName, 'Đẩy mạnh cải cách hành chính, chuyển đổi số và xây dựng chính quyền địa phương hai cấp', 'Theo văn bản phát động'],
  [SETTING.year, 2025, ''],
  [SETTING.issuer, PROVINCE, 'Cấp tỉnh khen thưởng (không còn cấp huyện từ 01/7/2025)'],
  [SETTING.placeName, 'Hòa Lâm', ''],
  [SETTING.signerTitle, 'Chủ tịch', ''],
  [SETTING.signerName, 'Trần Quốc Hưng', ''],
  [SETTING.launchDate, day(2025, 8, 15), ''],
  [SETTING.endDate, day(2025, 12, 31), ''],
  [SETTING.windowFrom, day(2026, 1, 5), ''],
  [SETTING.windowTo, day(2026, 1, 9), ''],
  [SETTING.minSatisfactionPercent, 90, ''],
  [SETTING.prizeRanks, 3, ''],
  [EXTRA_SETTING.legalBasis, '2025', 'Luật Thi đua, khen thưởng 2022, Nghị định 152/2025/NĐ-CP; khối mặc định «Xã, phường», «Sở, ban, ngành»'],
];

/** Code, name, head, and for a department its symbol. */
const COMMUNE_UNITS: [string, string, string][] = [
  ['P01', 'UBND phường Đông Thành', 'Nguyễn Văn Khải'],
  ['X02', 'UBND xã Tân Lập', 'Hoàng Thị Mai'],
  ['X03', 'UBND xã Phú Mỹ', 'Lê Văn Toản'],
  ['X04', 'UBND xã Thạch Bình', 'Đinh Văn Lợi'],
  ['X05', 'UBND xã Hòa Phú', 'Vũ Thị Hồng'],
  ['P06', 'UBND phường Bắc Sơn', 'Phan Văn Nam'],
  ['X07', 'UBND xã Yên Hà', 'Trịnh Văn Bảo'],
  ['X08', 'UBND xã Lâm Xuyên', 'Mai Thị Thu'],
];
const DEPARTMENTS: [string, string, string, string][] = [
  ['SNV', 'Sở Nội vụ', 'Đỗ Minh Tuấn', 'SNV'],
  ['STP', 'Sở Tư pháp', 'Lưu Thị Hạnh', 'STP'],
  ['STC', 'Sở Tài chính', 'Ngô Văn Thành', 'STC'],
  ['SYT', 'Sở Y tế', 'Tạ Văn Hùng', 'SYT'],
  ['SXD', 'Sở Xây dựng', 'Kiều Văn Phong', 'SXD'],
  ['SGDĐT', 'Sở Giáo dục và Đào tạo', 'Châu Thị Lan', 'SGDĐT'],
  ['SNNMT', 'Sở Nông nghiệp và Môi trường', 'Quách Văn Sơn', 'SNNMT'],
];

export const units2025: Row<typeof UNIT_COL>[] = [
  ...COMMUNE_UNITS.map(([code, name, head]) => ({
    code, name, block: COMMUNES, head, emails: `${code.toLowerCase()}@hoalam.example.gov.vn`,
    symbol: 'UBND', signerTitle: 'CHỦ TỊCH', signingAuthority: SIGNING_AUTHORITIES[0],
  })),
  ...DEPARTMENTS.map(([code, name, head, symbol]) => ({
    code, name, block: AGENCIES, head, emails: `${symbol.toLowerCase()}@hoalam.example.gov.vn`,
    symbol, signerTitle: 'GIÁM ĐỐC', superior: PROVINCE,
  })),
  { code: 'TTPVHCC', name: 'Trung tâm Phục vụ hành chính công tỉnh', block: OTHER_BLOCK, head: 'Lý Thị Ngân',
    emails: 'ttpvhcc@hoalam.example.gov.vn', symbol: 'TTPVHCC', signerTitle: 'GIÁM ĐỐC', superior: PROVINCE },
];

/**
 * Appraised points as a share of each criterion's maximum, per unit (ranked in this order within
 * its block); the self-assessment is a little higher. Distinct shares: no ties.
 */
const SHARES: [string, number][] = [
  ['P01', 0.9531], ['X02', 0.9276], ['X05', 0.9108], ['X03', 0.8845], ['X04', 0.8612], ['P06', 0.8437], ['X07', 0.8021], ['X08', 0.7736],
  ['SNV', 0.9612], ['STP', 0.9254], ['STC', 0.9049], ['SYT', 0.8733], ['SXD', 0.8518], ['SGDĐT', 0.8305], ['SNNMT', 0.8127],
];
const round2 = (n: number) => Math.round(n * 100) / 100;

export const scores2025: Row<typeof SCORE_COL>[] = SHARES.flatMap(([unitCode, share]) =>
  criteria.map((c) => {
    const max = Number(c.maxPoints);
    const appraisedPoints = round2(max * share);
    return { unitCode, criterionCode: c.code, selfPoints: Math.min(max, round2(appraisedPoints + 0.25)), appraisedPoints };
  }),
);

const { HTXSNV, HTTNV, HTNV } = RATING_LABEL;
const yes = { directCchc: true, compliance: true, unity: true, discipline: true, hasPlan: true, innovation: true };

export const nominations2025: Row<typeof NOMINATION_COL>[] = [
  { unitCode: 'P01', kind: 'Tập thể', name: 'Ủy ban nhân dân phường Đông Thành', ...yes,
    satisfactionPercent: 96, onTimePercent: 100, onlinePrevPercent: 62, onlineNowPercent: 81,
    summary: 'Xếp thứ Nhất khối xã, phường về chỉ số cải cách hành chính năm 2025. Vận hành chính quyền địa phương hai cấp thông suốt từ 01/7/2025.',
    submittedOn: day(2026, 1, 6), votesInFavour: 11 },
  { unitCode: 'P01', kind: 'Cá nhân', name: 'Bùi Thị Thanh Hà', position: 'Công chức Văn phòng HĐND và UBND phường Đông Thành',
    directCchc: true, compliance: true, ratingPrev: HTTNV, ratingNow: HTXSNV,
    summary: 'Trực tiếp tiếp nhận hồ sơ tại Trung tâm phục vụ hành chính công phường; hướng dẫn người dân nộp hồ sơ trực tuyến toàn trình.',
    submittedOn: day(2026, 1, 6), votesInFavour: 10 },
  { unitCode: 'X02', kind: 'Tập thể', name: 'Ủy ban nhân dân xã Tân Lập', ...yes,
    satisfactionPercent: 86, onTimePercent: 100, onlinePrevPercent: 40, onlineNowPercent: 58,
    summary: 'Xếp thứ Nhì khối xã, phường; số hóa 100% hồ sơ, kết quả giải quyết thủ tục hành chính.',
    submittedOn: day(2026, 1, 7), votesInFavour: 9 },
  { unitCode: 'SNV', kind: 'Tập thể', name: 'Phòng Cải cách hành chính, Sở Nội vụ', ...yes,
    satisfactionPercent: 98, onTimePercent: 100, onlinePrevPercent: 70, onlineNowPercent: 88,
    summary: 'Thường trực phong trào; tham mưu sắp xếp đơn vị hành chính cấp xã đúng tiến độ.',
    submittedOn: day(2026, 1, 5), votesInFavour: 8 },
  { unitCode: 'SNV', kind: 'Cá nhân', name: 'Phạm Quang Vinh', position: 'Phó Trưởng phòng Cải cách hành chính, Sở Nội vụ',
    directCchc: true, compliance: true, ratingPrev: HTXSNV, ratingNow: HTXSNV,
    initiativeRecognition: 'Quyết định số 45/QĐ-SNV ngày 12/11/2025 của Giám đốc Sở Nội vụ',
    summary: 'Chủ trì xây dựng bộ chỉ số cải cách hành chính cấp xã sau sắp xếp.',
    submittedOn: day(2026, 1, 5), votesInFavour: 8 },
  { unitCode: 'STC', kind: 'Cá nhân', name: 'Nguyễn Thị Lệ', position: 'Chuyên viên Văn phòng Sở Tài chính',
    directCchc: true, compliance: true, ratingPrev: HTTNV, ratingNow: HTTNV,
    summary: 'Tham mưu công bố, cập nhật thủ tục hành chính lĩnh vực tài chính trên Cổng dịch vụ công.',
    submittedOn: day(2026, 1, 8), votesInFavour: 7 },
  { unitCode: 'X04', kind: 'Tập thể', name: 'Ủy ban nhân dân xã Thạch Bình', ...yes,
    satisfactionPercent: 93, onTimePercent: 100, onlinePrevPercent: 33, onlineNowPercent: 52,
    summary: 'Tỷ lệ hồ sơ trực tuyến tăng từ 33% lên 52%; không có hồ sơ trễ hạn.',
    submittedOn: day(2026, 1, 9), votesInFavour: 9 },
  { unitCode: 'SYT', kind: 'Tập thể', name: 'Văn phòng Sở Y tế', ...yes,
    satisfactionPercent: 95, onTimePercent: 98.5, onlinePrevPercent: 55, onlineNowPercent: 60,
    summary: 'Triển khai cấp chứng chỉ hành nghề trực tuyến.', submittedOn: day(2026, 1, 8), votesInFavour: 7 },
  { unitCode: 'X07', kind: 'Cá nhân', name: 'Đặng Văn Tú', position: 'Công chức Văn phòng HĐND và UBND xã Yên Hà',
    directCchc: true, compliance: true, ratingPrev: HTNV, ratingNow: HTTNV,
    summary: 'Phụ trách bộ phận một cửa của xã.', submittedOn: day(2026, 1, 7), votesInFavour: 6 },
];

/** A unit's review meeting and letter, dated after the movement ends. */
function dossier(unitCode: string, meetingDay: number, members: number, present: number, letterNumber: string): Row<typeof DOSSIER_COL> {
  const unit = units2025.find((u) => u.code === unitCode)!;
  const commune = unit.block === COMMUNES;
  return {
    unitCode,
    meetingDate: day(2026, 1, meetingDay),
    meetingPlace: `${commune ? 'Hội trường' : 'Phòng họp'} ${unit.name}`,
    chair: `${unit.head}, ${commune ? 'Chủ tịch UBND' : 'Giám đốc Sở'}`,
    secretary: commune ? 'Lê Thu Trang, công chức Văn phòng HĐND và UBND' : 'Hà Minh Đức, chuyên viên Văn phòng Sở',
    members,
    present,
    letterNumber,
    letterDate: day(2026, 1, meetingDay + 1),
    startTime: '8:00',
    endTime: '10:00',
    council: 'Hội đồng Thi đua - Khen thưởng',
    votingMethod: VOTING_METHODS[commune ? 0 : 1],
    discussion: 'Các thành viên Hội đồng nhất trí với thành tích của các tập thể, cá nhân được đề nghị.',
    recipients: '- Hội đồng Thi đua - Khen thưởng tỉnh (qua Sở Nội vụ);',
  };
}

export const dossiers2025: Row<typeof DOSSIER_COL>[] = [
  dossier('P01', 2, 11, 11, '05/TTr-UBND'),
  dossier('X02', 3, 9, 9, '03/TTr-UBND'),
  dossier('SNV', 2, 9, 8, '12/TTr-SNV'),
  dossier('STC', 5, 7, 7, '08/TTr-STC'),
  dossier('X04', 6, 9, 8, '04/TTr-UBND'),
  dossier('SYT', 5, 7, 6, '15/TTr-SYT'),
  dossier('X07', 3, 9, 7, '02/TTr-UBND'),
];

export const reports2025: Row<typeof REPORT_COL>[] = [
  { unitCode: 'P01', name: 'Bùi Thị Thanh Hà', birthDate: day(1991, 4, 18), sex: 'Nữ',
    homeTown: 'xã Hòa Phú, tỉnh Hòa Lâm', residence: 'phường Đông Thành, tỉnh Hòa Lâm', qualifications: 'Cử nhân Luật',
    duties: 'Tiếp nhận, trả kết quả hồ sơ thủ tục hành chính tại Trung tâm phục vụ hành chính công phường.',
    results: 'Tiếp nhận 3.250 hồ sơ, 100% giải quyết đúng và trước hạn; 81% hồ sơ nộp trực tuyến.' },
  { unitCode: 'SNV', name: 'Phòng Cải cách hành chính, Sở Nội vụ', address: 'Số 8 đường Lê Lợi, phường Đông Thành, tỉnh Hòa Lâm',
    phone: '0210 3852 456', email: 'snv@hoalam.example.gov.vn', structure: 'Trưởng phòng, 02 Phó Trưởng phòng và 05 công chức.', staff: 8,
    functions: 'Tham mưu Giám đốc Sở quản lý nhà nước về cải cách hành chính, thi đua, khen thưởng.',
    situation: 'Năm 2025 tỉnh sắp xếp đơn vị hành chính, tổ chức chính quyền địa phương hai cấp; khối lượng công việc lớn.',
    results: 'Chỉ số cải cách hành chính của Sở xếp thứ Nhất khối sở, ban, ngành.' },
];

/**
 * The letter cites the province's own rules of emulation after the law and the decree: the 2025
 * preset's lines with one of the province's, as a clerk edits `Căn cứ pháp lý`.
 */
const OWN_RULES = 'Căn cứ Quyết định số 25/2025/QĐ-UBND ngày 05/8/2025 của Ủy ban nhân dân tỉnh Hòa Lâm ban hành Quy chế công tác thi đua, khen thưởng';
const preset = presetRows('2025');
const letter = preset.filter(([document]) => document === 'Tờ trình').map(([, , text]) => text);
letter.splice(2, 0, OWN_RULES);
export const legalBasis2025: SpecCell[][] = [
  Object.values(LEGAL_BASIS_COL),
  ...preset.filter(([document]) => document !== 'Tờ trình'),
  ...letter.map((text, i) => ['Tờ trình', i + 1, text]),
];

export const SAMPLE_2025_SHEETS: SheetSpec[] = [
  { name: SHEET.settings, rows: [[SETTINGS_HEADER.key, SETTINGS_HEADER.value, 'Ghi chú'], ...settings2025] },
  { name: SHEET.units, rows: table(UNIT_COL, units2025), lists: [{ header: UNIT_COL.block, values: [COMMUNES, AGENCIES, OTHER_BLOCK] }] },
  { name: SHEET.criteria, rows: table(CRITERION_COL, criteria) },
  { name: SHEET.scores, rows: table(SCORE_COL, scores2025) },
  { name: SHEET.nominations, rows: table(NOMINATION_COL, nominations2025) },
  { name: SHEET.dossiers, rows: table(DOSSIER_COL, dossiers2025) },
  { name: SHEET.reports, rows: table(REPORT_COL, reports2025) },
  { name: SHEET.legalBasis, rows: legalBasis2025 },
];
