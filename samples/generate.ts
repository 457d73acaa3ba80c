/** `npm run sample`: writes the sample district workbook from the fixture, byte for byte the same each time. */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { saveBook, sheetsToBook } from '../src/cli/xlsx';
import { SAMPLE_DATE, SAMPLE_SHEETS } from './fixture';

export const SAMPLE_PATH = fileURLToPath(new URL('./huu-lung-2022.xlsx', import.meta.url));

export async function writeSample(path: string = SAMPLE_PATH): Promise<void> {
  await saveBook(sheetsToBook(SAMPLE_SHEETS), path, { fixedDate: SAMPLE_DATE });
}

// Run as a script (not when a test imports it); no top-level await, which jest's CommonJS cannot compile.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeSample().then(
    () => console.log(`Đã ghi ${SAMPLE_PATH}`),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
