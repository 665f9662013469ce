/**
 * One pass over the characters of every block of a document that tells the rules which blocks they need to read:
 * the format rules (date-format, number-usage, no-repeated-word, document-number, attachment-note), and no-placeholder,
 * punctuation-form, punctuation-sequence, enumeration-sequence and punctuation-pair when a format rule has made it.
 * Each of them searched every block for its own trigger (a regex, a loop over the characters, a search of the
 * source); most blocks hold none, and a native search costs more per call than per character on blocks of a line or
 * two. One loop with a table read per character answers all of them at once, and the rules visit only their blocks.
 */
import type { GwDocument } from '../document.js';
import { PAIRED_MARKS, precheckClosed, precheckMark, startPrecheck } from './pairs.js';

/** What a block holds that some rule must look at; a block's mask is the union of these. */
export const Trigger = {
  /** A `年`: a year to pass on or check (date-format). */
  Year: 1,
  /** A `月` after a digit or one of `一` … `九` `十`: perhaps a date (date-format). */
  Month: 2,
  /**
   * A year of four ASCII digits from 1900 to 2099 with `.` `-` `/` or `．` and an ASCII digit after it: perhaps a numeric
   * date, `2024.5.8` (date-format). Numbered lines (`1.`) have a digit before a dot too, so the year is read.
   */
  NumericDate: 4,
  /**
   * A digit (ASCII or full-width) after a Chinese numeral or `千`, or before `十` `百` `千` `零` `〇`; or three ASCII
   * digits after an ASCII digit and a `，` or `、`: perhaps a number with mixed digits or a wrong thousands separator
   * (number-usage). Enumerations (`1、`) have a digit before a 、 too, so the group after it is read.
   */
  MixedNumber: 8,
  /** A `左`, as in `左右` (number-usage's `约…左右`). */
  Zuo: 16,
  /**
   * One of `〇一二三四五六七八九` right before one of `○零OＯ0０`: perhaps a Chinese-numeral year with a wrong zero,
   * `二O二四年` (date-format). The first wrong zero of such a year follows its 一/二 or a right digit.
   */
  YearZero: 32,
  /** A `附`: an attachment note, heading or citation (attachment-note). */
  Fu: 64,
  /** A `号`: perhaps a 发文字号 (document-number). */
  Hao: 128,
  /**
   * What every built-in blank of no-placeholder needs: an X-like character, a cross or an ellipsis, a square bracket,
   * two `某` `□` or `○`/`〇` in a row, three underscores, a space right inside a round bracket, `什么什么什么`, `啥啥啥`.
   */
  Blank: 256,
  /** The first character of one of no-placeholder's default marker words (MARKER_INITIALS). */
  Marker: 512,
  /** A corner quote `「」『』` (punctuation-form). */
  CornerQuote: 1024,
  /**
   * One of `…` `.` `．` `-` `–` `－` `—`: what every candidate of punctuation-form holds but `。。。`, which a block
   * without one of these is searched for alone.
   */
  FormMark: 2048,
  /** One of `是` `第` `其` `首` `再` `最`, which every enumeration member holds (`一是` `第一` `其次` `首先`…; enumeration-sequence). */
  EnumerationWord: 4096,
  /** One of the opening marks `（` `“` `‘` `《` `〈` `〔` `【` `［`, or `(` (punctuation-sequence's `（，`). */
  OpeningMark: 8192,
  /**
   * Paired marks that fail punctuation-pair's pre-check (precheckMark): that rule scans the block in full. Its own
   * pre-check was a second pass over every character of every block; the scan feeds the marks it meets instead.
   */
  UnpairedMarks: 16384,
} as const;

/** The first characters of no-placeholder's default marker words (`待补充`, `请填写`, `此处插入`, `TODO`, `FIXME`…). */
export const MARKER_INITIALS = '待请此TF';

export interface BlockTriggers {
  /** Per block, by index: the union of the Trigger values it holds. */
  readonly masks: Uint16Array;
  /** Per block: the first offset where a unit of one to four basic Han characters is doubled (`的的`, `研究研究`), or -1. */
  readonly firstDoubled: Int32Array;
  /**
   * Per block: the last such offset, or -1. A rule that turns a doubled unit away looks for the next one only when
   * one starts further on: a block with one `某某` is not read again to its end.
   */
  readonly lastDoubled: Int32Array;
}

// The characters that set a trigger are rare (a few in a hundred), so the loop reads one table entry per character
// and branches only on a rare one: most triggers are the character itself; the others look at its neighbours,
// read there rather than carried along for every character. RARE holds, per character, the Trigger bits it sets
// alone, or NEIGHBOURS for a character whose neighbours decide.
const NEIGHBOURS = 1 << 15;
/** A mark of PAIRED_MARKS, fed to the pre-check; not a bit of a mask (UnpairedMarks is set from the pre-check). */
const PAIRED_MARK = Trigger.UnpairedMarks;
const RARE = new Uint16Array(0x10000);
// What a character is as the neighbour of a rare one.
/** May stand right before the digits of a mixed number: 〇 一 … 九 零 十 百 千. */
const NUMERAL_BEFORE_DIGIT = 1 << 0;
/** May stand right after the digits of a mixed number: 十 百 千 零 〇. */
const AFTER_DIGIT = 1 << 1;
/** `.` `-` `/` `．`, the separators of a numeric date. */
const DATE_SEPARATOR = 1 << 2;
/** 〇 一 … 九: a digit of a Chinese-numeral year that is not a wrong zero. */
const YEAR_DIGIT = 1 << 3;
/** A space a round bracket may hold where a blank is left: ` ` `\t` `　` NBSP. */
const SPACE = 1 << 4;
const DIGIT = 1 << 5;
const ASCII_DIGIT = 1 << 6;
/** ○ 零 O Ｏ 0 ０: a wrong zero in a Chinese-numeral year. */
const WRONG_ZERO = 1 << 7;
const CIRCLE = 1 << 8;
const UNDERSCORE = 1 << 9;
const OPEN_ROUND = 1 << 10;
/** 某 □ 啥 什: blanks when doubled (啥 and 什么 tripled); compared with the next character. */
const REPEATS = 1 << 11;
/** `，` `、` written between groups of three digits (`1，000`), which GB/T 15835 does not allow. */
const THOUSANDS_SEPARATOR = 1 << 12;
/** 一 … 九 十: the Chinese numerals a month or day is written with. */
const MONTH_NUMERAL = 1 << 13;
const KINDS = new Uint16Array(0x10000);

function classify(table: Uint16Array, characters: string, bits: number): void {
  for (let i = 0; i < characters.length; i++) table[characters.charCodeAt(i)] |= bits;
}
classify(KINDS, '〇一二三四五六七八九零十百千', NUMERAL_BEFORE_DIGIT);
classify(KINDS, '十百千零〇', AFTER_DIGIT);
classify(KINDS, '，、', THOUSANDS_SEPARATOR);
classify(KINDS, '一二三四五六七八九十', MONTH_NUMERAL);
classify(KINDS, '.-/．', DATE_SEPARATOR);
classify(KINDS, '〇一二三四五六七八九', YEAR_DIGIT);
classify(KINDS, ' \t\u3000\u00a0', SPACE);
classify(KINDS, '0123456789０１２３４５６７８９', DIGIT);
classify(KINDS, '0123456789', ASCII_DIGIT);
classify(KINDS, '○零OＯ0０', WRONG_ZERO);
classify(KINDS, '○〇', CIRCLE);
classify(KINDS, '_＿', UNDERSCORE);
classify(KINDS, '（(〔', OPEN_ROUND);
classify(KINDS, '某□啥什', REPEATS);
classify(RARE, '年', Trigger.Year);
classify(RARE, '左', Trigger.Zuo);
classify(RARE, '附', Trigger.Fu);
classify(RARE, '号', Trigger.Hao);
classify(RARE, 'XxＸｘ×【[［✕✖✗╳…⋯', Trigger.Blank);
classify(RARE, MARKER_INITIALS, Trigger.Marker);
classify(RARE, '「」『』', Trigger.CornerQuote);
classify(RARE, '….．-–－—', Trigger.FormMark);
classify(RARE, '是第其首再最', Trigger.EnumerationWord);
// `（` `(` `〔` are read with their neighbours (OPEN_ROUND): neighbourTriggers sets the bit for them.
classify(RARE, '“‘《〈【［', Trigger.OpeningMark);
classify(RARE, PAIRED_MARKS, PAIRED_MARK);
for (let code = 0; code < KINDS.length; code++) {
  if ((KINDS[code] & (DIGIT | WRONG_ZERO | CIRCLE | UNDERSCORE | OPEN_ROUND | REPEATS)) !== 0) RARE[code] |= NEIGHBOURS;
}
const MONTH = 0x6708; // 月
RARE[MONTH] |= NEIGHBOURS;

// The scan reads a block as `text[start, end)`: its own text from 0 to its length, or the part of the document's source
// it was taken from (see scan). Nothing outside those bounds is read, as if the block stood alone.

/** The code at `at`, or 0 (no character of any kind) outside the block `text[start, end)`. */
function codeOrZero(text: string, start: number, end: number, at: number): number {
  return at >= start && at < end ? text.charCodeAt(at) : 0;
}

const { Month: MONTH_TRIGGER, MixedNumber: MIXED_NUMBER, NumericDate: NUMERIC_DATE, YearZero: YEAR_ZERO, Blank: BLANK, OpeningMark: OPENING_MARK } = Trigger;

/** Whether `count` ASCII digits stand from `from` on. */
function asciiDigitsFrom(text: string, start: number, end: number, from: number, count: number): boolean {
  for (let at = from; at < from + count; at++) if ((KINDS[codeOrZero(text, start, end, at)] & ASCII_DIGIT) === 0) return false;
  return true;
}

const ONE = 0x31;
const TWO = 0x32;
const NINE = 0x39;
const ZERO = 0x30;

/** Whether four ASCII digits from 1900 to 2099 end at `at` (a digit itself). */
function isYearEndingAt(text: string, start: number, end: number, at: number): boolean {
  const first = codeOrZero(text, start, end, at - 3);
  const second = codeOrZero(text, start, end, at - 2);
  return ((first === ONE && second === NINE) || (first === TWO && second === ZERO)) && (KINDS[codeOrZero(text, start, end, at - 1)] & ASCII_DIGIT) !== 0;
}

/** The triggers a character whose neighbours decide sets at `at`. */
function neighbourTriggers(text: string, start: number, end: number, at: number, code: number): number {
  const kind = KINDS[code];
  const before = KINDS[codeOrZero(text, start, end, at - 1)];
  const next = codeOrZero(text, start, end, at + 1);
  const after = KINDS[next];
  let triggers = 0;
  if ((kind & DIGIT) !== 0) {
    if ((before & NUMERAL_BEFORE_DIGIT) !== 0 || (after & AFTER_DIGIT) !== 0) triggers |= MIXED_NUMBER;
    if ((kind & ASCII_DIGIT) !== 0 && (after & THOUSANDS_SEPARATOR) !== 0 && asciiDigitsFrom(text, start, end, at + 2, 3)) triggers |= MIXED_NUMBER;
    if ((kind & ASCII_DIGIT) !== 0 && (after & DATE_SEPARATOR) !== 0 && isYearEndingAt(text, start, end, at) && asciiDigitsFrom(text, start, end, at + 2, 1)) triggers |= NUMERIC_DATE;
  }
  if (code === MONTH && (before & (DIGIT | MONTH_NUMERAL)) !== 0) triggers |= MONTH_TRIGGER;
  if ((kind & WRONG_ZERO) !== 0 && (before & YEAR_DIGIT) !== 0) triggers |= YEAR_ZERO;
  if ((kind & CIRCLE) !== 0 && (after & CIRCLE) !== 0) triggers |= BLANK;
  if ((kind & UNDERSCORE) !== 0 && (after & UNDERSCORE) !== 0 && (KINDS[codeOrZero(text, start, end, at + 2)] & UNDERSCORE) !== 0) triggers |= BLANK;
  if ((kind & OPEN_ROUND) !== 0) triggers |= (after & SPACE) !== 0 ? BLANK | OPENING_MARK : OPENING_MARK;
  if ((kind & REPEATS) !== 0 && repeatsAsBlank(text, end, at, code, next)) triggers |= BLANK;
  return triggers;
}

const MOU = 0x67d0; // 某
const SQUARE = 0x25a1; // □
const SHA = 0x5565; // 啥

/** `某某` `□□` `啥啥啥` `什么什么什么` from `at`, where `code` stands and `next` follows. */
function repeatsAsBlank(text: string, end: number, at: number, code: number, next: number): boolean {
  if (code === MOU || code === SQUARE) return next === code;
  if (code === SHA) return next === code && at + 2 < end && text.charCodeAt(at + 2) === code;
  return at + 6 <= end && text.startsWith('什么什么什么', at);
}

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
 * Whether `text[unit, unit + length)`, whose first character is a basic Han one and repeated at `unit + length`, is
 * all basic Han and written twice in a row before `end`: what isDoubledAt finds at `unit` with a unit of `length`.
 */
function isUnitDoubled(text: string, end: number, unit: number, length: number): boolean {
  if (unit + 2 * length > end) return false;
  for (let i = 1; i < length; i++) {
    const code = text.charCodeAt(unit + i);
    if (!isBasicHan(code) || code !== text.charCodeAt(unit + length + i)) return false;
  }
  return true;
}

/**
 * The mask of the block `text[start, end)`; stores its first and last doubled units, as offsets from `start`, in
 * `firstDoubled[index]` and `lastDoubled[index]`.
 */
function scanBlock(text: string, start: number, end: number, index: number, firstDoubled: Int32Array, lastDoubled: Int32Array): number {
  let mask = 0;
  // The pre-check's open bits while every paired mark so far passed it; -1 once one failed, the rest then not fed to it.
  let pairing = 0;
  startPrecheck();
  // The first and last doubled units found, both compared with every one found so that the compiled loop has seen
  // the comparisons run (a comparison first made after the loop was compiled throws it away).
  let first = end;
  let last = -1;
  let back1 = -1;
  let back2 = -1;
  let back3 = -1;
  let back4 = -1;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    // A unit of `length` characters doubled at `p` shows as its first character again at `p + length`: a Han
    // character equal to one of the last four may open the copy of the unit just before it, which is then compared.
    if ((code === back1 || code === back2 || code === back3 || code === back4) && isBasicHan(code)) {
      // Never past the start of the block: reading out of bounds would throw the optimised loop away. One subtraction
      // made whichever way the comparison goes (one made only for a unit near the block's start was first run after
      // the loop was compiled, and threw it away).
      const read = i - start;
      for (let length = read < MAX_UNIT ? read : MAX_UNIT; length >= 1; length--) {
        const unit = i - length;
        if (text.charCodeAt(unit) === code && isUnitDoubled(text, end, unit, length)) {
          if (unit < first) first = unit;
          if (unit > last) last = unit;
        }
      }
    }
    back4 = back3;
    back3 = back2;
    back2 = back1;
    back1 = code;
    const rare = RARE[code];
    if (rare !== 0) {
      if ((rare & PAIRED_MARK) !== 0 && pairing >= 0) pairing = precheckMark(code, pairing);
      mask |= (rare & NEIGHBOURS) === 0 ? rare : neighbourTriggers(text, start, end, i, code);
    }
  }
  firstDoubled[index] = last === -1 ? -1 : first - start;
  lastDoubled[index] = last === -1 ? -1 : last - start;
  // A paired mark set PAIRED_MARK, the bit of UnpairedMarks, in the mask: the pre-check's answer replaces it.
  return pairing >= 0 && precheckClosed() ? mask & ~PAIRED_MARK : mask | PAIRED_MARK;
}

/**
 * Scans a block whose text is a piece of the source (Block.verbatim) in the source: the source is one flat string,
 * and a block's text a slice of it, which V8 reads more slowly (over the light bench's 2,000 drafts, a bare loop over
 * the characters took 7.5 ms in the source against 9.5 in the slices, the scan 21.5 against 23.5). Copying the texts
 * into flat strings cost more than it saved.
 */
function scan(document: GwDocument): BlockTriggers {
  const { blocks, source } = document;
  const masks = new Uint16Array(blocks.length);
  const firstDoubled = new Int32Array(blocks.length);
  const lastDoubled = new Int32Array(blocks.length);
  for (let index = 0; index < blocks.length; index++) {
    const { text, verbatim, segments } = blocks[index];
    const start = verbatim === true ? segments[0].sourceStart : 0;
    masks[index] = scanBlock(verbatim === true ? source : text, start, start + text.length, index, firstDoubled, lastDoubled);
  }
  return { masks, firstDoubled, lastDoubled };
}

/**
 * Every path of the scan, run on a few lines when the module loads: a branch first taken after the scan was compiled
 * (a 啥 in the thousandth draft) would throw the compiled scan away, and each rare trigger would do so once.
 */
const WARM_UP = [
  '2024年5月8日、2024.5.8，3千5百，1，000，二O二四年（ ）【单位】“XX”《某某》□□○○___啥啥啥什么什么什么……约100人左右附件1号的的\n'.repeat(4),
  // Each way the pre-check fails: a second `“` or `《` open, a closer not expected, a mark left open.
  '““',
  '《《',
  '）',
  '（',
];
for (let round = 0; round < 4; round++) {
  for (const text of WARM_UP) {
    scanBlock(text, 0, text.length, 0, new Int32Array(1), new Int32Array(1));
    // As a block in the middle of a source, the characters around it not its own.
    const source = `啥${text}0`;
    scanBlock(source, 1, source.length - 1, 0, new Int32Array(1), new Int32Array(1));
  }
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

/**
 * The triggers of `document` if a rule has already asked for them, else undefined. no-placeholder reads them only
 * then: the format rules, which run before it (the registry is in alphabetical order), make the scan whenever any of
 * them is on, and its own two native searches per block cost it less than the scan would alone (they stop at the
 * first blank of a draft full of them, and run as native code from the first draft on).
 */
export function scannedTriggers(document: GwDocument): BlockTriggers | undefined {
  return last?.document === document ? last.triggers : undefined;
}
