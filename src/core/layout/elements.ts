/**
 * The elements of a 公文 (GB/T 9704-2012 §7; 《党政机关公文处理工作条例》第九条) recognised from the text of
 * the body's paragraphs: 发文字号, 标题, 主送机关, 层次标题, 正文, 附件说明, 署名, 成文日期, 抄送, 印发.
 * Layout rules use it to know what formatting a paragraph needs; document-elements checks their presence
 * and order. Recognition is conservative: a paragraph that fits no element is body text.
 */
import type { Block, GwDocument } from '../document.js';
import { Level, readMarker, skipLineIndent } from '../text/numbering-markers.js';
import { memoiseForLastDocument } from './memo.js';

export type ElementKind =
  | 'document-number'
  | 'title'
  | 'addressee'
  | 'heading1'
  | 'heading2'
  | 'heading3'
  | 'heading4'
  | 'body'
  | 'attachment-note'
  | 'signature'
  | 'date'
  | 'copy-to'
  | 'printed-by';

export interface RecognisedElement {
  readonly kind: ElementKind;
  readonly block: Block;
  /** For a heading: where its title ends in the block text (a run-in heading ends at its first `。`). */
  readonly headingEnd?: number;
}

export interface DocumentElements {
  /** The body's non-empty paragraphs in order, each with its element. */
  readonly elements: readonly RecognisedElement[];
  /** The 文种 named at the end of the title (`通知`, `请示`…), when there is a title. */
  readonly documentType?: string;
}

/** 文种 of 《党政机关公文处理工作条例》第八条, and the forms drafts commonly take. */
const DOCUMENT_TYPES = ['通知', '通报', '请示', '报告', '批复', '意见', '决定', '决议', '命令', '令', '公报', '公告', '通告', '议案', '函', '纪要', '方案', '规定', '办法', '规划', '计划', '讲话', '总结'];
const DOCUMENT_TYPE_AT_END = new RegExp(`(?:${DOCUMENT_TYPES.join('|')})$`);

/** 国办发〔2024〕12号 and its mistaken bracket forms; may be followed by 签发人 on the same line. */
const DOCUMENT_NUMBER = /^[\u4e00-\u9fa5A-Za-z]{1,16}[〔[［【(（]\s*\d{2,4}\s*[〕\]］】)）]\s*第?\s*\d+\s*号/;
const DATE_LINE = /^(?:\d{4}|[〇○零一二三四五六七八九OＯ0０]{4})年(?:\d{1,2}|[一二三四五六七八九十]{1,2})月(?:\d{1,2}|[一二三四五六七八九十]{1,3})日$/;
const ATTACHMENT_NOTE = /^附\s*件\s*[:：]/;
const COPY_TO = /^抄\s*送\s*[:：]/;
const PRINTED_BY = /印发$/;
const SENTENCE_END = /[。！？；，]$/;

/** `trim` removes exactly what `\s` matches (U+3000 included), without a regular expression over every block. */
function trimmed(block: Block): string {
  return block.text.trim();
}

/** Whether a block stands in the body of the document (not a header, footer, note or table cell). */
export function isBodyParagraph(block: Block): boolean {
  return block.kind !== 'table-cell' && (block.docx === undefined || block.docx.part === 'body');
}

const HEADING_KIND: Readonly<Partial<Record<Level, ElementKind>>> = {
  [Level.Chinese]: 'heading1',
  [Level.ParenChinese]: 'heading2',
  [Level.Arabic]: 'heading3',
  [Level.ParenArabic]: 'heading4',
};

/** The heading level a paragraph opens with, and where its heading text ends (a run-in heading ends at `。`). */
function headingOf(block: Block): { kind: ElementKind; end: number } | undefined {
  const text = block.text;
  const at = skipLineIndent(text, 0);
  const marker = readMarker(text, at, block.kind === 'heading');
  const kind = marker && HEADING_KIND[marker.level];
  if (!marker || !kind) return undefined;
  const stop = text.indexOf('。', marker.end);
  return { kind, end: stop === -1 ? text.length : stop + 1 };
}

/**
 * Recognises the elements of a document's body, in order. Three layout rules and document-elements ask for
 * the same document's elements: they are found once.
 */
export const recogniseElements: (document: GwDocument) => DocumentElements = memoiseForLastDocument(findElements);

function findElements(document: GwDocument): DocumentElements {
  // Lists here are built by push, not by filter or map: to V8 an array those make inside compiled code has another
  // shape than one they make outside it, and code reading both was thrown away again.
  const blocks: Block[] = [];
  for (const block of document.blocks) if (isBodyParagraph(block) && trimmed(block) !== '') blocks.push(block);
  const kinds: (ElementKind | undefined)[] = new Array(blocks.length);
  const headingEnds = new Map<number, number>();
  let index = 0;

  // 发文字号 (with 签发人, maybe) comes before the title, within the first few paragraphs.
  for (let i = 0; i < Math.min(blocks.length, 4); i++) {
    if (DOCUMENT_NUMBER.test(trimmed(blocks[i]))) {
      kinds[i] = 'document-number';
      index = i + 1;
    }
  }
  // The title: up to three lines without closing punctuation, ending with the line that names the 文种.
  let documentType: string | undefined;
  const titleStart = index;
  while (index < blocks.length && index - titleStart < 3) {
    const text = trimmed(blocks[index]);
    if (text.length > 80 || SENTENCE_END.test(text) || /[:：]$/.test(text) || headingOf(blocks[index]) || DATE_LINE.test(text)) break;
    kinds[index] = 'title';
    index++;
    const type = DOCUMENT_TYPE_AT_END.exec(text.replace(/[（(][^（()）]*[)）]$/, ''));
    if (type) {
      documentType = type[0];
      break;
    }
  }
  if (documentType === undefined) {
    // Without a 文种 the first lines are no title we can be sure of: read everything as body text.
    for (let i = titleStart; i < index; i++) kinds[i] = undefined;
    index = titleStart;
  }
  // 主送机关: the next line, ending with a colon and holding no sentence.
  if (documentType !== undefined && index < blocks.length) {
    const text = trimmed(blocks[index]);
    if (/[:：]$/.test(text) && !/[。；]/.test(text) && text.length <= 120 && !headingOf(blocks[index])) kinds[index++] = 'addressee';
  }
  // From the end: 印发, 抄送, then 成文日期 and 署名.
  let end = blocks.length;
  while (end > index && PRINTED_BY.test(trimmed(blocks[end - 1])) && /\d|年/.test(trimmed(blocks[end - 1]))) kinds[--end] = 'printed-by';
  for (let i = end - 1; i >= index && i >= end - 3; i--) {
    if (COPY_TO.test(trimmed(blocks[i]))) {
      kinds[i] = 'copy-to';
      end = i;
      break;
    }
  }
  // 成文日期: the first line that is only a date, below some body text; 附件 may follow it, the 版记 ends the document.
  for (let i = index + 1; i < end; i++) {
    // A date line ends with 日, and the replace keeps its last character: the other lines are turned away without it.
    const text = trimmed(blocks[i]);
    if (!text.endsWith('日') || !DATE_LINE.test(text.replace(/\s/g, ''))) continue;
    kinds[i] = 'date';
    // 署名: the short lines right above the date (two agencies sign on two lines).
    for (let j = i - 1; j > index && j >= i - 2; j--) {
      const text = trimmed(blocks[j]);
      if (text.length > 30 || /[，。；：:,]/.test(text) || headingOf(blocks[j])) break;
      kinds[j] = 'signature';
    }
    break;
  }
  // The rest is body text with its headings; 附件说明 and the lines it numbers follow the body.
  let inAttachmentNote = false;
  for (let i = index; i < blocks.length; i++) {
    if (kinds[i] !== undefined) {
      inAttachmentNote = false;
      continue;
    }
    const text = trimmed(blocks[i]);
    if (ATTACHMENT_NOTE.test(text)) {
      kinds[i] = 'attachment-note';
      inAttachmentNote = true;
      continue;
    }
    if (inAttachmentNote && /^\d+\s*[.．]/.test(text) && !SENTENCE_END.test(text)) {
      kinds[i] = 'attachment-note';
      continue;
    }
    inAttachmentNote = false;
    const heading = headingOf(blocks[i]);
    if (heading) {
      kinds[i] = heading.kind;
      headingEnds.set(i, heading.end);
    } else {
      kinds[i] = 'body';
    }
  }
  // Every field present, undefined where it does not apply: one shape for every element and every result, so that
  // code reading them meets no new shape part-way through a run (a first heading), which would throw it away.
  const elements: RecognisedElement[] = [];
  for (let i = 0; i < blocks.length; i++) elements.push({ kind: kinds[i] ?? 'body', block: blocks[i], headingEnd: headingEnds.get(i) });
  return { elements, documentType };
}
