import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Excerpt, LintMessage, LintResult } from '../core/linter.js';
import { resultJson, type StoredJson } from './formatters/json.js';

/**
 * The cache file, one line per file after a header line. Each line holds four tab-separated JSON texts: the
 * path; `[size, mtimeMs, contentHash, configKey, errorCount, warningCount, fixableErrorCount,
 * fixableWarningCount, fatalErrorCount]`; the file's result exactly as the JSON formatter writes it; and its
 * findings' excerpts. JSON text never holds a raw tab or line break, so the lines split safely.
 *
 * A replay keeps the result's JSON as text: the JSON formatter copies it, and the findings are parsed from
 * it only when something reads them (another formatter, --quiet, a suppressions file). Loading parses only
 * the short path and fingerprint of each line; the old cache, one JSON object, cost a third of a re-run to
 * parse into objects that were then serialised again.
 */
const FORMAT = 'gongwen-lint cache 2';

export const DEFAULT_CACHE_LOCATION = '.gongwenlintcache';

/** Pieces are gathered into writes of about this many bytes. */
const WRITE_CHUNK = 64 * 1024;

type Fingerprint = [size: number, mtimeMs: number, contentHash: string, configKey: string, ...counts: number[]];

/**
 * A line of the cache file as loaded: its fingerprint, and where in the file's bytes its JSON texts are. They
 * are decoded only when read, and a cache written again copies them as bytes.
 */
interface StoredEntry {
  fingerprint: Fingerprint;
  bytes: Buffer;
  /** The result as the JSON formatter writes it: `bytes[jsonStart, jsonEnd)`. */
  jsonStart: number;
  jsonEnd: number;
  /** `[text, start, end]` per finding, 0 for one without, the excerpts the JSON leaves out: `bytes(jsonEnd, excerptsEnd)`. */
  excerptsEnd: number;
}

/** A file linted in this run, serialised only when the cache is written. */
interface NewEntry {
  size: number;
  mtimeMs: number;
  /** Hash of the file's content: decides when size or time changed but content did not. */
  contentHash: string;
  /** Hash of the effective configuration for this file. */
  configKey: string;
  result: LintResult;
}

/** A stable key for anything JSON-serialisable (the effective rules and options of a file). */
export function hashConfig(value: unknown, replacer?: (key: string, value: unknown) => unknown): string {
  return createHash('sha1').update(JSON.stringify(value, replacer)).digest('hex');
}

/**
 * A result replayed from the cache. `messages` is parsed from the stored JSON when first read; it is an own
 * enumerable property, so a copy (`{ ...result }`) has the findings. `storedJson` and its bytes are not: a copy whose
 * findings are then changed (--quiet, suppressions) is written by the JSON formatter from its findings.
 */
class ReplayedResult implements LintResult, StoredJson {
  /** One accessor for every instance: a closure per result cost more than the rest of the replay. */
  static readonly #messagesProperty: PropertyDescriptor = {
    enumerable: true,
    configurable: true,
    get(this: ReplayedResult): LintMessage[] {
      return (this.#messages ??= parseMessages(this.#entry));
    },
    set(this: ReplayedResult, messages: LintMessage[]): void {
      this.#messages = messages;
    },
  };

  // Declared and set in the constructor, in the order countMessages gives a result's keys.
  declare filePath: string;
  declare messages: LintMessage[];
  declare errorCount: number;
  declare warningCount: number;
  declare fixableErrorCount: number;
  declare fixableWarningCount: number;
  declare fatalErrorCount: number;
  readonly #entry: StoredEntry;
  #messages: LintMessage[] | undefined;
  #json: string | undefined;

  constructor(filePath: string, entry: StoredEntry) {
    this.#entry = entry;
    this.filePath = filePath;
    Object.defineProperty(this, 'messages', ReplayedResult.#messagesProperty);
    const { fingerprint } = entry;
    this.errorCount = fingerprint[4] as number;
    this.warningCount = fingerprint[5] as number;
    this.fixableErrorCount = fingerprint[6] as number;
    this.fixableWarningCount = fingerprint[7] as number;
    this.fatalErrorCount = fingerprint[8] as number;
  }

  get storedJson(): string {
    const entry = this.#entry;
    return (this.#json ??= entry.bytes.toString('utf8', entry.jsonStart, entry.jsonEnd));
  }

  get storedJsonBytes(): Uint8Array {
    const entry = this.#entry;
    return entry.bytes.subarray(entry.jsonStart, entry.jsonEnd);
  }
}

function parseMessages(entry: StoredEntry): LintMessage[] {
  const { messages } = JSON.parse(entry.bytes.toString('utf8', entry.jsonStart, entry.jsonEnd)) as { messages: LintMessage[] };
  const excerpts = JSON.parse(entry.bytes.toString('utf8', entry.jsonEnd + 1, entry.excerptsEnd)) as ([string, number, number] | 0)[];
  for (let i = 0; i < messages.length; i++) {
    const excerpt = excerpts[i];
    if (excerpt) messages[i].excerpt = { text: excerpt[0], start: excerpt[1], end: excerpt[2] } satisfies Excerpt;
  }
  return messages;
}

const TAB = 0x09;
const LINE_FEED = 0x0a;
const NEWLINE = Buffer.from('\n');

/** Reads the line `bytes[start, end)` of the cache file; undefined for a line that is not whole. */
function readLine(bytes: Buffer, start: number, end: number): [string, StoredEntry] | undefined {
  const pathEnd = bytes.indexOf(TAB, start);
  const fingerprintEnd = bytes.indexOf(TAB, pathEnd + 1);
  const jsonEnd = bytes.indexOf(TAB, fingerprintEnd + 1);
  if (pathEnd < 0 || jsonEnd < 0 || jsonEnd >= end) return undefined;
  const further = bytes.indexOf(TAB, jsonEnd + 1);
  if (further >= 0 && further < end) return undefined;
  const filePath = JSON.parse(bytes.toString('utf8', start, pathEnd)) as unknown;
  const fingerprint = JSON.parse(bytes.toString('latin1', pathEnd + 1, fingerprintEnd)) as unknown;
  const jsonStart = fingerprintEnd + 1;
  // The JSON texts are checked only for their ends: they are parsed when read, and the file is written whole or not at all.
  const whole = bytes[jsonStart] === 0x7b && bytes[jsonEnd - 1] === 0x7d && bytes[jsonEnd + 1] === 0x5b && bytes[end - 1] === 0x5d;
  if (typeof filePath !== 'string' || !Array.isArray(fingerprint) || fingerprint.length !== 9 || !whole) return undefined;
  return [filePath, { fingerprint: fingerprint as Fingerprint, bytes, jsonStart, jsonEnd, excerptsEnd: end }];
}

/** A file linted in this run, as the three JSON texts of its line after the path. */
function serialise(entry: NewEntry): string {
  const { result } = entry;
  const fingerprint: Fingerprint = [
    entry.size,
    entry.mtimeMs,
    entry.contentHash,
    entry.configKey,
    result.errorCount,
    result.warningCount,
    result.fixableErrorCount,
    result.fixableWarningCount,
    result.fatalErrorCount,
  ];
  let excerpts = '';
  for (const { excerpt } of result.messages) {
    excerpts += `${excerpts === '' ? '' : ','}${excerpt ? `[${JSON.stringify(excerpt.text)},${excerpt.start},${excerpt.end}]` : '0'}`;
  }
  return `${JSON.stringify(fingerprint)}\t${resultJson(result)}\t[${excerpts}]`;
}
/**
 * The `--cache` store. A file is reused when its size and modification time match (no read needed), or,
 * failing that, when its content hash matches; in both cases the configuration key must match too.
 */
export class LintCache {
  private changed = false;

  private constructor(
    private readonly location: string,
    private readonly header: string,
    private readonly entries: Map<string, StoredEntry | NewEntry>,
  ) {}

  /**
   * Loads the cache; a missing, unreadable or other-version cache starts empty, and so does one in an older
   * format (its first line is not this format's header). A line that is not whole is left out.
   */
  static async load(location: string, version: string): Promise<LintCache> {
    const header = JSON.stringify({ format: FORMAT, version });
    const entries = new Map<string, StoredEntry | NewEntry>();
    let bytes = Buffer.alloc(0);
    try {
      bytes = readFileSync(location);
    } catch {
      // No cache yet: start afresh.
    }
    if (bytes.length > header.length && bytes.toString('latin1', 0, header.length + 1) === `${header}\n`) {
      let start = header.length + 1;
      while (start < bytes.length) {
        const lineFeed = bytes.indexOf(LINE_FEED, start);
        const end = lineFeed < 0 ? bytes.length : lineFeed;
        try {
          const read = readLine(bytes, start, end);
          if (read) entries.set(read[0], read[1]);
        } catch {
          // A damaged line: that file is linted again.
        }
        start = end + 1;
      }
    }
    return new LintCache(location, header, entries);
  }

  /** The stored result of a file whose size and time are unchanged, without reading it. */
  byMetadata(filePath: string, size: number, mtimeMs: number, configKey: string): LintResult | undefined {
    const entry = this.entries.get(filePath);
    if (!entry || !('bytes' in entry)) return undefined;
    const [storedSize, storedTime, , storedKey] = entry.fingerprint;
    return storedSize === size && storedTime === mtimeMs && storedKey === configKey ? new ReplayedResult(filePath, entry) : undefined;
  }

  /** The content hash stored for a file under this configuration, to compare with the file as read now. */
  hashFor(filePath: string, configKey: string): string | undefined {
    const entry = this.entries.get(filePath);
    if (!entry) return undefined;
    const [, , contentHash, storedKey] = 'bytes' in entry ? entry.fingerprint : [0, 0, entry.contentHash, entry.configKey];
    return storedKey === configKey ? contentHash : undefined;
  }

  /**
   * The content was found unchanged although its size or time moved (e.g. after a checkout): keep the
   * result and remember the new size and time, so the next run needs no read.
   */
  refresh(filePath: string, metadata: { size: number; mtimeMs: number } | undefined): LintResult | undefined {
    const entry = this.entries.get(filePath);
    if (!entry || !('bytes' in entry)) return undefined;
    if (metadata && (entry.fingerprint[0] !== metadata.size || entry.fingerprint[1] !== metadata.mtimeMs)) {
      const [, , ...rest] = entry.fingerprint;
      entry.fingerprint = [metadata.size, metadata.mtimeMs, ...rest] as Fingerprint;
      this.changed = true;
    }
    return new ReplayedResult(filePath, entry);
  }

  /** Remembers a file linted in this run; its result is serialised when the cache is written. */
  store(filePath: string, entry: NewEntry): void {
    this.entries.set(filePath, entry);
    this.changed = true;
  }

  forget(filePath: string): void {
    if (this.entries.delete(filePath)) this.changed = true;
  }

  /**
   * Writes the cache if anything changed, a line at a time through a temporary file, so that a crash never
   * leaves half a cache and the cache never stands in memory as one string.
   */
  async save(): Promise<void> {
    if (!this.changed) return;
    mkdirSync(dirname(this.location), { recursive: true });
    const temporary = `${this.location}.${process.pid}.tmp`;
    const file = new ChunkedFile(openSync(temporary, 'w'));
    try {
      file.write(`${this.header}\n`);
      for (const [filePath, entry] of this.entries) {
        if ('bytes' in entry) {
          // A line kept from the last run: its JSON texts are copied as bytes, not decoded and encoded again.
          file.write(`${JSON.stringify(filePath)}\t${JSON.stringify(entry.fingerprint)}\t`);
          file.write(entry.bytes.subarray(entry.jsonStart, entry.excerptsEnd));
          file.write(NEWLINE);
        } else {
          file.write(`${JSON.stringify(filePath)}\t${serialise(entry)}\n`);
        }
      }
      file.flush();
    } catch (error) {
      closeSync(file.descriptor);
      rmSync(temporary, { force: true });
      throw error;
    }
    closeSync(file.descriptor);
    renameSync(temporary, this.location);
    this.changed = false;
  }
}

/**
 * Gathers pieces into writes of about WRITE_CHUNK: a write per line was slow, and encoding each line on its
 * own made ten thousand small buffers that raised the first run's peak.
 */
class ChunkedFile {
  #text = '';
  #parts: Uint8Array[] = [];
  #size = 0;

  constructor(readonly descriptor: number) {}

  write(piece: string | Uint8Array): void {
    if (typeof piece === 'string') {
      this.#text += piece;
      if (this.#text.length < WRITE_CHUNK) return;
    } else {
      this.#encodeText();
      this.#parts.push(piece);
      this.#size += piece.length;
    }
    if (this.#text.length + this.#size >= WRITE_CHUNK) this.flush();
  }

  #encodeText(): void {
    if (this.#text === '') return;
    const bytes = Buffer.from(this.#text);
    this.#parts.push(bytes);
    this.#size += bytes.length;
    this.#text = '';
  }

  /** writeSync may write less than asked: this goes on until all is written or it throws. */
  flush(): void {
    this.#encodeText();
    const bytes = this.#parts.length === 1 ? this.#parts[0] : Buffer.concat(this.#parts, this.#size);
    let written = 0;
    while (written < bytes.length) written += writeSync(this.descriptor, bytes, written);
    this.#parts = [];
    this.#size = 0;
  }
}
