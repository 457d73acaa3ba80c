/** `thidua tong-ket`: the summary report and the `Tổng kết` sheet, written with run's guarantees. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { readWorkbookFile } from '../../src/cli/xlsx';
import { entryBytes, readZip } from '../../src/cli/zip';
import { NOMINATION_COL as N } from '../../src/core';
import { run, tempDir, writeXlsx } from '../helpers/files';
import { GOOD_COLLECTIVE, GOOD_INDIVIDUAL, nomination, workbook } from '../helpers/workbook';

const input = workbook({ nominations: [GOOD_COLLECTIVE, nomination(GOOD_INDIVIDUAL, { [N.unitCode]: 'X01' })] });
const parts = (file: string) => new Map(readZip(readFileSync(file)).map((e) => [e.name, new TextDecoder().decode(entryBytes(e))]));

describe('thidua tong-ket', () => {
  it('writes the report with its charts and the workbook copy with a «Tổng kết» sheet and its charts', async () => {
    const file = await writeXlsx(input);
    const out = tempDir();
    const { code, stdout, stderr } = await run(main, ['tong-ket', file, '--out', out]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('Tổng kết phong trào: 7 đơn vị tham gia, 2 đơn vị có đề nghị khen thưởng.');
    expect(stdout).toContain('Khen thưởng: 2 đề nghị, 2 đủ điều kiện, 2 được khen thưởng.');
    expect(stdout).toContain('Chưa ghi nhận việc tiếp nhận hồ sơ');
    expect(stdout).toContain(`Đã ghi báo cáo tổng kết: ${join(out, 'Báo cáo tổng kết.docx')}`);

    const docx = parts(join(out, 'Báo cáo tổng kết.docx'));
    expect([...docx.keys()].filter((k) => k.startsWith('word/charts/'))).toEqual(['word/charts/chart1.xml', 'word/charts/chart2.xml', 'word/charts/chart3.xml']);
    expect(docx.get('word/document.xml')).toContain('III. BÀI HỌC KINH NGHIỆM');

    const copy = join(out, 'input.xlsx');
    const read = await readWorkbookFile(copy);
    const summary = read.input.sheets.find((s) => s.name === 'Tổng kết')!;
    expect(read.input.sheets.map((s) => s.name)).toEqual(['Cấu hình', 'Đơn vị', 'Tiêu chí', 'Chấm điểm', 'Đề nghị', 'Xếp hạng', 'Kết quả xét', 'Danh sách khen thưởng', 'Tổng kết']);
    const rowOf = (label: string) => summary.values.find((r) => r[0] === label);
    expect(rowOf('1. UBND xã Cai Kinh')!.slice(1, 3)).toEqual([90, 'Nhất']);
    expect(rowOf('Tổng cộng')!.slice(0, 3)).toEqual(['Tổng cộng', 7, 2]);

    const xlsx = parts(copy);
    const sheetPart = [...xlsx.entries()].find(([k, v]) => k.startsWith('xl/worksheets/sheet') && v.includes('Tổng kết phong trào năm 2022'))![0];
    expect(xlsx.get(sheetPart)).toContain('<drawing r:id="rIdThiDuaDrawing"/></worksheet>');
    const drawing = xlsx.get('xl/drawings/drawing1.xml')!;
    expect(drawing.match(/<xdr:twoCellAnchor /g)).toHaveLength(3);
    // The ranking chart reads the sheet's own cells: names in A, scores in B.
    const chart = xlsx.get('xl/charts/chart2.xml')!;
    expect(chart).toMatch(/<c:cat><c:strRef><c:f>'Tổng kết'!\$A\$\d+:\$A\$\d+<\/c:f>/);
    expect(chart).toMatch(/<c:val><c:numRef><c:f>'Tổng kết'!\$B\$\d+:\$B\$\d+<\/c:f>/);
    const [, from, to] = /'Tổng kết'!\$B\$(\d+):\$B\$(\d+)/.exec(chart)!;
    expect(summary.values.slice(Number(from) - 1, Number(to)).map((r) => r[1])).toEqual([90, 85, 80, 70]);
    expect(xlsx.get('[Content_Types].xml')).toContain('<Override PartName="/xl/charts/chart3.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>');
  });

  it('keeps a report a person edited and writes the new one beside it', async () => {
    const file = await writeXlsx(input);
    const out = tempDir();
    await run(main, ['tong-ket', file, '--out', out]);
    writeFileSync(join(out, 'Báo cáo tổng kết.docx'), 'đã sửa tay');
    const { code, stdout } = await run(main, ['tong-ket', file, '--out', out]);
    expect(code).toBe(0);
    expect(readFileSync(join(out, 'Báo cáo tổng kết.docx'), 'utf8')).toBe('đã sửa tay');
    expect(stdout).toContain(`Giữ nguyên «${join(out, 'Báo cáo tổng kết.docx')}» vì đã được sửa sau lần chạy trước; bản mới ghi vào «${join(out, 'Báo cáo tổng kết (bản mới).docx')}».`);
  });

  it('run on its own copy, replaces the «Tổng kết» sheet in place with one drawing of its charts', async () => {
    const first = tempDir();
    await run(main, ['tong-ket', await writeXlsx(input), '--out', first]);
    const second = tempDir();
    expect((await run(main, ['tong-ket', join(first, 'input.xlsx'), '--out', second])).code).toBe(0);
    const again = await readWorkbookFile(join(second, 'input.xlsx'));
    expect(again.input.sheets.filter((s) => s.name === 'Tổng kết')).toHaveLength(1);
    const xlsx = parts(join(second, 'input.xlsx'));
    const rels = [...xlsx.entries()].filter(([k]) => k.startsWith('xl/worksheets/_rels/'));
    expect(rels).toHaveLength(1);
    expect(rels[0]![1]).toContain('Target="../drawings/drawing2.xml"');
    expect(xlsx.get('xl/drawings/_rels/drawing2.xml.rels')).toContain('Target="../charts/chart4.xml"');
  });

  it('explains a wrong option, with the usage', async () => {
    const { code, stderr } = await run(main, ['tong-ket', '--json']);
    expect(code).toBe(2);
    expect(stderr).toContain('Lỗi: Lệnh «tong-ket» không có tùy chọn «--json».');
    expect(stderr).toContain('thidua tong-ket [TỆP.xlsx] [--out THƯ_MỤC] [--pdf]');
  });
});
