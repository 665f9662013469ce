/**
 * One finding per problem: when two rules report the same span, or one span inside the other starting or ending
 * at the same place (`,;` by punctuation-sequence and punctuation-width, `(一)` by section-numbering and
 * punctuation-width), the reader sees one finding, from the more specific rule.
 */
import type { Finding } from './finding.js';
import type { LintSuggestion, SourceFix } from './linter.js';

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
function isMoreSpecific(a: Finding, b: Finding): boolean {
  return PRECEDENCE_RANK.get(a.ruleId!)! < PRECEDENCE_RANK.get(b.ruleId!)!;
}

function comparePositions(lineA: number, columnA: number, lineB: number, columnB: number): number {
  return lineA - lineB || columnA - columnB;
}

function contains(outer: Finding, inner: Finding): boolean {
  return (
    comparePositions(outer.line, outer.column, inner.line, inner.column) <= 0 &&
    comparePositions(inner.endLine, inner.endColumn, outer.endLine, outer.endColumn) <= 0
  );
}

function sameFix(a: SourceFix, b: SourceFix): boolean {
  return a.range[0] === b.range[0] && a.range[1] === b.range[1] && a.text === b.text;
}

/** Whether `fix` is the kept finding's fix or the fix of one of its suggestions. */
function offers(kept: Finding, fix: SourceFix): boolean {
  if (kept.fix !== undefined && sameFix(kept.fix, fix)) return true;
  const suggestions = kept.suggestions;
  if (suggestions === undefined) return false;
  for (let i = 0; i < suggestions.length; i++) if (sameFix(suggestions[i].fix, fix)) return true;
  return false;
}

/**
 * The kept finding with what the other adds where the two agree: the other's certain fix when the kept one offers
 * the very same change (as its fix or as one of its suggestions), and the other's suggestions it lacks.
 */
function mergeInto(kept: Finding, other: Finding): Finding {
  const fix = kept.fix === undefined && other.fix !== undefined && offers(kept, other.fix) ? other.fix : kept.fix;
  let added: LintSuggestion[] | undefined;
  const otherSuggestions = other.suggestions;
  if (otherSuggestions !== undefined) {
    for (let i = 0; i < otherSuggestions.length; i++) if (!offers(kept, otherSuggestions[i].fix)) (added ??= []).push(otherSuggestions[i]);
  }
  const suggestions = added === undefined ? kept.suggestions : [...(kept.suggestions ?? []), ...added];
  return kept.withChoices(fix, suggestions);
}

/** Lines and columns below these pack into one small integer (below 2^30). */
const PACKED_LINES = 2 ** 14;
const PACKED_COLUMNS = 2 ** 16;

/**
 * A position as a Map key: usually a small integer, line and column packed, which needs no string built per
 * finding and, unlike a larger number, no number object of its own to hash; a string in Word's parts (whose
 * lines count the paragraphs of the part) and past PACKED_LINES or PACKED_COLUMNS.
 */
function positionKey(part: Finding['part'], line: number, column: number): number | string {
  return part === undefined && line < PACKED_LINES && column < PACKED_COLUMNS ? line * PACKED_COLUMNS + column : `${part ?? ''}:${line}:${column}`;
}

function sameStart(a: Finding, b: Finding): boolean {
  return a.line === b.line && a.column === b.column && a.part === b.part;
}

function sameEnd(a: Finding, b: Finding): boolean {
  return a.endLine === b.endLine && a.endColumn === b.endColumn && a.part === b.part;
}

/**
 * Indices into the merged list by position, each position's in the order they were added. A chain of entries in
 * flat arrays rather than a number or a list per position: one shape of entry, whether a position has one
 * finding (most) or several.
 */
class PositionIndex {
  private readonly firstEntry = new Map<number | string, number>();
  /** Per entry: the index into the merged list, the next entry at its position (-1: none), and for a position's first entry, its last. */
  private readonly findingAt: number[] = [];
  private readonly nextEntry: number[] = [];
  private readonly lastEntry: number[] = [];

  add(key: number | string, at: number): void {
    const entry = this.findingAt.length;
    this.findingAt.push(at);
    this.nextEntry.push(-1);
    this.lastEntry.push(entry);
    const first = this.firstEntry.get(key);
    if (first === undefined) {
      this.firstEntry.set(key, entry);
      return;
    }
    this.nextEntry[this.lastEntry[first]] = entry;
    this.lastEntry[first] = entry;
  }

  /** The first finding at `key` that merges with `finding`, in the order the findings were added. */
  findPartner(key: number | string, finding: Finding, merged: readonly Finding[]): number {
    for (let entry = this.firstEntry.get(key) ?? -1; entry !== -1; entry = this.nextEntry[entry]) {
      const at = this.findingAt[entry];
      if (isPartner(merged[at], finding)) return at;
    }
    return -1;
  }
}

function isPartner(other: Finding, finding: Finding): boolean {
  // The partner's old keys still point to a merged finding; `sameStart`/`sameEnd` check its own span.
  return other.ruleId !== finding.ruleId && (sameStart(other, finding) || sameEnd(other, finding)) && (contains(other, finding) || contains(finding, other));
}

/**
 * Merges findings of different rules on one problem. Runs after suppression comments and rule settings, so a rule
 * that is off or suppressed takes no part and the other rule's finding shows as it is. Keeps the order of the input:
 * a merged finding takes the place of the earlier of the two.
 */
export function mergeFindings(findings: readonly Finding[]): Finding[] {
  const result: Finding[] = [];
  const byStart = new PositionIndex();
  const byEnd = new PositionIndex();
  for (let i = 0; i < findings.length; i++) {
    const finding = findings[i];
    if (finding.ruleId === null || !PRECEDENCE_RANK.has(finding.ruleId)) {
      result.push(finding);
      continue;
    }
    const startKey = positionKey(finding.part, finding.line, finding.column);
    const endKey = positionKey(finding.part, finding.endLine, finding.endColumn);
    let partner = byStart.findPartner(startKey, finding, result);
    if (partner === -1) partner = byEnd.findPartner(endKey, finding, result);
    if (partner === -1) {
      byStart.add(startKey, result.length);
      byEnd.add(endKey, result.length);
      result.push(finding);
      continue;
    }
    const other = result[partner];
    const merged = isMoreSpecific(finding, other) ? mergeInto(finding, other) : mergeInto(other, finding);
    result[partner] = merged;
    byStart.add(positionKey(merged.part, merged.line, merged.column), partner);
    byEnd.add(positionKey(merged.part, merged.endLine, merged.endColumn), partner);
  }
  return result;
}
