/** Vietnamese text: tolerant matching keys, collation, and dates as documents write them. */
import type { CalendarDate } from './model';

/** Combining marks that carry a tone (dấu thanh), in dictionary order: huyền, hỏi, ngã, sắc, nặng. */
const TONES = ['\u0300', '\u0309', '\u0303', '\u0301', '\u0323'];
const TONE_RE = /[\u0300\u0309\u0303\u0301\u0323]/g;

/** Codes, headers and names repeat on every row: their keys are worked out once, within a bound. */
function remembered(work: (text: string) => string): (text: string) => string {
  const known = new Map<string, string>();
  return (text) => {
    let result = known.get(text);
    if (result === undefined) {
      if (known.size > 50_000) known.clear();
      result = work(text);
      known.set(text, result);
    }
    return result;
  };
}

/**
 * A key under which two spellings a person reads as the same are equal: case, every space
 * (`thể/Họ` and `thể / Họ`; workbook.md v2), NFC/NFD, and the old and new placement of tone
 * marks (`hoà`/`hòa`, `Uỷ`/`Ủy`).
 */
export const normalizeKey = remembered(foldKey);

// Zero-width spaces and the byte-order mark are not `\s` but are spaces a person cannot see.
const SPACES = /[\s\u200b-\u200d\u2060]+/g;
/** A syllable's vowels with their marks: where the old and new tone placements differ. */
const VOWEL_RUN = /(?:[aeiouy]|[\u0300-\u036f])+/g;

function foldKey(text: string): string {
  return text
    .normalize('NFD')
    .toLowerCase()
    // The tone belongs to the syllable's vowels, not to the letter it sits on (`oà` = `òa`);
    // vowels, not words, so that it holds with the spaces gone too (`ĐềNghị` = `Đề nghị`).
    .replace(VOWEL_RUN, (run) => {
      const tones = run.match(TONE_RE);
      return tones ? run.replace(TONE_RE, '') + tones.join('') : run;
    })
    .replace(SPACES, '');
}

/** The same value written with NFC and single spaces, for display and output. */
export function cleanText(text: string): string {
  const nfc = text.normalize('NFC');
  return /\s\s|[^\S ]|^\s|\s$/.test(nfc) ? nfc.replace(/\s+/g, ' ').trim() : nfc;
}

const ORDER = ' 0123456789aăâbcdđeêfghijklmnoôơpqrstuưvwxyz';
const VOWEL_MARKS: Record<string, Record<string, string>> = {
  '\u0306': { a: 'ă' },
  '\u0302': { a: 'â', e: 'ê', o: 'ô' },
  '\u031b': { o: 'ơ', u: 'ư' },
};

/**
 * A string that sorts as Vietnamese does under plain code-unit comparison: the letters first,
 * each as its place in the alphabet, then (after a separator that sorts before any letter) the
 * tones, which only decide between words of the same letters.
 */
function collationKey(text: string): string {
  let letters = '';
  let tones = '';
  const chars = [...cleanText(text).normalize('NFD').toLowerCase()];
  for (let i = 0; i < chars.length; i++) {
    let letter = chars[i] as string;
    let tone = 0;
    while (i + 1 < chars.length && /[\u0300-\u036f]/.test(chars[i + 1] as string)) {
      const mark = chars[++i] as string;
      const toneIndex = TONES.indexOf(mark);
      if (toneIndex >= 0) tone = toneIndex + 1;
      else letter = VOWEL_MARKS[mark]?.[letter] ?? letter;
    }
    const position = ORDER.indexOf(letter);
    letters += String.fromCharCode(position >= 0 ? 0x100 + position : 0x1000 + (letter.codePointAt(0) ?? 0));
    tones += String.fromCharCode(0x30 + tone);
  }
  return `${letters}\u0000${tones}`;
}

const cachedCollationKey = remembered(collationKey);

/**
 * Vietnamese alphabetical order: letters first (a ă â b c d đ e ê …, so Đ comes after D),
 * then tones (none, huyền, hỏi, ngã, sắc, nặng) only where the letters are the same.
 */
export function compareVietnamese(a: string, b: string): number {
  const ka = cachedCollationKey(a);
  const kb = cachedCollationKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/**
 * Order of people's names as Vietnamese lists are read: by the given name (the last word),
 * then by the whole name.
 */
export function comparePersonNames(a: string, b: string): number {
  const given = (name: string) => cleanText(name).split(' ').pop() ?? '';
  return compareVietnamese(given(a), given(b)) || compareVietnamese(a, b);
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** `dd/mm/yyyy`, as users type dates. */
export function formatDate(date: CalendarDate): string {
  return `${pad2(date.day)}/${pad2(date.month)}/${date.year}`;
}

/**
 * The place-and-date line of a document (Decree 30/2020): a leading zero for days below 10
 * and for months 1 and 2 only — `Hữu Lũng, ngày 05 tháng 01 năm 2023`.
 */
export function documentDate(place: string, date: CalendarDate): string {
  return `${place}, ${documentDay(date)}`;
}

/** The date as documents write it in a sentence: `ngày 05 tháng 01 năm 2023`. */
export function documentDay(date: CalendarDate): string {
  const month = date.month <= 2 ? pad2(date.month) : String(date.month);
  return `ngày ${pad2(date.day)} tháng ${month} năm ${date.year}`;
}

/** Whole days from the epoch, so calendar days compare as numbers. */
export function dayNumber(date: CalendarDate): number {
  return Math.round(Date.UTC(date.year, date.month - 1, date.day) / 86_400_000);
}

/** The date a person reads for a date cell, in the workbook's time zone. */
const dayFormats = new Map<string, Intl.DateTimeFormat>();

export function calendarDateOf(instant: Date, timeZone: string): CalendarDate {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' });
    dayFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(instant);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: part('year'), month: part('month'), day: part('day') };
}

/** Numbers as Vietnamese documents write them: decimal comma, no trailing zeros. */
export function formatNumber(value: number): string {
  return String(Math.round(value * 100) / 100).replace('.', ',');
}
