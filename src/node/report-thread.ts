/**
 * The main thread's side of the report thread (report-worker.ts): results go to it in batches, their
 * findings packed, as lintFiles hands them over, so that the main thread keeps none of them alive (its
 * collector copied every surviving finding twice) and the formatting runs on the core linting leaves idle.
 *
 * Only the stylish report is written so, whose excerpts made keeping every finding to the end cost most. JSON
 * gained nothing on the heavy corpus (1.51 s against 1.50 s) and lost on the light one (0.93 s against 0.86 s);
 * SARIF lists every file and every file's own problem before its first result, so it could only be written at
 * the end (held in the thread: 0.25 s slower, 210 MiB).
 */
import { Worker } from 'node:worker_threads';
import type { LintResult } from '../core/linter.js';
import type { FormatterContext } from './formatters/types.js';
import { packMessages, type PackedMessages } from './packed-messages.js';

export interface ReportSetup {
  context: FormatterContext;
  /** Absolute; undefined: the report's bytes come back to the main thread for stdout. */
  outputFile?: string;
}

/** Results in their reported order with their findings left out, and the findings packed. */
export interface ReportBatch {
  results: LintResult[];
  packed: PackedMessages;
}

export type ReportReply =
  | { kind: 'bytes'; bytes: Uint8Array }
  /** Opening or writing the output file failed: the error's code and message, for the user's message. */
  | { kind: 'failed'; code?: string; message: string }
  | { kind: 'done' };

/** The output file could not be written; `code` as in Node's errors. */
export class ReportWriteError extends Error {
  override name = 'ReportWriteError';
  constructor(
    readonly code: string | undefined,
    message: string,
  ) {
    super(message);
  }
}

/** Results are posted this many at a time: fewer messages, and the report thread is never far behind. */
const POST_BATCH = 16;

export class ReportThread {
  private readonly worker: Worker;
  private pending: LintResult[] = [];
  private readonly finished: Promise<void>;
  private failure: Error | undefined;

  constructor(setup: ReportSetup, onBytes: (bytes: Uint8Array) => void) {
    this.worker = new Worker(new URL('./report-worker.js', import.meta.url), { workerData: setup });
    this.finished = new Promise((resolveDone, rejectDone) => {
      this.worker.on('message', (reply: ReportReply) => {
        if (reply.kind === 'bytes') onBytes(reply.bytes);
        else if (reply.kind === 'failed') this.failure ??= new ReportWriteError(reply.code, reply.message);
        else resolveDone();
      });
      this.worker.on('error', (error) => rejectDone(this.failure ?? error));
      this.worker.on('exit', () => rejectDone(this.failure ?? new Error('报告线程在写完报告之前退出')));
    });
    // Not left unhandled while the main thread is still linting: finish() hands it on.
    this.finished.catch(() => undefined);
  }

  /** Results that follow every result added before. */
  add(results: readonly LintResult[]): void {
    for (const result of results) {
      this.pending.push(result);
      // The results held before the thread was chosen go in batches too: larger messages cost both threads'
      // collectors more (heavy corpus, 64 results a message: 0.3 s more CPU).
      if (this.pending.length >= POST_BATCH) this.post();
    }
  }

  /** Stops the thread before it was given anything: it has written nothing. */
  cancel(): void {
    void this.worker.terminate();
  }

  /** Resolves once the report is written whole; rejects with ReportWriteError, or with the thread's own error. */
  async finish(): Promise<void> {
    this.post();
    this.worker.postMessage('finish');
    try {
      await this.finished;
      if (this.failure) throw this.failure;
    } finally {
      await this.worker.terminate();
    }
  }

  private post(): void {
    if (this.pending.length === 0 || this.failure) {
      this.pending = [];
      return;
    }
    const packed = packMessages(this.pending.map((result) => result.messages));
    const batch: ReportBatch = { results: this.pending.map((result) => ({ ...result, messages: [] })), packed };
    this.worker.postMessage(batch, [packed.numbers.buffer]);
    this.pending = [];
  }
}
