import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { LintMessage } from '../core/linter.js';

/** What is stored per file: enough to recognise it unchanged and to replay its findings. */
interface CacheEntry {
  size: number;
  mtimeMs: number;
  /** Hash of the file's content: decides when size or time changed but content did not. */
  contentHash: string;
  /** Hash of the effective configuration for this file. */
  configKey: string;
  messages: LintMessage[];
}

interface CacheFile {
  /** gongwen-lint's version: another version may find other things, so its cache is discarded. */
  version: string;
  entries: Record<string, CacheEntry>;
}

export const DEFAULT_CACHE_LOCATION = '.gongwenlintcache';

/** A stable key for anything JSON-serialisable (the effective rules and options of a file). */
export function hashConfig(value: unknown, replacer?: (key: string, value: unknown) => unknown): string {
  return createHash('sha1').update(JSON.stringify(value, replacer)).digest('hex');
}

/**
 * The `--cache` store. A file is reused when its size and modification time match (no read needed), or,
 * failing that, when its content hash matches; in both cases the configuration key must match too.
 */
export class LintCache {
  private changed = false;

  private constructor(
    private readonly location: string,
    private readonly data: CacheFile,
  ) {}

  /** Loads the cache; a missing, unreadable, corrupt or other-version cache starts empty. */
  static async load(location: string, version: string): Promise<LintCache> {
    let data: CacheFile = { version, entries: {} };
    try {
      // Read as bytes and decoded at once: readFile's own decoding goes through a streaming decoder, slowly.
      const parsed = JSON.parse((await readFile(location)).toString('utf8')) as Partial<CacheFile>;
      if (parsed.version === version && parsed.entries && typeof parsed.entries === 'object') {
        data = { version, entries: parsed.entries };
      }
    } catch {
      // No cache yet, or one we cannot use: start afresh.
    }
    return new LintCache(location, data);
  }

  /** Findings stored for a file whose size and time are unchanged, without reading it. */
  byMetadata(filePath: string, size: number, mtimeMs: number, configKey: string): LintMessage[] | undefined {
    const entry = this.data.entries[filePath];
    if (entry && entry.size === size && entry.mtimeMs === mtimeMs && entry.configKey === configKey) return entry.messages;
    return undefined;
  }

  /** The content hash stored for a file under this configuration, to compare with the file as read now. */
  hashFor(filePath: string, configKey: string): string | undefined {
    const entry = this.data.entries[filePath];
    return entry && entry.configKey === configKey ? entry.contentHash : undefined;
  }

  /**
   * The content was found unchanged although its size or time moved (e.g. after a checkout): keep the
   * findings and remember the new size and time, so the next run needs no read.
   */
  refresh(filePath: string, metadata: { size: number; mtimeMs: number } | undefined): LintMessage[] | undefined {
    const entry = this.data.entries[filePath];
    if (!entry) return undefined;
    if (metadata && (entry.size !== metadata.size || entry.mtimeMs !== metadata.mtimeMs)) {
      this.data.entries[filePath] = { ...entry, ...metadata };
      this.changed = true;
    }
    return entry.messages;
  }

  store(filePath: string, entry: CacheEntry): void {
    this.data.entries[filePath] = entry;
    this.changed = true;
  }

  forget(filePath: string): void {
    if (filePath in this.data.entries) {
      delete this.data.entries[filePath];
      this.changed = true;
    }
  }

  /** Writes the cache if anything changed, through a temporary file so a crash never leaves half a cache. */
  async save(): Promise<void> {
    if (!this.changed) return;
    await mkdir(dirname(this.location), { recursive: true });
    const temporary = `${this.location}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify(this.data));
    await rename(temporary, this.location);
    this.changed = false;
  }
}
