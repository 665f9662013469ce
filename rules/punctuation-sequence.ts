import * as z from 'zod';
import type { Block } from '../src/core/document.js';
import { defineRule, type ReportFunction, type Suggestion, type TextEdit } from '../src/core/rule.js';
import { scannedTriggers, Trigger } from '../src/core/text/trigger-scan.js';
import {
  SpanCursor,
  codeAt,
  codePointAfter,
  codePointBefore,
  findUrlSpans,
  isAsciiSpace,
  isChineseTextChar,
  isEntitySemicolon,
  FULL_WIDTH_POINT_MARKS,
  toFullWidthMark,
} from '../src/core/text/punctuation.js';

type MessageId = 'doubled' | 'mixed' | 'tooMany' | 'afterDash' | 'commaBeforeDeng' | 'keepOnly' | 'remove' | 'afterOpening' | 'twoDots' | 'useText';

/** 点号 (GB/T 15834-2011 §4.1): the full-width ones, and the half-width ones typed for them. */
const POINT_MARKS = new Set(['，', '、', '；', '：', '。', '？', '！', ',', ';', ':', '?', '!']);
const HALF_WIDTH = new Set([',', ';', ':', '?', '!']);
/** 问号 and 叹号 may repeat (up to three) and may follow `——` and each other as `？！`. */
const EXCLAMATIVE = new Set(['？', '！']);
const MAX_EXCLAMATIVE_RUN = 3;
/** Up to this many marks a fix deletes each mark on its own, keeping any markup between them; longer runs are junk. */
const MAX_SEPARATE_EDITS = 16;
/** How many marks of a run a message quotes. */
const MAX_QUOTED_MARKS = 10;
/**
 * `等` after a 顿号 that starts a word of its own (`规模、等级`, `按月、等额还款`) is an item of the
 * enumeration, not the closing `等`; the characters that can follow `等` in such words.
 */
const DENG_WORD_SECOND = new Set('级同价待额候量比效高值距分号于身外次第边腰温压速式闲差齐车'.split('').map((char) => char.charCodeAt(0)));
const DENG = 0x7b49; // 等

/**
 * Every finding starts from two marks with at most spaces between them (the spaces of isSpaceBetweenMarks:
 * `\s` would make the search twice as slow), `、等`, or a mark right after `——`. The rule visits only what this
 * native search finds, so most prose costs one scan and no loop over its marks.
 */
const CANDIDATE = /(?:——|[，、；：。？！,;:?!][ \t\u3000]*)[，、；：。？！,;:?!]|、等/g;

/**
 * A half-width `.` beside a full-width 点号 (`。.` `，.` `.。`), or two dots between Chinese characters (`完成..下一步`).
 * The dot in these stands for a `。`; a dot that starts a file extension or a number (`。.docx`) does not match.
 */
const DOT_CANDIDATE = /[，、；：。？！]\.(?![.A-Za-z0-9])|(?<![.．])\.[，、；：。？！]|(?<!\.)\.\.(?!\.)/g;
/** A full-width opening mark right before a 点号 (`（，` `“。`). Searched apart: as an alternative of CANDIDATE it costs more. */
const AFTER_OPENING_CANDIDATE = /[（“‘《〈〔【［][，、；：。？！,;:?!]/g;
/** The same searches without `g`, for a yes/no answer that leaves no `lastIndex` behind. */
const HAS_DOT_CANDIDATE = new RegExp(DOT_CANDIDATE.source);
const HAS_AFTER_OPENING_CANDIDATE = new RegExp(AFTER_OPENING_CANDIDATE.source);
const CLOSER_OF: Readonly<Record<string, string>> = { '（': '）', '“': '”', '‘': '’', '《': '》', '〈': '〉', '〔': '〕', '【': '】', '［': '］' };

interface Mark {
  readonly at: number;
  /** As written. */
  readonly written: string;
  /** Its full-width form. */
  readonly mark: string;
}

/** Whether the `等` at `at` closes an enumeration (`等` `等等` `等方面`) rather than starting a word (`等级`). */
function isClosingDeng(text: string, at: number): boolean {
  // Read by code, everything asked every time: a read past the end, or a step taken only after a rare `等`, first
  // made after the caller was compiled, would throw its code away.
  const deng = codeAt(text, at) === DENG;
  const next = codeAt(text, at + 1);
  const ends = next === -1;
  const doubled = next === DENG;
  const startsWord = DENG_WORD_SECOND.has(next);
  return deng && (ends || doubled || !startsWord);
}

function isSpaceBetweenMarks(code: number): boolean {
  return isAsciiSpace(code) || code === 0x3000;
}

/** The run of 点号 starting at `start`, marks separated by nothing or by spaces; half-width ones inside a URL are not marks. */
function readRun(text: string, start: number, urls: SpanCursor): Mark[] {
  const run: Mark[] = [];
  let at = start;
  for (;;) {
    run.push({ at, written: text[at], mark: toFullWidthMark(text[at]) });
    let next = at + 1;
    while (next < text.length && isSpaceBetweenMarks(text.charCodeAt(next))) next++;
    if (next >= text.length || !isPointMark(text, next, urls)) return run;
    at = next;
  }
}

function isPointMark(text: string, at: number, urls: SpanCursor): boolean {
  const char = text[at];
  if (!POINT_MARKS.has(char)) return false;
  // Asked for every mark, not only the rarer half-width ones: a call first made after the function was compiled
  // would throw its code away.
  const halfWidth = HALF_WIDTH.has(char);
  const inUrl = urls.contains(at);
  const semicolon = char === ';';
  const bang = char === '!';
  const entity = isEntitySemicolon(text, at);
  const latinBang = isLatinBang(text, at);
  return !(halfWidth && (inUrl || (semicolon && entity) || (bang && latinBang)));
}

/** `Yahoo!` and the factorial `n!` `5!`: a `!` glued to a Latin letter or a digit belongs to the word or number. */
function isLatinBang(text: string, at: number): boolean {
  const before = codeAt(text, at - 1);
  return (before >= 0x30 && before <= 0x39) || (before >= 0x41 && before <= 0x5a) || (before >= 0x61 && before <= 0x7a);
}

/** Keeps `keep` (in its full-width form) and deletes every other mark of the run with the spaces before it. */
function keepOnlyEdits(run: readonly Mark[], keep: Mark): TextEdit[] {
  const replaceKeep: TextEdit[] = keep.written === keep.mark ? [] : [{ start: keep.at, end: keep.at + 1, text: keep.mark }];
  if (run.length > MAX_SEPARATE_EDITS) {
    const before = keep === run[0] ? [] : [{ start: run[0].at, end: keep.at, text: '' }];
    const after = keep === run[run.length - 1] ? [] : [{ start: keep.at + 1, end: run[run.length - 1].at + 1, text: '' }];
    return [...before, ...replaceKeep, ...after];
  }
  const edits: TextEdit[] = [];
  run.forEach((item, i) => {
    if (item === keep) {
      edits.push(...replaceKeep);
    } else if (i > 0) {
      // Starting just after the previous mark keeps any markup that stands right before this one.
      edits.push({ start: run[i - 1].at + 1, end: item.at + 1, text: '' });
    } else {
      edits.push({ start: item.at, end: run[1] === keep ? run[1].at : item.at + 1, text: '' });
    }
  });
  return edits;
}

/** The run as written, shortened when it is long. */
function written(text: string, run: readonly Mark[]): string {
  if (run.length <= MAX_QUOTED_MARKS) return text.slice(run[0].at, run[run.length - 1].at + 1);
  return `${text.slice(run[0].at, run[MAX_QUOTED_MARKS - 1].at + 1)}…`;
}

/** Whether a run of half-width marks only stands in Chinese text (not in `Note:;` or ASCII art). */
function touchesChinese(text: string, run: readonly Mark[]): boolean {
  const end = run[run.length - 1].at + 1;
  let after = end;
  while (after < text.length && isAsciiSpace(text.charCodeAt(after))) after++;
  return isChineseTextChar(codePointBefore(text, run[0].at)) || isChineseTextChar(codePointAfter(text, after));
}

/** Whether a run is one of the allowed combinations: `？！`, or up to three `？` or `！`. */
function isAllowedCombination(marks: string): boolean {
  if (marks === '？！') return true;
  return marks.length <= MAX_EXCLAMATIVE_RUN && EXCLAMATIVE.has(marks[0]) && [...marks].every((mark) => mark === marks[0]);
}

function checkRun(block: Block, run: readonly Mark[], report: ReportFunction<MessageId>): void {
  const { text } = block;
  const start = run[0].at;
  const end = run[run.length - 1].at + 1;
  // Joined by a loop: an array made by `map` inside compiled code has another shape to V8 than one made outside it,
  // and `join` on it threw the compiled code away.
  let marks = '';
  for (let i = 0; i < run.length; i++) marks += run[i].mark;
  const found = written(text, run);
  const first = run[0].mark;
  // Decided for every run, before the runs of two or more (most findings) return: a call first made after the
  // function was compiled would throw its code away.
  const afterDash = !EXCLAMATIVE.has(first) && start >= 2 && text.startsWith('——', start - 2);
  const single = run.length === 1;
  const dunhao = first === '、';
  const beforeDeng = isClosingDeng(text, end) && single && dunhao;
  if (run.length > 1 && !isAllowedCombination(marks)) {
    const distinct = [...new Set(run.map((item) => item.mark))];
    if (distinct.length === 1) {
      // Three or more `。` are a mistyped 省略号, which punctuation-form reports.
      if (first === '。' && run.length > 2) return;
      if (EXCLAMATIVE.has(first)) {
        report({
          block,
          start,
          end,
          messageId: 'tooMany',
          data: { marks: found, mark: first },
          suggestions: [{ messageId: 'keepOnly', data: { mark: first }, fix: keepOnlyEdits(run, run[0]) }],
        });
        return;
      }
      report({ block, start, end, messageId: 'doubled', data: { marks: found, mark: first }, fix: keepOnlyEdits(run, run[0]) });
      return;
    }
    // Pushed, not mapped: `map` makes a holey array, and the engine's reading of suggestion lists, which only saw
    // the packed literals of other rules, was thrown away at the first one.
    const suggestions: Suggestion<MessageId>[] = [];
    for (const mark of distinct) suggestions.push({ messageId: 'keepOnly', data: { mark }, fix: keepOnlyEdits(run, run.find((item) => item.mark === mark)!) });
    let choices = '';
    for (let i = 0; i < distinct.length; i++) choices += `${i > 0 ? '或' : ''}“${distinct[i]}”`;
    report({ block, start, end, messageId: 'mixed', data: { marks: found, choices }, suggestions });
    return;
  }
  if (afterDash) {
    report({
      block,
      start,
      end,
      messageId: 'afterDash',
      data: { marks: found },
      suggestions: [{ messageId: 'remove', data: { marks: found }, fix: { start, end, text: '' } }],
    });
    return;
  }
  if (beforeDeng) {
    report({ block, start, end, messageId: 'commaBeforeDeng', data: { found: '、等' }, fix: { start, end, text: '' } });
  }
}

function isFullWidthPointMark(char: string | undefined): boolean {
  return char !== undefined && FULL_WIDTH_POINT_MARKS.includes(char);
}

/** `。.` `，.` `.。` as two 点号 in a row, and `..` between Chinese characters. */
function checkDots(block: Block, urls: SpanCursor, report: ReportFunction<MessageId>): void {
  const { text } = block;
  DOT_CANDIDATE.lastIndex = 0;
  for (let match = DOT_CANDIDATE.exec(text); match !== null; match = DOT_CANDIDATE.exec(text)) {
    const start = match.index;
    const found = match[0];
    const dotAt = found[0] === '.' ? start : start + 1;
    if (urls.contains(dotAt)) continue;
    if (found === '..') {
      const before = codePointBefore(text, start);
      const after = codePointAfter(text, start + 2);
      if (!isChineseTextChar(before) || !isChineseTextChar(after) || isFullWidthPointMark(String.fromCodePoint(before))) continue;
      report({
        block,
        start,
        end: start + 2,
        messageId: 'twoDots',
        suggestions: [
          { messageId: 'useText', data: { text: '。' }, fix: { start, end: start + 2, text: '。' } },
          { messageId: 'useText', data: { text: '……' }, fix: { start, end: start + 2, text: '……' } },
        ],
      });
      continue;
    }
    // `.。` after a Latin word or a number is an abbreviation or a decimal followed by the real mark.
    if (found[0] === '.' && !isChineseTextChar(codePointBefore(text, start))) continue;
    // Built by push, as readRun builds its runs: one shape of array for checkRun (see its `marks`).
    const run: Mark[] = [];
    for (let i = 0; i < found.length; i++) run.push({ at: start + i, written: found[i], mark: found[i] === '.' ? '。' : found[i] });
    checkRun(block, run, report);
  }
}

/** Whether another mark or a space follows, as where marks are listed or quoted (`（，；、。。、,; 等）`). */
function listsMarks(text: string, at: number): boolean {
  const next = text[at];
  return next === undefined || POINT_MARKS.has(next) || next === ' ' || next === '\t' || next === '　';
}

/** A 点号 right after an opening mark (`（，` `“。`), where the opening mark is closed later in the paragraph. */
function checkAfterOpening(block: Block, urls: SpanCursor, report: ReportFunction<MessageId>): void {
  const { text } = block;
  AFTER_OPENING_CANDIDATE.lastIndex = 0;
  for (let match = AFTER_OPENING_CANDIDATE.exec(text); match !== null; match = AFTER_OPENING_CANDIDATE.exec(text)) {
    const open = match[0][0];
    const at = match.index + 1;
    const closer = CLOSER_OF[open];
    // `“？”` quotes the mark itself, and `（，；、。）` lists marks; an opener never closed may be a mistyped closer
    // (`落实“。`), punctuation-pair's.
    if (text[at + 1] === closer || listsMarks(text, at + 1) || text.indexOf(closer, at + 1) === -1 || urls.contains(at)) continue;
    const mark = text[at];
    report({
      block,
      start: at,
      end: at + 1,
      messageId: 'afterOpening',
      data: { open, mark },
      suggestions: [{ messageId: 'remove', data: { marks: mark }, fix: { start: at, end: at + 1, text: '' } }],
    });
    AFTER_OPENING_CANDIDATE.lastIndex = at;
  }
}

export default defineRule({
  id: 'punctuation-sequence',
  description: '两个点号连用（，；、。。、,; 等）',
  severity: 'error',
  fixable: true,
  messages: {
    doubled: '点号“{{marks}}”重复，只保留一个“{{mark}}”',
    mixed: '点号“{{marks}}”连用，只能保留一个：{{choices}}',
    tooMany: '“{{marks}}”连用超过三个，一般只用一个“{{mark}}”',
    afterDash: '破折号“——”后不用点号“{{marks}}”（问号、叹号除外），请删去',
    commaBeforeDeng: '“等”前不用顿号：“{{found}}”应删去“、”',
    afterOpening: '点号“{{mark}}”紧跟在 {{open}} 之后：引号、括号、书名号里不以点号开头，请删去或补上内容',
    twoDots: '中文里不用“..”：句末用句号“。”，表示省略用省略号“……”',
    keepOnly: '只保留“{{mark}}”',
    remove: '删去“{{marks}}”',
    useText: '改为“{{text}}”',
  },
  options: z.object({}).strict(),
  check(document, report) {
    // The scan a format rule made of every block's characters, if one did: a block without an opening mark is not
    // searched for a 点号 after one.
    const masks = scannedTriggers(document)?.masks;
    const { blocks } = document;
    for (let index = 0; index < blocks.length; index++) {
      const block = blocks[index];
      const { text } = block;
      const dots = text.includes('.') && HAS_DOT_CANDIDATE.test(text);
      const opening = masks === undefined ? Trigger.OpeningMark : masks[index] & Trigger.OpeningMark;
      const afterOpening = opening !== 0 && HAS_AFTER_OPENING_CANDIDATE.test(text);
      CANDIDATE.lastIndex = 0;
      let candidate = CANDIDATE.exec(text);
      if (candidate === null && !dots && !afterOpening) continue;
      const urlSpans = findUrlSpans(text);
      if (dots) checkDots(block, new SpanCursor(urlSpans), report);
      if (afterOpening) checkAfterOpening(block, new SpanCursor(urlSpans), report);
      const urls = new SpanCursor(urlSpans);
      // Only runs that start inside a candidate are read, and that misses nothing: a run of two or more marks starts
      // a candidate, and a lone mark reports only in `、等` or after `——`, candidates too. A run may end past its candidate.
      while (candidate !== null) {
        const candidateEnd = candidate.index + candidate[0].length;
        let i = candidate.index;
        for (; i < candidateEnd; i++) {
          if (!isPointMark(text, i, urls)) continue;
          const run = readRun(text, i, urls);
          i = run[run.length - 1].at;
          // Both asked for every run: a call first made after the function was compiled would throw its code away.
          const halfWidthOnly = run.every((item) => HALF_WIDTH.has(item.written));
          const inChinese = touchesChinese(text, run);
          if (halfWidthOnly && !inChinese) continue;
          checkRun(block, run, report);
        }
        CANDIDATE.lastIndex = i;
        candidate = CANDIDATE.exec(text);
      }
    }
  },
});
