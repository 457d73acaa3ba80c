import { readWorkbookFile } from './src/cli/xlsx';
import { evaluate } from './src/core';
import { writeDossierFiles } from './src/cli/docx';
(async () => {
  const { input } = await readWorkbookFile('samples/huu-lung-2022.xlsx');
  const e = evaluate(input);
  const r = await writeDossierFiles(e, '/tmp/sample', { pdf: process.argv[2] === 'pdf' });
  console.log(r.files.length, r.warnings);
  console.log(r.missing.join('\n'));
  console.log(r.excluded.join('\n'));
})();
