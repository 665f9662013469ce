/**
 * One pass over the characters of every block of a document that tells the format rules that must look at every
 * character (date-format, number-usage, no-repeated-word) which blocks they need to read. Each of them searched every
 * block for its own trigger (a regex, a loop over the characters); most blocks hold none, and a native search costs
 * more per call than per character on blocks of a line or two. One loop with a table read per character answers all
 * of them at once, and the rules visit only their blocks. (document-number and attachment-note need one rare
 * character, which one search of the source finds: see source-search.ts.)
 */
import type { GwDocument } from '../document.js';

/** What a block holds that some rule must look at; a block's mask is the union of these. */
export const Trigger = {
  /** A `年`: a year to pass on or check (date-format). */
  Year: 1,
  /** A `月`: perhaps a date (date-format). */
  Month: 2,
  /** An ASCII digit right before `.` `-` `/` `．`: perhaps the year of a numeric date, `2024.5.8` (date-format). */
  NumericDate: 4,
  /**
   * A digit (ASCII or full-width) after a Chinese numeral or `千`, or before `十` `百` `千` `零` `〇` `，` `、`: perhaps a
   * number with mixed digits or a wrong thousands separator (number-usage).
   */
  MixedNumber: 8,
  /** A `左`, as in `左右` (number-usage's `约…左右`). */
  Zuo: 16,
} as const;
const { Year: TRIGGER_YEAR, Month: TRIGGER_MONTH, NumericDate: TRIGGER_NUMERIC_DATE, MixedNumber: TRIGGER_MIXED_NUMBER, Zuo: TRIGGER_ZUO } = Trigger;

export interface BlockTriggers {
  /** Per block, by index: the union of the Trigger values it holds. */
  readonly masks: Uint8Array;
  /** Per block: the first offset where a unit of one to four basic Han characters is doubled (`的的`, `研究研究`), or -1. */
  readonly firstDoubled: Int32Array;
  /**
   * Per block: the last such offset, or -1. A rule that turns a doubled unit away looks for the next one only when
   * one starts further on: a block with one `某某` is not read again to its end.
   */
  readonly lastDoubled: Int32Array;
}

// The classes of characters the scan looks up, one read of a 64 KiB table per character, OR-ed together without a
// branch (a branch per character costs more than the read: the characters that matter are scattered among the
// others). Neighbours are paired with shifts: DIGIT << 3 is AFTER_DIGIT, NUMERAL_BEFORE_DIGIT >> 2 is DIGIT,
// ASCII_DIGIT << 3 is DATE_SEPARATOR.
const YEAR = 1 << 0;
const MONTH = 1 << 1;
const ZUO = 1 << 2;
const DIGIT = 1 << 3;
const ASCII_DIGIT = 1 << 4;
/** May stand right before the digits of a mixed number: 〇 一 … 九 零 十 百 千. */
const NUMERAL_BEFORE_DIGIT = 1 << 5;
/** May stand right after the digits of a mixed number or separated thousands: 十 百 千 零 〇 ， 、. */
const AFTER_DIGIT = 1 << 6;
/** `.` `-` `/` `．`, the separators of a numeric date. */
const DATE_SEPARATOR = 1 << 7;

const CLASSES = new Uint8Array(0x10000);
function classify(characters: string, bits: number): void {
  for (let i = 0; i < characters.length; i++) CLASSES[characters.charCodeAt(i)] |= bits;
}
classify('0123456789', DIGIT | ASCII_DIGIT);
classify('０１２３４５６７８９', DIGIT);
classify('〇一二三四五六七八九零十百千', NUMERAL_BEFORE_DIGIT);
classify('十百千零〇，、', AFTER_DIGIT);
classify('.-/．', DATE_SEPARATOR);
classify('年', YEAR);
classify('月', MONTH);
classify('左', ZUO);

const MAX_UNIT = 4;

/** A character of the CJK Unified Ideographs block, the characters a doubled unit is searched among. */
function isBasicHan(code: number): boolean {
  return code >= 0x4e00 && code <= 0x9fff;
}

/** Whether one to four characters of the basic Han block at `at` are written twice in a row (`的的`, `我们我们`). */
function isDoubledAt(text: string, at: number): boolean {
  for (let length = 1; length <= MAX_UNIT && at + 2 * length <= text.length; length++) {
    // A unit with a character that is not Han stays so when it grows: no longer unit can qualify either.
    if (!isBasicHan(text.charCodeAt(at + length - 1))) return false;
    let same = true;
    for (let i = 0; i < length && same; i++) same = text.charCodeAt(at + i) === text.charCodeAt(at + length + i);
    if (same) return true;
  }
  return false;
}

/**
 * The first offset from `from` on where a unit of one to four Han characters is doubled, or -1. A unit doubled at
 * `p` repeats its first character `length` places on, so one pass keeps the last four characters in hand and tests
 * the few offsets just before a character that equals one of them. A backtracking regex
 * (`([\u4e00-\u9fff]{1,4}?)\1`) tries four lengths and a back-reference at every character: three times the work.
 */
export function nextDoubled(text: string, from: number): number {
  let back1 = -1;
  let back2 = -1;
  let back3 = -1;
  let back4 = -1;
  // Offsets below `tested` are known not to start a doubled unit.
  let tested = from;
  for (let i = from; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code === back1 || code === back2 || code === back3 || code === back4) && isBasicHan(code)) {
      for (let at = Math.max(tested, i - MAX_UNIT); at < i; at++) if (isDoubledAt(text, at)) return at;
      tested = i;
    }
    back4 = back3;
    back3 = back2;
    back2 = back1;
    back1 = code;
  }
  return -1;
}

/**
 * Whether `text[start, start + length)`, whose first character is a basic Han one and repeated at `start + length`, is
 * all basic Han and written twice in a row: what isDoubledAt finds at `start` with a unit of `length`.
 */
function isUnitDoubled(text: string, start: number, length: number): boolean {
  if (start + 2 * length > text.length) return false;
  for (let i = 1; i < length; i++) {
    const code = text.charCodeAt(start + i);
    if (!isBasicHan(code) || code !== text.charCodeAt(start + length + i)) return false;
  }
  return true;
}

/** The mask of one block's text; stores its first and last doubled units in `firstDoubled[index]` and `lastDoubled[index]`. */
function scanBlock(text: string, index: number, firstDoubled: Int32Array, lastDoubled: Int32Array): number {
  let classes = 0;
  // Pairs of neighbours that matter, as the bit of the second character of the pair.
  let pairs = 0;
  let previousClass = 0;
  // The first and last doubled units found, both compared with every one found so that the compiled loop has seen
  // the comparisons run (a comparison first made after the loop was compiled throws it away).
  let first = text.length;
  let last = -1;
  let back1 = -1;
  let back2 = -1;
  let back3 = -1;
  let back4 = -1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // A unit of `length` characters doubled at `p` shows as its first character again at `p + length`: a Han
    // character equal to one of the last four may open the copy of the unit just before it, which is then compared.
    if ((code === back1 || code === back2 || code === back3 || code === back4) && isBasicHan(code)) {
      // Never past the start of the text: reading out of bounds would throw the optimised loop away.
      for (let length = i < MAX_UNIT ? i : MAX_UNIT; length >= 1; length--) {
        const start = i - length;
        if (text.charCodeAt(start) === code && isUnitDoubled(text, start, length)) {
          if (start < first) first = start;
          if (start > last) last = start;
        }
      }
    }
    back4 = back3;
    back3 = back2;
    back2 = back1;
    back1 = code;
    const characterClass = CLASSES[code];
    classes |= characterClass;
    pairs |= (((previousClass & DIGIT) << 3) | ((previousClass & NUMERAL_BEFORE_DIGIT) >> 2) | ((previousClass & ASCII_DIGIT) << 3)) & characterClass;
    previousClass = characterClass;
  }
  firstDoubled[index] = last === -1 ? -1 : first;
  lastDoubled[index] = last;
  // Constants, not Trigger's properties, and no call that only rare blocks make: a property read or call the
  // optimised loop had not seen run before it was compiled throws the compiled loop away, again and again (measured:
  // the scan then took 39 ms instead of 21 in one run of three). For the same reason every `|` runs for every block:
  // `if (…) mask |= …` left the OR of a rare trigger (左, a mixed number) without type feedback, and the first block
  // that had one threw the compiled scan away (twice in a run over the light bench corpus, traced).
  return (
    ((classes & YEAR) !== 0 ? TRIGGER_YEAR : 0) |
    ((classes & MONTH) !== 0 ? TRIGGER_MONTH : 0) |
    ((pairs & DATE_SEPARATOR) !== 0 ? TRIGGER_NUMERIC_DATE : 0) |
    ((pairs & (AFTER_DIGIT | DIGIT)) !== 0 ? TRIGGER_MIXED_NUMBER : 0) |
    ((classes & ZUO) !== 0 ? TRIGGER_ZUO : 0)
  );
}

function scan(document: GwDocument): BlockTriggers {
  const { blocks } = document;
  const masks = new Uint8Array(blocks.length);
  const firstDoubled = new Int32Array(blocks.length);
  const lastDoubled = new Int32Array(blocks.length);
  for (let index = 0; index < blocks.length; index++) masks[index] = scanBlock(blocks[index].text, index, firstDoubled, lastDoubled);
  return { masks, firstDoubled, lastDoubled };
}

/** The last document scanned and its triggers. */
let last: { readonly document: GwDocument; readonly triggers: BlockTriggers } | undefined;

/**
 * The triggers of every block of `document`, scanned when first asked for and kept for the last document only: the
 * linter runs every rule over one document before the next (see src/core/layout/memo.ts for why not a WeakMap). A
 * slot of its own, not memoiseForLastDocument: the layout rules' calls through that shared function made the call
 * of the scan there polymorphic, and the scan then took twice as long (measured: 40 ms instead of 22 over the bench's
 * 2,000 drafts).
 */
export function blockTriggers(document: GwDocument): BlockTriggers {
  if (last?.document !== document) last = { document, triggers: scan(document) };
  return last.triggers;
}
