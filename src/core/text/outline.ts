/**
 * The lines of a document that make its outline (层次): numbered headings and lines, Markdown headings and list
 * items, and the lines that start a new part (an attachment). section-numbering counts the numbers along this walk;
 * heading-punctuation looks at the headings' closing marks.
 */
import type { Block, GwDocument } from '../document.js';
import { readListMarker, readMarker, skipLineIndent, type NumberingMarker } from './numbering-markers.js';

/** The first characters of the lines the three patterns below can match: only such lines are tried. */
const FU = '附'.charCodeAt(0);
const ZHU = '注'.charCodeAt(0);

/** `附件` `附件1` `附件2：` `注：` on a line of their own: an attachment, or the notes under a table, start their own outline. */
const ATTACHMENT_HEADING = /(?:附件[0-9０-９一二三四五六七八九十]*|注)[：:]?[ \t\u3000\u00a0]*(?:\n|$)/y;
/** `附件：1.…` `注：1、…`: a list of attachments or notes, numbered on its own. */
const LIST_LEAD = /(?:附件|注)[：:]?/y;
/** `2　组织机构` `2.1　指挥部` `2.1.1　职责`: a decimal outline heading, parent of the markers that follow. */
const DECIMAL_HEADING = /[0-9]{1,2}(?:\.[0-9]{1,2})*[ \u3000]+(?=[^\s0-9.])/y;

export interface OutlineVisitor {
  /** A line (or heading) that opens with a section number; `lineEnd` is where its line ends in `block.text`. */
  marker(block: Block, marker: NumberingMarker, lineEnd: number): void;
  /** An item of a Markdown ordered list (`2.`), whose marker is not part of the block text. */
  listItem(block: Block, number: number): void;
  /** A Markdown heading without a section number. */
  unnumberedHeading(block: Block): void;
  /** An attachment or a numbered list of attachments or notes starts: numbering begins anew. */
  newPart(): void;
  /** A decimal outline heading (`2.1　…`), parent of the markers that follow. */
  decimalHeading(): void;
}

/** The length of `pattern`'s match exactly at `at`, or 0. */
function startsWith(pattern: RegExp, text: string, at: number): number {
  pattern.lastIndex = at;
  return pattern.exec(text)?.[0].length ?? 0;
}

function isOutlineBlock(block: Block): boolean {
  return block.kind !== 'table-cell' && block.quoteDepth === 0;
}

/** The section number a heading opens with, if any. */
export function headingMarker(block: Block): NumberingMarker | undefined {
  return readMarker(block.text, skipLineIndent(block.text, 0), true);
}

/** Visits the outline of a document in order: table cells and quotations are not part of it. */
export function walkOutline(document: GwDocument, visitor: OutlineVisitor): void {
  for (const block of document.blocks) {
    if (!isOutlineBlock(block)) continue;
    if (block.kind === 'list-item') {
      const number = block.ordered && block.listMarker !== undefined ? readListMarker(block.listMarker) : undefined;
      if (number !== undefined) {
        visitor.listItem(block, number);
        continue;
      }
    }
    if (block.kind === 'heading') {
      const marker = headingMarker(block);
      if (marker) visitor.marker(block, marker, block.text.length);
      else visitor.unnumberedHeading(block);
      continue;
    }
    const { text } = block;
    let lineStart = 0;
    while (lineStart <= text.length) {
      const found = text.indexOf('\n', lineStart);
      const lineEnd = found === -1 ? text.length : found;
      const contentStart = skipLineIndent(text, lineStart);
      const first = text.charCodeAt(contentStart);
      if ((first === FU || first === ZHU) && startsWith(ATTACHMENT_HEADING, text, contentStart)) {
        visitor.newPart();
      } else if (first >= 0x30 && first <= 0x39 && startsWith(DECIMAL_HEADING, text, contentStart)) {
        visitor.decimalHeading();
      } else {
        const lead = first === FU || first === ZHU ? startsWith(LIST_LEAD, text, contentStart) : 0;
        const marker = readMarker(text, skipLineIndent(text, contentStart + lead));
        if (marker) {
          if (lead > 0) visitor.newPart();
          visitor.marker(block, marker, lineEnd);
        }
      }
      if (found === -1) break;
      lineStart = found + 1;
    }
  }
}
