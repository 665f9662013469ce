/**
 * A report built as UTF-8 bytes (see FormatterOutput): a report of mostly fixed text, written straight into
 * a buffer, is never a string joined and then encoded.
 */

const utf8 = new TextEncoder();

/** A fixed piece of a report as UTF-8. */
export function utf8Bytes(text: string): Uint8Array {
  return utf8.encode(text);
}

/**
 * Bytes added piece by piece into a buffer that grows and is used again for the next piece of the report:
 * what is handed over is a copy the size of the bytes written (a fresh buffer each time kept some 20 MiB
 * more in memory, waiting for the collector). Not zeroed: every byte handed over has been written.
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

  /** A copy of the bytes added, which are then cleared for the next piece. */
  take(): Uint8Array {
    const taken = Buffer.from(this.bytes.subarray(0, this.used));
    this.used = 0;
    return taken;
  }
}
