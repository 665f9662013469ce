/**
 * Linting one file: read and decode it, lint, fix and write back. Kept apart from lint-files.ts so that the
 * parser and rules load only when a file must really be linted, and so that worker threads load just this.
 */
import { createHash } from 'node:crypto';
import { rulesById } from '../../rules/index.js';
import { fixText } from '../core/fix.js';
import { BinaryFileError, readDraft, readFileBytes, writeDraft, type Draft } from './io.js';
import { formatForPath, lintDocument, lintSource, loadMarkdownParser, MarkdownParserNotLoadedError, parseDocument, type LintResult } from '../core/linter.js';
import { DocxError } from '../core/docx/errors.js';
import { countMessages, errorMessage, problemMessage } from '../core/results.js';
import type { ResolvedRules } from '../core/config/resolve-rules.js';

/**
 * A file's lint result. When fixing changed the text, `output` is the fixed text and `source` the text as
 * read, so that a dry run can print a diff; both are absent otherwise.
 */
export interface FileLintResult extends LintResult {
  source?: string;
}

/** What identifies a file's content for the cache: a hash of its decoded text, encoding and BOM. */
export interface LintedFile extends FileLintResult {
  contentHash?: string;
  /** The content matched the cached hash, so the file was not linted again and `messages` is empty. */
  unchanged?: boolean;
  /** A read error because the file is not text. */
  binary?: boolean;
}

/** What one file needs besides its path: plain data, so that it can be sent to a worker thread. */
export interface FileConfig {
  rules: ResolvedRules;
}

export interface LintOneFileOptions {
  reportUnusedDisableDirectives: boolean;
  /** Overrides encoding detection (`--encoding`). */
  encoding?: string;
  /** true: write fixes back; 'dry-run': compute them into `output` without writing. */
  fix?: boolean | 'dry-run';
}

/**
 * Reads, parses, lints and (if asked) fixes one file. Never throws: a file that cannot be read or written,
 * or a rule that crashes on it, becomes a fatal message on that file. With `cachedHash` (a `--cache` run),
 * the content hash is returned, and a file whose content still has that hash is not linted again (`null`:
 * the cache does not know the file yet).
 */
export async function lintOneFile(
  filePath: string,
  config: FileConfig,
  options: LintOneFileOptions,
  cachedHash?: string | null,
): Promise<LintedFile> {
  if (formatForPath(filePath) === 'docx') return lintWordFile(filePath, config, options, cachedHash);
  let draft: Draft;
  try {
    draft = await readDraft(filePath, { encoding: options.encoding });
  } catch (error) {
    // readDraft's errors are Chinese and name the file already.
    return { ...countMessages(filePath, [problemMessage(errorMessage(error))]), binary: error instanceof BinaryFileError };
  }
  const contentHash = cachedHash === undefined ? undefined : hashDraft(draft);
  if (contentHash !== undefined && contentHash === cachedHash) return { ...countMessages(filePath, []), contentHash, unchanged: true };
  const sourceOptions = { filePath, format: formatForPath(filePath), rules: config.rules, reportUnusedDisableDirectives: options.reportUnusedDisableDirectives };
  const lintOnce = (text: string): LintResult => lintSource(text, sourceOptions, rulesById);
  try {
    if (!options.fix) return { ...(await withMarkdownParser(() => lintOnce(draft.text))), contentHash };
    const fixed = await withMarkdownParser(() => fixText(draft.text, lintOnce));
    if (fixed.output === draft.text) return fixed.result;
    if (options.fix === true) {
      try {
        await writeDraft(filePath, fixed.output, draft);
      } catch (error) {
        // Nothing was written, so report the findings of the file as it is on disk.
        const original = lintOnce(draft.text);
        return countMessages(filePath, [problemMessage(errorMessage(error)), ...original.messages]);
      }
    }
    return { ...fixed.result, output: fixed.output, source: draft.text };
  } catch (error) {
    return countMessages(filePath, [problemMessage(errorMessage(error))]);
  }
}

/**
 * A Word draft: read as bytes, parsed from the package, linted. A file that is no readable .docx (an old
 * .doc, an encrypted or corrupt package, hostile XML) is one fatal problem naming why. `--fix` does not
 * change Word files (the CLI says so once); their findings are reported as usual.
 */
function lintWordFile(filePath: string, config: FileConfig, options: LintOneFileOptions, cachedHash: string | null | undefined): LintedFile {
  let bytes: Uint8Array;
  try {
    bytes = readFileBytes(filePath);
  } catch (error) {
    return countMessages(filePath, [problemMessage(errorMessage(error))]);
  }
  const contentHash = cachedHash === undefined ? undefined : createHash('sha1').update('docx\0').update(bytes).digest('hex');
  if (contentHash !== undefined && contentHash === cachedHash) return { ...countMessages(filePath, []), contentHash, unchanged: true };
  try {
    const document = parseDocument(bytes, 'docx');
    const result = lintDocument(document, { filePath, format: 'docx', rules: config.rules, reportUnusedDisableDirectives: options.reportUnusedDisableDirectives }, rulesById);
    return { ...result, contentHash };
  } catch (error) {
    const reason = error instanceof DocxError ? `${filePath}：${error.message}` : errorMessage(error);
    return countMessages(filePath, [problemMessage(reason)]);
  }
}

/** Runs `lint`, loading remark and running it again if the draft turned out to need it. */
async function withMarkdownParser<T>(lint: () => T): Promise<T> {
  try {
    return lint();
  } catch (error) {
    if (!(error instanceof MarkdownParserNotLoadedError)) throw error;
    await loadMarkdownParser();
    return lint();
  }
}

/** The content as the cache knows it: decoded text, encoding and BOM (together they give back the bytes). */
function hashDraft(draft: Draft): string {
  return createHash('sha1').update(`${draft.encoding}\0${draft.bom ? 1 : 0}\0`).update(draft.text).digest('hex');
}

/** One file for a lint thread; its configuration is named by index into WorkerSetup.configs. */
export interface LintJob {
  filePath: string;
  configIndex: number;
  /** In a `--cache` run: the stored content hash, or null when the cache does not know the file. */
  cachedHash?: string | null;
}

/** Sent to each worker once: every distinct configuration of the run, and the per-file options. */
export interface WorkerSetup {
  configs: ResolvedRules[];
  options: LintOneFileOptions;
}

