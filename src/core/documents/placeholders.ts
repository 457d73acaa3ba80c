/**
 * Placeholders for a user's own templates (`{{ten_don_vi}}`, a table row looped over
 * `{{#de_nghi}} … {{/de_nghi}}`): the same facts the default documents print, so a host can fill
 * a user's `.docx` or Google Docs template. Values are literal text; a gap is `…`.
 */
import { REPORT_COL, SHEET } from '../contract';
import type { PreviousAward } from '../model';
import { formatNumber } from '../text';
import { countsPhrase, form07, v2Of } from './facts';
import { GAP, shortBodyName, upper } from './layout';
import type { Field, Form07Facts, NomineeFacts, UnitFacts } from './facts';

export interface Placeholder {
  name: string;
  /** What it holds, in Vietnamese (the README lists these). */
  description: string;
  /**
   * `all`: every document. `de_nghi`: a nominee's value, inside the `{{#de_nghi}}` loop, and
   * directly (outside any loop) in a report of achievements (D3), for its own nominee.
   * `khen_thuong`: a previous award's value, inside the `{{#khen_thuong}}` loop of a D3.
   */
  scope: 'all' | 'de_nghi' | 'khen_thuong';
}

const all = (name: string, description: string): Placeholder => ({ name, description, scope: 'all' });
const row = (name: string, description: string): Placeholder => ({ name, description, scope: 'de_nghi' });
const award = (name: string, description: string): Placeholder => ({ name, description, scope: 'khen_thuong' });

/** The loops a template may use, each a table row repeated per item. */
export const LOOPS = ['de_nghi', 'khen_thuong'] as const;

/** Every placeholder a template may use. */
export const PLACEHOLDERS: readonly Placeholder[] = [
  all('ten_phong_trao', 'Tên phong trào thi đua'),
  all('nam', 'Năm của phong trào'),
  all('co_quan_phat_dong', 'Cơ quan phát động (Cấu hình)'),
  all('co_quan_phat_dong_in_hoa', 'Cơ quan phát động viết gọn, chữ in hoa, như dòng cơ quan chủ quản: UBND HUYỆN HỮU LŨNG'),
  all('van_ban_phat_dong', 'Văn bản phát động, như một văn bản trích dẫn'),
  all('cap_khen', 'Người có thẩm quyền khen, viết gọn: Chủ tịch UBND huyện …'),
  all('cap_khen_day_du', 'Người có thẩm quyền khen, viết đầy đủ'),
  all('ma_don_vi', 'Mã đơn vị đề nghị'),
  all('ten_don_vi', 'Tên đơn vị đề nghị'),
  all('ten_don_vi_in_hoa', 'Tên đơn vị đề nghị, chữ in hoa'),
  all('khoi', 'Khối của đơn vị'),
  all('thu_truong', 'Thủ trưởng đơn vị (người ký)'),
  all('dia_danh', 'Địa danh ghi trên văn bản của đơn vị'),
  all('ngay_hop', 'Ngày họp xét (dd/mm/yyyy)'),
  all('ngay_hop_day_du', 'Ngày họp xét: ngày … tháng … năm …'),
  all('dia_diem_hop', 'Địa điểm họp xét'),
  all('chu_tri', 'Người chủ trì cuộc họp (tên, chức vụ)'),
  all('thu_ky', 'Thư ký cuộc họp (tên, chức vụ)'),
  all('so_thanh_vien', 'Số thành viên Hội đồng'),
  all('so_co_mat', 'Số thành viên có mặt'),
  all('so_to_trinh', 'Số và ký hiệu tờ trình, ví dụ 15/TTr-UBND'),
  all('ngay_to_trinh', 'Ngày tờ trình (dd/mm/yyyy)'),
  all('ngay_to_trinh_day_du', 'Ngày tờ trình: ngày … tháng … năm …'),
  all('dia_danh_ngay_thang', 'Dòng địa danh, ngày tháng: Hữu Lũng, ngày 05 tháng 01 năm 2023'),
  all('diem_cchc', 'Điểm thẩm định Chỉ số CCHC của đơn vị (trống nếu không được xếp hạng)'),
  all('xep_hang', 'Thứ hạng của đơn vị trong khối (trống nếu không được xếp hạng)'),
  all('so_tap_the', 'Số tập thể được đề nghị, hai chữ số'),
  all('so_ca_nhan', 'Số cá nhân được đề nghị, hai chữ số'),
  all('so_de_nghi', 'Số được đề nghị bằng lời: 01 tập thể và 01 cá nhân'),
  row('de_nghi', 'Vòng lặp qua các tập thể, cá nhân được đề nghị: {{#de_nghi}} … {{/de_nghi}} (đặt trong một dòng bảng: mỗi người một dòng)'),
  row('stt', 'Số thứ tự trong danh sách'),
  row('ten', 'Tên tập thể / Họ và tên'),
  row('hinh_thuc', 'Tập thể hoặc Cá nhân'),
  row('chuc_vu', 'Chức vụ, đơn vị công tác'),
  row('so_phieu', 'Số phiếu đồng ý tại cuộc họp xét'),
  row('ty_le_phieu', 'Tỷ lệ phiếu đồng ý so với tổng số thành viên'),
  row('tom_tat', 'Tóm tắt thành tích'),
  row('thanh_tich', 'Thành tích bằng số liệu (tỷ lệ, xếp loại, sáng kiến), mỗi ý một dòng'),
  // v2: who signs and under which symbol (Đơn vị), the rest of the minutes (Hồ sơ đơn vị).
  all('ky_hieu', 'Ký hiệu văn bản của đơn vị, không dấu: UBND, PNV'),
  all('quyen_han_ky', 'Dòng thẩm quyền ký, in hoa: TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH (trống khi người đứng đầu ký)'),
  all('chuc_danh_nguoi_ky', 'Chức danh người ký, in hoa: CHỦ TỊCH, PHÓ CHỦ TỊCH, Q. TRƯỞNG PHÒNG'),
  all('co_quan_chu_quan', 'Cơ quan chủ quản của đơn vị (trống nếu không ghi, như với UBND xã)'),
  all('gio_bat_dau', 'Giờ bắt đầu họp: 8 giờ 00 phút'),
  all('gio_ket_thuc', 'Giờ kết thúc họp: 10 giờ 30 phút'),
  all('ten_hoi_dong', 'Tên hội đồng hoặc cuộc họp xét'),
  all('hinh_thuc_bieu_quyet', 'Hình thức biểu quyết, chữ thường: giơ tay, bỏ phiếu kín'),
  all('y_kien_thao_luan', 'Ý kiến thảo luận, mỗi ý một dòng'),
  all('noi_nhan', 'Nơi nhận ở trang Hồ sơ đơn vị, mỗi nơi một dòng «- …;» (chưa gồm «Như trên», «Lưu: VT»)'),
  // v2: the facts of form 07 (Báo cáo thành tích), each nominee's own.
  row('ngay_sinh', 'Cá nhân: ngày, tháng, năm sinh (12/5/1985)'),
  row('gioi_tinh', 'Cá nhân: giới tính'),
  row('que_quan', 'Cá nhân: quê quán'),
  row('tru_quan', 'Cá nhân: trú quán'),
  row('trinh_do', 'Cá nhân: trình độ chuyên môn, nghiệp vụ'),
  row('hoc_ham_hoc_vi', 'Cá nhân: học hàm, học vị, danh hiệu'),
  row('nhiem_vu', 'Cá nhân: quyền hạn, nhiệm vụ được giao'),
  row('dia_chi_tru_so', 'Tập thể: địa chỉ trụ sở'),
  row('dien_thoai', 'Tập thể: điện thoại'),
  row('email', 'Tập thể: email'),
  row('co_cau_to_chuc', 'Tập thể: cơ cấu tổ chức'),
  row('so_can_bo', 'Tập thể: tổng số cán bộ, công chức'),
  row('chuc_nang_nhiem_vu', 'Tập thể: chức năng, nhiệm vụ'),
  row('dac_diem_tinh_hinh', 'Tập thể: đặc điểm tình hình'),
  row('bien_phap', 'Biện pháp thực hiện'),
  row('ket_qua', 'Kết quả đạt được'),
  row('khen_thuong_ds', 'Các hình thức đã được khen thưởng, mỗi lần một dòng: năm: hình thức, quyết định, cơ quan (trống nếu chưa có)'),
  row('khen_thuong', 'Vòng lặp qua các hình thức đã được khen thưởng của người được đề nghị (D3): {{#khen_thuong}} … {{/khen_thuong}} (đặt trong một dòng bảng: mỗi lần khen một dòng)'),
  award('kt_nam', 'Trong {{#khen_thuong}}: năm được khen'),
  award('kt_hinh_thuc', 'Trong {{#khen_thuong}}: hình thức khen thưởng'),
  award('kt_quyet_dinh', 'Trong {{#khen_thuong}}: số, ngày của quyết định khen thưởng'),
  award('kt_co_quan', 'Trong {{#khen_thuong}}: cơ quan ban hành quyết định'),
];

/** The values of a document's placeholders: every value a Field, so a host can report the gaps it fills. */
export interface PlaceholderData {
  fields: Record<string, Field>;
  de_nghi: Record<string, Field>[];
  /** A D3's nominee's previous awards (the `{{#khen_thuong}}` loop); none in D1, D2. */
  khen_thuong: Record<string, Field>[];
}

const known = (text: string): Field => ({ text, missing: null });

type Form07Key = Exclude<keyof Form07Facts, 'previousAwards' | 'missing' | 'row'>;

/** The form-07 placeholders, the facts they hold, and whose they are (the other kind's read empty). */
const FORM07: Array<[string, Form07Key, 'individual' | 'collective' | 'both']> = [
  ['ngay_sinh', 'birthDate', 'individual'],
  ['gioi_tinh', 'sex', 'individual'],
  ['que_quan', 'homeTown', 'individual'],
  ['tru_quan', 'residence', 'individual'],
  ['trinh_do', 'qualifications', 'individual'],
  ['hoc_ham_hoc_vi', 'academicTitles', 'individual'],
  ['nhiem_vu', 'duties', 'individual'],
  ['dia_chi_tru_so', 'address', 'collective'],
  ['dien_thoai', 'phone', 'collective'],
  ['email', 'email', 'collective'],
  ['co_cau_to_chuc', 'structure', 'collective'],
  ['so_can_bo', 'staff', 'collective'],
  ['chuc_nang_nhiem_vu', 'functions', 'collective'],
  ['dac_diem_tinh_hinh', 'situation', 'collective'],
  ['bien_phap', 'measures', 'both'],
  ['ket_qua', 'results', 'both'],
];

const awardLine = (a: PreviousAward): string => {
  const rest = [a.form, a.decision, a.issuer].filter(Boolean).join(', ');
  return a.year && rest ? `${a.year}: ${rest}` : a.year || rest;
};

/**
 * A nominee's form-07 values: a fact the nominee's kind needs and the row leaves empty is a gap
 * naming the row and column; with no row at all, each is a gap saying so (once in the list).
 */
function form07Fields(n: NomineeFacts): Record<string, Field> {
  const own = n.form07 ?? form07(undefined, null);
  const kind = n.collective ? 'collective' : 'individual';
  const who = n.name.missing ? '' : ` («${n.name.text}»)`;
  const gap = (key: Form07Key): Field => ({
    text: GAP,
    missing:
      own.missing ??
      (own.row === undefined
        ? `${SHEET.reports}: chưa có hàng cho người được đề nghị ở Đề nghị hàng ${n.row}; hãy thêm hàng hoặc để người được đề nghị tự ghi.`
        : `${SHEET.reports} hàng ${own.row}${who}: thiếu ${REPORT_COL[key]}; hãy điền hoặc để người được đề nghị tự ghi.`),
  });
  const fields: Record<string, Field> = {};
  for (const [name, key, whose] of FORM07) {
    const value = own[key];
    fields[name] = whose !== 'both' && whose !== kind ? known('') : value ? known(value) : gap(key);
  }
  fields['khen_thuong_ds'] = own.missing ? { text: GAP, missing: own.missing } : known(own.previousAwards.map(awardLine).join('\n'));
  return fields;
}

const awardFields = (a: PreviousAward): Record<string, Field> => ({
  kt_nam: known(a.year),
  kt_hinh_thuc: known(a.form),
  kt_quyet_dinh: known(a.decision),
  kt_co_quan: known(a.issuer),
});

/** The v2 unit values: the signer's lines, the symbol, the rest of the minutes. */
function unitFieldsV2(f: UnitFacts): Record<string, Field> {
  const v = v2Of(f);
  const signer = v.signerLines;
  const recipientGap = v.recipients.find((r) => r.missing);
  return {
    ky_hieu: v.symbol,
    quyen_han_ky: signer.length > 1 ? signer[0]! : known(''),
    chuc_danh_nguoi_ky: signer[signer.length - 1]!,
    co_quan_chu_quan: known(v.superior ?? ''),
    gio_bat_dau: v.startTime,
    gio_ket_thuc: v.endTime,
    ten_hoi_dong: v.council,
    hinh_thuc_bieu_quyet: v.votingMethod,
    y_kien_thao_luan: v.discussion,
    noi_nhan: recipientGap ? { text: `- ${GAP};`, missing: recipientGap.missing } : known(v.recipients.map((r) => `- ${r.text};`).join('\n')),
  };
}

function nomineeFields(n: NomineeFacts, index: number): Record<string, Field> {
  return {
    stt: known(String(index + 1)),
    ten: n.name,
    hinh_thuc: known(n.kind),
    chuc_vu: n.position,
    so_phieu: n.votes,
    ty_le_phieu: n.votePercent,
    tom_tat: n.summary,
    thanh_tich: known(n.figures.join('\n')),
    ...form07Fields(n),
  };
}

/** The placeholder values of a unit's document; a D3 also gets its nominee's row fields at the top level. */
export function placeholderData(f: UnitFacts, nominee?: NomineeFacts): PlaceholderData {
  const two = (n: number) => known(String(n).padStart(2, '0'));
  const rows = f.nominees.map(nomineeFields);
  const index = nominee ? f.nominees.indexOf(nominee) : -1;
  return {
    fields: {
      ten_phong_trao: f.movementName,
      nam: f.year,
      co_quan_phat_dong: f.issuer,
      co_quan_phat_dong_in_hoa: f.issuer.missing ? f.issuer : known(upper(shortBodyName(f.issuer.text))),
      van_ban_phat_dong: f.launchDocument,
      cap_khen: f.awardAuthority,
      cap_khen_day_du: f.awardAuthorityFull,
      ma_don_vi: known(f.unitCode),
      ten_don_vi: f.unitName,
      ten_don_vi_in_hoa: f.unitName.missing ? f.unitName : known(f.unitName.text.toUpperCase()),
      khoi: known(f.block),
      thu_truong: f.head,
      dia_danh: f.place,
      ngay_hop: f.meetingDateShort,
      ngay_hop_day_du: f.meetingDate,
      dia_diem_hop: f.meetingPlace,
      chu_tri: f.chair,
      thu_ky: f.secretary,
      so_thanh_vien: f.members,
      so_co_mat: f.present,
      so_to_trinh: f.letterNumber,
      ngay_to_trinh: f.letterDateShort,
      ngay_to_trinh_day_du: f.letterDate,
      dia_danh_ngay_thang: f.dateLine,
      diem_cchc: known(f.ranking ? formatNumber(f.ranking.score) : ''),
      xep_hang: known(f.ranking ? (f.ranking.prize ?? String(f.ranking.rank)) : ''),
      so_tap_the: two(f.collectives),
      so_ca_nhan: two(f.individuals),
      so_de_nghi: known(countsPhrase(f.collectives, f.individuals)),
      ...unitFieldsV2(f),
      ...(index >= 0 ? rows[index] : {}),
    },
    de_nghi: rows,
    khen_thuong: nominee ? (nominee.form07?.previousAwards ?? []).map(awardFields) : [],
  };
}
