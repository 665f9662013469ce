/**
 * A question about a whole document answered with one native search of its source instead of one search per
 * block: most blocks are a line or two, and a search per block costs more in calls than in characters.
 */
import type { GwDocument } from '../document.js';

/**
 * Whether any block of the document may contain `character`, a Chinese character. In Markdown and plain text a
 * block's text is drawn from the source, save line breaks, U+FFFC and what a character reference (`&#21495;`)
 * stands for; so without an `&`, a character the source does not hold is in no block. A Word document's blocks
 * also hold automatic numbers, which its source does not: there the answer is always yes.
 */
export function mayContain(document: GwDocument, character: string): boolean {
  if (document.format === 'docx' || document.source.includes('&')) return true;
  return document.source.includes(character);
}
