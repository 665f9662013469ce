import * as z from 'zod';
import type { Block } from '../src/core/document.js';
import { defineRule, type ReportFunction, type TextEdit } from '../src/core/rule.js';
import { isTraditionalScript } from '../src/core/text/script.js';
import { scannedTriggers, Trigger } from '../src/core/text/trigger-scan.js';
import { SpanCursor, codePointAfter, codePointBefore, findUrlSpans, isChineseTextChar, isHan, isMostlyLatin } from '../src/core/text/punctuation.js';

type MessageId = 'ellipsis' | 'dash' | 'rangeDash' | 'valueRange' | 'useText' | 'cornerQuotes';

const ELLIPSIS = '……';
const DASH = '——';
/** A run of dots longer than this followed by a page number is a table-of-contents leader, not an ellipsis. */
const MAX_ELLIPSIS_DOTS = 6;

/**
 * What a 破折号 introduces when it explains (`目标—即…`, `问题—就是…`): after a single `—` these words mean the
 * author wanted `——`. Without them a single `—` between Chinese words is the 一字线 of GB/T 15834-2011 §4.13
 * (`中国—东盟`, `南宁—柳州—桂林`), which is right.
 */
const EXPLAINING = /^(?:即(?!墨)|亦即|也就是|就是|这就是|这是|这些|这个|这一)/;

/**
 * A number range written with a hyphen: `2020-2024年`, `3-5月`, `8:30-10:00`, `4.5-5%`, `5-10公里`.
 * Groups: left number, its unit, the hyphen, right number, its unit. Bounded quantifiers keep it linear.
 */
const RANGE = /(\d{1,4}(?:[.:]\d{1,2})?)(%|年|月|日|时)?([-–－])(\d{1,4}(?:[.:]\d{1,2})?)(%|年|月|日|时)?/g;
/** What may not stand just before a range's left number: it would belong to a code, a standard number or a minus. */
const CODE_BEFORE = /[A-Za-z0-9./_:#+\-–－ \t]/;
/** What may not follow a range: it would continue a date (`2024-05-01`), a code or a version. */
const CODE_AFTER = /[A-Za-z0-9_\-–－]/;
/**
 * What every finding contains: `…`, three `.` `。` or `．`, `--`, a lone `—`, or `-` `–` `－` before a digit.
 * Most blocks have none of these, and one native search lets them skip the scans below (and the URL search).
 */
const CANDIDATE = /…|\.\.\.|。。。|．．．|--|(?<!—)—(?!—)|[-–－]\d/;
/** Searched apart, first in the whole source: one more alternative in CANDIDATE makes that search twice as slow. */
const CORNER_QUOTE = /[「」『』]/;
const DATE_UNITS = new Set(['年', '月', '日', '时']);
const FIRST_YEAR = 1000;
const LAST_YEAR = 2999;

function isDigit(char: string | undefined): boolean {
  return char !== undefined && char >= '0' && char <= '9';
}

/** A number with a leading zero (`05`, `0371`) belongs to a date or a phone number, not to a range of values. */
function hasLeadingZero(number: string): boolean {
  return number.length > 1 && number[0] === '0' && number[1] !== '.';
}

function isYear(number: string): boolean {
  const value = Number(number);
  return number.length === 4 && value >= FIRST_YEAR && value <= LAST_YEAR;
}

function isWholeNumberAtMost(number: string, max: number): boolean {
  return /^\d+$/.test(number) && Number(number) >= 1 && Number(number) <= max;
}

function reportEllipsis(block: Block, start: number, end: number, certain: boolean, report: ReportFunction<MessageId>): void {
  const found = block.text.slice(start, end);
  const fix = { start, end, text: ELLIPSIS };
  if (certain) report({ block, start, end, messageId: 'ellipsis', data: { found }, fix });
  else report({ block, start, end, messageId: 'ellipsis', data: { found }, suggestions: [{ messageId: 'useText', data: { text: ELLIPSIS }, fix }] });
}

/**
 * Corner brackets (直角引号) and the curly quotes horizontal text uses instead (GB/T 15834-2011 §4.1, 附录 A.1). A Map:
 * a property read by a name that changes (`CURLY_OF[mark]`) is guarded by the one name the compiled code has seen.
 */
const CURLY_OF: ReadonlyMap<string, string> = new Map([
  ['「', '“'],
  ['」', '”'],
  ['『', '‘'],
  ['』', '’'],
]);
const CORNER_OPENERS = '「『';

/** `「…」` → `“…”` and `『…』` → `‘…’`, one finding per pair (both marks fixed together), or per mark left unpaired. */
function checkCornerQuotes(block: Block, report: ReportFunction<MessageId>): void {
  const { text } = block;
  const open: number[] = [];
  // Built by a loop: an array made by `map` inside compiled code has another shape to V8 than one made outside it,
  // and `join` on it threw the compiled code away.
  const reportMarks = (offsets: number[]): void => {
    let found = '';
    let fixed = '';
    const fix: TextEdit[] = [];
    for (const at of offsets) {
      const curly = CURLY_OF.get(text[at])!;
      found += text[at];
      fixed += curly;
      fix.push({ start: at, end: at + 1, text: curly });
    }
    report({ block, start: offsets[0], end: offsets[offsets.length - 1] + 1, messageId: 'cornerQuotes', data: { found, fixed }, fix });
  };
  const leftOpen: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (!CURLY_OF.has(char)) continue;
    if (CORNER_OPENERS.includes(char)) {
      open.push(i);
      continue;
    }
    const expected = char === '」' ? '「' : '『';
    while (open.length > 0 && text[open[open.length - 1]] !== expected) leftOpen.push(open.pop()!);
    const opener = open.pop();
    reportMarks(opener === undefined ? [i] : [opener, i]);
  }
  for (const at of [...leftOpen, ...open]) reportMarks([at]);
}

function touchesChinese(text: string, start: number, end: number): boolean {
  return isChineseTextChar(codePointBefore(text, start)) || isChineseTextChar(codePointAfter(text, end));
}

function runEnd(text: string, start: number, char: string): number {
  let end = start + 1;
  while (text[end] === char) end++;
  return end;
}

/** `...` `。。。` `．．．` and a lone or tripled `…` in Chinese text; `……` and `…………` are right. */
function checkEllipses(block: Block, urls: SpanCursor, report: ReportFunction<MessageId>): void {
  const { text } = block;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char !== '.' && char !== '。' && char !== '．' && char !== '…') continue;
    const end = runEnd(text, i, char);
    const length = end - i;
    if (char === '…') {
      if (length % 2 === 1 && touchesChinese(text, i, end)) reportEllipsis(block, i, end, length === 1, report);
    } else if (length >= 3) {
      if (char !== '.') reportEllipsis(block, i, end, true, report);
      else if (!urls.contains(i) && touchesChinese(text, i, end) && !isLeader(text, end, length)) reportEllipsis(block, i, end, true, report);
      else if (!urls.contains(i)) checkSpacedDots(block, i, end, report);
    }
    i = end - 1;
  }
}

/** ` ... ` typed with spaces between two Chinese characters: the spaces go with the dots. */
function checkSpacedDots(block: Block, start: number, end: number, report: ReportFunction<MessageId>): void {
  const { text } = block;
  let from = start;
  while (from > 0 && (text[from - 1] === ' ' || text[from - 1] === '\t')) from--;
  let to = end;
  while (to < text.length && (text[to] === ' ' || text[to] === '\t')) to++;
  if (from === start && to === end) return;
  if (!isChineseTextChar(codePointBefore(text, from)) || !isChineseTextChar(codePointAfter(text, to))) return;
  report({ block, start, end, messageId: 'ellipsis', data: { found: text.slice(start, end) }, fix: { start: from, end: to, text: ELLIPSIS } });
}

/** `第一章 总则..........1`: a long run of dots before a page number. */
function isLeader(text: string, end: number, length: number): boolean {
  let after = end;
  while (text[after] === ' ') after++;
  return length > MAX_ELLIPSIS_DOTS && isDigit(text[after]);
}

/** A single `—` that introduces an explanation, and `--` typed for `——`, between Chinese characters. */
function checkDashes(block: Block, report: ReportFunction<MessageId>): void {
  const { text } = block;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char !== '—' && char !== '-') continue;
    const end = runEnd(text, i, char);
    const length = end - i;
    const between = isHan(codePointBefore(text, i)) && isChineseTextChar(codePointAfter(text, end));
    const explains = char === '—' && length === 1 && EXPLAINING.test(text.slice(end, end + 3));
    if (between && (explains || (char === '-' && length === 2))) {
      report({ block, start: i, end, messageId: 'dash', data: { found: text.slice(i, end) }, fix: { start: i, end, text: DASH } });
    }
    i = end - 1;
  }
}

/** Number ranges written with a hyphen or an en dash. */
function checkRanges(block: Block, urls: SpanCursor, report: ReportFunction<MessageId>): void {
  const { text } = block;
  RANGE.lastIndex = 0;
  for (let match = RANGE.exec(text); match !== null; match = RANGE.exec(text)) {
    const [found, left, leftUnit = '', hyphen, right, rightUnit = ''] = match;
    const start = match.index;
    const end = start + found.length;
    const hyphenAt = start + left.length + leftUnit.length;
    if (urls.contains(hyphenAt)) continue;
    if (start > 0 && CODE_BEFORE.test(text[start - 1])) continue;
    // After a unit (`年` `%`) anything may follow (`2023年5月-2024年3月`); after a bare number it may be a code.
    if (!rightUnit && end < text.length && CODE_AFTER.test(text[end])) continue;
    if (!rightUnit && (text[end] === '.' || text[end] === ':') && isDigit(text[end + 1])) continue;
    if (hasLeadingZero(left) || hasLeadingZero(right)) continue;
    const units = leftUnit + rightUnit;
    const isTime = left.includes(':') && right.includes(':') && !units;
    const isDate =
      !units.includes('%') &&
      !left.includes(':') &&
      !right.includes(':') &&
      ((isYear(left) && isYear(right) && Number(left) < Number(right) && (rightUnit === '年' || leftUnit === '年' || !units)) ||
        ((rightUnit === '月' || leftUnit === '月') && isWholeNumberAtMost(left, 12) && isWholeNumberAtMost(right, 12)) ||
        ((rightUnit === '日' || leftUnit === '日') && isWholeNumberAtMost(left, 31) && isWholeNumberAtMost(right, 31)) ||
        ((leftUnit === '年' || leftUnit === '月') && DATE_UNITS.has(rightUnit)));
    const fixedDash = found.slice(0, hyphenAt - start) + '—' + found.slice(hyphenAt - start + 1);
    if ((isTime || isDate) && touchesChinese(text, start, end)) {
      report({ block, start, end, messageId: 'rangeDash', data: { found, fixed: fixedDash }, fix: { start: hyphenAt, end: hyphenAt + 1, text: '—' } });
      continue;
    }
    if (left.includes(':') || right.includes(':') || leftUnit === '年' || leftUnit === '月' || leftUnit === '日') continue;
    if (left.length === 4 && right.length === 4 && !units) continue;
    const nextIsUnit = rightUnit !== '' || isHan(codePointAfter(text, end));
    if (!nextIsUnit || !touchesChinese(text, start, end)) continue;
    const fixedTilde = found.slice(0, hyphenAt - start) + '～' + found.slice(hyphenAt - start + 1);
    report({
      block,
      start,
      end,
      messageId: 'valueRange',
      data: { found, hyphen, tilde: fixedTilde, dash: fixedDash },
      suggestions: [
        { messageId: 'useText', data: { text: fixedTilde }, fix: { start: hyphenAt, end: hyphenAt + 1, text: '～' } },
        { messageId: 'useText', data: { text: fixedDash }, fix: { start: hyphenAt, end: hyphenAt + 1, text: '—' } },
      ],
    });
  }
}

export default defineRule({
  id: 'punctuation-form',
  description: '省略号、破折号、连接号、引号的形式错误',
  severity: 'warn',
  fixable: true,
  messages: {
    ellipsis: '省略号应写作“……”（两个“…”），不应写作“{{found}}”',
    dash: '破折号应写作“——”（两个“—”），不应写作“{{found}}”',
    rangeDash: '表示时间起止的“{{found}}”应使用连接号“—”，写作“{{fixed}}”',
    valueRange: '数值范围“{{found}}”不用“{{hyphen}}”，宜用浪纹线写作“{{tilde}}”，或用一字线写作“{{dash}}”',
    useText: '改为“{{text}}”',
    cornerQuotes: '直角引号{{found}}应改为{{fixed}}：横排文字用弯引号',
  },
  options: z.object({}).strict(),
  check(document, report) {
    /** Decided on the first corner quote: traditional-script text uses `「」` by its own convention. */
    let traditional: boolean | undefined;
    // The scan a format rule made of every block's characters, if one did: it tells which blocks hold a corner quote
    // or a mark a candidate needs, and the native searches below then run only there. Without it, one search of the
    // whole source is cheaper than one per block, and most documents have no corner quote.
    const masks = scannedTriggers(document)?.masks;
    const mayHaveCorners = masks !== undefined || CORNER_QUOTE.test(document.source);
    const { blocks } = document;
    for (let index = 0; index < blocks.length; index++) {
      const block = blocks[index];
      const mask = masks === undefined ? Trigger.CornerQuote | Trigger.FormMark : masks[index];
      const corners = mayHaveCorners && (mask & Trigger.CornerQuote) !== 0 && CORNER_QUOTE.test(block.text);
      // A block without `…` `.` `．` `-` `–` `－` `—` can hold only the `。。。` candidate.
      const candidate = (mask & Trigger.FormMark) !== 0 ? CANDIDATE.test(block.text) : block.text.includes('。。。');
      if (!candidate && !corners) continue;
      const urlSpans = findUrlSpans(block.text);
      // English prose writes its ellipsis as one `…` or `...`; only Chinese text takes `……`.
      if (!isMostlyLatin(block.text, urlSpans)) checkEllipses(block, new SpanCursor(urlSpans), report);
      checkDashes(block, report);
      if (corners) {
        traditional ??= isTraditionalScript(document.blocks);
        if (!traditional) checkCornerQuotes(block, report);
      }
      checkRanges(block, new SpanCursor(urlSpans), report);
    }
  },
});
