import { evaluate, outputSheets, NOMINATION_COL as N, UNIT_COL as U } from '../../src/core';
import { GOOD_COLLECTIVE, GOOD_INDIVIDUAL, UNITS, nomination, workbook } from '../helpers/workbook';

describe('the award list (P2, P3, U3)', () => {
  const units = [
    ...UNITS,
    { [U.code]: 'DV02', [U.name]: 'Ban Quản lý dự án', [U.block]: 'Đơn vị khác' },
    { [U.code]: 'DV03', [U.name]: 'Trung tâm Văn hóa', [U.block]: 'Đơn vị khác' },
  ];
  const nominations = [
    nomination(GOOD_INDIVIDUAL, { [N.unitCode]: 'CQ01', [N.name]: 'Đỗ Văn Bình' }),
    nomination(GOOD_INDIVIDUAL, { [N.unitCode]: 'X02', [N.name]: 'Lê Thị Đào' }),
    nomination(GOOD_COLLECTIVE, { [N.unitCode]: 'X02', [N.name]: 'Xã Đồng Tân' }),
    nomination(GOOD_COLLECTIVE, { [N.unitCode]: 'CQ02', [N.name]: 'Phòng Tư pháp' }),
    nomination(GOOD_INDIVIDUAL, { [N.unitCode]: 'X01', [N.name]: 'Trần Văn Dũng' }),
    nomination(GOOD_INDIVIDUAL, { [N.unitCode]: 'DV01', [N.name]: 'Hà Thị Ánh' }),
    nomination(GOOD_INDIVIDUAL, { [N.unitCode]: 'DV02', [N.name]: 'Vũ Văn Anh' }),
    nomination(GOOD_INDIVIDUAL, { [N.unitCode]: 'DV03', [N.name]: 'Phạm Thị Ảnh' }),
  ];
  const e = evaluate(workbook({ units, nominations }));

  it('puts collectives first (agencies, then communes, by rank), then individuals, grassroots first (P2), by rank, then by name', () => {
    expect(e.awardList.map((a) => [a.number, a.nomination.name])).toEqual([
      [1, 'Phòng Tư pháp'],
      [2, 'Xã Đồng Tân'],
      [1, 'Trần Văn Dũng'],
      [2, 'Lê Thị Đào'],
      [3, 'Đỗ Văn Bình'],
      [4, 'Vũ Văn Anh'],
      // Tones after base letters, in dictionary order: Anh, Ảnh (hỏi), Ánh (sắc).
      [5, 'Phạm Thị Ảnh'],
      [6, 'Hà Thị Ánh'],
    ]);
  });

  it('is written as a numbered sheet with a part for collectives and one for individuals', () => {
    const sheet = outputSheets(e).find((s) => s.name === 'Danh sách khen thưởng')!;
    expect(sheet.rows.map((r) => r[0])).toEqual(['I. TẬP THỂ', 1, 2, 'II. CÁ NHÂN', 1, 2, 3, 4, 5, 6]);
    expect(sheet.marks[0]).toBe('section');
    expect(sheet.rows[1]!.slice(1, 5)).toEqual(['Phòng Tư pháp', '', 'Phòng Tư pháp', 'Cơ quan chuyên môn']);
  });
});

describe('output sheets', () => {
  it('mark prizes, ties, unranked units, ineligible and late nominations', () => {
    const e = evaluate(workbook({
      nominations: [GOOD_COLLECTIVE, nomination(GOOD_INDIVIDUAL, { [N.unitCode]: 'X03', [N.compliance]: '' }),
        nomination(GOOD_INDIVIDUAL, { [N.unitCode]: 'X01', [N.submittedOn]: '07/01/2023' })],
    }));
    const [ranking, verdicts] = outputSheets(e);
    expect(ranking!.header).toEqual(['Khối', 'Hạng', 'Mã đơn vị', 'Tên đơn vị', 'Điểm thẩm định', 'Điểm tự đánh giá', 'Giải', 'Đồng hạng', 'Ghi chú']);
    expect(ranking!.rows[0]).toEqual(['Cơ quan chuyên môn', 1, 'CQ01', 'Phòng Nội vụ', 95, 95, 'Nhất', '', '']);
    expect(ranking!.marks).toEqual(['prize', 'prize', 'prize', 'prize', 'prize', null]);
    expect(verdicts!.rows.map((r) => [r[0], r[5], r[8], r[9], r[10]])).toEqual([
      [2, 'Có', 'Trong chỉ tiêu', 'Đúng hạn', 'Có'],
      [3, 'Không', 'Trong chỉ tiêu', 'Đúng hạn', 'Không'],
      [4, 'Có', 'Trong chỉ tiêu', 'Ngoài thời hạn', 'Không'],
    ]);
    expect(verdicts!.marks).toEqual([null, 'ineligible', 'warning']);
  });
});
