/**
 * Writes changes back into a Word package: fixes (directly or as tracked changes) and comments (批注).
 * Only the parts that change are rewritten (the parts holding the edited paragraphs, and for comments
 * `word/comments.xml`, its relationship and its content type); every other zip entry is copied as it was.
 */
import { unzipSync } from 'fflate';
import type { Block, GwDocument } from '../document.js';
import { DocxError } from './errors.js';
import type { DocxPackage } from './package.js';
import { bindsWordPrefix, GONGWEN_AUTHOR, PartEditor, wordDate, type BlockChange, type RefusalReason, type RevisionStamp } from './word-edit.js';
import { applyXmlEdits, escapeXmlAttribute, textElement } from './xml-edit.js';
import { rewriteZip } from './zip.js';

export interface WordComment {
  readonly block: Block;
  readonly start: number;
  readonly end: number;
  /** The comment's paragraphs (the message, the rule, the suggested text). */
  readonly paragraphs: readonly string[];
}

export interface WriteDocxRequest<K> {
  /** Fixes, each with a key the caller uses to tell which were applied. */
  readonly changes?: ReadonlyArray<{ readonly key: K; readonly change: BlockChange }>;
  /** true: each fix is a tracked change (`w:del` + `w:ins`) instead of a direct edit. */
  readonly revisions?: boolean;
  readonly comments?: readonly WordComment[];
  /** The date of tracked changes and comments; now when absent (injectable for tests). */
  readonly date?: Date;
  readonly author?: string;
}

export interface WriteDocxResult<K> {
  readonly bytes: Uint8Array;
  readonly applied: K[];
  readonly refused: { key: K; reason: RefusalReason }[];
  /** Comments not anchored: those in headers, footers, notes, text boxes and block-level content controls. */
  readonly commentsSkipped: number;
}

const COMMENTS_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml';
const COMMENTS_RELATIONSHIP = '/comments';
const TRANSITIONAL_RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const STRICT_RELATIONSHIPS = 'http://purl.oclc.org/ooxml/officeDocument/relationships';
const WORD_NAMESPACE = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';

/** The highest numeric `w:id` in the parts that hold annotations, so that new ids never collide. */
function highestId(pkg: DocxPackage, partNames: Iterable<string>): number {
  let highest = -1;
  for (const name of partNames) {
    const text = pkg.text(name);
    if (text === undefined) continue;
    for (const match of text.matchAll(/\bw:id="(-?\d+)"/g)) highest = Math.max(highest, Number(match[1]));
  }
  return highest;
}

function relationshipsPartName(partName: string): string {
  const slash = partName.lastIndexOf('/');
  return `${partName.slice(0, slash + 1)}_rels/${partName.slice(slash + 1)}.rels`;
}

/** Inserts `content` at the end of a part's root element, opening it if it is written self-closing. */
function appendToRoot(pkg: DocxPackage, partName: string, content: string): string {
  const text = pkg.text(partName) ?? '';
  const root = pkg.xml(partName);
  if (!root) throw new DocxError('corrupt', `部件 ${partName} 为空，无法写回`);
  if (root.contentStart === root.end && text.slice(root.end - 2, root.end) === '/>') {
    const startTag = text.slice(root.start, root.end - 2).trimEnd();
    const tagName = /^<([^\s/>]+)/.exec(startTag)?.[1] ?? '';
    return applyXmlEdits(text, [{ start: root.start, end: root.end, text: `${startTag}>${content}</${tagName}>` }]);
  }
  return applyXmlEdits(text, [{ start: root.contentEnd, end: root.contentEnd, text: content }]);
}

function commentXml(id: number, comment: WordComment, author: string, date: string): string {
  const paragraphs = comment.paragraphs.map(
    (paragraph, i) => `<w:p>${i === 0 ? '<w:r><w:annotationRef/></w:r>' : ''}<w:r>${textElement('w:t', paragraph)}</w:r></w:p>`,
  );
  return `<w:comment xmlns:w="${WORD_NAMESPACE}" w:id="${id}" w:author="${escapeXmlAttribute(author)}" w:date="${date}" w:initials="GL">${paragraphs.join('')}</w:comment>`;
}

/** New or extended parts for the comments: comments.xml, the document's relationships, the content types. */
function commentParts(pkg: DocxPackage, comments: string): { replace: Map<string, string>; add: { name: string; text: string }[] } {
  const replace = new Map<string, string>();
  const add: { name: string; text: string }[] = [];
  const relationships = pkg.relationships(pkg.mainDocument);
  const existing = relationships.find((relationship) => !relationship.external && relationship.type.endsWith(COMMENTS_RELATIONSHIP));
  if (existing && pkg.text(existing.target) !== undefined) {
    replace.set(existing.target, appendToRoot(pkg, existing.target, comments));
    return { replace, add };
  }
  const folder = pkg.mainDocument.slice(0, pkg.mainDocument.lastIndexOf('/') + 1);
  let fileName = 'comments.xml';
  for (let n = 2; pkg.entryNames.includes(folder + fileName); n++) fileName = `comments${n}.xml`;
  const partName = folder + fileName;
  add.push({ name: partName, text: `${XML_DECLARATION}<w:comments xmlns:w="${WORD_NAMESPACE}">${comments}</w:comments>` });

  const strict = relationships.some((relationship) => relationship.type.startsWith(STRICT_RELATIONSHIPS));
  const taken = new Set(relationships.map((relationship) => relationship.id));
  let number = relationships.length + 1;
  while (taken.has(`rId${number}`)) number++;
  const relationship = `<Relationship Id="rId${number}" Type="${strict ? STRICT_RELATIONSHIPS : TRANSITIONAL_RELATIONSHIPS}/comments" Target="${escapeXmlAttribute(fileName)}"/>`;
  const relsName = relationshipsPartName(pkg.mainDocument);
  if (pkg.text(relsName) !== undefined) replace.set(relsName, appendToRoot(pkg, relsName, relationship));
  else add.push({ name: relsName, text: `${XML_DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${relationship}</Relationships>` });

  const typesName = '[Content_Types].xml';
  const types = pkg.xml(typesName);
  const declared = types?.children.some((child) => child.type === 'element' && child.name === 'ct:Override' && child.attributes.PartName?.toLowerCase() === `/${partName}`.toLowerCase());
  if (!types) throw new DocxError('corrupt', '压缩包中没有 [Content_Types].xml，不是有效的 .docx 文件，无法写回');
  if (!declared) replace.set(typesName, appendToRoot(pkg, typesName, `<Override PartName="/${escapeXmlAttribute(partName)}" ContentType="${COMMENTS_TYPE}"/>`));
  return { replace, add };
}

const encoder = new TextEncoder();

/** Encodes a part as it was encoded: UTF-8 (with its BOM if it had one) or UTF-16 with a BOM. */
function encodePart(text: string, original: Uint8Array | undefined): Uint8Array {
  if (original && original[0] === 0xff && original[1] === 0xfe) {
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes[0] = 0xff;
    bytes[1] = 0xfe;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      bytes[2 + i * 2] = code & 0xff;
      bytes[3 + i * 2] = code >> 8;
    }
    return bytes;
  }
  if (original && original[0] === 0xfe && original[1] === 0xff) throw new DocxError('unsupported', '部件使用 UTF-16BE 编码，无法写回');
  const body = encoder.encode(text);
  if (!(original && original[0] === 0xef && original[1] === 0xbb && original[2] === 0xbf)) return body;
  const bytes = new Uint8Array(body.length + 3);
  bytes.set([0xef, 0xbb, 0xbf]);
  bytes.set(body, 3);
  return bytes;
}

/**
 * Applies fixes and comments to the package the document was read from (`document.docx.package`, whose
 * XML offsets the blocks carry) and returns the new package's bytes. A fix that cannot be written safely
 * is refused with its reason; the others are applied.
 */
export function writeDocx<K>(bytes: Uint8Array, document: GwDocument, request: WriteDocxRequest<K>): WriteDocxResult<K> {
  const pkg = document.docx?.package;
  if (!pkg) throw new Error('writeDocx: the document was not read from a .docx');
  const author = request.author ?? GONGWEN_AUTHOR;
  const stamp: RevisionStamp = { author, date: wordDate(request.date ?? new Date()) };
  const blockParts = new Set(document.blocks.map((block) => block.docx?.partName).filter((name): name is string => name !== undefined));
  const commentsTarget = pkg.relationships(pkg.mainDocument).find((relationship) => !relationship.external && relationship.type.endsWith(COMMENTS_RELATIONSHIP))?.target;
  let lastId = highestId(pkg, [pkg.mainDocument, ...blockParts, ...(commentsTarget ? [commentsTarget] : [])]);
  const nextId = (): number => ++lastId;

  const editors = new Map<string, PartEditor | null>();
  const editorFor = (partName: string): PartEditor | null => {
    let editor = editors.get(partName);
    if (editor === undefined) {
      const text = pkg.text(partName);
      const root = pkg.xml(partName);
      editor = text !== undefined && root && bindsWordPrefix(text, root) ? new PartEditor(partName, text, root, nextId) : null;
      editors.set(partName, editor);
    }
    return editor;
  };

  const applied: K[] = [];
  const refused: { key: K; reason: RefusalReason }[] = [];
  for (const { key, change } of request.changes ?? []) {
    const origin = change.block.docx;
    const editor = origin ? editorFor(origin.partName) : null;
    const reason = editor ? editor.planChange(change, request.revisions ? stamp : undefined) : 'mismatch';
    if (reason) refused.push({ key, reason });
    else applied.push(key);
  }

  const comments: string[] = [];
  let commentsSkipped = 0;
  for (const comment of request.comments ?? []) {
    const origin = comment.block.docx;
    // Only the body: Word shows no comments in headers and footers, and LibreOffice drops comments in notes or
    // cannot open the file at all (seen with LibreOffice 7.4).
    const editor = origin?.part === 'body' ? editorFor(origin.partName) : null;
    const id = editor ? nextId() : -1;
    if (!editor || !editor.planComment(comment.block, comment.start, comment.end, id)) {
      commentsSkipped++;
      continue;
    }
    comments.push(commentXml(id, comment, author, stamp.date));
  }

  const replaceText = new Map<string, string>();
  for (const editor of editors.values()) if (editor && !editor.isEmpty) replaceText.set(editor.partName, editor.apply(stamp));
  const added: { name: string; text: string }[] = [];
  if (comments.length > 0) {
    const parts = commentParts(pkg, comments.join(''));
    for (const [name, text] of parts.replace) replaceText.set(name, text);
    added.push(...parts.add);
  }
  if (replaceText.size === 0 && added.length === 0) return { bytes, applied, refused, commentsSkipped };

  const originals = unzipSync(bytes, { filter: (file) => replaceText.has(file.name) });
  const replace = new Map<string, Uint8Array>();
  for (const [name, text] of replaceText) replace.set(name, encodePart(text, originals[name]));
  const output = rewriteZip(bytes, {
    replace,
    add: added.map(({ name, text }) => ({ name, content: encoder.encode(text), datedLike: pkg.mainDocument })),
  });
  return { bytes: output, applied, refused, commentsSkipped };
}

