import { z } from 'zod';
import type { Block } from '../src/core/document.js';
import { defineRule, type ReportFunction } from '../src/core/rule.js';
import {
  FULL_WIDTH_OF,
  SpanCursor,
  codePointAfter,
  codePointBefore,
  findUrlSpans,
  isAsciiSpace,
  isChineseTextChar,
  isEntitySemicolon,
  isMostlyLatin,
} from '../src/core/text/punctuation.js';

type MessageId = 'halfWidth' | 'halfWidthPair' | 'halfWidthUnpaired';

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

function isAsciiAlphanumeric(codePoint: number): boolean {
  return (codePoint >= 0x30 && codePoint <= 0x39) || (codePoint >= 0x41 && codePoint <= 0x5a) || (codePoint >= 0x61 && codePoint <= 0x7a);
}

function isAsciiPrintable(codePoint: number): boolean {
  return codePoint > 0x20 && codePoint < 0x7f;
}

/** The code point before `offset`, skipping spaces and tabs. */
function codePointBeforeSpaces(text: string, offset: number): number {
  let at = offset;
  while (at > 0 && isAsciiSpace(text.charCodeAt(at - 1))) at--;
  return codePointBefore(text, at);
}

/** Where the spaces and tabs starting at `offset` end. */
function skipSpaces(text: string, offset: number): number {
  let at = offset;
  while (at < text.length && isAsciiSpace(text.charCodeAt(at))) at++;
  return at;
}

function toFullWidth(marks: string): string {
  let result = '';
  for (const mark of marks) result += FULL_WIDTH_OF[mark] ?? mark;
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

/** counts[i]: how many Chinese-text code units precede offset i; answers "is there Chinese inside?" in O(1). */
function countChineseBefore(text: string): Int32Array {
  const counts = new Int32Array(text.length + 1);
  for (let i = 0; i < text.length; i++) {
    counts[i + 1] = counts[i] + (isChineseTextChar(text.charCodeAt(i)) || isSurrogate(text.charCodeAt(i)) ? 1 : 0);
  }
  return counts;
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
  let chineseBefore: Int32Array | undefined;
  const open: Bracket[] = [];
  const unpaired: Bracket[] = [];
  BRACKET.lastIndex = 0;
  for (let match = BRACKET.exec(text); match !== null; match = BRACKET.exec(text)) {
    const i = match.index;
    if (urls.contains(i)) continue;
    const code = text.charCodeAt(i);
    const bracket = { at: i, halfWidth: code === 0x28 || code === 0x29 };
    if (code === 0x28 || code === 0xff08) {
      open.push(bracket);
      continue;
    }
    const opener = open.pop();
    if (!opener) {
      if (bracket.halfWidth) unpaired.push(bracket);
      continue;
    }
    if (opener.halfWidth && bracket.halfWidth) {
      chineseBefore ??= countChineseBefore(text);
      const before = codePointBeforeSpaces(text, opener.at);
      const after = codePointAfter(text, skipSpaces(text, i + 1));
      const chinese =
        chineseBefore[i] - chineseBefore[opener.at + 1] > 0 ||
        isChineseTextChar(before) ||
        (isChineseTextChar(after) && !isAsciiPrintable(before));
      if (!chinese) continue;
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
      const fixed = FULL_WIDTH_OF[found];
      report({ block, start: half.at, end: half.at + 1, messageId: 'halfWidth', data: { found, fixed }, fix: { start: half.at, end: half.at + 1, text: fixed } });
    }
  }
  for (const bracket of [...open.filter((b) => b.halfWidth), ...unpaired].sort((a, b) => a.at - b.at)) {
    const touchesChinese = isChineseTextChar(codePointBefore(text, bracket.at)) || isChineseTextChar(codePointAfter(text, bracket.at + 1));
    if (!touchesChinese) continue;
    chineseBrackets.add(bracket.at);
    const found = text[bracket.at];
    report({ block, start: bracket.at, end: bracket.at + 1, messageId: 'halfWidthUnpaired', data: { found, fixed: FULL_WIDTH_OF[found] } });
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

/** Reports runs of half-width `, ; : ? !` beside Chinese text, with the full-width marks as the fix. */
function checkMarks(block: Block, urls: SpanCursor, chineseBrackets: ReadonlySet<number>, report: ReportFunction<MessageId>): void {
  const { text } = block;
  const isChineseAt = (offset: number, codePoint: number): boolean =>
    isChineseTextChar(codePoint) || ((codePoint === 0x28 || codePoint === 0x29) && chineseBrackets.has(offset));
  RUN_MARK.lastIndex = 0;
  for (let match = RUN_MARK.exec(text); match !== null; match = RUN_MARK.exec(text)) {
    const i = match.index;
    if (!isHalfWidthMark(text, i, urls)) continue;
    let end = i + 1;
    while (end < text.length && isHalfWidthMark(text, end, urls)) end++;
    RUN_MARK.lastIndex = end;
    const next = skipSpaces(text, end);
    const after = codePointAfter(text, next);
    const before = codePointBefore(text, i);
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

export default defineRule({
  id: 'punctuation-width',
  description: '中文语境中的半角标点（, ; : ? ! ( )）应为全角',
  severity: 'error',
  fixable: true,
  messages: {
    halfWidth: '中文中的半角标点“{{found}}”应改为全角“{{fixed}}”',
    halfWidthPair: '中文中的半角括号“{{found}}”应改为全角括号“{{fixed}}”',
    halfWidthUnpaired: '中文中的半角括号“{{found}}”应改为全角“{{fixed}}”，并补上与之配对的括号',
  },
  options: z.object({}).strict(),
  check(document, report) {
    for (const block of document.blocks) {
      const { text } = block;
      if (!ANY_HALF_WIDTH_MARK.test(text)) continue;
      const urlSpans = findUrlSpans(text);
      if (isMostlyLatin(text, urlSpans)) continue;
      const chineseBrackets = HALF_WIDTH_BRACKET.test(text) ? checkBrackets(block, new SpanCursor(urlSpans), report) : NO_CHINESE_BRACKETS;
      checkMarks(block, new SpanCursor(urlSpans), chineseBrackets, report);
    }
  },
});
