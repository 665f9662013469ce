import type { Heading, Paragraph, PhrasingContent, Root, RootContent, Text } from 'mdast';
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

/**
 * Characters that may make a line need remark wherever they stand: inline syntax, escapes, references,
 * NUL. `_` and `&` are often harmless (see isHarmless). `>` and `|` matter only at a line start (a quote;
 * a table needs a delimiter row, which starts with `|`, `-`, `:` or a space), which opensBlock catches.
 */
const NEEDS_MARKDOWN = /[\\`*_[\]<&~\0]/g;

const TAB = 0x09;
const SPACE = 0x20;
const HASH = 0x23;
const BYTE_ORDER_MARK = 0xfeff;

/**
 * Characters that may open a block when they start a line: `#` headings (handled apart), `>` quotes, `-`
 * `+` lists, thematic breaks and setext underlines, `=` setext underlines, `:` and `|` table delimiter
 * rows, space and tab (indentation). The ones in NEEDS_MARKDOWN are caught there.
 */
function opensBlock(code: number): boolean {
  return code === SPACE || code === TAB || code === 0x2d || code === 0x2b || code === 0x3d || code === 0x3a || code === 0x3e || code === 0x7c;
}

/** An ASCII letter or digit, or a CJK ideograph: neither space nor punctuation to CommonMark. */
function isWordCharacter(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a) || (code >= 0x3400 && code <= 0x9fff);
}

function isAsciiLetter(code: number): boolean {
  return (code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a;
}

/**
 * Whether the NEEDS_MARKDOWN character at `at` is literal text for certain: an `_` between two word
 * characters (`PM_2.5`) can neither open nor close emphasis, and an `&` starts no character reference
 * unless `#` or a name closed by `;` follows (`&9826;`, `R&D`, `5&6` are text; `&amp;` goes to remark).
 */
function isHarmless(source: string, at: number, start: number, end: number): boolean {
  const code = source.charCodeAt(at);
  if (code === 0x5f) return at > start && at + 1 < end && isWordCharacter(source.charCodeAt(at - 1)) && isWordCharacter(source.charCodeAt(at + 1));
  if (code === 0x26) {
    let cursor = at + 1;
    if (cursor < end && source.charCodeAt(cursor) === 0x23) return false;
    if (cursor >= end || !isAsciiLetter(source.charCodeAt(cursor))) return true;
    while (cursor < end && isWordCharacter(source.charCodeAt(cursor)) && source.charCodeAt(cursor) < 0x80) cursor++;
    return cursor >= end || source.charCodeAt(cursor) !== 0x3b;
  }
  return false;
}

/** Whether every NEEDS_MARKDOWN character of `source[start, end)`, the first at `first`, is harmless. */
function onlyHarmlessSpecials(source: string, first: number, start: number, end: number): boolean {
  for (let at = first; at < end; at++) {
    NEEDS_MARKDOWN.lastIndex = at;
    const found = NEEDS_MARKDOWN.exec(source);
    if (!found || found.index >= end) return true;
    at = found.index;
    if (!isHarmless(source, at, start, end)) return false;
  }
  return true;
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

/** A plain line; `contentEnd` is where its text ends, before trailing spaces (which Markdown drops). */
type PlainLine = { kind: 'heading'; depth: 1 | 2 | 3 | 4 | 5 | 6; contentStart: number; contentEnd: number } | { kind: 'paragraph'; contentEnd: number };

/** Reads `source[start, end)`, whose NEEDS_MARKDOWN characters are harmless, as a plain line, or null. */
function plainLine(source: string, start: number, end: number): PlainLine | null {
  const first = source.charCodeAt(start);
  let contentEnd = end;
  while (contentEnd > start && source.charCodeAt(contentEnd - 1) === SPACE) contentEnd--;
  // Tabs at the line end are left to remark.
  if (source.charCodeAt(contentEnd - 1) === TAB) return null;
  if (first === HASH) {
    let cursor = start;
    while (cursor < end && source.charCodeAt(cursor) === HASH) cursor++;
    const depth = cursor - start;
    const after = source.charCodeAt(cursor);
    if (depth > 6 || (after !== SPACE && after !== TAB)) return null;
    while (cursor < contentEnd && (source.charCodeAt(cursor) === SPACE || source.charCodeAt(cursor) === TAB)) cursor++;
    // A `#` left in the content could be a closing sequence; such headings go to remark.
    if (cursor >= contentEnd || source.lastIndexOf('#', contentEnd - 1) >= cursor) return null;
    return { kind: 'heading', depth: depth as 1 | 2 | 3 | 4 | 5 | 6, contentStart: cursor, contentEnd };
  }
  if (opensBlock(first) || startsOrderedItem(source, start, end)) return null;
  return { kind: 'paragraph', contentEnd };
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

/** The text node of paragraph lines `first`…`last` of a group: their text without trailing spaces, joined by their line endings. */
function paragraphText(source: string, group: readonly Line[], first: number, last: number): Text {
  let value = '';
  for (let i = first; i <= last; i++) {
    value += source.slice(group[i].start, group[i].plain!.contentEnd);
    if (i < last) value += source.slice(group[i].end, group[i + 1].start);
  }
  const position = { start: point(group[first], group[first].start), end: point(group[last], group[last].plain!.contentEnd) };
  return { type: 'text', value, position };
}

/**
 * mdast nodes for a plain group: each heading line is a heading, each run of other lines a paragraph, in
 * which two or more trailing spaces before a line ending make a hard break.
 */
function plainNodes(source: string, group: readonly Line[], into: RootContent[]): void {
  let index = 0;
  while (index < group.length) {
    const line = group[index];
    const plain = line.plain!;
    if (plain.kind === 'heading') {
      const position = { start: point(line, plain.contentStart), end: point(line, plain.contentEnd) };
      const heading: Heading = {
        type: 'heading',
        depth: plain.depth,
        children: [{ type: 'text', value: source.slice(plain.contentStart, plain.contentEnd), position }],
        position: { start: point(line, line.start), end: point(line, line.end) },
      };
      into.push(heading);
      index++;
      continue;
    }
    let last = index;
    while (last + 1 < group.length && group[last + 1].plain!.kind === 'paragraph') last++;
    const children: PhrasingContent[] = [];
    let pieceStart = index;
    for (let i = index; i <= last; i++) {
      const hardBreak = i < last && group[i].end - group[i].plain!.contentEnd >= 2;
      if (!hardBreak && i < last) continue;
      children.push(paragraphText(source, group, pieceStart, i));
      if (hardBreak) children.push({ type: 'break', position: { start: point(group[i], group[i].plain!.contentEnd), end: point(group[i + 1], group[i + 1].start) } });
      pieceStart = i + 1;
    }
    const paragraph: Paragraph = {
      type: 'paragraph',
      children,
      position: { start: point(line, line.start), end: point(group[last], group[last].plain!.contentEnd) },
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
    const plain = nextSpecial >= end || onlyHarmlessSpecials(source, nextSpecial, start, end) ? plainLine(source, start, end) : null;
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
