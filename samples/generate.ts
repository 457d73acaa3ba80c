/** `npm run sample`: writes the sample district workbook from the fixture, byte for byte the same each time. */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { saveBook, sheetsToBook } from '../src/cli/xlsx';
import { SAMPLE_DATE, SAMPLE_SHEETS } from './fixture';
import { SAMPLE_2025_DATE, SAMPLE_2025_SHEETS } from './fixture2025';

export const SAMPLE_PATH = fileURLToPath(new URL('./huu-lung-2022.xlsx', import.meta.url));

export async function writeSample(path: string = SAMPLE_PATH): Promise<void> {
  await saveBook(sheetsToBook(SAMPLE_SHEETS), path, { fixedDate: SAMPLE_DATE });
}

/** The second sample (issue 12): a province of today on the legal preset 2025. */
export const SAMPLE_2025_PATH = fileURLToPath(new URL('./hoa-lam-2025.xlsx', import.meta.url));

export async function writeSample2025(path: string = SAMPLE_2025_PATH): Promise<void> {
  await saveBook(sheetsToBook(SAMPLE_2025_SHEETS), path, { fixedDate: SAMPLE_2025_DATE });
}

// Run as a script (not when a test imports it); no top-level await, which jest's CommonJS cannot compile.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  Promise.all([writeSample(), writeSample2025()]).then(
    () => console.log(`Đã ghi ${SAMPLE_PATH} và ${SAMPLE_2025_PATH}`),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
