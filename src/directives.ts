import type { DirectiveKind } from './document.js';

const DIRECTIVE = /^\s*gongwen-lint-(disable-next-line|disable-line|disable|enable)(?:\s+([^]*?))?\s*$/;

/**
 * Reads the body of a comment (`gongwen-lint-disable no-placeholder, punctuation-pair`). Returns null for
 * any other comment. Rule ids may be separated by commas or spaces; text after `--` is a justification.
 */
export function parseDirective(commentBody: string): { kind: DirectiveKind; ruleIds: string[] } | null {
  const justified = commentBody.split(/\s--\s|\s--$/)[0];
  const match = DIRECTIVE.exec(justified);
  if (!match) return null;
  const ruleIds = (match[2] ?? '').split(/[\s,]+/).filter((id) => id.length > 0);
  return { kind: match[1] as DirectiveKind, ruleIds };
}

/** Reads `<!-- … -->` in full; returns the directive inside it or null. */
export function parseHtmlCommentDirective(html: string): { kind: DirectiveKind; ruleIds: string[] } | null {
  const match = /^<!--([^]*?)-->\s*$/.exec(html.trim());
  return match ? parseDirective(match[1]) : null;
}
