import * as z from 'zod';
import { toSourceOffset, type Block, type GwDocument } from '../src/core/document.js';
import { defineRule } from '../src/core/rule.js';
import { readMarker, skipLineIndent } from '../src/core/text/numbering-markers.js';
import { codeAt } from '../src/core/text/punctuation.js';

// Marks are compared as UTF-16 codes: most paragraphs end with `。`, and reading it as a string costs an allocation.

/** Marks that leave a sentence open: `，` `、` `,`. `：` is not among them: see the rule's doc page. */
function isCommaMark(code: number): boolean {
  return code === 0xff0c || code === 0x3001 || code === 0x2c;
}

/** `；` `;`: fine at the end of an item of a run, flagged elsewhere. */
function isSemicolonMark(code: number): boolean {
  return code === 0xff1b || code === 0x3b;
}

/** `：` `:`, which introduces a run of items. */
function isColonMark(code: number): boolean {
  return code === 0xff1a || code === 0x3a;
}

/** A paragraph of Chinese prose, not an English or code line that happens to end with a comma. */
const HAN = /[\u3400-\u9fff]/;

/**
 * An enumeration marker at the start of a paragraph: `一、` `（一）` `1.` `1．` `1、` `（1）` `1）` `①`
 * `第一，` `一是` `第三条`, `a)`. Items of a list so numbered end with `；` by convention.
 */
const ENUMERATION_START =
  /^(?:[一二三四五六七八九十百]+[、．.]|[（(][一二三四五六七八九十百]+[）)]|[0-9０-９]{1,3}(?:[.．、)）]|\s)|[（(][0-9０-９]{1,3}[）)]|[①-⑳⑴-⒇⒈-⒛]|第[一二三四五六七八九十百]+(?:[，,、是]|[条章节款项部分])|[一二三四五六七八九十]是|[a-zA-Z][.)）])/;

/** A line that is only a heading number (`一、`), the text of the heading on the next line. */
const MARKER_ONLY = /^[一二三四五六七八九十百]+、$/;

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0x3000 || code === 0xa0;
}

/**
 * Offset of the last visible character of a block, -1 if none; a loop, since `\s*$` is quadratic. Stepped in the
 * condition, so that the step runs for every block: trailing spaces are rare, and a step first taken after the
 * function was compiled would throw its code away.
 */
function lastVisible(text: string): number {
  let end = text.length;
  while (--end >= 0 && isSpace(text.charCodeAt(end)));
  return end;
}

/** The UTF-16 code of a block's last visible character, -1 if none. */
function lastMarkCode(block: Block | undefined): number {
  if (!block) return -1;
  const end = lastVisible(block.text);
  return end >= 0 ? block.text.charCodeAt(end) : -1;
}

/** Where a paragraph's end is not a sentence end: headings, table cells. */
function isProse(block: Block): boolean {
  return block.kind === 'paragraph' || block.kind === 'list-item';
}

function isNumbered(block: Block): boolean {
  return block.kind === 'list-item' || ENUMERATION_START.test(block.text.slice(skipLineIndent(block.text, 0)));
}

/** Whether a paragraph ending with `；` is one item of a run of items: numbered, a list item, or after `：` or `；`. */
function isItem(block: Block, previous: Block | undefined): boolean {
  if (isNumbered(block)) return true;
  const before = lastMarkCode(previous);
  return isColonMark(before) || isSemicolonMark(before);
}

/** The outline level of a paragraph's section number (lower is higher up), or undefined. */
function markerLevel(block: Block): number | undefined {
  return readMarker(block.text, skipLineIndent(block.text, 0))?.level;
}

/** How many paragraphs after an item are searched for the list's next item, past notes between items. */
const ITEM_LOOKAHEAD = 3;

/**
 * Whether an item ending with `；` is the last of its list (GB/T 15834 §4.4.3.4 ends the last item with `。`):
 * the document or the list ends after it, a heading follows, or a number of a higher level (`（二）…；` then
 * `三、…`). Prose after an item may be a note on it with the next item below, so a few paragraphs are searched.
 */
function isLastItem(blocks: readonly Block[], index: number): boolean {
  const block = blocks[index];
  const next = blocks[index + 1];
  if (next === undefined || next.kind === 'heading') return true;
  if (block.kind === 'list-item') return next.kind !== 'list-item' && next.listDepth < block.listDepth;
  if (!isNumbered(block)) return false;
  const level = markerLevel(block);
  for (let ahead = index + 1; ahead < blocks.length && ahead <= index + ITEM_LOOKAHEAD; ahead++) {
    const later = blocks[ahead];
    if (later.kind === 'heading') return true;
    if (!isProse(later)) return false;
    if (!isNumbered(later)) continue;
    const laterLevel = markerLevel(later);
    return level !== undefined && laterLevel !== undefined && laterLevel < level;
  }
  return false;
}

/**
 * A `；` paragraph that is no item is still fine when more prose follows: the `；` joins two clauses that a line
 * break split, which is a layout matter, not an unfinished sentence.
 */
function semicolonJoinsClauses(next: Block | undefined): boolean {
  return next !== undefined && isProse(next) && !ENUMERATION_START.test(next.text);
}

/** Up to this many characters, a paragraph with no mark inside can be one line of a vertical list. */
const MAX_LIST_LINE = 30;
const INNER_MARKS = /[，。；！？,;!?]/;

/** A short phrase ending with `，` or `、` and holding no other mark: `副委员长若干人，`. */
function isListLine(block: Block | undefined, ends: (code: number) => boolean): boolean {
  if (block === undefined || !isProse(block)) return false;
  const end = lastVisible(block.text);
  if (end < 0 || end >= MAX_LIST_LINE || !ends(block.text.charCodeAt(end))) return false;
  return !INNER_MARKS.test(block.text.slice(0, end));
}

function isFinalMark(code: number): boolean {
  return code === 0x3002 || isSemicolonMark(code);
}

/** A run of list lines ending with `，`, from block `first` to block `last`, and whether a vertical list it is. */
interface ListRun {
  readonly first: number;
  readonly last: number;
  readonly isList: boolean;
}

/**
 * The run of short `，` lines through block `index`, if it holds one. It is a vertical list, one item a line, when
 * a line ending with `。` closes it (`委员长，` / `副委员长若干人，` / `秘书长，` / `委员若干人。`) and it has at least three
 * lines, so that a sentence broken once is no list. Blocks are visited in order, so the run is read only from
 * its first line on and then kept for the lines after it.
 */
function listRunAt(blocks: readonly Block[], index: number): ListRun {
  // Every step runs for every block asked about (the run's end stepped in the condition, the run made even when
  // there is none): a step that only a rare list took would first run after the rule was compiled, and throw its
  // code away.
  let end = index - 1;
  while (isListLine(blockAt(blocks, ++end), isCommaMark));
  const lines = end + 1 - index;
  const run = { first: index, last: end - 1, isList: isListLine(blockAt(blocks, end), isFinalMark) && lines >= 3 };
  return end === index ? NO_LIST_RUN : run;
}

/** The block at `index`, undefined past the last without reading there (a read past the end of an array, first made after the rule was compiled, throws its code away). */
function blockAt(blocks: readonly Block[], index: number): Block | undefined {
  return index < blocks.length ? blocks[index] : undefined;
}

/** Where no run of list lines is: before the first block. */
const NO_LIST_RUN: ListRun = { first: -1, last: -1, isList: false };

/**
 * The blocks with visible text. Built by push, not by filter: to V8 an array `filter` makes inside compiled code has
 * another shape than one it makes outside it, or than `document.blocks`, and the rule's code was thrown away at it.
 */
function blocksWithText(blocks: readonly Block[]): Block[] {
  const kept: Block[] = [];
  for (const block of blocks) if (lastVisible(block.text) >= 0) kept.push(block);
  return kept;
}

/** Whether the paragraph after a comma goes on with the sentence: prose that opens no numbered item. */
function continuesInNext(next: Block | undefined): boolean {
  return next !== undefined && isTopLevelParagraph(next) && !ENUMERATION_START.test(next.text.slice(skipLineIndent(next.text, 0)));
}

function isSpaceBefore(source: string, offset: number): boolean {
  // Not read before the source's start (a first paragraph at offset 0), which would throw compiled code away.
  const code = codeAt(source, offset - 1);
  return code === 0x20 || code === 0x09 || code === 0x3000 || code === 0xa0;
}

/** Line breaks in the source between two offsets, counted up to two (a blank line). */
function lineBreaksBetween(source: string, from: number, to: number): number {
  let breaks = 0;
  for (let i = from; i < to && breaks < 2; i++) {
    const code = source.charCodeAt(i);
    if (code === 0x0a || (code === 0x0d && source.charCodeAt(i + 1) !== 0x0a)) breaks++;
  }
  return breaks;
}

/**
 * How a text lays out its paragraphs: indented (`　　正文…`) or separated by blank lines. In such a text a
 * line that is neither indented nor preceded by a blank line goes on with the line before: text pasted from a
 * PDF or a web page, a title or a link broken over lines.
 */
interface Layout {
  readonly indented: boolean;
  readonly blankSeparated: boolean;
}

function sourceStart(block: Block): number {
  return block.segments[0].sourceStart;
}

function sourceEnd(block: Block): number {
  return toSourceOffset(block, block.text.length, 'end');
}

function isTopLevelParagraph(block: Block): boolean {
  return block.kind === 'paragraph' && block.listDepth === 0 && block.quoteDepth === 0;
}

function measureLayout(document: GwDocument): Layout {
  let paragraphs = 0;
  let indented = 0;
  let pairs = 0;
  let blankSeparated = 0;
  let previous: Block | undefined;
  for (const block of document.blocks) {
    if (!isTopLevelParagraph(block)) {
      previous = undefined;
      continue;
    }
    paragraphs++;
    if (isSpaceBefore(document.source, sourceStart(block))) indented++;
    if (previous) {
      pairs++;
      if (lineBreaksBetween(document.source, sourceEnd(previous), sourceStart(block)) >= 2) blankSeparated++;
    }
    previous = block;
  }
  // A text that does not use a layout does not use it at all; a quarter suffices, since the broken lines
  // themselves make up much of the rest.
  return { indented: indented > 0 && indented * 4 >= paragraphs, blankSeparated: blankSeparated > 0 && blankSeparated * 4 >= pairs };
}

/** Whether `next` starts on the line after `block`, both top-level paragraphs: only then can the layout join them. */
function isOnNextLine(document: GwDocument, block: Block, next: Block | undefined): next is Block {
  if (!next || !isTopLevelParagraph(block) || !isTopLevelParagraph(next)) return false;
  return lineBreaksBetween(document.source, sourceEnd(block), sourceStart(next)) === 1;
}

/** Whether a paragraph on the line after another is the same paragraph going on, by the layout of the text. */
function continuesByLayout(document: GwDocument, layout: Layout, next: Block): boolean {
  return layout.blankSeparated || (layout.indented && !isSpaceBefore(document.source, sourceStart(next)));
}

export default defineRule({
  id: 'paragraph-end',
  description: '正文段落以逗号、顿号或分号结尾，句子未完',
  severity: 'error',
  fixable: false,
  messages: {
    unfinished: '段落以 {{mark}} 结尾，句子没有写完：请补全句子，或把段末的 {{mark}} 改为 。',
    continuesNext: '段落以 {{mark}} 结尾，句子在下一段接着写：这两段是同一个句子，请把下一段接到本段之后，合为一段（不要在段末改用 。）',
    unfinishedSemicolon: '段落以 {{mark}} 结尾，但它不是列举中的一项：请补全句子，或把段末的 {{mark}} 改为 。',
    lastItemSemicolon: '列举的最后一项以 {{mark}} 结尾：最后一项应以 。 结尾',
    replaceWithPeriod: '把段末的 {{mark}} 改为 。',
  },
  options: z.object({}).strict(),
  check(document, report) {
    // Empty paragraphs (a Word draft's blank lines) stand between no two paragraphs: what follows a paragraph is the next one with text.
    const blocks = document.blocks.some((block) => lastVisible(block.text) < 0) ? blocksWithText(document.blocks) : document.blocks;
    let layout: Layout | undefined;
    let listRun = NO_LIST_RUN;
    for (let index = 0; index < blocks.length; index++) {
      const block = blocks[index];
      if (!isProse(block)) continue;
      const { text } = block;
      const end = lastVisible(text);
      if (end < 0) continue;
      const code = text.charCodeAt(end);
      const semicolon = isSemicolonMark(code);
      if (!semicolon && !isCommaMark(code)) continue;
      // A half-width mark after Latin letters or digits ends an entity (`&nbsp;`), code or a number, not prose.
      if (code < 0x80 && end > 0 && text.charCodeAt(end - 1) < 0x80) continue;
      if (!HAN.test(text) || (end < 8 && MARKER_ONLY.test(text.slice(0, end + 1)))) continue;
      const next = blocks[index + 1];
      const data = { mark: text[end] };
      const suggestions = [{ messageId: 'replaceWithPeriod' as const, data, fix: { start: end, end: end + 1, text: '。' } }];
      if (semicolon && isItem(block, blocks[index - 1])) {
        if (isLastItem(blocks, index)) report({ block, start: end, end: end + 1, messageId: 'lastItemSemicolon', data, suggestions });
        continue;
      }
      if (semicolon && semicolonJoinsClauses(next)) continue;
      if (!semicolon) {
        if (index > listRun.last) listRun = listRunAt(blocks, index);
        if (listRun.isList && index >= listRun.first) continue;
      }
      // The layout counts every paragraph of the text, so it is measured only when a line break could be a wrap.
      if (isOnNextLine(document, block, next)) {
        layout ??= measureLayout(document);
        if (continuesByLayout(document, layout, next)) continue;
      }
      if (!semicolon && isTopLevelParagraph(block) && continuesInNext(next)) {
        // Ending the sentence with `。` would cut it in two: the advice is to join the paragraphs.
        report({ block, start: end, end: end + 1, messageId: 'continuesNext', data });
        continue;
      }
      report({ block, start: end, end: end + 1, messageId: semicolon ? 'unfinishedSemicolon' : 'unfinished', data, suggestions });
    }
  },
});
