import * as z from 'zod';
import type { Block } from '../src/core/document.js';
import { defineRule, type ReportFunction } from '../src/core/rule.js';
import {
  SpanCursor,
  codePointAfter,
  codePointBefore,
  findUrlSpans,
  FULL_WIDTH_POINT_MARKS,
  isAsciiSpace,
  isChineseTextChar,
  isHan,
  isEntitySemicolon,
  isMostlyLatin,
  toFullWidthMark,
} from '../src/core/text/punctuation.js';

type MessageId = 'halfWidth' | 'halfWidthPair' | 'halfWidthUnpaired' | 'fullStop' | 'straightQuotes';

/** How much of a bracket's content, or of a run of marks, a message quotes. */
const QUOTED_CONTENT = 10;

const CURLY_QUOTES = new Set([0x2018, 0x2019, 0x201c, 0x201d]);
/** Every finding involves one of these; a block without any (most Chinese prose) is skipped by one native search. */
const ANY_HALF_WIDTH_MARK = /[,;:?!()]/;
/** Only half-width brackets are reported, so a block without one needs no pairing. */
const HALF_WIDTH_BRACKET = /[()]/;
/** Brackets and marks are found by native search, so that the Chinese text between them costs nothing. */
const BRACKET = /[()（）]/g;
/** Half-width marks checked one run at a time (`,` `;` `:` `?` `!`); brackets are checked as pairs. */
const RUN_MARK = /[,;:?!]/g;
const NO_CHINESE_BRACKETS: ReadonlySet<number> = new Set();
/** A single `.` after a character outside ASCII or a `%`: the only places a half-width full stop can end a Chinese sentence. */
const FULL_STOP_CANDIDATE = /(?:[^\x00-\x7f]|%)\.(?!\.)/;
const CHINESE_NUMERALS = '〇一二三四五六七八九十百';

function isAsciiAlphanumeric(codePoint: number): boolean {
  return (codePoint >= 0x30 && codePoint <= 0x39) || (codePoint >= 0x41 && codePoint <= 0x5a) || (codePoint >= 0x61 && codePoint <= 0x7a);
}

function isAsciiPrintable(codePoint: number): boolean {
  return codePoint > 0x20 && codePoint < 0x7f;
}

// The loops below step in their condition, so that the step runs on every call: spaces beside a mark are rare,
// and a step first taken after the function was compiled would throw its code away.

/** The code point before `offset`, skipping spaces and tabs. */
function codePointBeforeSpaces(text: string, offset: number): number {
  let at = offset + 1;
  while (--at > 0 && isAsciiSpace(text.charCodeAt(at - 1)));
  return codePointBefore(text, at);
}

/** Where the spaces and tabs starting at `offset` end. */
function skipSpaces(text: string, offset: number): number {
  let at = offset - 1;
  while (++at < text.length && isAsciiSpace(text.charCodeAt(at)));
  return at;
}

function toFullWidth(marks: string): string {
  let result = '';
  for (const mark of marks) result += toFullWidthMark(mark);
  return result;
}

/** A run of marks for a message, shortened when it is long. */
function quoteMarks(marks: string): string {
  return marks.length <= QUOTED_CONTENT ? marks : `${marks.slice(0, QUOTED_CONTENT)}…`;
}

/** `(一)` as written, shortened when the content is long. */
function quoteBracketed(text: string, open: number, close: number): string {
  const content = text.slice(open + 1, close);
  const shown = content.length <= QUOTED_CONTENT ? content : `${content.slice(0, QUOTED_CONTENT - 2)}…`;
  return `${text[open]}${shown}${text[close]}`;
}

function isSurrogate(code: number): boolean {
  // Supplementary-plane Han (extensions B–H) arrive as surrogate pairs; their high halves D840–D8BF stand for them.
  return code >= 0xd840 && code <= 0xd8bf;
}

interface Bracket {
  readonly at: number;
  readonly halfWidth: boolean;
}

/** What marks bracket content as Latin text or a formula rather than Chinese: an ASCII letter or a math sign. */
const LATIN_OR_FORMULA = /[A-Za-z+*/=<>≤≥×÷±∑√^]/;

/**
 * Whether a half-width pair encloses no Chinese but a Latin word or a formula (`(CTPB)`, `(≥91dB HL)`, `(a+b)`):
 * such brackets belong to the Latin text they hold, as published laws and standards write them. A pair of digits
 * only (`(1)`, `(2021)`) gets no such pass.
 */
function holdsLatinOrFormula(text: string, chinese: ChineseInRanges, open: number, close: number): boolean {
  return !chinese.holds(open + 1, close) && LATIN_OR_FORMULA.test(text.slice(open + 1, close));
}

/** Signs of arithmetic that make a bracketed group a term of a formula (`(销售额＋运费)×税率`). */
const ARITHMETIC = /[+*/=×÷＋＊／＝<>≤≥]/;
const ARITHMETIC_BESIDE = /[+\-*/=×÷＋－＊／＝<>≤≥]/;

/**
 * Whether a half-width pair is a term of a formula written in words: an arithmetic sign just outside it, or inside
 * it (a minus or hyphen only outside: inside, `2021－2023年` is a range).
 */
function isFormulaTerm(text: string, open: number, close: number): boolean {
  const before = codePointBeforeSpaces(text, open);
  const after = codePointAfter(text, skipSpaces(text, close + 1));
  const beside = (codePoint: number): boolean => codePoint !== -1 && ARITHMETIC_BESIDE.test(String.fromCodePoint(codePoint));
  return beside(before) || beside(after) || ARITHMETIC.test(text.slice(open + 1, close));
}

/** What may stand before a list-item marker such as `a)` `1)`: a line start, a space, a 点号. */
const BEFORE_LIST_MARKER = /[\s：；，。、:;,]/;

/**
 * Whether an unpaired `)` closes a list-item marker (`a)` `b)` of GB/T 1.1, `1)`): one Latin letter or one to three
 * digits after a line start, a space or a 点号. The standard writes these with a half-width bracket.
 */
function isListItemMarker(text: string, close: number): boolean {
  let at = close - 1;
  if (at < 0) return false;
  if (/[A-Za-z]/.test(text[at])) {
    at--;
  } else {
    let digits = 0;
    while (at >= 0 && text[at] >= '0' && text[at] <= '9') {
      at--;
      if (++digits > 3) return false;
    }
    if (digits === 0) return false;
  }
  return at < 0 || BEFORE_LIST_MARKER.test(text[at]);
}

function isChineseCode(code: number): boolean {
  return isChineseTextChar(code) || isSurrogate(code);
}

/** Ranges up to this long are read directly; longer ones from counts over the whole block. */
const SHORT_RANGE = 32;

/**
 * Answers "is there Chinese text in `text[from, to)`?" for the ranges between brackets. Most are short, `(一)`, and
 * are read directly; a long one (nested brackets would read the same text again and again) is answered from
 * counts of the Chinese code units before each offset, built for the block the first time one is asked.
 */
class ChineseInRanges {
  private countsBefore: Int32Array | undefined;

  constructor(private readonly text: string) {}

  holds(from: number, to: number): boolean {
    const { text } = this;
    if (to - from <= SHORT_RANGE) {
      for (let i = from; i < to; i++) if (isChineseCode(text.charCodeAt(i))) return true;
      return false;
    }
    if (this.countsBefore === undefined) {
      const counts = new Int32Array(text.length + 1);
      for (let i = 0; i < text.length; i++) counts[i + 1] = counts[i] + (isChineseCode(text.charCodeAt(i)) ? 1 : 0);
      this.countsBefore = counts;
    }
    return this.countsBefore[to] - this.countsBefore[from] > 0;
  }
}

/**
 * Pairs the round brackets of a block, half- and full-width alike (so that `（一)` pairs up), and reports the
 * half-width ones that stand in Chinese text. Returns the offsets of those half-width brackets, which count as
 * Chinese text for the marks beside them.
 */
function checkBrackets(block: Block, urls: SpanCursor, report: ReportFunction<MessageId>): Set<number> {
  const { text } = block;
  const chineseBrackets = new Set<number>();
  // Built on the first half-width pair only: most blocks have none.
  let chinese: ChineseInRanges | undefined;
  const open: Bracket[] = [];
  const unpaired: Bracket[] = [];
  BRACKET.lastIndex = 0;
  // `test` allocates no match; a match is one character, so it ends at lastIndex.
  while (BRACKET.test(text)) {
    const i = BRACKET.lastIndex - 1;
    if (urls.contains(i)) continue;
    const code = text.charCodeAt(i);
    // Read from a local, not the object: a property first read where a closer has no opener (after this function
    // was compiled) throws the compiled code away.
    const halfWidth = code === 0x28 || code === 0x29;
    const bracket = { at: i, halfWidth };
    if (code === 0x28 || code === 0xff08) {
      open.push(bracket);
      continue;
    }
    const opener = open.pop();
    if (!opener) {
      if (halfWidth) unpaired.push(bracket);
      continue;
    }
    if (opener.halfWidth && halfWidth) {
      chinese ??= new ChineseInRanges(text);
      const before = codePointBeforeSpaces(text, opener.at);
      const after = codePointAfter(text, skipSpaces(text, i + 1));
      if (holdsLatinOrFormula(text, chinese, opener.at, i) || isFormulaTerm(text, opener.at, i)) continue;
      const inChinese = chinese.holds(opener.at + 1, i) || isChineseTextChar(before) || (isChineseTextChar(after) && !isAsciiPrintable(before));
      if (!inChinese) continue;
      chineseBrackets.add(opener.at).add(i);
      const found = quoteBracketed(text, opener.at, i);
      report({
        block,
        start: opener.at,
        end: i + 1,
        messageId: 'halfWidthPair',
        data: { found, fixed: `（${found.slice(1, -1)}）` },
        fix: [
          { start: opener.at, end: opener.at + 1, text: '（' },
          { start: i, end: i + 1, text: '）' },
        ],
      });
    } else if (opener.halfWidth || bracket.halfWidth) {
      // Its partner is full-width, so this bracket is in Chinese text and only its width is wrong.
      const half = opener.halfWidth ? opener : bracket;
      chineseBrackets.add(half.at);
      const found = text[half.at];
      const fixed = toFullWidthMark(found);
      report({ block, start: half.at, end: half.at + 1, messageId: 'halfWidth', data: { found, fixed }, fix: { start: half.at, end: half.at + 1, text: fixed } });
    }
  }
  for (const bracket of [...open.filter((b) => b.halfWidth), ...unpaired].sort((a, b) => a.at - b.at)) {
    const touchesChinese = isChineseTextChar(codePointBefore(text, bracket.at)) || isChineseTextChar(codePointAfter(text, bracket.at + 1));
    if (!touchesChinese || (text[bracket.at] === ')' && isListItemMarker(text, bracket.at))) continue;
    chineseBrackets.add(bracket.at);
    const found = text[bracket.at];
    report({ block, start: bracket.at, end: bracket.at + 1, messageId: 'halfWidthUnpaired', data: { found, fixed: toFullWidthMark(found) } });
  }
  return chineseBrackets;
}

function isRunMark(code: number): boolean {
  return code === 0x2c || code === 0x3b || code === 0x3a || code === 0x3f || code === 0x21;
}

/** Whether a half-width `, ; : ? !` stands at `at` as punctuation (not in a URL, not ending `&nbsp;`). */
function isHalfWidthMark(text: string, at: number, urls: SpanCursor): boolean {
  const code = text.charCodeAt(at);
  return isRunMark(code) && !urls.contains(at) && !(code === 0x3b && isEntitySemicolon(text, at));
}

/**
 * Reports runs of half-width `, ; : ? !` beside Chinese text, with the full-width marks as the fix. In a paragraph
 * written mainly in Latin script (`latinBlock`) only a mark glued to a Han character on its left and to text on its
 * right is Chinese (`前面:I have no idea`); English prose puts a space after its marks.
 */
function checkMarks(block: Block, urls: SpanCursor, chineseBrackets: ReadonlySet<number>, report: ReportFunction<MessageId>, latinBlock: boolean): void {
  const { text } = block;
  const isChineseAt = (offset: number, codePoint: number): boolean =>
    isChineseTextChar(codePoint) || ((codePoint === 0x28 || codePoint === 0x29) && chineseBrackets.has(offset));
  // `test`, not `exec`: drafts full of findings have a mark in every clause, and each match of `exec` is an array
  // allocated. A match is one character, so it ends at lastIndex. (A loop over every code instead makes this function
  // hot before its first mark is reported, and its compiled code is thrown away at that report.)
  RUN_MARK.lastIndex = 0;
  while (RUN_MARK.test(text)) {
    const i = RUN_MARK.lastIndex - 1;
    if (!isHalfWidthMark(text, i, urls)) continue;
    // Stepped in the condition, so that the step runs for every mark, not only for runs of two or more.
    let end = i;
    while (++end < text.length && isHalfWidthMark(text, end, urls));
    RUN_MARK.lastIndex = end;
    const next = skipSpaces(text, end);
    const after = codePointAfter(text, next);
    const before = codePointBefore(text, i);
    // Decided for every run, so that the calls it makes have run before the function is compiled: Latin paragraphs are rare.
    const glued = isHan(before) && end < text.length && !isAsciiSpace(text.charCodeAt(end)) && text.charCodeAt(end) !== 10;
    if (latinBlock && !glued) continue;
    // `Yahoo!` and the factorial `2!`: a lone `!` glued to a Latin word or a number belongs to it.
    if (end - i === 1 && text.charCodeAt(i) === 0x21 && isAsciiAlphanumeric(before)) continue;
    // A curly quote alone does not make `“Are you OK?”` Chinese when Latin text stands on the other side.
    const chineseAfter = isChineseAt(next, after) && !(CURLY_QUOTES.has(after) && isAsciiAlphanumeric(before));
    const chineseBefore = isChineseAt(i - 1, before) && !(CURLY_QUOTES.has(before) && isAsciiAlphanumeric(after));
    if (chineseBefore || chineseAfter) {
      const marks = text.slice(i, end);
      const fixed = toFullWidth(marks);
      // Spaces typed after a half-width mark have no place after a full-width one.
      const fixEnd = chineseAfter ? next : end;
      const data = { found: quoteMarks(marks), fixed: quoteMarks(fixed) };
      report({ block, start: i, end, messageId: 'halfWidth', data, fix: { start: i, end: fixEnd, text: fixed } });
    }
  }
}

function isFullWidthAlphanumeric(codePoint: number): boolean {
  return (codePoint >= 0xff10 && codePoint <= 0xff19) || (codePoint >= 0xff21 && codePoint <= 0xff3a) || (codePoint >= 0xff41 && codePoint <= 0xff5a);
}

/** Whether the `%` at `percent` closes a number that follows Chinese text (`增长5.2%`). */
function endsChineseQuantity(text: string, percent: number): boolean {
  let at = percent;
  while (at > 0 && /[0-9.]/.test(text[at - 1])) at--;
  return at < percent && isChineseTextChar(codePointBefore(text, at));
}

/**
 * Whether the `.` at `at` follows a Chinese numeral: a section or enumeration marker in a wrong form (`一.` `十一.`
 * `第一.`), which section-numbering and enumeration-sequence read, far more often than a sentence ending in a numeral.
 */
function followsNumeral(text: string, at: number): boolean {
  return at > 0 && CHINESE_NUMERALS.includes(text[at - 1]);
}

/**
 * A half-width `.` that ends a Chinese sentence (`圆满完成.`): after Chinese text (not a 点号, a full-width digit or
 * letter, or a Chinese numeral), before the end, a line break or Chinese text.
 * Numbers (`3.5`), `No.`, file names (`通知.docx`), URLs and runs of dots (punctuation-form's ellipses) never match.
 */
function checkFullStops(block: Block, urls: SpanCursor, report: ReportFunction<MessageId>): void {
  const { text } = block;
  for (let i = text.indexOf('.'); i !== -1; i = text.indexOf('.', i + 1)) {
    if (text[i - 1] === '.' || text[i + 1] === '.' || urls.contains(i)) continue;
    const before = codePointBefore(text, i);
    // A percentage ends Chinese sentences too (`同比增长5.2%.`) when Chinese text stands before the number.
    const chineseBefore = isChineseTextChar(before) || (before === 0x25 && endsChineseQuantity(text, i - 1));
    if (!chineseBefore || FULL_WIDTH_POINT_MARKS.includes(String.fromCodePoint(before)) || before === 0x2026 || before === 0x2014) continue;
    if (isFullWidthAlphanumeric(before) || followsNumeral(text, i)) continue;
    const next = skipSpaces(text, i + 1);
    const after = codePointAfter(text, next);
    const endsSentence = after === -1 || after === 10 || after === 13 || (isChineseTextChar(after) && !FULL_WIDTH_POINT_MARKS.includes(String.fromCodePoint(after)));
    if (!endsSentence) continue;
    // Spaces typed after the stop go with it when Chinese text follows on the same line.
    const fixEnd = after === -1 || after === 10 || after === 13 ? i + 1 : next;
    report({ block, start: i, end: i + 1, messageId: 'fullStop', fix: { start: i, end: fixEnd, text: '。' } });
  }
}

/** What may stand before a `"` that opens a key or value of JSON or an attribute (`{"a":"b"}`, `id="x"`). */
const BEFORE_CODE_QUOTE = /[={[:,]/;

/**
 * Straight quotes `"…"` in Chinese text → `“…”`, with straight single quotes inside → `‘…’`. Quotes pair in
 * order within the paragraph; a `"` that closes a curly `“` (`“蒙速办"`) is punctuation-pair's. Not reported: a
 * `"` after a digit (an inch mark, `15"`), JSON- or attribute-like text, a pair with no Chinese in or beside it,
 * and a `"` left without a partner.
 */
function checkStraightQuotes(block: Block, urls: SpanCursor, report: ReportFunction<MessageId>): void {
  const { text } = block;
  let openAt = -1;
  /** The open `"` follows `=` `{` `:` and the like: the pair is a key or value of code, closed without a finding. */
  let openInCode = false;
  let curlyOpen = 0;
  const QUOTES = /["“”]/g;
  QUOTES.lastIndex = 0;
  for (let match = QUOTES.exec(text); match !== null; match = QUOTES.exec(text)) {
    const i = match.index;
    const char = text[i];
    if (char === '“') {
      if (openAt === -1) curlyOpen++;
      continue;
    }
    if (char === '”') {
      if (openAt === -1 && curlyOpen > 0) curlyOpen--;
      continue;
    }
    if (urls.contains(i)) continue;
    if (openAt === -1) {
      if (curlyOpen > 0) {
        curlyOpen--;
        continue;
      }
      const before = codePointBefore(text, i);
      if (before >= 0x30 && before <= 0x39) continue;
      openAt = i;
      openInCode = before !== -1 && before < 0x80 && BEFORE_CODE_QUOTE.test(String.fromCharCode(before));
      continue;
    }
    const open = openAt;
    openAt = -1;
    if (openInCode) continue;
    const content = text.slice(open + 1, i);
    const chinese =
      [...content].some((char) => isChineseTextChar(char.codePointAt(0)!)) ||
      isChineseTextChar(codePointBefore(text, open)) ||
      isChineseTextChar(codePointAfter(text, i + 1));
    if (!chinese || content.includes('\n') || codePointAfter(text, i + 1) === 0x3a) continue;
    const edits = [
      { start: open, end: open + 1, text: '“' },
      ...singleQuoteEdits(text, open + 1, i),
      { start: i, end: i + 1, text: '”' },
    ];
    const found = quoteBracketed(text, open, i);
    report({ block, start: open, end: i + 1, messageId: 'straightQuotes', data: { found, fixed: `“${found.slice(1, -1)}”` }, fix: edits });
  }
}

/** Straight single quotes pairing between `start` and `end` become `‘` `’`; an apostrophe between letters stays. */
function singleQuoteEdits(text: string, start: number, end: number): { start: number; end: number; text: string }[] {
  const edits: { start: number; end: number; text: string }[] = [];
  let openAt = -1;
  for (let i = text.indexOf("'", start); i !== -1 && i < end; i = text.indexOf("'", i + 1)) {
    if (/[A-Za-z]/.test(text[i - 1] ?? '') && /[A-Za-z]/.test(text[i + 1] ?? '')) continue;
    if (openAt === -1) {
      openAt = i;
    } else {
      edits.push({ start: openAt, end: openAt + 1, text: '‘' }, { start: i, end: i + 1, text: '’' });
      openAt = -1;
    }
  }
  return edits;
}

export default defineRule({
  id: 'punctuation-width',
  description: '中文语境中的半角标点（, ; : ? ! ( ) . "）应为全角',
  severity: 'error',
  fixable: true,
  messages: {
    halfWidth: '中文中的半角标点“{{found}}”应改为全角“{{fixed}}”',
    halfWidthPair: '中文中的半角括号“{{found}}”应改为全角括号“{{fixed}}”',
    halfWidthUnpaired: '中文中的半角括号“{{found}}”应改为全角“{{fixed}}”，并补上与之配对的括号',
    fullStop: '中文句子末尾用句号“。”，不用半角的“.”',
    straightQuotes: '中文中的直引号“{{found}}”应改为弯引号“{{fixed}}”',
  },
  options: z.object({}).strict(),
  check(document, report) {
    for (const block of document.blocks) {
      const { text } = block;
      const marks = ANY_HALF_WIDTH_MARK.test(text);
      const fullStops = text.includes('.') && FULL_STOP_CANDIDATE.test(text);
      const quotes = text.includes('"');
      if (!marks && !fullStops && !quotes) continue;
      const urlSpans = findUrlSpans(text);
      // One call of checkMarks for Latin and Chinese paragraphs alike: a call made only for the rare Latin one
      // would first run after this function was compiled, and throw its code away.
      const latin = isMostlyLatin(text, urlSpans);
      const chineseBrackets = !latin && HALF_WIDTH_BRACKET.test(text) ? checkBrackets(block, new SpanCursor(urlSpans), report) : NO_CHINESE_BRACKETS;
      if (marks) checkMarks(block, new SpanCursor(urlSpans), chineseBrackets, report, latin);
      if (latin) continue;
      if (fullStops) checkFullStops(block, new SpanCursor(urlSpans), report);
      if (quotes) checkStraightQuotes(block, new SpanCursor(urlSpans), report);
    }
  },
});
