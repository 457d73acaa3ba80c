/** Hướng dẫn: a short guide to the workbook and the menu. */
import { SHEET } from '../core/contract';
import { escapeHtml, showDialog } from './html';

const STEPS: Array<[string, string]> = [
  ['Khởi tạo bảng tính', `Tạo các trang còn thiếu (${[SHEET.settings, SHEET.units, SHEET.criteria, SHEET.scores, SHEET.nominations, SHEET.dossiers].join(', ')}) với tiêu đề, ô đánh dấu, danh sách chọn và ghi chú. Trang đã có không bị thay đổi.`],
  ['Nhập dữ liệu', `Điền trang «${SHEET.settings}», danh sách đơn vị, tiêu chí và điểm; mỗi đơn vị nhập đề nghị của mình vào trang «${SHEET.nominations}». Di chuột lên ô tiêu đề để đọc ghi chú.`],
  ['Xếp hạng', `Xếp hạng các đơn vị trong từng khối theo điểm thẩm định, ghi vào trang «${SHEET.ranking}». Điểm bằng nhau được xếp đồng hạng.`],
  ['Kiểm tra điều kiện', `Xét từng đề nghị theo tiêu chuẩn, chỉ tiêu và thời hạn nộp hồ sơ, ghi vào trang «${SHEET.verdicts}» kèm lý do và mã quy định (P1, A0…).`],
  ['Lập danh sách khen thưởng', `Ghi các đề nghị đủ điều kiện và trong chỉ tiêu vào trang «${SHEET.awardList}».`],
  ['Báo cáo tổng kết', `Ghi số liệu tổng kết và biểu đồ vào trang «${SHEET.summary}», và tạo (hoặc cập nhật) dự thảo báo cáo tổng kết phong trào trên Google Tài liệu, có biểu đồ; mục bài học kinh nghiệm và kiến nghị để dòng chấm cho Văn phòng viết.`],
  ['Phân quyền đơn vị', `Chỉ cho các địa chỉ trong cột Email của mỗi đơn vị sửa các dòng của đơn vị mình ở trang «${SHEET.scores}» và «${SHEET.nominations}»; cột «Điểm thẩm định» chỉ chủ sở hữu được sửa. Chạy lại để cập nhật.`],
];

const NOTES = [
  'Các trang kết quả được ghi lại toàn bộ mỗi lần chạy; không nhập dữ liệu vào các trang đó.',
  'Thi đua không bao giờ sửa dữ liệu bạn đã nhập. Lỗi trong dữ liệu được liệt kê kèm trang, dòng, cột và đường dẫn tới ô.',
  'Công thức dùng được trong ô: THIDUA_XEPHANG, THIDUA_DUDIEUKIEN, THIDUA_LYDO, THIDUA_CHITIEU (gõ «=THIDUA» để xem hướng dẫn).',
];

export function helpBody(): string {
  const steps = STEPS.map(([title, text]) => `<li><b>${escapeHtml(title)}</b>: ${escapeHtml(text)}</li>`).join('');
  const notes = NOTES.map((n) => `<li>${escapeHtml(n)}</li>`).join('');
  return `<h3>Các bước</h3><ol>${steps}</ol><h3>Lưu ý</h3><ul>${notes}</ul>`;
}

export function showHelp(): void {
  showDialog('Hướng dẫn Thi đua', helpBody(), 560, 520);
}
