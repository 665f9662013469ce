import { isUtf8 } from 'node:buffer';
import { randomBytes } from 'node:crypto';
import { constants, readFileSync } from 'node:fs';
import { access, chmod, chown, open, realpath, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { createRequire } from 'node:module';

/** A draft as read from disk: its decoded text and what is needed to write it back byte for byte. */
export interface Draft {
  /** Decoded text without the BOM; line endings exactly as in the file. */
  text: string;
  /** The encoding it was decoded from: `utf-8`, `utf-16le`, `utf-16be`, `gb18030`, or a name given with `--encoding`. */
  encoding: string;
  /** Whether the file started with a byte order mark. */
  bom: boolean;
}

export interface ReadDraftOptions {
  /** Overrides detection (`--encoding`): any name iconv-lite knows, e.g. `gbk`, `utf-16le`, `big5`. */
  encoding?: string;
}

/** The file could not be read or decoded; the message is Chinese and names the file. */
export class DraftReadError extends Error {
  constructor(
    readonly filePath: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'DraftReadError';
  }
}

/** Neither text in a supported encoding nor valid in the encoding given: linting it would only produce noise. */
export class BinaryFileError extends DraftReadError {
  constructor(filePath: string, reason: string) {
    super(filePath, `${filePath}：不是文本文件（${reason}），已跳过。如确为文本，请用 --encoding 指定其编码`);
    this.name = 'BinaryFileError';
  }
}

/** The fixed text could not be written back; the original file is left as it was. */
export class DraftWriteError extends Error {
  constructor(
    readonly filePath: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'DraftWriteError';
  }
}

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;
const UTF16LE_BOM = [0xff, 0xfe] as const;
const UTF16BE_BOM = [0xfe, 0xff] as const;

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  if (bytes.length < prefix.length) return false;
  return prefix.every((byte, i) => bytes[i] === byte);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.compare(a, b) === 0;
}

/**
 * iconv-lite, required on first use: only GB18030/GBK drafts and `--encoding` need it, and nearly every
 * draft is UTF-8. It is CommonJS, so it loads synchronously inside the synchronous decoding path.
 */
let iconvModule: typeof import('iconv-lite') | undefined;
function iconv(): typeof import('iconv-lite') {
  iconvModule ??= createRequire(import.meta.url)('iconv-lite') as typeof import('iconv-lite');
  return iconvModule;
}

/**
 * Strict UTF-8 (no overlong forms, surrogates or code points past U+10FFFF), a BOM kept as a character.
 * `isUtf8` validates with SIMD; a fatal TextDecoder did the same at a third of the speed.
 */
function decodeUtf8(bytes: Uint8Array): string | undefined {
  return isUtf8(bytes) ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8') : undefined;
}

/** UTF-16 through Buffer, which keeps unpaired surrogates as they are, so every even-length body round-trips. */
function decodeUtf16(body: Uint8Array, bigEndian: boolean): string {
  const buffer = Buffer.from(body);
  if (bigEndian) buffer.swap16();
  return buffer.toString('utf16le');
}

function encodeUtf16(text: string, bigEndian: boolean): Buffer {
  const buffer = Buffer.from(text, 'utf16le');
  if (bigEndian) buffer.swap16();
  return buffer;
}

/** Lower-case, with the usual spellings folded, so that `UTF8`, `utf_8` and `utf-8` name one encoding. */
function canonicalEncoding(name: string): string {
  const folded = name.trim().toLowerCase().replace(/_/g, '-');
  switch (folded.replace(/-/g, '')) {
    case 'utf8':
      return 'utf-8';
    case 'utf16le':
      return 'utf-16le';
    case 'utf16be':
      return 'utf-16be';
    case 'gb18030':
      return 'gb18030';
    default:
      return folded;
  }
}

function bodyBytes(text: string, encoding: string): Buffer {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-16le':
      return encodeUtf16(text, false);
    case 'utf-16be':
      return encodeUtf16(text, true);
    default:
      return iconv().encode(text, encoding);
  }
}

function bomBytes(encoding: string): readonly number[] {
  if (encoding === 'utf-16le') return UTF16LE_BOM;
  if (encoding === 'utf-16be') return UTF16BE_BOM;
  return UTF8_BOM;
}

/** The bytes of `text` in the draft's encoding, with its BOM if it had one. */
export function encodeDraft(text: string, draft: Pick<Draft, 'encoding' | 'bom'>): Buffer {
  const encoding = canonicalEncoding(draft.encoding);
  const body = bodyBytes(text, encoding);
  return draft.bom ? Buffer.concat([Buffer.from(bomBytes(encoding)), body]) : body;
}

/** Decodes with an encoding the user named; refuses bytes that would not be written back unchanged. */
function decodeAs(bytes: Uint8Array, name: string, filePath: string): Draft {
  const encoding = canonicalEncoding(name);
  if (encoding !== 'utf-16le' && encoding !== 'utf-16be' && !iconv().encodingExists(encoding)) {
    throw new DraftReadError(filePath, `${filePath}：不支持的编码“${name}”。可用 utf-8、utf-16le、utf-16be、gb18030、gbk 等`);
  }
  const bomPrefix = encoding === 'utf-16le' ? UTF16LE_BOM : encoding === 'utf-16be' ? UTF16BE_BOM : encoding === 'utf-8' ? UTF8_BOM : [];
  const bom = bomPrefix.length > 0 && startsWith(bytes, bomPrefix);
  const body = bytes.subarray(bom ? bomPrefix.length : 0);
  let text: string | undefined;
  if (encoding === 'utf-8') text = decodeUtf8(body);
  else if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    text = body.length % 2 === 0 ? decodeUtf16(body, encoding === 'utf-16be') : undefined;
  } else {
    text = iconv().decode(Buffer.from(body), encoding, { stripBOM: false });
  }
  const draft: Draft = { text: text ?? '', encoding, bom };
  if (text === undefined || !sameBytes(encodeDraft(draft.text, draft), bytes)) {
    throw new DraftReadError(filePath, `${filePath}：内容不是有效的 ${encoding} 编码，无法按此编码读取和写回`);
  }
  return draft;
}

/**
 * Detects the encoding and decodes. Order: a BOM decides (UTF-8, UTF-16LE, UTF-16BE); otherwise valid UTF-8
 * without NUL bytes is UTF-8; otherwise, without NUL bytes, GB18030 if it decodes and encodes back to the very
 * same bytes. Anything else is binary. Every accepted result satisfies `encodeDraft(text, draft)` = `bytes`.
 */
export function decodeDraft(bytes: Uint8Array, options: ReadDraftOptions & { filePath?: string } = {}): Draft {
  const filePath = options.filePath ?? '<stdin>';
  if (options.encoding !== undefined) return decodeAs(bytes, options.encoding, filePath);
  if (startsWith(bytes, UTF8_BOM)) {
    const text = decodeUtf8(bytes.subarray(UTF8_BOM.length));
    if (text === undefined) throw new BinaryFileError(filePath, '以 UTF-8 BOM 开头，但内容不是有效的 UTF-8');
    return { text, encoding: 'utf-8', bom: true };
  }
  if (startsWith(bytes, UTF16LE_BOM) || startsWith(bytes, UTF16BE_BOM)) {
    const bigEndian = bytes[0] === 0xfe;
    const body = bytes.subarray(2);
    if (body.length % 2 !== 0) throw new BinaryFileError(filePath, '以 UTF-16 BOM 开头，但字节数为奇数');
    return { text: decodeUtf16(body, bigEndian), encoding: bigEndian ? 'utf-16be' : 'utf-16le', bom: true };
  }
  // Without a BOM, a NUL byte means binary (or BOM-less UTF-16, which cannot be told from binary reliably).
  if (bytes.includes(0)) throw new BinaryFileError(filePath, '含有 NUL 字节');
  const utf8 = decodeUtf8(bytes);
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8', bom: false };
  const gb18030 = iconv().decode(Buffer.from(bytes), 'gb18030', { stripBOM: false });
  const draft: Draft = { text: gb18030, encoding: 'gb18030', bom: false };
  if (sameBytes(encodeDraft(gb18030, draft), bytes)) return draft;
  throw new BinaryFileError(filePath, '既不是有效的 UTF-8，也不是有效的 GB18030/GBK');
}

/** Chinese wording for the file-system errors a user can act on. */
function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return '文件不存在';
    case 'EACCES':
    case 'EPERM':
      return '没有访问权限';
    case 'EISDIR':
      return '这是一个目录，不是文件';
    case 'EROFS':
      return '所在文件系统为只读';
    case 'ENOSPC':
      return '磁盘空间不足';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

/** A file's bytes as they are (a Word package is read this way). Throws DraftReadError naming the file. */
export function readFileBytes(filePath: string): Buffer {
  try {
    // Synchronous on purpose: for drafts of a few KB, the promise API's open/stat/read/close round trips
    // cost several times the read itself, and linting is CPU-bound anyway.
    return readFileSync(filePath);
  } catch (error) {
    throw new DraftReadError(filePath, `${filePath}：无法读取（${describeFsError(error)}）`, { cause: error });
  }
}

/** Reads and decodes a draft; see `decodeDraft` for detection. Throws DraftReadError / BinaryFileError. */
export async function readDraft(filePath: string, options: ReadDraftOptions = {}): Promise<Draft> {
  return decodeDraft(readFileBytes(filePath), { ...options, filePath });
}

/**
 * Whether we may write at `path`. Root passes every access check, so a mode without any write bit is also
 * taken as the owner's wish that the file (or directory) not be changed.
 */
async function isWritable(path: string, mode: number): Promise<boolean> {
  if ((mode & 0o222) === 0) return false;
  try {
    await access(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Writes the fixed text back in the draft's encoding and BOM, atomically (see writeFileAtomically). Any
 * failure leaves the original untouched and throws DraftWriteError.
 */
export async function writeDraft(filePath: string, text: string, draft: Draft): Promise<void> {
  await writeFileAtomically(filePath, encodeDraft(text, draft));
}

/**
 * Writes bytes atomically: they go to a temporary file beside the target, are checked and synced, take over
 * the target's mode (and owner, where permitted), and are renamed over it. Any failure leaves the original
 * (or, for a new file, nothing) behind and throws DraftWriteError; `what` names what was being written.
 */
export async function writeFileAtomically(filePath: string, bytes: Uint8Array, what = '写回修复结果'): Promise<void> {
  const fail = (reason: string, cause?: unknown): DraftWriteError =>
    new DraftWriteError(filePath, `${filePath}：无法${what}（${reason}），原文件未改动`, cause === undefined ? undefined : { cause });
  // Write through a symlink to its target, so that the link itself stays a link.
  const target = await realpath(filePath).catch(() => filePath);
  const targetStat = await stat(target).catch(() => undefined);
  if (targetStat && !(await isWritable(target, targetStat.mode))) {
    throw fail('文件为只读，请先取消只读属性');
  }
  const directory = dirname(target);
  const directoryStat = await stat(directory).catch((error: unknown) => {
    throw fail(describeFsError(error), error);
  });
  if (!(await isWritable(directory, directoryStat.mode))) throw fail(`所在目录“${directory}”为只读，无法创建临时文件`);

  const temporary = join(directory, `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.gwtmp`);
  const mode = (targetStat?.mode ?? 0o666) & 0o7777;
  let renamed = false;
  try {
    const handle = await open(temporary, 'wx', 0o600);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
      // A short write (a full disk) must never replace the original.
      if ((await handle.stat()).size !== bytes.length) throw new Error('写入的字节数不完整');
    } finally {
      await handle.close();
    }
    if (targetStat) {
      await chown(temporary, targetStat.uid, targetStat.gid).catch(() => {
        // Only root may give a file away; for anyone else the new file keeps its creator as owner.
      });
    }
    await chmod(temporary, targetStat ? mode : mode & ~process.umask());
    await rename(temporary, target);
    renamed = true;
  } catch (error) {
    throw fail(describeFsError(error), error);
  } finally {
    if (!renamed) await unlink(temporary).catch(() => {});
  }
}
