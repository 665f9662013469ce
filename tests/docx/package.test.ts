import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DocxError, type DocxErrorKind } from '../../src/core/docx/errors.js';
import { openDocx, setRawInflater } from '../../src/core/docx/package.js';
import { inflateWithZlib } from '../../src/node/lint-one-file.js';
import { declareSize, scrambleEntry } from '../helpers/zip-surgery.js';

const RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;
const DOC_RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.org/" TargetMode="External"/></Relationships>`;
const DOCUMENT = `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>关于做好X年工作的通知</w:t></w:r></w:p></w:body></w:document>`;

function docx(entries: Record<string, string | Uint8Array>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(entries).map(([name, value]) => [name, typeof value === 'string' ? strToU8(value) : value])));
}

function errorKind(bytes: Uint8Array): DocxErrorKind | undefined {
  try {
    openDocx(bytes);
    return undefined;
  } catch (error) {
    if (error instanceof DocxError) return error.kind;
    throw error;
  }
}

describe('openDocx', () => {
  const valid = docx({ '[Content_Types].xml': '<Types/>', '_rels/.rels': RELS, 'word/document.xml': DOCUMENT, 'word/_rels/document.xml.rels': DOC_RELS, 'word/media/image1.png': new Uint8Array([1, 2, 3]) });

  it('finds the main document through the package relationships and resolves part relationships', () => {
    const pkg = openDocx(valid);
    expect(pkg.mainDocument).toBe('word/document.xml');
    expect(pkg.entryNames).toEqual(['[Content_Types].xml', '_rels/.rels', 'word/document.xml', 'word/_rels/document.xml.rels', 'word/media/image1.png']);
    expect(pkg.relationships('word/document.xml')).toEqual([
      { id: 'rId2', type: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer', target: 'word/footer1.xml', external: false },
      { id: 'rId3', type: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink', target: 'https://example.org/', external: true },
    ]);
    expect(pkg.xml('word/document.xml')?.name).toBe('w:document');
    expect(pkg.text('word/media/image1.png')).toBeUndefined();
    expect(pkg.xml('word/missing.xml')).toBeUndefined();
  });

  it('names old binary Word and WPS files and encrypted documents', () => {
    const ole = new Uint8Array(1024);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(errorKind(ole)).toBe('legacy-binary');
    const encrypted = ole.slice();
    const name = 'EncryptionInfo';
    for (let i = 0; i < name.length; i++) encrypted[600 + i * 2] = name.charCodeAt(i);
    expect(errorKind(encrypted)).toBe('encrypted');
    expect(() => openDocx(ole)).toThrowError(/另存为 \.docx/);
  });

  it('refuses what is not a zip, a truncated zip, and a zip without a document part', () => {
    expect(errorKind(strToU8('X年以来，纯文本'))).toBe('not-a-zip');
    expect(errorKind(new Uint8Array(0))).toBe('not-a-zip');
    expect(errorKind(valid.subarray(0, Math.floor(valid.length / 2)))).toBe('corrupt');
    expect(errorKind(docx({ '_rels/.rels': RELS, 'word/styles.xml': '<x/>' }))).toBe('missing-document');
  });

  it('stops at the entry and size caps before inflating a zip bomb', () => {
    const zeros = new Uint8Array(80 * 1024 * 1024);
    const bomb = docx({ '_rels/.rels': RELS, 'word/document.xml': zeros });
    expect(bomb.length).toBeLessThan(200_000);
    expect(errorKind(bomb)).toBe('too-large');
    const many: Record<string, string> = { '_rels/.rels': RELS, 'word/document.xml': DOCUMENT };
    for (let i = 0; i < 10_001; i++) many[`word/media/${i}.bin`] = '';
    expect(errorKind(docx(many))).toBe('too-large');
  });

  it('stops inflating at the declared size even when the data says more', () => {
    const bomb = declareSize(docx({ '_rels/.rels': RELS, 'word/document.xml': DOCUMENT + ' '.repeat(1_000_000) }), 'word/document.xml', strToU8(DOCUMENT).length);
    expect(openDocx(bomb).text('word/document.xml')).toBe(DOCUMENT);
  });

  describe('with zlib installed as the inflater', () => {
    beforeAll(() => setRawInflater(inflateWithZlib));
    afterAll(() => setRawInflater(undefined));

    it('reads the parts as fflate does', () => {
      const pkg = openDocx(valid);
      expect(pkg.text('word/document.xml')).toBe(DOCUMENT);
      expect(pkg.relationships('word/document.xml').map((relationship) => relationship.target)).toEqual(['word/footer1.xml', 'https://example.org/']);
    });

    it('still stops at the declared size when the data says more', () => {
      const bomb = declareSize(docx({ '_rels/.rels': RELS, 'word/document.xml': DOCUMENT + ' '.repeat(1_000_000) }), 'word/document.xml', strToU8(DOCUMENT).length);
      expect(openDocx(bomb).text('word/document.xml')).toBe(DOCUMENT);
    });

    it('refuses scrambled compressed data as corrupt', () => {
      const broken = scrambleEntry(docx({ '_rels/.rels': RELS, 'word/document.xml': DOCUMENT.repeat(20) }), 'word/document.xml');
      expect(() => openDocx(broken).text('word/document.xml')).toThrowError(/损坏/);
    });
  });

  it('inflates a part only when it is asked for', () => {
    const theme = `<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office 主题">${'<a:srgbClr val="4472C4"/>'.repeat(200)}</a:theme>`;
    const bytes = scrambleEntry(docx({ '_rels/.rels': RELS, 'word/document.xml': DOCUMENT, 'word/theme/theme1.xml': theme }), 'word/theme/theme1.xml');
    const pkg = openDocx(bytes);
    expect(pkg.text('word/document.xml')).toBe(DOCUMENT);
    expect(() => pkg.text('word/theme/theme1.xml')).toThrowError(DocxError);
  });

  it('refuses a part that is not valid UTF-8', () => {
    const bytes = docx({ '_rels/.rels': RELS, 'word/document.xml': new Uint8Array([0x3c, 0x61, 0x3e, 0xff, 0xfe, 0x3c, 0x2f, 0x61, 0x3e]) });
    expect(() => openDocx(bytes).text('word/document.xml')).toThrowError(/无效的 UTF-8/);
  });
});
