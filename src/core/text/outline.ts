/**
 * The lines of a document that make its outline (层次): numbered headings and lines, Markdown headings and list
 * items, and the lines that start a new part (an attachment or appendix) or a list of notes. section-numbering
 * counts the numbers along this walk; heading-punctuation looks at the headings' closing marks.
 */
import type { Block, GwDocument } from '../document.js';
import { readListMarker, readMarker, skipLineIndent, type NumberingMarker } from './numbering-markers.js';

/** The first characters of the lines the patterns below can match: only such lines are tried. */
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
/** `注：` on a line of its own: the notes, say under a table, follow on the next lines. */
const NOTE_HEADING = /注[：:]?[ \t\u3000\u00a0]*(?:\n|$)/y;
/** `注：1、…`: notes, say under a table, numbered on their own inside the section they stand in. */
const NOTE_LEAD = /注[：:]?/y;
/** `2　组织机构` `2.1　指挥部` `2.1.1　职责`: a decimal outline heading, parent of the markers that follow. */
const DECIMAL_HEADING = /[0-9]{1,2}(?:\.[0-9]{1,2})*[ \u3000]+(?=[^\s0-9.])/y;
/** `1.1.` `4.4.2.`: a decimal outline number with a dot after it, which GB/T 1.1 does not write. */
const MALFORMED_DECIMAL = /[0-9]{1,2}(?:[.．][0-9]{1,2})+[.．](?![0-9])/y;

const LEFT_QUOTE = 0x201c; // “
const QUOTE_MARK = /[“”]/g;
/** How many lines a quotation left open at a line end may run on before it counts as a stray mark. */
const MAX_QUOTED_LINES = 60;

export interface OutlineVisitor {
  /**
   * A line (or heading) that opens with a section number; `lineEnd` is where its line ends in `block.text`.
   * `fixable` is false when the line before ends with an opening bracket (`（` and `三）` split over two lines): the
   * marker's form is then no safe fix.
   */
  marker(block: Block, marker: NumberingMarker, lineEnd: number, fixable: boolean): void;
  /** An item of a Markdown ordered list, whose marker (`written`, such as `2.`) is not part of the block text. */
  listItem(block: Block, number: number, written: string): void;
  /** A Markdown heading without a section number. */
  unnumberedHeading(block: Block): void;
  /** A Markdown heading naming an attachment or appendix (`## 附件2`), without a section number. */
  attachmentTitle(block: Block): void;
  /** An attachment or appendix, or a numbered list of attachments, starts: numbering begins anew. */
  newPart(): void;
  /** `注：` on a line of its own: notes follow. */
  notesHeading(): void;
  /** The first of a list of notes (`注：1.…`), numbered on its own inside the section it stands in. */
  noteList(block: Block, marker: NumberingMarker, lineEnd: number): void;
  /** A decimal outline heading (`2.1　…`), parent of the markers that follow. */
  decimalHeading(): void;
  /** A decimal outline number written with a dot after it (`1.1.`) at `block.text[start, end)`; decimalHeading follows. */
  malformedDecimal(block: Block, start: number, end: number): void;
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

/** The number and marker of an item of a Markdown ordered list, if it has a number the outline counts. */
function listNumber(block: Block): { number: number; written: string } | undefined {
  if (block.kind !== 'list-item' || !block.ordered || block.listMarker === undefined) return undefined;
  const number = readListMarker(block.listMarker);
  return number === undefined ? undefined : { number, written: block.listMarker };
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
    if (block.kind === 'heading' || listNumber(block) !== undefined) {
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
  // `test` builds no match array: the mark found is the character before lastIndex.
  QUOTE_MARK.lastIndex = unit.lineStart;
  while (QUOTE_MARK.test(text)) {
    const at = QUOTE_MARK.lastIndex - 1;
    if (at >= unit.lineEnd) break;
    if (text.charCodeAt(at) === LEFT_QUOTE) {
      if (!(at === contentStart && depthBefore > 0)) depth++;
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

/**
 * Whether a UTF-16 code is white space as `\s` in a regular expression reads it (ECMAScript WhiteSpace and
 * LineTerminator), compared as a code: `/\s/.test(text[i])` built a one-character string for each.
 */
function isRegExpSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

/** Whether a unit's line ends with an opening bracket: `（` and `三）` split over two lines. */
function endsWithOpenBracket(unit: Unit): boolean {
  const { text } = unit.block;
  let end = unit.lineEnd - 1;
  while (end > unit.lineStart && isRegExpSpace(text.charCodeAt(end))) end--;
  const code = text.charCodeAt(end);
  return code === 0xff08 || code === 0x28; // （ (
}

/** Visits one line of a paragraph; `previous` is the unit before it, if any. */
function visitLine(unit: Unit, previous: Unit | undefined, visitor: OutlineVisitor): void {
  const { block, lineStart, lineEnd } = unit;
  const { text } = block;
  const contentStart = skipLineIndent(text, lineStart);
  const first = text.charCodeAt(contentStart);
  if (first === FU && startsWith(ATTACHMENT_HEADING, text, contentStart)) {
    visitor.newPart();
    return;
  }
  if (first === ZHU && startsWith(NOTE_HEADING, text, contentStart)) {
    visitor.notesHeading();
    return;
  }
  if (first >= 0x30 && first <= 0x39) {
    if (startsWith(DECIMAL_HEADING, text, contentStart)) {
      visitor.decimalHeading();
      return;
    }
    const malformed = startsWith(MALFORMED_DECIMAL, text, contentStart);
    if (malformed > 0) {
      visitor.malformedDecimal(block, contentStart, contentStart + malformed);
      visitor.decimalHeading();
      return;
    }
  }
  const attachmentLead = first === FU ? startsWith(ATTACHMENT_LEAD, text, contentStart) : 0;
  const noteLead = first === ZHU ? startsWith(NOTE_LEAD, text, contentStart) : 0;
  const marker = readMarker(text, skipLineIndent(text, contentStart + attachmentLead + noteLead));
  if (!marker) return;
  if (attachmentLead > 0) visitor.newPart();
  if (noteLead > 0) visitor.noteList(block, marker, lineEnd);
  // Asked only of a line with a marker: most lines have none.
  else visitor.marker(block, marker, lineEnd, previous === undefined || !endsWithOpenBracket(previous));
}

/** One call the walk makes on its visitor, kept so that the next rule over the same document replays it. */
type OutlineStep = {
  [Name in keyof OutlineVisitor]: { readonly name: Name; readonly args: Parameters<OutlineVisitor[Name]> };
}[keyof OutlineVisitor];

/**
 * The last document walked and the calls its walk made: section-numbering and heading-punctuation both walk the
 * outline of the document being linted, one after the other, and the walk depends on the document alone. One
 * document is kept, not one per document in a WeakMap, whose entries cost the garbage collector more than the walk.
 */
let lastWalk: { readonly document: GwDocument; readonly steps: readonly OutlineStep[] } | undefined;

/** A visitor that writes down the calls made on it. */
function recorder(steps: OutlineStep[]): OutlineVisitor {
  return {
    marker: (...args) => steps.push({ name: 'marker', args }),
    listItem: (...args) => steps.push({ name: 'listItem', args }),
    unnumberedHeading: (...args) => steps.push({ name: 'unnumberedHeading', args }),
    attachmentTitle: (...args) => steps.push({ name: 'attachmentTitle', args }),
    newPart: (...args) => steps.push({ name: 'newPart', args }),
    notesHeading: (...args) => steps.push({ name: 'notesHeading', args }),
    noteList: (...args) => steps.push({ name: 'noteList', args }),
    decimalHeading: (...args) => steps.push({ name: 'decimalHeading', args }),
    malformedDecimal: (...args) => steps.push({ name: 'malformedDecimal', args }),
  };
}

/**
 * Visits the outline of a document in order. Table cells, Markdown block quotes and quotations that span lines
 * (`将第三条修改为：“第三条　…` … `…。”`) are not part of it. The document is walked once; later visitors over
 * the same document are shown the calls the first walk made.
 */
export function walkOutline(document: GwDocument, visitor: OutlineVisitor): void {
  if (lastWalk?.document !== document) {
    const steps: OutlineStep[] = [];
    walk(document, recorder(steps));
    lastWalk = { document, steps };
  }
  for (const step of lastWalk.steps) replay(visitor, step);
}

/**
 * Makes one recorded call on a visitor. A switch with the arguments written out, not `visitor[step.name](...args)`:
 * a method looked up by name and called with spread arguments took a third of the replaying rule's time.
 */
function replay(visitor: OutlineVisitor, step: OutlineStep): void {
  switch (step.name) {
    case 'marker':
      visitor.marker(step.args[0], step.args[1], step.args[2], step.args[3]);
      break;
    case 'listItem':
      visitor.listItem(step.args[0], step.args[1], step.args[2]);
      break;
    case 'unnumberedHeading':
      visitor.unnumberedHeading(step.args[0]);
      break;
    case 'attachmentTitle':
      visitor.attachmentTitle(step.args[0]);
      break;
    case 'newPart':
      visitor.newPart();
      break;
    case 'notesHeading':
      visitor.notesHeading();
      break;
    case 'noteList':
      visitor.noteList(step.args[0], step.args[1], step.args[2]);
      break;
    case 'decimalHeading':
      visitor.decimalHeading();
      break;
    case 'malformedDecimal':
      visitor.malformedDecimal(step.args[0], step.args[1], step.args[2]);
      break;
  }
}

function walk(document: GwDocument, visitor: OutlineVisitor): void {
  const units = unitsOf(document.blocks);
  const quoted = quotedUnits(units);
  for (let index = 0; index < units.length; index++) {
    if (quoted[index]) continue;
    const unit = units[index];
    const { block } = unit;
    if (unit.line) {
      visitLine(unit, index === 0 ? undefined : units[index - 1], visitor);
      continue;
    }
    const listed = listNumber(block);
    if (listed !== undefined) {
      visitor.listItem(block, listed.number, listed.written);
    } else if (ATTACHMENT_TITLE.test(block.text)) {
      visitor.attachmentTitle(block);
    } else {
      const marker = headingMarker(block);
      if (marker) visitor.marker(block, marker, block.text.length, true);
      else visitor.unnumberedHeading(block);
    }
  }
}
