/**
 * A report built as UTF-8 bytes (see FormatterOutput): a report of mostly fixed text, written straight into
 * a buffer, is never a string joined and then encoded.
 */

import { UNKNOWN_WIDTH, widthTable } from './width.js';

const utf8 = new TextEncoder();

const fillBytes = Uint8Array.prototype.fill;

/** A fixed piece of a report as UTF-8. */
export function utf8Bytes(text: string): Uint8Array {
  return utf8.encode(text);
}

/**
 * Bytes added piece by piece into a buffer that grows and is used again for the next piece of the report
 * (a fresh buffer each time kept some 20 MiB more in memory, waiting for the collector). Not zeroed: every
 * byte handed over has been written.
 */
export class ByteBuilder {
  private bytes = Buffer.allocUnsafeSlow(64 * 1024);
  private used = 0;

  private reserve(length: number): void {
    if (this.used + length <= this.bytes.length) return;
    const grown = Buffer.allocUnsafeSlow(Math.max(this.bytes.length * 2, this.used + length));
    this.bytes.copy(grown, 0, 0, this.used);
    this.bytes = grown;
  }

  add(piece: Uint8Array): void {
    this.reserve(piece.length);
    this.bytes.set(piece, this.used);
    this.used += piece.length;
  }

  /** A text, encoded as UTF-8 (at most three bytes a UTF-16 code unit). */
  addText(text: string): void {
    this.reserve(text.length * 3);
    this.used += this.bytes.write(text, this.used);
  }

  /**
   * The code units of `text` from `from` to `to` as UTF-8, measured on the way by the width table (widthTable):
   * their display width, or -1 at the first code unit the table does not know, with the bytes so far left written
   * (the caller takes them back with truncate). A code unit the table knows is never a surrogate. One pass where
   * measuring, then Buffer#write, took two, and Buffer#write checks its arguments in JavaScript on every call.
   */
  addMeasuredUtf8(text: string, from: number, to: number): number {
    this.reserve((to - from) * 3);
    const widths = widthTable();
    const bytes = this.bytes;
    let at = this.used;
    let width = 0;
    for (let i = from; i < to; i++) {
      const code = text.charCodeAt(i);
      const codeWidth = widths[code];
      if (codeWidth === UNKNOWN_WIDTH) {
        this.used = at;
        return -1;
      }
      width += codeWidth;
      if (code < 0x80) {
        bytes[at++] = code;
      } else if (code < 0x800) {
        bytes[at++] = 0xc0 | (code >> 6);
        bytes[at++] = 0x80 | (code & 0x3f);
      } else {
        bytes[at++] = 0xe0 | (code >> 12);
        bytes[at++] = 0x80 | ((code >> 6) & 0x3f);
        bytes[at++] = 0x80 | (code & 0x3f);
      }
    }
    this.used = at;
    return width;
  }

  /** Takes back what was added since the builder held `length` bytes. */
  truncate(length: number): void {
    if (length < this.used) this.used = length;
  }

  /** One ASCII byte (a line break, a colon). */
  addByte(byte: number): void {
    this.reserve(1);
    this.bytes[this.used++] = byte;
  }

  /** `count` copies of one ASCII byte (padding spaces, a marker's carets); nothing for a count below 1. */
  addRepeated(byte: number, count: number): void {
    if (count <= 0) return;
    this.reserve(count);
    // The typed array's own fill: Buffer's checks its arguments in JavaScript first; a loop was slow until optimised.
    fillBytes.call(this.bytes, byte, this.used, this.used + count);
    this.used += count;
  }

  /** A number as JSON.stringify writes it: digits written directly when it is a whole number from 0. */
  addInteger(value: number): void {
    if (!Number.isSafeInteger(value) || value < 0) {
      this.addText(JSON.stringify(value));
      return;
    }
    this.reserve(16);
    let digits = 1;
    for (let rest = value; rest >= 10; rest = Math.floor(rest / 10)) digits++;
    let rest = value;
    for (let at = this.used + digits - 1; at >= this.used; at--) {
      this.bytes[at] = 48 + (rest % 10);
      rest = Math.floor(rest / 10);
    }
    this.used += digits;
  }

  get length(): number {
    return this.used;
  }

  /**
   * The bytes added, lent as a report piece (see FormatterOutput): valid until the next piece is asked
   * for, when the builder, cleared, writes over them. No copy and no buffer per piece left to the collector
   * (a copy per piece cost 20–35 ms sampled and some 30 MiB of peak memory on the heavy corpus's stylish report).
   */
  lend(): Uint8Array {
    const lent = this.bytes.subarray(0, this.used);
    this.used = 0;
    return lent;
  }
}
