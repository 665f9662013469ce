import * as z from 'zod';
import type { Block, GwDocument } from '../src/core/document.js';
import { defineRule, type Report } from '../src/core/rule.js';
import { Level, formatMarker, type NumberingMarker } from '../src/core/text/numbering-markers.js';
import { headingMarker, walkOutline } from '../src/core/text/outline.js';

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

/**
 * Unnumbered headings that close a numbered run of their level and are no section of it: `## 附件`, `## 结束语`.
 */
const CLOSING_HEADING = /^(?:附件|附录|附表|附图|附则|附：|结语|结束语|结论|小结|总结|说明|备注|注|联系|参考|致谢|后记|抄送|主送|分送|落款|签发|编后|声明|目录|索引|出席|列席|参会|记录)/;

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
    // One call for the three findings: a call made only for the rarer ones would first run after the function was
    // compiled, and throw its code away.
    const messageId = item.number === previousNumber ? 'repeat' : item.number > previousNumber ? 'gap' : 'outOfOrder';
    this.reportNumber(item, messageId, previousNumber + 1, previousWritten);
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
      // Both comparisons made every time: one first made after the function was compiled would throw its code away.
      const restartsAtOne = item.number === 1;
      const afterOne = top.number > 1;
      if (restartsAtOne && afterOne) {
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
    const next = nextBlock === undefined ? undefined : headingItem(nextBlock);
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

/** An item of a Markdown ordered list, whose marker is not part of the block text. */
function listItem(block: Block, number: number, written: string): Item {
  return { block, level: Level.Arabic, number, written, start: 0, end: 0, headingDepth: BODY_DEPTH };
}

/** The numbered item `marker` opens in `block`. */
function markedItem(block: Block, marker: NumberingMarker): Item {
  const headingDepth = block.kind === 'heading' ? (block.depth ?? 1) : BODY_DEPTH;
  return { block, level: marker.level, number: marker.number, written: marker.written, start: marker.start, end: marker.end, marker, headingDepth };
}

/** The numbered item a heading opens with, if any. */
function headingItem(block: Block): Item | undefined {
  const marker = headingMarker(block);
  return marker === undefined ? undefined : markedItem(block, marker);
}

/** The next heading of depth `depth` or shallower after block `from`. */
function nextHeading(blocks: readonly Block[], from: number, depth: number): Block | undefined {
  for (let index = from + 1; index < blocks.length; index++) {
    const block = blocks[index];
    if (block.kind === 'heading' && (block.depth ?? 1) <= depth) return block;
  }
  return undefined;
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
    walkOutline(document, {
      marker(block, marker, _lineEnd, fixable) {
        visit(markedItem(block, marker), fixable);
      },
      listItem(block, number, written) {
        visit(listItem(block, number, written));
      },
      unnumberedHeading(block) {
        outline.unnumberedHeading(block, block.depth ?? 1, blocks);
      },
      attachmentTitle(block) {
        if (outline.isTopHeading(block.depth ?? 1)) outline.reset();
        else outline.unnumberedHeading(block, block.depth ?? 1, blocks);
      },
      newPart() {
        outline.reset();
      },
      // Numbers under a line `注：` of its own count on in their section; only `注：1.…` opens a list of notes.
      notesHeading() {},
      noteList(block, marker) {
        const item = markedItem(block, marker);
        checkForm(item, true);
        outline.noteList(item);
      },
      decimalHeading() {
        outline.decimalHeading();
      },
      malformedDecimal(block, start, end) {
        const found = block.text.slice(start, end);
        const expected = found.slice(0, -1);
        // A space before the title keeps `4.4 总则` readable once the dot is gone; `4.4.总则` needs one.
        const spaced = /[ \u3000]/.test(block.text[end] ?? '') ? expected : `${expected}　`;
        report({
          block,
          start,
          end,
          messageId: 'malformedDecimal',
          data: { found, expected },
          suggestions: [{ messageId: 'renumber', data: { expected: spaced }, fix: { start, end, text: spaced } }],
        });
      },
    });
  },
});
