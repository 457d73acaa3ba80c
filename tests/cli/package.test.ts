/**
 * The output copy is the user's file plus the result sheets: every other part of the package
 * survives byte for byte (charts, images, notes, names, conditional formats); and a workbook of
 * a million formatted blank rows is read up to its last value, a too-large one refused.
 */
import ExcelJS from 'exceljs';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { main } from '../../src/cli/main';
import { readWorkbookFile, UnreadableFile } from '../../src/cli/xlsx';
import { readablePackage, WorkbookTooLarge } from '../../src/cli/xlsxLimits';
import { run, tempDir, writeXlsx } from '../helpers/files';
import { workbook } from '../helpers/workbook';

const input = workbook();
/** The parts the copy may change: the sheet list, its relationships, the content types, the styles. */
const EDITED = ['[Content_Types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml'];

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const CHART =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart><c:plotArea><c:barChart><c:barDir val="col"/>' +
  '<c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>\'Đơn vị\'!$A$2:$A$5</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart></c:plotArea></c:chart></c:chartSpace>';

/** The sample-like input with an image, a note, a named range and a conditional format (exceljs), and a chart (by hand). */
async function decoratedWorkbook(path: string): Promise<void> {
  const plain = await writeXlsx(input, join(tempDir(), 'plain.xlsx'));
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(plain);
  const units = book.getWorksheet('Đơn vị')!;
  units.addImage(book.addImage({ buffer: PNG as unknown as ExcelJS.Buffer, extension: 'png' }), 'F2:G4');
  units.getCell('A2').note = 'Ghi chú của người dùng';
  book.definedNames.add("'Đơn vị'!$A$2:$A$8", 'DanhSachDonVi');
  units.addConditionalFormatting({
    ref: 'A2:A8',
    rules: [{ type: 'containsText', operator: 'containsText', text: 'X0', priority: 1, style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFFFF00' } } } }],
  });
  const parts = unzipSync(new Uint8Array(await book.xlsx.writeBuffer()));
  const drawingRels = Object.keys(parts).find((name) => /^xl\/drawings\/_rels\/drawing\d+\.xml\.rels$/.test(name))!;
  parts['xl/charts/chart1.xml'] = strToU8(CHART);
  parts[drawingRels] = strToU8(
    strFromU8(parts[drawingRels]!).replace(
      '</Relationships>',
      '<Relationship Id="rIdChart1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="../charts/chart1.xml"/></Relationships>',
    ),
  );
  parts['[Content_Types].xml'] = strToU8(
    strFromU8(parts['[Content_Types].xml']!).replace(
      '</Types>',
      '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/></Types>',
    ),
  );
  writeFileSync(path, zipSync(parts));
}

describe('the output copy', () => {
  it('keeps every part of the user’s package byte for byte: chart, image, note, named range, conditional format', async () => {
    const dir = tempDir();
    const file = join(dir, 'vao.xlsx');
    await decoratedWorkbook(file);
    const out = join(dir, 'ra');
    expect((await run(main, ['run', file, '--out', out])).code).toBe(0);
    const before = unzipSync(readFileSync(file));
    const after = unzipSync(readFileSync(join(out, 'vao.xlsx')));
    for (const name of ['xl/charts/chart1.xml', 'xl/media/image1.png']) expect(before[name]).toBeDefined();
    expect(Object.keys(before).some((n) => /comments\d*\.xml$/.test(n))).toBe(true);
    for (const [name, bytes] of Object.entries(before)) {
      if (EDITED.includes(name)) continue;
      expect([name, Buffer.from(after[name] ?? []).equals(Buffer.from(bytes))]).toEqual([name, true]);
    }
    const workbookXml = strFromU8(after['xl/workbook.xml']!);
    expect(workbookXml).toContain('DanhSachDonVi');
    expect(strFromU8(after['[Content_Types].xml']!)).toContain('/xl/charts/chart1.xml');
    const sheetOfUnits = Object.values(after).map((bytes) => strFromU8(bytes)).find((xml) => xml.includes('containsText'));
    expect(sheetOfUnits).toBeDefined();
    const { input: read } = await readWorkbookFile(join(out, 'vao.xlsx'));
    expect(read.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(['Xếp hạng', 'Kết quả xét', 'Danh sách khen thưởng', 'Đơn vị']));
  });

  it('run on its own copy, replaces the result sheets in place rather than adding more', async () => {
    const dir = tempDir();
    const file = await writeXlsx(input, join(dir, 'vao.xlsx'));
    const first = join(dir, 'lan1');
    const second = join(dir, 'lan2');
    await run(main, ['run', file, '--out', first]);
    await run(main, ['run', join(first, 'vao.xlsx'), '--out', second]);
    const names = async (path: string) => (await readWorkbookFile(path)).input.sheets.map((s) => s.name);
    expect(await names(join(second, 'vao.xlsx'))).toEqual(await names(join(first, 'vao.xlsx')));
  });
});

/** A workbook whose `Đơn vị` sheet has `blankRows` formatted empty rows after its data. */
async function withBlankRows(path: string, blankRows: number): Promise<void> {
  const plain = await writeXlsx(input, join(tempDir(), 'plain.xlsx'));
  const parts = unzipSync(readFileSync(plain));
  const book = strFromU8(parts['xl/workbook.xml']!);
  const rid = /<sheet [^>]*name="Đơn vị"[^>]*r:id="(\w+)"/.exec(book)![1];
  const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${rid}"`).exec(strFromU8(parts['xl/_rels/workbook.xml.rels']!))!;
  const part = `xl/${(target[1] ?? target[2])!.replace(/^\/?xl\//, '')}`;
  const xml = strFromU8(parts[part]!);
  const last = Number([...xml.matchAll(/<row r="(\d+)"/g)].pop()![1]);
  const blank = Array.from({ length: blankRows }, (_, i) => `<row r="${last + 1 + i}" s="1" customFormat="1"><c r="A${last + 1 + i}" s="1"/><c r="B${last + 1 + i}" s="1"/></row>`).join('');
  parts[part] = strToU8(xml.replace('</sheetData>', `${blank}</sheetData>`));
  writeFileSync(path, zipSync(parts, { level: 6 }));
}

describe('a workbook of many formatted blank rows', () => {
  it('is read up to its last row holding a value', async () => {
    const dir = tempDir();
    const path = join(dir, 'trang.xlsx');
    await withBlankRows(path, 50_000);
    const units = (await readWorkbookFile(path)).input.sheets.find((s) => s.name === 'Đơn vị')!;
    const plain = (await readWorkbookFile(await writeXlsx(input))).input.sheets.find((s) => s.name === 'Đơn vị')!;
    expect(units.values).toEqual(plain.values);
    expect(units.values).toHaveLength(input.sheets.find((s) => s.name === 'Đơn vị')!.values.length);
  });

  it('too large to read within memory: refused with a Vietnamese message before exceljs builds it', async () => {
    const dir = tempDir();
    const path = join(dir, 'lon.xlsx');
    await withBlankRows(path, 10);
    expect(() => readablePackage(readFileSync(path), { partBytes: 1e9, keptBytes: 1e9, valueCells: 20 })).toThrow(WorkbookTooLarge);
    expect(() => readablePackage(readFileSync(path), { partBytes: 1000, keptBytes: 1e9, valueCells: 1e9 })).toThrow(WorkbookTooLarge);
    expect(() => readablePackage(readFileSync(path), { partBytes: 1e9, keptBytes: 1000, valueCells: 1e9 })).toThrow(WorkbookTooLarge);
    const error = await readWorkbookFile(path, { partBytes: 1e9, keptBytes: 1e9, valueCells: 20 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnreadableFile);
    expect((error as Error).message).toMatch(/quá lớn để đọc.*hãy xóa các trang, hàng, cột không dùng/);
  });
});
