/**
 * The document model: the one seam between input formats (Markdown, plain text, later Word) and rules.
 * A document is an ordered list of blocks; each block has its visible text and a map from text offsets
 * to offsets in the decoded source. Rules only ever see this; all line/column maths lives here.
 */

export type BlockKind = 'heading' | 'paragraph' | 'list-item' | 'table-cell';

/**
 * Stands in the block text for content that is not prose (inline code, an autolinked URL, an image, inline
 * HTML), so that text around it is never glued into a false sequence: `，`+code+`；` reads `，\uFFFC；`.
 */
export const OBJECT_REPLACEMENT = '\uFFFC';

/** From `textStart` on (until the next segment), text offsets advance one-to-one with source offsets. */
export interface Segment {
  readonly textStart: number;
  readonly sourceStart: number;
}

export interface Block {
  /** Position in `GwDocument.blocks`. */
  readonly index: number;
  readonly kind: BlockKind;
  /** Visible text. Soft line breaks are kept as `\n`; code, HTML and URLs are left out (see OBJECT_REPLACEMENT). */
  readonly text: string;
  /** Heading depth 1–6 (Markdown `#` count); undefined for other kinds. */
  readonly depth?: number;
  /** For a list item: the marker exactly as written in the source (`2.`, `3)`, `-`, `*`). */
  readonly listMarker?: string;
  /** For a list item: true when the list is ordered. */
  readonly ordered?: boolean;
  /** How many lists enclose this block (0 outside lists). */
  readonly listDepth: number;
  /** How many block quotes enclose this block (0 outside quotes). */
  readonly quoteDepth: number;
  /** For a table cell: its 0-based row (0 = header row) and column. */
  readonly table?: { readonly row: number; readonly column: number };
  /** Sorted by textStart; the first has textStart 0. */
  readonly segments: readonly Segment[];
}

export type DirectiveKind = 'disable' | 'enable' | 'disable-line' | 'disable-next-line';

/** A suppression comment such as `<!-- gongwen-lint-disable no-placeholder -->`. */
export interface Directive {
  readonly kind: DirectiveKind;
  /** Empty means every rule. */
  readonly ruleIds: readonly string[];
  /** Source offsets of the whole comment. */
  readonly sourceStart: number;
  readonly sourceEnd: number;
}

export type DocumentFormat = 'markdown' | 'text';

export interface GwDocument {
  readonly format: DocumentFormat;
  /** The decoded source text (BOM removed, line endings as in the file). */
  readonly source: string;
  readonly blocks: readonly Block[];
  readonly directives: readonly Directive[];
}

export interface Position {
  /** 1-based. */
  readonly line: number;
  /** 1-based, in UTF-16 code units, as ESLint counts. */
  readonly column: number;
}

/** Finds the segment covering a text offset; `end` offsets belong to the segment they close. */
function segmentAt(segments: readonly Segment[], offset: number, side: 'start' | 'end'): Segment {
  let low = 0;
  let high = segments.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    const start = segments[mid].textStart;
    if (side === 'start' ? start <= offset : start < offset) low = mid;
    else high = mid - 1;
  }
  return segments[low];
}

/**
 * Maps an offset in `block.text` to an offset in the document source. A `start` offset maps to the source
 * of the character at that offset; an `end` offset (exclusive) maps to just past the character before it.
 */
export function toSourceOffset(block: Block, textOffset: number, side: 'start' | 'end' = 'start'): number {
  const segment = segmentAt(block.segments, textOffset, side);
  return segment.sourceStart + (textOffset - segment.textStart);
}

/** Line starts of a source text; `\r\n`, `\n` and a lone `\r` each end a line. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(source: string) {
    // Without a CR, the native indexOf finds the line ends far faster than a loop over every character.
    if (!source.includes('\r')) {
      for (let end = source.indexOf('\n'); end !== -1; end = source.indexOf('\n', end + 1)) this.starts.push(end + 1);
      return;
    }
    for (let i = 0; i < source.length; i++) {
      const code = source.charCodeAt(i);
      if (code === 10) this.starts.push(i + 1);
      else if (code === 13) {
        if (source.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      }
    }
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** Source offset where a 1-based line starts. */
  lineStart(line: number): number {
    return this.starts[line - 1];
  }

  position(offset: number): Position {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - this.starts[low] + 1 };
  }
}

/**
 * Builds a block's text and segments piece by piece, so that parsers never do offset arithmetic by hand.
 */
export class BlockTextBuilder {
  private readonly parts: string[] = [];
  private readonly segments: Segment[] = [];
  private length = 0;
  private lastSourceEnd = -1;

  /** Appends text that stands in the source verbatim at `sourceStart`. */
  appendSource(text: string, sourceStart: number): void {
    if (text.length === 0) return;
    if (sourceStart !== this.lastSourceEnd || this.segments.length === 0) {
      this.segments.push({ textStart: this.length, sourceStart });
    }
    this.parts.push(text);
    this.length += text.length;
    this.lastSourceEnd = sourceStart + text.length;
  }

  /** Appends text that has no one-to-one source (a soft break, a placeholder); it maps to `sourceStart`. */
  appendSynthetic(text: string, sourceStart: number): void {
    if (text.length === 0) return;
    this.segments.push({ textStart: this.length, sourceStart });
    this.parts.push(text);
    this.length += text.length;
    // Force the next verbatim piece to open a new segment.
    this.lastSourceEnd = -1;
  }

  get textLength(): number {
    return this.length;
  }

  /** `emptySourceStart` places a block that received no text at all. */
  build(emptySourceStart: number): { text: string; segments: Segment[] } {
    const segments = this.segments.length > 0 ? this.segments : [{ textStart: 0, sourceStart: emptySourceStart }];
    return { text: this.parts.join(''), segments };
  }
}
