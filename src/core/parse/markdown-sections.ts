/**
 * remark (micromark) takes time that grows faster than the input on long documents: 0.36 MB of paragraphs,
 * block quotes and lists took 17 s, so a 50 MB export would never finish. A long document is therefore cut
 * into sections at points where CommonMark guarantees that no block continues across the cut, each section
 * is parsed on its own, and the trees are joined with their positions moved to the whole text.
 *
 * A cut goes before a line that starts at column 0 with a character that is not a space, right after a
 * blank line, outside fenced code, multi-line HTML blocks and front matter. After a blank line such a line
 * closes every open container (block quote, list item, indented code), so the blocks on either side are
 * the same as in a parse of the whole. Two things could differ and are handled: a list continued by a new
 * item after a blank line becomes two lists (the model keeps each item's marker as written, so nothing a
 * rule sees changes), and link reference definitions, which act across the whole document: a document
 * with any is not cut.
 */

/** Sections are at least this long; 4 KB measured fastest (2 KB to 32 KB tried on lists and quotes). */
export const SECTION_SIZE = 4 * 1024;

/** `[label]: destination` or a footnote definition `[^1]: …`, at the start of a line. */
const DEFINITION = /^ {0,3}\[[^\]\n]+\]:/m;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
/** HTML blocks of CommonMark kinds 1–5, which run on over blank lines until their end marker. */
const HTML_BLOCK_STARTS: readonly [RegExp, RegExp][] = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];

export function isBlank(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    if (code !== 0x20 && code !== 0x09) return false;
  }
  return true;
}

/**
 * Whether a non-blank line that follows a blank one can start a text of its own: not indented (it would
 * continue a list item or code), not a byte order mark (micromark drops it at the start of a text), not
 * `---` or `+++` (at the start of a text they would open front matter).
 */
export function startsSection(line: string): boolean {
  const first = line.charCodeAt(0);
  return first !== 0x20 && first !== 0x09 && first !== 0xfeff && !FRONT_MATTER_FENCE.test(line);
}

/** Offsets of the lines of `source`: [start, end of content, start of next line]. */
export function* lines(source: string, from = 0): Generator<[number, number, number]> {
  const lineBreak = /\r\n|\n|\r/g;
  // Without a CR, the native indexOf finds the line ends faster than the regular expression.
  const lineFeedsOnly = !source.includes('\r');
  let start = from;
  while (start < source.length) {
    let end: number;
    let next: number;
    if (lineFeedsOnly) {
      const found = source.indexOf('\n', start);
      end = found === -1 ? source.length : found;
      next = found === -1 ? source.length : found + 1;
    } else {
      lineBreak.lastIndex = start;
      const found = lineBreak.exec(source);
      end = found ? found.index : source.length;
      next = found ? end + found[0].length : source.length;
    }
    yield [start, end, next];
    start = next;
  }
}

/** A front matter fence as micromark-extension-frontmatter reads it: `---` or `+++`, then only spaces or tabs. */
const FRONT_MATTER_FENCE = /^(?:-{3}|\+{3})[ \t]*$/;
/** An HTML block of another kind (6 or 7), or inline HTML at a line start: both end at a blank line at the latest. */
const HTML_LINE = /^ {0,3}</;

/** First characters of the lines that can open a fence or an HTML block: space, `` ` ``, `~`, `<`. */
const MAY_OPEN = new Set([0x20, 0x60, 0x7e, 0x3c]);

type ConstructState = 'none' | 'front-matter' | 'fence' | 'html' | 'until-blank' | 'unknown';

/**
 * Follows, line by line, the constructs that run on over blank lines: front matter on the first line,
 * fenced code and HTML blocks of kinds 1–5. Inside one, a blank line ends nothing. It knows nothing of
 * list items and quotes, so it trusts only what it can be sure of: an opener at column 0 outside other
 * HTML stands at the top level (a list item or quote never continues into an unindented fence or HTML
 * block; those interrupt a paragraph instead). An opener indented by one to three spaces, or one inside
 * a line run that may be an HTML block of kind 6 or 7, could belong to something else; from there on
 * the state is unknown and every remaining line counts as inside.
 */
export class MultiLineBlockTracker {
  private first = true;
  private state: ConstructState = 'none';
  private frontMatterFence = '';
  private fence = { char: '', length: 0 };
  private htmlEnd: RegExp = /$/;

  /**
   * Feeds the next line. True when the line belongs to such a construct that was already open (or is
   * front matter); false otherwise, in which case the construct this line opens, if any, is noted.
   */
  insideConstruct(line: string): boolean {
    if (this.first) {
      this.first = false;
      if (FRONT_MATTER_FENCE.test(line)) {
        this.state = 'front-matter';
        this.frontMatterFence = line.slice(0, 3);
        return true;
      }
    }
    switch (this.state) {
      case 'unknown':
        return true;
      case 'front-matter':
        if (FRONT_MATTER_FENCE.test(line) && line.startsWith(this.frontMatterFence)) this.state = 'none';
        return true;
      case 'fence': {
        const closing = FENCE.exec(line);
        if (closing && closing[1][0] === this.fence.char && closing[1].length >= this.fence.length && isBlank(line.slice(closing[0].length))) {
          this.state = 'none';
        }
        return true;
      }
      case 'html':
        if (this.htmlEnd.test(line)) this.state = 'none';
        return true;
      case 'until-blank':
        if (isBlank(line)) {
          this.state = 'none';
          return false;
        }
        if (this.opensMultiLineBlock(line)) this.state = 'unknown';
        return true;
      case 'none':
        // Only a line opening with a space, `` ` ``, `~` or `<` can open anything: most lines stop here. An empty
        // line is read no further: a read past its end would throw away the caller's optimised code.
        if (line.length === 0 || !MAY_OPEN.has(line.charCodeAt(0))) return false;
        if (this.opensMultiLineBlock(line)) {
          if (line.charCodeAt(0) === 0x20) this.state = 'unknown';
        } else if (HTML_LINE.test(line)) {
          this.state = 'until-blank';
        }
        return false;
    }
  }

  /** Notes a fence or an HTML block of kinds 1–5 that the line opens and does not close; true if so. */
  private opensMultiLineBlock(line: string): boolean {
    const opening = FENCE.exec(line);
    // A backtick fence's info string holds no backtick; with one, the line is text with inline code.
    if (opening && !(opening[1][0] === '`' && line.includes('`', opening[0].length))) {
      this.state = 'fence';
      this.fence = { char: opening[1][0], length: opening[1].length };
      return true;
    }
    for (const [startPattern, endPattern] of HTML_BLOCK_STARTS) {
      if (!startPattern.test(line)) continue;
      // The end marker may stand on the opening line itself, even overlapping the start (`<?>`, `<!-->`).
      if (endPattern.test(line.slice(line.indexOf('<') + 1))) return false;
      this.state = 'html';
      this.htmlEnd = endPattern;
      return true;
    }
    return false;
  }
}

/** Whether the document has link reference or footnote definitions, which act across the whole of it. */
export function hasDefinitions(source: string): boolean {
  return DEFINITION.test(source);
}

/**
 * Offsets at which `source` may be cut into sections of at least `minimumSize` characters (none for a
 * short document or one with link reference definitions). The first section starts at 0, which is not listed.
 */
export function sectionBoundaries(source: string, minimumSize = SECTION_SIZE): number[] {
  if (source.length < 2 * minimumSize || hasDefinitions(source)) return [];
  const boundaries: number[] = [];
  const tracker = new MultiLineBlockTracker();
  let sectionStart = 0;
  let previousBlank = false;
  for (const [start, end] of lines(source)) {
    const line = source.slice(start, end);
    const blank = isBlank(line);
    const cutBefore = previousBlank && !blank && start - sectionStart >= minimumSize && startsSection(line);
    if (tracker.insideConstruct(line)) {
      previousBlank = false;
      continue;
    }
    if (cutBefore) {
      boundaries.push(start);
      sectionStart = start;
    }
    previousBlank = blank;
  }
  // A last section shorter than the minimum is joined to the one before.
  if (boundaries.length > 0 && source.length - boundaries[boundaries.length - 1] < minimumSize) boundaries.pop();
  return boundaries;
}

interface Positioned {
  position?: { start: { line: number; offset?: number }; end: { line: number; offset?: number } };
  children?: Positioned[];
}

/** Moves every position in a tree by a number of characters and lines; an explicit stack, however deep the tree. */
export function shiftPositions(tree: Positioned, offset: number, lineDelta: number): void {
  const stack: Positioned[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.position) {
      const { start, end } = node.position;
      start.line += lineDelta;
      end.line += lineDelta;
      if (start.offset !== undefined) start.offset += offset;
      if (end.offset !== undefined) end.offset += offset;
    }
    if (node.children) for (const child of node.children) stack.push(child);
  }
}

/** Counts line breaks (`\r\n`, `\n`, lone `\r`) in `source` from `from` up to `to`. */
export function countLineBreaks(source: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    const code = source.charCodeAt(i);
    if (code === 10) count++;
    else if (code === 13) {
      if (source.charCodeAt(i + 1) === 10 && i + 1 < to) i++;
      count++;
    }
  }
  return count;
}

/**
 * Parses a document, a long one section by section (see sectionBoundaries), into one tree whose positions
 * are offsets into `source` itself.
 */
export function parseInSections<T extends Positioned & { children: Positioned[] }>(source: string, parse: (text: string) => T): T {
  // micromark drops a leading byte order mark, which would shift every position by one.
  if (source.charCodeAt(0) === 0xfeff) {
    const tree = parseInSections(source.slice(1), parse);
    shiftPositions(tree, 1, 0);
    return tree;
  }
  const boundaries = sectionBoundaries(source);
  if (boundaries.length === 0) return parse(source);
  const starts = [0, ...boundaries];
  let root: T | undefined;
  let lineDelta = 0;
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i];
    const end = i + 1 < starts.length ? starts[i + 1] : source.length;
    if (i > 0) lineDelta += countLineBreaks(source, starts[i - 1], start);
    const tree = parse(source.slice(start, end));
    if (root === undefined) {
      root = tree;
      continue;
    }
    shiftPositions(tree, start, lineDelta);
    for (const child of tree.children) root.children.push(child);
  }
  const whole = root!;
  if (whole.position) {
    whole.position.end.offset = source.length;
    whole.position.end.line = countLineBreaks(source, 0, source.length) + 1;
  }
  return whole;
}
