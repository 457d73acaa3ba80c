/** `npm run build`: the Apps Script project into dist/, checked. Exit 1 if a check fails. */
import { resolve } from 'node:path';
import { buildAddon } from './buildAddon';
import { checkBundle } from './check-bundle';
import { readFileSync } from 'node:fs';

const root = process.cwd();
const outDir = resolve(root, 'dist');
const result = await buildAddon({ srcDir: resolve(root, 'src'), outDir, manifest: resolve(root, 'appsscript.json') });
for (const file of result.files) console.log(`dist/${file.name}  ${(file.bytes / 1024).toFixed(1)} KB`);
console.log(`${result.exposed.length} hàm cấp cao nhất: ${result.exposed.map((f) => f.name).join(', ')}`);
const problems = checkBundle(readFileSync(resolve(outDir, 'Code.js'), 'utf8'), result.exposed);
for (const problem of problems) console.error(`LỖI: ${problem}`);
if (problems.length > 0) process.exit(1);
