import type { LintMessage, LintResult, SourceFix } from './linter.js';

export interface AppliedFixes {
  output: string;
  /** Messages whose fix was applied. */
  fixed: LintMessage[];
  /** Messages with a fix that overlapped or touched an applied one; a later pass (after re-linting) may apply them. */
  deferred: LintMessage[];
  /** Messages whose fix would change nothing (its text equals what it replaces) or whose range lies outside the text. */
  ineffective: LintMessage[];
}

type FixableMessage = LintMessage & { fix: SourceFix };

function isValidRange(fix: SourceFix, length: number): boolean {
  const [start, end] = fix.range;
  return Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= length;
}

/**
 * Applies non-overlapping fixes in one pass, from the end of the text backwards so that earlier offsets stay
 * valid. A fix that overlaps or touches one already taken is deferred, never merged: two touching fixes were
 * each computed without the other (`，；` reported twice must not lose both marks).
 */
export function applyFixes(source: string, messages: readonly LintMessage[]): AppliedFixes {
  const fixed: LintMessage[] = [];
  const deferred: LintMessage[] = [];
  const ineffective: LintMessage[] = [];
  const candidates: FixableMessage[] = [];
  for (const message of messages) {
    if (message.fix === undefined) continue;
    const { fix } = message;
    // A no-op fix would count as progress forever and block real fixes beside it.
    if (!isValidRange(fix, source.length) || source.slice(fix.range[0], fix.range[1]) === fix.text) {
      ineffective.push(message);
    } else {
      candidates.push(message as FixableMessage);
    }
  }
  candidates.sort((a, b) => b.fix.range[0] - a.fix.range[0] || b.fix.range[1] - a.fix.range[1]);
  const pieces: string[] = [];
  let cursor = source.length;
  for (const message of candidates) {
    const [start, end] = message.fix.range;
    if (fixed.length > 0 && end >= cursor) {
      deferred.push(message);
      continue;
    }
    pieces.push(source.slice(end, cursor), message.fix.text);
    cursor = start;
    fixed.push(message);
  }
  pieces.push(source.slice(0, cursor));
  return { output: pieces.reverse().join(''), fixed, deferred, ineffective };
}

/** ESLint's bound: enough for fixes that uncover further fixes, small enough that a bad rule cannot spin. */
export const MAX_FIX_PASSES = 10;

export interface FixedText {
  output: string;
  /** The lint result of `output`: the findings that remain. */
  result: LintResult;
  /** Every message whose fix was applied, over all passes. */
  fixed: LintMessage[];
}

/**
 * Two independent 32-bit FNV-1a hashes and the length: enough to recognise a text state seen before, and
 * free of Node's crypto so that fixing runs in a browser too.
 */
function digest(text: string): string {
  let first = 0x811c9dc5;
  let second = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    first = Math.imul(first ^ code, 0x01000193);
    second = Math.imul(second ^ code, 0x5bd1e995) ^ (second >>> 15);
  }
  return `${text.length}:${(first >>> 0).toString(36)}:${(second >>> 0).toString(36)}`;
}

/**
 * Lints, fixes what does not overlap, and lints the fixed text again, until nothing fixable is left, the
 * pass limit is reached, or the text returns to a state already seen (rules whose fixes undo each other);
 * in that last case the repeated state is kept, so that fixing the output again changes nothing.
 */
export function fixText(source: string, lintOnce: (text: string) => LintResult): FixedText {
  let output = source;
  let result = lintOnce(output);
  let fixed: LintMessage[] = [];
  // Digests, not the texts: ten copies of a 50 MB draft would not fit comfortably in memory.
  const seen = new Set<string>([digest(output)]);
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const applied = applyFixes(output, result.messages);
    if (applied.fixed.length === 0 || applied.output === output) break;
    output = applied.output;
    fixed = fixed.concat(applied.fixed);
    result = lintOnce(output);
    const state = digest(output);
    if (seen.has(state)) break;
    seen.add(state);
  }
  return { output, result, fixed };
}
