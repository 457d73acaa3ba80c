import { writeFileSync } from 'node:fs';
import { buildDossiers } from './src/core/documents';
import { writeDocx } from './src/cli/docx';
import { evaluation } from './tests/core/documents/fixture';
const e = evaluation();
(async () => { for (const u of buildDossiers(e)) for (const d of u.documents) writeFileSync('/tmp/dd/' + d.fileName, await writeDocx(d.doc)); })();
