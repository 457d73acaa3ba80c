import ExcelJS from 'exceljs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import PizZip from 'pizzip';
import { LISTS_SHEET, readWorkbookFile, saveBook, sheetsToBook, UnreadableFile } from '../../src/cli/xlsx';
import { addOutputSheets } from '../../src/cli/xlsxPackage';
import type { OutputSheet } from '../../src/core';
import { uncomputedFormula } from '../../src/core/cells';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'thidua-xlsx-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

/** The output copy of a workbook read from a file, written as the command writes it. */
async function writeWorkbookFile(bytes: Uint8Array, outputs: OutputSheet[], path: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, addOutputSheets(bytes, outputs));
}

/** A workbook made with exceljs directly, holding each kind of cell a user's file may have. */
async function writeEveryCellForm(path: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Đề nghị');
  sheet.getRow(1).values = ['Tên', 'Ngày', 'Tỷ lệ', 'Có', 'Điểm', 'Ghi chú'];
  sheet.getCell('A2').value = { richText: [{ text: 'Nguyễn ', font: { bold: true } }, { text: 'Văn An' }] };
  sheet.getCell('B2').value = utc(2023, 1, 2);
  sheet.getCell('B2').numFmt = 'dd/mm/yyyy';
  sheet.getCell('C2').value = 0.95;
  sheet.getCell('C2').numFmt = '0%';
  sheet.getCell('D2').value = true;
  sheet.getCell('E2').value = { formula: '40+51.25', result: 91.25 };
  sheet.getCell('F2').value = { text: 'Minh chứng', hyperlink: 'https://example.gov.vn/a' };
  sheet.getCell('A3').value = { text: { richText: [{ text: 'Liên kết ' }, { text: 'đậm', font: { bold: true } }] }, hyperlink: 'https://x' } as unknown as ExcelJS.CellHyperlinkValue;
  sheet.getCell('B3').value = { formula: 'DATE(2023,1,6)', result: utc(2023, 1, 6) };
  sheet.getCell('B3').numFmt = 'dd/mm/yyyy';
  sheet.getCell('C3').value = { error: '#N/A' };
  sheet.getCell('D3').value = false;
  sheet.getCell('E3').value = { formula: 'NOW()' }; // never calculated: no result
  sheet.getCell('F3').value = { formula: 'NA()', result: { error: '#N/A' } };
  sheet.getCell('E4').value = { formula: 'E2+1', result: 92.25, shareType: 'shared', ref: 'E4:E5' } as ExcelJS.CellFormulaValue;
  sheet.getCell('E5').value = { sharedFormula: 'E4', result: 93.25 };
  sheet.mergeCells('A5:B5');
  sheet.getCell('A5').value = 'Gộp ô';
  sheet.getCell('A6').value = '';
  sheet.getCell('E6').value = { formula: '1-1', result: 0 }; // results exceljs's cell.value drops
  sheet.getCell('F6').value = { formula: 'FALSE()', result: false };
  sheet.getCell('H9').numFmt = '0%'; // formatted but empty: not part of the data
  await book.xlsx.writeFile(path);
}

describe('readWorkbookFile', () => {
  it('reads every cell form as a person sees it, dates at midnight UTC', async () => {
    const path = join(dir, 'forms.xlsx');
    await writeEveryCellForm(path);
    const { input } = await readWorkbookFile(path);
    expect(input.timeZone).toBe('UTC');
    expect(input.sheets.map((s) => s.name)).toEqual(['Đề nghị']);
    const [sheet] = input.sheets;
    expect(sheet!.values).toEqual([
      ['Tên', 'Ngày', 'Tỷ lệ', 'Có', 'Điểm', 'Ghi chú'],
      ['Nguyễn Văn An', utc(2023, 1, 2), 0.95, true, 91.25, 'Minh chứng'],
      // workbook.md v2: a formula without a result is handed on as such, never as empty.
      ['Liên kết đậm', utc(2023, 1, 6), '#N/A', false, uncomputedFormula('NOW()'), '#N/A'],
      [null, null, null, null, 92.25, null],
      ['Gộp ô', null, null, null, 93.25, null],
      [null, null, null, null, 0, false],
    ]);
    expect(sheet!.numberFormats?.[1]).toEqual(['', 'dd/mm/yyyy', '0%', '', '', '']);
    expect(sheet!.numberFormats).toHaveLength(sheet!.values.length);
  });

  it('gives an empty sheet as no rows', async () => {
    const path = join(dir, 'empty.xlsx');
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Trống');
    await book.xlsx.writeFile(path);
    const { input } = await readWorkbookFile(path);
    expect(input.sheets).toEqual([{ name: 'Trống', values: [], numberFormats: [] }]);
  });

  describe('a file that cannot be read throws UnreadableFile with a one-line Vietnamese message naming it', () => {
    async function expectUnreadable(path: string, words: RegExp): Promise<void> {
      const error = await readWorkbookFile(path).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(UnreadableFile);
      const message = (error as Error).message;
      expect(message).toContain(`«${path}»`);
      expect(message).toMatch(words);
      expect(message).not.toContain('\n');
    }

    it('a missing file', async () => {
      await expectUnreadable(join(dir, 'không-có.xlsx'), /Không tìm thấy tệp/);
    });
    it('a directory', async () => {
      await expectUnreadable(dir, /là một thư mục/);
    });
    it('a text file named .xlsx', async () => {
      const path = join(dir, 'ghi-chú.xlsx');
      await writeFile(path, 'Mã đơn vị;Tên đơn vị\nX01;UBND xã Cai Kinh\n');
      await expectUnreadable(path, /không phải bảng tính Excel \(\.xlsx\) hoặc đã bị hỏng/);
    });
    it('a truncated .xlsx', async () => {
      const whole = join(dir, 'whole.xlsx');
      await writeEveryCellForm(whole);
      const bytes = await readFile(whole);
      const path = join(dir, 'cut.xlsx');
      await writeFile(path, bytes.subarray(0, Math.floor(bytes.length / 2)));
      await expectUnreadable(path, /đã bị hỏng/);
    });
    it('a zip that is not a spreadsheet', async () => {
      const zip = new PizZip();
      zip.file('word/document.xml', '<w:document/>');
      const path = join(dir, 'van-ban.xlsx');
      await writeFile(path, zip.generate({ type: 'nodebuffer' }));
      await expectUnreadable(path, /không phải bảng tính Excel/);
    });
  });
});

describe('writeWorkbookFile', () => {
  const outputs: OutputSheet[] = [
    {
      name: 'Xếp hạng',
      header: ['Hạng', 'Đơn vị', 'Điểm'],
      rows: [
        ['Khối xã, thị trấn', null, null],
        [1, 'UBND xã Cai Kinh', 91.25],
        [2, '=HYPERLINK("http://x","Nguyễn Văn A")', 90],
        [2, '+1', 90],
        [4, '-x', 80],
        [null, '@y', null],
        [null, '<b>Trần Thị B</b>', null],
      ],
      marks: ['section', 'prize', 'tie', 'tie', null, 'unranked', 'ineligible'],
    },
    { name: 'Kết quả xét', header: ['Hàng', 'Kết quả'], rows: [[2, 'Đủ điều kiện (A2)']], marks: ['warning'] },
  ];

  /** An input workbook as a user keeps it, with an old result sheet spelled differently. */
  async function userBook(path: string): Promise<void> {
    const book = new ExcelJS.Workbook();
    const units = book.addWorksheet('Đơn vị');
    units.addRow(['Mã đơn vị', 'Tên đơn vị', 'Tổng']);
    units.addRow(['X01', { richText: [{ text: 'UBND xã ' }, { text: 'Cai Kinh', font: { italic: true } }] }, { formula: '1+1', result: 2 }]);
    units.addRow(['X02', '=không phải công thức', utc(2022, 12, 31)]);
    units.getCell('C3').numFmt = 'dd/mm/yyyy';
    const old = book.addWorksheet('XẾP HẠNG'.normalize('NFD'));
    old.addRow(['kết quả cũ', 'sẽ bị thay']);
    old.addRow(['dòng cũ']);
    book.addWorksheet('Ghi chú').addRow(['Trang sau trang kết quả cũ']);
    await book.xlsx.writeFile(path);
  }

  it('keeps the input sheets cell for cell and replaces an old result sheet whole, in its place', async () => {
    const source = join(dir, 'vao.xlsx');
    await userBook(source);
    const before = await readWorkbookFile(source);
    const target = join(dir, 'ket-qua', 'moi', 'ra.xlsx');
    await writeWorkbookFile(before.bytes, outputs, target);

    const after = await readWorkbookFile(target);
    expect(after.input.sheets.map((s) => s.name)).toEqual(['Đơn vị', 'Xếp hạng', 'Ghi chú', 'Kết quả xét']);
    const named = (name: string) => after.input.sheets.find((s) => s.name === name);
    const original = (name: string) => before.input.sheets.find((s) => s.name === name);
    expect(named('Đơn vị')).toEqual(original('Đơn vị'));
    expect(named('Ghi chú')).toEqual(original('Ghi chú'));
    expect(named('Xếp hạng')!.values).toEqual([outputs[0]!.header, ...outputs[0]!.rows]);
    // The user's formula is still a formula.
    const reread = new ExcelJS.Workbook();
    await reread.xlsx.readFile(target);
    expect(reread.getWorksheet('Đơn vị')!.getCell('C2').value).toEqual({ formula: '1+1', result: 2 });
  });

  /** The user's workbook, read, written back with the output sheets, and read again by exceljs. */
  async function writeAndReread() {
    const source = join(dir, 'vao.xlsx');
    await userBook(source);
    const { bytes } = await readWorkbookFile(source);
    const target = join(dir, 'ra.xlsx');
    await writeWorkbookFile(bytes, outputs, target);
    const reread = new ExcelJS.Workbook();
    await reread.xlsx.readFile(target);
    return { target, reread };
  }

  it('writes user text that looks like a formula as literal text', async () => {
    const { target, reread } = await writeAndReread();
    const ranking = reread.getWorksheet('Xếp hạng')!;
    for (const address of ['B4', 'B5', 'B6', 'B7', 'B8']) {
      expect(ranking.getCell(address).type).toBe(ExcelJS.ValueType.String);
    }
    // The only formula element in the file is the user's own: Excel and Sheets show the text.
    const zip = new PizZip(await readFile(target));
    const sheetXml = Object.keys(zip.files)
      .filter((name) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name))
      .map((name) => zip.file(name)!.asText())
      .join('');
    expect(sheetXml.match(/<f[ >]/g)).toEqual(['<f>']);
    expect(sheetXml).toContain('<f>1+1</f>');
  });

  it('makes the header bold and frozen and colours marked rows', async () => {
    const { reread } = await writeAndReread();
    const sheet = reread.getWorksheet('Xếp hạng')!;
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const fill = (address: string) => (sheet.getCell(address).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
    expect(sheet.getCell('A2').font?.bold).toBe(true); // section
    const [prize, tie, plain, unranked, ineligible] = ['C3', 'C4', 'C6', 'C7', 'C8'].map(fill);
    expect(plain).toBeUndefined();
    expect(new Set([prize, tie, unranked, ineligible, fill('A1')]).size).toBe(5);
    expect(fill('A3')).toBe(prize); // a mark colours the whole row
  });
});

describe('sheetsToBook and saveBook', () => {
  const specs = () =>
    sheetsToBook([
      {
        name: 'Đơn vị',
        rows: [
          ['Mã đơn vị', 'Khối', 'Ngày', 'Tỷ lệ', 'Có'],
          ['X01', 'Xã, thị trấn', utc(2023, 1, 2), { value: 0.95, numFmt: '0%' }, true],
          ['CQ01', 'Cơ quan chuyên môn', '06/01/2023', 95, false],
        ],
        lists: [{ header: 'Khối', values: ['Xã, thị trấn', 'Cơ quan chuyên môn', 'Đơn vị khác'] }],
      },
    ]);

  it('writes dates as date cells, booleans as TRUE/FALSE and a fraction in a percent cell', async () => {
    const path = join(dir, 'mau.xlsx');
    await saveBook(specs(), path);
    const { input } = await readWorkbookFile(path);
    const [units] = input.sheets;
    expect(units!.values[1]).toEqual(['X01', 'Xã, thị trấn', utc(2023, 1, 2), 0.95, true]);
    expect(units!.values[2]).toEqual(['CQ01', 'Cơ quan chuyên môn', '06/01/2023', 95, false]);
    expect(units!.numberFormats![1]).toEqual(['', '', 'dd/mm/yyyy', '0%', '']);
  });

  it('offers a drop-down list whose items may contain commas', async () => {
    const path = join(dir, 'mau.xlsx');
    await saveBook(specs(), path);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    const validation = book.getWorksheet('Đơn vị')!.getCell('B500').dataValidation;
    expect(validation.type).toBe('list');
    const lists = book.getWorksheet(LISTS_SHEET)!;
    expect(lists.state).toBe('hidden');
    const [, sheetName, col, first, last] = /^'(.+)'!\$([A-Z]+)\$(\d+):\$\2\$(\d+)$/.exec(validation.formulae![0] as string)!;
    expect(sheetName).toBe(LISTS_SHEET);
    const items: unknown[] = [];
    for (let row = Number(first); row <= Number(last); row++) items.push(lists.getCell(`${col}${row}`).value);
    expect(items).toEqual(['Xã, thị trấn', 'Cơ quan chuyên môn', 'Đơn vị khác']);
  });

  it('keeps drop-down lists through a read and a write, with no overlapping ranges (Excel rejects those)', async () => {
    const first = join(dir, 'mau.xlsx');
    await saveBook(specs(), first);
    const { bytes } = await readWorkbookFile(first);
    const second = join(dir, 'ra.xlsx');
    await writeWorkbookFile(bytes, [], second);

    const zip = new PizZip(await readFile(second));
    const ranges = Object.keys(zip.files)
      .filter((name) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name))
      .flatMap((name) => [...zip.file(name)!.asText().matchAll(/<dataValidation [^>]*sqref="([^"]+)"/g)].flatMap((m) => m[1]!.split(' ')));
    const cells = ranges.flatMap((range) => {
      const [, col, from, to] = /^([A-Z]+)(\d+)(?::\1(\d+))?$/.exec(range)!;
      return Array.from({ length: Number(to ?? from) - Number(from) + 1 }, (_, i) => `${col}${Number(from) + i}`);
    });
    expect(cells).toHaveLength(999);
    expect(new Set(cells).size).toBe(cells.length);
  });

  it('with a fixed date, gives the same bytes whatever the clock and the time zone', async () => {
    const fixedDate = utc(2023, 1, 10);
    const zone = process.env.TZ;
    const paths = [join(dir, 'a.xlsx'), join(dir, 'b.xlsx'), join(dir, 'c.xlsx')];
    try {
      jest.useFakeTimers({ now: utc(2024, 5, 1), doNotFake: ['nextTick', 'setImmediate', 'setTimeout', 'setInterval', 'queueMicrotask', 'clearTimeout', 'clearInterval', 'clearImmediate'] });
      await saveBook(specs(), paths[0]!, { fixedDate });
      jest.setSystemTime(utc(2031, 11, 20));
      process.env.TZ = 'Asia/Ho_Chi_Minh';
      await saveBook(specs(), paths[1]!, { fixedDate });
      process.env.TZ = 'America/Los_Angeles';
      await saveBook(specs(), paths[2]!, { fixedDate });
    } finally {
      jest.useRealTimers();
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
    const [a, b, c] = await Promise.all(paths.map((path) => readFile(path)));
    expect(a!.equals(b!)).toBe(true);
    expect(a!.equals(c!)).toBe(true);
  });
});
