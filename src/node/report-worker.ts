/**
 * The report thread: formats the stylish report of a run as the main thread lints it and writes it, on
 * the core that linting leaves idle. The main thread posts each batch of results in their reported order,
 * findings packed (packed-messages.ts), and keeps none of them; then `finish`. The report goes to the
 * `--output-file`, written here, or back to the main thread in chunks for stdout (see report-thread.ts).
 * Loads only the formatter, not the parser or the rules.
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import type { LintResult } from '../core/linter.js';
import type { ReportWriter } from './formatters/types.js';
import { unpackMessages } from './packed-messages.js';
import type { ReportBatch, ReportReply, ReportSetup } from './report-thread.js';

const setup = workerData as ReportSetup;
const port = parentPort!;

/** The report's bytes are gathered into chunks of this size before each write or post. */
const CHUNK = 1024 * 1024;

async function loadWriter(): Promise<ReportWriter> {
  const [{ stylishReport }, { loadDisplayWidth }] = await Promise.all([import('./formatters/stylish.js'), import('./formatters/width.js')]);
  // The columns are measured with string-width.
  await loadDisplayWidth();
  return stylishReport(setup.context);
}

/** Where the report goes: the output file, or the main thread for stdout. */
interface ReportTarget {
  write(bytes: Buffer): void;
  close(): void;
}

/** Opened once the first results arrive: by then the main thread has listed the drafts, and the report is not one of them. */
function openTarget(): ReportTarget {
  const outputFile = setup.outputFile;
  if (outputFile === undefined) {
    return {
      write(bytes) {
        // Transferred with its buffer, not copied: each chunk has a buffer of its own (see flush).
        const reply: ReportReply = { kind: 'bytes', bytes };
        port.postMessage(reply, [bytes.buffer as ArrayBuffer]);
      },
      close() {},
    };
  }
  mkdirSync(dirname(outputFile), { recursive: true });
  const file = openSync(outputFile, 'w');
  return {
    write(bytes) {
      // Synchronous: this thread has nothing else to do meanwhile. A short write is carried on.
      for (let written = 0; written < bytes.length; ) written += writeSync(file, bytes, written);
    },
    close() {
      closeSync(file);
    },
  };
}

let buffer = Buffer.allocUnsafeSlow(CHUNK);
let used = 0;
let target: ReportTarget | undefined;
/** The last byte of the report so far: a report that does not end with a line break gets one (as reportPieces in cli.ts). */
let lastByte = -1;

function flush(): void {
  if (used === 0) return;
  target!.write(buffer.subarray(0, used));
  if (setup.outputFile === undefined) buffer = Buffer.allocUnsafeSlow(CHUNK);
  used = 0;
}

/** Copies the pieces into the chunk as they come: bytes are lent only until the next piece (FormatterOutput). */
function write(pieces: Iterable<string | Uint8Array>): void {
  for (const piece of pieces) {
    if (piece.length === 0) continue;
    // A UTF-16 code unit takes at most three bytes of UTF-8.
    const mostBytes = typeof piece === 'string' ? piece.length * 3 : piece.length;
    if (mostBytes > CHUNK - used) {
      flush();
      if (mostBytes > buffer.length) buffer = Buffer.allocUnsafeSlow(mostBytes);
    }
    if (typeof piece === 'string') used += buffer.write(piece, used);
    else {
      buffer.set(piece, used);
      used += piece.length;
    }
    lastByte = buffer[used - 1];
  }
}

/** Loaded with the first results: a thread stopped unused (see cli.ts) never loads string-width. */
let writerLoaded: Promise<ReportWriter> | undefined;
let failed = false;

// Messages are handled one after another, each once the one before (and the formatter's loading) is done.
let queue: Promise<void> = Promise.resolve();

port.on('message', (message: ReportBatch | 'finish') => {
  queue = queue.then(async () => {
    const writer = await (writerLoaded ??= loadWriter());
    // After a failed write the rest is dropped: the main thread reports the failure once linting is done.
    if (!failed) {
      try {
        target ??= openTarget();
        if (message === 'finish') {
          write(writer.finish());
          if (lastByte !== -1 && lastByte !== 0x0a) write(['\n']);
          flush();
          target.close();
        } else {
          const messages = unpackMessages(message.packed);
          const results: LintResult[] = message.results;
          for (let i = 0; i < results.length; i++) results[i].messages = messages[i];
          write(writer.add(results));
        }
      } catch (error) {
        failed = true;
        const { code, message: text } = error as NodeJS.ErrnoException;
        const reply: ReportReply = { kind: 'failed', code, message: text ?? String(error) };
        port.postMessage(reply);
      }
    }
    if (message === 'finish') {
      const reply: ReportReply = { kind: 'done' };
      port.postMessage(reply);
    }
  });
});
