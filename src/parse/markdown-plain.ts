import type { Heading, Paragraph, Root, RootContent } from 'mdast';
import { hasDefinitions, isBlank, lines, MultiLineBlockTracker, parseInSections, shiftPositions, startsSection } from './markdown-sections.js';

/**
 * Most 公文 drafts are `#` headings and paragraphs of Chinese prose with no Markdown syntax in them at
 * all, and remark spends most of a lint run tokenizing exactly those. So the document is split into
 * groups of lines separated by blank lines; a group whose every line is plain (defined below) is turned
 * into mdast headings and paragraphs here, and every other group goes to remark, several in a row as one
 * piece, with its positions moved to the whole document.
 *
 * Why the result equals a parse of the whole: a plain line starts at column 0 with a character that opens
 * no block, so after a blank line it closes every open container (list, quote, indented code); a plain
 * group never continues a construct that runs over blank lines (MultiLineBlockTracker follows front
 * matter, fences and HTML blocks); and a plain line holds no character that inline syntax, tables or
 * hard breaks need, so its text is the source itself. A document with link reference definitions goes to
 * remark whole, since a definition acts across groups. tests/document/plain.test.ts compares both ways on
 * the shared corpus and on generated input.
 */

/** Characters that make a line need remark wherever they stand: inline syntax, tables, escapes, references, NUL. */
const NEEDS_MARKDOWN = /[\\`*_[\]<>&~|\0]/g;

const TAB = 0x09;
const SPACE = 0x20;
const HASH = 0x23;
const BYTE_ORDER_MARK = 0xfeff;

/**
 * Characters that may open a block when they start a line: `#` headings (handled apart), `>` quotes, `-`
 * `+` lists, thematic breaks and setext underlines, `=` setext underlines, `:` table delimiter rows, space
 * and tab (indentation). The ones in NEEDS_MARKDOWN are caught there.
 */
function opensBlock(code: number): boolean {
  return code === SPACE || code === TAB || code === 0x2d || code === 0x2b || code === 0x3d || code === 0x3a;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** Whether the line opens an ordered list item: 1–9 digits, `.` or `)`, then a space, a tab or the line end. */
function startsOrderedItem(source: string, start: number, end: number): boolean {
  let cursor = start;
  while (cursor < end && isDigit(source.charCodeAt(cursor))) cursor++;
  const digits = cursor - start;
  if (digits === 0 || digits > 9 || cursor === end) return false;
  const delimiter = source.charCodeAt(cursor);
  if (delimiter !== 0x2e && delimiter !== 0x29) return false;
  const after = cursor + 1 < end ? source.charCodeAt(cursor + 1) : SPACE;
  return after === SPACE || after === TAB;
}

type PlainLine = { kind: 'heading'; depth: 1 | 2 | 3 | 4 | 5 | 6; contentStart: number } | { kind: 'paragraph' };

/** Reads `source[start, end)`, which holds no NEEDS_MARKDOWN character, as a plain line, or null. */
function plainLine(source: string, start: number, end: number): PlainLine | null {
  const first = source.charCodeAt(start);
  const last = source.charCodeAt(end - 1);
  if (last === SPACE || last === TAB) return null;
  if (first === HASH) {
    let cursor = start;
    while (cursor < end && source.charCodeAt(cursor) === HASH) cursor++;
    const depth = cursor - start;
    const after = source.charCodeAt(cursor);
    if (depth > 6 || (after !== SPACE && after !== TAB)) return null;
    while (cursor < end && (source.charCodeAt(cursor) === SPACE || source.charCodeAt(cursor) === TAB)) cursor++;
    // A `#` left in the content could be a closing sequence; such headings go to remark.
    if (cursor === end || source.lastIndexOf('#', end - 1) >= cursor) return null;
    return { kind: 'heading', depth: depth as 1 | 2 | 3 | 4 | 5 | 6, contentStart: cursor };
  }
  if (opensBlock(first) || startsOrderedItem(source, start, end)) return null;
  return { kind: 'paragraph' };
}

interface Line {
  readonly start: number;
  readonly end: number;
  readonly number: number;
  readonly plain: PlainLine | null;
}

function point(line: Line, offset: number): { line: number; column: number; offset: number } {
  return { line: line.number, column: offset - line.start + 1, offset };
}

/** mdast nodes for a plain group: each heading line is a heading, each run of other lines a paragraph. */
function plainNodes(source: string, group: readonly Line[], into: RootContent[]): void {
  let index = 0;
  while (index < group.length) {
    const line = group[index];
    const plain = line.plain!;
    if (plain.kind === 'heading') {
      const position = { start: point(line, plain.contentStart), end: point(line, line.end) };
      const heading: Heading = {
        type: 'heading',
        depth: plain.depth,
        children: [{ type: 'text', value: source.slice(plain.contentStart, line.end), position }],
        position: { start: point(line, line.start), end: point(line, line.end) },
      };
      into.push(heading);
      index++;
      continue;
    }
    let last = index;
    while (last + 1 < group.length && group[last + 1].plain!.kind === 'paragraph') last++;
    const position = { start: point(line, line.start), end: point(group[last], group[last].end) };
    const paragraph: Paragraph = {
      type: 'paragraph',
      children: [{ type: 'text', value: source.slice(line.start, group[last].end), position }],
      position,
    };
    into.push(paragraph);
    index = last + 1;
  }
}

/**
 * The mdast tree of `source`: plain groups read here, the rest by `parse` (through parseInSections, so
 * long stretches of Markdown are still cut into sections).
 */
export function parseWithPlainGroups(source: string, parse: (text: string) => Root): Root {
  // micromark drops a byte order mark; the line scan simply starts after it.
  const from = source.charCodeAt(0) === BYTE_ORDER_MARK ? 1 : 0;
  // A second mark right after the first is dropped by micromark too; such a file is left to remark whole.
  if (hasDefinitions(source) || source.charCodeAt(from) === BYTE_ORDER_MARK) return parseInSections(source, parse);
  const children: RootContent[] = [];
  const tracker = new MultiLineBlockTracker();
  let group: Line[] = [];
  let groupPlain = true;
  /** Markdown not yet given to remark: where it starts (offset, line number) and ends. */
  let pending: { start: number; line: number; end: number } | undefined;
  /** The blank line before the current group. */
  let blankBefore: { start: number; number: number } | undefined;
  /** Where the next NEEDS_MARKDOWN character is; searched again only once the scan has passed it. */
  let nextSpecial = -1;
  let number = 0;

  const flushPending = (): void => {
    if (!pending) return;
    const tree = parseInSections(source.slice(pending.start, pending.end), parse);
    shiftPositions(tree, pending.start, pending.line - 1);
    for (const child of tree.children) children.push(child);
    pending = undefined;
  };
  const closeGroup = (): void => {
    if (group.length === 0) return;
    if (groupPlain) {
      flushPending();
      plainNodes(source, group, children);
    } else {
      // From the blank line before when the group's first line cannot start a text (see startsSection).
      const first = blankBefore && !startsSection(source.slice(group[0].start, group[0].end)) ? blankBefore : group[0];
      pending ??= { start: first.start, line: first.number, end: 0 };
      pending.end = group[group.length - 1].end;
    }
    group = [];
    groupPlain = true;
  };

  for (const [start, end] of lines(source, from)) {
    number++;
    const line = source.slice(start, end);
    if (tracker.insideConstruct(line)) {
      groupPlain = false;
      group.push({ start, end, number, plain: null });
      continue;
    }
    if (isBlank(line)) {
      closeGroup();
      blankBefore = { start, number };
      continue;
    }
    if (nextSpecial < start) {
      NEEDS_MARKDOWN.lastIndex = start;
      nextSpecial = NEEDS_MARKDOWN.exec(source)?.index ?? Infinity;
    }
    const plain = nextSpecial < end ? null : plainLine(source, start, end);
    if (plain === null) groupPlain = false;
    group.push({ start, end, number, plain });
  }
  closeGroup();
  flushPending();
  const lastLine = Math.max(number, 1);
  return {
    type: 'root',
    children,
    position: { start: { line: 1, column: 1, offset: 0 }, end: { line: lastLine, column: 1, offset: source.length } },
  };
}
