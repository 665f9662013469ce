/**
 * Section-number markers at the start of a line (层次序号, GB/T 9704-2012 §7.3.3): `一、` `（一）` `1.` `（1）`,
 * their common wrong forms (`一.` `（一）、` `1、` `(一)`), and the legal-style `第一章` `第一节` `第一条`.
 */
import { formatChineseNumeral, parseChineseNumeral, parseDigits } from './chinese-numerals.js';

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

const NUMERAL = '[一二三四五六七八九十百零〇]+';
const LEGAL = new RegExp(`第(${NUMERAL})([章节条])`, 'y');
/** The opening bracket may be missing (`三）改革开放…`), a slip that still shows the level. */
const PAREN_CHINESE = new RegExp(`([（(]?)(${NUMERAL})([）)])([、.．，,]?)`, 'y');
const PAREN_ARABIC = /([（(])([0-9０-９]{1,3})([）)])([、.．，,]?)/y;
const CHINESE = new RegExp(`(${NUMERAL})([、.．，,])`, 'y');
const ARABIC = /([0-9０-９]{1,3})([.．、])/y;

const SPACE_AFTER_LEGAL = /[ \t\u3000\u00a0]/;
const DIGIT = /[0-9０-９]/;
const CHINESE_NUMERAL_CHAR = /[一二三四五六七八九十]/;
/**
 * `一、二月份` `一、二类` `三、四线城市` `一、二、三级`: a run of numerals joined by 顿号 that counts something,
 * not a section number.
 */
const COUNTED_RUN = /[一二三四五六七八九十]+[、月季年类级等批期产线档个种项次号]/y;
/** Han ideographs and full-width punctuation: text after a bracket marker that makes it Chinese. */
const CHINESE_TEXT = /[\u3400-\u9fff\u3000-\u303f\uff01-\uff5e“”‘’]/;

const LEGAL_LEVELS: Readonly<Record<string, Level>> = { 章: Level.Chapter, 节: Level.Section, 条: Level.Article };
const LEGAL_UNITS = ['章', '节', '条'];

function matchAt(pattern: RegExp, text: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(text);
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

interface MarkerParts {
  level: Level;
  number: number;
  start: number;
  end: number;
  text: string;
  correct: string;
  fixable: boolean;
  fullWidthDigits?: boolean;
  dot?: string;
}

function marker(parts: MarkerParts): NumberingMarker {
  return {
    level: parts.level,
    number: parts.number,
    start: parts.start,
    end: parts.end,
    written: parts.text.slice(parts.start, parts.end),
    correct: parts.correct,
    fixable: parts.fixable,
    fullWidthDigits: parts.fullWidthDigits ?? false,
    dot: parts.dot ?? '.',
  };
}

/** Whether the text after a half-width bracket marker is Chinese, so that the brackets must be full-width. */
function followedByChinese(text: string, at: number): boolean {
  return at < text.length && CHINESE_TEXT.test(text[at]);
}

/**
 * Reads a section-number marker starting exactly at `at` (indentation already skipped). `inHeading` relaxes the
 * legal forms, which in body text must be followed by a space (`第一条　为了…`) to tell them from running text
 * (`第一条规定的…`).
 */
export function readMarker(text: string, at: number, inHeading = false): NumberingMarker | undefined {
  const char = text[at];
  if (char === undefined) return undefined;
  if (char === '第') {
    const found = matchAt(LEGAL, text, at);
    if (!found) return undefined;
    const end = at + found[0].length;
    const next = text[end];
    if (!inHeading && next !== undefined && next !== '\n' && !SPACE_AFTER_LEGAL.test(next)) return undefined;
    const number = parseChineseNumeral(found[1]);
    if (number === undefined) return undefined;
    const level = LEGAL_LEVELS[found[2]];
    return marker({ level, number, start: at, end, text, correct: found[0], fixable: false });
  }
  const chinese = char === '（' || char === '(' || CHINESE_NUMERAL_CHAR.test(char) ? matchAt(PAREN_CHINESE, text, at) : null;
  if (chinese) {
    const number = parseChineseNumeral(chinese[2]);
    if (number === undefined) return undefined;
    const end = at + chinese[0].length;
    const correct = `（${chinese[2]}）`;
    const halfWidth = chinese[1] === '(' || chinese[3] === ')';
    return marker({ level: Level.ParenChinese, number, start: at, end, text, correct, fixable: !halfWidth || followedByChinese(text, end) });
  }
  if (char === '（' || char === '(') {
    const arabic = matchAt(PAREN_ARABIC, text, at);
    if (!arabic) return undefined;
    const end = at + arabic[0].length;
    const halfWidth = arabic[1] === '(' || arabic[3] === ')';
    // `(1)` before English or a formula is not a 公文 section number.
    if (halfWidth && !followedByChinese(text, end)) return undefined;
    return marker({
      level: Level.ParenArabic,
      number: parseDigits(arabic[2]),
      start: at,
      end,
      text,
      correct: `（${arabic[2]}）`,
      fixable: true,
      fullWidthDigits: usesFullWidthDigits(arabic[2]),
    });
  }
  if (DIGIT.test(char)) {
    const found = matchAt(ARABIC, text, at);
    if (!found) return undefined;
    const end = at + found[0].length;
    // `7.9公里`, `3.5%`, `2021.6.15`, `1、2月份`: a digit after the mark makes it a number, not a marker.
    if (end < text.length && DIGIT.test(text[end])) return undefined;
    if (found[1].length > 1 && (found[1][0] === '0' || found[1][0] === '０')) return undefined;
    const fullWidthDigits = usesFullWidthDigits(found[1]);
    const dot = found[2] === '、' ? '.' : found[2];
    return marker({
      level: Level.Arabic,
      number: parseDigits(found[1]),
      start: at,
      end,
      text,
      correct: `${found[1]}${dot}`,
      fixable: true,
      fullWidthDigits,
      dot,
    });
  }
  if (CHINESE_NUMERAL_CHAR.test(char)) {
    const found = matchAt(CHINESE, text, at);
    if (!found) return undefined;
    const number = parseChineseNumeral(found[1]);
    if (number === undefined) return undefined;
    const end = at + found[0].length;
    if (matchAt(COUNTED_RUN, text, end)) return undefined;
    // `一.5` and `三,000` are no outline; `二、2026年工作安排` is.
    if (found[2] !== '、' && end < text.length && DIGIT.test(text[end])) return undefined;
    return marker({ level: Level.Chinese, number, start: at, end, text, correct: `${found[1]}、`, fixable: true });
  }
  return undefined;
}

/** Reads the marker of a Markdown ordered list item (`2.`) as a level-3 marker; `2)` is not a 公文 form. */
export function readListMarker(listMarker: string): number | undefined {
  const found = /^([0-9]{1,3})\.$/.exec(listMarker);
  return found ? Number(found[1]) : undefined;
}
