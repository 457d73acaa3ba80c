import { performance } from 'node:perf_hooks';
import { buildDossiers } from './src/core/documents';
import { writeDocx } from './src/cli/docx';
import { evaluation } from './tests/core/documents/fixture';
(async () => {
  const docs = buildDossiers(evaluation())[0]!.documents;
  for (let i = 0; i < 10; i++) await writeDocx(docs[1]!.doc);
  const t = performance.now();
  for (let i = 0; i < 200; i++) await writeDocx(docs[i % 4]!.doc);
  console.log('per doc ms', (performance.now() - t) / 200);
})();
