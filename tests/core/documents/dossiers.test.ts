import { DOSSIER_COL, NOMINATION_COL, REPORT_COL, UNIT_COL } from '../../../src/core';
import { PLACEHOLDERS, buildDossiers, plainText, safeFileName } from '../../../src/core/documents';
import type { DossierDocument, Table, UnitDossierDocs } from '../../../src/core/documents';
import { GOOD_INDIVIDUAL, nomination } from '../../helpers/workbook';
import { AN_REPORT, COLLECTIVE, INDIVIDUAL, UNITS_V2, X04_DOSSIER, evaluation } from './fixture';
import type { Parts } from './fixture';

function dossier(parts: Parts = {}): UnitDossierDocs {
  const all = buildDossiers(evaluation(parts));
  expect(all).toHaveLength(1);
  return all[0] as UnitDossierDocs;
}

const docOf = (u: UnitDossierDocs, kind: DossierDocument['kind'], n = 0) =>
  u.documents.filter((d) => d.kind === kind)[n] as DossierDocument;

/** A lined table by a header cell's text, as rows of cell texts. */
function tableWith(d: DossierDocument, headerCell: string): string[][] {
  const table = d.doc.blocks.find(
    (b): b is Table => b.kind === 'table' && !b.borderless && b.rows[0]!.some((c) => c.paragraphs[0]?.runs[0]?.text === headerCell),
  );
  expect(table).toBeDefined();
  return (table as Table).rows.map((row) => row.map((c) => c.paragraphs.map((p) => p.runs.map((r) => r.text).join('')).join('\n')));
}

describe('the dossier of a unit', () => {
  test('has its minutes, its letter and one report per eligible nominee, named so a person finds them', () => {
    const u = dossier();
    expect(u.documents.map((d) => d.fileName)).toEqual([
      'X04 - UBND xã Yên Bình - Biên bản họp xét.docx',
      'X04 - UBND xã Yên Bình - Tờ trình.docx',
      'X04 - UBND xã Yên Bình - Báo cáo thành tích - Bộ phận một cửa xã Yên Bình.docx',
      'X04 - UBND xã Yên Bình - Báo cáo thành tích - Nguyễn Văn An.docx',
    ]);
    expect(docOf(u, 'D3', 1).nominationRow).toBe(3);
  });

  test('the minutes have no place-and-date line; the letter and reports have the commune’s', () => {
    const u = dossier();
    const headerOf = (d: DossierDocument) => (d.doc.blocks[0] as Table).rows[0]![1]!.paragraphs.map((p) => p.runs[0]?.text);
    expect(headerOf(docOf(u, 'D1'))).toEqual(['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc']);
    expect(plainText(docOf(u, 'D2').doc)).toContain('Yên Bình, ngày 06 tháng 01 năm 2023');
    expect(plainText(docOf(u, 'D3').doc)).toContain('Yên Bình, ngày 06 tháng 01 năm 2023');
    expect(plainText(docOf(u, 'D1').doc)).toContain('Hôm nay, vào hồi 8 giờ 00 phút, ngày 05 tháng 01 năm 2023, tại Hội trường UBND xã Yên Bình');
  });

  test('the minutes record votes and their share of the members', () => {
    const rows = tableWith(docOf(dossier(), 'D1'), 'Số phiếu đồng ý');
    expect(rows.slice(1)).toEqual([
      ['1', 'Bộ phận một cửa xã Yên Bình', 'Tập thể', '8', '88,89%'],
      ['2', 'Nguyễn Văn An', 'Cá nhân', '7', '77,78%'],
    ]);
  });

  test('the letter asks the awarding authority from the settings, with two-digit counts', () => {
    const text = plainText(docOf(dossier(), 'D2').doc);
    expect(text).toContain('Số: 15/TTr-UBND');
    expect(text).toContain('TỜ TRÌNH\nĐề nghị tặng Giấy khen của Chủ tịch UBND huyện Hữu Lũng\n');
    expect(text).not.toContain('V/v');
    expect(text).toContain('tặng Giấy khen cho 01 tập thể và 01 cá nhân');
    expect(text).toContain('(Kèm theo Tờ trình số 15/TTr-UBND ngày 06 tháng 01 năm 2023 của UBND xã Yên Bình)');
  });

  test('the list and the summary table have one row per nominee', () => {
    const three = [COLLECTIVE, INDIVIDUAL, nomination(INDIVIDUAL, { [NOMINATION_COL.name]: 'Trần Thị Bích' })];
    for (const nominations of [[INDIVIDUAL], three]) {
      const d2 = docOf(dossier({ nominations }), 'D2');
      expect(tableWith(d2, 'Chức vụ, đơn vị công tác')).toHaveLength(nominations.length + 1);
      expect(tableWith(d2, 'Tóm tắt thành tích')).toHaveLength(nominations.length + 1);
    }
    expect(plainText(docOf(dossier({ nominations: [INDIVIDUAL] }), 'D2').doc)).toContain('tặng Giấy khen cho 01 cá nhân đã');
  });

  test('a report of a collective cites its unit’s score and rank; an individual’s its ratings and initiative', () => {
    const u = dossier();
    const collective = plainText(docOf(u, 'D3', 0).doc);
    expect(collective).toContain('Chỉ số cải cách hành chính năm 2022 đạt 70 điểm (điểm thẩm định), xếp thứ 4 trong khối xã, thị trấn');
    expect(collective).toContain('Tỷ lệ hài lòng của người dân, tổ chức: 95%');
    expect(collective).toContain('XÁC NHẬN CỦA CẤP TRÌNH KHEN THƯỞNG');
    const individual = plainText(docOf(u, 'D3', 1).doc);
    expect(individual).not.toContain('Chỉ số cải cách hành chính');
    expect(individual).toContain('Xếp loại năm 2021: Hoàn thành tốt nhiệm vụ; năm 2022: Hoàn thành xuất sắc nhiệm vụ');
    expect(individual).toContain('Quyết định số 12/QĐ-UBND ngày 10/11/2022 của UBND huyện');
    expect(individual).toContain('(Thành tích trong phong trào thi đua “Đẩy mạnh cải cách hành chính Nhà nước và thực hiện kỷ luật, kỷ cương hành chính” năm 2022)');
  });
});

describe('what the workbook does not give', () => {
  test('renders as … and is listed, never invented', () => {
    const u = dossier({ dossiers: [] });
    const d1 = docOf(u, 'D1');
    expect(plainText(d1.doc)).toContain('Hôm nay, vào hồi … giờ … phút, ngày … tháng … năm …, tại …, … của UBND xã Yên Bình');
    expect(d1.missing).toEqual(
      expect.arrayContaining([
        `Hồ sơ đơn vị X04: thiếu ${DOSSIER_COL.meetingDate}`,
        `Hồ sơ đơn vị X04: thiếu ${DOSSIER_COL.meetingPlace}`,
        `Hồ sơ đơn vị X04: thiếu ${DOSSIER_COL.chair}`,
        `Hồ sơ đơn vị X04: thiếu ${DOSSIER_COL.members}`,
      ]),
    );
    const d2 = docOf(u, 'D2');
    expect(plainText(d2.doc)).toContain('Số: …/TTr-UBND');
    expect(plainText(d2.doc)).toContain('Yên Bình, ngày … tháng … năm …');
    expect(d2.missing).toContain(`Hồ sơ đơn vị X04: thiếu ${DOSSIER_COL.letterNumber}`);
    expect(d2.missing).toContain(`Hồ sơ đơn vị X04: thiếu ${DOSSIER_COL.letterDate}`);
  });

  test('a nominee’s missing votes and summary name the row; a complete dossier lists nothing', () => {
    const units = UNITS_V2.map((u) => ({ ...u, [UNIT_COL.head]: 'Hoàng Văn Bình' }));
    const collectiveFacts = { [REPORT_COL.unitCode]: 'X04', [REPORT_COL.name]: 'Bộ phận một cửa xã Yên Bình' };
    expect(dossier({ units, reports: [AN_REPORT, collectiveFacts] }).documents.flatMap((d) => d.missing)).toEqual([]);
    const bare = nomination(INDIVIDUAL, { [NOMINATION_COL.votesInFavour]: '', [NOMINATION_COL.summary]: '' });
    const u = dossier({ units, nominations: [bare] });
    expect(tableWith(docOf(u, 'D1'), 'Số phiếu đồng ý')[1]).toEqual(['1', 'Nguyễn Văn An', 'Cá nhân', '…', '…']);
    expect(docOf(u, 'D1').missing).toEqual([`Đề nghị hàng 2 (Nguyễn Văn An): thiếu ${NOMINATION_COL.votesInFavour}`]);
    expect(docOf(u, 'D3').missing).toEqual([`Đề nghị hàng 2 (Nguyễn Văn An): thiếu ${NOMINATION_COL.summary}`]);
  });

  test('an ineligible nomination gets no report and is not proposed; the run is told why', () => {
    const ineligible = nomination(GOOD_INDIVIDUAL, { [NOMINATION_COL.name]: 'Lê Văn Chưa', [NOMINATION_COL.compliance]: '' });
    const u = dossier({ nominations: [COLLECTIVE, ineligible] });
    expect(u.documents.map((d) => d.kind)).toEqual(['D1', 'D2', 'D3']);
    expect(plainText(docOf(u, 'D2').doc)).not.toContain('Lê Văn Chưa');
    expect(buildDossiers(evaluation({ nominations: [ineligible] }))).toEqual([]);
  });
});

describe('user text', () => {
  test('stays literal: placeholders, markup and formula-like names are printed as typed', () => {
    const odd = '{{ten_don_vi}} <b>An</b> =SUM(A1)';
    const u = dossier({ nominations: [nomination(INDIVIDUAL, { [NOMINATION_COL.name]: odd, [NOMINATION_COL.summary]: '<i>x</i> & {{#de_nghi}}' })] });
    expect(plainText(docOf(u, 'D2').doc)).toContain(odd);
    expect(plainText(docOf(u, 'D2').doc)).toContain('<i>x</i> & {{#de_nghi}}');
    expect(docOf(u, 'D3').placeholders.fields['ten']?.text).toBe(odd);
    expect(docOf(u, 'D3').fileName).toBe('X04 - UBND xã Yên Bình - Báo cáo thành tích - {{ten_don_vi}} b An b =SUM(A1).docx');
  });
});

describe('file names', () => {
  test('are safe on every file system and keep Vietnamese letters in NFC', () => {
    const name = safeFileName('X01 - Phòng A/B: "Tốt"? <ok> | * \\ Nguyễn'.normalize('NFD'));
    expect(name).not.toMatch(/[/\\:*?"<>|]/);
    expect(name).toBe('X01 - Phòng A B Tốt ok Nguyễn.docx');
    expect(name).toBe(name.normalize('NFC'));
    const long = safeFileName(`X01 - ${'Trường Tiểu học '.repeat(30)}`);
    expect(new TextEncoder().encode(long).length).toBeLessThanOrEqual(180);
    expect(long.endsWith('….docx')).toBe(true);
    expect(safeFileName('X01 - tên. ')).toBe('X01 - tên.docx');
  });

  test('two nominees with the same name get different files', () => {
    const twin = nomination(INDIVIDUAL, { [NOMINATION_COL.name]: 'NGUYỄN VĂN AN' });
    const names = dossier({ nominations: [INDIVIDUAL, twin] }).documents.map((d) => d.fileName.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('placeholders of user templates', () => {
  test('every listed placeholder has a value in a report, from the same facts as the default documents', () => {
    const d3 = docOf(dossier(), 'D3', 1);
    for (const p of PLACEHOLDERS) {
      if (p.name === 'de_nghi' || p.name === 'khen_thuong' || p.scope === 'khen_thuong') continue;
      expect(d3.placeholders.fields[p.name]).toBeDefined();
    }
    expect(d3.placeholders.fields['ngay_hop']?.text).toBe('05/01/2023');
    expect(d3.placeholders.fields['so_de_nghi']?.text).toBe('01 tập thể và 01 cá nhân');
    expect(d3.placeholders.fields['ten']?.text).toBe('Nguyễn Văn An');
    expect(d3.placeholders.de_nghi.map((r) => r['ten']?.text)).toEqual(['Bộ phận một cửa xã Yên Bình', 'Nguyễn Văn An']);
    for (const p of PLACEHOLDERS) expect(p.description).toMatch(/[ạ-ỹđĐàáâãèéêìíòóôõùúăơư]/i);
  });

  test('v2: the signer, the symbol and the rest of the minutes, from `Đơn vị` and `Hồ sơ đơn vị`', () => {
    const f = docOf(dossier(), 'D1').placeholders.fields;
    const text = (name: string) => f[name]?.text;
    expect([text('ky_hieu'), text('quyen_han_ky'), text('chuc_danh_nguoi_ky'), text('co_quan_chu_quan')]).toEqual(['UBND', 'TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', '']);
    expect([text('gio_bat_dau'), text('gio_ket_thuc'), text('ten_hoi_dong'), text('hinh_thuc_bieu_quyet')]).toEqual([
      '8 giờ 00 phút',
      '10 giờ 30 phút',
      'Hội đồng Thi đua - Khen thưởng xã',
      'giơ tay',
    ]);
    expect(text('y_kien_thao_luan')).toContain('\nÔng Hoàng Văn Bình');
    expect(text('noi_nhan')).toBe('- UBND huyện (qua Phòng Nội vụ);');
    // A v1 workbook: each is a gap saying which sheet and column to fill.
    const v1 = docOf(dossier({ units: UNITS_V2.map((u) => ({ ...u, [UNIT_COL.symbol]: '', [UNIT_COL.signerTitle]: '', [UNIT_COL.signingAuthority]: '' })), dossiers: [{ ...X04_DOSSIER, [DOSSIER_COL.recipients]: '', [DOSSIER_COL.startTime]: '' }] }), 'D1').placeholders.fields;
    expect(v1['ky_hieu']).toEqual({ text: '…', missing: `Đơn vị X04: thiếu ${UNIT_COL.symbol}` });
    expect(v1['chuc_danh_nguoi_ky']).toEqual({ text: '…', missing: `Đơn vị X04: thiếu ${UNIT_COL.signerTitle}` });
    expect(v1['quyen_han_ky']).toEqual({ text: '', missing: null });
    expect(v1['noi_nhan']).toEqual({ text: '- …;', missing: `Hồ sơ đơn vị X04: thiếu ${DOSSIER_COL.recipients}` });
    expect(v1['gio_bat_dau']!.missing).toBe(`Hồ sơ đơn vị X04: thiếu ${DOSSIER_COL.startTime}`);
  });

  test('v2: an individual’s form-07 facts from `Báo cáo thành tích`, a gap naming the row and column for each one missing', () => {
    const d3 = docOf(dossier(), 'D3', 1).placeholders;
    const f = d3.fields;
    expect([f['ngay_sinh']?.text, f['gioi_tinh']?.text, f['que_quan']?.text, f['trinh_do']?.text]).toEqual(['12/5/1985', 'Nam', 'xã Yên Bình, huyện Hữu Lũng, tỉnh Lạng Sơn', 'Đại học Luật']);
    expect(f['tru_quan']).toEqual({ text: '…', missing: `Báo cáo thành tích hàng 2 («Nguyễn Văn An»): thiếu ${REPORT_COL.residence}; hãy điền hoặc để người được đề nghị tự ghi.` });
    // A collective's facts do not concern an individual.
    expect(f['dia_chi_tru_so']).toEqual({ text: '', missing: null });
    expect(f['khen_thuong_ds']?.text).toBe('2021: Giấy khen, Quyết định số 85/QĐ-UBND ngày 20/12/2021, Chủ tịch UBND huyện Hữu Lũng');
    expect(d3.khen_thuong.map((a) => Object.fromEntries(Object.entries(a).map(([k, v]) => [k, v.text])))).toEqual([
      { kt_nam: '2021', kt_hinh_thuc: 'Giấy khen', kt_quyet_dinh: 'Quyết định số 85/QĐ-UBND ngày 20/12/2021', kt_co_quan: 'Chủ tịch UBND huyện Hữu Lũng' },
    ]);
    // The same facts in the nominee's row of the list, and no awards loop outside a report.
    expect(docOf(dossier(), 'D2').placeholders.de_nghi[1]!['que_quan']?.text).toBe('xã Yên Bình, huyện Hữu Lũng, tỉnh Lạng Sơn');
    expect(docOf(dossier(), 'D2').placeholders.khen_thuong).toEqual([]);
  });

  test('v2: without a row in `Báo cáo thành tích`, each fact of the nominee’s kind is a gap saying so', () => {
    const f = docOf(dossier(), 'D3', 0).placeholders.fields;
    const noRow = 'Báo cáo thành tích: chưa có hàng cho «Bộ phận một cửa xã Yên Bình» (đơn vị X04); báo cáo để dòng chấm cho người được đề nghị tự ghi.';
    expect(f['dia_chi_tru_so']).toEqual({ text: '…', missing: noRow });
    expect(f['khen_thuong_ds']).toEqual({ text: '…', missing: noRow });
    expect(f['que_quan']).toEqual({ text: '', missing: null });
  });

  test('a gap carries the same message as in the default document', () => {
    const d1 = docOf(dossier({ dossiers: [{ ...X04_DOSSIER, [DOSSIER_COL.meetingDate]: '' }] }), 'D1');
    expect(d1.placeholders.fields['ngay_hop']).toEqual({ text: '…', missing: `Hồ sơ đơn vị X04: thiếu ${DOSSIER_COL.meetingDate}` });
    expect(d1.missing).toContain(`Hồ sơ đơn vị X04: thiếu ${DOSSIER_COL.meetingDate}`);
  });
});
