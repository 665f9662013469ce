/** What the layout rules read of a Word document: its formatting resolver and its runs placed in block text. */
import type { Block, GwDocument } from '../document.js';
import { FormattingResolver, TWIPS_PER_MM, type RunFormat } from '../docx/formatting.js';
import { firstChild } from '../docx/xml.js';
import { memoiseForLastDocument } from './memo.js';

/** One resolver per document, built on first use: most runs of the linter never ask for formatting. */
export const formattingOf = memoiseForLastDocument((document): FormattingResolver | undefined => (document.docx ? new FormattingResolver(document.docx.package) : undefined));

/** A stretch of a block's text shown by one run, with that run's effective formatting. */
export interface FormattedSpan {
  readonly start: number;
  readonly end: number;
  readonly format: RunFormat;
}

/** The block's text runs with their formatting, in text order; an automatic number has no run and is left out. */
export function formattedSpans(block: Block, resolver: FormattingResolver): FormattedSpan[] {
  const origin = block.docx;
  if (!origin) return [];
  const spans: FormattedSpan[] = [];
  for (const piece of origin.pieces) {
    if (piece.kind !== 'text' || !piece.run || piece.textEnd <= piece.textStart) continue;
    spans.push({ start: piece.textStart, end: piece.textEnd, format: resolver.runFormat(origin.element, firstChild(piece.run, 'w:rPr'), origin.partName) });
  }
  return spans;
}

export function twipsToMm(twips: number): number {
  return Math.round((twips / TWIPS_PER_MM) * 10) / 10;
}

/** The first non-empty paragraph of the body: where a finding about the whole document is placed. */
export function firstBodyBlock(document: GwDocument): Block | undefined {
  return document.blocks.find((block) => block.docx?.part === 'body' && block.text.trim() !== '') ?? document.blocks[0];
}
