/**
 * A report written as lintFiles hands the results over (its `stream` option), on the main thread: each batch is
 * formatted at once and its findings are then garbage, instead of all of them staying alive to the end. Kept
 * alive, every finding of a draft full of them (and its excerpt) was copied twice by the young-generation
 * collector: 2,000 heavy drafts, stylish, ran 1.69 s and peaked at 190 MiB; streamed, 1.57 s and 114 MiB. A worker
 * thread for the formatting was tried first and lost to this: the second core is already busy with V8's compilers
 * and collector, and packing the findings for the thread cost more than it saved (docs/benchmarks.md). JSON, which
 * keeps no excerpts, gained nothing in time (heavy 1.51 s either way, light 0.02 s slower) and is written at the end.
 * SARIF names every file and every file's own problem before its first result: its start is written from what is
 * known before linting and written again when that proves wrong (sarifReport's correction), so only to a file.
 */
import { closeSync, open, openSync, readSync, renameSync, rmSync, write, writeSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { LintResult } from '../core/linter.js';
import type { StreamedSarif } from './formatters/sarif.js';
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

/** `path` opened for writing, emptied, on libuv's threads. */
function openFile(path: string): Promise<number> {
  return new Promise((resolveOpen, rejectOpen) => open(path, 'w', (error, file) => (error ? rejectOpen(error) : resolveOpen(file))));
}

/** All of `bytes` written to `file` where it stands. */
function writeAll(file: number, bytes: Uint8Array): void {
  for (let written = 0; written < bytes.length; ) written += writeSync(file, bytes, written);
}

export class StreamedReport {
  private chunk = Buffer.allocUnsafeSlow(CHUNK);
  private used = 0;
  /** The last byte of the report so far: a report that does not end with a line break gets one, as on the other path. */
  private lastByte = -1;
  /**
   * The output file, opened by libuv's threads from the start: truncating the last report (150 MB of SARIF) took
   * the main thread 7–30 ms. Made once lintFiles has listed the drafts (the report is none of them).
   */
  private readonly file: Promise<number> | undefined;
  private written = 0;
  /**
   * The writes under way: libuv's threads copy a chunk into the file while this thread formats the next, each at
   * its own position, so their order does not matter.
   */
  private writes: Promise<void>[] = [];
  private failure: ReportWriteError | undefined;

  /** `outputFile` absolute; undefined: the report goes to stdout. */
  constructor(
    private readonly writer: ReportWriter | StreamedSarif,
    private readonly outputFile: string | undefined,
  ) {
    if (outputFile === undefined) return;
    this.file = mkdir(dirname(outputFile), { recursive: true }).then(() => openFile(outputFile));
    // Caught at once: a failure is reported by finish, once linting is done, not as an unhandled rejection.
    this.file.catch((error: unknown) => this.fail(error));
  }

  /** Results that follow every result added before. */
  add(results: readonly LintResult[]): void {
    this.write(this.writer.add(results));
  }

  /** Writes the end of the report and waits for every write; rejects with ReportWriteError when one failed. */
  async finish(): Promise<void> {
    this.write(this.writer.finish());
    if (this.lastByte !== -1 && this.lastByte !== 0x0a) this.write(['\n']);
    this.flush();
    await Promise.all(this.writes);
    // An empty report is an empty file, as on the other path.
    const file = await this.file?.catch(() => undefined);
    if (file !== undefined) closeSync(file);
    if (this.failure) throw this.failure;
    if ('correction' in this.writer && this.outputFile !== undefined) this.correctStart(this.writer, this.outputFile);
  }

  /**
   * A SARIF log whose start, written first, turned out wrong (a file unreadable or skipped): the file is written
   * again with the right start before the results. Rare, and the price of writing the results as they come.
   */
  private correctStart(writer: StreamedSarif, outputFile: string): void {
    const correction = writer.correction();
    if (correction === undefined) return;
    // Copied a chunk at a time into a file beside it, which then takes its place: the results may be 150 MB.
    const copyPath = `${outputFile}.${process.pid}.tmp`;
    try {
      const from = openSync(outputFile, 'r');
      const to = openSync(copyPath, 'w');
      try {
        writeAll(to, Buffer.from(correction.start));
        const chunk = Buffer.allocUnsafeSlow(CHUNK);
        for (let position = correction.writtenBytes; ; ) {
          const read = readSync(from, chunk, 0, chunk.length, position);
          if (read === 0) break;
          writeAll(to, chunk.subarray(0, read));
          position += read;
        }
      } finally {
        closeSync(from);
        closeSync(to);
      }
      renameSync(copyPath, outputFile);
    } catch (error) {
      rmSync(copyPath, { force: true });
      this.fail(error);
      throw this.failure;
    }
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
    const opened = this.file;
    if (opened === undefined) {
      process.stdout.write(bytes);
      return;
    }
    const at = this.written;
    this.written += bytes.length;
    // Caught at once: a write that fails while linting goes on must not be an unhandled rejection.
    this.writes.push(opened.then((file) => writeAt(file, bytes, at)).catch((error: unknown) => this.fail(error)));
  }

  private fail(error: unknown): void {
    const { code, message } = error as NodeJS.ErrnoException;
    this.failure ??= new ReportWriteError(code, message ?? String(error));
  }
}
