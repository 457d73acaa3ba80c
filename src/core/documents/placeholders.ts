/**
 * Placeholders for a user's own templates (`{{ten_don_vi}}`, a table row looped over
 * `{{#de_nghi}} … {{/de_nghi}}`): the same facts the default documents print, so a host can fill
 * a user's `.docx` or Google Docs template. Values are literal text; a gap is `…`.
 */
import { formatNumber } from '../text';
import { countsPhrase } from './facts';
import type { Field, NomineeFacts, UnitFacts } from './facts';

export interface Placeholder {
  name: string;
  /** What it holds, in Vietnamese (the README lists these). */
  description: string;
  /**
   * `all`: every document. `de_nghi`: a nominee's value, inside the `{{#de_nghi}}` loop, and
   * directly (outside any loop) in a report of achievements (D3), for its own nominee.
   */
  scope: 'all' | 'de_nghi';
}

const all = (name: string, description: string): Placeholder => ({ name, description, scope: 'all' });
const row = (name: string, description: string): Placeholder => ({ name, description, scope: 'de_nghi' });

/** Every placeholder a template may use. */
export const PLACEHOLDERS: readonly Placeholder[] = [
  all('ten_phong_trao', 'Tên phong trào thi đua'),
  all('nam', 'Năm của phong trào'),
  all('co_quan_phat_dong', 'Cơ quan phát động (Cấu hình)'),
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
];

/** The values of a document's placeholders: every value a Field, so a host can report the gaps it fills. */
export interface PlaceholderData {
  fields: Record<string, Field>;
  de_nghi: Record<string, Field>[];
}

const known = (text: string): Field => ({ text, missing: null });

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
      ...(index >= 0 ? rows[index] : {}),
    },
    de_nghi: rows,
  };
}
