import { BlockTextBuilder, createBlock, OBJECT_REPLACEMENT, type Block, type Directive, type GwDocument } from '../document.js';
import { findCommentDirectives } from '../directives.js';

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x3000;
}

const LINE_BREAK = /\r\n|\n|\r/g;
const COMMENT_OPEN = '<!--';

/**
 * Plain text: each non-blank line is a paragraph. Leading indentation (spaces, tabs, U+3000) and trailing
 * spaces are not part of the text. A `<!-- gongwen-lint-… -->` comment is a suppression directive, on a
 * line of its own or after the text it concerns; inside a line it stands as OBJECT_REPLACEMENT so the
 * text on either side is not glued together.
 */
export function parseText(source: string): GwDocument {
  const blocks: Block[] = [];
  const directives: Directive[] = [];
  const lineBreak = new RegExp(LINE_BREAK);
  // Looked up again only once passed, so a document without comments is scanned for them once, not per line.
  let nextCommentOpen = source.indexOf(COMMENT_OPEN);
  let lineStart = 0;
  while (lineStart <= source.length) {
    lineBreak.lastIndex = lineStart;
    const found = lineBreak.exec(source);
    const lineEnd = found ? found.index : source.length;
    if (nextCommentOpen !== -1 && nextCommentOpen < lineStart) nextCommentOpen = source.indexOf(COMMENT_OPEN, lineStart);
    const comments = nextCommentOpen !== -1 && nextCommentOpen < lineEnd ? findCommentDirectives(source, lineStart, lineEnd) : [];
    // The line split at its directive comments; each piece is [start, end).
    const pieces: [number, number][] = [];
    let pieceStart = lineStart;
    for (const comment of comments) {
      directives.push({ kind: comment.kind, ruleIds: comment.ruleIds, sourceStart: comment.start, sourceEnd: comment.end });
      pieces.push([pieceStart, comment.start]);
      pieceStart = comment.end;
    }
    pieces.push([pieceStart, lineEnd]);
    const block = lineBlock(source, pieces, blocks.length);
    if (block) blocks.push(block);
    if (!found) break;
    lineStart = found.index + found[0].length;
  }
  return { format: 'text', source, blocks, directives };
}

/**
 * Joins the pieces of a line without its indentation and trailing spaces (loops, not `\s*$`, which is
 * quadratic on long space runs); a removed comment between two pieces of text leaves OBJECT_REPLACEMENT.
 */
function lineBlock(source: string, pieces: [number, number][], index: number): Block | null {
  let first = 0;
  while (first < pieces.length) {
    const piece = pieces[first];
    while (piece[0] < piece[1] && isSpace(source.charCodeAt(piece[0]))) piece[0]++;
    if (piece[0] < piece[1]) break;
    first++;
  }
  let last = pieces.length - 1;
  while (last >= first) {
    const piece = pieces[last];
    while (piece[1] > piece[0] && isSpace(source.charCodeAt(piece[1] - 1))) piece[1]--;
    if (piece[0] < piece[1]) break;
    last--;
  }
  if (first > last) return null;
  const builder = new BlockTextBuilder();
  for (let i = first; i <= last; i++) {
    const [start, end] = pieces[i];
    if (i > first) builder.appendSynthetic(OBJECT_REPLACEMENT, pieces[i - 1][1]);
    builder.appendSource(source.slice(start, end), start);
  }
  const { text, segments, verbatim } = builder.build(pieces[first][0]);
  return createBlock(index, 'paragraph', text, segments, 0, 0, undefined, verbatim);
}
