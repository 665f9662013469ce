import type { GwDocument } from '../document.js';
import { parseText } from './text.js';

/** Temporary: plain-text reading until the remark-based parser lands. */
export function parseMarkdown(source: string): GwDocument {
  return { ...parseText(source), format: 'markdown' };
}
