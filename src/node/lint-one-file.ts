/**
 * Linting one file: read and decode it, lint, fix and write back. Kept apart from lint-files.ts so that the
 * parser and rules load only when a file must really be linted, and so that worker threads load just this.
 */
import { createHash } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';
import { isUtf8 } from 'node:buffer';
import { rulesById } from '../../rules/index.js';
import { fixText } from '../core/fix.js';
import { mkdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { BinaryFileError, readDraft, readFileBytes, writeDraft, writeFileAtomically, type Draft } from './io.js';
import { formatForPath, lintDocument, lintSource, loadDocxReader, parseDocument, type LintResult } from '../core/linter.js';
import { PartNotLoadedError } from '../core/on-demand.js';
import { loadWordTable } from '../core/text/segmenter.js';
import type { RefusedFix } from '../core/docx/fix-docx.js';
import type { ByteReading } from '../core/docx/package.js';
import type { GwDocument } from '../core/document.js';
import { countMessages, errorMessage, problemMessage } from '../core/results.js';
import type { ResolvedRules } from '../core/config/resolve-rules.js';
import { documentLines, type ViewLine } from '../view/lines.js';
import { DOCX_PART_LABELS } from '../core/document.js';

/**
 * A file's lint result. When fixing changed the text, `output` is the fixed text and `source` the text as
 * read, so that a dry run can print a diff; both are absent otherwise.
 */
export interface FileLintResult extends LintResult {
  source?: string;
  /** The text as linted (after fixing, the fixed text), line by line: only when `view` was asked for. */
  lines?: ViewLine[];
  /** `--annotate`: the copy written with the findings as comments. */
  annotated?: { path: string; comments: number; skipped: number };
}

/** What identifies a file's content for the cache: a hash of its decoded text, encoding and BOM. */
export interface LintedFile extends FileLintResult {
  contentHash?: string;
  /** The content matched the cached hash, so the file was not linted again and `messages` is empty. */
  unchanged?: boolean;
  /** A read error because the file is not text. */
  binary?: boolean;
  /** For `--verbose`: what was written and which Word fixes were not (and why). */
  notes?: string[];
}

/** How `--fix` writes into a Word draft: as tracked changes, or directly into the text. */
export type WordFixStyle = 'revisions' | 'direct';

/** What one file needs besides its path: plain data, so that it can be sent to a worker thread. */
export interface FileConfig {
  rules: ResolvedRules;
  /** `fixAs` from the config files that apply. */
  fixAs?: WordFixStyle;
}

export interface LintOneFileOptions {
  reportUnusedDisableDirectives: boolean;
  /** Overrides encoding detection (`--encoding`). */
  encoding?: string;
  /** true: write fixes back; 'dry-run': compute them into `output` without writing. */
  fix?: boolean | 'dry-run';
  /** Return the text line by line with the findings (`lines`), for the HTML report. */
  view?: boolean;
  /** false: no excerpts in the findings, for a report that shows none (see LintSourceOptions.excerpts). */
  excerpts?: boolean;
  /** `--fix-as`: overrides the config's `fixAs` for Word drafts. */
  fixAs?: WordFixStyle;
  /** `--annotate`: write a copy of each Word draft with its findings as comments (beside it, or in `directory`). */
  annotate?: { directory?: string };
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
  const format = formatForPath(filePath);
  const sourceOptions = {
    filePath,
    format,
    rules: config.rules,
    reportUnusedDisableDirectives: options.reportUnusedDisableDirectives,
    excerpts: options.excerpts,
  };
  const lintOnce = (text: string): LintResult => lintSource(text, sourceOptions, rulesById);
  const view = async (text: string): Promise<{ lines?: ViewLine[] }> =>
    options.view ? { lines: await withOnDemandParts(() => documentLines(parseDocument(text, format))) } : {};
  try {
    if (!options.fix) return { ...(await withOnDemandParts(() => lintOnce(draft.text))), contentHash, ...(await view(draft.text)) };
    const fixed = await withOnDemandParts(() => fixText(draft.text, lintOnce));
    if (fixed.output === draft.text) return { ...fixed.result, ...(await view(draft.text)) };
    if (options.fix === true) {
      try {
        await writeDraft(filePath, fixed.output, draft);
      } catch (error) {
        // Nothing was written, so report the findings of the file as it is on disk.
        const original = lintOnce(draft.text);
        return countMessages(filePath, [problemMessage(errorMessage(error)), ...original.messages]);
      }
    }
    return { ...fixed.result, output: fixed.output, source: draft.text, ...(await view(fixed.output)) };
  } catch (error) {
    return countMessages(filePath, [problemMessage(errorMessage(error))]);
  }
}

/** A part inflated by zlib, for setRawInflater: about 40 % less time than fflate. */
export function inflateWithZlib(data: Uint8Array, size: number): Uint8Array {
  // zlib throws past maxOutputLength (at least 1); then fflate cuts the part at its declared size. One chunk of the
  // declared size (as fflate allocates) spares zlib joining 16 KB chunks.
  const inflated = inflateRawSync(data, { maxOutputLength: Math.max(1, size), chunkSize: Math.max(64, size) });
  if (inflated.length > size) throw new RangeError('more data than declared');
  return inflated;
}

/** A part's bytes read by Node's Buffer, for setByteReading: one copy, no decoding. */
export const BUFFER_BYTE_READING: ByteReading = {
  latin1: (bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'),
  isUtf8,
};

/** What loadWordSupport loads, imported once: importing it again for each draft cost some 30 ms per 2,000 drafts. */
const importWordSupport = () => Promise.all([import('../core/docx/package.js'), loadDocxReader(), loadWordTable()]);
let wordSupport: ReturnType<typeof importWordSupport> | undefined;

/**
 * What linting a Word draft needs, loaded with the first one: a run over Markdown and text never needs it. The
 * Word reader, with zlib as its inflater and Buffer to read the parts' bytes, and the word table: Word drafts are
 * linted outside withOnDemandParts.
 */
export async function loadWordSupport(): Promise<void> {
  const [{ setRawInflater, setByteReading }] = await (wordSupport ??= importWordSupport());
  setRawInflater(inflateWithZlib);
  setByteReading(BUFFER_BYTE_READING);
}

/** The Word reader's errors and the Word writers with what loadWordSupport loads: imported with the first .docx, once. */
const importWordModules = () => Promise.all([import('../core/docx/errors.js'), import('../core/docx/annotate.js'), import('../core/docx/fix-docx.js'), loadWordSupport()]);
let wordModules: ReturnType<typeof importWordModules> | undefined;

/**
 * A Word draft: read as bytes, parsed from the package, linted. A file that is no readable .docx (an old
 * .doc, an encrypted or corrupt package, hostile XML) is one fatal problem naming why. `--fix` writes the
 * fixes into the package (as tracked changes unless `fixAs` is `direct`); `--annotate` writes a copy with a
 * comment on every finding that remains.
 */
async function lintWordFile(filePath: string, config: FileConfig, options: LintOneFileOptions, cachedHash: string | null | undefined): Promise<LintedFile> {
  let bytes: Uint8Array;
  try {
    bytes = readFileBytes(filePath);
  } catch (error) {
    return countMessages(filePath, [problemMessage(errorMessage(error))]);
  }
  const contentHash = cachedHash === undefined ? undefined : createHash('sha1').update('docx\0').update(bytes).digest('hex');
  if (contentHash !== undefined && contentHash === cachedHash) return { ...countMessages(filePath, []), contentHash, unchanged: true };
  // The Word reader and writer load with the first .docx.
  const [{ DocxError }, { annotateDocx }, { fixDocx }] = await (wordModules ??= importWordModules());
  const lintOptions = {
    filePath,
    format: 'docx' as const,
    rules: config.rules,
    reportUnusedDisableDirectives: options.reportUnusedDisableDirectives,
    excerpts: options.excerpts,
  };
  const lint = (document: GwDocument): LintResult => lintDocument(document, lintOptions, rulesById);
  const notes: string[] = [];
  try {
    let document: GwDocument;
    let result: LintedFile;
    if (!options.fix) {
      document = parseDocument(bytes, 'docx');
      result = { ...lint(document), contentHash };
    } else {
      // fixDocx reads and lints the draft itself: with nothing to fix, its result is the draft's.
      const fixed = fixDocx(bytes, { parse: (input) => parseDocument(input, 'docx'), lint, revisions: wordFixAsRevisions(options.fixAs, config.fixAs) });
      for (const refusal of fixed.refused) notes.push(`${filePath}：${refusalNote(refusal)}`);
      document = fixed.document;
      result = { ...fixed.result, contentHash };
      if (fixed.bytes !== bytes) {
        if (options.fix === true) {
          try {
            await writeFileAtomically(filePath, fixed.bytes);
          } catch (error) {
            // Nothing was written: report the findings of the draft as it is on disk.
            return { ...countMessages(filePath, [problemMessage(errorMessage(error)), ...lint(fixed.original).messages]), notes };
          }
        }
        bytes = fixed.bytes;
        result = { ...fixed.result, output: fixed.document.source, source: fixed.original.source };
      }
    }
    if (options.annotate && options.fix !== 'dry-run' && !ANNOTATED_COPY.test(filePath)) {
      const target = annotatedCopyPath(filePath, options.annotate.directory);
      const annotated = annotateDocx(bytes, document, result.messages);
      try {
        await mkdir(dirname(target), { recursive: true });
        await writeFileAtomically(target, annotated.bytes, '写入批注副本');
        result = { ...result, annotated: { path: target, comments: annotated.comments, skipped: annotated.skipped } };
      } catch (error) {
        return { ...countMessages(filePath, [problemMessage(errorMessage(error)), ...result.messages]), notes };
      }
    }
    if (options.view) result = { ...result, lines: documentLines(document) };
    return notes.length > 0 ? { ...result, notes } : result;
  } catch (error) {
    const reason = error instanceof DocxError ? `${filePath}：${error.message}` : errorMessage(error);
    return countMessages(filePath, [problemMessage(reason)]);
  }
}

/** `--fix` on a .docx writes tracked changes unless told otherwise: the drafter accepts or rejects each in Word. */
export const DEFAULT_WORD_FIX: WordFixStyle = 'revisions';

/** A copy `--annotate` wrote: linted like any draft, but never annotated again (`x.检查.检查.docx`). */
const ANNOTATED_COPY = /\.检查\.docx$/i;

/** `请示.docx` → `请示.检查.docx`, beside the draft or in `directory`. */
export function annotatedCopyPath(filePath: string, directory: string | undefined): string {
  const name = basename(filePath).replace(/\.docx$/i, '');
  return join(directory ?? dirname(filePath), `${name}.检查.docx`);
}

/** Whether `--fix` writes Word fixes as tracked changes: the command line decides, then the nearest config, then the default. */
export function wordFixAsRevisions(cliFixAs: WordFixStyle | undefined, configFixAs: WordFixStyle | undefined): boolean {
  return (cliFixAs ?? configFixAs ?? DEFAULT_WORD_FIX) === 'revisions';
}

/** Why a Word fix stays a finding, for `--verbose`: `第 4 段第 5 列的修正（rule）未写入：…`. */
export function refusalNote(refusal: RefusedFix): string {
  const { message } = refusal;
  return `${message.part ? DOCX_PART_LABELS[message.part] : ''}第 ${message.line} 段第 ${message.column} 列的修正（${message.ruleId}）未写入：${refusal.explanation}`;
}

/** Runs `lint`, loading remark or the word table and running it again if the draft turned out to need them. */
async function withOnDemandParts<T>(lint: () => T): Promise<T> {
  const loaded = new Set<() => Promise<void>>();
  for (;;) {
    try {
      return lint();
    } catch (error) {
      // A part asked for again after loading it would never appear: that is a bug, not a retry.
      if (!(error instanceof PartNotLoadedError) || loaded.has(error.load)) throw error;
      loaded.add(error.load);
      await error.load();
    }
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
  fixAs?: WordFixStyle;
  /** In a `--cache` run: the stored content hash, or null when the cache does not know the file. */
  cachedHash?: string | null;
}

/** Sent to each worker once: every distinct configuration of the run, and the per-file options. */
export interface WorkerSetup {
  configs: ResolvedRules[];
  options: LintOneFileOptions;
}

