/**
 * File names of the dossier documents, the same in the add-on (Drive titles) and the command
 * line (files): safe on Windows, macOS and Linux, at most MAX_NAME_BYTES in UTF-8, unique within
 * one run ignoring case. Every name is computed in one pass over its text: a disambiguating
 * suffix is reserved before the text is shortened, so it is never cut off again.
 */

/** Longest file name in UTF-8 bytes, extension included (most file systems allow 255). */
export const MAX_NAME_BYTES = 180;

const ELLIPSIS = '…';

/** UTF-8 length of one code point (no TextEncoder: Apps Script lacks it). */
const bytesOf = (code: number) => (code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4);

export const utf8Length = (text: string) => {
  let n = 0;
  for (const ch of text) n += bytesOf(ch.codePointAt(0) ?? 0);
  return n;
};

/** Windows refuses these as a name before the first dot, whatever the extension. */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

/** NFC, no `/\:*?"<>|` or control characters, one space between words. */
function clean(text: string): string {
  return (
    text
      .normalize('NFC')
      // eslint-disable-next-line no-control-regex
      .replace(/[/\\:*?"<>|\u0000-\u001f\u007f]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** The longest start of `text` within `budget` bytes, ending in `…` when cut; one pass. */
function shorten(text: string, budget: number): string {
  if (utf8Length(text) <= budget) return text;
  const room = budget - utf8Length(ELLIPSIS);
  let used = 0;
  let end = 0;
  for (const ch of text) {
    const size = bytesOf(ch.codePointAt(0) ?? 0);
    if (used + size > room) break;
    used += size;
    end += ch.length;
  }
  return `${text.slice(0, end).replace(/[. ]+$/, '')}${ELLIPSIS}`;
}

/** No trailing dot or space (Windows drops them), never empty, never a device name. */
function finish(stem: string): string {
  const name = stem.replace(/[. ]+$/, '') || 'tai-lieu';
  return RESERVED.test(name.split('.')[0] ?? '') ? `_${name}` : name;
}

/**
 * A file name safe on every file system: Vietnamese letters kept, `suffix` (a disambiguation
 * such as ` (2)`) and `extension` kept whole, the base shortened to fit MAX_NAME_BYTES.
 */
export function safeFileName(base: string, extension = '.docx', suffix = ''): string {
  const budget = MAX_NAME_BYTES - utf8Length(extension) - utf8Length(suffix) - 1; // 1: room for a `_` before a device name
  return `${finish(`${shorten(clean(base), budget)}${suffix}`)}${extension}`;
}

/**
 * Hands out names unique ignoring case (file systems may ignore it). A name already taken gets
 * ` (hàng R)` when it names a row, else ` (2)`, ` (3)`…; each base remembers its next number,
 * so a run of equal names costs one try each.
 */
export class UniqueNames {
  private readonly taken = new Set<string>();
  private readonly next = new Map<string, number>();

  constructor(private readonly extension = '.docx') {}

  take(wanted: string, row?: number): string {
    const key = (name: string) => name.toLowerCase();
    let name = safeFileName(wanted, this.extension);
    if (this.taken.has(key(name)) && row !== undefined) name = safeFileName(wanted, this.extension, ` (hàng ${row})`);
    if (this.taken.has(key(name))) {
      const base = key(name);
      let i = this.next.get(base) ?? 2;
      do name = safeFileName(wanted, this.extension, row === undefined ? ` (${i++})` : ` (hàng ${row}) ${i++}`);
      while (this.taken.has(key(name)));
      this.next.set(base, i);
    }
    this.taken.add(key(name));
    return name;
  }
}
