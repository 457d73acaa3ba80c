/** The one renderer: a document model as the parts of a .docx, plain strings from the core. */
import { buildDossiers, layoutDocx } from '../../../src/core/documents';
import type { DocModel } from '../../../src/core/documents';
import { document, listTable, para, signatureBlock, signature } from '../../../src/core/documents/layout';
import { evaluation } from './fixture';

const partsOf = (doc: DocModel, title = '') => new Map(layoutDocx(doc, title).map((p) => [p.path, p.content]));
const d3 = () => buildDossiers(evaluation())[0]!.documents.filter((d) => d.kind === 'D3')[1]!;

test('a package a reader opens: content types first, every part it names, well-formed XML', () => {
  const parts = layoutDocx(d3().doc, 'Báo cáo <thành tích>');
  expect(parts[0]!.path).toBe('[Content_Types].xml');
  const types = parts[0]!.content;
  for (const p of parts.filter((x) => x.path.startsWith('word/') && !x.path.includes('_rels'))) expect(types).toContain(`PartName="/${p.path}"`);
  const rels = parts.find((p) => p.path === 'word/_rels/document.xml.rels')!.content;
  for (const target of rels.matchAll(/Target="([^"]+)"/g)) expect(parts.some((p) => p.path === `word/${target[1]}`)).toBe(true);
  for (const p of parts) expect(p.content.startsWith('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>')).toBe(true);
  expect(parts.find((p) => p.path === 'docProps/core.xml')!.content).toContain('<dc:title>Báo cáo &lt;thành tích&gt;</dc:title>');
});

test('page numbers from page 2 only: a PAGE field in the default header, an empty first-page header', () => {
  const parts = partsOf(d3().doc);
  expect(parts.get('word/header1.xml')).toContain('<w:instrText xml:space="preserve"> PAGE </w:instrText>');
  expect(parts.get('word/header2.xml')).not.toContain('PAGE');
  expect(parts.get('word/document.xml')).toMatch(/<w:headerReference w:type="first" r:id="rIdHeaderFirst"\/>.*<w:titlePg\/>/);
  const none = partsOf({ ...d3().doc, pageNumbersFromPage2: false });
  expect([...none.keys()].some((k) => k.includes('header'))).toBe(false);
});

test('a dotted line for the nominee is a right tab with a dot leader to the margin', () => {
  const xml = partsOf(d3().doc).get('word/document.xml')!;
  const trú = xml.slice(xml.lastIndexOf('<w:p>', xml.indexOf('5. Trú quán: ')), xml.indexOf('</w:p>', xml.indexOf('5. Trú quán: ')));
  expect(trú).toContain('<w:tab w:val="right" w:leader="dot" w:pos="9354"/>');
  expect(trú).toContain('<w:r><w:tab/></w:r>');
});

test('a table right before the signatures goes with them into one row that cannot split', () => {
  const doc = document([
    para('III. CÁC HÌNH THỨC', { keepWithNext: true }),
    { ...listTable([{ title: 'Năm', widthMm: 165 }], [['2021']]), keepTogether: true },
    signatureBlock(signature(['A'], 'Tên A'), signature(['B'], 'Tên B')),
  ]);
  const xml = partsOf(doc).get('word/document.xml')!;
  const outer = /<w:body><w:tbl><w:tblPr>.*?<w:tr><w:trPr><w:cantSplit\/><\/w:trPr><w:tc>(.*)<\/w:tc><\/w:tr><\/w:tbl><w:sectPr>/s.exec(xml);
  expect(outer).not.toBeNull();
  expect(outer![1]).toMatch(/III\. CÁC HÌNH THỨC.*<w:tbl>.*2021.*<w:tbl>.*Tên A.*Tên B/s);
});

test('text is escaped; characters XML forbids are dropped; line breaks stay line breaks', () => {
  const xml = partsOf(document([para('a & b <c> "d"\u0001\nnext')])).get('word/document.xml')!;
  expect(xml).toContain('a &amp; b &lt;c&gt; &quot;d&quot;</w:t><w:br/><w:t xml:space="preserve">next');
  expect(xml).not.toContain('\u0001');
});
