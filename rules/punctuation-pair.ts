import * as z from 'zod';
import type { Block } from '../src/core/document.js';
import { defineRule, type MessageData, type Suggestion, type TextEdit } from '../src/core/rule.js';
import {
  DOUBLE_QUOTE,
  FULL_WIDTH_OF,
  INNER_OF,
  IS_PAIRED_MARK,
  marksPairTrivially,
  PAIR_BY_CLOSE,
  PAIR_BY_OPEN,
  PAIRS,
  SINGLE_QUOTE,
  SINGLE_TITLE_MARK,
  STRAIGHT_QUOTE,
  TITLE_MARK,
  type PairMark,
} from '../src/core/text/pairs.js';
import { readMarker, skipLineIndent } from '../src/core/text/numbering-markers.js';
import { scannedTriggers, Trigger } from '../src/core/text/trigger-scan.js';

/**
 * At most this many findings per paragraph: a paragraph of 100,000 `（` is one mistake repeated, and a
 * list of 100,000 findings helps nobody.
 */
export const MAX_FINDINGS_PER_BLOCK = 10;

/**
 * A mark left open may be closed, by a closer with no opener of its own, in one of this many following paragraphs without a finding:
 * a title or a bracket broken over lines (`关于印发《…` / `…办法》的通知`), or a link on a line of its own.
 */
export const CARRY_BLOCKS = 4;

/** A paragraph up to this long that stops without ending its sentence may be a title broken over two lines. */
export const SHORT_LINE = 40;
/** What ends a sentence (GB/T 15834 句末点号, and the 省略号 that may end one). */
const SENTENCE_END = '。！？…!?';
/** Closing marks that may follow the sentence end (`。”` `。）`). */
const TRAILING_CLOSERS = '”’）》〉】〕］」』)"\'';

/**
 * Whether a paragraph that leaves marks open may have them closed in the next: only where the line break falls
 * mid-sentence. The paragraph must stop without `。！？…`, and be short (a title broken over lines) or be followed
 * by a paragraph that continues the sentence (not a heading, not a numbered item). A paragraph that ends its sentence
 * must close every mark it opened.
 */
function breaksMidSentence(block: Block, next: Block | undefined): boolean {
  if (!next) return false;
  const { text } = block;
  // Stepped in the conditions, so that each step runs for every paragraph: a step first taken after the function was
  // compiled would throw its code away.
  let end = text.length + 1;
  while (--end > 0 && /\s/.test(text[end - 1]));
  end++;
  while (--end > 0 && TRAILING_CLOSERS.includes(text[end - 1]));
  if (end === 0 || SENTENCE_END.includes(text[end - 1])) return false;
  if (end <= SHORT_LINE) return true;
  return next.kind !== 'heading' && readMarker(next.text, skipLineIndent(next.text, 0)) === undefined;
}

type MessageId = 'unclosed' | 'unopened' | 'mismatched' | 'nested' | 'replaceMark' | 'useInnerMarks';

/** A same-kind pair closed inside another (`“…“A”…”`); reported once the outer pair turns out closed too. */
export interface NestedPair {
  readonly offset: number;
  readonly pair: PairMark;
  readonly closeOffset: number;
}

export interface OpenMark {
  readonly offset: number;
  readonly pair: PairMark;
  /** Stack index of the innermost open quote (`“` `‘`) at or below this entry, -1 if none. */
  readonly innermostQuote: number;
  /** Stack index of the innermost open 书名号 (`《` `〈`) at or below this entry, -1 if none. */
  readonly innermostTitle: number;
  /** Stack index of the open mark of the same kind this one sits in (`“` in `“`), -1 if none. */
  readonly nestedIn: number;
  /** Same-kind pairs closed inside this one. */
  nested: NestedPair[] | undefined;
}

export interface Finding {
  readonly start: number;
  readonly end: number;
  readonly messageId: MessageId;
  readonly data: MessageData;
  readonly suggestions?: readonly Suggestion<MessageId>[];
}

/** FULL_WIDTH_OF as a Map: a property read by a name that changes is guarded by the one name compiled code has seen. */
const FULL_WIDTH_MARK: ReadonlyMap<string, string> = new Map(Object.entries(FULL_WIDTH_OF));

const ASCII_LETTER = /[A-Za-z]/;
const ENUMERATION_DIGIT = /[0-9０-９]/;
const CHINESE_NUMERAL = /[一二三四五六七八九十]/;
/** What may stand before an enumeration marker such as `1）` `a)` `二）`: a line start, a space, a 点号. */
const BEFORE_ENUMERATION = /[\s：；，。、！？:;,]/;

/**
 * A closing bracket used as an enumeration marker (`1）加强领导`, `：a）…；b）…`) has no opener by design.
 * Looks back over at most three numerals or one Latin letter, so the check is constant time.
 */
function isEnumerationMarker(text: string, closeOffset: number): boolean {
  let i = closeOffset - 1;
  if (i < 0) return false;
  if (ASCII_LETTER.test(text[i])) {
    i--;
  } else {
    const numeral = ENUMERATION_DIGIT.test(text[i]) ? ENUMERATION_DIGIT : CHINESE_NUMERAL.test(text[i]) ? CHINESE_NUMERAL : undefined;
    if (!numeral) return false;
    let length = 0;
    while (i >= 0 && numeral.test(text[i])) {
      i--;
      if (++length > 3) return false;
    }
  }
  return i < 0 || BEFORE_ENUMERATION.test(text[i]);
}

/**
 * `’` between two Latin letters is an apostrophe (`Xi’an`, `China’s`), not a closing quote; a `‘` there is part of
 * the Latin text too (`x‘x’x`, primes written with quote marks).
 */
function isApostrophe(text: string, offset: number): boolean {
  return offset > 0 && ASCII_LETTER.test(text[offset - 1]) && offset + 1 < text.length && ASCII_LETTER.test(text[offset + 1]);
}

function markData(pair: PairMark): MessageData {
  return { open: pair.open, close: pair.close, name: pair.name, openName: pair.openName, closeName: pair.closeName };
}

function replaceMark(offset: number, found: string, replacement: string): Suggestion<MessageId> {
  return { messageId: 'replaceMark', data: { found, replacement }, fix: { start: offset, end: offset + 1, text: replacement } };
}

/**
 * The part of a paragraph to scan, without the arrows some web pages draw with doubled 书名号 around a link
 * (`》》点击图片进入专题《《`): two or more `》` opening the paragraph and two or more `《` ending it, both together.
 */
function withoutArrows(text: string): [number, number] {
  let from = 0;
  while (from < text.length && /[\s　]/.test(text[from])) from++;
  let arrowEnd = from;
  while (text[arrowEnd] === '》') arrowEnd++;
  let to = text.length;
  while (to > arrowEnd && /[\s　]/.test(text[to - 1])) to--;
  let arrowStart = to;
  while (arrowStart > arrowEnd && text[arrowStart - 1] === '《') arrowStart--;
  return arrowEnd - from >= 2 && to - arrowStart >= 2 ? [arrowEnd, arrowStart] : [0, text.length];
}

/** The state of one paragraph after its scan: what it found, and which marks it left open. */
export interface ScannedBlock {
  readonly findings: Finding[];
  /** Full-width marks still open at the end, outermost first; a later paragraph may close them. */
  readonly open: OpenMark[];
}

/**
 * One paragraph's scan: its stack of open marks and what it found. Methods, not closures made for each paragraph:
 * a call site that had seen one paragraph's closure was thrown away (wrong call target) at the next one's.
 */
class PairScan {
  readonly stack: OpenMark[] = [];
  private readonly openCount = new Int32Array(PAIRS.length);
  readonly findings: Finding[] = [];

  add(finding: Finding): void {
    if (this.findings.length < MAX_FINDINGS_PER_BLOCK) this.findings.push(finding);
  }

  /** Whether a mark of `pair` is open anywhere on the stack. */
  isOpen(pair: PairMark): boolean {
    return this.openCount[pair.index] > 0;
  }

  /**
   * Whether the innermost open mark is of `pair`. Pairs are compared only when a mark is open: compiled code that
   * had only compared marks (`top?.pair === pair` with a mark on the stack) was thrown away at the first comparison
   * of `undefined`.
   */
  topIs(pair: PairMark): boolean {
    const { stack } = this;
    return stack.length > 0 && stack[stack.length - 1].pair === pair;
  }

  push(offset: number, pair: PairMark): void {
    const { stack } = this;
    const below = stack.length > 0 ? stack[stack.length - 1] : undefined;
    const enclosingQuote = below ? below.innermostQuote : -1;
    const enclosingTitle = below ? below.innermostTitle : -1;
    const enclosing = pair.family === 'quote' ? enclosingQuote : pair.family === 'title' ? enclosingTitle : -1;
    const nestedIn = enclosing >= 0 && stack[enclosing].pair === pair && INNER_OF.has(pair) ? enclosing : -1;
    const isQuote = pair === DOUBLE_QUOTE || pair === SINGLE_QUOTE;
    const isTitle = pair === TITLE_MARK || pair === SINGLE_TITLE_MARK;
    stack.push({
      offset,
      pair,
      innermostQuote: isQuote ? stack.length : enclosingQuote,
      innermostTitle: isTitle ? stack.length : enclosingTitle,
      nestedIn,
      nested: undefined,
    });
    this.openCount[pair.index]++;
  }

  /** Pops the top mark as properly closed at `closeOffset`; its nesting candidates are now certain. */
  popClosed(closeOffset: number): void {
    const { stack } = this;
    const top = stack.pop()!;
    this.openCount[top.pair.index]--;
    // Past the cap nothing more is kept, so nothing more need be remembered.
    if (top.nestedIn >= 0 && this.findings.length < MAX_FINDINGS_PER_BLOCK) {
      (stack[top.nestedIn].nested ??= []).push({ offset: top.offset, pair: top.pair, closeOffset });
    }
    for (const inner of top.nested ?? []) {
      const innerPair = INNER_OF.get(inner.pair)!;
      const data = { ...markData(inner.pair), innerName: innerPair.name, innerOpen: innerPair.open, innerClose: innerPair.close };
      const edits: TextEdit[] = [
        { start: inner.offset, end: inner.offset + 1, text: innerPair.open },
        { start: inner.closeOffset, end: inner.closeOffset + 1, text: innerPair.close },
      ];
      this.add({
        start: inner.offset,
        end: inner.offset + 1,
        messageId: 'nested',
        data,
        suggestions: [{ messageId: 'useInnerMarks', data, fix: edits }],
      });
    }
  }

  /** Pops the top mark as left open: a full-width one is a finding, a stray half-width one is not ours. */
  popUnclosed(): void {
    const top = this.stack.pop()!;
    this.openCount[top.pair.index]--;
    if (top.pair.fullWidth) this.add(unclosedFinding(top));
  }

  /** `open` and `close` are of one family but not one pair: the half-width one (or else the closer) is wrong. */
  mismatch(top: OpenMark, closeOffset: number, close: string, closeFullWidth: boolean, expectedClose: string): void {
    const openWrong = !top.pair.fullWidth && closeFullWidth;
    const offset = openWrong ? top.offset : closeOffset;
    const found = openWrong ? top.pair.open : close;
    const replacement = openWrong ? (top.pair === STRAIGHT_QUOTE ? DOUBLE_QUOTE.open : FULL_WIDTH_MARK.get(found)!) : expectedClose;
    this.add({
      start: offset,
      end: offset + 1,
      messageId: 'mismatched',
      data: { open: top.pair.open, close, found, replacement },
      suggestions: [replaceMark(offset, found, replacement)],
    });
    this.popClosed(closeOffset);
  }
}

/**
 * Scans one paragraph with a stack of open marks; linear in its length. A closer with no opener in the
 * paragraph is first offered to `closeCarried`, which may match it with a mark left open just before.
 * Exported so that the tests can hold `marksPairTrivially` to it.
 */
export function scanBlock(text: string, closeCarried: (pair: PairMark) => boolean): ScannedBlock {
  const [from, to] = withoutArrows(text);
  const scan = new PairScan();
  const { stack } = scan;
  for (let i = from; i < to; i++) {
    if (IS_PAIRED_MARK[text.charCodeAt(i)] === 0) continue;
    const char = text[i];
    // A `"` that opens is pushed where every opener is: a call made only for the rare `"` would first run after
    // the function was compiled, and throw its code away.
    let opened: PairMark | undefined;
    if (char === '"') {
      if (scan.topIs(STRAIGHT_QUOTE)) {
        scan.popClosed(i);
        continue;
      }
      if (scan.topIs(DOUBLE_QUOTE)) {
        scan.mismatch(stack[stack.length - 1], i, char, false, DOUBLE_QUOTE.close);
        continue;
      }
      opened = STRAIGHT_QUOTE;
    } else if (char === "'") {
      if (scan.topIs(SINGLE_QUOTE)) scan.mismatch(stack[stack.length - 1], i, char, false, SINGLE_QUOTE.close);
      continue;
    } else {
      opened = PAIR_BY_OPEN.get(char);
    }
    if (opened === SINGLE_QUOTE && isApostrophe(text, i)) continue;
    if (opened) {
      scan.push(i, opened);
      continue;
    }
    const closed = PAIR_BY_CLOSE.get(char);
    if (!closed) continue;
    if (closed === SINGLE_QUOTE && isApostrophe(text, i)) continue;
    const top = stack.length > 0 ? stack[stack.length - 1] : undefined;
    if (scan.topIs(closed)) {
      scan.popClosed(i);
    } else if (scan.isOpen(closed)) {
      while (stack[stack.length - 1].pair !== closed) scan.popUnclosed();
      scan.popClosed(i);
    } else if (top !== undefined && top.pair.family === closed.family && (top.pair.fullWidth || closed.fullWidth)) {
      scan.mismatch(top, i, char, closed.fullWidth, top.pair.close);
    } else if (closed.fullWidth && !(stack.length === 0 && closeCarried(closed)) && !(closed.family === 'bracket' && isEnumerationMarker(text, i))) {
      scan.add(unopenedFinding(i, closed));
    }
  }
  return { findings: scan.findings, open: stack.filter((mark) => mark.pair.fullWidth) };
}

/** A paragraph that left marks open, and how many findings it has reported so far (at most MAX_FINDINGS_PER_BLOCK). */
interface CarryingBlock {
  readonly block: Block;
  readonly index: number;
  reported: number;
}

function unclosedFinding(mark: OpenMark): Finding {
  return { start: mark.offset, end: mark.offset + 1, messageId: 'unclosed', data: markData(mark.pair) };
}

function unopenedFinding(offset: number, pair: PairMark): Finding {
  return { start: offset, end: offset + 1, messageId: 'unopened', data: markData(pair) };
}

export default defineRule({
  id: 'punctuation-pair',
  description: '成对标点（引号、书名号、括号）不配对或嵌套错误',
  severity: 'error',
  fixable: false,
  messages: {
    unclosed: '{{openName}} {{open}} 在本段内没有对应的{{closeName}} {{close}}：请在应结束处补上 {{close}}，或删去多余的 {{open}}',
    unopened: '{{closeName}} {{close}} 前面没有对应的{{openName}} {{open}}：请在应开始处补上 {{open}}，或删去多余的 {{close}}',
    mismatched: '{{open}} 与 {{close}} 不配对：请把 {{found}} 改为 {{replacement}}',
    nested: '{{name}}里面又套用了{{name}} {{open}}{{close}}：内层应改用{{innerName}} {{innerOpen}}{{innerClose}}',
    replaceMark: '把 {{found}} 改为 {{replacement}}',
    useInnerMarks: '把内层的{{name}} {{open}}{{close}} 改为{{innerName}} {{innerOpen}}{{innerClose}}',
  },
  options: z.object({}).strict(),
  check(document, report) {
    const { blocks } = document;
    /** Marks left open by recent paragraphs, oldest first, with the paragraph each belongs to (parallel arrays). */
    const carried: OpenMark[] = [];
    const carriedFrom: CarryingBlock[] = [];
    /** Where the unexpired entries begin. */
    let live = 0;
    const reportUnclosed = (entry: number): void => {
      const owner = carriedFrom[entry];
      if (owner.reported >= MAX_FINDINGS_PER_BLOCK) return;
      owner.reported++;
      report({ block: owner.block, ...unclosedFinding(carried[entry]) });
    };
    /**
     * Reports the carried marks of paragraphs up to `lastIndex` as unclosed. One function for the paragraphs passed
     * and for the end of the document, so that the rare step at the end is the same code as the one during the scan.
     */
    const expireCarried = (lastIndex: number): void => {
      while (live < carried.length && carriedFrom[live].index <= lastIndex) reportUnclosed(live++);
    };
    const closeCarried = (pair: PairMark): boolean => {
      if (carried.length === live || carried[carried.length - 1].pair !== pair) return false;
      carried.pop();
      carriedFrom.pop();
      return true;
    };
    // The scan a format rule made of every block's characters, if one did, has run the pre-check on each block.
    const masks = scannedTriggers(document)?.masks;
    for (let index = 0; index < blocks.length; index++) {
      const block = blocks[index];
      // A paragraph whose marks pair up trivially neither reports nor closes nor leaves anything open.
      const trivial = masks === undefined ? marksPairTrivially(block.text) : (masks[index] & Trigger.UnpairedMarks) === 0;
      const scanned = trivial ? undefined : scanBlock(block.text, closeCarried);
      if (scanned) for (const finding of scanned.findings) report({ block, ...finding });
      expireCarried(index - CARRY_BLOCKS);
      if (!scanned || scanned.open.length === 0) continue;
      const owner: CarryingBlock = { block, index, reported: scanned.findings.length };
      // A quotation of several paragraphs opens each of them with `“` and closes only in the last
      // (GB/T 15834 §4.1.3.5): the open `“` of a paragraph followed by one that opens with `“` is fine.
      const next = blocks[index + 1];
      const continuedQuote =
        next && next.kind !== 'heading' && next.text.startsWith(DOUBLE_QUOTE.open) ? scanned.open.find((mark) => mark.pair === DOUBLE_QUOTE) : undefined;
      const carries = breaksMidSentence(block, next);
      for (const mark of scanned.open) {
        if (mark === continuedQuote) continue;
        if (carries) {
          carried.push(mark);
          carriedFrom.push(owner);
        } else if (owner.reported < MAX_FINDINGS_PER_BLOCK) {
          owner.reported++;
          report({ block, ...unclosedFinding(mark) });
        }
      }
    }
    expireCarried(blocks.length);
  },
});
