/** PDF copies of the dossier documents, made by LibreOffice when it is installed. */
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** LibreOffice is not installed (or not where we look): say how to get it. */
export class PdfUnavailable extends Error {
  override name = 'PdfUnavailable';
  constructor() {
    super(
      'Không tìm thấy LibreOffice (lệnh soffice) nên chưa chuyển được sang PDF; các tệp .docx vẫn đã được ghi. ' +
        'Cài LibreOffice (Debian/Ubuntu: sudo apt-get install libreoffice-writer-nogui; Windows, macOS: libreoffice.org) ' +
        'hoặc đặt biến môi trường THIDUA_SOFFICE là đường dẫn tới soffice, rồi chạy lại.',
    );
  }
}

const CANDIDATES = [
  'soffice',
  '/usr/bin/soffice',
  '/Applications/LibreOffice.app/Contents/MacOS/soffice',
  'C:\\Program Files\\LibreOffice\\program\\soffice.exe',
];

/** The soffice program to run, or null when there is none. */
export function findSoffice(): string | null {
  const wanted = process.env['THIDUA_SOFFICE'];
  for (const candidate of wanted ? [wanted] : CANDIDATES) {
    const probe = spawnSync(candidate, ['--version'], { stdio: 'ignore', timeout: 60_000 });
    if (!probe.error && probe.status === 0) return candidate;
  }
  return null;
}

/**
 * Converts .docx files to PDF beside them (one soffice run for all). Returns the PDF paths.
 * Throws PdfUnavailable when LibreOffice is not installed.
 */
export async function convertToPdf(files: string[], outDir: string): Promise<string[]> {
  if (!files.length) return [];
  const soffice = findSoffice();
  if (!soffice) throw new PdfUnavailable();
  // A private profile: a LibreOffice already open on the desktop would otherwise swallow the job.
  const profile = mkdtempSync(join(tmpdir(), 'thidua-soffice-'));
  try {
    await new Promise<void>((resolve, reject) => {
      execFile(
        soffice,
        ['--headless', `-env:UserInstallation=${pathToFileURL(profile).href}`, '--convert-to', 'pdf', '--outdir', outDir, ...files],
        { timeout: 30 * 60_000, maxBuffer: 16 * 1024 * 1024 },
        (error, _stdout, stderr) =>
          error ? reject(new Error(`LibreOffice không chuyển được sang PDF: ${String(stderr).trim() || error.message}`)) : resolve(),
      );
    });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const pdfs = files.map((f) => join(outDir, basename(f).replace(/\.docx$/i, '.pdf')));
  const lost = pdfs.filter((p) => !existsSync(p));
  if (lost.length) throw new Error(`LibreOffice không tạo được ${lost.length} tệp PDF, ví dụ «${basename(lost[0] as string)}».`);
  return pdfs;
}
