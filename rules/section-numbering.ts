import { z } from 'zod';
import type { Block, GwDocument } from '../src/core/document.js';
import { defineRule, type Report } from '../src/core/rule.js';
import { Level, formatMarker, readListMarker, readMarker, skipLineIndent, type NumberingMarker } from '../src/core/text/numbering-markers.js';

const messages = {
  wrongForm: '序号“{{found}}”的形式不对，应写作“{{expected}}”',
  gap: '序号“{{found}}”前缺少“{{expected}}”（上一个同级序号是“{{previous}}”）：请补上缺少的部分，或把序号改为“{{expected}}”',
  repeat: '序号“{{found}}”与上一个同级序号重复，应为“{{expected}}”',
  outOfOrder: '序号“{{found}}”排在“{{previous}}”之后，顺序颠倒，应为“{{expected}}”',
  badStart: '同级序号应从“{{expected}}”开始，这里却是“{{found}}”',
  badContinuation: '序号“{{found}}”既不是从“{{first}}”重新开始，也没有接着上文同级的“{{previous}}”编为“{{expected}}”',
  levelOrder: '序号“{{found}}”出现在下一级序号“{{previous}}”之后：层次序号应依次为“一、”“（一）”“1.”“（1）”，下一级中不能再用上一级序号',
  missingNumber: '标题“{{heading}}”缺少序号：同级标题都有序号，这里应为“{{expected}}”',
  malformedDecimal: '章条编号“{{found}}”末尾多了一个点，应写作“{{expected}}”',
  unnumberedHeading: '标题“{{heading}}”没有序号，而同级的其他标题都有序号（如“{{sibling}}”）',
  renumber: '改为“{{expected}}”',
} as const;

type MessageId = keyof typeof messages;

/** A heading depth deeper than any Markdown heading: numbered items in body text. */
const BODY_DEPTH = 7;

/** The first characters of the lines the three patterns below can match: only such lines are tried. */
const FU = '附'.charCodeAt(0);
const ZHU = '注'.charCodeAt(0);

/**
 * `附件` `附件1` `附件2：` `附录A` `附表一` on a line of their own, or an appendix with its title (`附录一　有关文件目录`):
 * an attachment or appendix starts its own outline.
 */
const ATTACHMENT_HEADING = /(?:附件[0-9０-９一二三四五六七八九十]*[：:]?|(?:附录|附表)[0-9０-９一二三四五六七八九十A-Z]*(?:[：:]|[ \u3000][^\n]*)?)[ \t\u3000\u00a0]*(?:\n|$)/y;
/** A Markdown heading that opens an attachment or appendix: `## 附件2` `### 附录A　术语`. */
const ATTACHMENT_TITLE = /^(?:附件|附录|附表)[0-9０-９一二三四五六七八九十A-Z]*(?:[：:　 ]|$)/;
/** `附件：1.…` `附：一、…`: a list of attachments, after which the attachments follow with outlines of their own. */
const ATTACHMENT_LEAD = /(?:附件[：:]?|附[：:])/y;
/** `注：1、…`: notes, say under a table, numbered on their own inside the section they stand in. */
const NOTE_LEAD = /注[：:]?/y;
/** `2　组织机构` `2.1　指挥部` `2.1.1　职责`: a decimal outline heading, parent of the markers that follow. */
const DECIMAL_HEADING = /[0-9]{1,2}(?:\.[0-9]{1,2})*[ \u3000]+(?=[^\s0-9.])/y;
/** `1.1.` `4.4.2.`: a decimal outline number with a dot after it, which GB/T 1.1 does not write. */
const MALFORMED_DECIMAL = /[0-9]{1,2}(?:[.．][0-9]{1,2})+[.．](?![0-9])/y;
/**
 * Unnumbered headings that close a numbered run of their level and are no section of it: `## 附件`, `## 结束语`.
 */
const CLOSING_HEADING = /^(?:附件|附录|附表|附图|附则|附：|结语|结束语|结论|小结|总结|说明|备注|注|联系|参考|致谢|后记|抄送|主送|分送|落款|签发|编后|声明|目录|索引|出席|列席|参会|记录)/;

const LEFT_QUOTE = 0x201c; // “
const QUOTE_MARK = /[“”]/g;
/** How many lines a quotation left open at a line end may run on before it counts as a stray mark. */
const MAX_QUOTED_LINES = 60;

/** A numbered item as the outline sees it: where it is, what it says, and how to reach it in the text. */
interface Item {
  readonly block: Block;
  readonly level: Level;
  readonly number: number;
  /** The marker as written; for a Markdown list item its source marker (`2.`). */
  readonly written: string;
  /** The marker's span in the block text; empty for a list item, whose marker is not part of the text. */
  readonly start: number;
  readonly end: number;
  readonly marker?: NumberingMarker;
  readonly headingDepth: number;
}

interface OpenLevel {
  level: Level;
  number: number;
  written: string;
  headingDepth: number;
}

function snippet(text: string): string {
  return text.length > 20 ? `${text.slice(0, 20)}…` : text;
}

/**
 * Walks the outline of one document. The stack holds the open levels from the top down; a marker closes the
 * levels below it, continues its own level or opens a new one. Articles (`第X条`) count on across chapters, so
 * their count lives outside the stack.
 */
class OutlineChecker {
  private stack: OpenLevel[] = [];
  private lastArticle = 0;
  /** Set when the first article is not 第一条: the text quotes or continues articles, which need not run on. */
  private articlesExcerpted = false;
  /**
   * The last number of each level whose sequence was closed by a new parent. Many documents number a level on
   * across parents (`一、（一）（二）二、（三）`), which is as correct as restarting at one. Indexed by level: an array
   * is cheaper to make for every document than a Map.
   */
  private lastClosed: (OpenLevel | undefined)[] = [];

  constructor(private readonly report: (report: Report<MessageId>) => void) {}

  reset(): void {
    this.stack = [];
    this.lastArticle = 0;
    this.articlesExcerpted = false;
    this.lastClosed = [];
  }

  private pop(): OpenLevel {
    const closed = this.stack.pop()!;
    this.lastClosed[closed.level] = closed;
    return closed;
  }

  /** Whether no open level sits under a shallower heading than `depth`: `## 附件2` then starts a new outline, `### 附表` does not. */
  isTopHeading(depth: number): boolean {
    return this.stack.every((open) => open.headingDepth >= depth);
  }

  /**
   * The first of a list of notes (`注：1.…`): it opens its level afresh under the section it stands in, which
   * goes on after the notes (`（一）…` `注：1.…` `2.…` `（二）…`).
   */
  noteList(item: Item): void {
    while (this.stack.length > 0 && this.stack[this.stack.length - 1].level >= item.level) this.pop();
    this.lastClosed.length = Math.min(this.lastClosed.length, item.level);
    if (item.number !== 1) this.reportNumber(item, 'badStart', 1);
    this.stack.push({ level: item.level, number: item.number, written: item.written, headingDepth: item.headingDepth });
  }

  /** A decimal outline heading (`2.1　…`) is a new parent of every non-legal level. */
  decimalHeading(): void {
    while (this.stack.length > 0 && this.stack[this.stack.length - 1].level > Level.Article) this.pop();
  }

  private expectedText(item: Item, number: number): string {
    return formatMarker(item.level, number, item.marker);
  }

  private reportNumber(item: Item, messageId: MessageId, expected: number, previous?: string): void {
    const expectedText = this.expectedText(item, expected);
    const data = { found: item.written, expected: expectedText, previous: previous ?? '' };
    this.report({
      block: item.block,
      start: item.start,
      end: item.end,
      messageId,
      data,
      ...(item.marker
        ? { suggestions: [{ messageId: 'renumber', data: { expected: expectedText }, fix: { start: item.start, end: item.end, text: expectedText } }] }
        : {}),
    });
  }

  /** Checks `item` against the previous number of its level and reports a gap, repeat or reversal. */
  private checkContinuation(item: Item, previousNumber: number, previousWritten: string): void {
    if (item.number === previousNumber + 1) return;
    if (item.number === previousNumber) this.reportNumber(item, 'repeat', previousNumber + 1, previousWritten);
    else if (item.number > previousNumber) this.reportNumber(item, 'gap', previousNumber + 1, previousWritten);
    else this.reportNumber(item, 'outOfOrder', previousNumber + 1, previousWritten);
  }

  private checkArticle(item: Item): void {
    if (this.lastArticle === 0) {
      // Constitutional amendments continue earlier ones, one 编 of a code is published on its own, a case report
      // quotes an article: articles may open at any number.
      this.articlesExcerpted = item.number !== 1;
    } else if (!this.articlesExcerpted) {
      this.checkContinuation(item, this.lastArticle, formatMarker(Level.Article, this.lastArticle));
    }
    this.lastArticle = item.number;
    while (this.stack.length > 0 && this.stack[this.stack.length - 1].level >= Level.Article) this.pop();
    this.stack.push({ level: item.level, number: item.number, written: item.written, headingDepth: item.headingDepth });
  }

  /** Closes `item`'s level and everything under it, forgetting their numbers, and opens it again at `item`. */
  private restartFrom(item: Item): void {
    this.stack.pop();
    this.lastClosed.length = Math.min(this.lastClosed.length, item.level);
    this.stack.push({ level: item.level, number: item.number, written: item.written, headingDepth: item.headingDepth });
  }

  /** A new sequence not starting at one must go on from the same level under the previous parent. */
  private checkStart(item: Item): void {
    const before = this.lastClosed[item.level];
    if (before === undefined) {
      this.reportNumber(item, 'badStart', 1);
      return;
    }
    if (item.number === before.number + 1) return;
    const expected = this.expectedText(item, before.number + 1);
    this.report({
      block: item.block,
      start: item.start,
      end: item.end,
      messageId: 'badContinuation',
      data: { found: item.written, first: this.expectedText(item, 1), previous: before.written, expected },
      ...(item.marker
        ? { suggestions: [{ messageId: 'renumber', data: { expected }, fix: { start: item.start, end: item.end, text: expected } }] }
        : {}),
    });
  }

  numbered(item: Item): void {
    if (item.level === Level.Article) {
      this.checkArticle(item);
      return;
    }
    let closedBelow: OpenLevel | undefined;
    while (this.stack.length > 0 && this.stack[this.stack.length - 1].level > item.level) {
      const closed = this.pop();
      closedBelow ??= closed;
    }
    const top = this.stack[this.stack.length - 1];
    if (closedBelow !== undefined && top?.level === Level.Article && item.level > Level.Article && this.leavesArticle(item)) return;
    if (top !== undefined && top.level === item.level) {
      if (item.number === 1 && top.number > 1) {
        // `一、` after `五、` begins another part or document (an unmarked attachment), not a reversal.
        this.restartFrom(item);
        return;
      }
      this.checkContinuation(item, top.number, top.written);
      top.number = item.number;
      top.written = item.written;
      top.headingDepth = item.headingDepth;
      return;
    }
    if (closedBelow !== undefined && closedBelow.level > Level.Article && item.level > Level.Article) {
      this.report({ block: item.block, start: item.start, end: item.end, messageId: 'levelOrder', data: { found: item.written, previous: closedBelow.written } });
    } else if (item.number !== 1) {
      this.checkStart(item);
    }
    this.stack.push({ level: item.level, number: item.number, written: item.written, headingDepth: item.headingDepth });
  }

  /**
   * An item after the items of an article (`第三条…（一）…（二）` then `二、`) that opens a new section above the
   * articles: a `一、` heading, or any level numbering on from before the article. It closes the article and runs
   * on from its own level's last number, if it has one.
   */
  private leavesArticle(item: Item): boolean {
    const before = this.lastClosed[item.level];
    const continues = before !== undefined && item.number === before.number + 1;
    if (item.level !== Level.Chinese && !continues) return false;
    this.pop();
    if (before !== undefined && item.number !== 1) this.checkContinuation(item, before.number, before.written);
    this.stack.push({ level: item.level, number: item.number, written: item.written, headingDepth: item.headingDepth });
    return true;
  }

  /**
   * A Markdown heading without a number. Between numbered siblings of its depth it is a missing number; anywhere
   * else it is a new parent, which closes the numbered levels of its depth and below.
   */
  unnumberedHeading(block: Block, depth: number, blocks: readonly Block[]): void {
    const siblingIndex = this.stack.findIndex((open) => open.headingDepth === depth);
    const sibling = siblingIndex === -1 ? undefined : this.stack[siblingIndex];
    // Looking ahead can cross the rest of the document (a title heading): only a numbered sibling needs it.
    const nextBlock = sibling === undefined ? undefined : nextHeading(blocks, block.index, depth);
    const next = nextBlock === undefined ? undefined : itemAt(nextBlock, 0);
    // The last heading of its level after two numbered ones, under a numbered parent (`## 二、` `### （一）`
    // `### （二）` `### 提高…`). At the top level the last heading is often end matter (`## 出席人员`), not a section.
    const lastOfLevel =
      sibling !== undefined &&
      siblingIndex > 0 &&
      sibling.level > Level.Article &&
      sibling.number >= 2 &&
      (nextBlock === undefined || (nextBlock.depth ?? 1) < depth) &&
      !CLOSING_HEADING.test(block.text);
    if (lastOfLevel || (sibling !== undefined && next !== undefined && next.headingDepth === depth && next.level === sibling.level && next.number > sibling.number)) {
      const heading = snippet(block.text);
      if (lastOfLevel || next?.number === sibling.number + 2) {
        const expected = formatMarker(sibling.level, sibling.number + 1, next?.marker);
        this.report({
          block,
          start: 0,
          end: block.text.length,
          messageId: 'missingNumber',
          data: { heading, expected },
          suggestions: [{ messageId: 'renumber', data: { expected }, fix: { start: 0, end: 0, text: expected } }],
        });
        sibling.number += 1;
        sibling.written = expected;
      } else {
        this.report({ block, start: 0, end: block.text.length, messageId: 'unnumberedHeading', data: { heading, sibling: sibling.written } });
      }
      while (this.stack.length > siblingIndex + 1) this.pop();
      return;
    }
    while (this.stack.length > 0 && this.stack[this.stack.length - 1].headingDepth >= depth) this.pop();
  }
}

/** The numbered item a block opens with, if any (headings and list items are only ever read at their start). */
function itemAt(block: Block, at: number): Item | undefined {
  const headingDepth = block.kind === 'heading' ? (block.depth ?? 1) : BODY_DEPTH;
  const marker = readMarker(block.text, skipLineIndent(block.text, at), block.kind === 'heading');
  if (!marker) return undefined;
  return { block, level: marker.level, number: marker.number, written: marker.written, start: marker.start, end: marker.end, marker, headingDepth };
}

function listItem(block: Block): Item | undefined {
  if (block.kind !== 'list-item' || !block.ordered || block.listMarker === undefined) return undefined;
  const number = readListMarker(block.listMarker);
  if (number === undefined) return undefined;
  return { block, level: Level.Arabic, number, written: block.listMarker, start: 0, end: 0, headingDepth: BODY_DEPTH };
}

/** The next heading of depth `depth` or shallower after block `from`. */
function nextHeading(blocks: readonly Block[], from: number, depth: number): Block | undefined {
  for (let index = from + 1; index < blocks.length; index++) {
    const block = blocks[index];
    if (block.kind === 'heading' && (block.depth ?? 1) <= depth) return block;
  }
  return undefined;
}

/** The length of `pattern`'s match exactly at `at`, or 0. */
function startsWith(pattern: RegExp, text: string, at: number): number {
  pattern.lastIndex = at;
  return pattern.exec(text)?.[0].length ?? 0;
}

function isOutlineBlock(block: Block): boolean {
  return block.kind !== 'table-cell' && block.quoteDepth === 0;
}

/** A place the outline reads: a heading, an ordered list item, or one line of a paragraph. */
interface Unit {
  readonly block: Block;
  /** Where the line starts in the block text; 0 for headings and list items. */
  readonly lineStart: number;
  readonly lineEnd: number;
  readonly line: boolean;
}

function unitsOf(blocks: readonly Block[]): Unit[] {
  const units: Unit[] = [];
  for (const block of blocks) {
    if (!isOutlineBlock(block)) continue;
    if (block.kind === 'heading' || listItem(block)) {
      units.push({ block, lineStart: 0, lineEnd: block.text.length, line: false });
      continue;
    }
    let lineStart = 0;
    for (;;) {
      const lineEnd = block.text.indexOf('\n', lineStart);
      units.push({ block, lineStart, lineEnd: lineEnd === -1 ? block.text.length : lineEnd, line: true });
      if (lineEnd === -1) break;
      lineStart = lineEnd + 1;
    }
  }
  return units;
}

/**
 * How the depth of `“”` quotation changes over a unit. A unit that opens with `“` inside a quotation continues
 * it (each quoted paragraph opens with `“`, only the last closes with `”`), so that `“` does not count.
 */
function quoteDepthAfter(unit: Unit, depthBefore: number): number {
  const { text } = unit.block;
  let depth = depthBefore;
  const contentStart = skipLineIndent(text, unit.lineStart);
  // Jumping from mark to mark with the native search, not over every character: quoted words are everywhere.
  QUOTE_MARK.lastIndex = unit.lineStart;
  for (let found = QUOTE_MARK.exec(text); found !== null && found.index < unit.lineEnd; found = QUOTE_MARK.exec(text)) {
    if (text.charCodeAt(found.index) === LEFT_QUOTE) {
      if (!(found.index === contentStart && depthBefore > 0)) depth++;
    } else if (depth > 0) {
      depth--;
    }
  }
  return depth;
}

/** For each unit, the index of the first unit from it on whose line holds a `”`, or -1. */
function nextClosingUnits(units: readonly Unit[]): Int32Array {
  const holdsClose = new Uint8Array(units.length);
  let block: Block | undefined;
  let found = -1;
  for (let index = 0; index < units.length; index++) {
    const unit = units[index];
    if (unit.block !== block) {
      block = unit.block;
      found = block.text.indexOf('”');
    }
    // Each block is searched once from start to end, however many lines it has.
    while (found !== -1 && found < unit.lineStart) found = unit.block.text.indexOf('”', found + 1);
    holdsClose[index] = found !== -1 && found < unit.lineEnd ? 1 : 0;
  }
  const next = new Int32Array(units.length + 1).fill(-1);
  for (let index = units.length - 1; index >= 0; index--) next[index] = holdsClose[index] ? index : next[index + 1];
  return next;
}

/**
 * Which units start inside a quotation that spans lines, such as the new text of an article in an amendment
 * decision (`将第三条修改为：“第三条　…` … `…。”`): numbering there is the quoted document's. A quotation not
 * closed within MAX_QUOTED_LINES lines is a stray mark and quotes nothing.
 */
function quotedUnits(units: readonly Unit[]): boolean[] {
  const quoted = new Array<boolean>(units.length).fill(false);
  // Only a quotation left open at a line end needs the closing marks ahead.
  let nextClosing: Int32Array | undefined;
  // Most blocks hold no `“`: one native search per block, not per line, passes over them.
  let searched: Block | undefined;
  let hasQuote = false;
  for (let index = 0; index < units.length; index++) {
    const { block } = units[index];
    if (block !== searched) {
      searched = block;
      hasQuote = block.text.includes('“');
    }
    if (!hasQuote) continue;
    let depth = quoteDepthAfter(units[index], 0);
    while (depth > 0) {
      nextClosing ??= nextClosingUnits(units);
      const closing = nextClosing[index + 1];
      if (closing === -1 || closing - index > MAX_QUOTED_LINES) break;
      for (let inside = index + 1; inside <= closing; inside++) quoted[inside] = true;
      depth = quoteDepthAfter(units[closing], depth);
      index = closing;
    }
  }
  return quoted;
}

/** Whether a unit's line ends with an opening bracket: `（` and `三）` split over two lines. */
function endsWithOpenBracket(unit: Unit): boolean {
  const { text } = unit.block;
  let end = unit.lineEnd - 1;
  while (end > unit.lineStart && /\s/.test(text[end])) end--;
  return text[end] === '（' || text[end] === '(';
}

export default defineRule({
  id: 'section-numbering',
  description: '层次序号（一、（一）1.（1））断号、重号、缺号或形式错误',
  severity: 'error',
  fixable: true,
  messages,
  options: z.object({}).strict(),
  check(document: GwDocument, report) {
    const outline = new OutlineChecker(report);
    const checkForm = (item: Item, fixable: boolean): void => {
      const { marker } = item;
      if (marker && marker.written !== marker.correct) {
        report({
          block: item.block,
          start: marker.start,
          end: marker.end,
          messageId: 'wrongForm',
          data: { found: marker.written, expected: marker.correct },
          ...(marker.fixable && fixable ? { fix: { start: marker.start, end: marker.end, text: marker.correct } } : {}),
        });
      }
    };
    const visit = (item: Item, fixable = true): void => {
      checkForm(item, fixable);
      outline.numbered(item);
    };
    const { blocks } = document;
    const units = unitsOf(blocks);
    const quoted = quotedUnits(units);
    for (let index = 0; index < units.length; index++) {
      if (quoted[index]) continue;
      const { block, lineStart, line } = units[index];
      if (!line) {
        const listed = listItem(block);
        if (listed) {
          visit(listed);
        } else if (ATTACHMENT_TITLE.test(block.text) && outline.isTopHeading(block.depth ?? 1)) {
          outline.reset();
        } else {
          const item = itemAt(block, 0);
          if (item) visit(item);
          else outline.unnumberedHeading(block, block.depth ?? 1, blocks);
        }
        continue;
      }
      const contentStart = skipLineIndent(block.text, lineStart);
      const first = block.text.charCodeAt(contentStart);
      if (first === FU && startsWith(ATTACHMENT_HEADING, block.text, contentStart)) {
        outline.reset();
      } else if (first >= 0x30 && first <= 0x39 && startsWith(DECIMAL_HEADING, block.text, contentStart)) {
        outline.decimalHeading();
      } else if (first >= 0x30 && first <= 0x39 && startsWith(MALFORMED_DECIMAL, block.text, contentStart)) {
        const end = contentStart + startsWith(MALFORMED_DECIMAL, block.text, contentStart);
        const found = block.text.slice(contentStart, end);
        const expected = found.slice(0, -1);
        // A space before the title keeps `4.4 总则` readable once the dot is gone; `4.4.总则` needs one.
        const spaced = /[ \u3000]/.test(block.text[end] ?? '') ? expected : `${expected}　`;
        report({
          block,
          start: contentStart,
          end,
          messageId: 'malformedDecimal',
          data: { found, expected },
          suggestions: [{ messageId: 'renumber', data: { expected: spaced }, fix: { start: contentStart, end, text: spaced } }],
        });
        outline.decimalHeading();
      } else {
        const attachmentLead = first === FU ? startsWith(ATTACHMENT_LEAD, block.text, contentStart) : 0;
        const noteLead = first === ZHU ? startsWith(NOTE_LEAD, block.text, contentStart) : 0;
        const item = itemAt(block, contentStart + attachmentLead + noteLead);
        if (attachmentLead > 0 && item) outline.reset();
        if (noteLead > 0 && item) {
          checkForm(item, true);
          outline.noteList(item);
        } else if (item) {
          visit(item, index === 0 || !endsWithOpenBracket(units[index - 1]));
        }
      }
    }
  },
});
