/**
 * A small element tree over saxes, a strict (well-formedness checking) SAX parser. Every node keeps its
 * offsets in the part's text, so that writing back can splice the original XML and leave every byte it
 * does not change as it was. Names are canonical: a known namespace is always written with its usual
 * prefix (`w:p`, `r:id`), whatever prefix the file declares, so readers match names without resolving
 * namespaces themselves.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { DocxError } from './errors.js';

export interface XmlElement {
  readonly type: 'element';
  /** Canonical prefixed name, such as `w:p`; unknown namespaces keep the prefix the file used. */
  readonly name: string;
  /** By canonical prefixed name (`w:val`, `xml:space`); namespace declarations are left out. */
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlNode[];
  /** Offset of the `<` that opens the element in the part's text. */
  readonly start: number;
  /** Offset just past the `>` that closes the element (its end tag, or the start tag if self-closing). */
  readonly end: number;
  /** Offsets of the element's content (between start tag and end tag); equal for a self-closing element. */
  readonly contentStart: number;
  readonly contentEnd: number;
}

export interface XmlText {
  readonly type: 'text';
  /** The decoded text (entities and character references resolved). */
  readonly text: string;
  /** Offsets of the raw text (or CDATA section) in the part's text. */
  readonly start: number;
  readonly end: number;
}

export type XmlNode = XmlElement | XmlText;

/** The prefixes Office writes for the namespaces a reader needs; a document may bind them to other prefixes. */
const CANONICAL_PREFIXES: Readonly<Record<string, string>> = {
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main': 'w',
  'http://purl.oclc.org/ooxml/wordprocessingml/main': 'w',
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships': 'r',
  'http://purl.oclc.org/ooxml/officeDocument/relationships': 'r',
  'http://schemas.openxmlformats.org/package/2006/relationships': 'pr',
  'http://schemas.openxmlformats.org/package/2006/content-types': 'ct',
  'http://schemas.openxmlformats.org/markup-compatibility/2006': 'mc',
  'http://schemas.openxmlformats.org/drawingml/2006/main': 'a',
  'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing': 'wp',
  'http://schemas.microsoft.com/office/word/2010/wordprocessingShape': 'wps',
  'http://schemas.microsoft.com/office/word/2010/wordml': 'w14',
  'http://schemas.microsoft.com/office/word/2012/wordml': 'w15',
  'urn:schemas-microsoft-com:vml': 'v',
  'http://www.w3.org/XML/1998/namespace': 'xml',
};

/** Nesting deeper than this is hostile: Word's deepest real structures (nested tables in text boxes) stay far below. */
export const MAX_XML_DEPTH = 256;

function canonicalName(local: string, prefix: string, uri: string): string {
  if (uri === '') return local;
  const canonical = CANONICAL_PREFIXES[uri] ?? prefix;
  return canonical === '' ? local : `${canonical}:${local}`;
}

interface OpenElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
  start: number;
  contentStart: number;
}

/**
 * Parses a part's XML text into a tree. A DOCTYPE is refused outright (Word never writes one, and it is how
 * entity expansion and external-entity attacks start); entities other than XML's five are errors in saxes,
 * so nothing is ever fetched or expanded. `partName` only names the part in error messages.
 */
export function parseXml(text: string, partName: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: OpenElement[] = [];
  let root: XmlElement | undefined;
  // Offset just past the last construct the parser reported: where the next one starts.
  let cursor = 0;
  // Thrown from a handler, an error leaves saxes' write() at once: a hostile part is not parsed to its end.
  const fail = (error: DocxError): never => {
    throw error;
  };

  parser.on('doctype', () => {
    fail(new DocxError('unsafe-xml', `部件 ${partName} 含有 DOCTYPE 声明（Word 从不写入，可能是恶意的实体扩展），拒绝读取`));
  });
  // saxes reports these at different points of their closing delimiter, so their end is found in the text.
  parser.on('xmldecl', () => {
    cursor = text.indexOf('?>', cursor) + 2;
  });
  parser.on('processinginstruction', () => {
    cursor = text.indexOf('?>', cursor) + 2;
  });
  parser.on('comment', () => {
    cursor = text.indexOf('-->', cursor) + 3;
  });
  parser.on('text', (value) => {
    // The text event fires on the `<` that ends the text, so the text ends one character before the position.
    const end = parser.position - 1;
    if (stack.length > 0) stack[stack.length - 1].children.push({ type: 'text', text: value, start: cursor, end });
    cursor = end;
  });
  parser.on('cdata', (value) => {
    if (stack.length > 0) stack[stack.length - 1].children.push({ type: 'text', text: value, start: cursor, end: parser.position });
    cursor = parser.position;
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    if (stack.length >= MAX_XML_DEPTH) {
      fail(new DocxError('unsafe-xml', `部件 ${partName} 的元素嵌套超过 ${MAX_XML_DEPTH} 层，拒绝读取`));
    }
    const attributes: Record<string, string> = {};
    for (const attribute of Object.values(tag.attributes)) {
      if (attribute.prefix === 'xmlns' || attribute.name === 'xmlns') continue;
      attributes[canonicalName(attribute.local, attribute.prefix, attribute.uri)] = attribute.value;
    }
    const open: OpenElement = { name: canonicalName(tag.local, tag.prefix, tag.uri), attributes, children: [], start: cursor, contentStart: parser.position };
    cursor = parser.position;
    if (tag.isSelfClosing) {
      const element: XmlElement = { type: 'element', ...open, end: parser.position, contentEnd: parser.position };
      if (stack.length > 0) stack[stack.length - 1].children.push(element);
      else root = element;
    } else {
      stack.push(open);
    }
  });
  parser.on('closetag', (tag: SaxesTagNS) => {
    if (tag.isSelfClosing) return;
    const open = stack.pop();
    if (!open) return;
    const element: XmlElement = { type: 'element', ...open, end: parser.position, contentEnd: cursor };
    cursor = parser.position;
    if (stack.length > 0) stack[stack.length - 1].children.push(element);
    else root = element;
  });
  parser.on('error', (error) => {
    fail(new DocxError('malformed-xml', `部件 ${partName} 不是格式正确的 XML（${error.message}），文件可能已损坏`));
  });

  try {
    parser.write(text).close();
  } catch (error) {
    if (error instanceof DocxError) throw error;
    fail(new DocxError('malformed-xml', `部件 ${partName} 不是格式正确的 XML（${error instanceof Error ? error.message : String(error)}），文件可能已损坏`));
  }
  if (!root) throw new DocxError('malformed-xml', `部件 ${partName} 没有根元素，文件可能已损坏`);
  return root;
}

/** The element children of a node with the given canonical name. */
export function childElements(element: XmlElement, name?: string): XmlElement[] {
  const found: XmlElement[] = [];
  for (const child of element.children) {
    if (child.type === 'element' && (name === undefined || child.name === name)) found.push(child);
  }
  return found;
}

/** The first element child with the given name. */
export function firstChild(element: XmlElement, name: string): XmlElement | undefined {
  for (const child of element.children) if (child.type === 'element' && child.name === name) return child;
  return undefined;
}

/** The concatenated decoded text of all text nodes below an element. */
export function textContent(element: XmlElement): string {
  let text = '';
  for (const child of element.children) text += child.type === 'text' ? child.text : textContent(child);
  return text;
}
