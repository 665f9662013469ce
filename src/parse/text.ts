import { BlockTextBuilder, type Block, type Directive, type GwDocument } from '../document.js';
import { parseHtmlCommentDirective } from '../directives.js';

/** Leading indentation of a plain-text line: spaces, tabs and the ideographic space U+3000. */
const INDENT = /^[ \t\u3000]*/;

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x3000;
}

/** A loop rather than a `\s*$` regex, which is quadratic on long runs of spaces. */
function trimEndSpaces(text: string): string {
  let end = text.length;
  while (end > 0 && isSpace(text.charCodeAt(end - 1))) end--;
  return text.slice(0, end);
}

/**
 * Plain text: each non-blank line is a paragraph. Leading indentation and trailing spaces are not part
 * of the text; a line that holds only a `<!-- gongwen-lint-… -->` comment is a suppression directive.
 */
export function parseText(source: string): GwDocument {
  const blocks: Block[] = [];
  const directives: Directive[] = [];
  const lineBreak = /\r\n|\n|\r/g;
  let lineStart = 0;
  while (lineStart <= source.length) {
    lineBreak.lastIndex = lineStart;
    const found = lineBreak.exec(source);
    const lineEnd = found ? found.index : source.length;
    const line = source.slice(lineStart, lineEnd);
    const indent = INDENT.exec(line)![0].length;
    const content = trimEndSpaces(line.slice(indent));
    if (content.length > 0) {
      const directive = parseHtmlCommentDirective(content);
      if (directive) {
        directives.push({ ...directive, sourceStart: lineStart + indent, sourceEnd: lineStart + indent + content.length });
      } else {
        const builder = new BlockTextBuilder();
        builder.appendSource(content, lineStart + indent);
        const { text, segments } = builder.build(lineStart + indent);
        blocks.push({ index: blocks.length, kind: 'paragraph', text, segments, listDepth: 0, quoteDepth: 0 });
      }
    }
    if (!found) break;
    lineStart = found.index + found[0].length;
  }
  return { format: 'text', source, blocks, directives };
}
