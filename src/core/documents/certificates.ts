/**
 * Certificates (Giấy khen, Decree 98/2023 art. 104; forms.md «The district's own documents»):
 * one page per collective or individual on the award list, in its order, all in one document.
 *
 * Two prints. «Đầy đủ»: the whole design on plain A4 (landscape, as the blanks are): the national
 * emblem, the national title and motto in black, the awarding title and `GIẤY KHEN` in red
 * capitals, the recipient, the achievement, the decision and the «số sổ vàng» bottom left, the
 * place, date and signer bottom right. «In trên phôi»: only the variable text, each line at a
 * fixed place on pre-printed blanks, moved by the offsets of `Cấu hình`; a test page shows where.
 *
 * The fixed places are made of what every reader honours the same way — page margins (which
 * carry the offsets), exact line heights, space before, tab stops — not floating frames, which
 * Google Docs drops when it imports a `.docx`.
 */
import { FONT, GAP, placeAndDate, shortDate } from './layout';
import { awardingTitle } from './basis';
import type { DocModel, MediaPart, Paragraph, Run, TabStop } from './model';
import type { CertificateSettings } from '../certificateSettings';
import { EXTRA_SETTING, SETTING, SHEET } from '../contract';
import type { Evaluation } from '../results';

/** The red of a certificate's titles. */
const RED = 'C00000';
const PAGE = { width: 297, height: 210 } as const;

/** Vietnamese capitals (ư → Ư, đ → Đ, the tone marks kept) whatever the host's default locale. */
export const vietnameseUpper = (text: string): string => text.normalize('NFC').toLocaleUpperCase('vi');

/** The emblem as the office supplied it: a PNG or JPEG, and its size in pixels (for its shape). */
export interface Emblem {
  media: MediaPart;
  widthPx: number;
  heightPx: number;
}

/** A file that is not a picture a document can show. */
export class EmblemError extends Error {
  override name = 'EmblemError';
}

/** Reads a PNG's or JPEG's size from its header; anything else is refused, naming `source` and the setting. */
export function readEmblem(bytes: Uint8Array, source: string): Emblem {
  const b = bytes;
  const u16 = (i: number) => ((b[i] ?? 0) << 8) | (b[i + 1] ?? 0);
  const u32 = (i: number) => u16(i) * 65536 + u16(i + 2);
  const fail = () =>
    new EmblemError(
      `Ảnh Quốc huy «${source}» (mục «${EXTRA_SETTING.emblemImage}» ở trang «${SHEET.settings}») không phải là ảnh PNG hoặc JPEG đọc được; hãy lưu ảnh dạng .png hoặc .jpg rồi chạy lại, hoặc xóa giá trị để in khung trống.`,
    );
  if (b.length > 24 && u32(0) === 0x89504e47 && u32(4) === 0x0d0a1a0a) {
    const widthPx = u32(16);
    const heightPx = u32(20);
    if (!widthPx || !heightPx) throw fail();
    return { media: { path: 'media/quoc-huy.png', contentType: 'image/png', bytes }, widthPx, heightPx };
  }
  if (b[0] === 0xff && b[1] === 0xd8) {
    // The size is in the first start-of-frame segment (SOF0–SOF15 but not DHT, JPG, DAC).
    for (let i = 2; i + 9 < b.length; ) {
      if (b[i] !== 0xff) break;
      const marker = b[i + 1] ?? 0;
      if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
        const heightPx = u16(i + 5);
        const widthPx = u16(i + 7);
        if (!widthPx || !heightPx) break;
        return { media: { path: 'media/quoc-huy.jpg', contentType: 'image/jpeg', bytes }, widthPx, heightPx };
      }
      i += 2 + u16(i + 2);
    }
  }
  throw fail();
}

/** What one certificate says. */
export interface CertificateFacts {
  recipient: string;
  /** An individual's position and unit, as typed; empty for a collective. */
  detail: string;
  goldenBook: string;
}

export interface CertificateSet {
  doc: DocModel;
  title: string;
  fileName: string;
  certificates: CertificateFacts[];
  /** The facts the settings did not give (shown as `…`), each saying where to fill it in. */
  missing: string[];
}

/** The awarding title: `CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN HỮU LŨNG`, from `Chức vụ người ký` and `Cơ quan phát động`. */
const achievement = (e: Evaluation) => {
  const { movementName, year } = e.workbook.settings;
  return `Đã có thành tích xuất sắc trong phong trào thi đua “${movementName || GAP}” năm ${year ?? GAP}`;
};

/** The common facts and what of them is missing, said once for the whole set. */
function common(e: Evaluation, s: CertificateSettings) {
  const missing: string[] = [];
  const where = (name: string) => `mục «${name}» ở trang «${SHEET.settings}»`;
  if (!s.decisionNumber) missing.push(`Chưa có số quyết định khen thưởng: hãy nhập ${where(EXTRA_SETTING.awardDecisionNumber)}.`);
  if (!s.decisionDate) missing.push(`Chưa có ngày quyết định khen thưởng (cũng là ngày ký giấy khen): hãy nhập ${where(EXTRA_SETTING.awardDecisionDate)}.`);
  if (!e.workbook.settings.signerName) missing.push(`Chưa có người ký giấy khen: hãy nhập ${where(SETTING.signerName)}.`);
  return {
    missing,
    title: vietnameseUpper(awardingTitle(e.workbook.settings).full.text),
    achievement: achievement(e),
    decision: `Quyết định số ${s.decisionNumber || GAP}, ngày ${s.decisionDate ? shortDate(s.decisionDate) : GAP}`,
    dateLine: placeAndDate(e.workbook.settings.placeName, s.decisionDate),
    signerTitle: vietnameseUpper(e.workbook.settings.signerTitle),
    signerName: e.workbook.settings.signerName || GAP,
  };
}
type Common = ReturnType<typeof common>;

/**
 * Each certificate's facts, in the award list's order; «số sổ vàng» consecutive from the start
 * setting, else from 1 (not the list's number, which starts again at 1 for individuals).
 */
export function certificateFacts(e: Evaluation, s: CertificateSettings): CertificateFacts[] {
  return e.awardList.map((entry, i) => ({
    recipient: entry.nomination.name,
    detail: entry.nomination.kind === 'individual' ? entry.nomination.position : '',
    goldenBook: String((s.goldenBookStart ?? 1) + i),
  }));
}

const run = (text: string, o: Omit<Run, 'text'> = {}): Run => ({ text, ...o });

const line = (runs: Run[], o: Partial<Paragraph> = {}): Paragraph => ({ kind: 'paragraph', runs, align: 'center', spaceBeforePt: 0, spaceAfterPt: 0, lineSpacing: 1, ...o });

/** Full design: one page. */
function fullPage(c: CertificateFacts, k: Common, emblem: Emblem | null, first: boolean): DocModel['blocks'] {
  const heightMm = 32;
  const picture: Paragraph = emblem
    ? line([], { image: { mediaPath: emblem.media.path, heightMm, widthMm: Math.round((heightMm * emblem.widthPx * 10) / emblem.heightPx) / 10, name: 'Quốc huy' } })
    : line([], { emptyBoxMm: { widthMm: heightMm, heightMm } });
  return [
    { ...picture, ...(first ? {} : { pageBreakBefore: true }) },
    line([run('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: 13 })], { spaceBeforePt: 8 }),
    line([run('Độc lập - Tự do - Hạnh phúc', { bold: true, size: 14 })], { ruleBelowMm: 60 }),
    line([run(k.title, { bold: true, size: 16, color: RED })], { spaceBeforePt: 20 }),
    line([run('TẶNG', { bold: true, size: 14 })], { spaceBeforePt: 12 }),
    line([run('GIẤY KHEN', { bold: true, size: 40, color: RED })], { spaceBeforePt: 6 }),
    line([run(c.recipient, { bold: true, size: 22 })], { spaceBeforePt: 18 }),
    ...(c.detail ? [line([run(c.detail, { italic: true, size: 14 })], { spaceBeforePt: 2 })] : []),
    line([run(k.achievement, { italic: true, size: 15 })], { spaceBeforePt: 14 }),
    {
      kind: 'table',
      borderless: true,
      columnWidthsMm: [125, 132],
      headerRows: 0,
      keepTogether: true,
      rows: [
        [
          {
            vAlign: 'bottom',
            paragraphs: [line([run(k.decision, { size: 13 })], { align: 'left' }), line([run(`Số sổ vàng: ${c.goldenBook}`, { size: 13 })], { align: 'left', spaceBeforePt: 4 })],
          },
          {
            paragraphs: [
              line([run(k.dateLine, { italic: true, size: 14 })], { spaceBeforePt: 26 }),
              line([run(k.signerTitle, { bold: true, size: 14 })]),
              ...[1, 2, 3, 4].map(() => line([run('', { size: 14 })])),
              line([run(k.signerName, { bold: true, size: 14 })]),
            ],
          },
        ],
      ],
    },
  ];
}

// ---------- print on pre-printed blanks ----------

/** Where the variable text goes on a blank (A4 landscape, millimetres from the page's top-left corner). */
export const BLANK_PLACES = {
  /** The left edge of the lines at the bottom left; the centre of the certificate; the centre of the signature. */
  x: { left: 35, centre: PAGE.width / 2, signature: 215 },
  y: { title: 58, recipient: 96, detail: 108, achievement: 118, decision: 152, goldenBook: 160, signerName: 190 },
} as const;
/** The page's margins on a blank, before the offsets: the positions are measured from these. */
const BLANK_ORIGIN_MM = { left: 30, top: BLANK_PLACES.y.title };
const LINE_MM = 8;
/** The widest the achievement line runs on a blank (estimated, Times New Roman 14 italic ≈ 2.4 mm a character). */
const ACHIEVEMENT_WIDTH_MM = 220;
const CHAR_MM = 2.4;

interface Placed {
  yMm: number;
  /** Pieces on one line, each at its stop. */
  pieces: { xMm: number; align: TabStop['align']; run: Run }[];
}

/** Cuts a text into lines of at most `width` millimetres (estimated), between words. */
export function wrapByWidth(text: string, widthMm: number): string[] {
  const max = Math.max(1, Math.floor(widthMm / CHAR_MM));
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(' ')) {
    if (current && current.length + 1 + word.length > max) {
      lines.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  if (current) lines.push(current);
  return lines;
}

/** Lines placed at their `yMm` as paragraphs: tab stops for `x`, exact heights, space before for the gaps. */
function placedPage(lines: Placed[], first: boolean): Paragraph[] {
  let bottom = BLANK_ORIGIN_MM.top;
  return [...lines]
    .sort((a, b) => a.yMm - b.yMm)
    .map((l, i) => {
      const size = Math.max(...l.pieces.map((p) => p.run.size ?? 14));
      // A line is as tall as it needs (20 pt needs 10 mm): what follows is placed after it.
      const heightMm = Math.max(LINE_MM, size * 0.5);
      const gapMm = Math.max(0, l.yMm - bottom);
      bottom = Math.max(bottom, l.yMm) + heightMm;
      return {
        kind: 'paragraph',
        runs: l.pieces.map((p) => ({ ...p.run, text: `\t${p.run.text}` })),
        align: 'left',
        spaceBeforePt: Math.round((gapMm * 72 * 10) / 25.4) / 10,
        spaceAfterPt: 0,
        exactLineHeightPt: Math.round((heightMm * 72 * 10) / 25.4) / 10,
        tabStops: l.pieces.map((p) => ({ posMm: p.xMm - BLANK_ORIGIN_MM.left, align: p.align })),
        ...(i === 0 && !first ? { pageBreakBefore: true } : {}),
      } satisfies Paragraph;
    });
}

function blankPage(c: CertificateFacts, k: Common, first: boolean): Paragraph[] {
  const { x, y } = BLANK_PLACES;
  const centre = (yMm: number, text: string, o: Omit<Run, 'text'>): Placed => ({ yMm, pieces: [{ xMm: x.centre, align: 'center', run: run(text, o) }] });
  const lines: Placed[] = [
    centre(y.title, k.title, { bold: true, size: 15, color: RED }),
    centre(y.recipient, c.recipient, { bold: true, size: 20 }),
    ...(c.detail ? [centre(y.detail, c.detail, { italic: true, size: 14 })] : []),
    ...wrapByWidth(k.achievement, ACHIEVEMENT_WIDTH_MM).map((text, i) => centre(y.achievement + i * LINE_MM, text, { italic: true, size: 14 })),
    {
      yMm: y.decision,
      pieces: [
        { xMm: x.left, align: 'left', run: run(k.decision, { size: 13 }) },
        { xMm: x.signature, align: 'center', run: run(k.dateLine, { italic: true, size: 14 }) },
      ],
    },
    {
      yMm: y.goldenBook,
      pieces: [
        { xMm: x.left, align: 'left', run: run(`Số sổ vàng: ${c.goldenBook}`, { size: 13 }) },
        { xMm: x.signature, align: 'center', run: run(k.signerTitle, { bold: true, size: 14 }) },
      ],
    },
    { yMm: y.signerName, pieces: [{ xMm: x.signature, align: 'center', run: run(k.signerName, { bold: true, size: 14 }) }] },
  ];
  return placedPage(lines, first);
}

/** The page set-up of a blank: the offsets move the margins, so every line moves by exactly them. */
function blankDocument(s: CertificateSettings, blocks: Paragraph[]): DocModel {
  return {
    page: {
      size: 'A4',
      orientation: 'landscape',
      marginsMm: { top: BLANK_ORIGIN_MM.top + s.offsetYMm, bottom: 0, left: BLANK_ORIGIN_MM.left + s.offsetXMm, right: 0 },
    },
    font: FONT,
    sizePt: 14,
    pageNumbersFromPage2: false,
    pageNumberSizePt: 14,
    blocks,
  };
}

/** Every certificate of the award list in one document, a page each, in the mode the settings choose. */
export function buildCertificates(e: Evaluation, s: CertificateSettings, emblem: Emblem | null = null): CertificateSet {
  const k = common(e, s);
  const certificates = certificateFacts(e, s);
  const year = e.workbook.settings.year;
  const onBlank = s.mode === 'onBlank';
  const blocks = certificates.flatMap((c, i) => (onBlank ? blankPage(c, k, i === 0) : fullPage(c, k, emblem, i === 0)));
  const doc: DocModel = onBlank
    ? blankDocument(s, blocks as Paragraph[])
    : {
        page: { size: 'A4', orientation: 'landscape', marginsMm: { top: 12, bottom: 10, left: 20, right: 20 } },
        font: FONT,
        sizePt: 14,
        pageNumbersFromPage2: false,
        pageNumberSizePt: 14,
        blocks,
        ...(emblem ? { media: [emblem.media] } : {}),
      };
  return {
    doc,
    title: `Giấy khen${onBlank ? ' (in trên phôi)' : ''}${year ? ` năm ${year}` : ''}`,
    fileName: onBlank ? 'giay-khen-in-tren-phoi.docx' : 'giay-khen.docx',
    certificates,
    missing: k.missing,
  };
}

/**
 * The alignment test: one page of blank-mode marks at the known places (a cross and its
 * coordinates in millimetres at each), with the offsets applied. Printed on a blank, the
 * distance from each cross to where the text should sit is the offset to set.
 */
export function alignmentTestPage(s: CertificateSettings): { doc: DocModel; title: string; fileName: string } {
  const { x, y } = BLANK_PLACES;
  /** A cross centred on the place, its name and coordinates just right of it. */
  const cross = (xMm: number, yMm: number, label: string) => [
    { xMm, align: 'center' as const, run: run('+', { bold: true, size: 14 }) },
    { xMm: xMm + 3, align: 'left' as const, run: run(`${label} (${xMm}; ${yMm} mm)`, { size: 10 }) },
  ];
  const lines: Placed[] = [
    { yMm: y.title, pieces: cross(x.centre, y.title, 'Cơ quan khen thưởng') },
    { yMm: y.title + LINE_MM, pieces: [{ xMm: x.centre, align: 'center', run: run(`IN THỬ CĂN LỀ: độ lệch đang dùng ngang ${s.offsetXMm} mm, dọc ${s.offsetYMm} mm`, { bold: true, size: 12 }) }] },
    { yMm: y.recipient, pieces: cross(x.centre, y.recipient, 'Tên tập thể, cá nhân') },
    { yMm: y.achievement, pieces: cross(x.centre, y.achievement, 'Thành tích') },
    { yMm: y.decision, pieces: [...cross(x.left, y.decision, 'Số, ngày quyết định'), ...cross(x.signature, y.decision, 'Địa danh, ngày')] },
    { yMm: y.goldenBook, pieces: [...cross(x.left, y.goldenBook, 'Số sổ vàng'), ...cross(x.signature, y.goldenBook, 'Chức vụ người ký')] },
    { yMm: y.signerName, pieces: cross(x.signature, y.signerName, 'Người ký') },
  ];
  return { doc: blankDocument(s, placedPage(lines, true)), title: 'Giấy khen - in thử căn lề', fileName: 'giay-khen-in-thu.docx' };
}
