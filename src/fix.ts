import type { LintMessage, LintResult, SourceFix } from './linter.js';

export interface AppliedFixes {
  output: string;
  /** Messages whose fix was applied. */
  fixed: LintMessage[];
  /** Messages with a fix that overlapped an applied one; a later pass (after re-linting) may apply them. */
  deferred: LintMessage[];
}

/**
 * Applies non-overlapping fixes in one pass, from the end of the text backwards so that earlier offsets stay
 * valid. A fix that overlaps or touches one already taken is deferred, never merged.
 */
export function applyFixes(source: string, messages: readonly LintMessage[]): AppliedFixes {
  const withFix = messages.filter((message): message is LintMessage & { fix: SourceFix } => message.fix !== undefined);
  withFix.sort((a, b) => b.fix.range[0] - a.fix.range[0] || b.fix.range[1] - a.fix.range[1]);
  const fixed: LintMessage[] = [];
  const deferred: LintMessage[] = [];
  const pieces: string[] = [];
  let cursor = source.length;
  for (const message of withFix) {
    const [start, end] = message.fix.range;
    if (end > cursor || (end === cursor && fixed.length > 0 && start === end)) {
      deferred.push(message);
      continue;
    }
    pieces.push(source.slice(end, cursor), message.fix.text);
    cursor = start;
    fixed.push(message);
  }
  pieces.push(source.slice(0, cursor));
  return { output: pieces.reverse().join(''), fixed, deferred };
}

const MAX_FIX_PASSES = 10;

/**
 * Lints, fixes what does not overlap, and lints the fixed text again, until nothing fixable is left or the
 * pass limit is reached. Returns the final text and its lint result (the findings that remain).
 */
export function fixText(source: string, lintOnce: (text: string) => LintResult): { output: string; result: LintResult } {
  let output = source;
  let result = lintOnce(output);
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const applied = applyFixes(output, result.messages);
    if (applied.fixed.length === 0 || applied.output === output) break;
    output = applied.output;
    result = lintOnce(output);
  }
  return { output, result };
}
