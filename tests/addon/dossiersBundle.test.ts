/** «Tạo hồ sơ» from the built `dist/Code.js` in a bare `node:vm` context, on the sample district. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { WorkbookInput } from '../../src/core';
import { evaluate } from '../../src/core';
import { buildDossiers } from '../../src/core/documents';
import { FILES_COL, FILES_SHEET, STATUS } from '../../src/addon/dossierRecords';
import { readWorkbookFile } from '../../src/cli/xlsx';
import { buildAddon } from '../../scripts/buildAddon';
import { loadWorkbook } from '../fakes';
import { runBundle } from '../fakes/vm';
import { asInSheets } from './workbooks';

const ROOT = resolve(__dirname, '../..');
let outDir: string;
let code: string;
let sample: WorkbookInput;

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'thidua-dossiers-'));
  await buildAddon({ srcDir: join(ROOT, 'src'), outDir });
  code = readFileSync(join(outDir, 'Code.js'), 'utf8');
  sample = (await readWorkbookFile(join(ROOT, 'samples', 'huu-lung-2022.xlsx'))).input;
}, 60_000);

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

it('createDossiers writes every dossier of the sample district, and a second run writes none', () => {
  const script = runBundle(code);
  loadWorkbook(script.google, sample);
  const expected = buildDossiers(evaluate(asInSheets(sample, script.google)));
  const titles = expected.flatMap((u) => u.documents.map((d) => d.title));
  expect(titles.length).toBeGreaterThan(10);

  /** The dialog's calls: start for all units, then steps until done. */
  const dialog = () => {
    let answer = script.call('jobStart', { kind: 'hoSo', units: null }) as { ok: boolean; value: { finished: boolean; halted: boolean } };
    while (answer.ok && !answer.value.finished && !answer.value.halted) answer = script.call('jobStep', 'hoSo') as typeof answer;
    expect(answer).toMatchObject({ ok: true, value: { finished: true, halted: false } });
  };
  dialog();
  const { drive, spreadsheet } = script.google;
  expect(drive.documents().map((d) => d.name)).toEqual(titles);
  const [parent] = drive.foldersIn(drive.root);
  expect(drive.foldersIn(parent!)).toHaveLength(expected.length);
  const [header, ...rows] = spreadsheet.sheet(FILES_SHEET)!.dump();
  const status = header!.indexOf(FILES_COL.status);
  expect(rows.map((r) => r[status])).toEqual(titles.map(() => STATUS.created));
  // Every document is the rendered model: its first line is the issuing body, its text complete.
  for (const doc of drive.documents()) expect(doc.dump()).toMatch(/^(ỦY BAN NHÂN DÂN|UBND)/);

  dialog();
  expect(drive.documents()).toHaveLength(titles.length);
  expect(spreadsheet.sheet(FILES_SHEET)!.dump().slice(1).map((r) => r[status])).toEqual(titles.map(() => STATUS.unchanged));
  expect(script.google.triggers.list).toHaveLength(0);
  expect(script.google.lock.held).toBe(false);
}, 60_000);

it('the menu lists the dossier items, and the dialog’s, trigger’s and template functions exist', () => {
  const script = runBundle(code);
  script.call('onOpen', { authMode: 'FULL' });
  const captions = script.google.ui.menus[0]!.entries.flatMap((e) => (e === 'separator' ? [] : [e.caption]));
  expect(captions).toEqual(expect.arrayContaining(['Tạo hồ sơ', 'Tạo mẫu hồ sơ', 'Xuất PDF hồ sơ']));
  for (const name of ['continueJobs', 'jobOpen', 'jobStart', 'jobStep', 'createDossierTemplates', 'exportDossierPdfs']) expect(typeof script.context[name]).toBe('function');
  loadWorkbook(script.google, sample);
  script.call('createDossierTemplates');
  expect(script.google.drive.documents().map((d) => d.name)).toEqual(['Mẫu D1 - Biên bản họp xét', 'Mẫu D2 - Tờ trình', 'Mẫu D3 - Báo cáo thành tích']);
});
