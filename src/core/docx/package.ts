/**
 * Opens a Word package (.docx) from its bytes, safely: the bytes are checked for the formats people mistake
 * for .docx (old binary .doc and .wps, encrypted documents), the zip directory is bounded in entries and in
 * declared sizes, and each part is inflated into a buffer no larger than its declared size, so a zip bomb
 * stops at the cap instead of filling memory. Only XML parts are inflated, and only when asked for.
 */
import { unzipSync, type UnzipFileInfo } from 'fflate';
import { DocxError } from './errors.js';
import { parseXml, childElements, type XmlElement } from './xml.js';

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

function decodePart(bytes: Uint8Array, partName: string): string {
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le', { fatal: true }).decode(bytes.subarray(2));
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be', { fatal: true }).decode(bytes.subarray(2));
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new DocxError('invalid-encoding', `部件 ${partName} 含有无效的 UTF-8 字节，文件可能已损坏`);
  }
}

function isXmlPart(name: string): boolean {
  return name.endsWith('.xml') || name.endsWith('.rels');
}

/** Opens a .docx from its bytes. Throws DocxError (with a Chinese message for the user) when it cannot. */
export function openDocx(bytes: Uint8Array, limits: PackageLimits = DEFAULT_LIMITS): DocxPackage {
  checkSignature(bytes);
  const entryNames: string[] = [];
  let declaredTotal = 0;
  let raw: Record<string, Uint8Array>;
  try {
    raw = unzipSync(bytes, {
      filter(file: UnzipFileInfo): boolean {
        entryNames.push(file.name);
        if (entryNames.length > limits.maxEntries) {
          throw new DocxError('too-large', `压缩包中的条目超过 ${limits.maxEntries} 个，不像 Word 文档，拒绝读取`);
        }
        if (!isXmlPart(file.name)) return false;
        if (file.originalSize > limits.maxPartSize) {
          throw new DocxError('too-large', `部件 ${file.name} 解压后有 ${file.originalSize} 字节，超过上限 ${limits.maxPartSize}，拒绝读取（可能是压缩炸弹）`);
        }
        declaredTotal += file.originalSize;
        if (declaredTotal > limits.maxTotalSize) {
          throw new DocxError('too-large', `文档各部件解压后合计超过 ${limits.maxTotalSize} 字节，拒绝读取（可能是压缩炸弹）`);
        }
        return true;
      },
    });
  } catch (error) {
    if (error instanceof DocxError) throw error;
    throw new DocxError('corrupt', `.docx 压缩包已损坏或不完整，无法读取（${error instanceof Error ? error.message : String(error)}）`);
  }

  const texts = new Map<string, string>();
  const trees = new Map<string, XmlElement>();
  const relationshipCache = new Map<string, readonly Relationship[]>();

  const text = (partName: string): string | undefined => {
    const cached = texts.get(partName);
    if (cached !== undefined) return cached;
    const data = raw[partName];
    if (data === undefined) return undefined;
    const decoded = decodePart(data, partName);
    texts.set(partName, decoded);
    return decoded;
  };
  const xml = (partName: string): XmlElement | undefined => {
    const cached = trees.get(partName);
    if (cached) return cached;
    const source = text(partName);
    if (source === undefined) return undefined;
    const tree = parseXml(source, partName);
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
  if (raw[mainDocument] === undefined) {
    throw new DocxError('missing-document', '压缩包中没有 Word 正文部件（word/document.xml），不是有效的 .docx 文件');
  }
  return { entryNames, mainDocument, text, xml, relationships };
}
