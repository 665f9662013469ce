/**
 * Findings as Word comments (批注): each finding becomes one comment anchored on its exact span, saying what
 * is wrong, which rule found it, and what to write instead where that is known.
 */
import type { Block, GwDocument } from '../document.js';
import type { LintMessage } from '../linter.js';
import { writeDocx, type WordComment } from './write.js';

/** The block a finding's position names: its part and its paragraph within that part. */
function blockOf(document: GwDocument, message: LintMessage): Block | undefined {
  const part = message.part ?? 'body';
  return document.blocks.find((block) => block.docx?.part === part && block.docx.paragraph === message.line);
}

function numberingLength(block: Block): number {
  const first = block.docx?.pieces[0];
  return first?.kind === 'numbering' ? first.textEnd : 0;
}

/** The comment's paragraphs: the message, the rule, and the suggested text (a fix, or the suggestions offered). */
export function commentParagraphs(message: LintMessage): string[] {
  const paragraphs = [message.message, `规则：${message.ruleId}`];
  if (message.fix) paragraphs.push(message.fix.text === '' ? '建议：删除' : `建议改为：“${message.fix.text}”`);
  else for (const suggestion of message.suggestions ?? []) paragraphs.push(`建议：${suggestion.desc}`);
  return paragraphs;
}

/**
 * One comment per finding of a rule (problems with the file itself have no place in it). Columns count the
 * paragraph's own text, after an automatic number; a finding that runs into a later paragraph is anchored
 * up to the end of its first.
 */
export function commentsForFindings(document: GwDocument, messages: readonly LintMessage[]): WordComment[] {
  const comments: WordComment[] = [];
  for (const message of messages) {
    if (message.fatal || message.ruleId === null) continue;
    const block = blockOf(document, message);
    if (!block) continue;
    const shift = numberingLength(block);
    const start = Math.min(block.text.length, message.column - 1 + shift);
    const end = message.endLine === message.line ? Math.min(block.text.length, Math.max(start, message.endColumn - 1 + shift)) : block.text.length;
    comments.push({ block, start, end, paragraphs: commentParagraphs(message) });
  }
  return comments;
}

export interface AnnotatedDocx {
  readonly bytes: Uint8Array;
  readonly comments: number;
  /** Findings in headers, footers, notes, text boxes and block-level content controls, where no comment is anchored. */
  readonly skipped: number;
}

/** A copy of the package with a comment for every finding. */
export function annotateDocx(bytes: Uint8Array, document: GwDocument, messages: readonly LintMessage[], date?: Date): AnnotatedDocx {
  const comments = commentsForFindings(document, messages);
  const written = writeDocx(bytes, document, { comments, date });
  return { bytes: written.bytes, comments: comments.length - written.commentsSkipped, skipped: written.commentsSkipped };
}
