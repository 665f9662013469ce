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

function isBlank(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    if (code !== 0x20 && code !== 0x09) return false;
  }
  return true;
}

/** Offsets of the lines of `source`: [start, end of content, start of next line]. */
function* lines(source: string): Generator<[number, number, number]> {
  const lineBreak = /\r\n|\n|\r/g;
  let start = 0;
  while (start < source.length) {
    lineBreak.lastIndex = start;
    const found = lineBreak.exec(source);
    const end = found ? found.index : source.length;
    const next = found ? end + found[0].length : source.length;
    yield [start, end, next];
    start = next;
  }
}

/**
 * Offsets at which `source` may be cut into sections of at least `minimumSize` characters (none for a
 * short document or one with link reference definitions). The first section starts at 0, which is not listed.
 */
export function sectionBoundaries(source: string, minimumSize = SECTION_SIZE): number[] {
  if (source.length < 2 * minimumSize || DEFINITION.test(source)) return [];
  const boundaries: number[] = [];
  let sectionStart = 0;
  let previousBlank = false;
  let fence: { char: string; length: number } | undefined;
  let htmlEnd: RegExp | undefined;
  let first = true;
  let frontMatter: string | undefined;
  for (const [start, end] of lines(source)) {
    const line = source.slice(start, end);
    if (first) {
      first = false;
      if (line === '---' || line === '+++') {
        frontMatter = line;
        continue;
      }
    }
    if (frontMatter !== undefined) {
      if (line === frontMatter || (frontMatter === '---' && line === '...')) frontMatter = undefined;
      previousBlank = false;
      continue;
    }
    if (fence) {
      const closing = FENCE.exec(line);
      if (closing && closing[1][0] === fence.char && closing[1].length >= fence.length && isBlank(line.slice(closing[0].length))) {
        fence = undefined;
      }
      previousBlank = false;
      continue;
    }
    if (htmlEnd) {
      if (htmlEnd.test(line)) htmlEnd = undefined;
      previousBlank = isBlank(line);
      continue;
    }
    const blank = isBlank(line);
    if (!blank && previousBlank && start - sectionStart >= minimumSize && line.charCodeAt(0) !== 0x20 && line.charCodeAt(0) !== 0x09) {
      boundaries.push(start);
      sectionStart = start;
    }
    const opening = FENCE.exec(line);
    if (opening) fence = { char: opening[1][0], length: opening[1].length };
    else {
      for (const [startPattern, endPattern] of HTML_BLOCK_STARTS) {
        if (startPattern.test(line)) {
          // The end marker may stand on the opening line itself.
          if (!endPattern.test(line.slice(line.search(/</) + 2))) htmlEnd = endPattern;
          break;
        }
      }
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
