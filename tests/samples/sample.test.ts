import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readWorkbookFile } from '../../src/cli/xlsx';
import { evaluate, type WorkbookInput } from '../../src/core';
import { SAMPLE_PATH, writeSample } from '../../samples/generate';

let committed: WorkbookInput;
beforeAll(async () => {
  committed = (await readWorkbookFile(SAMPLE_PATH)).input;
});

it('regenerating the sample gives the committed workbook, cell for cell (run `npm run sample` after editing the fixture)', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'thidua-sample-'));
  try {
    const path = join(dir, 'huu-lung-2022.xlsx');
    await writeSample(path);
    const fresh = (await readWorkbookFile(path)).input;
    expect(fresh.sheets.map((s) => s.name)).toEqual(committed.sheets.map((s) => s.name));
    for (const [index, sheet] of fresh.sheets.entries()) expect(sheet).toEqual(committed.sheets[index]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

/** What the fixture's header comment promises, so end-to-end expectations can rest on it. */
describe('the sample exercises the rules', () => {
  const result = () => evaluate(committed).result;

  it('ranks with a tie in a prize rank (1, 2, 2, 4) and leaves two communes unranked', () => {
    const { ranking, unranked } = result();
    const communes = ranking.filter((r) => r.block === 'Xã, thị trấn').slice(0, 4);
    expect(communes.map((r) => [r.unit, r.rank, r.tied, r.prize])).toEqual([
      ['X07', 1, false, 'Nhất'], ['X02', 2, true, 'Nhì'], ['X12', 2, true, 'Nhì'], ['X01', 4, false, null],
    ]);
    expect(unranked.map((u) => u.unit).sort()).toEqual(['X18', 'X24']);
  });

  it('has 40+ nominations where every alternative holds somewhere and every required rule fails somewhere', () => {
    const { nominations } = result();
    expect(nominations.length).toBeGreaterThanOrEqual(40);
    expect(new Set(nominations.flatMap((n) => n.basis))).toEqual(new Set(['A1', 'A2', 'A3', 'B1', 'B2']));
    const failed = new Set(nominations.flatMap((n) => n.failed));
    for (const rule of ['P1', 'A0', 'A1', 'B0', 'B1'] as const) expect(failed).toContain(rule);
    expect(nominations.filter((n) => !n.window_ok).map((n) => n.row)).toEqual([34, 35, 36]);
    expect(nominations.find((n) => n.row === 39)?.name).toBe('=HYPERLINK("http://x","Nguyễn Văn A")');
  });

  it('has quota overruns for a prize unit with two collectives and a non-prize unit with two nominations', () => {
    expect(result().quota.filter((q) => !q.ok).map((q) => q.unit).sort()).toEqual(['X01', 'X07']);
  });

  it('has a few deliberate errors in scores and nominations', () => {
    const errors = result().errors;
    expect(errors.filter((e) => e.sheet === 'Chấm điểm')).toHaveLength(3);
    expect(errors.filter((e) => e.sheet === 'Đề nghị').map((e) => e.row)).toEqual([46, 47]);
  });
});
