import type { Root } from 'mdast';
import { BlockTextBuilder, type Segment } from '../document.js';
import { isAsciiAlphanumeric, isAsciiLetter, isDecimalDigit, isSpaceOrTab } from './characters.js';
import { hasDefinitions, isBlank, lines, MultiLineBlockTracker, parseInSections, shiftPositions, startsSection } from './markdown-sections.js';

/**
 * Most 公文 drafts are `#` headings and paragraphs of Chinese prose with no Markdown syntax in them at
 * all, and remark spends most of a lint run tokenizing exactly those. So the document is split into
 * groups of lines separated by blank lines; a group whose every line is plain (defined below) is turned
 * into heading and paragraph blocks here, and every other group goes to remark, several in a row as one
 * piece, with its positions moved to the whole document.
 *
 * Why the result equals a parse of the whole: a plain line starts at column 0 with a character that opens
 * no block, so after a blank line it closes every open container (list, quote, indented code); a plain
 * group never continues a construct that runs over blank lines (MultiLineBlockTracker follows front
 * matter, fences and HTML blocks); and a plain line holds no character that inline syntax, tables or
 * hard breaks need, so its text is the source itself, less trailing spaces, except for `**` pairs that
 * micromark reads as strong emphasis (see strongDelimiters), which the text leaves out as remark's does.
 * A document with link reference definitions goes to remark whole, since a definition acts across groups.
 * tests/document/plain.test.ts compares both ways on the shared corpus and on generated input.
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

/**
 * An ASCII letter or digit, or a CJK ideograph: neither space nor punctuation to CommonMark. Not U+4DC0–U+4DFF
 * between the two ideograph blocks: the hexagram symbols are symbols, which micromark counts as punctuation.
 */
function isWordCharacter(code: number): boolean {
  return isAsciiAlphanumeric(code) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0x4e00 && code <= 0x9fff);
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
    while (cursor < end && isAsciiAlphanumeric(source.charCodeAt(cursor))) cursor++;
    return cursor >= end || source.charCodeAt(cursor) !== 0x3b;
  }
  return false;
}

const STAR = 0x2a;

/** The `**` delimiters of a line without any (most lines with a NEEDS_MARKDOWN character have only harmless ones). */
const NO_DELIMITERS: readonly number[] = [];

/** How micromark classes the character beside a delimiter run (classifyCharacter): space, punctuation or other. */
type Flank = 'space' | 'punctuation' | 'other';

/** micromark's tests: `\s`, and Unicode punctuation and symbols. */
const UNICODE_WHITESPACE = /\s/;
const UNICODE_PUNCTUATION = /\p{P}|\p{S}/u;

/**
 * The class of `source[at]` beside a delimiter run of the line `[start, end)`; outside the line, a line ending or
 * the text's edge, both space to micromark. undefined for a surrogate, which is left to remark.
 */
function flankAt(source: string, at: number, start: number, end: number): Flank | undefined {
  if (at < start || at >= end) return 'space';
  const code = source.charCodeAt(at);
  // The common neighbours answered without a regular expression: ideographs and ASCII.
  if (isWordCharacter(code)) return 'other';
  if (code < 0x80) return code === SPACE || code === TAB || (code >= 0x0a && code <= 0x0d) ? 'space' : code < 0x20 || code === 0x7f ? 'other' : 'punctuation';
  if (code >= 0xd800 && code <= 0xdfff) return undefined;
  const character = source[at];
  if (UNICODE_WHITESPACE.test(character)) return 'space';
  return UNICODE_PUNCTUATION.test(character) ? 'punctuation' : 'other';
}

/**
 * Whether the `**` at `at` can open (or close) strong emphasis, as micromark's attention tokenizer decides for
 * `*`: it opens when followed by other text, or by punctuation after space or punctuation; it closes the other
 * way round.
 */
function delimiterCan(side: 'open' | 'close', source: string, at: number, start: number, end: number): boolean {
  const before = flankAt(source, at - 1, start, end);
  const after = flankAt(source, at + 2, start, end);
  if (before === undefined || after === undefined) return false;
  const [inner, outer] = side === 'open' ? [after, before] : [before, after];
  return inner === 'other' || (inner === 'punctuation' && outer !== 'other');
}

/**
 * Where the `**` delimiters of `source[start, end)` stand, when its NEEDS_MARKDOWN characters (the first at
 * `first`) are harmless text or runs of exactly two `*` that pair off, first with second, third with fourth, as
 * strong emphasis: each first one can open and each second one can close. micromark then pairs them so too: a
 * closer takes the nearest opener before it, the pairs before are already closed, and the rule of three never
 * applies to two runs of two. null when the line needs remark. The runs of a pair stand in one line, so a
 * paragraph's lines pair off on their own.
 */
function strongDelimiters(source: string, first: number, start: number, end: number): readonly number[] | null {
  let delimiters: number[] | undefined;
  for (let at = first; at < end; at++) {
    NEEDS_MARKDOWN.lastIndex = at;
    const found = NEEDS_MARKDOWN.exec(source);
    if (!found || found.index >= end) break;
    at = found.index;
    if (source.charCodeAt(at) === STAR) {
      let runEnd = at + 1;
      while (runEnd < end && source.charCodeAt(runEnd) === STAR) runEnd++;
      if (runEnd - at !== 2) return null;
      (delimiters ??= []).push(at);
      at = runEnd - 1;
      continue;
    }
    if (!isHarmless(source, at, start, end)) return null;
  }
  if (delimiters === undefined) return NO_DELIMITERS;
  if (delimiters.length % 2 !== 0) return null;
  for (let i = 0; i < delimiters.length; i += 2) {
    if (!delimiterCan('open', source, delimiters[i], start, end) || !delimiterCan('close', source, delimiters[i + 1], start, end)) return null;
  }
  return delimiters;
}

/** Whether the line opens an ordered list item: 1–9 digits, `.` or `)`, then a space, a tab or the line end. */
function startsOrderedItem(source: string, start: number, end: number): boolean {
  let cursor = start;
  while (cursor < end && isDecimalDigit(source.charCodeAt(cursor))) cursor++;
  const digits = cursor - start;
  if (digits === 0 || digits > 9 || cursor === end) return false;
  const delimiter = source.charCodeAt(cursor);
  if (delimiter !== 0x2e && delimiter !== 0x29) return false;
  const after = cursor + 1 < end ? source.charCodeAt(cursor + 1) : SPACE;
  return isSpaceOrTab(after);
}

/**
 * A plain line; `contentEnd` is where its text ends, before trailing spaces (which Markdown drops); `strong`
 * where its `**` delimiters stand (see strongDelimiters), which its text leaves out.
 */
type PlainLine = ({ kind: 'heading'; depth: 1 | 2 | 3 | 4 | 5 | 6; contentStart: number } | { kind: 'paragraph' }) & { contentEnd: number; strong: readonly number[] };

/** Reads `source[start, end)`, whose NEEDS_MARKDOWN characters are harmless or `strong` delimiters, as a plain line, or null. */
function plainLine(source: string, start: number, end: number, strong: readonly number[]): PlainLine | null {
  const first = source.charCodeAt(start);
  // Stepped in the condition, so that the step runs for every line: trailing spaces are rare, and a step first taken
  // after the function was compiled would throw its code away.
  let contentEnd = end + 1;
  while (--contentEnd > start && source.charCodeAt(contentEnd - 1) === SPACE);
  // Tabs at the line end are left to remark.
  if (source.charCodeAt(contentEnd - 1) === TAB) return null;
  if (first === HASH) {
    let cursor = start;
    while (cursor < end && source.charCodeAt(cursor) === HASH) cursor++;
    const depth = cursor - start;
    const after = source.charCodeAt(cursor);
    if (depth > 6 || (after !== SPACE && after !== TAB)) return null;
    while (cursor < contentEnd && isSpaceOrTab(source.charCodeAt(cursor))) cursor++;
    // A `#` left in the content could be a closing sequence; such headings go to remark.
    if (cursor >= contentEnd || source.lastIndexOf('#', contentEnd - 1) >= cursor) return null;
    return { kind: 'heading', depth: depth as 1 | 2 | 3 | 4 | 5 | 6, contentStart: cursor, contentEnd, strong };
  }
  if (opensBlock(first) || startsOrderedItem(source, start, end)) return null;
  return { kind: 'paragraph', contentEnd, strong };
}

interface Line {
  readonly start: number;
  readonly end: number;
  readonly number: number;
  readonly plain: PlainLine | null;
}

/** Where the blocks of a document go, in document order. */
export interface PlainGroupSink {
  /** remark's tree of a stretch that needed it, its positions already moved to the whole source. */
  markdown(tree: Root): void;
  /** `verbatim`: see Block. */
  heading(depth: number, text: string, segments: Segment[], verbatim: boolean): void;
  paragraph(text: string, segments: Segment[], verbatim: boolean): void;
}

/** Appends the text of `source[from, to)` less the `**` delimiters in it. */
function appendLineText(builder: BlockTextBuilder, source: string, from: number, to: number, strong: readonly number[]): void {
  let pieceStart = from;
  for (const delimiter of strong) {
    builder.appendSource(source.slice(pieceStart, delimiter), pieceStart);
    pieceStart = delimiter + 2;
  }
  builder.appendSource(source.slice(pieceStart, to), pieceStart);
}

/**
 * Text and segments of a plain group's heading line or paragraph lines, exactly as the remark path builds
 * them (see appendAlignedText): trailing spaces and `**` delimiters dropped, a soft line ending becomes `\n`
 * mapped to where the line ends, two or more trailing spaces make a hard break, `\n` too but with no source
 * of its own.
 */
function plainBlockText(
  source: string,
  group: readonly Line[],
  first: number,
  last: number,
  contentStart: number,
): { text: string; segments: Segment[]; verbatim: boolean } {
  const line = group[first];
  if (first === last && line.plain!.strong.length === 0) {
    const text = source.slice(contentStart, line.plain!.contentEnd);
    return { text, segments: [{ textStart: 0, sourceStart: contentStart }], verbatim: true };
  }
  const builder = new BlockTextBuilder();
  for (let i = first; i <= last; i++) {
    const { start, end, plain } = group[i];
    appendLineText(builder, source, i === first ? contentStart : start, plain!.contentEnd, plain!.strong);
    if (i === last) break;
    if (end - plain!.contentEnd >= 2) builder.appendSynthetic('\n', end);
    else builder.appendSource('\n', end);
  }
  return builder.build(line.start);
}

/** Hands the blocks of a plain group to the sink: each heading line a heading, each run of other lines a paragraph. */
function emitPlainGroup(source: string, group: readonly Line[], sink: PlainGroupSink): void {
  let index = 0;
  while (index < group.length) {
    const plain = group[index].plain!;
    if (plain.kind === 'heading') {
      const { text, segments, verbatim } = plainBlockText(source, group, index, index, plain.contentStart);
      sink.heading(plain.depth, text, segments, verbatim);
      index++;
      continue;
    }
    let last = index;
    while (last + 1 < group.length && group[last + 1].plain!.kind === 'paragraph') last++;
    const { text, segments, verbatim } = plainBlockText(source, group, index, last, group[index].start);
    sink.paragraph(text, segments, verbatim);
    index = last + 1;
  }
}

/**
 * Reads `source` into the sink: plain groups here, the rest by `parse` (through parseInSections, so long
 * stretches of Markdown are still cut into sections).
 */
export function readPlainGroups(source: string, parse: (text: string) => Root, sink: PlainGroupSink): void {
  // micromark drops a byte order mark; the line scan simply starts after it.
  const from = source.charCodeAt(0) === BYTE_ORDER_MARK ? 1 : 0;
  // A second mark right after the first is dropped by micromark too; such a file is left to remark whole.
  if (hasDefinitions(source) || source.charCodeAt(from) === BYTE_ORDER_MARK) {
    sink.markdown(parseInSections(source, parse));
    return;
  }
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
    sink.markdown(tree);
    pending = undefined;
  };
  const closeGroup = (): void => {
    if (group.length === 0) return;
    if (groupPlain) {
      flushPending();
      emitPlainGroup(source, group, sink);
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
    const strong = nextSpecial >= end ? NO_DELIMITERS : strongDelimiters(source, nextSpecial, start, end);
    const plain = strong === null ? null : plainLine(source, start, end, strong);
    if (plain === null) groupPlain = false;
    group.push({ start, end, number, plain });
  }
  closeGroup();
  flushPending();
}
