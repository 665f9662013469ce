/**
 * A report written as lintFiles hands the results over (its `stream` option), on the main thread: each batch is
 * formatted at once and its findings are then garbage, instead of all of them staying alive to the end. Kept
 * alive, every finding of a draft full of them (and its excerpt) was copied twice by the young-generation
 * collector: 2,000 heavy drafts, stylish, ran 1.69 s and peaked at 190 MiB; streamed, 1.57 s and 114 MiB. A worker
 * thread for the formatting was tried first and lost to this: the second core is already busy with V8's compilers
 * and collector, and packing the findings for the thread cost more than it saved (docs/benchmarks.md). JSON, which
 * keeps no excerpts, gained nothing in time (heavy 1.51 s either way, light 0.03 s slower); SARIF names every file's
 * own problems before its first result, so it cannot be written as results arrive.
 */
import { closeSync, mkdirSync, openSync, write } from 'node:fs';
import { dirname } from 'node:path';
import type { LintResult } from '../core/linter.js';
import type { ReportWriter } from './formatters/types.js';

/** The output file could not be opened or written; `code` as in Node's errors. */
export class ReportWriteError extends Error {
  override name = 'ReportWriteError';
  constructor(
    readonly code: string | undefined,
    message: string,
  ) {
    super(message);
  }
}

/** The report's bytes are gathered into chunks of this size, each written (or sent to stdout) whole. */
const CHUNK = 1024 * 1024;

/** `bytes` written to `file` at `position`, however many writes it takes (a full disk, a signal: fewer bytes). */
function writeAt(file: number, bytes: Uint8Array, position: number): Promise<void> {
  return new Promise((resolveWrite, rejectWrite) => {
    const writeFrom = (offset: number): void =>
      write(file, bytes, offset, bytes.length - offset, position + offset, (error, written) => {
        if (error) rejectWrite(error);
        else if (offset + written < bytes.length) writeFrom(offset + written);
        else resolveWrite();
      });
    writeFrom(0);
  });
}

export class StreamedReport {
  private chunk = Buffer.allocUnsafeSlow(CHUNK);
  private used = 0;
  /** The last byte of the report so far: a report that does not end with a line break gets one, as on the other path. */
  private lastByte = -1;
  /** The output file, opened when the first chunk is full or at the end: by then lintFiles has listed the drafts. */
  private file: number | undefined;
  private written = 0;
  /**
   * The writes under way: libuv's threads copy a chunk into the file while this thread formats the next, each at
   * its own position, so their order does not matter.
   */
  private writes: Promise<void>[] = [];
  private failure: ReportWriteError | undefined;

  /** `outputFile` absolute; undefined: the report goes to stdout. */
  constructor(
    private readonly writer: ReportWriter,
    private readonly outputFile: string | undefined,
  ) {}

  /** Results that follow every result added before. */
  add(results: readonly LintResult[]): void {
    this.write(this.writer.add(results));
  }

  /** Writes the end of the report and waits for every write; rejects with ReportWriteError when one failed. */
  async finish(): Promise<void> {
    this.write(this.writer.finish());
    if (this.lastByte !== -1 && this.lastByte !== 0x0a) this.write(['\n']);
    this.flush();
    // An empty report is an empty file, as on the other path.
    if (this.outputFile !== undefined) this.openFile(this.outputFile);
    await Promise.all(this.writes);
    if (this.file !== undefined) closeSync(this.file);
    if (this.failure) throw this.failure;
  }

  /** Copies the pieces into the chunk as they come: bytes are lent only until the next piece (FormatterOutput). */
  private write(pieces: Iterable<string | Uint8Array>): void {
    for (const piece of pieces) {
      if (piece.length === 0) continue;
      // A UTF-16 code unit takes at most three bytes of UTF-8.
      const mostBytes = typeof piece === 'string' ? piece.length * 3 : piece.length;
      if (mostBytes > this.chunk.length - this.used) {
        this.flush();
        if (mostBytes > this.chunk.length) this.chunk = Buffer.allocUnsafeSlow(mostBytes);
      }
      if (typeof piece === 'string') this.used += this.chunk.write(piece, this.used);
      else {
        this.chunk.set(piece, this.used);
        this.used += piece.length;
      }
      this.lastByte = this.chunk[this.used - 1];
    }
  }

  /** Hands the chunk on and starts a new one: a chunk being written is never written over. */
  private flush(): void {
    if (this.used === 0) return;
    const bytes = this.chunk.subarray(0, this.used);
    this.chunk = Buffer.allocUnsafeSlow(CHUNK);
    this.used = 0;
    // After a failure the rest is dropped: finish reports it once linting is done.
    if (this.failure) return;
    if (this.outputFile === undefined) {
      process.stdout.write(bytes);
      return;
    }
    const file = this.openFile(this.outputFile);
    if (file === undefined) return;
    // Caught at once: a write that fails while linting goes on must not be an unhandled rejection.
    this.writes.push(writeAt(file, bytes, this.written).catch((error: unknown) => this.fail(error)));
    this.written += bytes.length;
  }

  /** The output file, opened (and its folder made) the first time; undefined after a failure. */
  private openFile(outputFile: string): number | undefined {
    if (this.file === undefined && this.failure === undefined) {
      try {
        mkdirSync(dirname(outputFile), { recursive: true });
        this.file = openSync(outputFile, 'w');
      } catch (error) {
        this.fail(error);
      }
    }
    return this.file;
  }

  private fail(error: unknown): void {
    const { code, message } = error as NodeJS.ErrnoException;
    this.failure ??= new ReportWriteError(code, message ?? String(error));
  }
}
