import type { DirectiveKind } from './document.js';

/** Applied to a trimmed body; no trailing `\s*$`, which backtracks quadratically on long runs of spaces. */
const DIRECTIVE = /^gongwen-lint-(disable-next-line|disable-line|disable|enable)(?:\s+([^]*))?$/;
const JUSTIFICATION = /\s--(?:\s|$)/;
const ID_SEPARATOR = /[\s,]+/;

const COMMENT_OPEN = '<!--';
const COMMENT_CLOSE = '-->';

/**
 * Reads the body of a comment (`gongwen-lint-disable no-placeholder, punctuation-pair`). Returns null for
 * any other comment. Rule ids may be separated by commas or spaces; text after `--` is a justification.
 */
export function parseDirective(commentBody: string): { kind: DirectiveKind; ruleIds: string[] } | null {
  const justification = JUSTIFICATION.exec(commentBody);
  const body = (justification ? commentBody.slice(0, justification.index) : commentBody).trim();
  const match = DIRECTIVE.exec(body);
  if (!match) return null;
  const ruleIds = (match[2] ?? '').split(ID_SEPARATOR).filter((id) => id.length > 0);
  return { kind: match[1] as DirectiveKind, ruleIds };
}

/** Reads `<!-- … -->` in full; returns the directive inside it or null. */
export function parseHtmlCommentDirective(html: string): { kind: DirectiveKind; ruleIds: string[] } | null {
  const comment = html.trim();
  if (comment.length < COMMENT_OPEN.length + COMMENT_CLOSE.length) return null;
  if (!comment.startsWith(COMMENT_OPEN) || !comment.endsWith(COMMENT_CLOSE)) return null;
  return parseDirective(comment.slice(COMMENT_OPEN.length, -COMMENT_CLOSE.length));
}

export interface FoundDirective {
  kind: DirectiveKind;
  ruleIds: string[];
  /** Offsets of the whole `<!-- … -->` comment in the scanned text. */
  start: number;
  end: number;
}

/** Container prefixes (`> `, list indentation) that a comment spanning lines inside a quote carries. */
const LINE_BREAK_WITH_PREFIX = /(?:\r\n|\r|\n)[ \t>]*/g;

/**
 * Finds every directive comment in `text[from, to)` (an HTML block may hold several, or a comment and
 * other markup). Searches only inside the range, so scanning line by line stays linear even when no
 * comment is ever closed.
 */
export function findCommentDirectives(text: string, from = 0, to = text.length): FoundDirective[] {
  const region = text.slice(from, to);
  const found: FoundDirective[] = [];
  let cursor = 0;
  for (;;) {
    const open = region.indexOf(COMMENT_OPEN, cursor);
    if (open === -1) break;
    const close = region.indexOf(COMMENT_CLOSE, open + COMMENT_OPEN.length);
    if (close === -1) break;
    const body = region.slice(open + COMMENT_OPEN.length, close).replace(LINE_BREAK_WITH_PREFIX, ' ');
    const directive = parseDirective(body);
    const end = close + COMMENT_CLOSE.length;
    if (directive) found.push({ ...directive, start: from + open, end: from + end });
    cursor = end;
  }
  return found;
}
