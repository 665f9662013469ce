/**
 * Rewrites a zip package with some entries replaced or added and every other entry copied as it was: its
 * local header, compressed data and data descriptor byte for byte, and its central directory record with
 * only the offset changed. fflate can inflate and deflate but not copy an entry raw, so the zip structure is
 * read here (APPNOTE.TXT 4.3). Zip64 packages are refused: a Word draft never needs one, and copying one
 * would mean rewriting its extra fields too.
 */
import { deflateSync } from 'fflate';
import { DocxError } from './errors.js';

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const END_RECORD_SIZE = 22;
const CENTRAL_RECORD_SIZE = 46;
const LOCAL_RECORD_SIZE = 30;
/** General purpose flag bit: the name is UTF-8. A replaced entry keeps only this bit (no data descriptor). */
const FLAG_UTF8 = 0x0800;
const METHOD_DEFLATE = 8;

/** One entry as it stands in the package. */
export interface ZipEntry {
  readonly name: string;
  /** The raw central directory record (header, name, extra field, comment). */
  readonly centralRecord: Uint8Array;
  /** The raw local record: header, name, extra field, compressed data and data descriptor if any. */
  readonly localRecord: Uint8Array;
  readonly localOffset: number;
}

export interface ZipDirectory {
  /** In central directory order. */
  readonly entries: readonly ZipEntry[];
  /** The end record's archive comment, kept when rewriting. */
  readonly comment: Uint8Array;
}

function corrupt(reason: string): DocxError {
  return new DocxError('corrupt', `.docx 压缩包已损坏或不完整，无法写回（${reason}）`);
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function findEndRecord(bytes: Uint8Array, data: DataView): number {
  // The end record is last, followed only by its comment (at most 65,535 bytes).
  const lowest = Math.max(0, bytes.length - END_RECORD_SIZE - 0xffff);
  for (let offset = bytes.length - END_RECORD_SIZE; offset >= lowest; offset--) {
    if (data.getUint32(offset, true) === END_OF_CENTRAL_DIRECTORY && offset + END_RECORD_SIZE + data.getUint16(offset + 20, true) === bytes.length) {
      return offset;
    }
  }
  throw corrupt('找不到中央目录');
}

function refuseZip64(): DocxError {
  return new DocxError('unsupported', '这是 Zip64 格式的压缩包（超过 4 GB 或 65,535 个条目），不像 Word 文档，无法写回');
}

const utf8 = new TextDecoder('utf-8');

/**
 * A plain Uint8Array over the same memory: Node's Buffer (a subclass) makes `slice` a view, and the
 * records copied below must be copies.
 */
function plain(bytes: Uint8Array): Uint8Array {
  return Object.getPrototypeOf(bytes) === Uint8Array.prototype ? bytes : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Reads the central directory and locates every entry's local record. Throws DocxError. */
export function readZipDirectory(input: Uint8Array): ZipDirectory {
  const bytes = plain(input);
  const data = view(bytes);
  if (bytes.length < END_RECORD_SIZE) throw corrupt('文件过短');
  const end = findEndRecord(bytes, data);
  if (end >= 20 && data.getUint32(end - 20, true) === ZIP64_LOCATOR) throw refuseZip64();
  const count = data.getUint16(end + 10, true);
  const centralSize = data.getUint32(end + 12, true);
  const centralOffset = data.getUint32(end + 16, true);
  if (data.getUint16(end + 4, true) !== 0 || data.getUint16(end + 6, true) !== 0 || data.getUint16(end + 8, true) !== count) {
    throw corrupt('分卷压缩包');
  }
  if (count === 0xffff || centralSize === 0xffffffff || centralOffset === 0xffffffff) throw refuseZip64();
  if (centralOffset + centralSize > end) throw corrupt('中央目录越界');

  const located: { name: string; centralRecord: Uint8Array; localOffset: number; compressedSize: number }[] = [];
  let cursor = centralOffset;
  for (let i = 0; i < count; i++) {
    if (cursor + CENTRAL_RECORD_SIZE > end || data.getUint32(cursor, true) !== CENTRAL_HEADER) throw corrupt('中央目录记录无效');
    const compressedSize = data.getUint32(cursor + 20, true);
    const size = data.getUint32(cursor + 24, true);
    const localOffset = data.getUint32(cursor + 42, true);
    if (compressedSize === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff) throw refuseZip64();
    const recordEnd = cursor + CENTRAL_RECORD_SIZE + data.getUint16(cursor + 28, true) + data.getUint16(cursor + 30, true) + data.getUint16(cursor + 32, true);
    if (recordEnd > end) throw corrupt('中央目录记录越界');
    const name = utf8.decode(bytes.subarray(cursor + CENTRAL_RECORD_SIZE, cursor + CENTRAL_RECORD_SIZE + data.getUint16(cursor + 28, true)));
    located.push({ name, centralRecord: bytes.subarray(cursor, recordEnd), localOffset, compressedSize });
    cursor = recordEnd;
  }

  // A local record runs up to the next one (or to the central directory): that takes in its data
  // descriptor, whatever form it has, without parsing it.
  const byOffset = [...located].sort((a, b) => a.localOffset - b.localOffset);
  const recordEnds = new Map<number, number>();
  byOffset.forEach((entry, i) => recordEnds.set(entry.localOffset, i + 1 < byOffset.length ? byOffset[i + 1].localOffset : centralOffset));
  const entries = located.map((entry): ZipEntry => {
    const { localOffset } = entry;
    const recordEnd = recordEnds.get(localOffset) ?? centralOffset;
    if (localOffset + LOCAL_RECORD_SIZE > recordEnd || data.getUint32(localOffset, true) !== LOCAL_HEADER) {
      throw corrupt(`条目 ${entry.name} 的本地头无效`);
    }
    const dataStart = localOffset + LOCAL_RECORD_SIZE + data.getUint16(localOffset + 26, true) + data.getUint16(localOffset + 28, true);
    if (dataStart + entry.compressedSize > recordEnd) throw corrupt(`条目 ${entry.name} 的数据越界`);
    return { name: entry.name, centralRecord: entry.centralRecord, localRecord: bytes.subarray(localOffset, recordEnd), localOffset };
  });
  if (new Set(entries.map((entry) => entry.localOffset)).size !== entries.length) throw corrupt('两个条目指向同一数据');
  return { entries, comment: bytes.subarray(end + END_RECORD_SIZE) };
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 as zip stores it (IEEE polynomial, reflected). */
export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = CRC_TABLE[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

const encoder = new TextEncoder();

function isAscii(name: string): boolean {
  return /^[\x20-\x7e]*$/.test(name);
}

/** A replaced entry keeps its name bytes, times, attributes and extra fields; flags, method, CRC and sizes are new. */
function replacedRecords(entry: ZipEntry, content: Uint8Array): { local: Uint8Array; central: Uint8Array } {
  const compressed = deflateSync(content, { level: 6 });
  const crc = crc32(content);
  const oldLocal = view(entry.localRecord);
  const localHeaderLength = LOCAL_RECORD_SIZE + oldLocal.getUint16(26, true) + oldLocal.getUint16(28, true);
  const local = new Uint8Array(localHeaderLength + compressed.length);
  local.set(entry.localRecord.subarray(0, localHeaderLength));
  local.set(compressed, localHeaderLength);
  const localView = view(local);
  const flags = oldLocal.getUint16(6, true) & FLAG_UTF8;
  localView.setUint16(6, flags, true);
  localView.setUint16(8, METHOD_DEFLATE, true);
  localView.setUint32(14, crc, true);
  localView.setUint32(18, compressed.length, true);
  localView.setUint32(22, content.length, true);

  const central = entry.centralRecord.slice();
  const centralView = view(central);
  centralView.setUint16(8, (centralView.getUint16(8, true) & FLAG_UTF8) | flags, true);
  centralView.setUint16(10, METHOD_DEFLATE, true);
  centralView.setUint32(16, crc, true);
  centralView.setUint32(20, compressed.length, true);
  centralView.setUint32(24, content.length, true);
  return { local, central };
}

/** A new entry, dated like `template` (the package's own convention, often 1980-01-01). */
function newRecords(name: string, content: Uint8Array, template: ZipEntry | undefined): { local: Uint8Array; central: Uint8Array } {
  const nameBytes = encoder.encode(name);
  const compressed = deflateSync(content, { level: 6 });
  const crc = crc32(content);
  const templateView = template ? view(template.centralRecord) : undefined;
  const time = templateView?.getUint16(12, true) ?? 0;
  const date = templateView?.getUint16(14, true) ?? 0x21; // 1980-01-01
  const flags = isAscii(name) ? 0 : FLAG_UTF8;

  const local = new Uint8Array(LOCAL_RECORD_SIZE + nameBytes.length + compressed.length);
  const localView = view(local);
  localView.setUint32(0, LOCAL_HEADER, true);
  localView.setUint16(4, 20, true);
  localView.setUint16(6, flags, true);
  localView.setUint16(8, METHOD_DEFLATE, true);
  localView.setUint16(10, time, true);
  localView.setUint16(12, date, true);
  localView.setUint32(14, crc, true);
  localView.setUint32(18, compressed.length, true);
  localView.setUint32(22, content.length, true);
  localView.setUint16(26, nameBytes.length, true);
  local.set(nameBytes, LOCAL_RECORD_SIZE);
  local.set(compressed, LOCAL_RECORD_SIZE + nameBytes.length);

  const central = new Uint8Array(CENTRAL_RECORD_SIZE + nameBytes.length);
  const centralView = view(central);
  centralView.setUint32(0, CENTRAL_HEADER, true);
  centralView.setUint16(4, 20, true);
  centralView.setUint16(6, 20, true);
  centralView.setUint16(8, flags, true);
  centralView.setUint16(10, METHOD_DEFLATE, true);
  centralView.setUint16(12, time, true);
  centralView.setUint16(14, date, true);
  centralView.setUint32(16, crc, true);
  centralView.setUint32(20, compressed.length, true);
  centralView.setUint32(24, content.length, true);
  centralView.setUint16(28, nameBytes.length, true);
  central.set(nameBytes, CENTRAL_RECORD_SIZE);
  return { local, central };
}

export interface ZipChanges {
  /** New contents of existing entries, by name. */
  readonly replace?: ReadonlyMap<string, Uint8Array>;
  /** Entries to add after the existing ones, in this order. */
  readonly add?: ReadonlyArray<{ readonly name: string; readonly content: Uint8Array; readonly datedLike?: string }>;
}

/**
 * Writes the package anew: entries in their original order (local records in their original layout order,
 * central records in the directory's order), unchanged entries copied byte for byte with only their offset
 * updated, replaced entries deflated anew, added entries at the end. The archive comment is kept.
 */
export function rewriteZip(bytes: Uint8Array, changes: ZipChanges): Uint8Array {
  const directory = readZipDirectory(plain(bytes));
  const replace = changes.replace ?? new Map<string, Uint8Array>();
  const names = new Set(directory.entries.map((entry) => entry.name));
  for (const name of replace.keys()) if (!names.has(name)) throw new Error(`rewriteZip: no entry ${name} to replace`);
  for (const { name } of changes.add ?? []) if (names.has(name)) throw new Error(`rewriteZip: entry ${name} exists already`);

  const records = new Map<ZipEntry, { local: Uint8Array; central: Uint8Array }>();
  for (const entry of directory.entries) {
    const content = replace.get(entry.name);
    records.set(entry, content === undefined ? { local: entry.localRecord, central: entry.centralRecord } : replacedRecords(entry, content));
  }
  const added = (changes.add ?? []).map(({ name, content, datedLike }) =>
    newRecords(name, content, directory.entries.find((entry) => entry.name === datedLike) ?? directory.entries[0]),
  );

  const layout = [...directory.entries].sort((a, b) => a.localOffset - b.localOffset);
  const newOffsets = new Map<ZipEntry, number>();
  const chunks: Uint8Array[] = [];
  let offset = 0;
  for (const entry of layout) {
    const record = records.get(entry);
    if (!record) continue;
    newOffsets.set(entry, offset);
    chunks.push(record.local);
    offset += record.local.length;
  }
  const addedOffsets: number[] = [];
  for (const record of added) {
    addedOffsets.push(offset);
    chunks.push(record.local);
    offset += record.local.length;
  }
  if (offset > 0xfffffffe) throw refuseZip64();

  const centralOffset = offset;
  const centralRecords: Uint8Array[] = [];
  for (const entry of directory.entries) {
    const record = records.get(entry);
    if (!record) continue;
    const central = record.central === entry.centralRecord ? entry.centralRecord.slice() : record.central;
    view(central).setUint32(42, newOffsets.get(entry) ?? 0, true);
    centralRecords.push(central);
  }
  added.forEach((record, i) => {
    view(record.central).setUint32(42, addedOffsets[i], true);
    centralRecords.push(record.central);
  });
  for (const central of centralRecords) {
    chunks.push(central);
    offset += central.length;
  }
  const count = centralRecords.length;
  if (count >= 0xffff) throw refuseZip64();

  const endRecord = new Uint8Array(END_RECORD_SIZE + directory.comment.length);
  const endView = view(endRecord);
  endView.setUint32(0, END_OF_CENTRAL_DIRECTORY, true);
  endView.setUint16(8, count, true);
  endView.setUint16(10, count, true);
  endView.setUint32(12, offset - centralOffset, true);
  endView.setUint32(16, centralOffset, true);
  endView.setUint16(20, directory.comment.length, true);
  endRecord.set(directory.comment, END_RECORD_SIZE);
  chunks.push(endRecord);

  const output = new Uint8Array(offset + endRecord.length);
  let position = 0;
  for (const chunk of chunks) {
    output.set(chunk, position);
    position += chunk.length;
  }
  return output;
}
