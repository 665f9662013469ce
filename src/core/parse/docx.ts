/**
 * Word (.docx) reader: one block per `w:p`, with the text Word shows. Runs are joined wherever they split
 * (formatting, bookmarks, hyperlinks, smart tags, content controls, fields); inserted text is shown, deleted
 * text and field codes are not. The automatic number Word draws before a paragraph leads the block text as
 * synthetic text at column 1, so rules see `一、` as if it had been typed.
 *
 * Positions: `source` is the visible text of every paragraph read, each followed by `\n`; `locate` turns a
 * source offset into (paragraph index among the `w:p` of its part, UTF-16 offset in its visible text).
 */
import { BlockTextBuilder, createBlock, OBJECT_REPLACEMENT, type Block, type DocxBlockOrigin, type DocxComment, type DocxPart, type DocxRevision, type DocxTextPiece, type GwDocument, type Position } from '../document.js';
import { openDocx, type DocxPackage } from '../docx/package.js';
import { childElements, firstChild, type XmlElement, type XmlNode } from '../docx/xml.js';
import { NumberingResolver } from '../docx/numbering.js';

const READ_PART_RELATIONSHIP = /\/(header|footer|footnotes|endnotes)$/;

/** Whether an on/off property (`w:vanish`, `w:b`) is on: present, unless its value says off. */
function isOn(element: XmlElement | undefined): boolean {
  if (!element) return false;
  const value = element.attributes['w:val'];
  return value === undefined || !(value === '0' || value === 'false' || value === 'off');
}

/** The branch of `mc:AlternateContent` Word shows: the first choice (Word writes the richer one first), else the fallback. */
export function chosenBranch(alternate: XmlElement): XmlElement | undefined {
  return firstChild(alternate, 'mc:Choice') ?? firstChild(alternate, 'mc:Fallback');
}

/** A character shown by `w:sym`: its code when it is a real character, OBJECT_REPLACEMENT for a symbol-font glyph. */
function symbolCharacter(element: XmlElement): string {
  const code = Number.parseInt(element.attributes['w:char'] ?? '', 16);
  if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff) return OBJECT_REPLACEMENT;
  // Symbol fonts (Wingdings, Symbol) address their glyphs in the private use area F000–F0FF: no Unicode meaning.
  if (code >= 0xe000 && code <= 0xf8ff) return OBJECT_REPLACEMENT;
  return String.fromCodePoint(code);
}

interface InlineFlags {
  readonly inField: boolean;
  readonly inInsertion: boolean;
  readonly inContentControl: boolean;
  readonly inHyperlink: boolean;
  /** Inside `w:del` or `w:moveFrom`: nothing is shown, deleted text is gathered for the revision. */
  readonly deleted: boolean;
}

const NO_FLAGS: InlineFlags = { inField: false, inInsertion: false, inContentControl: false, inHyperlink: false, deleted: false };

/** A revision found while reading a paragraph, offsets in the paragraph's own text (without its number). */
interface PendingRevision {
  kind: DocxRevision['kind'];
  author: string;
  date?: string;
  text: string;
  start: number;
  end: number;
}

/** A comment anchor seen in the part, waiting for the comment text from comments.xml. */
interface CommentAnchor {
  block?: Block;
  start: number;
  end?: number;
}

/** A piece as it is read: its offsets are added when it is appended. */
type PieceWithoutOffsets = Omit<DocxTextPiece, 'textStart' | 'textEnd'>;
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The visible text of one paragraph as it is read. */
class ParagraphText {
  /** Offsets in the paragraph's own text until finalPieces shifts them past a leading number. */
  private readonly pieces: Mutable<DocxTextPiece>[] = [];
  private readonly chunks: string[] = [];
  length = 0;
  readonly revisions: PendingRevision[] = [];
  readonly textBoxes: XmlElement[] = [];
  /** Comment ids whose range starts or ends in this paragraph, with offsets. */
  readonly commentStarts: { id: string; offset: number }[] = [];
  readonly commentEnds: { id: string; offset: number }[] = [];

  append(text: string, piece: PieceWithoutOffsets): void {
    if (text.length === 0) return;
    // The offsets are added to the piece itself: copying every piece with a spread cost 0.3 s over 2,000 drafts.
    const placed = piece as Mutable<DocxTextPiece>;
    placed.textStart = this.length;
    placed.textEnd = this.length + text.length;
    this.pieces.push(placed);
    this.chunks.push(text);
    this.length += text.length;
  }

  get text(): string {
    return this.chunks.join('');
  }

  /** How many pieces have been appended: a mark for textSince. */
  get mark(): number {
    return this.chunks.length;
  }

  /** The text appended since a mark; joins only those pieces, so a paragraph of many revisions stays linear. */
  textSince(mark: number): string {
    return this.chunks.slice(mark).join('');
  }

  /** The pieces with their offsets, shifted by the length of a leading number; call once, when the paragraph is read. */
  finalPieces(shift: number): DocxTextPiece[] {
    if (shift !== 0) {
      for (const piece of this.pieces) {
        piece.textStart += shift;
        piece.textEnd += shift;
      }
    }
    return this.pieces;
  }
}

/** Field state of a part: fields can span runs and paragraphs; their code is hidden, their result shown. */
interface OpenField {
  showingResult: boolean;
}

interface PartContext {
  readonly part: DocxPart;
  readonly partName: string;
  /** `w:p` elements met so far in this part, in document order. */
  paragraphCount: number;
  readonly fields: OpenField[];
}

interface BlockContext {
  readonly table?: { readonly row: number; readonly column: number };
}

function revisionInfo(element: XmlElement): { author: string; date?: string } {
  const author = element.attributes['w:author'] ?? '';
  const date = element.attributes['w:date'];
  return date === undefined ? { author } : { author, date };
}

class DocxReader {
  readonly blocks: Block[] = [];
  readonly revisions: DocxRevision[] = [];
  private readonly sourceChunks: string[] = [];
  private sourceLength = 0;
  /** For locate: each paragraph's source start, line and part, in source order. */
  private readonly paragraphStarts: number[] = [];
  private readonly paragraphLines: number[] = [];
  private readonly paragraphParts: DocxPart[] = [];
  readonly commentAnchors = new Map<string, CommentAnchor>();

  constructor(private readonly numbering: NumberingResolver) {}

  get locate(): (offset: number) => Position {
    return locator(this.paragraphStarts, this.paragraphLines, this.paragraphParts);
  }

  get source(): string {
    return this.sourceChunks.join('');
  }

  readPart(part: DocxPart, partName: string, root: XmlElement): void {
    const context: PartContext = { part, partName, paragraphCount: 0, fields: [] };
    if (part === 'footnote' || part === 'endnote') {
      for (const note of root.children) {
        if (note.type !== 'element') continue;
        const type = note.attributes['w:type'];
        // Separators are Word's own lines above the notes: counted as paragraphs, not read as text.
        const skip = type === 'separator' || type === 'continuationSeparator' || type === 'continuationNotice';
        if (skip) context.paragraphCount += countParagraphs(note);
        else this.readBlocks(note, context, {});
      }
      return;
    }
    const container = part === 'body' ? (firstChild(root, 'w:body') ?? root) : root;
    this.readBlocks(container, context, {});
  }

  private readBlocks(container: XmlElement, context: PartContext, blockContext: BlockContext): void {
    for (const node of container.children) {
      if (node.type !== 'element') continue;
      switch (node.name) {
        case 'w:p':
          this.readParagraph(node, context, blockContext);
          break;
        case 'w:tbl':
          this.readTable(node, context);
          break;
        case 'mc:AlternateContent': {
          const branch = chosenBranch(node);
          if (branch) this.readBlocks(branch, context, blockContext);
          break;
        }
        case 'w:sectPr':
        case 'w:tblPr':
        case 'w:tblGrid':
        case 'w:sdtPr':
        case 'w:sdtEndPr':
          break;
        default:
          // Content controls (`w:sdt`/`w:sdtContent`), custom XML and the like only wrap paragraphs.
          this.readBlocks(node, context, blockContext);
      }
    }
  }

  private readTable(table: XmlElement, context: PartContext): void {
    let row = 0;
    const readRows = (container: XmlElement): void => {
      for (const node of container.children) {
        if (node.type !== 'element') continue;
        if (node.name === 'w:tr') {
          let column = 0;
          const readCells = (rowElement: XmlElement): void => {
            for (const cell of rowElement.children) {
              if (cell.type !== 'element') continue;
              if (cell.name === 'w:tc') {
                this.readBlocks(cell, context, { table: { row, column } });
                const span = Number(firstChild(firstChild(cell, 'w:tcPr') ?? cell, 'w:gridSpan')?.attributes['w:val'] ?? 1);
                column += Number.isInteger(span) && span > 0 ? span : 1;
              } else if (cell.name === 'w:sdt' || cell.name === 'w:sdtContent' || cell.name === 'w:customXml') readCells(cell);
            }
          };
          readCells(node);
          row++;
        } else if (node.name === 'w:sdt' || node.name === 'w:sdtContent' || node.name === 'w:customXml') readRows(node);
      }
    };
    readRows(table);
  }

  private readParagraph(paragraph: XmlElement, context: PartContext, blockContext: BlockContext): void {
    context.paragraphCount++;
    const line = context.paragraphCount;
    const text = new ParagraphText();
    const properties = firstChild(paragraph, 'w:pPr');
    this.readInline(paragraph, text, context, NO_FLAGS);
    const numbered = this.numbering.marker(properties);
    const marker = numbered?.text;

    const visible = text.text;
    const sourceStart = this.sourceLength;
    this.sourceChunks.push(visible, '\n');
    this.sourceLength += visible.length + 1;
    this.paragraphStarts.push(sourceStart);
    this.paragraphLines.push(line);
    this.paragraphParts.push(context.part);

    const builder = new BlockTextBuilder();
    const pieces: DocxTextPiece[] = [];
    const shift = marker?.length ?? 0;
    if (marker) {
      // Each character of the number maps to column 1: a finding on the number points at the paragraph's start.
      for (const character of marker) builder.appendSynthetic(character, sourceStart);
      pieces.push({ textStart: 0, textEnd: marker.length, kind: 'numbering' });
    }
    builder.appendSource(visible, sourceStart);
    pieces.push(...text.finalPieces(shift));
    const built = builder.build(sourceStart);
    // Every field present, undefined where there is no number: one shape for every paragraph (see createBlock).
    const origin: DocxBlockOrigin = {
      part: context.part,
      partName: context.partName,
      paragraph: line,
      element: paragraph,
      numbering: numbered?.text,
      numberingLevel: numbered?.level,
      pieces,
    };
    const kind = blockContext.table ? 'table-cell' : 'paragraph';
    const block = createBlock(this.blocks.length, kind, built.text, built.segments, 0, 0, { table: blockContext.table, docx: origin }, built.verbatim);
    this.blocks.push(block);
    this.addRevisions(block, text, properties, shift);
    for (const { id, offset } of text.commentStarts) this.commentAnchors.set(id, { block, start: offset + shift });
    for (const { id, offset } of text.commentEnds) {
      const anchor = this.commentAnchors.get(id);
      // A range that starts in an earlier paragraph is reported where it starts, up to that paragraph's end.
      if (anchor?.block === block) anchor.end = offset + shift;
      else if (anchor?.block && anchor.end === undefined) anchor.end = anchor.block.text.length;
    }

    // Text boxes anchored in this paragraph: their paragraphs follow it in document order.
    for (const content of text.textBoxes) this.readBlocks(content, context, {});
  }

  /** Adds the paragraph's revisions, merging adjacent ones of the same kind and author as Word lists them. */
  private addRevisions(block: Block, text: ParagraphText, properties: XmlElement | undefined, shift: number): void {
    const found = text.revisions;
    const paragraphChange = properties && firstChild(properties, 'w:pPrChange');
    if (paragraphChange) found.unshift({ kind: 'formatting', ...revisionInfo(paragraphChange), text: '', start: 0, end: text.length });
    const markProperties = properties && firstChild(properties, 'w:rPr');
    for (const [name, kind] of [['w:ins', 'insertion'], ['w:del', 'deletion']] as const) {
      const mark = markProperties && firstChild(markProperties, name);
      if (mark) found.push({ kind, ...revisionInfo(mark), text: '', start: text.length, end: text.length });
    }
    let previous: DocxRevision | undefined;
    for (const revision of found) {
      const start = revision.start + shift;
      const end = revision.end + shift;
      if (
        previous &&
        previous.kind === revision.kind &&
        previous.author === revision.author &&
        previous.end === start &&
        (revision.kind !== 'deletion' || previous.start === start)
      ) {
        previous = { ...previous, text: previous.text + revision.text, end };
        this.revisions[this.revisions.length - 1] = previous;
        continue;
      }
      previous = { kind: revision.kind, author: revision.author, ...(revision.date === undefined ? {} : { date: revision.date }), text: revision.text, block, start, end };
      this.revisions.push(previous);
    }
  }

  private fieldsShowText(context: PartContext): boolean {
    for (const field of context.fields) if (!field.showingResult) return false;
    return true;
  }

  /** Reads the inline content of a paragraph (or of anything wrapping runs) into its text. */
  private readInline(container: XmlElement, text: ParagraphText, context: PartContext, flags: InlineFlags, deletedText?: string[]): void {
    for (const node of container.children) {
      if (node.type !== 'element') continue;
      switch (node.name) {
        case 'w:pPr':
        case 'w:bookmarkStart':
        case 'w:bookmarkEnd':
        case 'w:proofErr':
        case 'w:permStart':
        case 'w:permEnd':
        case 'w:sdtPr':
        case 'w:sdtEndPr':
          break;
        case 'w:r':
          this.readRun(node, text, context, flags, deletedText);
          break;
        case 'w:ins':
        case 'w:moveTo': {
          const start = text.length;
          const mark = text.mark;
          this.readInline(node, text, context, { ...flags, inInsertion: true }, deletedText);
          if (!flags.deleted) {
            const kind = node.name === 'w:ins' ? 'insertion' : 'move-to';
            text.revisions.push({ kind, ...revisionInfo(node), text: text.textSince(mark), start, end: text.length });
          }
          break;
        }
        case 'w:del':
        case 'w:moveFrom': {
          const gathered: string[] = [];
          this.readInline(node, text, context, { ...flags, deleted: true }, gathered);
          const kind = node.name === 'w:del' ? 'deletion' : 'move-from';
          text.revisions.push({ kind, ...revisionInfo(node), text: gathered.join(''), start: text.length, end: text.length });
          break;
        }
        case 'w:hyperlink':
          this.readInline(node, text, context, { ...flags, inHyperlink: true }, deletedText);
          break;
        case 'w:sdt':
        case 'w:sdtContent':
          this.readInline(node, text, context, { ...flags, inContentControl: true }, deletedText);
          break;
        case 'w:fldSimple':
          this.readInline(node, text, context, { ...flags, inField: true }, deletedText);
          break;
        case 'w:commentRangeStart':
          if (!flags.deleted) text.commentStarts.push({ id: node.attributes['w:id'] ?? '', offset: text.length });
          break;
        case 'w:commentRangeEnd':
          if (!flags.deleted) text.commentEnds.push({ id: node.attributes['w:id'] ?? '', offset: text.length });
          break;
        case 'mc:AlternateContent': {
          const branch = chosenBranch(node);
          if (branch) this.readInline(branch, text, context, flags, deletedText);
          break;
        }
        case 'm:oMath':
        case 'm:oMathPara':
          if (!flags.deleted && this.fieldsShowText(context)) text.append(OBJECT_REPLACEMENT, { kind: 'symbol', element: node, ...pieceFlags(flags) });
          break;
        default:
          // Smart tags, custom XML, `w:dir`, `w:bdo` and other wrappers: their runs are the paragraph's text.
          this.readInline(node, text, context, flags, deletedText);
      }
    }
  }

  /** A character an element of a run shows (tab, break, symbol, object), when the run is shown. */
  private appendSymbol(character: string, element: XmlElement, run: XmlElement, text: ParagraphText, context: PartContext, flags: InlineFlags, hidden: boolean): void {
    if (!flags.deleted && !hidden && this.fieldsShowText(context)) text.append(character, runPiece('symbol', element, run, flags, context));
  }

  /**
   * Reads a run's content (`content`: its children, or those of the branch of alternate content it holds, whose
   * properties then are the branch's own).
   */
  private readRun(run: XmlElement, text: ParagraphText, context: PartContext, flags: InlineFlags, deletedText: string[] | undefined, content: readonly XmlNode[] = run.children): void {
    const properties = content === run.children ? firstChild(run, 'w:rPr') : content.find((node): node is XmlElement => node.type === 'element' && node.name === 'w:rPr');
    const hidden = properties !== undefined && isOn(firstChild(properties, 'w:vanish'));
    const runStart = text.length;
    const runMark = text.mark;
    for (const node of content) {
      if (node.type !== 'element') continue;
      switch (node.name) {
        case 'w:t':
          if (flags.deleted) deletedText?.push(elementText(node));
          else if (!hidden && this.fieldsShowText(context)) text.append(elementText(node), runPiece('text', node, run, flags, context));
          break;
        case 'w:delText':
          deletedText?.push(elementText(node));
          break;
        case 'w:tab':
        case 'w:ptab':
          if (flags.deleted) deletedText?.push('\t');
          this.appendSymbol('\t', node, run, text, context, flags, hidden);
          break;
        case 'w:br':
        case 'w:cr':
          if (flags.deleted) deletedText?.push('\n');
          this.appendSymbol('\n', node, run, text, context, flags, hidden);
          break;
        case 'w:noBreakHyphen':
          this.appendSymbol('-', node, run, text, context, flags, hidden);
          break;
        case 'w:sym':
          this.appendSymbol(symbolCharacter(node), node, run, text, context, flags, hidden);
          break;
        case 'w:fldChar': {
          const type = node.attributes['w:fldCharType'];
          if (type === 'begin') context.fields.push({ showingResult: false });
          else if (type === 'separate') {
            const field = context.fields[context.fields.length - 1];
            if (field) field.showingResult = true;
          } else if (type === 'end') context.fields.pop();
          break;
        }
        case 'w:drawing':
        case 'w:pict':
        case 'w:object':
          // A picture or text box stands in the text as one object; a text box's paragraphs are read after this one.
          this.appendSymbol(OBJECT_REPLACEMENT, node, run, text, context, flags, hidden);
          if (!flags.deleted) collectTextBoxes(node, text.textBoxes);
          break;
        case 'mc:AlternateContent': {
          const branch = chosenBranch(node);
          if (branch) this.readRun(run, text, context, flags, deletedText, branch.children);
          break;
        }
        case 'w:ruby': {
          // Only the base text is on the line; the ruby text is a small annotation above it.
          const base = firstChild(node, 'w:rubyBase');
          if (base) this.readInline(base, text, context, flags, deletedText);
          break;
        }
        case 'w:commentReference':
          if (!flags.deleted && !this.commentAnchors.has(node.attributes['w:id'] ?? '') && !text.commentStarts.some((start) => start.id === node.attributes['w:id'])) {
            // Without a range, the comment is anchored at its reference mark.
            text.commentStarts.push({ id: node.attributes['w:id'] ?? '', offset: text.length });
          }
          break;
        default:
          break;
      }
    }
    const change = properties && firstChild(properties, 'w:rPrChange');
    if (change && !flags.deleted && text.length > runStart) {
      text.revisions.push({ kind: 'formatting', ...revisionInfo(change), text: text.textSince(runMark), start: runStart, end: text.length });
    }
  }
}

/** A piece of a run, built in one object (a spread of its flags cost an object more per piece). */
function runPiece(kind: 'text' | 'symbol', element: XmlElement, run: XmlElement, flags: InlineFlags, context: PartContext): PieceWithoutOffsets {
  const piece: Mutable<PieceWithoutOffsets> = { kind, element, run };
  if (flags.inField || context.fields.length > 0) piece.inField = true;
  if (flags.inInsertion) piece.inInsertion = true;
  if (flags.inContentControl) piece.inContentControl = true;
  if (flags.inHyperlink) piece.inHyperlink = true;
  return piece;
}

function pieceFlags(flags: InlineFlags): Pick<DocxTextPiece, 'inField' | 'inInsertion' | 'inContentControl' | 'inHyperlink'> {
  return {
    ...(flags.inField ? { inField: true } : {}),
    ...(flags.inInsertion ? { inInsertion: true } : {}),
    ...(flags.inContentControl ? { inContentControl: true } : {}),
    ...(flags.inHyperlink ? { inHyperlink: true } : {}),
  };
}

function elementText(element: XmlElement): string {
  let text = '';
  for (const child of element.children) if (child.type === 'text') text += child.text;
  return text;
}

/** Finds `w:txbxContent` below a drawing, taking one branch of each `mc:AlternateContent`. */
function collectTextBoxes(node: XmlElement, found: XmlElement[]): void {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (child.name === 'w:txbxContent') found.push(child);
    else if (child.name === 'mc:AlternateContent') {
      const branch = chosenBranch(child);
      if (branch) collectTextBoxes(branch, found);
    } else collectTextBoxes(child, found);
  }
}

/** Counts the `w:p` elements below a node, as Word would show them (one branch of alternate content). */
function countParagraphs(node: XmlElement): number {
  let count = 0;
  const visit = (children: readonly XmlNode[]): void => {
    for (const child of children) {
      if (child.type !== 'element') continue;
      if (child.name === 'w:p') count++;
      if (child.name === 'mc:AlternateContent') {
        const branch = chosenBranch(child);
        if (branch) visit(branch.children);
      } else visit(child.children);
    }
  };
  visit(node.children);
  return count;
}

const PART_OF_RELATIONSHIP: Readonly<Record<string, DocxPart>> = { header: 'header', footer: 'footer', footnotes: 'footnote', endnotes: 'endnote' };

/** The parts read after the body, in the order their blocks follow: headers, footers, footnotes, endnotes. */
function otherParts(pkg: DocxPackage): { part: DocxPart; partName: string }[] {
  const order: DocxPart[] = ['header', 'footer', 'footnote', 'endnote'];
  const parts: { part: DocxPart; partName: string }[] = [];
  const seen = new Set<string>();
  for (const relationship of pkg.relationships(pkg.mainDocument)) {
    const match = READ_PART_RELATIONSHIP.exec(relationship.type);
    const part = match ? PART_OF_RELATIONSHIP[match[1]] : undefined;
    if (!part || relationship.external || seen.has(relationship.target)) continue;
    seen.add(relationship.target);
    parts.push({ part, partName: relationship.target });
  }
  return parts.sort((a, b) => order.indexOf(a.part) - order.indexOf(b.part));
}

/** The comments part of the main document, when it has one. */
function commentsPart(pkg: DocxPackage): string | undefined {
  return pkg.relationships(pkg.mainDocument).find((relationship) => !relationship.external && /\/comments$/.test(relationship.type))?.target;
}

/** The text of a comment: its paragraphs' visible text, one per line. */
function commentText(comment: XmlElement): string {
  const reader = new DocxReader(NumberingResolver.none());
  reader.readPart('body', 'comment', comment);
  return reader.blocks.map((block) => block.text).join('\n');
}

function readComments(pkg: DocxPackage, anchors: ReadonlyMap<string, CommentAnchor>): DocxComment[] {
  const partName = commentsPart(pkg);
  const root = partName === undefined ? undefined : pkg.xml(partName);
  if (!root) return [];
  const comments: DocxComment[] = [];
  for (const comment of childElements(root, 'w:comment')) {
    const anchor = anchors.get(comment.attributes['w:id'] ?? '');
    if (!anchor?.block) continue;
    const { author, date } = revisionInfo(comment);
    comments.push({ author, ...(date === undefined ? {} : { date }), text: commentText(comment), block: anchor.block, start: anchor.start, end: Math.max(anchor.start, anchor.end ?? anchor.start) });
  }
  return comments.sort((a, b) => a.block.index - b.block.index || a.start - b.start);
}

function locator(starts: readonly number[], lines: readonly number[], parts: readonly DocxPart[]): (offset: number) => Position {
  return (offset: number): Position => {
    let low = 0;
    let high = starts.length - 1;
    if (high < 0) return { line: 1, column: 1 };
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    const part = parts[low];
    const position = { line: lines[low], column: offset - starts[low] + 1 };
    return part === 'body' ? position : { ...position, part };
  };
}

/** Reads a .docx from its bytes into the document model. Throws DocxError (Chinese message) when it cannot. */
export function parseDocx(bytes: Uint8Array): GwDocument {
  const pkg = openDocx(bytes);
  const reader = new DocxReader(NumberingResolver.fromPackage(pkg));
  const main = pkg.xml(pkg.mainDocument);
  if (main) reader.readPart('body', pkg.mainDocument, main);
  for (const { part, partName } of otherParts(pkg)) {
    const root = pkg.xml(partName);
    if (root) reader.readPart(part, partName, root);
  }
  const comments = readComments(pkg, reader.commentAnchors);
  return {
    format: 'docx',
    source: reader.source,
    blocks: reader.blocks,
    directives: [],
    locate: reader.locate,
    docx: { package: pkg, revisions: reader.revisions, comments },
  };
}
