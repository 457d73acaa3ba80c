/**
 * The certificates in `npm run bench`: the whole award list of a province as one `.docx` (core
 * layout, zip, file on disk), full design with an emblem and print-on-blank. One core.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { deflateSync } from 'node:zlib';
import { writeDocx } from '../src/cli/docx';
import type { Evaluation } from '../src/core';
import { DEFAULT_CERTIFICATE_SETTINGS } from '../src/core/certificateSettings';
import type { CertificateMode } from '../src/core/certificateSettings';
import { buildCertificates, readEmblem } from '../src/core/documents/certificates';

export interface CertificateBench {
  certificates: number;
  bytes: number;
  ms: number;
}

/** A 200 × 200 PNG stand-in for the emblem (a picture part of realistic size). */
function emblemPng(): Uint8Array {
  const u32 = (n: number) => Buffer.from([n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]);
  const chunk = (type: string, data: Buffer) => Buffer.concat([u32(data.length), Buffer.from(type), data, u32(0)]);
  const header = Buffer.concat([u32(200), u32(200), Buffer.from([8, 2, 0, 0, 0])]);
  const pixels = deflateSync(Buffer.alloc(200 * (1 + 200 * 3), 90));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]);
}

/**
 * A province's award list: the province workbook's quotas leave a few hundred awards, so its
 * entries are repeated (names numbered) up to `count`, as the lists of all its districts together.
 */
export function provinceAwards(e: Evaluation, count = 5000): Evaluation {
  const list = e.awardList;
  const awardList = Array.from({ length: count }, (_, i) => {
    const entry = list[i % list.length]!;
    return { ...entry, number: i + 1, nomination: { ...entry.nomination, name: `${entry.nomination.name} ${i + 1}` } };
  });
  return { ...e, awardList };
}

/** Every certificate of `e` in one file, best of `runs`. */
export function benchCertificates(e: Evaluation, mode: CertificateMode, runs = 3): CertificateBench {
  const settings = { ...DEFAULT_CERTIFICATE_SETTINGS, mode, decisionNumber: '125/QĐ-UBND', decisionDate: { year: 2023, month: 1, day: 20 }, goldenBookStart: 1001 };
  const emblem = mode === 'full' ? readEmblem(emblemPng(), 'quoc-huy.png') : null;
  let best: CertificateBench | undefined;
  for (let i = 0; i < runs; i++) {
    const dir = mkdtempSync(join(tmpdir(), 'thidua-bench-gk-'));
    try {
      const start = performance.now();
      const set = buildCertificates(e, settings, emblem);
      const bytes = writeDocx(set.doc, set.title);
      writeFileSync(join(dir, set.fileName), bytes);
      const ms = performance.now() - start;
      if (!best || ms < best.ms) best = { certificates: set.certificates.length, bytes: bytes.length, ms };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return best as CertificateBench;
}
