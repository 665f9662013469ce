import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { BinaryFileError, DraftReadError, decodeDraft, encodeDraft } from '../../src/node/io.js';
import { fixtures } from '../fixtures/encodings/generate.mjs';

const fixtureDirectory = join(import.meta.dirname, '../fixtures/encodings');

describe('decodeDraft on the committed fixtures', () => {
  const expected: Record<string, { encoding: string; bom: boolean }> = {
    'notice.gb18030.txt': { encoding: 'gb18030', bom: false },
    'request.utf16le-bom.txt': { encoding: 'utf-16le', bom: true },
    'report.utf8-bom-crlf.md': { encoding: 'utf-8', bom: true },
    'letter.utf8-mixed-eol.md': { encoding: 'utf-8', bom: false },
  };
  for (const fixture of fixtures) {
    it(`detects ${fixture.file} and encodes it back to the same bytes`, () => {
      const bytes = readFileSync(join(fixtureDirectory, fixture.file));
      const draft = decodeDraft(bytes);
      expect({ encoding: draft.encoding, bom: draft.bom }).toEqual(expected[fixture.file]);
      expect(draft.text).toBe(fixture.text);
      expect(encodeDraft(draft.text, draft).equals(bytes)).toBe(true);
    });
  }

  it('keeps the line endings of the file in the decoded text', () => {
    const crlf = decodeDraft(readFileSync(join(fixtureDirectory, 'report.utf8-bom-crlf.md')));
    expect(crlf.text.split('\r\n').length - 1).toBe(crlf.text.split('\n').length - 1);
    const mixed = decodeDraft(readFileSync(join(fixtureDirectory, 'letter.utf8-mixed-eol.md')));
    expect(mixed.text).toContain('盼复。');
    expect(mixed.text.match(/\r(?!\n)/g)).toHaveLength(1);
    expect(mixed.text.endsWith('盼复。')).toBe(true);
  });

  it('decodes a GB18030 four-byte character outside GBK', () => {
    const draft = decodeDraft(readFileSync(join(fixtureDirectory, 'notice.gb18030.txt')));
    expect(draft.text).toContain('刘䶮');
  });
});

describe('decodeDraft detection', () => {
  it('reads an empty file as UTF-8 without BOM', () => {
    expect(decodeDraft(new Uint8Array())).toEqual({ text: '', encoding: 'utf-8', bom: false });
  });

  it('reads a lone UTF-8 BOM as an empty text with BOM', () => {
    const draft = decodeDraft(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(draft).toEqual({ text: '', encoding: 'utf-8', bom: true });
    expect(encodeDraft('', draft)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('reads UTF-16BE with BOM, including an unpaired surrogate, and writes it back exactly', () => {
    const body = Buffer.from('请示\ud800，妥否', 'utf16le').swap16();
    const bytes = Buffer.concat([Buffer.from([0xfe, 0xff]), body]);
    const draft = decodeDraft(bytes);
    expect(draft).toEqual({ text: '请示\ud800，妥否', encoding: 'utf-16be', bom: true });
    expect(encodeDraft(draft.text, draft).equals(bytes)).toBe(true);
  });

  it('allows NUL characters after a BOM, where the encoding is certain', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('甲\0乙', 'utf16le')]);
    expect(decodeDraft(bytes).text).toBe('甲\0乙');
  });

  it('reads GBK text as GB18030 and writes it back in the same bytes', () => {
    const bytes = iconv.encode('各科室：请于本周五前报送材料。', 'gbk');
    const draft = decodeDraft(bytes);
    expect(draft).toEqual({ text: '各科室：请于本周五前报送材料。', encoding: 'gb18030', bom: false });
    expect(encodeDraft(draft.text, draft).equals(bytes)).toBe(true);
  });

  it('calls a file with NUL bytes and no BOM binary, in Chinese', () => {
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]);
    expect(() => decodeDraft(bytes, { filePath: 'logo.png' })).toThrow(BinaryFileError);
    expect(() => decodeDraft(bytes, { filePath: 'logo.png' })).toThrow(/^logo\.png：不是文本文件（含有 NUL 字节）/);
  });

  it('calls UTF-16 text without a BOM binary rather than guessing', () => {
    // Any ASCII character (a digit here) has a zero byte in UTF-16.
    expect(() => decodeDraft(Buffer.from('2024年通知', 'utf16le'))).toThrow(BinaryFileError);
  });

  it('calls bytes valid in neither UTF-8 nor GB18030 binary', () => {
    // 0xFF can never appear in GB18030, and is never valid UTF-8.
    expect(() => decodeDraft(Buffer.from([0xc4, 0xe3, 0xff, 0xba, 0xc3]))).toThrow(/既不是有效的 UTF-8，也不是有效的 GB18030\/GBK/);
  });

  it('calls a UTF-8 BOM followed by invalid UTF-8 binary', () => {
    expect(() => decodeDraft(Buffer.from([0xef, 0xbb, 0xbf, 0xc4, 0xe3]))).toThrow(BinaryFileError);
  });

  it('calls a UTF-16 BOM with an odd number of bytes binary', () => {
    expect(() => decodeDraft(Buffer.from([0xff, 0xfe, 0x1a, 0x90, 0x77]))).toThrow(BinaryFileError);
  });
});

describe('decodeDraft with --encoding', () => {
  it('uses the named encoding even where UTF-8 would also decode', () => {
    // These six bytes are valid UTF-8 (涓枃) and valid GBK (娑撴瀮) alike; detection says UTF-8, the user may know better.
    const bytes = Buffer.from([0xe6, 0xb6, 0x93, 0xe6, 0x9e, 0x83]);
    expect(decodeDraft(bytes).encoding).toBe('utf-8');
    const draft = decodeDraft(bytes, { encoding: 'GBK' });
    expect(draft).toEqual({ text: '娑撴瀮', encoding: 'gbk', bom: false });
    expect(encodeDraft(draft.text, draft).equals(bytes)).toBe(true);
  });

  it('accepts the usual spellings of UTF-8 and keeps a BOM', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('函', 'utf8')]);
    for (const name of ['utf8', 'UTF-8', 'utf_8']) {
      expect(decodeDraft(bytes, { encoding: name })).toEqual({ text: '函', encoding: 'utf-8', bom: true });
    }
  });

  it('reads BOM-less UTF-16LE when told to', () => {
    const bytes = Buffer.from('通知', 'utf16le');
    expect(decodeDraft(bytes, { encoding: 'utf-16le' })).toEqual({ text: '通知', encoding: 'utf-16le', bom: false });
  });

  it('names an unknown encoding in Chinese', () => {
    expect(() => decodeDraft(Buffer.from('a'), { encoding: 'klingon', filePath: 'a.txt' })).toThrow(
      new DraftReadError('a.txt', 'a.txt：不支持的编码“klingon”。可用 utf-8、utf-16le、utf-16be、gb18030、gbk 等'),
    );
  });

  it('refuses bytes that would not be written back unchanged in the named encoding', () => {
    const gbk = iconv.encode('报告', 'gbk');
    expect(() => decodeDraft(gbk, { encoding: 'utf-8', filePath: 'b.txt' })).toThrow('b.txt：内容不是有效的 utf-8 编码，无法按此编码读取和写回');
  });
});

describe('encodeDraft', () => {
  it('writes fixed text in the draft encoding and BOM', () => {
    expect(encodeDraft('甲，乙', { encoding: 'gb18030', bom: false })).toEqual(iconv.encode('甲，乙', 'gb18030'));
    expect(encodeDraft('甲', { encoding: 'utf-16le', bom: true })).toEqual(Buffer.from([0xff, 0xfe, 0x32, 0x75]));
    expect(encodeDraft('甲', { encoding: 'utf-16be', bom: true })).toEqual(Buffer.from([0xfe, 0xff, 0x75, 0x32]));
    expect(encodeDraft('甲', { encoding: 'utf-8', bom: true })).toEqual(Buffer.from([0xef, 0xbb, 0xbf, 0xe7, 0x94, 0xb2]));
  });
});
