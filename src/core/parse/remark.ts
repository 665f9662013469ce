/**
 * remark itself: unified, remark-parse, GFM (without literal autolinks) and front matter, and the table of
 * named character references its text may hold. Kept in a module of its own so that it loads only when a
 * draft needs it (see loadMarkdownParser in markdown.ts).
 */
export { decodeNamedCharacterReference } from 'decode-named-character-reference';
import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { gfmWithoutAutolinkLiterals } from './gfm.js';

/** Built once: `parse` only, never `run`, so no transformer state is shared between documents. */
const processor = unified().use(remarkParse).use(gfmWithoutAutolinkLiterals).use(remarkFrontmatter, ['yaml', 'toml']).freeze();

export function parseWithRemark(text: string): Root {
  return processor.parse(text);
}
