/**
 * The few zip operations an `.xlsx` needs: list the entries, inflate one (whole with Node's zlib,
 * or piece by piece with fflate under a size cap), and write a package that copies every untouched entry byte for byte (its compressed
 * record and directory record as they were) and adds or replaces the others.
 */
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { Inflate } from 'fflate';

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  size: number;
  /** The entry's central directory record, as found. */
  central: Uint8Array;
  /** The local header, data and data descriptor, as found. */
  local: Uint8Array;
  /** Where the compressed data starts inside `local`. */
  dataStart: number;
}

/** Not a zip, a damaged one, or one this reader does not handle (ZIP64, encryption). */
export class BadZip extends Error {
  override name = 'BadZip';
}

const u16 = (b: Uint8Array, at: number) => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, at: number) => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;

function endOfDirectory(bytes: Uint8Array): number {
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (u32(bytes, at) === 0x06054b50) return at;
  }
  throw new BadZip('no end of central directory');
}

/** The entries of a zip, in directory order. */
export function readZip(bytes: Uint8Array): ZipEntry[] {
  const end = endOfDirectory(bytes);
  const count = u16(bytes, end + 10);
  let at = u32(bytes, end + 16);
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (u32(bytes, at) !== 0x02014b50) throw new BadZip('bad central directory');
    const flags = u16(bytes, at + 8);
    const compressedSize = u32(bytes, at + 20);
    const size = u32(bytes, at + 24);
    const nameLength = u16(bytes, at + 28);
    const centralLength = 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
    const offset = u32(bytes, at + 42);
    if (flags & 1) throw new BadZip('encrypted entry');
    if (compressedSize === 0xffffffff || size === 0xffffffff || offset === 0xffffffff) throw new BadZip('zip64');
    if (u32(bytes, offset) !== 0x04034b50) throw new BadZip('bad local header');
    const dataStart = 30 + u16(bytes, offset + 26) + u16(bytes, offset + 28);
    let localLength = dataStart + compressedSize;
    if (flags & 8) localLength += u32(bytes, offset + localLength) === 0x08074b50 ? 16 : 12;
    if (offset + localLength > bytes.length) throw new BadZip('cut off');
    entries.push({
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: u16(bytes, at + 10),
      compressedSize,
      size,
      central: bytes.subarray(at, at + centralLength),
      local: bytes.subarray(offset, offset + localLength),
      dataStart,
    });
    at += centralLength;
  }
  return entries;
}

/** Most bytes `entryBytes` inflates: it is for the small parts (the workbook, its styles). */
const WHOLE_ENTRY_BYTES = 256 * 1024 * 1024;

/** The entry's uncompressed bytes. */
export function entryBytes(entry: ZipEntry): Uint8Array {
  const data = entry.local.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  if (entry.method === 0) return data;
  if (entry.method !== 8) throw new BadZip(`compression method ${entry.method}`);
  try {
    return inflateRawSync(data, { maxOutputLength: WHOLE_ENTRY_BYTES });
  } catch {
    throw new BadZip('bad deflate data');
  }
}

/**
 * Inflates an entry piece by piece, handing each piece to `onChunk`; stops with `TooLarge`
 * once more than `maxBytes` came out, whatever size the directory claimed.
 */
export function streamEntry(entry: ZipEntry, maxBytes: number, onChunk: (chunk: Uint8Array) => void): void {
  const data = entry.local.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  let total = 0;
  let theirs: unknown;
  const take = (chunk: Uint8Array) => {
    total += chunk.length;
    try {
      if (total > maxBytes) throw new TooLarge(entry.name);
      onChunk(chunk);
    } catch (error) {
      theirs = error;
      throw error;
    }
  };
  if (entry.method === 0) return take(data);
  if (entry.method !== 8) throw new BadZip(`compression method ${entry.method}`);
  const inflate = new Inflate(take);
  const step = 1 << 20;
  try {
    for (let at = 0; at < data.length; at += step) inflate.push(data.subarray(at, at + step), at + step >= data.length);
  } catch (error) {
    // The caller's own error (or TooLarge) passes; anything else is fflate saying the data is bad.
    if (theirs !== undefined) throw theirs;
    throw new BadZip(error instanceof Error ? error.message : 'bad deflate data');
  }
}

/** An entry inflates to more than the reader allows. */
export class TooLarge extends Error {
  override name = 'TooLarge';
}

/** New bytes, compressed once (a part shared by many files is packed once and reused). */
export interface PackedEntry {
  name: string;
  size: number;
  crc: number;
  /** The bytes as stored: deflated, or as they are when `stored`. */
  deflated: Uint8Array;
  stored?: boolean;
}

/** An entry of a package being written: one copied as found, new bytes, or new bytes already packed. */
export type OutEntry = ZipEntry | PackedEntry | { name: string; data: Uint8Array };

/** DOS date and time of 1980-01-01 00:00: new entries carry no clock, so equal inputs give equal files. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

/**
 * Deflates with Node's native zlib (several times faster than a JavaScript deflate). Level 0
 * stores the bytes as they are: for a small part that changes in every file, deflating saves a
 * few hundred bytes and costs a zlib stream's setup, a fifth of a document's packing time.
 */
export function pack(name: string, data: Uint8Array, level = 6): PackedEntry {
  const crc = crc32(data);
  return level ? { name, size: data.length, crc, deflated: deflateRawSync(data, { level }) } : { name, size: data.length, crc, deflated: data, stored: true };
}

/** Writes a zip: copied entries keep their records byte for byte, new ones are deflated. */
export function writeZip(entries: OutEntry[]): Uint8Array {
  // Local records as pieces (a new entry's header, then its data as deflated): copied once, into the result.
  const pieces: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  const encoder = new TextEncoder();
  for (const entry of entries) {
    let localSize: number;
    let central: Uint8Array;
    if ('central' in entry) {
      pieces.push(entry.local);
      localSize = entry.local.length;
      central = Uint8Array.from(entry.central);
    } else {
      const packed = 'deflated' in entry ? entry : pack(entry.name, entry.data);
      const name = encoder.encode(entry.name);
      const data = packed.deflated;
      const header = new Uint8Array(30 + name.length);
      const l = new DataView(header.buffer);
      l.setUint32(0, 0x04034b50, true);
      l.setUint16(4, 20, true);
      l.setUint16(6, 0x0800, true); // names in UTF-8
      l.setUint16(8, packed.stored ? 0 : 8, true);
      l.setUint16(10, 0, true);
      l.setUint16(12, DOS_DATE, true);
      l.setUint32(14, packed.crc, true);
      l.setUint32(18, data.length, true);
      l.setUint32(22, packed.size, true);
      l.setUint16(26, name.length, true);
      header.set(name, 30);
      pieces.push(header, data);
      localSize = header.length + data.length;
      central = new Uint8Array(46 + name.length);
      const c = new DataView(central.buffer);
      c.setUint32(0, 0x02014b50, true);
      c.setUint16(4, 20, true);
      c.setUint16(6, 20, true);
      central.set(header.subarray(6, 30), 8);
      central.set(name, 46);
    }
    new DataView(central.buffer, central.byteOffset).setUint32(42, offset, true);
    centrals.push(central);
    offset += localSize;
  }
  const directorySize = centrals.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const e = new DataView(end.buffer);
  e.setUint32(0, 0x06054b50, true);
  e.setUint16(8, entries.length, true);
  e.setUint16(10, entries.length, true);
  e.setUint32(12, directorySize, true);
  e.setUint32(16, offset, true);
  const out = new Uint8Array(offset + directorySize + 22);
  let at = 0;
  for (const part of [...pieces, ...centrals, end]) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
