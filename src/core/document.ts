/**
 * The document model: the one seam between input formats (Markdown, plain text, Word) and rules.
 * A document is an ordered list of blocks; each block has its visible text and a map from text offsets
 * to offsets in the decoded source. Rules only ever see this; all line/column maths lives here.
 */
import type { DocxPackage } from './docx/package.js';
import type { XmlElement } from './docx/xml.js';

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
  /** Word only: the paragraph this block was read from. */
  readonly docx?: DocxBlockOrigin;
  /**
   * True when `text` is the source from `segments[0].sourceStart` on, character for character: one piece of it,
   * nothing synthetic. The trigger scan then reads the source, a flat string, instead of the text, a slice of it.
   */
  readonly verbatim?: boolean;
}

/** The fields a block of some kinds and formats has and others lack. */
export type BlockDetails = Pick<Block, 'depth' | 'listMarker' | 'ordered' | 'table' | 'docx'>;

/**
 * A block with every field present, in one order, those it lacks undefined: to V8 every block then has one
 * shape, and the rules' compiled code meets no new shape of block part-way through a run (a first list item,
 * table cell or heading with a finding), which would throw that code away to be compiled again.
 */
export function createBlock(
  index: number,
  kind: BlockKind,
  text: string,
  segments: readonly Segment[],
  listDepth: number,
  quoteDepth: number,
  details?: BlockDetails,
  verbatim = false,
): Block {
  return {
    index,
    kind,
    text,
    depth: details?.depth,
    listMarker: details?.listMarker,
    ordered: details?.ordered,
    listDepth,
    quoteDepth,
    table: details?.table,
    segments,
    docx: details?.docx,
    verbatim,
  };
}

/** The parts of a Word package whose paragraphs become blocks. */
export type DocxPart = 'body' | 'header' | 'footer' | 'footnote' | 'endnote';

/** How messages, reports and the page name the parts of a Word document other than its body. */
export const DOCX_PART_LABELS: Readonly<Record<Exclude<DocxPart, 'body'>, string>> = { header: '页眉', footer: '页脚', footnote: '脚注', endnote: '尾注' };

/** Where a block of a Word document comes from. */
export interface DocxBlockOrigin {
  readonly part: DocxPart;
  /** The part's name in the package, such as `word/footer1.xml`. */
  readonly partName: string;
  /**
   * 1-based index of the paragraph among all `w:p` elements of its part, in document order (empty, table-cell,
   * text-box and note-separator paragraphs count; of `mc:AlternateContent`, only the branch read counts).
   */
  readonly paragraph: number;
  /** The `w:p` element, for rules that read formatting. */
  readonly element: XmlElement;
  /** The automatic number as Word shows it (`一、`, `（1）`), when Word numbers the paragraph; it also leads `text`. */
  readonly numbering?: string;
  /**
   * The numbering level that draws `numbering` (`abstractNumId:ilvl`): paragraphs sharing it share its form,
   * so a finding on the form of the number is reported once, on the first of them.
   */
  readonly numberingLevel?: string;
  /** Where each piece of `text` comes from in the part's XML, in text order: what write-back edits. */
  readonly pieces: readonly DocxTextPiece[];
}

/**
 * A piece of a Word block's visible text and the XML that shows it. Write-back replaces the content of a
 * `text` piece's `w:t` element (escaped anew), so a fix edits exactly the runs it touches.
 */
export interface DocxTextPiece {
  /** Offsets of the piece in the block's text; `textEnd` is exclusive. */
  readonly textStart: number;
  readonly textEnd: number;
  /**
   * `text`: the content of a `w:t` element. `symbol`: a character shown by an element (`w:tab`, `w:br`,
   * `w:noBreakHyphen`, `w:sym`…). `numbering`: an automatic number, which lives in numbering.xml.
   */
  readonly kind: 'text' | 'symbol' | 'numbering';
  /** The `w:t` (or symbol) element; absent for `numbering`. */
  readonly element?: XmlElement;
  /** The run (`w:r`) holding the element: its formatting is what a tracked change must repeat. */
  readonly run?: XmlElement;
  /** What encloses the run, for deciding whether a fix may touch it. */
  readonly inField?: boolean;
  readonly inInsertion?: boolean;
  readonly inContentControl?: boolean;
  readonly inHyperlink?: boolean;
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

export type DocumentFormat = 'markdown' | 'text' | 'docx';

export interface GwDocument {
  readonly format: DocumentFormat;
  /**
   * The decoded source text (BOM removed, line endings as in the file). For Word, the visible text of every
   * paragraph of every part read, one after another; `locate` turns its offsets into paragraph positions.
   */
  readonly source: string;
  readonly blocks: readonly Block[];
  readonly directives: readonly Directive[];
  /** Replaces line-and-column counting over `source`: for Word, a line is a paragraph (see Position). */
  readonly locate?: (sourceOffset: number) => Position;
  /** Word only: what rules need beyond the text (package, revisions, comments). */
  readonly docx?: DocxDocument;
}

/** A reviewer's mark in a Word document: who made it, its text, and the span of a block it stands on. */
interface DocxReviewMark {
  readonly author: string;
  /** ISO date as Word wrote it, when it did. */
  readonly date?: string;
  readonly text: string;
  readonly block: Block;
  readonly start: number;
  readonly end: number;
}

/**
 * A tracked change Word has not had accepted or rejected. `text` is the inserted, deleted or moved text ('' for a
 * formatting change); a deletion is an empty span where its text was.
 */
export interface DocxRevision extends DocxReviewMark {
  readonly kind: 'insertion' | 'deletion' | 'move-from' | 'move-to' | 'formatting';
}

/** A comment (批注) anchored in the document; `text` is the comment's. */
export type DocxComment = DocxReviewMark;

export interface DocxDocument {
  readonly package: DocxPackage;
  readonly revisions: readonly DocxRevision[];
  readonly comments: readonly DocxComment[];
}

export interface Position {
  /** 1-based. For Word: the paragraph's index among the `w:p` elements of its part. */
  readonly line: number;
  /** 1-based, in UTF-16 code units, as ESLint counts. For Word: the offset in the paragraph's visible text. */
  readonly column: number;
  /** Word only: the part, when it is not the main body. */
  readonly part?: Exclude<DocxPart, 'body'>;
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

  /** The 1-based line a source offset is on. */
  lineOf(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  }

  position(offset: number): Position {
    const line = this.lineOf(offset);
    return { line, column: offset - this.starts[line - 1] + 1 };
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
  private synthetic = false;

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
    this.synthetic = true;
    // Force the next verbatim piece to open a new segment.
    this.lastSourceEnd = -1;
  }

  get textLength(): number {
    return this.length;
  }

  /**
   * `emptySourceStart` places a block that received no text at all. `verbatim` (see Block) when every piece was the
   * source's, one after another.
   */
  build(emptySourceStart: number): { text: string; segments: Segment[]; verbatim: boolean } {
    const segments = this.segments.length > 0 ? this.segments : [{ textStart: 0, sourceStart: emptySourceStart }];
    return { text: this.parts.join(''), segments, verbatim: !this.synthetic && segments.length === 1 };
  }
}
