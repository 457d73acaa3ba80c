/**
 * `npm run smoke`: builds the smoke edition (the add-on plus menu «Thi đua (smoke)» › «Chạy
 * smoke», see src/addon/smoke.ts) into out/smoke/ and pushes it with clasp to a TEST Apps
 * Script project bound to a copy of the sample spreadsheet. Which project and spreadsheet: the
 * environment (THIDUA_SMOKE_SCRIPT_ID, THIDUA_SMOKE_SPREADSHEET_ID) or ~/.thidua-smoke.json
 * (`{ "scriptId": "…", "spreadsheetId": "…" }`), never a file in the repository. README,
 * «Chạy thử trên Google thật (smoke)», says step by step how to set it up and run it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAddon } from './buildAddon';

export const SMOKE_ENTRY = 'addon/smokeEntry.ts';
export const SMOKE_CONFIG_FILE = join(homedir(), '.thidua-smoke.json');

export interface SmokeConfig {
  scriptId: string;
  spreadsheetId: string;
}

/** The test project and spreadsheet, from the environment first, else the file. */
export function smokeConfig(env: Record<string, string | undefined> = process.env, file = SMOKE_CONFIG_FILE): SmokeConfig {
  const saved = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Partial<SmokeConfig>) : {};
  const scriptId = env.THIDUA_SMOKE_SCRIPT_ID ?? saved.scriptId;
  const spreadsheetId = env.THIDUA_SMOKE_SPREADSHEET_ID ?? saved.spreadsheetId;
  if (!scriptId || !spreadsheetId) {
    throw new Error(
      `Chưa biết dự án Apps Script và bảng tính để chạy thử: đặt biến môi trường THIDUA_SMOKE_SCRIPT_ID và ` +
        `THIDUA_SMOKE_SPREADSHEET_ID, hoặc ghi ${file} dạng {"scriptId": "…", "spreadsheetId": "…"} (xem README, mục «Chạy thử trên Google thật (smoke)»).`,
    );
  }
  return { scriptId, spreadsheetId };
}

async function main(): Promise<void> {
  const root = process.cwd();
  const config = smokeConfig();
  const outDir = resolve(root, 'out', 'smoke');
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const built = await buildAddon({ srcDir: resolve(root, 'src'), outDir, manifest: resolve(root, 'appsscript.json'), entry: SMOKE_ENTRY });
  for (const file of built.files) console.log(`out/smoke/${file.name}  ${(file.bytes / 1024).toFixed(1)} KB`);
  writeFileSync(join(outDir, '.clasp.json'), JSON.stringify({ scriptId: config.scriptId, rootDir: '.' }, null, 2));
  const push = spawnSync('npx', ['clasp', 'push', '--force'], { cwd: outDir, stdio: 'inherit' });
  if (push.status !== 0) {
    console.error('LỖI: clasp push không thành công. Đã đăng nhập chưa? Chạy: npx clasp login --no-localhost');
    process.exit(1);
  }
  console.log(
    [
      '',
      'Đã đẩy bản smoke lên dự án thử. Tiếp theo:',
      `1. Mở bảng tính thử: https://docs.google.com/spreadsheets/d/${config.spreadsheetId}/edit`,
      '2. Tải lại trang (F5), chờ menu «Thi đua (smoke)» hiện ra, chọn «Chạy smoke».',
      '   Lần đầu Google hỏi quyền: cho phép. Bấm OK / Có ở các hộp thoại hiện ra trong lúc chạy.',
      '3. Xem trang «Smoke»: mỗi bước một hàng (ok / lỗi, thời gian, số lệnh gọi Google, ghi chú).',
      '   Nhật ký chi tiết: https://script.google.com/home/projects/' + config.scriptId + '/executions',
    ].join('\n'),
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
