import type { ListItem, Nodes, Paragraph, PhrasingContent, Root } from 'mdast';
import { findCommentDirectives } from '../directives.js';
import { BlockTextBuilder, createBlock, OBJECT_REPLACEMENT, type Block, type BlockDetails, type BlockKind, type Directive, type GwDocument } from '../document.js';
import { isAsciiAlphanumeric, isDecimalDigit, isSpaceOrTab } from './characters.js';
import { parseText } from './text.js';
import { parseInSections } from './markdown-sections.js';
import { readPlainGroups } from './markdown-plain.js';
import { onDemandPart } from '../on-demand.js';

/**
 * remark, loaded on demand. Most drafts never need it (see markdown-plain.ts), and loading it was a third of
 * the start-up of a run over a few files, so the asynchronous entry points load it (loadMarkdownParser); the
 * synchronous ones (lintText) import remark.ts up front and give it over (useMarkdownParser). Only text that
 * came out of remark asks for it.
 */
const remark = onDemandPart('remark', 'loadMarkdownParser', () => import('./remark.js'), (loaded: typeof import('./remark.js')) => loaded);

export const { load: loadMarkdownParser, use: useMarkdownParser } = remark;
const loadedRemark = remark.get;

const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const AMPERSAND = 0x26;
const GREATER_THAN = 0x3e;
const BACKSLASH = 0x5c;

/** Lengths micromark accepts in character references (`&#1234567;`, `&#x10FFFF;`, a 31-letter name). */
const DECIMAL_REFERENCE_MAX = 7;
const HEX_REFERENCE_MAX = 6;
const NAMED_REFERENCE_MAX = 31;

function isAsciiPunctuation(code: number): boolean {
  return (code >= 0x21 && code <= 0x2f) || (code >= 0x3a && code <= 0x40) || (code >= 0x5b && code <= 0x60) || (code >= 0x7b && code <= 0x7e);
}

function isHexDigit(code: number): boolean {
  return isDecimalDigit(code) || (code >= 0x41 && code <= 0x46) || (code >= 0x61 && code <= 0x66);
}

/**
 * UTF-16 length of what micromark decodes a numeric reference to: an astral character is two code units;
 * everything it replaces with U+FFFD (surrogates, noncharacters, beyond U+10FFFF) is one.
 */
function numericReferenceLength(codePoint: number): number {
  return codePoint > 0xffff && codePoint <= 0x10ffff && (codePoint & 0xfffe) !== 0xfffe ? 2 : 1;
}

/**
 * If a character reference micromark decodes starts at `source[at]` (an `&`), returns its source length
 * and the UTF-16 length of its decoded value; otherwise null (`&foo;` and a bare `&` stay literal).
 */
function characterReferenceAt(source: string, at: number, end: number): { sourceLength: number; valueLength: number } | null {
  let cursor = at + 1;
  if (source.charCodeAt(cursor) === 0x23) {
    cursor++;
    const hex = (source.charCodeAt(cursor) | 0x20) === 0x78;
    if (hex) cursor++;
    const digitsStart = cursor;
    const max = hex ? HEX_REFERENCE_MAX : DECIMAL_REFERENCE_MAX;
    while (cursor < end && cursor - digitsStart < max && (hex ? isHexDigit : isDecimalDigit)(source.charCodeAt(cursor))) cursor++;
    if (cursor === digitsStart || cursor >= end || source.charCodeAt(cursor) !== 0x3b) return null;
    const codePoint = Number.parseInt(source.slice(digitsStart, cursor), hex ? 16 : 10);
    return { sourceLength: cursor + 1 - at, valueLength: numericReferenceLength(codePoint) };
  }
  const nameStart = cursor;
  while (cursor < end && cursor - nameStart < NAMED_REFERENCE_MAX && isAsciiAlphanumeric(source.charCodeAt(cursor))) cursor++;
  if (cursor === nameStart || cursor >= end || source.charCodeAt(cursor) !== 0x3b) return null;
  const decoded = loadedRemark().decodeNamedCharacterReference(source.slice(nameStart, cursor));
  return decoded === false ? null : { sourceLength: cursor + 1 - at, valueLength: decoded.length };
}

/**
 * Appends a text node's `value` with each character mapped to where it stands in `source[start, end)`.
 * The source holds more than the value: backslash escapes, character references, container prefixes
 * (`> `, list indentation) and trailing spaces at line ends. Both strings are walked once, side by side;
 * runs that agree are appended whole, so the cost is linear and there is no object per character. A
 * line ending (`\r\n`, `\r`, `\n`) becomes `\n`, mapped to where the source line ends. Should the two
 * ever disagree in a way not listed, the rest of the value is kept, mapped to the point of disagreement.
 */
export function appendAlignedText(builder: BlockTextBuilder, source: string, value: string, start: number, end: number): void {
  // The common case: the value is the source itself (compared natively).
  if (end - start === value.length && !value.includes('\r') && source.startsWith(value, start)) {
    builder.appendSource(value, start);
    return;
  }
  let valueIndex = 0;
  let sourceIndex = start;
  let runStart = 0;
  let runSourceStart = start;
  const flush = (): void => {
    if (valueIndex > runStart) builder.appendSource(value.slice(runStart, valueIndex), runSourceStart);
    runStart = valueIndex;
  };
  const restartRun = (): void => {
    runStart = valueIndex;
    runSourceStart = sourceIndex;
  };
  while (valueIndex < value.length) {
    const valueCode = value.charCodeAt(valueIndex);
    const sourceCode = sourceIndex < end ? source.charCodeAt(sourceIndex) : -1;
    if (valueCode === sourceCode && sourceCode !== BACKSLASH && sourceCode !== AMPERSAND && sourceCode !== LF && sourceCode !== CR) {
      valueIndex++;
      sourceIndex++;
      continue;
    }
    flush();
    if (valueCode === LF || valueCode === CR) {
      while (sourceIndex < end && isSpaceOrTab(source.charCodeAt(sourceIndex))) sourceIndex++;
      const lineEnd = sourceIndex < end ? source.charCodeAt(sourceIndex) : -1;
      if (lineEnd !== LF && lineEnd !== CR) break;
      builder.appendSource('\n', sourceIndex);
      valueIndex += valueCode === CR && value.charCodeAt(valueIndex + 1) === LF ? 2 : 1;
      sourceIndex += lineEnd === CR && source.charCodeAt(sourceIndex + 1) === LF ? 2 : 1;
      // Container prefixes and indentation: a paragraph line never starts with space, tab or `>` itself.
      while (sourceIndex < end && source.charCodeAt(sourceIndex) !== value.charCodeAt(valueIndex)) {
        const prefixCode = source.charCodeAt(sourceIndex);
        if (prefixCode !== SPACE && prefixCode !== TAB && prefixCode !== GREATER_THAN) break;
        sourceIndex++;
      }
      restartRun();
      continue;
    }
    if (sourceCode === BACKSLASH && sourceIndex + 1 < end && isAsciiPunctuation(source.charCodeAt(sourceIndex + 1))) {
      // The escaped character is taken literally, even an `&` that would start a reference.
      if (valueCode !== source.charCodeAt(sourceIndex + 1)) break;
      sourceIndex++;
      restartRun();
      valueIndex++;
      sourceIndex++;
      continue;
    }
    if (sourceCode === AMPERSAND) {
      const reference = characterReferenceAt(source, sourceIndex, end);
      if (reference) {
        builder.appendSynthetic(value.slice(valueIndex, valueIndex + reference.valueLength), sourceIndex);
        valueIndex += reference.valueLength;
        sourceIndex += reference.sourceLength;
        restartRun();
        continue;
      }
    }
    if (valueCode !== sourceCode) break;
    // A literal backslash or `&` (not an escape, not a reference).
    restartRun();
    valueIndex++;
    sourceIndex++;
  }
  flush();
  if (valueIndex < value.length) builder.appendSynthetic(value.slice(valueIndex), Math.min(sourceIndex, Math.max(start, end - 1)));
}

function startOffset(node: Nodes, fallback: number): number {
  return node.position?.start.offset ?? fallback;
}

function endOffset(node: Nodes, fallback: number): number {
  return node.position?.end.offset ?? fallback;
}

/** Where a hard break's line ending is: `a  ⏎` and `a\⏎` both end the line after their marker. */
function lineEndingIn(source: string, start: number, end: number): number {
  for (let i = start; i < end; i++) {
    const code = source.charCodeAt(i);
    if (code === LF || code === CR) return i;
  }
  return start;
}

const OPEN_BRACKET = 0x5b;

/**
 * Appends the visible text of phrasing content. Walks with an explicit stack: emphasis and links can
 * nest as deep as the input likes.
 */
function appendPhrasing(builder: BlockTextBuilder, source: string, children: readonly PhrasingContent[], directives: Directive[]): void {
  const stack: PhrasingContent[] = [];
  for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  while (stack.length > 0) {
    const node = stack.pop()!;
    const start = startOffset(node, 0);
    switch (node.type) {
      case 'text':
        appendAlignedText(builder, source, node.value, start, endOffset(node, start + node.value.length));
        break;
      case 'break':
        builder.appendSynthetic('\n', lineEndingIn(source, start, endOffset(node, start)));
        break;
      case 'link':
        // An autolink `<https://…>` (the only link not opened by `[`), or a link whose text is its own URL.
        if (source.charCodeAt(start) !== OPEN_BRACKET || (node.children.length === 1 && node.children[0].type === 'text' && node.children[0].value === node.url)) {
          builder.appendSynthetic(OBJECT_REPLACEMENT, start);
          break;
        }
        for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
        break;
      case 'emphasis':
      case 'strong':
      case 'delete':
      case 'linkReference':
        for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
        break;
      case 'html':
        collectDirectives(source, start, endOffset(node, start), directives);
        builder.appendSynthetic(OBJECT_REPLACEMENT, start);
        break;
      default:
        // inlineCode, image, imageReference, footnoteReference: present, but not prose.
        builder.appendSynthetic(OBJECT_REPLACEMENT, start);
    }
  }
}

function collectDirectives(source: string, start: number, end: number, directives: Directive[]): void {
  for (const found of findCommentDirectives(source, start, end)) {
    directives.push({ kind: found.kind, ruleIds: found.ruleIds, sourceStart: found.start, sourceEnd: found.end });
  }
}

/**
 * More container markers (`>`, list markers) at the start of one line than any real document has. remark
 * takes time quadratic in the nesting depth (10,000 nested lists: minutes) and overflows the call stack
 * beyond a few thousand levels, so such a document is read as plain text instead.
 */
const MAX_CONTAINER_MARKERS = 100;

const PLUS = 0x2b;
const DASH = 0x2d;
const STAR = 0x2a;
const DOT = 0x2e;
const CLOSE_PAREN = 0x29;
const MAX_ORDERED_DIGITS = 9;

class TooDeepForRemark extends Error {}

/** Whether some line opens with more than MAX_CONTAINER_MARKERS quote or list markers; one linear pass. */
function hasDeepContainerPrefix(source: string): boolean {
  const length = source.length;
  let cursor = 0;
  while (cursor < length) {
    let markers = 0;
    for (;;) {
      const code = source.charCodeAt(cursor);
      if (isSpaceOrTab(code)) {
        cursor++;
      } else if (code === GREATER_THAN) {
        markers++;
        cursor++;
      } else if ((code === DASH || code === PLUS || code === STAR) && isSpaceOrTab(source.charCodeAt(cursor + 1))) {
        markers++;
        cursor += 2;
      } else if (isDecimalDigit(code)) {
        let digitsEnd = cursor + 1;
        while (digitsEnd - cursor < MAX_ORDERED_DIGITS && isDecimalDigit(source.charCodeAt(digitsEnd))) digitsEnd++;
        const delimiter = source.charCodeAt(digitsEnd);
        if ((delimiter !== DOT && delimiter !== CLOSE_PAREN) || !isSpaceOrTab(source.charCodeAt(digitsEnd + 1))) break;
        markers++;
        cursor = digitsEnd + 2;
      } else {
        break;
      }
    }
    if (markers > MAX_CONTAINER_MARKERS) return true;
    while (cursor < length && source.charCodeAt(cursor) !== LF && source.charCodeAt(cursor) !== CR) cursor++;
    cursor++;
  }
  return false;
}

/** `1.` `2)` `-` `*` `+` exactly as written where the list item starts. */
const LIST_MARKER = /[0-9]{1,9}[.)]|[-+*]/y;

function listMarkerAt(source: string, offset: number): string | undefined {
  LIST_MARKER.lastIndex = offset;
  return LIST_MARKER.exec(source)?.[0];
}

interface BlockContext {
  readonly listDepth: number;
  readonly quoteDepth: number;
}

interface Frame {
  readonly node: Nodes;
  readonly context: BlockContext;
  /** Set for the first paragraph of a list item. */
  readonly item?: { readonly listMarker: string | undefined; readonly ordered: boolean };
  readonly table?: { readonly row: number; readonly column: number };
  /** Set for a list item: whether its list is ordered. */
  readonly ordered?: boolean;
}

function firstParagraph(item: ListItem): Paragraph | undefined {
  for (const child of item.children) if (child.type === 'paragraph') return child;
  return undefined;
}

export interface MarkdownOptions {
  /** Give every line to remark, not only those that need it (see markdown-plain.ts); tests compare both. */
  readonly remarkOnly?: boolean;
}

/** Appends the blocks of a remark tree (or part of one) to `blocks`, in document order. */
function appendTreeBlocks(tree: Root, source: string, blocks: Block[], directives: Directive[]): void {
  const emitBlock = (
    kind: BlockKind,
    node: Nodes,
    children: readonly PhrasingContent[],
    context: BlockContext,
    extra: BlockDetails,
  ): void => {
    const builder = new BlockTextBuilder();
    appendPhrasing(builder, source, children, directives);
    const { text, segments, verbatim } = builder.build(startOffset(node, 0));
    blocks.push(createBlock(blocks.length, kind, text, segments, context.listDepth, context.quoteDepth, extra, verbatim));
  };

  const stack: Frame[] = [{ node: tree, context: { listDepth: 0, quoteDepth: 0 } }];
  while (stack.length > 0) {
    const { node, context, item, table, ordered } = stack.pop()!;
    switch (node.type) {
      case 'heading':
        emitBlock('heading', node, node.children, context, { depth: node.depth });
        break;
      case 'paragraph':
        if (item) emitBlock('list-item', node, node.children, context, { listMarker: item.listMarker, ordered: item.ordered });
        else emitBlock('paragraph', node, node.children, context, {});
        break;
      case 'tableCell':
        emitBlock('table-cell', node, node.children, context, { table });
        break;
      case 'html':
        collectDirectives(source, startOffset(node, 0), endOffset(node, 0), directives);
        break;
      case 'blockquote': {
        const inner = { listDepth: context.listDepth, quoteDepth: context.quoteDepth + 1 };
        for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i], context: inner });
        break;
      }
      case 'list': {
        const inner = { listDepth: context.listDepth + 1, quoteDepth: context.quoteDepth };
        const ordered = node.ordered === true;
        for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i], context: inner, ordered });
        break;
      }
      case 'listItem': {
        const first = firstParagraph(node);
        const firstItem = { listMarker: listMarkerAt(source, startOffset(node, 0)), ordered: ordered === true };
        for (let i = node.children.length - 1; i >= 0; i--) {
          const child = node.children[i];
          stack.push(child === first ? { node: child, context, item: firstItem } : { node: child, context });
        }
        break;
      }
      case 'table':
        for (let row = node.children.length - 1; row >= 0; row--) {
          const cells = node.children[row].children;
          for (let column = cells.length - 1; column >= 0; column--) {
            stack.push({ node: cells[column], context, table: { row, column } });
          }
        }
        break;
      case 'root':
      case 'footnoteDefinition':
        for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i], context });
        break;
      default:
        // code, thematicBreak, yaml, toml, definition: not prose.
        break;
    }
  }
}

/**
 * The document model of a tree some other unified pipeline already parsed from `source` (the remark
 * plugin's entry: no second parse). The tree must carry positions with offsets, as remark-parse gives.
 * Named character references are decoded with the table remark.ts brings: load it first (loadMarkdownParser
 * or useMarkdownParser).
 */
export function documentFromMarkdownTree(tree: Root, source: string): GwDocument {
  const blocks: Block[] = [];
  const directives: Directive[] = [];
  appendTreeBlocks(tree, source, blocks, directives);
  return { format: 'markdown', source, blocks, directives };
}

/**
 * Reads Markdown into blocks. Code, HTML, front matter, definitions and thematic breaks are not text; HTML
 * comments are read for suppression directives. Deep nesting is walked with an explicit stack; input
 * nested too deep for remark itself (see MAX_CONTAINER_MARKERS) is read as plain text instead. Groups of
 * lines with no Markdown syntax in them are read without remark (see markdown-plain.ts), and long stretches
 * that need remark are parsed in sections (see markdown-sections.ts), because remark slows down faster
 * than linearly.
 */
export function parseMarkdown(source: string, options: MarkdownOptions = {}): GwDocument {
  // Only what goes to remark is checked for depth: a line that deep is never a plain line.
  const parse = (text: string): Root => {
    const { parseWithRemark } = loadedRemark();
    if (hasDeepContainerPrefix(text)) throw new TooDeepForRemark();
    return parseWithRemark(text);
  };
  const blocks: Block[] = [];
  const directives: Directive[] = [];
  try {
    if (options.remarkOnly) appendTreeBlocks(parseInSections(source, parse), source, blocks, directives);
    else {
      readPlainGroups(source, parse, {
        markdown: (tree) => appendTreeBlocks(tree, source, blocks, directives),
        heading: (depth, text, segments, verbatim) => blocks.push(createBlock(blocks.length, 'heading', text, segments, 0, 0, { depth }, verbatim)),
        paragraph: (text, segments, verbatim) => blocks.push(createBlock(blocks.length, 'paragraph', text, segments, 0, 0, undefined, verbatim)),
      });
    }
  } catch (error) {
    if (error instanceof RangeError || error instanceof TooDeepForRemark) return { ...parseText(source), format: 'markdown' };
    throw error;
  }
  return { format: 'markdown', source, blocks, directives };
}
