import { strToU8, strFromU8, unzipSync, zipSync, Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DocxError } from '../../src/core/docx/errors.js';
import { crc32, readZipDirectory, rewriteZip } from '../../src/core/docx/zip.js';

/** A zip written by fflate's streaming writer: its entries have data descriptors (flag bit 3). */
function streamedZip(entries: Record<string, string>): Uint8Array {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  let first = true;
  for (const [name, text] of Object.entries(entries)) {
    const file = first ? new ZipPassThrough(name) : new ZipDeflate(name, { level: 9 });
    first = false;
    file.mtime = new Date(2024, 2, 5, 9, 30, 12);
    zip.add(file);
    file.push(strToU8(text), true);
  }
  zip.end();
  const output = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    output.set(chunk, offset);
    offset += chunk.length;
  }
  return output;
}

/** fflate writes no archive comment; this appends one to the end record. */
function withArchiveComment(zip: Uint8Array, comment: string): Uint8Array {
  const bytes = strToU8(comment);
  const output = new Uint8Array(zip.length + bytes.length);
  output.set(zip);
  output.set(bytes, zip.length);
  new DataView(output.buffer).setUint16(zip.length - 2, bytes.length, true);
  return output;
}

const DOCUMENT = '<w:document><w:body><w:p><w:r><w:t>关于做好2024年春季安全生产工作的通知</w:t></w:r></w:p></w:body></w:document>';

function withoutOffset(record: Uint8Array): Uint8Array {
  const copy = record.slice();
  new DataView(copy.buffer).setUint32(42, 0, true);
  return copy;
}

describe('crc32', () => {
  it('gives the standard check value', () => {
    expect(crc32(strToU8('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });
});

describe('rewriteZip', () => {
  const cases: [string, Uint8Array][] = [
    [
      'zipSync with extra fields, comments, stored and deflated entries',
      withArchiveComment(
        zipSync({
          '[Content_Types].xml': [strToU8('<Types/>'), { level: 0, mtime: new Date(1980, 0, 1) }],
          'word/document.xml': [strToU8(DOCUMENT), { level: 9, comment: '正文' }],
          'word/media/image1.png': [new Uint8Array([137, 80, 78, 71, 1, 2, 3]), { level: 0, extra: { 0x5455: new Uint8Array([1, 2, 3, 4, 5]) } }],
          'docProps/core.xml': [strToU8('<cp:coreProperties/>'), { level: 1, os: 3, attrs: 0o644 << 16 }],
        }),
        '包注释',
      ),
    ],
    ['a streamed zip with data descriptors', streamedZip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': DOCUMENT, 'word/styles.xml': '<w:styles/>' })],
  ];

  for (const [title, original] of cases) {
    it(`copies every untouched entry byte for byte: ${title}`, () => {
      const before = readZipDirectory(original);
      const fixedDocument = strToU8(DOCUMENT.replace('2024年', '2025年'));
      const rewritten = rewriteZip(original, {
        replace: new Map([['word/document.xml', fixedDocument]]),
        add: [{ name: 'word/comments.xml', content: strToU8('<w:comments/>'), datedLike: 'word/document.xml' }],
      });
      const after = readZipDirectory(rewritten);
      expect(after.entries.map((entry) => entry.name)).toEqual([...before.entries.map((entry) => entry.name), 'word/comments.xml']);
      expect(strFromU8(after.comment)).toBe(title.startsWith('zipSync') ? '包注释' : '');
      for (const entry of before.entries) {
        if (entry.name === 'word/document.xml') continue;
        const copy = after.entries.find((candidate) => candidate.name === entry.name);
        expect(copy?.localRecord, entry.name).toEqual(entry.localRecord);
        expect(withoutOffset(copy!.centralRecord), entry.name).toEqual(withoutOffset(entry.centralRecord));
      }
      const files = unzipSync(rewritten);
      expect(strFromU8(files['word/document.xml'])).toContain('2025年');
      expect(strFromU8(files['word/comments.xml'])).toBe('<w:comments/>');
      expect(Object.keys(files)).toHaveLength(before.entries.length + 1);
      // The replaced entry keeps its date and time; the added one takes the document's.
      const dated = (name: string, directory = after): number =>
        new DataView(directory.entries.find((entry) => entry.name === name)!.centralRecord.slice().buffer).getUint32(12, true);
      expect(dated('word/document.xml')).toBe(dated('word/document.xml', before));
      expect(dated('word/comments.xml')).toBe(dated('word/document.xml', before));
      // The CRC of a replaced entry is the CRC of its new content.
      const central = after.entries.find((entry) => entry.name === 'word/document.xml')!.centralRecord;
      expect(new DataView(central.slice().buffer).getUint32(16, true)).toBe(crc32(fixedDocument));
    });
  }

  it('returns the same bytes when nothing changes', () => {
    const original = cases[0][1];
    expect(rewriteZip(original, {})).toEqual(original);
  });

  it('refuses a Zip64 package and a truncated one clearly', () => {
    const original = zipSync({ 'word/document.xml': strToU8(DOCUMENT) });
    const zip64 = original.slice();
    const data = new DataView(zip64.buffer);
    data.setUint32(zip64.length - 22 + 16, 0xffffffff, true);
    expect(() => readZipDirectory(zip64)).toThrowError(DocxError);
    expect(() => readZipDirectory(zip64)).toThrowError(/Zip64/);
    expect(() => readZipDirectory(original.subarray(0, original.length - 30))).toThrowError(/已损坏/);
  });

  it('refuses to replace an entry that does not exist or add one that does', () => {
    const original = zipSync({ 'word/document.xml': strToU8(DOCUMENT) });
    expect(() => rewriteZip(original, { replace: new Map([['word/missing.xml', new Uint8Array(0)]]) })).toThrow();
    expect(() => rewriteZip(original, { add: [{ name: 'word/document.xml', content: new Uint8Array(0) }] })).toThrow();
  });
});

describe('rewriteZip on a Node Buffer', () => {
  it('never writes into the input, whose slices are views', () => {
    const original = Buffer.from(zipSync({ 'word/document.xml': strToU8(DOCUMENT), 'word/styles.xml': strToU8('<w:styles/>') }));
    const copy = Buffer.from(original);
    rewriteZip(original, { replace: new Map([['word/document.xml', strToU8(DOCUMENT.replace('2024', '2025'))]]) });
    expect(Buffer.compare(original, copy)).toBe(0);
  });
});
