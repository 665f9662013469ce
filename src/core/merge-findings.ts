/**
 * One finding per problem: when two rules report the same span, or one span inside the other starting or ending
 * at the same place (`,;` by punctuation-sequence and punctuation-width, `(一)` by section-numbering and
 * punctuation-width), the reader sees one finding, from the more specific rule.
 */
import type { LintMessage, LintSuggestion, SourceFix } from './linter.js';

/**
 * Which rule's finding is kept when two report one problem, most specific first: a rule that names the problem
 * (a malformed section number, two marks in a row, an unpaired mark) comes before one that only sees its symptom
 * (a half-width mark). Only the rules listed here merge: a rule not listed (one that reports a whole paragraph's
 * layout, say) finds other kinds of problem, and its findings are always kept as they are.
 */
export const RULE_PRECEDENCE: readonly string[] = [
  'section-numbering',
  'document-number',
  'date-format',
  'attachment-note',
  'heading-punctuation',
  'enumeration-sequence',
  'no-placeholder',
  'no-repeated-word',
  'number-usage',
  'terminology',
  'punctuation-sequence',
  'punctuation-pair',
  'punctuation-form',
  'document-elements',
  'paragraph-end',
  'punctuation-width',
];

/** Whether `a` is kept over `b`; both rules are listed in RULE_PRECEDENCE. */
function isMoreSpecific(a: LintMessage & { ruleId: string }, b: LintMessage & { ruleId: string }): boolean {
  return RULE_PRECEDENCE.indexOf(a.ruleId) < RULE_PRECEDENCE.indexOf(b.ruleId);
}

function comparePositions(lineA: number, columnA: number, lineB: number, columnB: number): number {
  return lineA - lineB || columnA - columnB;
}

function contains(outer: LintMessage, inner: LintMessage): boolean {
  return (
    comparePositions(outer.line, outer.column, inner.line, inner.column) <= 0 &&
    comparePositions(inner.endLine, inner.endColumn, outer.endLine, outer.endColumn) <= 0
  );
}

function sameFix(a: SourceFix, b: SourceFix): boolean {
  return a.range[0] === b.range[0] && a.range[1] === b.range[1] && a.text === b.text;
}

/**
 * The kept finding with what the other adds where the two agree: the other's certain fix when the kept one offers
 * the very same change (as its fix or as one of its suggestions), and the other's suggestions it lacks.
 */
function mergeInto(kept: LintMessage, other: LintMessage): LintMessage {
  const merged: LintMessage = { ...kept };
  const keptChoices = [...(kept.fix ? [kept.fix] : []), ...(kept.suggestions ?? []).map((suggestion) => suggestion.fix)];
  if (!merged.fix && other.fix && keptChoices.some((fix) => sameFix(fix, other.fix!))) merged.fix = other.fix;
  const added: LintSuggestion[] = (other.suggestions ?? []).filter((suggestion) => !keptChoices.some((fix) => sameFix(fix, suggestion.fix)));
  if (added.length > 0) merged.suggestions = [...(kept.suggestions ?? []), ...added];
  return merged;
}

/** Positions as keys; a Word finding's line counts the paragraphs of its part, so the part is part of the key. */
function startKey(message: LintMessage): string {
  return `${message.part ?? ''}:${message.line}:${message.column}`;
}

function endKey(message: LintMessage): string {
  return `${message.part ?? ''}:${message.endLine}:${message.endColumn}`;
}

/**
 * Merges findings of different rules on one problem. Runs after suppression comments and rule settings, so a rule
 * that is off or suppressed takes no part and the other rule's finding shows as it is. Keeps the order of the input:
 * a merged finding takes the place of the earlier of the two.
 */
export function mergeFindings(messages: readonly LintMessage[]): LintMessage[] {
  const result: LintMessage[] = [];
  /** Indices into `result` of findings by start and by end position. */
  const byStart = new Map<string, number[]>();
  const byEnd = new Map<string, number[]>();
  const index = (message: LintMessage, at: number): void => {
    for (const [map, key] of [
      [byStart, startKey(message)],
      [byEnd, endKey(message)],
    ] as const) {
      const list = map.get(key);
      if (list) list.push(at);
      else map.set(key, [at]);
    }
  };
  for (const message of messages) {
    if (message.ruleId === null || !RULE_PRECEDENCE.includes(message.ruleId)) {
      result.push(message);
      continue;
    }
    const candidates = [...(byStart.get(startKey(message)) ?? []), ...(byEnd.get(endKey(message)) ?? [])];
    const partner = candidates.find((at) => {
      const other = result[at];
      const samePlace = startKey(other) === startKey(message) || endKey(other) === endKey(message);
      return other.ruleId !== message.ruleId && samePlace && (contains(other, message) || contains(message, other));
    });
    if (partner === undefined) {
      index(message, result.length);
      result.push(message);
      continue;
    }
    const other = result[partner] as LintMessage & { ruleId: string };
    const current = message as LintMessage & { ruleId: string };
    const merged = isMoreSpecific(current, other) ? mergeInto(current, other) : mergeInto(other, current);
    // The partner's old keys still point here; `samePlace` checks the merged finding's own span.
    result[partner] = merged;
    index(merged, partner);
  }
  return result;
}
