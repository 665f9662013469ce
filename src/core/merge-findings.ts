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

/** Each listed rule's place in RULE_PRECEDENCE. */
const PRECEDENCE_RANK: ReadonlyMap<string, number> = new Map(RULE_PRECEDENCE.map((ruleId, rank) => [ruleId, rank]));

/** Whether `a` is kept over `b`; both rules are listed in RULE_PRECEDENCE. */
function isMoreSpecific(a: LintMessage & { ruleId: string }, b: LintMessage & { ruleId: string }): boolean {
  return PRECEDENCE_RANK.get(a.ruleId)! < PRECEDENCE_RANK.get(b.ruleId)!;
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


/** Lines and columns below these pack into one small integer (below 2^30). */
const PACKED_LINES = 2 ** 14;
const PACKED_COLUMNS = 2 ** 16;

/**
 * A position as a Map key: usually a small integer, line and column packed, which needs no string built per
 * finding and, unlike a larger number, no number object of its own to hash; a string in Word's parts (whose
 * lines count the paragraphs of the part) and past PACKED_LINES or PACKED_COLUMNS.
 */
function positionKey(part: LintMessage['part'], line: number, column: number): number | string {
  return part === undefined && line < PACKED_LINES && column < PACKED_COLUMNS ? line * PACKED_COLUMNS + column : `${part ?? ''}:${line}:${column}`;
}

function sameStart(a: LintMessage, b: LintMessage): boolean {
  return a.line === b.line && a.column === b.column && a.part === b.part;
}

function sameEnd(a: LintMessage, b: LintMessage): boolean {
  return a.endLine === b.endLine && a.endColumn === b.endColumn && a.part === b.part;
}

/** Indices into the merged list by position: one index as a number, several as a list (most positions have one). */
type PositionIndex = Map<number | string, number | number[]>;

function addToIndex(index: PositionIndex, key: number | string, at: number): void {
  const entry = index.get(key);
  if (entry === undefined) index.set(key, at);
  else if (typeof entry === 'number') index.set(key, [entry, at]);
  else entry.push(at);
}

/**
 * Merges findings of different rules on one problem. Runs after suppression comments and rule settings, so a rule
 * that is off or suppressed takes no part and the other rule's finding shows as it is. Keeps the order of the input:
 * a merged finding takes the place of the earlier of the two.
 */
export function mergeFindings(messages: readonly LintMessage[]): LintMessage[] {
  const result: LintMessage[] = [];
  const byStart: PositionIndex = new Map();
  const byEnd: PositionIndex = new Map();
  const index = (message: LintMessage, at: number): void => {
    addToIndex(byStart, positionKey(message.part, message.line, message.column), at);
    addToIndex(byEnd, positionKey(message.part, message.endLine, message.endColumn), at);
  };
  const isPartner = (at: number, message: LintMessage): boolean => {
    const other = result[at];
    // The partner's old keys still point to a merged finding; `sameStart`/`sameEnd` check its own span.
    return other.ruleId !== message.ruleId && (sameStart(other, message) || sameEnd(other, message)) && (contains(other, message) || contains(message, other));
  };
  /** The first finding at `key` that merges with `message`, in the order the findings were indexed. */
  const findPartner = (positions: PositionIndex, key: number | string, message: LintMessage): number | undefined => {
    const entry = positions.get(key);
    if (entry === undefined) return undefined;
    if (typeof entry === 'number') return isPartner(entry, message) ? entry : undefined;
    return entry.find((at) => isPartner(at, message));
  };
  for (const message of messages) {
    if (message.ruleId === null || !PRECEDENCE_RANK.has(message.ruleId)) {
      result.push(message);
      continue;
    }
    const partner =
      findPartner(byStart, positionKey(message.part, message.line, message.column), message) ??
      findPartner(byEnd, positionKey(message.part, message.endLine, message.endColumn), message);
    if (partner === undefined) {
      index(message, result.length);
      result.push(message);
      continue;
    }
    const other = result[partner] as LintMessage & { ruleId: string };
    const current = message as LintMessage & { ruleId: string };
    result[partner] = isMoreSpecific(current, other) ? mergeInto(current, other) : mergeInto(other, current);
    index(result[partner], partner);
  }
  return result;
}
