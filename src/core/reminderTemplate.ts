/**
 * The default reminder letter: polite administrative Vietnamese. Apart from core/reminders so
 * the add-on's server file does not carry it: the sidebar starts from it, the command line
 * uses it, and the server keeps the template the owner last used (document properties).
 */
import type { ReminderTemplate } from './reminders';

export const DEFAULT_TEMPLATE: ReminderTemplate = {
  subject: 'Đề nghị hoàn thiện hồ sơ phong trào thi đua trước ngày {han_chot}',
  body: [
    'Kính gửi: {ten_don_vi}',
    '',
    'Thực hiện phong trào thi đua «{ten_phong_trao}», {co_quan} trân trọng đề nghị Quý đơn vị hoàn thiện các nội dung sau trước ngày {han_chot} (còn {so_ngay_con_lai} ngày):',
    '',
    '{con_thieu}',
    '',
    'Quý đơn vị vui lòng cập nhật trực tiếp vào bảng tính theo dõi phong trào. Trường hợp đã hoàn thành, xin Quý đơn vị bỏ qua thư này.',
    '',
    'Trân trọng cảm ơn sự phối hợp của Quý đơn vị./.',
    '',
    '{co_quan}',
  ].join('\n'),
};
