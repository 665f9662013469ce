/**
 * A small element tree read by a scanner of our own (see parseXml for why). Every node keeps its
 * offsets in the part's text, so that writing back can splice the original XML and leave every byte it
 * does not change as it was. Names are canonical: a known namespace is always written with its usual
 * prefix (`w:p`, `r:id`), whatever prefix the file declares, so readers match names without resolving
 * namespaces themselves.
 *
 * A part in UTF-8 (every part Word writes) is scanned as its bytes, one character per byte (parseUtf8Xml): the
 * markup is ASCII, so only text and attribute values with bytes of 0x80 and above are decoded, and the offsets
 * the scanner keeps are byte offsets, turned into offsets in the decoded text only when asked for.
 */
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

/** Offsets in a part's bytes are turned into offsets in its text from a count kept at every this many bytes. */
const OFFSET_STEP = 1024;

/**
 * The string a part was scanned from: its text, or (`utf8`) its UTF-8 bytes one character per byte. Turns the
 * scanner's offsets into offsets in the part's decoded text.
 */
class PartSource {
  /** For a UTF-8 part: the UTF-16 length of the text before each multiple of OFFSET_STEP bytes, made on first use. */
  private unitsBefore: Uint32Array | undefined;

  constructor(
    readonly text: string,
    readonly utf8: boolean,
  ) {}

  /** The offset in the decoded text of an offset in `text`. */
  decoded(offset: number): number {
    if (!this.utf8) return offset;
    const text = this.text;
    let table = this.unitsBefore;
    if (table === undefined) {
      table = new Uint32Array(Math.floor(text.length / OFFSET_STEP) + 1);
      let units = 0;
      for (let k = 0; k < text.length; k++) {
        if (k % OFFSET_STEP === 0) table[k / OFFSET_STEP] = units;
        units += utf16Units(text.charCodeAt(k));
      }
      this.unitsBefore = table;
    }
    const step = Math.floor(offset / OFFSET_STEP);
    let units = table[step];
    for (let k = step * OFFSET_STEP; k < offset; k++) units += utf16Units(text.charCodeAt(k));
    return units;
  }
}

/** UTF-16 code units a UTF-8 byte adds: none for a continuation byte, two for the lead byte of a four-byte sequence. */
function utf16Units(byte: number): number {
  return byte < 0x80 ? 1 : byte < 0xc0 ? 0 : byte < 0xf0 ? 1 : 2;
}

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

/**
 * Nodes in one part at most. A part of empty elements compresses to almost nothing and would build a tree of
 * hundreds of bytes per element; a real draft of a thousand pages stays well below.
 */
export const MAX_XML_NODES = 1_500_000;

/** Nesting deeper than this is hostile: Word's deepest real structures (nested tables in text boxes) stay far below. */
export const MAX_XML_DEPTH = 256;

const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';

/**
 * The namespace bindings in force at an element, and the canonical names already worked out under them.
 * Word declares every namespace on the root, so a whole part usually shares one scope and its name cache.
 */
class NamespaceScope {
  private readonly names = new Map<string, string>();
  private readonly attributeNames = new Map<string, string>();
  /**
   * Child scopes by their declarations, so that parts declaring the same namespaces (every part Word writes
   * declares the same set on its root) share one scope and its names worked out already.
   */
  private readonly declared = new Map<string, NamespaceScope>();

  constructor(private readonly bindings: ReadonlyMap<string, string>) {}

  /** A child scope with the element's `xmlns` declarations, or this scope when it declares none. */
  withDeclarations(attributes: Readonly<Record<string, string>>): NamespaceScope {
    let key = '';
    for (const name in attributes) key += `${name}\u0000${attributes[name]}\u0000`;
    const known = this.declared.get(key);
    if (known) return known;
    let bindings: Map<string, string> | undefined;
    for (const name in attributes) {
      if (name === 'xmlns' || name.startsWith('xmlns:')) {
        bindings ??= new Map(this.bindings);
        bindings.set(name === 'xmlns' ? '' : name.slice(6), attributes[name]);
      }
    }
    const scope = bindings ? new NamespaceScope(bindings) : this;
    // Bounded: files that each declare namespaces of their own must not grow it for as long as the process runs.
    if (this.declared.size < MAX_SHARED_SCOPES) this.declared.set(key, scope);
    return scope;
  }

  private canonical(raw: string, isAttribute: boolean): string {
    const colon = raw.indexOf(':');
    const prefix = colon === -1 ? '' : raw.slice(0, colon);
    const local = colon === -1 ? raw : raw.slice(colon + 1);
    // An unprefixed attribute is in no namespace; an unprefixed element is in the default one.
    const uri = prefix === 'xml' ? XML_NAMESPACE : prefix === '' && isAttribute ? '' : (this.bindings.get(prefix) ?? '');
    if (uri === '') return colon === -1 ? local : raw;
    const canonical = CANONICAL_PREFIXES[uri] ?? prefix;
    return canonical === '' ? local : `${canonical}:${local}`;
  }

  elementName(raw: string): string {
    let name = this.names.get(raw);
    if (name === undefined) {
      name = this.canonical(raw, false);
      if (this.names.size < MAX_CACHED_NAMES) this.names.set(raw, name);
    }
    return name;
  }

  attributeName(raw: string): string {
    let name = this.attributeNames.get(raw);
    if (name === undefined) {
      name = this.canonical(raw, true);
      if (this.attributeNames.size < MAX_CACHED_NAMES) this.attributeNames.set(raw, name);
    }
    return name;
  }
}

/** Scopes with the same declarations are shared (see NamespaceScope.withDeclarations) up to this many per scope. */
const MAX_SHARED_SCOPES = 64;

/** Names cached per scope at most: a shared scope outlives its part, and a hostile part may use countless names. */
const MAX_CACHED_NAMES = 4096;

/** The scope outside every root element: no bindings. */
const DOCUMENT_SCOPE = new NamespaceScope(new Map());

/**
 * The content of an element read once already in this part, character for character: it was well-formed then,
 * so it is now. Its children are built only when asked for (see ScannedElement.children).
 */
interface DeferredContent {
  readonly source: PartSource;
  /** The namespace bindings inside the element. */
  readonly scope: NamespaceScope;
  /** The element whose content was scanned: its children have the same names. */
  readonly template: ScannedElement;
}

/**
 * An element as the scanner builds it: its end offsets are set when it closes. The children of a deferred
 * element are scanned from the part's text on first use, and kept.
 */
class ScannedElement implements XmlElement {
  readonly type = 'element';
  /** Its children, set when it closes or (deferred) when they are first asked for; NO_CHILDREN while it has none. */
  built: XmlNode[] = NO_CHILDREN;
  deferred: DeferredContent | undefined = undefined;

  /** The `raw` offsets are offsets in `source.text`. */
  constructor(
    readonly name: string,
    readonly attributes: Record<string, string>,
    readonly source: PartSource,
    readonly rawStart: number,
    public rawEnd: number,
    readonly rawContentStart: number,
    public rawContentEnd: number,
  ) {}

  get start(): number {
    return this.source.decoded(this.rawStart);
  }

  get end(): number {
    return this.source.decoded(this.rawEnd);
  }

  get contentStart(): number {
    return this.source.decoded(this.rawContentStart);
  }

  get contentEnd(): number {
    return this.source.decoded(this.rawContentEnd);
  }

  get children(): readonly XmlNode[] {
    const deferred = this.deferred;
    if (deferred !== undefined) {
      this.deferred = undefined;
      scanDeferred(this, deferred);
    }
    return this.built;
  }

  /** Whether a child named `name` may be among the children, told without building them while they are deferred. */
  mayHaveChild(name: string): boolean {
    // The same content under the same bindings has children of the same names as the element read first.
    if (this.deferred === undefined) return true;
    for (const child of this.deferred.template.built) if (child.type === 'element' && child.name === name) return true;
    return false;
  }
}

class ScannedText implements XmlText {
  readonly type = 'text';

  constructor(
    readonly text: string,
    readonly source: PartSource,
    readonly rawStart: number,
    readonly rawEnd: number,
  ) {}

  get start(): number {
    return this.source.decoded(this.rawStart);
  }

  get end(): number {
    return this.source.decoded(this.rawEnd);
  }
}

/**
 * Elements whose content is often written identically many times in one part: run properties, one `w:rPr` per
 * run, most alike. A repeat is not scanned again: it is checked to be the same text as one scanned before.
 */
const DEFERRABLE = 'w:rPr';

/** What scanning a deferrable element's content found: how many nodes it holds and how deep they nest. */
interface ScannedContent extends DeferredContent {
  /** The content as written. */
  readonly written: string;
  readonly nodes: number;
  readonly depth: number;
}

/** Deferrable contents compared first, before one is looked up by its text (see Scanner.deferRepeat). */
const RECENT_CONTENTS = 4;

/** Slots of the table of names read (a power of two): Word uses a few dozen names. */
const INTERNED_NAMES = 256;

/**
 * Names read before (see Scanner.readName), by a hash of their characters. Shared by every part: a name is returned
 * as the same string, not cut out again, and a string keeps its hash, so the name caches of NamespaceScope find it
 * without hashing its characters once per tag.
 */
const internedNames: (string | undefined)[] = new Array<string | undefined>(INTERNED_NAMES).fill(undefined);

/** Shared by every element without children, so that the many empty elements of a part allocate no array. */
const NO_CHILDREN: XmlNode[] = [];
Object.freeze(NO_CHILDREN);
/** Shared likewise by every element without attributes (`w:r`, `w:t`, `w:rPr`…). */
const NO_ATTRIBUTES: Record<string, string> = Object.freeze({}) as Record<string, string>;

/** What text[from, to) needs besides slicing (see needsDecoding). */
const AS_WRITTEN = 0;
/** UTF-8 decoding only: bytes of 0x80 and above, in a part scanned as bytes. */
const UTF8_ONLY = 1;
/** Everything: references, line breaks, forbidden characters, `<`, `]`. */
const FULL_DECODING = 2;

/**
 * What text[from, to) needs besides slicing: full decoding for a reference, a line break or tab to normalise, a
 * character XML forbids, `<` (an error in an attribute value) or `]` (maybe `]]>`, an error in text); UTF-8
 * decoding for a byte of 0x80 or above when the part is scanned as bytes (in text, such a code is a character
 * and needs nothing). One pass over the characters: the text of a Word part is mostly a few characters at a
 * time, where one loop is cheaper than a regular expression and two searches per string.
 */
function needsDecoding(text: string, from: number, to: number): number {
  let needs = AS_WRITTEN;
  for (let k = from; k < to; k++) {
    const code = text.charCodeAt(k);
    if (code < 0x20 || code === 0x26 /* & */ || code === 0x3c /* < */ || code === 0x5d /* ] */ || code >= 0xfffe) return FULL_DECODING;
    if (code >= 0x80) needs = UTF8_ONLY;
  }
  return needs;
}

/** UTF-16 code units decoded at most before they are made into a string (an argument list stays short). */
const DECODED_CHUNK = 4096;

/** The code units decodeUtf8 collects, reused: building the string from them at once allocates nothing else. */
const decodedUnits: number[] = [];

/** Strings of at most this many code units are built from an array of their length, reused (see decodeUtf8). */
const SHORT_DECODED = 64;

/**
 * Arrays of each length up to SHORT_DECODED, for decodeUtf8: a short string's units are copied into one, instead of
 * shortening decodedUnits to their number, which V8 does in a call to its runtime.
 */
const unitsOfLength: number[][] = Array.from({ length: SHORT_DECODED + 1 }, (_, length) => new Array<number>(length).fill(0));

/**
 * Decodes source.text[from, to) of a part scanned as UTF-8 bytes, checked to be valid UTF-8 as a whole (a run of
 * text between markup never splits a sequence, since markup is ASCII). In JavaScript: a string of a few characters,
 * as most of a part's are, is decoded faster so than by a TextDecoder call per string.
 */
function decodeUtf8(source: PartSource, from: number, to: number): string {
  const text = source.text;
  const units = decodedUnits;
  let decoded = '';
  let count = 0;
  for (let k = from; k < to; ) {
    const byte = text.charCodeAt(k);
    if (byte < 0x80) {
      units[count++] = byte;
      k++;
    } else if (byte < 0xe0) {
      units[count++] = ((byte & 0x1f) << 6) | (text.charCodeAt(k + 1) & 0x3f);
      k += 2;
    } else if (byte < 0xf0) {
      const code = ((byte & 0x0f) << 12) | ((text.charCodeAt(k + 1) & 0x3f) << 6) | (text.charCodeAt(k + 2) & 0x3f);
      if (code >= 0xfffe) throw new XmlSyntaxError(`第 ${source.decoded(k)} 个字符处有 XML 不允许的字符`);
      units[count++] = code;
      k += 3;
    } else {
      const code = (((byte & 0x07) << 18) | ((text.charCodeAt(k + 1) & 0x3f) << 12) | ((text.charCodeAt(k + 2) & 0x3f) << 6) | (text.charCodeAt(k + 3) & 0x3f)) - 0x10000;
      units[count++] = 0xd800 + (code >> 10);
      units[count++] = 0xdc00 + (code & 0x3ff);
      k += 4;
    }
    if (count >= DECODED_CHUNK) {
      units.length = count;
      decoded += String.fromCharCode.apply(null, units);
      count = 0;
    }
  }
  if (count <= SHORT_DECODED) {
    const exact = unitsOfLength[count];
    for (let k = 0; k < count; k++) exact[k] = units[k];
    return decoded + String.fromCharCode.apply(null, exact);
  }
  units.length = count;
  return decoded + String.fromCharCode.apply(null, units);
}

/** XML names, loosely: Word's names are ASCII; anything that could start a name in XML 1.0 is let through. */
function isNameStart(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || code === 0x5f || code === 0x3a || (code >= 0xc0 && code <= 0xffff && code !== 0xfffe);
}

function isNameCharacter(code: number): boolean {
  return isNameStart(code) || (code >= 0x30 && code <= 0x39) || code === 0x2d || code === 0x2e || code === 0xb7;
}
/** Characters XML 1.0 never allows, even as references. */
const FORBIDDEN_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const PREDEFINED_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** A well-formedness error at an offset; parseXml names the part. */
class XmlSyntaxError extends Error {}

function isSpaceCode(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

/** Replaces character and predefined entity references; any other reference is an error (nothing is ever expanded). */
function decodeReferences(raw: string, offset: number): string {
  if (FORBIDDEN_CHARACTER.test(raw)) throw new XmlSyntaxError(`第 ${offset} 个字符附近有 XML 不允许的字符`);
  if (!raw.includes('&')) return raw;
  let decoded = '';
  let from = 0;
  for (let amp = raw.indexOf('&'); amp !== -1; amp = raw.indexOf('&', from)) {
    const semicolon = raw.indexOf(';', amp);
    if (semicolon === -1 || semicolon - amp > 10) throw new XmlSyntaxError(`第 ${offset + amp} 个字符处的“&”没有构成实体引用`);
    const name = raw.slice(amp + 1, semicolon);
    let replacement = PREDEFINED_ENTITIES[name];
    if (replacement === undefined) {
      const code = name.startsWith('#x') ? Number.parseInt(name.slice(2), 16) : name.startsWith('#') ? Number.parseInt(name.slice(1), 10) : Number.NaN;
      const valid = /^#(?:x[0-9a-fA-F]+|[0-9]+)$/.test(name) && code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) && !FORBIDDEN_CHARACTER.test(String.fromCodePoint(code));
      if (!valid) throw new XmlSyntaxError(`第 ${offset + amp} 个字符处有未定义的实体“&${name};”`);
      replacement = String.fromCodePoint(code);
    }
    decoded += raw.slice(from, amp) + replacement;
    from = semicolon + 1;
  }
  return decoded + raw.slice(from);
}

/**
 * Parses a part's XML text into a tree. A DOCTYPE is refused outright (Word never writes one, and it is how
 * entity expansion and external-entity attacks start); references other than XML's five entities and
 * character references are errors, so nothing is ever fetched or expanded. `partName` only names the part in
 * error messages.
 *
 * A small scanner of our own rather than a general SAX parser: it finds markup with native string search and
 * allocates little besides the tree, which reads Word's large parts about 2.5 times faster than saxes did on
 * the same part (measured side by side), and it still checks what well-formedness a reader depends on: names,
 * quoted and unique attributes, matching end tags, references, allowed characters, one root.
 */
export function parseXml(text: string, partName: string): XmlElement {
  return parseSource(new PartSource(text, false), partName);
}

/**
 * Parses a part given as its UTF-8 bytes, one character per byte (a latin1 reading of the bytes, without a byte
 * order mark), which the caller has checked to be valid UTF-8. Offsets of the tree are offsets in the decoded
 * text, as parseXml gives them for that text.
 */
export function parseUtf8Xml(bytes: string, partName: string): XmlElement {
  return parseSource(new PartSource(bytes, true), partName);
}

function parseSource(source: PartSource, partName: string): XmlElement {
  try {
    const root = scan(source, partName, 0, source.text.length);
    if (!root) throw new DocxError('malformed-xml', `部件 ${partName} 没有根元素，文件可能已损坏`);
    return root;
  } catch (error) {
    if (error instanceof DocxError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new DocxError('malformed-xml', `部件 ${partName} 不是格式正确的 XML（${reason}），文件可能已损坏`);
  }
}

/** Builds the deferred children of an element from the content scanned when the part was read. */
function scanDeferred(element: ScannedElement, deferred: DeferredContent): void {
  scan(deferred.source, '', element.rawContentStart, element.rawContentEnd, { element, scope: deferred.scope });
}

/** The element whose deferrable content is being scanned (see Scanner.startTag), with what it counted so far. */
interface WatchedContent {
  readonly element: ScannedElement;
  readonly nodes: number;
  readonly depth: number;
  deepest: number;
}

/** A deferred element whose content a Scanner builds, and the namespace bindings inside it. */
interface DeferredTarget {
  readonly element: ScannedElement;
  readonly scope: NamespaceScope;
}

/**
 * Scans source.text[from, to): a whole part (`from` 0, `to` its length), returning its root; or, with `into`, the
 * content of a deferred element, checked when the part was read, whose children it builds.
 */
function scan(source: PartSource, partName: string, from: number, to: number, into?: DeferredTarget): ScannedElement | undefined {
  return new Scanner(source, partName, to, into).run(from);
}

/**
 * One scan of a part (see scan). A class rather than a function of closures: a closure made anew for each part is a
 * new call target to the optimised code of the last part, which V8 then throws away; a method stays the same.
 * Loops over character codes: a regular expression here would allocate a match array per name and per space.
 */
class Scanner {
  private readonly text: string;
  private readonly utf8: boolean;
  private readonly stack: ScannedElement[];
  /**
   * The children of the open elements, each element's after its ancestors': an element's are cut out into an
   * array of their own when it closes (an array grown child by child keeps spare room).
   */
  private readonly pendingChildren: XmlNode[] = [];
  private pendingCount = 0;
  // Beside each open element: where its children start among the pending ones, the namespace bindings inside it
  // and its name as written (for its end tag).
  private readonly childrenFrom: number[];
  private readonly scopes: NamespaceScope[];
  private readonly rawNames: string[];
  /** The contents of deferrable elements scanned in this part. */
  private readonly scannedContents = new Map<string, ScannedContent>();
  /** The contents found most recently, latest first: a run's properties are mostly those of a run just before. */
  private readonly recentContents: ScannedContent[] = [];
  /** The deferrable element being scanned now. */
  private watched: WatchedContent | undefined = undefined;
  private deferrableEndTag = '';
  /** The attributes of the tag being read, as written: reused from tag to tag. */
  private readonly rawAttributeNames: string[] = [];
  private readonly rawAttributeValues: string[] = [];
  private root: ScannedElement | undefined = undefined;
  private nodes = 0;
  /** A deferred element's content was counted when the part was read. */
  private readonly limit: number;
  /** Whether the name readName returned last has bytes of 0x80 and above (see decodedName). */
  private nameHasHighBytes = false;

  constructor(
    private readonly source: PartSource,
    private readonly partName: string,
    private readonly length: number,
    private readonly into: DeferredTarget | undefined,
  ) {
    this.text = source.text;
    this.utf8 = source.utf8;
    this.stack = into ? [into.element] : [];
    this.childrenFrom = into ? [0] : [];
    this.scopes = into ? [into.scope, into.scope] : [DOCUMENT_SCOPE];
    this.rawNames = into ? [''] : [];
    this.limit = into ? Infinity : MAX_XML_NODES;
  }

  run(from: number): ScannedElement | undefined {
    const { text, length, into } = this;
    // Every element opens with `<`: counting them first refuses a part of countless empty elements before any tree is
    // built. Each `<` takes three characters at least (`<a>`), so a shorter part cannot hold too many: no pass needed.
    let tags = 0;
    if (!into && length > MAX_XML_NODES * 3) for (let at = text.indexOf('<'); at !== -1 && tags <= MAX_XML_NODES; at = text.indexOf('<', at + 1)) tags++;
    if (tags > MAX_XML_NODES) throw this.tooManyNodes();
    let i = from;
    while (i < length) {
      const lt = text.indexOf('<', i);
      const textEnd = lt === -1 ? length : lt;
      if (textEnd > i) this.readText(i, textEnd);
      if (lt === -1) break;
      const next = text.charCodeAt(lt + 1);
      if (next === 0x2f /* / */) i = this.endTag(lt);
      else if (next === 0x3f /* ? */ || next === 0x21 /* ! */) i = this.markupDeclaration(lt);
      else i = this.startTag(lt);
    }
    if (this.stack.length > (into ? 1 : 0)) throw new XmlSyntaxError(`元素“${this.shown(this.rawNames[this.rawNames.length - 1])}”没有结束`);
    if (into && this.pendingCount > 0) into.element.built = this.pendingChildren.slice(0, this.pendingCount);
    return this.root;
  }

  /** Offsets in messages are offsets in the decoded text. */
  private where(at: number): number {
    return this.source.decoded(at);
  }

  private tooManyNodes(): DocxError {
    return new DocxError('too-large', `部件 ${this.partName} 的元素超过 ${MAX_XML_NODES} 个，拒绝读取（可能是压缩炸弹）`);
  }

  /**
   * A name read before is returned as the same string, not cut out again (see internedNames). From a part scanned as
   * bytes, the name is bytes too: decodedName decodes it for everything but end tags.
   */
  private readName(at: number): string {
    const { text, length } = this;
    let code = text.charCodeAt(at);
    if (!isNameStart(code)) throw new XmlSyntaxError(`第 ${this.where(at)} 个字符处应是元素或属性名`);
    let hash = code;
    let high = code;
    let end = at + 1;
    while (end < length && (isNameCharacter((code = text.charCodeAt(end))) || (this.utf8 && code >= 0x80))) {
      hash = (hash * 31 + code) | 0;
      high |= code;
      end++;
    }
    this.nameHasHighBytes = high >= 0x80;
    const slot = hash & (INTERNED_NAMES - 1);
    const known = internedNames[slot];
    if (known !== undefined && known.length === end - at) {
      let k = 0;
      while (k < known.length && known.charCodeAt(k) === text.charCodeAt(at + k)) k++;
      if (k === known.length) return known;
    }
    const name = text.slice(at, end);
    internedNames[slot] = name;
    return name;
  }

  /** The name readName just returned, read at `at`, decoded. */
  private decodedName(raw: string, at: number): string {
    return this.utf8 && this.nameHasHighBytes ? decodeUtf8(this.source, at, at + raw.length) : raw;
  }

  /** A name as written, for a message. */
  private shown(raw: string): string {
    return this.utf8 ? decodeUtf8(new PartSource(raw, true), 0, raw.length) : raw;
  }

  private skipSpace(at: number): number {
    const { text, length } = this;
    let end = at;
    while (end < length && isSpaceCode(text.charCodeAt(end))) end++;
    return end;
  }

  private count(): void {
    if (++this.nodes > this.limit) throw this.tooManyNodes();
  }

  private addText(start: number, end: number, value: string): void {
    if (this.stack.length === 0) {
      for (let k = start; k < end; k++) if (!isSpaceCode(this.text.charCodeAt(k))) throw new XmlSyntaxError(`第 ${this.where(k)} 个字符处有根元素之外的文字`);
      return;
    }
    this.count();
    this.pendingChildren[this.pendingCount++] = new ScannedText(value, this.source, start, end);
  }

  private close(element: ScannedElement): void {
    this.count();
    if (this.stack.length > 0) this.pendingChildren[this.pendingCount++] = element;
    else if (this.root) throw new XmlSyntaxError(`第 ${element.start} 个字符处有第二个根元素`);
    else this.root = element;
  }

  /** Text between markup, text[i, textEnd) (not empty). */
  private readText(i: number, textEnd: number): void {
    const { text, utf8 } = this;
    const inRoot = this.stack.length > 0;
    const needs = inRoot ? needsDecoding(text, i, textEnd) : FULL_DECODING;
    if (needs !== FULL_DECODING) {
      this.addText(i, textEnd, needs === UTF8_ONLY && utf8 ? decodeUtf8(this.source, i, textEnd) : text.slice(i, textEnd));
      return;
    }
    const raw = utf8 ? decodeUtf8(this.source, i, textEnd) : text.slice(i, textEnd);
    if (inRoot && raw.includes(']]>')) throw new XmlSyntaxError(`第 ${this.where(i)} 个字符后的文字中有“]]>”`);
    // XML reads every line break as `\n`.
    this.addText(i, textEnd, inRoot ? decodeReferences(raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw, this.where(i)) : raw);
  }

  /** `<?…?>`, `<!--…-->`, `<![CDATA[…]]>` or a refused `<!DOCTYPE`; returns the offset after it. */
  private markupDeclaration(lt: number): number {
    const text = this.text;
    if (text.charCodeAt(lt + 1) === 0x3f /* ? */) {
      const end = text.indexOf('?>', lt + 2);
      if (end === -1) throw new XmlSyntaxError(`第 ${this.where(lt)} 个字符处的处理指令没有结束`);
      return end + 2;
    }
    if (text.startsWith('!--', lt + 1)) {
      const end = text.indexOf('-->', lt + 4);
      if (end === -1) throw new XmlSyntaxError(`第 ${this.where(lt)} 个字符处的注释没有结束`);
      return end + 3;
    }
    if (text.startsWith('![CDATA[', lt + 1)) {
      const end = text.indexOf(']]>', lt + 9);
      if (end === -1 || this.stack.length === 0) throw new XmlSyntaxError(`第 ${this.where(lt)} 个字符处的 CDATA 段不完整或在根元素之外`);
      const value = this.utf8 ? decodeUtf8(this.source, lt + 9, end) : text.slice(lt + 9, end);
      if (FORBIDDEN_CHARACTER.test(value)) throw new XmlSyntaxError(`第 ${this.where(lt)} 个字符处的 CDATA 段有 XML 不允许的字符`);
      this.addText(lt, end + 3, value.includes('\r') ? value.replace(/\r\n?/g, '\n') : value);
      return end + 3;
    }
    if (text.startsWith('!DOCTYPE', lt + 1)) {
      throw new DocxError('unsafe-xml', `部件 ${this.partName} 含有 DOCTYPE 声明（Word 从不写入，可能是恶意的实体扩展），拒绝读取`);
    }
    throw new XmlSyntaxError(`第 ${this.where(lt)} 个字符处的“<!”无法识别`);
  }

  /** An end tag at `lt`; returns the offset after it. */
  private endTag(lt: number): number {
    const { text, length } = this;
    const open = this.stack.pop();
    const openName = this.rawNames.pop();
    const innerScope = this.scopes.pop();
    // The end tag is compared with the open element's name where it stands, without cutting a string out of it.
    const nameEnd = lt + 2 + (openName?.length ?? 0);
    if (!open || openName === undefined || !text.startsWith(openName, lt + 2) || (nameEnd < length && isNameCharacter(text.charCodeAt(nameEnd)))) {
      throw new XmlSyntaxError(`第 ${this.where(lt)} 个字符处的结束标签“${this.shown(this.readName(lt + 2))}”与开始标签${open && openName !== undefined ? `“${this.shown(openName)}”` : ''}不匹配`);
    }
    const gt = this.skipSpace(nameEnd);
    if (text.charCodeAt(gt) !== 0x3e) throw new XmlSyntaxError(`第 ${this.where(lt)} 个字符处的结束标签不完整`);
    open.rawContentEnd = lt;
    open.rawEnd = gt + 1;
    const childrenStart = this.childrenFrom.pop() ?? this.pendingCount;
    if (this.pendingCount > childrenStart) {
      open.built = this.pendingChildren.slice(childrenStart, this.pendingCount);
      this.pendingCount = childrenStart;
    }
    const watched = this.watched;
    if (open === watched?.element && innerScope !== undefined) {
      const written = text.slice(open.rawContentStart, lt);
      this.scannedContents.set(written, { written, nodes: this.nodes - watched.nodes, depth: watched.deepest - watched.depth, source: this.source, scope: innerScope, template: open });
      this.watched = undefined;
    }
    this.close(open);
    return gt + 1;
  }

  /** A start tag at `lt`; returns the offset after it, or after the element when its content is deferred. */
  private startTag(lt: number): number {
    const { text, length, stack, scopes, rawAttributeNames, rawAttributeValues } = this;
    if (stack.length >= MAX_XML_DEPTH) {
      throw new DocxError('unsafe-xml', `部件 ${this.partName} 的元素嵌套超过 ${MAX_XML_DEPTH} 层，拒绝读取`);
    }
    const rawName = this.readName(lt + 1);
    const elementName = this.decodedName(rawName, lt + 1);
    let at = lt + 1 + rawName.length;
    const parentScope = scopes[scopes.length - 1];
    let attributes = NO_ATTRIBUTES;
    // Set when the tag declares namespaces (Word does so on the root only): then the names are read again.
    let declarations: Record<string, string> | undefined;
    // Most tags have no attributes: setting an empty array's length is not free at a million tags.
    if (rawAttributeNames.length !== 0) {
      rawAttributeNames.length = 0;
      rawAttributeValues.length = 0;
    }
    let selfClosing = false;
    for (;;) {
      const afterSpace = this.skipSpace(at);
      const code = text.charCodeAt(afterSpace);
      if (code === 0x3e /* > */) {
        at = afterSpace + 1;
        break;
      }
      if (code === 0x2f /* / */ && text.charCodeAt(afterSpace + 1) === 0x3e) {
        selfClosing = true;
        at = afterSpace + 2;
        break;
      }
      if (afterSpace === at || afterSpace >= length) throw new XmlSyntaxError(`第 ${this.where(lt)} 个字符处的开始标签不完整`);
      const rawAttributeName = this.readName(afterSpace);
      const attributeName = this.decodedName(rawAttributeName, afterSpace);
      const equals = this.skipSpace(afterSpace + rawAttributeName.length);
      if (text.charCodeAt(equals) !== 0x3d /* = */) throw new XmlSyntaxError(`第 ${this.where(equals)} 个字符处的属性缺少“=”`);
      const quoteAt = this.skipSpace(equals + 1);
      const quote = text[quoteAt];
      if (quote !== '"' && quote !== "'") throw new XmlSyntaxError(`第 ${this.where(quoteAt)} 个字符处的属性值缺少引号`);
      const closing = text.indexOf(quote, quoteAt + 1);
      if (closing === -1) throw new XmlSyntaxError(`第 ${this.where(quoteAt)} 个字符处的属性值没有结束`);
      const value = this.attributeValue(quoteAt, closing);
      if (rawAttributeNames.includes(attributeName)) throw new XmlSyntaxError(`第 ${this.where(afterSpace)} 个字符处的属性“${attributeName}”重复`);
      rawAttributeNames.push(attributeName);
      rawAttributeValues.push(value);
      if (attributeName === 'xmlns' || attributeName.startsWith('xmlns:')) (declarations ??= {})[attributeName] = value;
      else {
        if (attributes === NO_ATTRIBUTES) attributes = {};
        attributes[parentScope.attributeName(attributeName)] = value;
      }
      at = closing + 1;
    }
    const scope = declarations ? parentScope.withDeclarations(declarations) : parentScope;
    if (scope !== parentScope) {
      attributes = {};
      for (let k = 0; k < rawAttributeNames.length; k++) {
        const raw = rawAttributeNames[k];
        if (raw !== 'xmlns' && !raw.startsWith('xmlns:')) attributes[scope.attributeName(raw)] = rawAttributeValues[k];
      }
    }
    const open = new ScannedElement(scope.elementName(elementName), attributes, this.source, lt, at, at, at);
    if (selfClosing) {
      this.close(open);
      return at;
    }
    if (open.name === DEFERRABLE) {
      const end = this.deferRepeat(open, rawName, scope);
      if (end !== -1) return end;
    }
    stack.push(open);
    this.childrenFrom.push(this.pendingCount);
    scopes.push(scope);
    this.rawNames.push(rawName);
    const watched = this.watched;
    if (watched) watched.deepest = Math.max(watched.deepest, stack.length);
    else if (open.name === DEFERRABLE) this.watched = { element: open, nodes: this.nodes, depth: stack.length, deepest: stack.length };
    return at;
  }

  /** The value of an attribute quoted at `quoteAt` and `closing`, decoded. */
  private attributeValue(quoteAt: number, closing: number): string {
    const needs = needsDecoding(this.text, quoteAt + 1, closing);
    const value = needs === AS_WRITTEN || !this.utf8 ? this.text.slice(quoteAt + 1, closing) : decodeUtf8(this.source, quoteAt + 1, closing);
    if (needs !== FULL_DECODING) return value;
    if (value.includes('<')) throw new XmlSyntaxError(`第 ${this.where(quoteAt)} 个字符处的属性值含有“<”`);
    // Attribute-value normalisation: each white-space character reads as a space.
    return decodeReferences(/[\t\n\r]/.test(value) ? value.replace(/\r\n|[\t\n\r]/g, ' ') : value, this.where(quoteAt + 1));
  }

  /**
   * Content written exactly as an element's before it, closed by the end tag that follows it, is taken as it was
   * read then (its nodes counted, its depth checked) and built only if asked for. Returns the offset after the
   * element, or -1 when its content is new (then it is scanned).
   */
  private deferRepeat(open: ScannedElement, rawName: string, scope: NamespaceScope): number {
    const { text, stack, recentContents } = this;
    const at = open.rawContentStart;
    if (!this.deferrableEndTag.startsWith(rawName, 2) || this.deferrableEndTag.length !== rawName.length + 3) this.deferrableEndTag = `</${rawName}>`;
    const endTag = this.deferrableEndTag;
    const contentEnd = text.indexOf(endTag, at);
    let known: ScannedContent | undefined;
    if (contentEnd !== -1 && contentEnd < this.length) {
      // Compared with the contents found last (natively, as strings of the same length are) before it is looked up
      // by its text, which hashes it.
      const written = text.slice(at, contentEnd);
      for (const recent of recentContents) {
        if (recent.written === written) {
          known = recent;
          break;
        }
      }
      known ??= this.scannedContents.get(written);
    }
    if (known !== undefined && recentContents[0] !== known) {
      const was = recentContents.indexOf(known);
      if (was !== -1) recentContents.splice(was, 1);
      else if (recentContents.length === RECENT_CONTENTS) recentContents.pop();
      recentContents.unshift(known);
    }
    if (known === undefined || known.scope !== scope || stack.length + 1 + known.depth >= MAX_XML_DEPTH) return -1;
    this.nodes += known.nodes;
    if (this.nodes > this.limit) throw this.tooManyNodes();
    if (this.watched) this.watched.deepest = Math.max(this.watched.deepest, stack.length + 1 + known.depth);
    open.rawContentEnd = contentEnd;
    open.rawEnd = contentEnd + endTag.length;
    if (contentEnd > at) open.deferred = known;
    this.close(open);
    return open.rawEnd;
  }
}

/**
 * A string equal for two elements exactly when their markup is written alike (in parts read the same way): a key
 * for caching what is worked out from an element, without decoding or copying the part's text.
 */
export function writtenMarkup(element: XmlElement): string | undefined {
  if (!(element instanceof ScannedElement)) return undefined;
  const written = element.source.text.slice(element.rawStart, element.rawEnd);
  // A part scanned as bytes holds no code above 0xFF, a part scanned as text no U+FFFF (XML forbids it): a text
  // key marked with it never equals a bytes key of other markup.
  return element.source.utf8 ? written : `\uffff${written}`;
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
  if (element instanceof ScannedElement && !element.mayHaveChild(name)) return undefined;
  for (const child of element.children) if (child.type === 'element' && child.name === name) return child;
  return undefined;
}

/** The concatenated decoded text of all text nodes below an element. */
export function textContent(element: XmlElement): string {
  let text = '';
  for (const child of element.children) text += child.type === 'text' ? child.text : textContent(child);
  return text;
}
