/**
 * The text of a document as a reader sees it, line by line, keyed the way findings are placed: a line of a
 * Markdown or text file, or a paragraph of a Word part. The web page and the HTML report draw from this.
 */
import { LineIndex, type DocxPart, type GwDocument } from '../core/document.js';

export interface ViewLine {
  /** Word only: the part, when it is not the body (as `LintMessage.part`). */
  readonly part?: Exclude<DocxPart, 'body'>;
  /** As `LintMessage.line`: the line, or for Word the paragraph's index in its part. */
  readonly line: number;
  /** The visible text; columns of findings count from its start. */
  readonly text: string;
  /** Word's automatic number, shown before the text but not part of it. */
  readonly prefix?: string;
}

/** Lines of a text's source: `\r\n`, `\n` and a lone `\r` each end one. */
function sourceLines(source: string): ViewLine[] {
  const index = new LineIndex(source);
  const lines: ViewLine[] = [];
  for (let line = 1; line <= index.lineCount; line++) {
    const start = index.lineStart(line);
    const end = line < index.lineCount ? index.lineStart(line + 1) : source.length;
    lines.push({ line, text: source.slice(start, end).replace(/\r?\n$|\r$/, '') });
  }
  return lines;
}

export function documentLines(document: GwDocument): ViewLine[] {
  if (document.format !== 'docx') return sourceLines(document.source);
  const lines: ViewLine[] = [];
  for (const block of document.blocks) {
    const origin = block.docx;
    if (!origin) continue;
    const prefixLength = origin.numbering?.length ?? 0;
    lines.push({
      ...(origin.part === 'body' ? {} : { part: origin.part }),
      line: origin.paragraph,
      text: block.text.slice(prefixLength),
      ...(origin.numbering ? { prefix: origin.numbering } : {}),
    });
  }
  return lines;
}
