/**
 * `--fix` for Word drafts: the engine's fixes (in offsets of `GwDocument.source`) are mapped to paragraphs
 * and written into the package, directly or as tracked changes, and the package is read and linted again,
 * as for text, at most MAX_FIX_PASSES times. A fix that cannot be written safely stays a finding, with its
 * reason, and never blocks the others.
 */
import type { Block, GwDocument } from '../document.js';
import { applyFixes, MAX_FIX_PASSES } from '../fix.js';
import type { LintMessage, LintResult } from '../linter.js';
import { REFUSAL_MESSAGES, type BlockChange, type RefusalReason } from './word-edit.js';
import { writeDocx } from './write.js';

export interface FixDocxOptions {
  /** Reads a package into the document model (the .docx reader). */
  readonly parse: (bytes: Uint8Array) => GwDocument;
  readonly lint: (document: GwDocument) => LintResult;
  /** true: write fixes as tracked changes. */
  readonly revisions: boolean;
  /** Date of the tracked changes (now when absent). */
  readonly date?: Date;
}

export interface RefusedFix {
  readonly message: LintMessage;
  readonly reason: RefusalReason;
  /** Chinese, for `--verbose`. */
  readonly explanation: string;
}

export interface FixedDocx {
  /** The package after fixing (the input itself when nothing was fixed). */
  readonly bytes: Uint8Array;
  readonly original: GwDocument;
  readonly document: GwDocument;
  /** Lint result of the fixed package: the findings that remain. */
  readonly result: LintResult;
  readonly fixed: LintMessage[];
  /** Fixes left as findings because they could not be written safely (the last time each was tried). */
  readonly refused: RefusedFix[];
}

/** Offset in the source where a Word block's own text starts (after its automatic number, which is synthetic). */
function visibleStart(block: Block): number {
  return block.segments[block.segments.length - 1].sourceStart;
}

function numberingLength(block: Block): number {
  const first = block.docx?.pieces[0];
  return first?.kind === 'numbering' ? first.textEnd : 0;
}

/** Maps a fix in source offsets to a change in one paragraph's text, or says why it cannot be one. */
export function blockChangeFor(document: GwDocument, message: LintMessage): BlockChange | RefusalReason {
  const fix = message.fix;
  if (!fix) return 'mismatch';
  // A new paragraph is not a character in a run: a fix that adds or joins lines is not written.
  if (/[\n\r]/.test(fix.text)) return 'paragraphs';
  const [start, end] = fix.range;
  const blocks = document.blocks;
  let low = 0;
  let high = blocks.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (visibleStart(blocks[mid]) <= start) low = mid;
    else high = mid - 1;
  }
  const block = blocks[low];
  if (!block?.docx) return 'mismatch';
  const shift = numberingLength(block);
  const from = visibleStart(block);
  // The automatic number maps onto the start of the paragraph's own text, so a fix there cannot be told
  // from a fix of the number; neither is written.
  if (shift > 0 && start < from + shift) return 'numbering';
  if (start < from || end > from + block.text.length - shift) return 'paragraphs';
  const change: BlockChange = { block, start: start - from + shift, end: end - from + shift, text: fix.text };
  if (document.source.slice(start, end) !== block.text.slice(change.start, change.end)) return 'mismatch';
  return change;
}

/** A stable name for a fix, to recognise it again after re-linting an unchanged document. */
function fixKey(message: LintMessage): string {
  return `${message.ruleId}\0${message.fix?.range.join(',')}\0${message.fix?.text}`;
}

function digest(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return `${text.length}:${hash >>> 0}`;
}

/** Fixes a .docx: lint, write the fixes that can be written safely, read and lint again, until stable. */
export function fixDocx(bytes: Uint8Array, options: FixDocxOptions): FixedDocx {
  const original = options.parse(bytes);
  let current = bytes;
  let document = original;
  let result = options.lint(document);
  const fixed: LintMessage[] = [];
  const refusedByKey = new Map<string, RefusedFix>();
  const seen = new Set<string>([digest(document.source)]);
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const excluded = new Set<LintMessage>();
    const refuse = (message: LintMessage, reason: RefusalReason): void => {
      excluded.add(message);
      refusedByKey.set(fixKey(message), { message, reason, explanation: REFUSAL_MESSAGES[reason] });
    };
    let written: Uint8Array | undefined;
    // Choose the fixes that do not overlap; drop those Word cannot take and choose again, so that a refused
    // fix never holds back one beside it.
    for (;;) {
      const selection = applyFixes(document.source, result.messages.filter((message) => !excluded.has(message))).fixed;
      const changes: { key: LintMessage; change: BlockChange }[] = [];
      for (const message of selection) {
        const change = blockChangeFor(document, message);
        if (typeof change === 'string') refuse(message, change);
        else changes.push({ key: message, change });
      }
      if (changes.length < selection.length) continue;
      if (changes.length === 0) break;
      const outcome = writeDocx(current, document, { changes, revisions: options.revisions, date: options.date });
      for (const { key, reason } of outcome.refused) refuse(key, reason);
      if (outcome.refused.length > 0) continue;
      written = outcome.bytes;
      fixed.push(...outcome.applied);
      break;
    }
    if (!written) break;
    current = written;
    document = options.parse(current);
    result = options.lint(document);
    const state = digest(document.source);
    if (seen.has(state)) break;
    seen.add(state);
  }
  const remaining = new Set(result.messages.filter((message) => message.fix).map(fixKey));
  const refused = [...refusedByKey.entries()].filter(([key]) => remaining.has(key)).map(([, refusal]) => refusal);
  return { bytes: current, original, document, result, fixed, refused };
}
