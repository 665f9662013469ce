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
