/** Certificates (Giấy khen): one page per award, the design's elements, print-on-blank positions and offsets. */
import { NOMINATION_COL } from '../../../src/core';
import { DEFAULT_CERTIFICATE_SETTINGS } from '../../../src/core/certificateSettings';
import type { CertificateSettings } from '../../../src/core/certificateSettings';
import { layoutDocx } from '../../../src/core/documents';
import { EmblemError, alignmentTestPage, buildCertificates, readEmblem, vietnameseUpper } from '../../../src/core/documents/certificates';
import { solidPng } from '../../helpers/png';
import { COLLECTIVE, INDIVIDUAL, evaluation } from './fixture';
import { nomination } from '../../helpers/workbook';

const SETTINGS: CertificateSettings = { ...DEFAULT_CERTIFICATE_SETTINGS, decisionNumber: '125/QĐ-UBND', decisionDate: { year: 2023, month: 1, day: 20 } };
/** Three awards: the collective, then two individuals, one named with marks and capitals as typed. */
const THREE = () =>
  evaluation({
    nominations: [
      COLLECTIVE,
      nomination(INDIVIDUAL, { [NOMINATION_COL.unitCode]: 'X02' }),
      nomination(INDIVIDUAL, { [NOMINATION_COL.unitCode]: 'X03', [NOMINATION_COL.name]: 'đặng thị Ưng' }),
    ],
  });
const partsOf = (set: { doc: Parameters<typeof layoutDocx>[0]; title: string }) => layoutDocx(set.doc, set.title);
const documentXml = (set: { doc: Parameters<typeof layoutDocx>[0]; title: string }) => partsOf(set).find((p) => p.path === 'word/document.xml')!.content;
/** The text of each page: pages start at a paragraph that breaks before it. */
const pages = (xml: string) =>
  xml
    .split('<w:pageBreakBefore/>')
    .map((page) => `|${[...page.matchAll(/<w:t xml:space="preserve">([^<]*)<\/w:t>/g)].map((m) => m[1]).join('|')}|`);

test('one page per award, in the award list order, names exactly as typed', () => {
  const set = buildCertificates(THREE(), SETTINGS);
  // Collectives first, then individuals by their unit's rank (X02 before X03).
  expect(set.certificates.map((c) => c.recipient)).toEqual(['Bộ phận một cửa xã Yên Bình', 'Nguyễn Văn An', 'đặng thị Ưng']);
  const texts = pages(documentXml(set));
  expect(texts).toHaveLength(3);
  texts.forEach((text, i) => expect(text).toContain(`|${set.certificates[i]!.recipient}|`));
  expect(texts[2]).toContain('|Công chức Văn phòng - Thống kê|');
});

test('the full design: landscape A4, national title, red capitals for the awarding title and GIẤY KHEN, decision, sổ vàng, signer', () => {
  const xml = documentXml(buildCertificates(THREE(), SETTINGS));
  expect(xml).toContain('<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>');
  const red = [...xml.matchAll(/<w:r><w:rPr><w:b\/><w:bCs\/><w:color w:val="C00000"\/>[^]*?<w:t xml:space="preserve">([^<]*)</g)].map((m) => m[1]);
  expect(red).toEqual(Array(3).fill(['CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN HỮU LŨNG', 'GIẤY KHEN']).flat());
  const first = pages(xml)[0]!;
  for (const text of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'TẶNG', 'Quyết định số 125/QĐ-UBND, ngày 20/01/2023', 'Số sổ vàng: 1', 'Hữu Lũng, ngày 20 tháng 01 năm 2023', 'CHỦ TỊCH', 'Bùi Quốc Khánh']) {
    expect(first).toContain(`|${text}|`);
  }
  expect(first).toMatch(/Đã có thành tích xuất sắc trong phong trào thi đua “Đẩy mạnh cải cách hành chính Nhà nước và thực hiện kỷ luật, kỷ cương hành chính” năm 2022/);
});

test('số sổ vàng: consecutive from the start setting across collectives and individuals, else the list number', () => {
  expect(buildCertificates(THREE(), { ...SETTINGS, goldenBookStart: 340 }).certificates.map((c) => c.goldenBook)).toEqual(['340', '341', '342']);
  expect(buildCertificates(THREE(), SETTINGS).certificates.map((c) => c.goldenBook)).toEqual(['1', '2', '3']);
});

test('the emblem is a picture part related from the document; without it, an empty bordered frame', () => {
  const png = solidPng(60, 64);
  const parts = partsOf(buildCertificates(THREE(), SETTINGS, readEmblem(png, 'quoc-huy.png')));
  const media = parts.find((p) => p.path === 'word/media/quoc-huy.png')!;
  expect(Buffer.from(media.bytes!)).toEqual(png);
  expect(parts.find((p) => p.path === '[Content_Types].xml')!.content).toContain('<Override PartName="/word/media/quoc-huy.png" ContentType="image/png"/>');
  const rels = parts.find((p) => p.path === 'word/_rels/document.xml.rels')!.content;
  const id = /Id="([^"]+)" Type="[^"]+\/image" Target="media\/quoc-huy.png"/.exec(rels)![1];
  const xml = parts.find((p) => p.path === 'word/document.xml')!.content;
  expect(xml.match(new RegExp(`<a:blip r:embed="${id}"/>`, 'g'))).toHaveLength(3);
  // 32 mm high, as wide as the picture's shape makes it (60 × 64 px → 30 mm).
  expect(xml).toContain('<wp:extent cx="1080000" cy="1152000"/>');
  expect(new Set([...xml.matchAll(/<wp:docPr id="(\d+)"/g)].map((m) => m[1])).size).toBe(3);

  const plain = partsOf(buildCertificates(THREE(), SETTINGS));
  expect(plain.some((p) => p.path.includes('media'))).toBe(false);
  expect(plain.find((p) => p.path === 'word/document.xml')!.content).toMatch(/<w:pBdr><w:top w:val="single"[^]*<w:left [^]*<w:bottom [^]*<w:right [^]*<\/w:pBdr><w:spacing w:before="0" w:after="0" w:line="1814" w:lineRule="exact"\/>/);
});

test('a JPEG is read for its size; a file that is no picture is refused, naming the setting', () => {
  const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0, 0xff, 0xc0, 0, 11, 8, 0, 50, 0, 40, 3, 0, 0, 0]);
  expect(readEmblem(jpeg, 'a.jpg')).toMatchObject({ widthPx: 40, heightPx: 50, media: { path: 'media/quoc-huy.jpg', contentType: 'image/jpeg' } });
  expect(() => readEmblem(Buffer.from('GIF89a…'), 'quoc-huy.gif')).toThrow(EmblemError);
  expect(() => readEmblem(Buffer.from('GIF89a…'), 'quoc-huy.gif')).toThrow(/«quoc-huy\.gif».*«Ảnh Quốc huy» ở trang «Cấu hình».*PNG hoặc JPEG/);
});

test('missing decision facts show as … and are listed with where to fill them in', () => {
  const set = buildCertificates(THREE(), DEFAULT_CERTIFICATE_SETTINGS);
  expect(pages(documentXml(set))[0]).toContain('|Quyết định số …, ngày …|');
  expect(set.missing).toEqual([
    'Chưa có số quyết định khen thưởng: hãy nhập mục «Số quyết định khen thưởng» ở trang «Cấu hình».',
    'Chưa có ngày quyết định khen thưởng (cũng là ngày ký giấy khen): hãy nhập mục «Ngày quyết định khen thưởng» ở trang «Cấu hình».',
  ]);
});

test('print on blanks: only the variable text, at tab stops and exact heights; the offsets move the margins', () => {
  const blank = (offsetXMm: number, offsetYMm: number) => documentXml(buildCertificates(THREE(), { ...SETTINGS, mode: 'onBlank', offsetXMm, offsetYMm }));
  const xml = blank(0, 0);
  const first = pages(xml)[0]!;
  expect(first).not.toContain('GIẤY KHEN');
  expect(first).not.toContain('CỘNG HÒA');
  expect(first).toContain('|Bộ phận một cửa xã Yên Bình|');
  expect(pages(xml)).toHaveLength(3);
  // The recipient is centred on the page's middle (148.5 mm, 118.5 mm right of the 30 mm margin).
  expect(xml).toMatch(/<w:tabs><w:tab w:val="center" w:pos="6718"\/><\/w:tabs><w:spacing w:before="\d+" w:after="0" w:line="\d+" w:lineRule="exact"\/><w:rPr><w:sz w:val="40"\/><w:szCs w:val="40"\/><\/w:rPr><\/w:pPr><w:r><w:rPr><w:b\/><w:bCs\/><w:sz w:val="40"\/><w:szCs w:val="40"\/><\/w:rPr><w:tab\/><w:t xml:space="preserve">Bộ phận một cửa/);
  const margins = (x: string) => /<w:pgMar w:top="(\d+)" w:right="0" w:bottom="0" w:left="(\d+)"/.exec(x)!.slice(1).map(Number);
  const [top, left] = margins(xml);
  const [top2, left2] = margins(blank(5, -3));
  expect([left2! - left!, top2! - top!]).toEqual([283, -170]);
  // Everything else is identical: only the margins move.
  expect(blank(5, -3).replace(/<w:pgMar[^>]*>/, '')).toBe(xml.replace(/<w:pgMar[^>]*>/, ''));
});

test('the alignment test page: one page of crosses at the known places, naming the offsets in use', () => {
  const test = alignmentTestPage({ ...SETTINGS, mode: 'onBlank', offsetXMm: 2, offsetYMm: -1.5 });
  const text = pages(documentXml(test));
  expect(text).toHaveLength(1);
  expect(text[0]).toContain('IN THỬ CĂN LỀ: độ lệch đang dùng ngang 2 mm, dọc -1.5 mm');
  expect(text[0]!.split('|').filter((t) => t === '+')).toHaveLength(8);
  expect(text[0]).toContain('Tên tập thể, cá nhân (148.5; 96 mm)');
});

test('Vietnamese capitals whatever the locale: ư, đ and the tone marks kept', () => {
  expect(vietnameseUpper('chủ tịch ủy ban nhân dân huyện hữu lũng, đường')).toBe('CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN HỮU LŨNG, ĐƯỜNG');
});
