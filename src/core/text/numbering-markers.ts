/**
 * Section-number markers at the start of a line (层次序号, GB/T 9704-2012 §7.3.3): `一、` `（一）` `1.` `（1）`,
 * their common wrong forms (`一.` `（一）、` `1、` `1。` `两、` `(一)`), and the legal-style `第一章` `第一节` `第一条`.
 */
import { formatChineseNumeral, numeralValue, parseChineseNumeral, parseDigits } from './chinese-numerals.js';
import { codeAt } from './punctuation.js';
import { isDecimalDigit } from '../parse/characters.js';

/** Outline levels from the top down; the value orders them. */
export const Level = {
  Chapter: 0,
  Section: 1,
  Article: 2,
  Chinese: 3,
  ParenChinese: 4,
  Arabic: 5,
  ParenArabic: 6,
} as const;
export type Level = (typeof Level)[keyof typeof Level];

export interface NumberingMarker {
  readonly level: Level;
  readonly number: number;
  /** Offsets of the marker in the text it was read from; `end` is exclusive. */
  readonly start: number;
  readonly end: number;
  /** The marker as written. */
  readonly written: string;
  /** The marker in its correct form with the same number (equal to `written` when the form is right). */
  readonly correct: string;
  /** Whether `correct` may replace `written` without asking the author. */
  readonly fixable: boolean;
  /** Arabic markers written with full-width digits keep that style in suggestions. */
  readonly fullWidthDigits: boolean;
  /** For `1.`/`1．`: the dot as written, kept in suggestions. */
  readonly dot: string;
}

/** What a line may start with before its marker: spaces, tabs, U+3000 and no-break spaces (signature padding). */
export const LINE_INDENT = /[ \t\u3000\u00a0]*/y;

/** Where the indentation (the characters of `LINE_INDENT`) starting at `at` ends. */
export function skipLineIndent(text: string, at: number): number {
  // Stepped in the condition, so that the step runs for every line: indented lines are few, and a step first taken
  // after the function was compiled would throw its code away.
  let end = at - 1;
  let code: number;
  do code = codeAt(text, ++end);
  while (code === 0x20 || code === 0x09 || code === 0x3000 || code === 0xa0);
  return end;
}

const NUMERAL = '[一二三四五六七八九十百零〇]+';
const LEGAL = new RegExp(`第(${NUMERAL})([章节条])`, 'y');
/**
 * `一、二月份` `一、二类` `三、四线城市` `一、二、三级`: a run of numerals joined by 顿号 that counts something,
 * not a section number. What may follow the second numeral of such a run; the run also counts upward, so
 * `三、一个代表团…` and `四、一九四九年…` are headings whose text starts with a numeral.
 */
const COUNTED_UNIT = new Set('、月季年类级等批期产线档个种项次号'.split('').map((char) => char.charCodeAt(0)));
/**
 * `1．1—苯基-2-丙酮` `2．3,4—亚甲基…`: after the marker, a chemical name opening with its locants (digits, a
 * dash, then the name), not a decimal.
 */
const CHEMICAL_LOCANTS = /[0-9]{1,2}(?:[,，][0-9]{1,2})*[-—－‐][\u3400-\u9fff]/y;
/**
 * `（四）、（五）项所列人员` `（二）至（四）项`: a cross-reference to items, not a heading. What may join the two: 、 至 和 或
 * 及 与 到, as UTF-16 codes.
 */
const CROSS_REFERENCE_JOINERS = new Set('、至和或及与到'.split('').map((char) => char.charCodeAt(0)));
/** 一 … 十, the numerals of a cross-referenced item. */
const ITEM_NUMERALS = new Set('一二三四五六七八九十'.split('').map((char) => char.charCodeAt(0)));

const SPACE_AFTER_LEGAL = /[ \t\u3000\u00a0]/;
const LEGAL_LEVELS: Readonly<Record<string, Level>> = { 章: Level.Chapter, 节: Level.Section, 条: Level.Article };
const LEGAL_UNITS = ['章', '节', '条'];

// Characters are compared as UTF-16 codes: `text[at]` would build a one-character string for each.
const DI = 0x7b2c; // 第
const DUNHAO = 0x3001; // 、
const FULL_STOP = 0x3002; // 。
const LIANG = 0x4e24; // 两

const FULL_WIDTH_OPEN = 0xff08; // （
const FULL_WIDTH_CLOSE = 0xff09; // ）
const HALF_WIDTH_OPEN = 0x28; // (
const HALF_WIDTH_CLOSE = 0x29; // )

/**
 * Character classes by UTF-16 code, a bit each, for the tests below that a chain of comparisons would answer
 * with its first one for most characters: the later comparisons, first made for a rarer character after the
 * function was compiled, would throw its code away. One array read answers for every character.
 */
const MARK_AFTER_NUMERAL = 1;
const DIGIT = 2;
const CHINESE_TEXT = 4;
const CLASS_OF = new Uint8Array(0x10000);
for (const code of [DUNHAO, 0x2e, 0xff0e, 0xff0c, 0x2c]) CLASS_OF[code] |= MARK_AFTER_NUMERAL; // 、 . ． ， ,
for (let code = 0x30; code <= 0x39; code++) CLASS_OF[code] |= DIGIT;
for (let code = 0xff10; code <= 0xff19; code++) CLASS_OF[code] |= DIGIT;
// Han ideographs and full-width punctuation, and the curly quotes “ ” ‘ ’.
for (const [from, to] of [[0x3400, 0x9fff], [0x3000, 0x303f], [0xff01, 0xff5e], [0x201c, 0x201d], [0x2018, 0x2019]]) {
  for (let code = from; code <= to; code++) CLASS_OF[code] |= CHINESE_TEXT;
}

/** Whether the character of a code (-1 outside the text) is of a class. */
function isOfClass(code: number, characterClass: number): boolean {
  return code >= 0 && (CLASS_OF[code] & characterClass) !== 0;
}

function isOpenBracket(code: number): boolean {
  return code === FULL_WIDTH_OPEN || code === HALF_WIDTH_OPEN;
}

function isCloseBracket(code: number): boolean {
  return code === FULL_WIDTH_CLOSE || code === HALF_WIDTH_CLOSE;
}

/** What may follow a bracket marker by mistake (`（一）、` `（1）.`), and a bare Chinese numeral (`一、`, wrongly `一.`). */
function isMarkAfterNumeral(code: number): boolean {
  return isOfClass(code, MARK_AFTER_NUMERAL);
}

/** `.` and `．`, which follow Arabic digits (and, wrongly, `1、`). */
function isDot(code: number): boolean {
  return code === 0x2e || code === 0xff0e;
}

/** ASCII or full-width digits. */
function isDigit(code: number): boolean {
  return isOfClass(code, DIGIT);
}

/** 一 … 十, the numerals a Chinese marker may start with. */
function isLeadingNumeral(code: number): boolean {
  const value = numeralValue(code);
  return value >= 1 && value <= 10;
}

/** Han ideographs and full-width punctuation: text after a bracket marker that makes it Chinese. */
function isChineseText(code: number): boolean {
  return isOfClass(code, CHINESE_TEXT);
}

/** Where the run of numeral characters (一 … 十, 百, 零, 〇) from `at` ends. */
function numeralRunEnd(text: string, at: number): number {
  let end = at;
  while (numeralValue(codeAt(text, end)) >= 0) end++;
  return end;
}

/** Han ideographs, the text a heading's words are made of. */
function isHan(code: number): boolean {
  return code >= 0x3400 && code <= 0x9fff;
}

/**
 * Whether a marker ending at `end` is followed by another item number, a cross-reference (`（四）、（五）项`): whether
 * `[、至和或及与到]?[（(](?:[一二三四五六七八九十]+|[0-9]{1,3})[）)]` matches at `end`. Read by code: a sticky regex cost
 * more in the first runs of a lint than the few characters it reads.
 */
function isCrossReference(text: string, end: number): boolean {
  // Everything is read and compared every time, whether a bracket follows or not (most markers have none): a step
  // first taken after the function was compiled would throw its code away. The loops step in their conditions.
  const open = end + (CROSS_REFERENCE_JOINERS.has(codeAt(text, end)) ? 1 : 0);
  const openCode = codeAt(text, open);
  const fullWidthOpen = openCode === FULL_WIDTH_OPEN;
  const halfWidthOpen = openCode === HALF_WIDTH_OPEN;
  const first = open + 1;
  let numeralsEnd = first - 1;
  while (ITEM_NUMERALS.has(codeAt(text, ++numeralsEnd)));
  // At most three ASCII digits; a fourth fails the closing bracket that must follow.
  let digitsEnd = first - 1;
  while (++digitsEnd < first + 3 && isDecimalDigit(codeAt(text, digitsEnd)));
  const numberEnd = numeralsEnd > first ? numeralsEnd : digitsEnd;
  const closeCode = codeAt(text, numberEnd);
  const fullWidthClose = closeCode === FULL_WIDTH_CLOSE;
  const halfWidthClose = closeCode === HALF_WIDTH_CLOSE;
  return (fullWidthOpen || halfWidthOpen) && numberEnd > first && (fullWidthClose || halfWidthClose);
}

/** Where the run of at most three digits from `at` ends: a fourth digit then fails the mark that must follow. */
function digitRunEnd(text: string, at: number): number {
  let end = at;
  while (end < at + 3 && isDigit(codeAt(text, end))) end++;
  return end;
}

function usesFullWidthDigits(digits: string): boolean {
  return digits.charCodeAt(0) >= 0xff10;
}

function toFullWidthDigits(text: string): string {
  return text.replace(/[0-9]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0x30 + 0xff10));
}

/** Writes a marker of a level and number in its correct form, keeping the digit and dot style of `like`. */
export function formatMarker(level: Level, number: number, like?: Pick<NumberingMarker, 'fullWidthDigits' | 'dot'>): string {
  switch (level) {
    case Level.Chapter:
    case Level.Section:
    case Level.Article:
      return `第${formatChineseNumeral(number)}${LEGAL_UNITS[level]}`;
    case Level.Chinese:
      return `${formatChineseNumeral(number)}、`;
    case Level.ParenChinese:
      return `（${formatChineseNumeral(number)}）`;
    case Level.Arabic: {
      const digits = like?.fullWidthDigits ? toFullWidthDigits(String(number)) : String(number);
      return `${digits}${like?.dot ?? '.'}`;
    }
    case Level.ParenArabic:
      return `（${like?.fullWidthDigits ? toFullWidthDigits(String(number)) : String(number)}）`;
  }
}

/** What every marker has; all of it is given, in this order, so that every `parts` has the same shape to V8. */
interface MarkerParts {
  level: Level;
  number: number;
  start: number;
  end: number;
  written: string;
  /** The correct form; pass `written` itself when it is right, so that comparing the two is instant. */
  correct: string;
  fixable: boolean;
}

/** The Arabic forms' digit and dot style are given apart, so that they do not change the shape of `parts`. */
function marker(parts: MarkerParts, fullWidthDigits = false, dot = '.'): NumberingMarker {
  return {
    level: parts.level,
    number: parts.number,
    start: parts.start,
    end: parts.end,
    written: parts.written,
    correct: parts.correct,
    fixable: parts.fixable,
    fullWidthDigits,
    dot,
  };
}

/** `第一章` `第二节` `第三条`. */
function readLegal(text: string, at: number, inHeading: boolean): NumberingMarker | undefined {
  LEGAL.lastIndex = at;
  const found = LEGAL.exec(text);
  if (!found) return undefined;
  const end = at + found[0].length;
  const next = text[end];
  if (!inHeading && next !== undefined && next !== '\n' && !SPACE_AFTER_LEGAL.test(next)) return undefined;
  const number = parseChineseNumeral(found[1]);
  if (number === undefined) return undefined;
  return marker({ level: LEGAL_LEVELS[found[2]], number, start: at, end, written: found[0], correct: found[0], fixable: false });
}

/**
 * `（一）`, whose numerals run from `numeralStart` to `numeralEnd` and are followed by a closing bracket. The opening
 * bracket may be missing (`三）改革开放…`, then `numeralStart` is `at`), a slip that still shows the level.
 */
function readParenChinese(text: string, at: number, numeralStart: number, numeralEnd: number): NumberingMarker | undefined {
  const numeral = text.slice(numeralStart, numeralEnd);
  const number = parseChineseNumeral(numeral);
  if (number === undefined) return undefined;
  const hasMark = isMarkAfterNumeral(codeAt(text, numeralEnd + 1));
  if (isCrossReference(text, numeralEnd + 1)) return undefined;
  const end = numeralEnd + (hasMark ? 2 : 1);
  const written = text.slice(at, end);
  const open = numeralStart > at ? codeAt(text, at) : -1;
  const close = codeAt(text, numeralEnd);
  // Everything worked out for every marker, right or wrong: a step only a wrong form took (the corrected form, the
  // text after a half-width bracket) would first run after the function was compiled, and throw its code away.
  const fullWidthOpen = open === FULL_WIDTH_OPEN;
  const fullWidthClose = close === FULL_WIDTH_CLOSE;
  const right = fullWidthOpen && fullWidthClose && !hasMark;
  const halfWidth = open === HALF_WIDTH_OPEN || close === HALF_WIDTH_CLOSE;
  const corrected = `（${numeral}）`;
  const chineseAfter = isChineseText(codeAt(text, end));
  return marker({
    level: Level.ParenChinese,
    number,
    start: at,
    end,
    written,
    correct: right ? written : corrected,
    fixable: !halfWidth || chineseAfter,
  });
}

/** `（1）`; half-width `(1)` only before Chinese text. */
function readParenArabic(text: string, at: number): NumberingMarker | undefined {
  const digitsEnd = digitRunEnd(text, at + 1);
  if (digitsEnd === at + 1 || !isCloseBracket(codeAt(text, digitsEnd))) return undefined;
  const hasMark = isMarkAfterNumeral(codeAt(text, digitsEnd + 1));
  if (isCrossReference(text, digitsEnd + 1)) return undefined;
  const end = digitsEnd + (hasMark ? 2 : 1);
  const open = codeAt(text, at);
  const close = codeAt(text, digitsEnd);
  // `(1)` before English or a formula is not a 公文 section number.
  if ((open === HALF_WIDTH_OPEN || close === HALF_WIDTH_CLOSE) && !isChineseText(codeAt(text, end))) return undefined;
  const digits = text.slice(at + 1, digitsEnd);
  const written = text.slice(at, end);
  const right = open === FULL_WIDTH_OPEN && close === FULL_WIDTH_CLOSE && !hasMark;
  return marker(
    {
      level: Level.ParenArabic,
      number: parseDigits(digits),
      start: at,
      end,
      written,
      correct: right ? written : `（${digits}）`,
      fixable: true,
    },
    usesFullWidthDigits(digits),
  );
}

/** `1.` `1．`, and the wrong `1、` and `1。`. */
function readArabic(text: string, at: number): NumberingMarker | undefined {
  const digitsEnd = digitRunEnd(text, at);
  const markCode = codeAt(text, digitsEnd);
  const wrongMark = markCode === DUNHAO || markCode === FULL_STOP;
  if (!isDot(markCode) && !wrongMark) return undefined;
  const end = digitsEnd + 1;
  // `7.9公里`, `3.5%`, `2021.6.15`, `1、2月份`: a digit after the mark makes it a number, not a marker.
  if (isDigit(codeAt(text, end))) {
    CHEMICAL_LOCANTS.lastIndex = end;
    if (!isDot(markCode) || !CHEMICAL_LOCANTS.test(text)) return undefined;
  }
  // `2020。` ends a sentence; `1。加强领导` is a marker with a full stop for its dot.
  if (markCode === FULL_STOP && (digitsEnd - at > 2 || !isHan(codeAt(text, end)))) return undefined;
  const digits = text.slice(at, digitsEnd);
  // A leading zero (`01.`), read by code rather than by parsing a one-digit string.
  const firstCode = codeAt(text, at);
  if (digits.length > 1 && (firstCode === 0x30 || firstCode === 0xff10)) return undefined;
  const written = text.slice(at, end);
  const dot = wrongMark ? '.' : text[digitsEnd];
  return marker(
    {
      level: Level.Arabic,
      number: parseDigits(digits),
      start: at,
      end,
      written,
      correct: wrongMark ? `${digits}${dot}` : written,
      fixable: true,
    },
    usesFullWidthDigits(digits),
    dot,
  );
}

/** Whether the numeral run at `at`, after `一、`, counts on from `number` in a run such as `一、二类`. */
function isCountedRun(text: string, at: number, number: number): boolean {
  if (!isLeadingNumeral(codeAt(text, at))) return false;
  const runEnd = numeralRunEnd(text, at);
  if (!COUNTED_UNIT.has(codeAt(text, runEnd))) return false;
  const next = parseChineseNumeral(text.slice(at, runEnd));
  return next !== undefined && next > number;
}

/** `两、` for `二、`; `两、三个月` counts, as `一、二类` does. */
function readLiang(text: string, at: number): NumberingMarker | undefined {
  if (codeAt(text, at + 1) !== DUNHAO || numeralValue(codeAt(text, at + 2)) >= 0) return undefined;
  if (!isChineseText(codeAt(text, at + 2))) return undefined;
  return marker({ level: Level.Chinese, number: 2, start: at, end: at + 2, written: text.slice(at, at + 2), correct: '二、', fixable: true });
}

/** `一、`, the wrong `一.` `一．` `一，`, and `三）` with its opening bracket lost. */
function readChinese(text: string, at: number): NumberingMarker | undefined {
  const numeralEnd = numeralRunEnd(text, at);
  const after = codeAt(text, numeralEnd);
  if (isCloseBracket(after)) return readParenChinese(text, at, at, numeralEnd);
  if (!isMarkAfterNumeral(after)) return undefined;
  const numeral = text.slice(at, numeralEnd);
  const number = parseChineseNumeral(numeral);
  if (number === undefined) return undefined;
  const end = numeralEnd + 1;
  if (after === DUNHAO && isCountedRun(text, end, number)) return undefined;
  // `一.5` and `三,000` are no outline; `二、2026年工作安排` is.
  if (after !== DUNHAO && isDigit(codeAt(text, end))) return undefined;
  const written = text.slice(at, end);
  return marker({ level: Level.Chinese, number, start: at, end, written, correct: after === DUNHAO ? written : `${numeral}、`, fixable: true });
}

/**
 * Reads a section-number marker starting exactly at `at` (indentation already skipped). `inHeading` relaxes the
 * legal forms, which in body text must be followed by a space (`第一条　为了…`) to tell them from running text
 * (`第一条规定的…`).
 */
export function readMarker(text: string, at: number, inHeading = false): NumberingMarker | undefined {
  // The first character tells which form to try; most lines open with text and are turned away without a regex.
  const first = codeAt(text, at);
  if (first === DI) return readLegal(text, at, inHeading);
  if (isOpenBracket(first)) {
    const numeralEnd = numeralRunEnd(text, at + 1);
    if (numeralEnd > at + 1 && isCloseBracket(codeAt(text, numeralEnd))) return readParenChinese(text, at, at + 1, numeralEnd);
    return readParenArabic(text, at);
  }
  if (isDigit(first)) return readArabic(text, at);
  if (isLeadingNumeral(first)) return readChinese(text, at);
  if (first === LIANG) return readLiang(text, at);
  return undefined;
}

/** Reads the marker of a Markdown ordered list item (`2.`) as a level-3 marker; `2)` is not a 公文 form. */
export function readListMarker(listMarker: string): number | undefined {
  const found = /^([0-9]{1,3})\.$/.exec(listMarker);
  return found ? Number(found[1]) : undefined;
}
