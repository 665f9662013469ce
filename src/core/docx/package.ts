/**
 * Opens a Word package (.docx) from its bytes, safely: the bytes are checked for the formats people mistake
 * for .docx (old binary .doc and .wps, encrypted documents), the zip directory is bounded in entries and in
 * declared sizes, and each part is inflated into a buffer no larger than its declared size, so a zip bomb
 * stops at the cap instead of filling memory. Only XML parts are inflated, and only when asked for: a real
 * draft's theme, settings and font table are never inflated.
 */
import { inflateSync, unzipSync, type UnzipFileInfo } from 'fflate';
import { DocxError } from './errors.js';
import { parseUtf8Xml, parseXml, childElements, type XmlElement } from './xml.js';

export interface PackageLimits {
  /** Zip entries at most (a real draft has a few dozen). */
  readonly maxEntries: number;
  /** Declared uncompressed size of one part at most, in bytes. */
  readonly maxPartSize: number;
  /** Declared uncompressed size of all the parts read, together, at most. */
  readonly maxTotalSize: number;
}

export const DEFAULT_LIMITS: PackageLimits = {
  maxEntries: 10_000,
  maxPartSize: 64 * 1024 * 1024,
  maxTotalSize: 256 * 1024 * 1024,
};

/** A relationship from a part's `_rels` file: `target` is resolved to a part name. */
export interface Relationship {
  readonly id: string;
  readonly type: string;
  /** The part name the relationship points to (no leading slash), or the raw target when external. */
  readonly target: string;
  readonly external: boolean;
}

export interface DocxPackage {
  /** Every entry name, in the zip's own order. */
  readonly entryNames: readonly string[];
  /** The main document part (usually `word/document.xml`). */
  readonly mainDocument: string;
  /** A part's decoded text, or undefined when the package has no such part. */
  text(partName: string): string | undefined;
  /** A part parsed as XML (cached), or undefined when the package has no such part. */
  xml(partName: string): XmlElement | undefined;
  /** The relationships of a part (from `…/_rels/<name>.rels`); empty when it has none. */
  relationships(partName: string): readonly Relationship[];
}

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const OFFICE_DOCUMENT_TYPE = /\/officeDocument$/;

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((byte, i) => bytes[i] === byte);
}

/** Whether `bytes` contains `text` written as UTF-16LE (how OLE stream names are stored). */
function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const first = text.charCodeAt(0);
  outer: for (let i = 0; i + text.length * 2 <= bytes.length; i++) {
    if (bytes[i] !== first || bytes[i + 1] !== 0) continue;
    for (let j = 1; j < text.length; j++) {
      if (bytes[i + j * 2] !== text.charCodeAt(j) || bytes[i + j * 2 + 1] !== 0) continue outer;
    }
    return true;
  }
  return false;
}

/** Refuses what is not a zip, naming what it is where that is known. */
function checkSignature(bytes: Uint8Array): void {
  if (startsWith(bytes, OLE_SIGNATURE)) {
    // An encrypted .docx is an OLE container holding EncryptionInfo and EncryptedPackage streams.
    if (containsUtf16(bytes, 'EncryptionInfo') || containsUtf16(bytes, 'EncryptedPackage')) {
      throw new DocxError('encrypted', '文档已加密或设置了打开密码，无法检查；请取消密码后另存为 .docx 再检查');
    }
    throw new DocxError('legacy-binary', '这是旧版二进制 Word 文档（.doc）或 WPS 文档（.wps），不是 .docx；请在 Word 或 WPS 中另存为 .docx 再检查');
  }
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04) {
    throw new DocxError('not-a-zip', '不是有效的 .docx 文件（不是 zip 压缩包），文件可能已损坏或扩展名有误');
  }
}

/** Resolves a relationship target against the folder of the part that holds the relationship. */
function resolveTarget(sourcePart: string, target: string): string {
  const base = target.startsWith('/') ? [] : sourcePart.split('/').slice(0, -1);
  for (const segment of target.replace(/^\//, '').split('/')) {
    if (segment === '..') base.pop();
    else if (segment !== '.' && segment !== '') base.push(segment);
  }
  return base.join('/');
}

function relationshipsPartName(partName: string): string {
  const slash = partName.lastIndexOf('/');
  return `${partName.slice(0, slash + 1)}_rels/${partName.slice(slash + 1)}.rels`;
}

function invalidEncoding(partName: string): DocxError {
  return new DocxError('invalid-encoding', `部件 ${partName} 含有无效的 UTF-8 字节，文件可能已损坏`);
}

function decodePart(bytes: Uint8Array, partName: string): string {
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le', { fatal: true }).decode(bytes.subarray(2));
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be', { fatal: true }).decode(bytes.subarray(2));
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw invalidEncoding(partName);
  }
}

/**
 * Reading a part's bytes as they are, for the XML scanner (see parseUtf8Xml): installed by an adapter that has it
 * natively (Node's Buffer does each about ten times faster than decoding the part). Without it, a part is decoded
 * whole and its text scanned, which in JavaScript alone is the faster way.
 */
export interface ByteReading {
  /** The bytes, one character per byte. */
  latin1(bytes: Uint8Array): string;
  /** Whether the bytes are valid UTF-8 (overlong forms, surrogates and code points past U+10FFFF are not). */
  isUtf8(bytes: Uint8Array): boolean;
}

let byteReading: ByteReading | undefined;

/** Installs (or, with undefined, removes) native byte reading. */
export function setByteReading(reading: ByteReading | undefined): void {
  byteReading = reading;
}

/**
 * Parses a part from its bytes. UTF-8 (what Word writes) is scanned as bytes when byte reading is installed, never
 * decoded as a whole: only its text is, by the scanner. Otherwise, and for a part in UTF-16 (it starts with a byte
 * order mark), the part is decoded first.
 */
function parsePart(bytes: Uint8Array, partName: string): XmlElement {
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (byteReading === undefined || utf16) return parseXml(decodePart(bytes, partName), partName);
  if (!byteReading.isUtf8(bytes)) throw invalidEncoding(partName);
  // The decoded text has no byte order mark (see decodePart), so the scanned bytes have none either: the offsets agree.
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return parseUtf8Xml(byteReading.latin1(hasBom ? bytes.subarray(3) : bytes), partName);
}

function isXmlPart(name: string): boolean {
  return name.endsWith('.xml') || name.endsWith('.rels');
}

/**
 * Inflates raw deflate data of a part into a new array of at most `size` bytes, throwing when the data says
 * more. fflate is used unless an adapter installs a native inflater (Node's zlib is about 40 % cheaper); the
 * core cannot import it itself.
 */
export type RawInflater = (data: Uint8Array, size: number) => Uint8Array;

let nativeInflater: RawInflater | undefined;

/** Installs (or, with undefined, removes) the inflater tried before fflate. */
export function setRawInflater(inflater: RawInflater | undefined): void {
  nativeInflater = inflater;
}

/** A part's entry as the central directory gives it: its data is inflated only when the part is asked for. */
interface StoredPart {
  readonly method: number;
  readonly data: Uint8Array;
  /** Declared uncompressed size: the part never inflates to more. */
  readonly size: number;
}

const METHOD_STORED = 0;
const METHOD_DEFLATE = 8;
const ZIP64_MARK = 0xffffffff;

function corruptZip(reason: string): DocxError {
  return new DocxError('corrupt', `.docx 压缩包已损坏或不完整，无法读取（${reason}）`);
}

const entryNameDecoder = new TextDecoder('utf-8');

function latin1(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return text;
}

/**
 * Walks the central directory (APPNOTE.TXT 4.3) as fflate's unzipSync does, calling `accept` for each entry in
 * order and keeping those it accepts, without inflating anything. Undefined for a Zip64 package, which
 * openDocx leaves to unzipSync.
 */
function locateParts(bytes: Uint8Array, accept: (name: string, size: number) => boolean): Map<string, StoredPart> | undefined {
  const data = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = bytes.length - 22;
  for (; end < 0 || data.getUint32(end, true) !== 0x06054b50; end--) {
    if (end <= 0 || bytes.length - end > 65558) throw corruptZip('invalid zip data');
  }
  const count = data.getUint16(end + 8, true);
  let cursor = data.getUint32(end + 16, true);
  if (count === 0xffff || cursor === ZIP64_MARK || (end >= 20 && data.getUint32(end - 20, true) === 0x07064b50)) return undefined;
  const parts = new Map<string, StoredPart>();
  for (let i = 0; i < count; i++) {
    if (cursor + 46 > end) throw corruptZip('invalid zip data');
    const nameLength = data.getUint16(cursor + 28, true);
    const compressedSize = data.getUint32(cursor + 20, true);
    const size = data.getUint32(cursor + 24, true);
    const local = data.getUint32(cursor + 42, true);
    if (compressedSize === ZIP64_MARK || size === ZIP64_MARK || local === ZIP64_MARK) return undefined;
    if (cursor + 46 + nameLength > end) throw corruptZip('invalid zip data');
    const nameBytes = bytes.subarray(cursor + 46, cursor + 46 + nameLength);
    // Without the UTF-8 flag a name is read byte for byte, as fflate reads it.
    const name = data.getUint16(cursor + 8, true) & 0x0800 ? entryNameDecoder.decode(nameBytes) : latin1(nameBytes);
    const method = data.getUint16(cursor + 10, true);
    cursor += 46 + nameLength + data.getUint16(cursor + 30, true) + data.getUint16(cursor + 32, true);
    if (!accept(name, size)) continue;
    if (local + 30 > bytes.length) throw corruptZip('invalid zip data');
    const dataStart = local + 30 + data.getUint16(local + 26, true) + data.getUint16(local + 28, true);
    if (dataStart + compressedSize > bytes.length) throw corruptZip('unexpected EOF');
    parts.set(name, { method, data: bytes.subarray(dataStart, dataStart + compressedSize), size });
  }
  return parts;
}

/** Inflates a part, at most to its declared size: more data than declared is cut there, as unzipSync cuts it. */
function inflatePart(part: StoredPart, partName: string): Uint8Array {
  if (part.method === METHOD_STORED) return part.data;
  if (part.method !== METHOD_DEFLATE) throw corruptZip(`unknown compression type ${part.method}`);
  if (nativeInflater) {
    try {
      return nativeInflater(part.data, part.size);
    } catch {
      // Corrupt data, or more than declared: fflate says which (and cuts the latter at the declared size).
    }
  }
  try {
    return inflateSync(part.data, { out: new Uint8Array(part.size) });
  } catch (error) {
    throw corruptZip(`${partName}：${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Opens a .docx from its bytes. Throws DocxError (with a Chinese message for the user) when it cannot. */
export function openDocx(bytes: Uint8Array, limits: PackageLimits = DEFAULT_LIMITS): DocxPackage {
  checkSignature(bytes);
  const entryNames: string[] = [];
  let declaredTotal = 0;
  // Every entry is counted and every XML part's declared size checked before anything is inflated.
  const accept = (name: string, size: number): boolean => {
    entryNames.push(name);
    if (entryNames.length > limits.maxEntries) {
      throw new DocxError('too-large', `压缩包中的条目超过 ${limits.maxEntries} 个，不像 Word 文档，拒绝读取`);
    }
    if (!isXmlPart(name)) return false;
    if (size > limits.maxPartSize) {
      throw new DocxError('too-large', `部件 ${name} 解压后有 ${size} 字节，超过上限 ${limits.maxPartSize}，拒绝读取（可能是压缩炸弹）`);
    }
    declaredTotal += size;
    if (declaredTotal > limits.maxTotalSize) {
      throw new DocxError('too-large', `文档各部件解压后合计超过 ${limits.maxTotalSize} 字节，拒绝读取（可能是压缩炸弹）`);
    }
    return true;
  };
  let stored: Map<string, StoredPart> | undefined;
  // Zip64 packages only: every XML part inflated at once by fflate.
  let inflated: Record<string, Uint8Array> = {};
  try {
    stored = locateParts(bytes, accept);
    if (stored === undefined) {
      entryNames.length = 0;
      declaredTotal = 0;
      inflated = unzipSync(bytes, { filter: (file: UnzipFileInfo): boolean => accept(file.name, file.originalSize) });
    }
  } catch (error) {
    if (error instanceof DocxError) throw error;
    throw new DocxError('corrupt', `.docx 压缩包已损坏或不完整，无法读取（${error instanceof Error ? error.message : String(error)}）`);
  }
  const hasPart = (partName: string): boolean => (stored ? stored.has(partName) : inflated[partName] !== undefined);
  const partBytes = (partName: string): Uint8Array | undefined => {
    const part = stored?.get(partName);
    return part ? inflatePart(part, partName) : inflated[partName];
  };

  const texts = new Map<string, string>();
  const trees = new Map<string, XmlElement>();
  // The bytes of the parts parsed, for their text if it is asked for too (writing back): not inflated twice.
  const parsedBytes = new Map<string, Uint8Array>();
  const relationshipCache = new Map<string, readonly Relationship[]>();

  const text = (partName: string): string | undefined => {
    const cached = texts.get(partName);
    if (cached !== undefined) return cached;
    const data = parsedBytes.get(partName) ?? partBytes(partName);
    if (data === undefined) return undefined;
    const decoded = decodePart(data, partName);
    texts.set(partName, decoded);
    return decoded;
  };
  const xml = (partName: string): XmlElement | undefined => {
    const cached = trees.get(partName);
    if (cached) return cached;
    let tree: XmlElement;
    const decoded = texts.get(partName);
    if (decoded !== undefined) tree = parseXml(decoded, partName);
    else {
      const data = partBytes(partName);
      if (data === undefined) return undefined;
      tree = parsePart(data, partName);
      parsedBytes.set(partName, data);
    }
    trees.set(partName, tree);
    return tree;
  };
  const relationships = (partName: string): readonly Relationship[] => {
    const cached = relationshipCache.get(partName);
    if (cached) return cached;
    const tree = xml(relationshipsPartName(partName === '' ? '' : partName));
    const list: Relationship[] = tree
      ? childElements(tree, 'pr:Relationship').map((element) => {
          const external = element.attributes.TargetMode === 'External';
          const target = element.attributes.Target ?? '';
          return { id: element.attributes.Id ?? '', type: element.attributes.Type ?? '', target: external ? target : resolveTarget(partName, target), external };
        })
      : [];
    relationshipCache.set(partName, list);
    return list;
  };

  // The package's own relationships (`_rels/.rels`) name the main document; Word always writes one.
  const packageRelationships = relationships('');
  const mainDocument = packageRelationships.find((relationship) => OFFICE_DOCUMENT_TYPE.test(relationship.type))?.target ?? 'word/document.xml';
  if (!hasPart(mainDocument)) {
    throw new DocxError('missing-document', '压缩包中没有 Word 正文部件（word/document.xml），不是有效的 .docx 文件');
  }
  return { entryNames, mainDocument, text, xml, relationships };
}
