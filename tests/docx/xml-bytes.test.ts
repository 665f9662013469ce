import { afterAll, describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { DocxError } from '../../src/core/docx/errors.js';
import { openDocx, setByteReading } from '../../src/core/docx/package.js';
import { firstChild, parseUtf8Xml, parseXml, writtenMarkup, type XmlElement, type XmlNode } from '../../src/core/docx/xml.js';
import { BUFFER_BYTE_READING } from '../../src/node/lint-one-file.js';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

/** A part's UTF-8 bytes one character per byte, as the package gives them to parseUtf8Xml. */
function asBytes(text: string): string {
  return Buffer.from(text, 'utf8').toString('latin1');
}

/** Everything a reader or writer sees of a node, offsets included. */
function plain(node: XmlNode): unknown {
  if (node.type === 'text') return { text: node.text, start: node.start, end: node.end };
  const { name, attributes, start, end, contentStart, contentEnd } = node;
  return { name, attributes: { ...attributes }, start, end, contentStart, contentEnd, children: node.children.map(plain) };
}

// Chinese text and font names, a character outside the BMP (𠮷, four bytes), references and CDATA beside them,
// line breaks to normalise, a name that is not ASCII, run properties repeated (read once, then compared).
const FONT = '<w:rPr><w:rFonts w:ascii="仿宋_GB2312" w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/></w:rPr>';
const PART = [
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n',
  `<w:document xmlns:w="${W}" xmlns:自定="urn:example:自定"><w:body>`,
  `<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r>${FONT}<w:t>关于做好2024年𠮷祥&amp;安全工作的通知</w:t></w:r>`,
  `<w:r>${FONT}<w:t xml:space="preserve">各区县人民政府：&#x4E00;\r\n二</w:t></w:r></w:p>`,
  `<!-- 注释：不读 --><w:p><自定:标记 自定:属性="甲&lt;乙" w:val="第 1\t条"/><w:r>${FONT}<w:t><![CDATA[<附件>𠮷]]></w:t></w:r></w:p>`,
  '</w:body></w:document>',
].join('');

describe('a part scanned as its UTF-8 bytes', () => {
  it('gives the tree, texts and offsets that scanning its decoded text gives', () => {
    const fromText = parseXml(PART, 'word/document.xml');
    const fromBytes = parseUtf8Xml(asBytes(PART), 'word/document.xml');
    expect(plain(fromBytes)).toEqual(plain(fromText));
    const body = firstChild(fromBytes, 'w:body')!;
    const mark = firstChild(body.children[1] as XmlElement, '自定:标记')!;
    expect(mark.attributes).toEqual({ '自定:属性': '甲<乙', 'w:val': '第 1 条' });
    expect(PART.slice(mark.start, mark.end)).toBe('<自定:标记 自定:属性="甲&lt;乙" w:val="第 1\t条"/>');
  });

  it('decodes text of every length, a character outside the BMP at any place included', () => {
    const sentence = '各地区各部门要切实加强组织领导，认真抓好贯彻落实。';
    for (const length of [1, 63, 64, 65, 4095, 4096, 4097, 9000]) {
      const long = (sentence.repeat(Math.ceil(length / sentence.length)).slice(0, length - 1) + '𠮷').repeat(2);
      const part = `<w:document xmlns:w="${W}"><w:body><w:p><w:r><w:t>${long}</w:t></w:r></w:p></w:body></w:document>`;
      expect(plain(parseUtf8Xml(asBytes(part), 'p'))).toEqual(plain(parseXml(part, 'p')));
    }
  });

  it('gives markup written alike the same key, whichever way the part was scanned, and other markup another', () => {
    const key = (root: XmlElement): (string | undefined)[] => {
      const paragraphs = firstChild(root, 'w:body')!.children as XmlElement[];
      return paragraphs.flatMap((paragraph) => paragraph.children.filter((node): node is XmlElement => node.type === 'element' && node.name === 'w:r').map((run) => writtenMarkup(firstChild(run, 'w:rPr')!)));
    };
    const fromBytes = key(parseUtf8Xml(asBytes(PART), 'p'));
    expect(new Set(fromBytes).size).toBe(1);
    expect(fromBytes[0]).toBe(asBytes(FONT));
    const fromText = key(parseXml(PART, 'p'));
    expect(new Set(fromText).size).toBe(1);
    expect(fromText[0]).not.toBe(fromBytes[0]);
    const other = parseUtf8Xml(asBytes(`<w:document xmlns:w="${W}"><w:body><w:p><w:r><w:rPr><w:b/></w:rPr></w:r></w:p></w:body></w:document>`), 'p');
    expect(key(other)[0]).not.toBe(fromBytes[0]);
  });

  it('refuses what scanning the text refuses, saying where in characters', () => {
    const broken = '<w:document><w:body>第一段文字</w:bdy></w:document>';
    expect(() => parseUtf8Xml(asBytes(broken), 'p')).toThrowError(/第 25 个字符处的结束标签“w:bdy”与开始标签“w:body”不匹配/);
    expect(() => parseXml(broken, 'p')).toThrowError(/第 25 个字符处/);
    // U+FFFE and U+FFFF are valid UTF-8 but not XML characters.
    expect(() => parseUtf8Xml(asBytes('<a>通知\uFFFE</a>'), 'p')).toThrowError(/第 5 个字符处有 XML 不允许的字符/);
    expect(() => parseUtf8Xml(asBytes('<a b="\uFFFF"/>'), 'p')).toThrowError(/不允许的字符/);
    expect(() => parseUtf8Xml(asBytes('<a>&未定义;</a>'), 'p')).toThrowError(/未定义的实体/);
    expect(() => parseUtf8Xml(asBytes('<!DOCTYPE a><a/>'), 'p')).toThrowError(/DOCTYPE/);
  });
});

describe('a package read with each byte reading', () => {
  afterAll(() => setByteReading(undefined));

  for (const [label, reading] of [['decoded whole (no byte reading)', undefined], ['scanned as bytes (Buffer)', BUFFER_BYTE_READING]] as const) {
    it(`${label}: reads a part with and without a byte order mark at the offsets of its decoded text`, () => {
      setByteReading(reading);
      const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...strToU8(PART)]);
      const pkg = openDocx(zipSync({ '_rels/.rels': strToU8(RELS), 'word/document.xml': withBom }));
      const root = pkg.xml('word/document.xml')!;
      expect(plain(root)).toEqual(plain(parseXml(PART, 'p')));
      expect(pkg.text('word/document.xml')).toBe(PART);
    });

    it(`${label}: refuses a part that is not valid UTF-8`, () => {
      setByteReading(reading);
      for (const invalid of [[0xc3, 0x28], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xc0, 0xaf], [0xe4, 0xb8]]) {
        const part = new Uint8Array([...strToU8(`<w:document xmlns:w="${W}"><w:body><w:p><w:r><w:t>通知`), ...invalid, ...strToU8('</w:t></w:r></w:p></w:body></w:document>')]);
        const pkg = openDocx(zipSync({ '_rels/.rels': strToU8(RELS), 'word/document.xml': part }));
        expect(() => pkg.xml('word/document.xml')).toThrowError(DocxError);
        expect(() => pkg.xml('word/document.xml')).toThrowError(/无效的 UTF-8/);
      }
    });
  }
});
