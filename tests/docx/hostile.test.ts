/**
 * Bad and hostile input through parseDocx: each is refused with a DocxError whose Chinese message says what
 * is wrong, quickly and without inflating more than the caps allow.
 */
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DocxError, type DocxErrorKind } from '../../src/core/docx/errors.js';
import { parseDocx } from '../../src/core/parse/docx.js';
import { setByteReading } from '../../src/core/docx/package.js';
import { BUFFER_BYTE_READING } from '../../src/node/lint-one-file.js';
import { buildDocx, paragraph, run } from '../fixtures/docx/build.js';
import { declareSize, scrambleEntry } from '../helpers/zip-surgery.js';

const RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

function zip(entries: Record<string, string | Uint8Array>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(entries).map(([name, value]) => [name, typeof value === 'string' ? strToU8(value) : value])));
}

function failure(bytes: Uint8Array): { kind: DocxErrorKind; message: string; ms: number } {
  const started = performance.now();
  try {
    parseDocx(bytes);
  } catch (error) {
    if (error instanceof DocxError) return { kind: error.kind, message: error.message, ms: performance.now() - started };
    throw error;
  }
  throw new Error('parseDocx accepted hostile input');
}

function oleFile(streamName?: string): Uint8Array {
  const bytes = new Uint8Array(4096);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  if (streamName) for (let i = 0; i < streamName.length; i++) bytes[1024 + i * 2] = streamName.charCodeAt(i);
  return bytes;
}

describe('parseDocx refuses bad and hostile files with a clear Chinese message', () => {
  const valid = buildDocx({ body: paragraph(run('关于做好防汛工作的通知')) });
  const cases: [string, () => Uint8Array, DocxErrorKind, RegExp][] = [
    ['an old binary .doc', () => oleFile('WordDocument'), 'legacy-binary', /另存为 \.docx/],
    ['a .wps file', () => oleFile('WpsCustomData'), 'legacy-binary', /WPS/],
    ['an encrypted document', () => oleFile('EncryptedPackage'), 'encrypted', /密码/],
    ['plain text named .docx', () => strToU8('关于做好防汛工作的通知'), 'not-a-zip', /不是 zip/],
    ['an empty file', () => new Uint8Array(0), 'not-a-zip', /不是有效的 \.docx/],
    ['a truncated zip', () => valid.subarray(0, Math.floor(valid.length * 0.6)), 'corrupt', /损坏或不完整/],
    ['a corrupt zip (scrambled compressed data)', () => scrambleEntry(valid, 'word/document.xml'), 'corrupt', /损坏/],
    ['a zip without word/document.xml', () => zip({ '_rels/.rels': RELS, 'word/styles.xml': `<w:styles ${W}/>` }), 'missing-document', /word\/document\.xml/],
    ['a zip bomb by declared size', () => declareSize(valid, 'word/document.xml', 0xfff0_0000), 'too-large', /压缩炸弹/],
    [
      'a zip bomb of many parts, each under the part cap',
      () => {
        let bytes = zip(Object.fromEntries([['_rels/.rels', RELS], ['word/document.xml', `<w:document ${W}><w:body/></w:document>`], ...Array.from({ length: 6 }, (_, i) => [`word/part${i}.xml`, '<a/>'])]));
        for (let i = 0; i < 6; i++) bytes = declareSize(bytes, `word/part${i}.xml`, 50 * 1024 * 1024);
        return bytes;
      },
      'too-large',
      /压缩炸弹/,
    ],
    [
      'a zip bomb by actual size: more data than declared stops inflating at the declared size',
      () => {
        const head = `<w:document ${W}><w:body><w:p><w:r><w:t>`;
        const bytes = zip({ '_rels/.rels': RELS, 'word/document.xml': `${head}${'X'.repeat(4_000_000)}</w:t></w:r></w:p></w:body></w:document>` });
        return declareSize(bytes, 'word/document.xml', head.length + 10);
      },
      'malformed-xml',
      /格式正确的 XML/,
    ],
    ['a zip bomb of empty elements (small declared size, a huge tree)', () => zip({ '_rels/.rels': RELS, 'word/document.xml': `<w:document ${W}><w:body>${'<w:p/>'.repeat(1_600_000)}</w:body></w:document>` }), 'too-large', /元素超过/],
    ['a DOCTYPE with an external entity', () => zip({ '_rels/.rels': RELS, 'word/document.xml': `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document ${W}><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>` }), 'unsafe-xml', /DOCTYPE/],
    ['an undeclared entity', () => zip({ '_rels/.rels': RELS, 'word/document.xml': `<w:document ${W}><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>` }), 'malformed-xml', /XML/],
    ['deeply nested XML', () => zip({ '_rels/.rels': RELS, 'word/document.xml': `<w:document ${W}><w:body>${'<w:sdt><w:sdtContent>'.repeat(20_000)}${'</w:sdtContent></w:sdt>'.repeat(20_000)}</w:body></w:document>` }), 'unsafe-xml', /嵌套/],
    ['invalid UTF-8 in the document', () => zip({ '_rels/.rels': RELS, 'word/document.xml': new Uint8Array([...strToU8(`<w:document ${W}><w:body><w:p><w:r><w:t>`), 0xc3, 0x28, ...strToU8('</w:t></w:r></w:p></w:body></w:document>')]) }), 'invalid-encoding', /UTF-8/],
    ['malformed XML', () => zip({ '_rels/.rels': RELS, 'word/document.xml': `<w:document ${W}><w:body><w:p></w:body>` }), 'malformed-xml', /格式正确的 XML/],
    ['invalid UTF-8 in the numbering part', () => buildWithPart('word/numbering.xml', new Uint8Array([0x3c, 0x61, 0x3e, 0xff, 0x3c, 0x2f, 0x61, 0x3e])), 'invalid-encoding', /numbering\.xml/],
  ];
  // Each part decoded whole (no byte reading: the browser), and scanned as bytes (Node's Buffer: the command line).
  for (const [reading, byteReading] of [['decoded whole', undefined], ['scanned as bytes', BUFFER_BYTE_READING]] as const) {
    describe(reading, () => {
      beforeAll(() => setByteReading(byteReading));
      afterAll(() => setByteReading(undefined));
      for (const [name, make, kind, message] of cases) {
        it(name, () => {
          const result = failure(make());
          expect(result.kind).toBe(kind);
          expect(result.message).toMatch(message);
          expect(result.message).toMatch(/[\u4e00-\u9fff]/);
          expect(result.ms).toBeLessThan(10_000);
        });
      }
    });
  }
});

/** A valid draft with one part replaced by other bytes (relationships point at it). */
function buildWithPart(name: string, bytes: Uint8Array): Uint8Array {
  const entries = unzipSync(buildDocx({ body: paragraph(run('正文。')), numbering: '' }));
  entries[name] = bytes;
  return zipSync(entries);
}

describe('parseDocx stays linear on pathological but valid drafts', () => {
  it('reads a paragraph of 20,000 tracked insertions and formatting changes quickly', () => {
    const runs = Array.from({ length: 20_000 }, (_, i) =>
      i % 2 === 0
        ? `<w:ins w:id="${i}" w:author="张三">${run('增')}</w:ins>`
        : `<w:r><w:rPr><w:rPrChange w:id="${i}" w:author="李四"><w:rPr/></w:rPrChange></w:rPr><w:t>改</w:t></w:r>`,
    ).join('');
    const started = performance.now();
    const document = parseDocx(buildDocx({ body: paragraph(runs) }));
    expect(document.blocks[0].text.length).toBe(20_000);
    expect(document.docx?.revisions.length).toBe(20_000);
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});
