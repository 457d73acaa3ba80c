/** «In giấy khen» and «In thử căn lề» on the fakes: one Google Doc, a page each, the emblem from Drive under drive.file. */
import { unzipSync } from 'fflate';
import { EXTRA_SETTING, NOMINATION_COL } from '../../src/core';
import { driveFileId, printCertificateTest, printCertificates } from '../../src/addon/certificates';
import { FakeBlob } from '../fakes/documentApp';
import type { FakeGoogle } from '../fakes';
import { fakeGoogle, loadWorkbook } from '../fakes';
import { solidPng } from '../helpers/png';
import { DEFAULT_SETTINGS, GOOD_COLLECTIVE, GOOD_INDIVIDUAL, nomination, workbook } from '../helpers/workbook';

let google: FakeGoogle;
const OWNER = 'chu.tich@huulung.gov.vn';

function setup(extra: Record<string, string | number> = {}, before: () => Record<string, string> = () => ({})): void {
  google = fakeGoogle();
  google.install();
  extra = { ...extra, ...before() };
  loadWorkbook(
    google,
    workbook({
      settings: { ...DEFAULT_SETTINGS, [EXTRA_SETTING.awardDecisionNumber]: '125/QĐ-UBND', [EXTRA_SETTING.awardDecisionDate]: '20/01/2023', ...extra },
      nominations: [GOOD_COLLECTIVE, nomination(GOOD_INDIVIDUAL, { [NOMINATION_COL.unitCode]: 'X02', [NOMINATION_COL.name]: 'Lường Thị Ngọc Ánh' })],
    }),
  );
}

/** A picture in Drive, made by `owner` through the add-on (so readable under drive.file by that user only). */
function picture(owner = OWNER): string {
  const before = google.ctx.effectiveUser;
  google.ctx.effectiveUser = owner;
  const id = google.globals.Drive.Files.create({ name: 'quoc-huy.png', mimeType: 'image/png' }, new FakeBlob('quoc-huy.png', 'image/png', solidPng(20, 20)) as never).id!;
  google.ctx.effectiveUser = before;
  return id;
}

const documents = () => [...google.drive.items.values()].filter((i) => i.docx);
const pageCount = (xml: string) => xml.split('<w:pageBreakBefore/>').length;

test('«In giấy khen»: one Google Doc imported from the core’s .docx, a page per award, linked in the dialog', () => {
  setup();
  google.log.reset();
  printCertificates();
  const [doc] = documents();
  expect(documents()).toHaveLength(1);
  expect(pageCount(doc!.docx!['word/document.xml']!)).toBe(2);
  const text = google.drive.docs.get(doc!.id)!.body.getText();
  expect(text).toContain('Bộ phận một cửa xã Yên Bình');
  expect(text).toContain('Lường Thị Ngọc Ánh');
  expect(text).toContain('GIẤY KHEN');
  expect(google.log.count('Drive.Files.create')).toBe(2); // the year's folder, the document
  expect(google.log.count('Utilities.zip')).toBe(1);
  expect(google.ui.dialogs.at(-1)!.html).toContain(`https://docs.google.com/document/d/${doc!.id}/edit`);
  expect(google.ui.dialogs.at(-1)!.html).toContain('Đã tạo 2 giấy khen (đầy đủ)');

  // Again: the same document, imported in place (its link stays).
  printCertificates();
  expect(documents()).toHaveLength(1);
  expect(doc!.imports).toBe(2);
});

test('the emblem named by its Drive link is in the document, byte for byte', () => {
  setup({}, () => ({ [EXTRA_SETTING.emblemImage]: `https://drive.google.com/file/d/${picture()}/view` }));
  printCertificates();
  const [doc] = documents();
  expect(Buffer.from(unzipSync(doc!.upload!)['word/media/quoc-huy.png']!)).toEqual(solidPng(20, 20));
  expect(google.ui.dialogs.at(-1)!.html).not.toContain('Cần xem lại');
});

test('an emblem the add-on may not read (drive.file) leaves an empty frame and a message saying why and what to do', () => {
  setup({}, () => ({ [EXTRA_SETTING.emblemImage]: picture('nguoi.khac@huulung.gov.vn') }));
  printCertificates();
  const [doc] = documents();
  expect(Object.keys(unzipSync(doc!.upload!)).some((p) => p.includes('media'))).toBe(false);
  const html = google.ui.dialogs.at(-1)!.html;
  expect(html).toContain('Thi đua không mở được ảnh Quốc huy');
  expect(html).toContain('quyền drive.file');
  expect(html).toContain('khung trống');
});

test('print on blanks: the offsets of Cấu hình move the page margins; «In thử căn lề» is one page naming them', () => {
  setup({ [EXTRA_SETTING.certificateMode]: 'In trên phôi', [EXTRA_SETTING.certificateOffsetX]: 4, [EXTRA_SETTING.certificateOffsetY]: -2 });
  printCertificates();
  const xml = documents()[0]!.docx!['word/document.xml']!;
  expect(xml).toContain('<w:pgMar w:top="3175" w:right="0" w:bottom="0" w:left="1928"');
  expect(xml).not.toContain('GIẤY KHEN');
  printCertificateTest();
  const test = documents().find((d) => d.name === 'Giấy khen - in thử căn lề')!;
  expect(pageCount(test.docx!['word/document.xml']!)).toBe(1);
  expect(google.drive.docs.get(test.id)!.body.getText()).toContain('độ lệch đang dùng ngang 4 mm, dọc -2 mm');
});

test('an empty award list is said, and nothing is made', () => {
  google = fakeGoogle();
  google.install();
  loadWorkbook(google, workbook({ nominations: [] }));
  printCertificates();
  expect(documents()).toHaveLength(0);
  expect(google.ui.alerts.at(-1)!.prompt).toContain('Danh sách khen thưởng đang trống');
});

test('a Drive file ID is found alone or in the links Drive gives', () => {
  const id = '1AbCdEfGhIjKlMnOpQrStUvWxYz012345';
  expect(driveFileId(id)).toBe(id);
  expect(driveFileId(`https://drive.google.com/file/d/${id}/view?usp=sharing`)).toBe(id);
  expect(driveFileId(`https://drive.google.com/open?id=${id}`)).toBe(id);
  expect(driveFileId('quoc-huy.png')).toBeNull();
});

