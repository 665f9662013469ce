import * as z from 'zod';
import type { Block, GwDocument } from '../src/core/document.js';
import { defineRule, type ReportFunction } from '../src/core/rule.js';
import { Level, skipLineIndent, type NumberingMarker } from '../src/core/text/numbering-markers.js';
import { headingMarker, walkOutline } from '../src/core/text/outline.js';

type MessageId = 'periodUnlikeFirst' | 'noPeriodUnlikeFirst' | 'headingEndMark' | 'titleEndMark' | 'removeMark';

/**
 * The lowest level held to no colon, read once: `Level.ParenChinese` read first in the rare heading with a clause mark
 * threw readHeading's compiled code away.
 */
const LAST_LEVEL_WITHOUT_COLON = Level.ParenChinese;

/** A heading run into its paragraph is at most this long up to its 。; a longer first sentence is body text. */
const MAX_HEADING_LENGTH = 25;

const SENTENCE_END = new Set(['。', '！', '？']);
/** Marks inside a first sentence that make it body text rather than a heading. */
const CLAUSE_MARKS = new Set(['，', '；', '：', ',', ';', ':']);
/**
 * What each character is to a heading, by UTF-16 code: a sentence end (。！？), a clause mark (，；：,;:) or neither. One
 * table read per character of every numbered line, instead of nine comparisons; codes, not `text[i]`, which would build
 * a one-character string for each.
 */
const MARKS = new Uint8Array(0x10000);
const SENTENCE_END_MARK = 1;
const CLAUSE_MARK = 2;
for (const mark of SENTENCE_END) MARKS[mark.charCodeAt(0)] = SENTENCE_END_MARK;
for (const mark of CLAUSE_MARKS) MARKS[mark.charCodeAt(0)] = CLAUSE_MARK;

/** Marks a standalone heading must not end with. */
const BAD_HEADING_END = new Set(['，', '；', '：', ',', ';', ':']);
/**
 * A numbered line of the lower levels (`1.` `（1）`) that ends with a colon introduces the items below it
 * (`10.法人社会团体还应具备：`); only the heading levels `一、` `（一）` are held to no colon.
 */
const COLON = new Set(['：', ':']);
/**
 * Marks a title must not end with. Not the 冒号, 问号 or 叹号: a first line ending in `：` is the 主送机关, one
 * ending in `！` a salutation (`各位代表！`).
 */
const BAD_TITLE_END = new Set(['。', '，', '、', '；', ',', ';']);

/**
 * A numbered heading: alone on its line without a closing mark (`（一）推进决策公开`), or run into its paragraph
 * after a 。 (`（一）推进决策公开。重大决策…`). A heading alone on its line that ends with 。 is left out: published
 * documents write `（一）“双重”负责的原则。` so, and a short numbered sentence looks the same.
 */
interface HeadingLine {
  readonly block: Block;
  /** Offsets in `block.text`: the heading's text (after the number) and its end (before any 。). */
  readonly start: number;
  readonly end: number;
  /** True when the heading ends with 。 and its paragraph follows on the same line. */
  readonly runIn: boolean;
}

/** Where `text[from, end)` ends without its trailing white space. */
function trimEnd(text: string, from: number, end: number): number {
  let at = end;
  // The step is taken (by 0 or 1) on every line, not only on the rare line with trailing space: an operation first run
  // after the function was compiled throws its compiled code away. Nothing before `from` is read.
  for (let space = true; space; ) {
    const code = at > from ? text.charCodeAt(at - 1) : 0x21;
    space = code <= 0x20 || code === 0x3000 || code === 0xa0;
    at -= space ? 1 : 0;
  }
  return at;
}

function headingText(heading: HeadingLine): string {
  return snippet(heading.block.text.slice(heading.start, heading.end));
}

function snippet(text: string): string {
  return text.length > 20 ? `${text.slice(0, 20)}…` : text;
}

/**
 * Reads the heading of a numbered line. A line whose first sentence has a comma, semicolon or colon in it, or runs
 * long, is a numbered paragraph (`1.明确责任分工，落实工作任务。`), not a heading, and gives undefined; a heading
 * that ends with `，` or `：` gives 'badEnd'.
 */
function readHeading(block: Block, marker: NumberingMarker, lineEnd: number): HeadingLine | 'badEnd' | undefined {
  const text = block.text;
  // Read and compared up front, not only for the rare heading with a clause mark: a property read or comparison first
  // made after the function was compiled throws its compiled code away.
  const colonAllowed = marker.level > LAST_LEVEL_WITHOUT_COLON;
  const start = skipLineIndent(text, marker.end);
  const end = trimEnd(text, start, lineEnd);
  if (end === start) return undefined;
  // A heading is short: its 。 (if any) must come within MAX_HEADING_LENGTH characters, so look no further. A clause
  // mark before it that does not close the line makes the line a numbered paragraph: nothing after the mark matters.
  const limit = Math.min(end, start + MAX_HEADING_LENGTH + 1);
  let sentenceEnd = -1;
  let clause = -1;
  for (let i = start; i < limit; i++) {
    const mark = MARKS[text.charCodeAt(i)];
    if (mark === 0) continue;
    if (mark === SENTENCE_END_MARK) {
      sentenceEnd = i;
      break;
    }
    if (i !== end - 1) return undefined;
    clause = i;
  }
  const headingEnd = sentenceEnd === -1 ? end : sentenceEnd;
  // Without a sentence end, a heading this short was read to its end above.
  if (headingEnd - start > MAX_HEADING_LENGTH) return undefined;
  // A clause mark read above closes the line.
  if (clause !== -1) {
    // `（一）加强组织领导；`: numbered items of a list end with 分号 (GB/T 15834-2011 4.4.3.4).
    const mark = text[clause];
    if (mark === '；' || mark === ';') return undefined;
    return COLON.has(mark) && colonAllowed ? undefined : 'badEnd';
  }
  const runIn = sentenceEnd !== -1 && text[sentenceEnd] === '。' && sentenceEnd + 1 < end;
  if (sentenceEnd !== -1 && !runIn) return undefined;
  return { block, start, end: headingEnd, runIn };
}

/**
 * 文种 and the names of documents issued with them (《党政机关公文处理工作条例》第八条; not 命令, which ends sentences
 * as often as titles): a first line of plain text is taken for the title only when it ends with one and text follows,
 * so that a draft starting with a sentence is left alone.
 */
const TITLE_ENDING = /(?:决议|决定|公报|公告|通告|意见|通知|通报|报告|请示|批复|议案|函|纪要|办法|规定|方案|规划|细则|条例|规则|要点|计划|总结|讲话|制度|指南|清单|章程|说明)$/;

const TITLED_BY_DE = new RegExp(`的(?:${TITLE_ENDING.source.slice(3, -2)})$`);

/**
 * The first line of the document, when it reads as a title: no section number, no sentence or clause inside it, only
 * perhaps a mark at its end; a Markdown heading, or a line ending with a 文种.
 */
function titleLine(document: GwDocument): { block: Block; end: number } | undefined {
  const first = document.blocks.find((block) => block.kind !== 'table-cell');
  // A title heads a document: one line alone is a sentence or a fragment.
  if (document.blocks.length < 2 && !first?.text.includes('\n')) return undefined;
  if (!first || (first.kind !== 'heading' && first.kind !== 'paragraph') || first.quoteDepth > 0 || headingMarker(first)) return undefined;
  const text = first.text;
  const lineEnd = text.indexOf('\n');
  const end = trimEnd(text, 0, lineEnd === -1 ? text.length : lineEnd);
  if (end === 0) return undefined;
  for (let i = 0; i < end - 1; i++) if (MARKS[text.charCodeAt(i)] !== 0) return undefined;
  const last = text[end - 1];
  const words = BAD_TITLE_END.has(last) || CLAUSE_MARKS.has(last) || SENTENCE_END.has(last) ? text.slice(0, end - 1) : text.slice(0, end);
  // `根据有关规定，` ends with a 文种 word too: a plain line is a title only as `关于…` or `…的通知`.
  if (first.kind !== 'heading' && !(TITLE_ENDING.test(words) && (words.includes('关于') || TITLED_BY_DE.test(words)))) return undefined;
  return { block: first, end };
}

function checkTitle(document: GwDocument, report: ReportFunction<MessageId>): Block | undefined {
  const title = titleLine(document);
  if (!title) return undefined;
  const { block, end } = title;
  const mark = block.text[end - 1];
  const bad = BAD_TITLE_END.has(mark) || (block.kind === 'heading' && BAD_HEADING_END.has(mark));
  if (bad) {
    report({
      block,
      start: end - 1,
      end,
      messageId: 'titleEndMark',
      data: { heading: snippet(block.text.slice(0, end)), mark },
      suggestions: [{ messageId: 'removeMark', data: { mark }, fix: { start: end - 1, end, text: '' } }],
    });
  }
  return block;
}

function reportBadEnd(block: Block, marker: NumberingMarker | undefined, lineEnd: number, report: ReportFunction<MessageId>): void {
  const text = block.text;
  const end = trimEnd(text, 0, lineEnd);
  const mark = text[end - 1];
  report({
    block,
    start: end - 1,
    end,
    messageId: 'headingEndMark',
    data: { heading: snippet(text.slice(marker?.start ?? 0, end)), mark },
    suggestions: [{ messageId: 'removeMark', data: { mark }, fix: { start: end - 1, end, text: '' } }],
  });
}

/** Compares each heading among siblings with the first of them: all run into their paragraphs after a 。 or none. */
function checkSiblings(headings: readonly HeadingLine[], report: ReportFunction<MessageId>): void {
  const first = headings[0];
  let firstText: string | undefined;
  for (let index = 1; index < headings.length; index++) {
    const heading = headings[index];
    if (heading.runIn === first.runIn) continue;
    firstText ??= headingText(first);
    const data = { heading: headingText(heading), first: firstText };
    if (heading.runIn) {
      report({ block: heading.block, start: heading.end, end: heading.end + 1, messageId: 'periodUnlikeFirst', data });
    } else {
      report({ block: heading.block, start: heading.start, end: heading.end, messageId: 'noPeriodUnlikeFirst', data });
    }
  }
}

export default defineRule({
  id: 'heading-punctuation',
  description: '标题末尾的标点：同级标题是否都以句号结尾要统一，单独成行的标题不以逗号、分号、冒号结尾，公文标题末尾不加标点',
  severity: 'warn',
  fixable: false,
  messages: {
    periodUnlikeFirst: '标题“{{heading}}”以句号结尾并接排正文，而同级的第一个标题“{{first}}”单独成行、不加句号：同级标题的写法要统一',
    noPeriodUnlikeFirst: '标题“{{heading}}”单独成行、不加句号，而同级的第一个标题“{{first}}”以句号结尾并接排正文：同级标题的写法要统一',
    headingEndMark: '标题“{{heading}}”末尾的“{{mark}}”多余：单独成行的标题不以逗号、分号或冒号结尾，请删去',
    titleEndMark: '公文标题“{{heading}}”末尾不加标点，请删去“{{mark}}”',
    removeMark: '删去“{{mark}}”',
  },
  options: z.object({}).strict(),
  check(document, report) {
    const title = checkTitle(document, report);
    // The open runs of sibling headings by level (Level values index it): a heading closes the runs of the levels
    // below its own. An array, not a Map: this runs for every numbered line.
    const siblings: (HeadingLine[] | undefined)[] = [];
    const closeBelow = (level: number): void => {
      for (let open = level + 1; open < siblings.length; open++) {
        const headings = siblings[open];
        if (headings === undefined) continue;
        checkSiblings(headings, report);
        siblings[open] = undefined;
      }
    };
    const closeAll = (): void => closeBelow(-1);
    const numbered = (block: Block, marker: NumberingMarker, lineEnd: number): void => {
      // 第一条 opens an article of running text, not a heading.
      if (marker.level === Level.Article) return;
      closeBelow(marker.level);
      const heading = readHeading(block, marker, lineEnd);
      if (heading === 'badEnd') {
        reportBadEnd(block, marker, lineEnd, report);
        return;
      }
      if (!heading) return;
      const list = siblings[marker.level];
      if (list) list.push(heading);
      else siblings[marker.level] = [heading];
    };
    const unnumbered = (block: Block): void => {
      closeAll();
      if (block === title) return;
      const last = block.text.trimEnd();
      if (last.length > 0 && BAD_HEADING_END.has(last[last.length - 1])) reportBadEnd(block, undefined, last.length, report);
    };
    walkOutline(document, {
      marker: numbered,
      listItem() {},
      unnumberedHeading: unnumbered,
      attachmentTitle: unnumbered,
      newPart: closeAll,
      // Notes under a table are no sibling of the headings before them.
      notesHeading: closeAll,
      noteList(block, marker, lineEnd) {
        closeAll();
        numbered(block, marker, lineEnd);
      },
      decimalHeading: closeAll,
      malformedDecimal() {},
    });
    closeAll();
  },
});
