/**
 * Paired punctuation marks (GB/T 15834-2011 §4.1, 4.7, 4.8): which opener goes with which closer, and
 * what each mark is called in a message. Half-width brackets and the straight double quote are listed so
 * that a full-width mark closed by a half-width one (`（一)`, `“蒙速办"`) can be recognised.
 */

export type PairFamily = 'quote' | 'title' | 'bracket';

export interface PairMark {
  /** Position in PAIRS, for counting open marks in a typed array. */
  readonly index: number;
  readonly open: string;
  readonly close: string;
  readonly family: PairFamily;
  /** Full-width marks are the ones Chinese text must use; half-width ones are only checked against them. */
  readonly fullWidth: boolean;
  /** Chinese name of the pair (`双引号`), and of each of its two marks, for messages. */
  readonly name: string;
  readonly openName: string;
  readonly closeName: string;
}

function pair(index: number, open: string, close: string, family: PairFamily, fullWidth: boolean, name: string): PairMark {
  return { index, open, close, family, fullWidth, name, openName: `前${name}`, closeName: `后${name}` };
}

export const PAIRS: readonly PairMark[] = [
  pair(0, '“', '”', 'quote', true, '双引号'),
  pair(1, '‘', '’', 'quote', true, '单引号'),
  pair(2, '《', '》', 'title', true, '书名号'),
  pair(3, '〈', '〉', 'title', true, '单书名号'),
  pair(4, '（', '）', 'bracket', true, '圆括号'),
  pair(5, '〔', '〕', 'bracket', true, '六角括号'),
  pair(6, '【', '】', 'bracket', true, '方头括号'),
  pair(7, '［', '］', 'bracket', true, '方括号'),
  pair(8, '(', ')', 'bracket', false, '半角括号'),
  pair(9, '[', ']', 'bracket', false, '半角方括号'),
  pair(10, '"', '"', 'quote', false, '直引号'),
];

export const DOUBLE_QUOTE = PAIRS[0];
export const SINGLE_QUOTE = PAIRS[1];
export const TITLE_MARK = PAIRS[2];
export const SINGLE_TITLE_MARK = PAIRS[3];
export const STRAIGHT_QUOTE = PAIRS[10];

/** Openers by character; the straight quote `"` is both opener and closer and is handled apart. */
export const PAIR_BY_OPEN: ReadonlyMap<string, PairMark> = new Map(PAIRS.filter((p) => p !== STRAIGHT_QUOTE).map((p) => [p.open, p]));
export const PAIR_BY_CLOSE: ReadonlyMap<string, PairMark> = new Map(PAIRS.filter((p) => p !== STRAIGHT_QUOTE).map((p) => [p.close, p]));

/** The full-width counterpart a half-width mark should have been. */
export const FULL_WIDTH_OF: Readonly<Record<string, string>> = { '(': '（', ')': '）', '[': '［', ']': '］', "'": '’' };

/**
 * The mark that must be used one level further in (GB/T 15834 §4.1.3.2, §4.9.3.3): double quotes take single
 * quotes inside, 书名号 take 单书名号 inside.
 */
export const INNER_OF: ReadonlyMap<PairMark, PairMark> = new Map([
  [DOUBLE_QUOTE, SINGLE_QUOTE],
  [TITLE_MARK, SINGLE_TITLE_MARK],
]);

/** Every mark punctuation-pair's scan acts on. */
export const PAIRED_MARKS = '"\'“”‘’《》〈〉（）〔〕【】［］()[]';

/** 1 for a character of PAIRED_MARKS, by UTF-16 code, so that other text costs one array read. */
export const IS_PAIRED_MARK = new Uint8Array(0x10000);
for (const mark of PAIRED_MARKS) IS_PAIRED_MARK[mark.charCodeAt(0)] = 1;

/**
 * By UTF-16 code: for an opener the pre-check handles, the code of its closer; 0 for any other character.
 * The straight quote `"` (opener and closer at once) and the single quotes (`’` is also an apostrophe)
 * are rare in 公文 and left to the full scan.
 */
const PRECHECK_CLOSER_OF = new Uint16Array(0x10000);
for (const pair of PAIRS) {
  if (pair !== STRAIGHT_QUOTE && pair !== SINGLE_QUOTE) PRECHECK_CLOSER_OF[pair.open.charCodeAt(0)] = pair.close.charCodeAt(0);
}

/**
 * punctuation-pair's pre-check, one paired mark of a paragraph at a time: whether every mark is a bracket, double quote
 * or 书名号 that closes the mark opened last, so that the full scan would find nothing and leave nothing open for later
 * paragraphs. Most paragraphs are like this, and the pre-check allocates nothing. Anything else fails it and the full
 * scan decides: any other mark (`"` `'` `‘` `’`), a closer other than the one expected, a mark left open at the end,
 * and a `“` within a `“` or a `《` within a `《` (which may be nested). The trigger scan feeds it the marks it meets,
 * so that punctuation-pair need not pass over the paragraph again; marksPairTrivially is the rule's own pass.
 *
 * What is open besides the stack is two bits the caller keeps in a local (a `“` open, a `《` open: a second one
 * fails), not fields of an object: the loops over the characters then write no memory for them.
 */
const DOUBLE_QUOTE_OPEN = 1;
const TITLE_MARK_OPEN = 2;
/** By UTF-16 code: the open bit a `“` or `”` (DOUBLE_QUOTE_OPEN), a `《` or `》` (TITLE_MARK_OPEN) sets or clears; 0 for any other. */
const OPEN_BIT = new Uint8Array(0x10000);
for (const [pair, bit] of [
  [DOUBLE_QUOTE, DOUBLE_QUOTE_OPEN],
  [TITLE_MARK, TITLE_MARK_OPEN],
] as const) {
  OPEN_BIT[pair.open.charCodeAt(0)] = bit;
  OPEN_BIT[pair.close.charCodeAt(0)] = bit;
}

/** The codes of the closers still expected, innermost last; the pre-check is synchronous and never re-entered. */
const expectedClosers: number[] = [];

/** Starts the pre-check of a paragraph; its open bits start at 0. */
export function startPrecheck(): void {
  // Setting an array's length costs some 25 ns even when it is already 0; most paragraphs leave the stack empty.
  if (expectedClosers.length !== 0) expectedClosers.length = 0;
}

/** Takes the paragraph's next mark (one of PAIRED_MARKS, by code): the new open bits, or -1 when the pre-check fails. */
export function precheckMark(code: number, open: number): number {
  const closer = PRECHECK_CLOSER_OF[code];
  const bit = OPEN_BIT[code];
  if (closer !== 0) {
    if ((open & bit) !== 0) return -1;
    expectedClosers.push(closer);
    return open | bit;
  }
  if (expectedClosers.length === 0 || code !== expectedClosers[expectedClosers.length - 1]) return -1;
  expectedClosers.pop();
  return open & ~bit;
}

/** After the paragraph's last mark, none failing: whether none is left open. */
export function precheckClosed(): boolean {
  return expectedClosers.length === 0;
}

/** Whether the marks of `text` pass punctuation-pair's pre-check, for the rule's own pass when no trigger scan was made. */
export function marksPairTrivially(text: string): boolean {
  startPrecheck();
  let open = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (IS_PAIRED_MARK[code] === 0) continue;
    open = precheckMark(code, open);
    if (open < 0) return false;
  }
  return precheckClosed();
}
