import * as z from 'zod';
import type { Block, GwDocument } from '../src/core/document.js';
import { defineRule } from '../src/core/rule.js';
import { parseChineseNumeral, parseDigits } from '../src/core/text/chinese-numerals.js';
import { readListMarker, skipLineIndent } from '../src/core/text/numbering-markers.js';
import { blockTriggers, Trigger } from '../src/core/text/trigger-scan.js';

const messages = {
  singleNumbered: '附件说明只有一个附件时不编序号：删去“{{marker}}”',
  endPunctuation: '附件名称“{{name}}”后不加标点符号：删去“{{mark}}”',
  noNote: '正文提到了“{{cited}}”，但文末没有附件说明：请在正文之后、落款之前写“附件：”和附件名称',
  fewerInNote: '正文提到了“{{cited}}”，但附件说明只列了{{count}}个附件：请补全附件说明',
  removeMarker: '删去序号“{{marker}}”',
} as const;

const FU = 0x9644; // 附

/** One line of the document: a line of a block's text, with its offsets in that block. */
class Line {
  private sliced: string | undefined;

  constructor(
    readonly block: Block,
    readonly start: number,
    readonly end: number,
  ) {}

  /** The line's text, sliced when first asked for: most lines are only asked how they open and whether they cite 附件. */
  get text(): string {
    this.sliced ??= this.block.text.slice(this.start, this.end);
    return this.sliced;
  }

  /** Whether the line opens with 附, as a note, its lead and an attachment's heading do. */
  get opensWithFu(): boolean {
    return this.block.text.charCodeAt(this.start) === FU;
  }

  /** Whether `附件` stands on the line. */
  get mentionsAttachment(): boolean {
    const at = this.block.text.indexOf('附件', this.start);
    return at !== -1 && at + 2 <= this.end;
  }
}

/** An attachment named in the note: the span of its name's last line and, when numbered, the marker's. */
interface Item {
  readonly line: Line;
  readonly marker?: { readonly start: number; readonly end: number; readonly written: string };
  readonly nameStart: number;
  readonly nameEnd: number;
}

/** `附件：` (either colon; a half-width one is punctuation-width's to report) and what follows on the line. */
const NOTE_LEAD = /^附[ \u3000]*件[ \u3000]*[：:][ \t\u3000\u00a0]*/;
/** `附件1.深圳湾…`: a note that lost its colon, told from an attachment's own heading (`附件1` `附件1：`) by the name after the marker. */
const NOTE_WITHOUT_COLON = /^附件(?=[0-9０-９]{1,2}[.．、]\S)/;
/** `1.` `1．` `1、` before an attachment name (section-numbering reports the form and the sequence). */
const ITEM_MARKER = /^[0-9０-９]{1,2}[.．、][ \t\u3000\u00a0]*/;
/** An attachment's own heading: `附件` `附件2` `附件2：` on a line of its own. */
const ATTACHMENT_HEADING = /^附件[ \u3000]*(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})?[ \u3000]*[：:.．]?$/;
/** What the body cites: `见附件` `（附件2）` `附件1、2` `附件1至3`. */
const CITATION = /(见|详见|参见)?附件[ \u3000]*([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})?(?:(?:[、和及至到—－-]|～)([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3}))?/g;
/** Marks that must not close an attachment name. */
const END_MARKS = /[。，；、：,;:.！？!?]+$/;
function isTrailingSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x3000 || code === 0xa0;
}

/** The lines of the document's blocks from `first` on, table cells left out. */
function lines(document: GwDocument, first: number): Line[] {
  const all: Line[] = [];
  for (let index = first; index < document.blocks.length; index++) {
    const block = document.blocks[index];
    if (block.kind === 'table-cell') continue;
    const { text } = block;
    for (let start = 0; start <= text.length; ) {
      const newline = text.indexOf('\n', start);
      const end = newline === -1 ? text.length : newline;
      const contentStart = skipLineIndent(text, start);
      let contentEnd = end;
      while (contentEnd > contentStart && isTrailingSpace(text.charCodeAt(contentEnd - 1))) contentEnd--;
      if (contentEnd > contentStart) all.push(new Line(block, contentStart, contentEnd));
      start = end + 1;
    }
  }
  return all;
}

function numberOf(written: string | undefined): number | undefined {
  if (written === undefined) return undefined;
  return /^[0-9０-９]/.test(written) ? parseDigits(written) : parseChineseNumeral(written);
}

/** An item on `line` from `at`: a numbered one (`2.名称`), or with `numbered` false, a bare name. */
function itemAt(line: Line, at: number, numbered: boolean): Item | undefined {
  const rest = line.text.slice(at);
  const marker = ITEM_MARKER.exec(rest);
  if (numbered && !marker) return undefined;
  const markerEnd = marker ? at + marker[0].length : at;
  if (markerEnd >= line.text.length) return undefined;
  return {
    line,
    ...(marker ? { marker: { start: line.start + at, end: line.start + at + marker[0].replace(/[ \t\u3000\u00a0]+$/, '').length, written: marker[0].trim() } } : {}),
    nameStart: line.start + markerEnd,
    nameEnd: line.end,
  };
}

/** A Markdown ordered list item (`1. 名称`) continues a note; its marker is not part of the block text. */
function listItem(line: Line): Item | undefined {
  const { block } = line;
  if (block.kind !== 'list-item' || !block.ordered || block.listMarker === undefined || line.start !== skipLineIndent(block.text, 0)) return undefined;
  if (readListMarker(block.listMarker) === undefined) return undefined;
  return { line, nameStart: line.start, nameEnd: line.end };
}

/** The 附件说明: where it starts among the lines, and its items. */
function findNote(all: readonly Line[]): { index: number; items: Item[] } | undefined {
  for (let index = 0; index < all.length; index++) {
    const line = all[index];
    // Both leads open with 附.
    if (!line.opensWithFu) continue;
    const lead = NOTE_LEAD.exec(line.text)?.[0].length ?? NOTE_WITHOUT_COLON.exec(line.text)?.[0].length;
    if (lead === undefined) continue;
    const first = itemAt(line, lead, false);
    // `附件：名称` is a single attachment; `附件：1.名称` goes on with `2.` `3.` on the lines below.
    if (first && !first.marker) return { index, items: [first] };
    const items: Item[] = first ? [first] : [];
    for (let next = index + 1; next < all.length; next++) {
      const numbered = listItem(all[next]) ?? itemAt(all[next], 0, true);
      if (numbered) {
        items.push(numbered);
        continue;
      }
      // A long name goes on to the next line (GB/T 9704-2012 §7.3.4); a numbered line after it shows the note goes on.
      const following = all[next + 1] && (listItem(all[next + 1]) ?? itemAt(all[next + 1], 0, true));
      if (items.length > 0 && following && !ATTACHMENT_HEADING.test(all[next].text)) {
        items[items.length - 1] = { line: all[next], nameStart: all[next].start, nameEnd: all[next].end };
        continue;
      }
      // `附件：` alone, then the one name on the next line.
      const bare = items.length === 0 && !ATTACHMENT_HEADING.test(all[next].text) ? itemAt(all[next], 0, false) : undefined;
      if (bare) items.push(bare);
      break;
    }
    return { index, items };
  }
  return undefined;
}

export default defineRule({
  id: 'attachment-note',
  description: '附件说明的格式错误（只有一个附件却编了序号、附件名称后加标点），或正文提到的附件在附件说明中没有',
  severity: 'error',
  fixable: true,
  messages,
  options: z.object({}).strict(),
  check(document: GwDocument, report) {
    // The note, its lead, an attachment's heading and every citation hold 附件, so the lines before the first block
    // that does are no concern of this rule; the scan shared with the other format rules marks the blocks with a 附,
    // and most drafts have none.
    const { masks } = blockTriggers(document);
    const { blocks } = document;
    let first = 0;
    while (first < blocks.length && ((masks[first] & Trigger.Fu) === 0 || !blocks[first].text.includes('附件'))) first++;
    if (first === blocks.length) return;
    const all = lines(document, first);
    const note = findNote(all);
    if (note) {
      const { items } = note;
      if (items.length === 1 && items[0].marker) {
        const { marker, line } = items[0];
        report({
          block: line.block,
          start: marker.start,
          end: marker.end,
          messageId: 'singleNumbered',
          data: { marker: marker.written },
          suggestions: [{ messageId: 'removeMarker', data: { marker: marker.written }, fix: { start: marker.start, end: items[0].nameStart, text: '' } }],
        });
      }
      for (const item of items) {
        const { block } = item.line;
        const name = block.text.slice(item.nameStart, item.nameEnd);
        const mark = END_MARKS.exec(name);
        if (!mark || mark[0].length === name.length) continue;
        const start = item.nameStart + mark.index;
        report({ block, start, end: item.nameEnd, messageId: 'endPunctuation', data: { name: name.slice(0, mark.index), mark: mark[0] }, fix: { start, end: item.nameEnd, text: '' } });
      }
    }
    // The body runs up to the note, or without one up to the first attachment's own heading.
    let bodyEnd = note ? note.index : all.findIndex((line) => line.opensWithFu && ATTACHMENT_HEADING.test(line.text));
    if (bodyEnd === -1) bodyEnd = all.length;
    const count = note ? note.items.length : 0;
    for (let index = 0; index < bodyEnd; index++) {
      const line = all[index];
      if (!line.mentionsAttachment) continue;
      CITATION.lastIndex = 0;
      for (let match = CITATION.exec(line.text); match !== null; match = CITATION.exec(line.text)) {
        const [cited, seeWord, firstNumber, lastNumber] = match;
        const highest = numberOf(lastNumber) ?? numberOf(firstNumber) ?? (seeWord ? 1 : undefined);
        if (highest === undefined || highest <= count) continue;
        const start = line.start + match.index;
        const end = start + cited.length;
        if (note) report({ block: line.block, start, end, messageId: 'fewerInNote', data: { cited, count }, severity: 'warn' });
        else report({ block: line.block, start, end, messageId: 'noNote', data: { cited }, severity: 'warn' });
        return;
      }
    }
  },
});
