/** Byte-level edits of a zip made by fflate, for tests of damaged and hostile Word packages. */

/** The central directory record of an entry: its offset in the zip. */
export function centralRecord(bytes: Uint8Array, name: string): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = bytes.length - 22;
  while (view.getUint32(end, true) !== 0x06054b50) end--;
  let record = view.getUint32(end + 16, true);
  for (;;) {
    const nameLength = view.getUint16(record + 28, true);
    if (new TextDecoder().decode(bytes.subarray(record + 46, record + 46 + nameLength)) === name) return record;
    record += 46 + nameLength + view.getUint16(record + 30, true) + view.getUint16(record + 32, true);
  }
}

/** A copy whose central directory declares another uncompressed size for an entry (data unchanged). */
export function declareSize(bytes: Uint8Array, name: string, size: number): Uint8Array {
  const copy = bytes.slice();
  new DataView(copy.buffer).setUint32(centralRecord(copy, name) + 24, size, true);
  return copy;
}

/** A copy with an entry's compressed data scrambled. */
export function scrambleEntry(bytes: Uint8Array, name: string): Uint8Array {
  const copy = bytes.slice();
  const view = new DataView(copy.buffer);
  const record = centralRecord(copy, name);
  const compressedSize = view.getUint32(record + 20, true);
  const local = view.getUint32(record + 42, true);
  const dataStart = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  for (let i = dataStart; i < dataStart + compressedSize; i++) copy[i] ^= 0xa5;
  return copy;
}
