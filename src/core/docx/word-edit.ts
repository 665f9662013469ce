/**
 * Plans edits to the parts of a Word package from changes in block text: fixes (written directly into the
 * `w:t` elements they touch, or as tracked changes) and comment anchors. A run is split only where an
 * edit needs it, and every part of a split run repeats the run's own start tag and `w:rPr`, so formatting
 * is never merged or lost; everything else in the part stays byte for byte as it was.
 */
import type { Block, DocxTextPiece } from '../document.js';
import type { XmlElement, XmlNode } from './xml.js';
import { applyXmlEdits, escapeXmlAttribute, escapeXmlText, needsPreserve, textElement, xmlSafe, type XmlEdit } from './xml-edit.js';

/** The author of every tracked change and comment gongwen-lint writes. */
export const GONGWEN_AUTHOR = 'gongwen-lint';

/** Why a fix was left as a finding instead of being written into the Word file. */
export type RefusalReason =
  | 'field'
  | 'numbering'
  | 'deleted-revision'
  | 'content-control'
  | 'text-box'
  | 'symbol'
  | 'other-insertion'
  | 'paragraphs'
  | 'no-text'
  | 'mismatch';

export const REFUSAL_MESSAGES: Readonly<Record<RefusalReason, string>> = {
  field: '修正处在 Word 域（页码、目录、引用等）中，域更新时会被覆盖',
  numbering: '修正涉及 Word 自动编号，编号不在段落文字中，而由 numbering.xml 的编号定义生成',
  'deleted-revision': '修正跨过一处尚未处理的删除修订',
  'content-control': '修正跨过内容控件的边界',
  'text-box': '修正处在文本框中：文本框的文字在文件中存有新旧两种格式的两份，只改一份会让两者不一致',
  symbol: '修正涉及制表符、换行或符号',
  'other-insertion': '修正处在他人尚未处理的插入修订中，请先接受或拒绝该修订',
  paragraphs: '修正跨过段落或要新起一段',
  'no-text': '段落中没有可编辑的文字',
  mismatch: '修正与段落文字对不上',
};

export interface RevisionStamp {
  readonly author: string;
  /** ISO 8601 without milliseconds, as Word writes `w:date`. */
  readonly date: string;
}

/** A change in one block's text: `text` replaces `[start, end)`. */
export interface BlockChange {
  readonly block: Block;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** `xmlns:w` as Word binds it; edits write `w:` names, so a part must bind that prefix to WordprocessingML. */
const WORDPROCESSINGML = /xmlns:w="(http:\/\/schemas\.openxmlformats\.org\/wordprocessingml\/2006\/main|http:\/\/purl\.oclc\.org\/ooxml\/wordprocessingml\/main)"/;

export function bindsWordPrefix(partText: string, root: XmlElement): boolean {
  return WORDPROCESSINGML.test(partText.slice(root.start, root.contentStart));
}

/** An ISO date for `w:date`: Word writes whole seconds. */
export function wordDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

interface TextEditInElement {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** A tracked replacement inside one `w:t`: the deleted and inserted text get their own revision ids. */
interface TrackedEdit extends TextEditInElement {
  readonly element: XmlElement;
  readonly deleteId?: number;
  readonly insertId?: number;
}

/** XML to put at a point of a run's text: before the character at `offset` of the element (or after its last). */
interface Marker {
  readonly element: XmlElement;
  readonly offset: number;
  readonly xml: string;
}

interface RunPlan {
  readonly run: XmlElement;
  readonly tracked: TrackedEdit[];
  readonly markers: Marker[];
}

const BARRIERS: Readonly<Record<string, RefusalReason>> = {
  'w:del': 'deleted-revision',
  'w:moveFrom': 'deleted-revision',
  'w:fldChar': 'field',
  'w:instrText': 'field',
  'w:fldSimple': 'field',
  'w:sdt': 'content-control',
};

/** Characters of a text piece's element, which must hold exactly the piece's text. */
function elementText(element: XmlElement): string {
  let text = '';
  for (const child of element.children) if (child.type === 'text') text += child.text;
  return text;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** Shrinks a replacement to what really changes: `，；` → `；` deletes only the `，`, in its own run. */
function minimalChange(change: BlockChange): BlockChange {
  const old = change.block.text.slice(change.start, change.end);
  const replacement = change.text;
  let prefix = 0;
  while (prefix < old.length && prefix < replacement.length && old[prefix] === replacement[prefix]) prefix++;
  if (prefix > 0 && isHighSurrogate(old.charCodeAt(prefix - 1))) prefix--;
  let suffix = 0;
  while (suffix < old.length - prefix && suffix < replacement.length - prefix && old[old.length - 1 - suffix] === replacement[replacement.length - 1 - suffix]) suffix++;
  if (suffix > 0 && isHighSurrogate(old.charCodeAt(old.length - suffix - 1))) suffix--;
  return { block: change.block, start: change.start + prefix, end: change.end - suffix, text: replacement.slice(prefix, replacement.length - suffix) };
}

/** Ancestors of every element below a paragraph, nearest first. */
function ancestorsIn(paragraph: XmlElement, target: XmlElement): XmlElement[] {
  const path: XmlElement[] = [];
  const visit = (node: XmlElement): boolean => {
    if (node === target) return true;
    for (const child of node.children) {
      if (child.type === 'element' && child.start <= target.start && child.end >= target.end && visit(child)) {
        path.push(node);
        return true;
      }
    }
    return false;
  };
  visit(paragraph);
  return path;
}

/** Edits of one part, gathered from many changes and comments, then turned into XML edits at once. */
export class PartEditor {
  private readonly runs = new Map<XmlElement, RunPlan>();
  private readonly direct = new Map<XmlElement, TextEditInElement[]>();
  private readonly insertions: XmlEdit[] = [];

  /** Paragraphs inside text boxes and other alternate content: Word keeps a second copy of them (`mc:Fallback`). */
  private readonly inAlternateContent = new Set<XmlElement>();
  /** Paragraphs inside a block-level content control: LibreOffice 7.4 loses their text when they hold a comment. */
  private readonly inContentControl = new Set<XmlElement>();

  constructor(
    readonly partName: string,
    private readonly text: string,
    root: XmlElement,
    private readonly nextId: () => number,
  ) {
    const visit = (node: XmlElement, alternate: boolean, control: boolean): void => {
      for (const child of node.children) {
        if (child.type !== 'element') continue;
        if (child.name === 'w:p') {
          if (alternate) this.inAlternateContent.add(child);
          if (control) this.inContentControl.add(child);
        }
        visit(child, alternate || child.name === 'mc:AlternateContent' || child.name === 'w:txbxContent', control || child.name === 'w:sdt');
      }
    };
    visit(root, false, false);
  }

  private readonly runsByParagraph = new Map<XmlElement, Set<XmlElement>>();

  /**
   * Whether a piece sits directly in a real run of the paragraph: a run read through `mc:AlternateContent`
   * is a copy whose children are the chosen branch's, and rebuilding it would drop the wrapper.
   */
  private inRealRun(paragraph: XmlElement, piece: DocxTextPiece): boolean {
    let runs = this.runsByParagraph.get(paragraph);
    if (!runs) {
      const found = new Set<XmlElement>();
      const visit = (node: XmlElement): void => {
        for (const child of node.children) {
          if (child.type !== 'element') continue;
          if (child.name === 'w:r') found.add(child);
          visit(child);
        }
      };
      visit(paragraph);
      runs = found;
      this.runsByParagraph.set(paragraph, runs);
    }
    return piece.run !== undefined && piece.element !== undefined && runs.has(piece.run) && piece.run.children.includes(piece.element);
  }

  get isEmpty(): boolean {
    return this.runs.size === 0 && this.direct.size === 0 && this.insertions.length === 0;
  }

  private plan(run: XmlElement): RunPlan {
    let plan = this.runs.get(run);
    if (!plan) {
      plan = { run, tracked: [], markers: [] };
      this.runs.set(run, plan);
    }
    return plan;
  }

  /**
   * Plans a fix, directly or (with `stamp`) as a tracked change. Returns why it cannot be applied safely,
   * or undefined when it is planned (or changes nothing).
   */
  planChange(original: BlockChange, stamp?: RevisionStamp): RefusalReason | undefined {
    const origin = original.block.docx;
    if (!origin) return 'mismatch';
    const change = minimalChange(original);
    if (change.start === change.end && change.text === '') return undefined;
    if (this.inAlternateContent.has(origin.element)) return 'text-box';
    const pieces = origin.pieces;
    const numberingEnd = pieces[0]?.kind === 'numbering' ? pieces[0].textEnd : 0;
    if (change.start < numberingEnd) return 'numbering';

    let touched: DocxTextPiece[];
    if (change.start < change.end) {
      touched = pieces.filter((piece) => piece.textStart < change.end && piece.textEnd > change.start);
    } else {
      // Typed text continues the run before it; at the very start of the paragraph, the first run.
      const inside = pieces.find((piece) => piece.kind === 'text' && piece.textStart < change.start && change.start < piece.textEnd);
      const before = pieces.find((piece) => piece.kind === 'text' && piece.textEnd === change.start);
      const after = pieces.find((piece) => piece.kind === 'text' && piece.textStart === change.start);
      const chosen = inside ?? before ?? after;
      touched = chosen ? [chosen] : [];
    }
    if (touched.length === 0) return 'no-text';
    for (const piece of touched) {
      if (piece.kind === 'numbering') return 'numbering';
      if (piece.inField) return 'field';
      if (piece.kind !== 'text' || !piece.element || !piece.run || !this.inRealRun(origin.element, piece)) return 'symbol';
      if (elementText(piece.element).length !== piece.textEnd - piece.textStart) return 'mismatch';
    }
    const barrier = this.barrierBetween(origin.element, touched[0].element!, touched[touched.length - 1].element!);
    if (barrier) return barrier;

    // Revisions already in the file stay as they are: only gongwen-lint's own insertions may be edited.
    const ownInsertion = new Set<DocxTextPiece>();
    for (const piece of touched) {
      if (!piece.inInsertion) continue;
      const insertion = ancestorsIn(origin.element, piece.run!).find((element) => element.name === 'w:ins' || element.name === 'w:moveTo');
      if (!insertion || insertion.name !== 'w:ins' || insertion.attributes['w:author'] !== (stamp?.author ?? GONGWEN_AUTHOR)) return 'other-insertion';
      ownInsertion.add(piece);
    }

    touched.forEach((piece, i) => {
      const start = Math.max(change.start, piece.textStart) - piece.textStart;
      const end = Math.min(change.end, piece.textEnd) - piece.textStart;
      // The replacement goes where the replaced text starts; later runs only lose their part.
      const text = i === 0 ? change.text : '';
      const element = piece.element!;
      if (!stamp || ownInsertion.has(piece)) {
        const list = this.direct.get(element) ?? [];
        list.push({ start, end, text });
        this.direct.set(element, list);
      } else {
        this.plan(piece.run!).tracked.push({
          element,
          start,
          end,
          text,
          ...(end > start ? { deleteId: this.nextId() } : {}),
          ...(text !== '' ? { insertId: this.nextId() } : {}),
        });
      }
    });
    return undefined;
  }

  /** A field, deleted revision or content control boundary between two text elements of one paragraph. */
  private barrierBetween(paragraph: XmlElement, first: XmlElement, last: XmlElement): RefusalReason | undefined {
    if (first === last) return undefined;
    const from = first.end;
    const to = last.start;
    let found: RefusalReason | undefined;
    const visit = (node: XmlElement): void => {
      for (const child of node.children) {
        if (found || child.type !== 'element' || child.end <= from || child.start >= to) continue;
        const reason = BARRIERS[child.name];
        // A barrier that encloses both ends is not crossed (both pieces are inside the same control).
        if (reason && !(child.start < from && child.end > to)) {
          found = reason;
          return;
        }
        visit(child);
      }
    };
    visit(paragraph);
    return found;
  }

  /**
   * Plans a comment anchored on `[start, end)` of a block's text: `w:commentRangeStart` before the first
   * character, `w:commentRangeEnd` and the reference run after the last, splitting runs where needed.
   */
  planComment(block: Block, start: number, end: number, id: number): boolean {
    const origin = block.docx;
    if (!origin || this.inAlternateContent.has(origin.element) || this.inContentControl.has(origin.element)) return false;
    const rangeStart = `<w:commentRangeStart w:id="${id}"/>`;
    const rangeEnd = `<w:commentRangeEnd w:id="${id}"/><w:r><w:commentReference w:id="${id}"/></w:r>`;
    const content = origin.pieces.filter((piece) => piece.kind !== 'numbering' && this.inRealRun(origin.element, piece));
    const first = content[0]?.textStart ?? 0;
    const last = content[content.length - 1]?.textEnd ?? 0;
    const from = Math.min(Math.max(start, first), last);
    const to = Math.min(Math.max(end, from), last);
    // A field's result is replaced when the field is updated, anchors and all: a finding in it is marked at
    // the end of the paragraph instead.
    const inField = content.some((piece) => piece.inField && piece.textStart < Math.max(to, from + 1) && piece.textEnd > from);
    if (content.length === 0 || inField) {
      this.insertions.push({ start: origin.element.contentEnd, end: origin.element.contentEnd, text: rangeStart + rangeEnd });
      return true;
    }
    /** The piece holding the character at `offset` (`before`) or the one before it (`after`). */
    const place = (offset: number, side: 'before' | 'after'): { piece: DocxTextPiece; offset: number } => {
      const character = side === 'before' ? offset : offset - 1;
      const piece = content.find((candidate) => candidate.textStart <= character && character < candidate.textEnd) ?? (side === 'before' ? content[0] : content[content.length - 1]);
      const local = side === 'before' ? Math.max(0, offset - piece.textStart) : Math.min(piece.textEnd, offset) - piece.textStart;
      return { piece, offset: piece.kind === 'text' ? local : side === 'before' ? 0 : 1 };
    };
    const mark = (position: { piece: DocxTextPiece; offset: number }, xml: string): void => {
      this.plan(position.piece.run!).markers.push({ element: position.piece.element!, offset: position.offset, xml });
    };
    if (to > from) {
      mark(place(from, 'before'), rangeStart);
      mark(place(to, 'after'), rangeEnd);
    } else {
      const point = from < last ? place(from, 'before') : place(from, 'after');
      mark(point, rangeStart);
      mark(point, rangeEnd);
    }
    return true;
  }

  /** The part's text with every planned edit applied. */
  apply(stamp?: RevisionStamp): string {
    const edits: XmlEdit[] = [...this.insertions];
    for (const [element, list] of this.direct) {
      const original = elementText(element);
      const sorted = [...list].sort((a, b) => b.start - a.start);
      let content = original;
      for (const edit of sorted) content = content.slice(0, edit.start) + edit.text + content.slice(edit.end);
      if (needsPreserve(content) && element.attributes['xml:space'] !== 'preserve') {
        if (element.attributes['xml:space'] !== undefined) throw new Error(`${this.partName}: w:t with xml:space="${element.attributes['xml:space']}"`);
        edits.push({ start: element.contentStart - 1, end: element.contentStart - 1, text: ' xml:space="preserve"' });
      }
      edits.push({ start: element.contentStart, end: element.contentEnd, text: escapeXmlText(xmlSafe(content)) });
    }
    for (const plan of this.runs.values()) {
      for (const child of plan.run.children) {
        if (child.type === 'element' && this.direct.has(child)) throw new Error(`${this.partName}: a run both rebuilt and edited in place`);
      }
      edits.push({ start: plan.run.start, end: plan.run.end, text: this.rebuildRun(plan, stamp) });
    }
    return applyXmlEdits(this.text, edits);
  }

  /** A run written anew, split at its tracked edits and markers; each part repeats the run's start tag and properties. */
  private rebuildRun(plan: RunPlan, stamp: RevisionStamp | undefined): string {
    const { run } = plan;
    const startTag = this.text.slice(run.start, run.contentStart);
    const tagName = /^<([^\s/>]+)/.exec(startTag)?.[1] ?? 'w:r';
    const endTag = `</${tagName}>`;
    const properties = run.children.find((child): child is XmlElement => child.type === 'element' && child.name === 'w:rPr');
    const rPr = properties ? this.text.slice(properties.start, properties.end) : '';
    const output: string[] = [];
    let current: string[] = [];
    let hasContent = false;
    const flush = (): void => {
      if (hasContent) output.push(startTag + rPr + current.join('') + endTag);
      current = [];
      hasContent = false;
    };
    const add = (xml: string): void => {
      current.push(xml);
      hasContent = true;
    };
    const between = (xml: string): void => {
      flush();
      output.push(xml);
    };
    const stampAttributes = (id: number): string =>
      `w:id="${id}" w:author="${escapeXmlAttribute(stamp?.author ?? GONGWEN_AUTHOR)}" w:date="${escapeXmlAttribute(stamp?.date ?? '')}"`;

    for (const child of run.children as readonly XmlNode[]) {
      if (child.type === 'text') {
        current.push(this.text.slice(child.start, child.end));
        continue;
      }
      if (child === properties) continue;
      const markers = plan.markers.filter((marker) => marker.element === child);
      const tracked = plan.tracked.filter((edit) => edit.element === child).sort((a, b) => a.start - b.start);
      if (markers.length === 0 && tracked.length === 0) {
        add(this.text.slice(child.start, child.end));
        continue;
      }
      if (child.name !== 'w:t' || tracked.length === 0) {
        const length = child.name === 'w:t' ? elementText(child).length : 1;
        if (markers.every((marker) => marker.offset === 0 || marker.offset >= length)) {
          for (const marker of markers) if (marker.offset === 0) between(marker.xml);
          add(this.text.slice(child.start, child.end));
          for (const marker of markers) if (marker.offset !== 0) between(marker.xml);
          continue;
        }
      }
      const content = elementText(child);
      let keep = '';
      const keepOut = (): void => {
        if (keep !== '') add(textElement('w:t', keep));
        keep = '';
      };
      let position = 0;
      let editIndex = 0;
      while (position <= content.length) {
        for (const marker of markers) {
          if (marker.offset === position) {
            keepOut();
            between(marker.xml);
          }
        }
        const edit = tracked[editIndex];
        if (edit && edit.start === position) {
          keepOut();
          flush();
          if (edit.deleteId !== undefined) {
            output.push(`<w:del ${stampAttributes(edit.deleteId)}>${startTag}${rPr}${textElement('w:delText', content.slice(edit.start, edit.end))}${endTag}</w:del>`);
          }
          if (edit.insertId !== undefined) {
            output.push(`<w:ins ${stampAttributes(edit.insertId)}>${startTag}${rPr}${textElement('w:t', edit.text)}${endTag}</w:ins>`);
          }
          editIndex++;
          if (edit.end > position) {
            position = edit.end;
            continue;
          }
        }
        if (position < content.length) keep += content[position];
        position++;
      }
      keepOut();
    }
    flush();
    return output.join('');
  }
}
