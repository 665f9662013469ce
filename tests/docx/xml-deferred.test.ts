import { describe, expect, it } from 'vitest';
import { DocxError } from '../../src/core/docx/errors.js';
import { MAX_XML_DEPTH, MAX_XML_NODES, childElements, firstChild, parseXml, type XmlElement, type XmlNode } from '../../src/core/docx/xml.js';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const FONT = '<w:rPr><w:rFonts w:ascii="仿宋_GB2312" w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/></w:rPr>';

/** A plain copy of a node and its descendants, as if read by a scanner that defers nothing. */
function plain(node: XmlNode): unknown {
  if (node.type === 'text') return { ...node };
  const { name, attributes, start, end, contentStart, contentEnd } = node;
  return { name, attributes: { ...attributes }, start, end, contentStart, contentEnd, children: node.children.map(plain) };
}

function runs(source: string): XmlElement[] {
  const body = firstChild(parseXml(source, 'word/document.xml'), 'w:body')!;
  return childElements(firstChild(body, 'w:p')!, 'w:r');
}

describe('run properties written alike (read once, built on demand)', () => {
  const text = ['关于做好', '重点工作', '的通知'];
  const source = `<w:document xmlns:w="${W}"><w:body><w:p>${text.map((t) => `<w:r>${FONT}<w:t>${t}</w:t></w:r>`).join('')}</w:p></w:body></w:document>`;

  it('gives every repeat the children a full reading gives, at its own offsets', () => {
    const [first, ...repeats] = runs(source).map((run) => firstChild(run, 'w:rPr')!);
    for (const repeat of repeats) {
      const shift = repeat.start - first.start;
      const shifted = JSON.parse(JSON.stringify(plain(first)), (key, value: unknown) => (['start', 'end', 'contentStart', 'contentEnd'].includes(key) ? (value as number) + shift : value));
      expect(plain(repeat)).toEqual(shifted);
      expect(source.slice(repeat.start, repeat.end)).toBe(FONT);
      const size = firstChild(repeat, 'w:sz')!;
      expect(source.slice(size.start, size.end)).toBe('<w:sz w:val="32"/>');
    }
  });

  it('reads each repeat like its first when more kinds of properties alternate than are compared in place', () => {
    const kinds = ['黑体', '楷体_GB2312', '仿宋_GB2312', '宋体', '方正小标宋简体', '华文中宋'].map((font, k) => `<w:rPr><w:rFonts w:eastAsia="${font}"/><w:sz w:val="${30 + k}"/></w:rPr>`);
    const order = [0, 1, 2, 3, 4, 5, 0, 5, 1, 1, 4, 2, 3, 0];
    const many = `<w:document xmlns:w="${W}"><w:body><w:p>${order.map((kind, k) => `<w:r>${kinds[kind]}<w:t>第${k}段</w:t></w:r>`).join('')}</w:p></w:body></w:document>`;
    const properties = runs(many).map((run) => firstChild(run, 'w:rPr')!);
    expect(properties.map((element) => many.slice(element.start, element.end))).toEqual(order.map((kind) => kinds[kind]));
    expect(properties.map((element) => firstChild(element, 'w:sz')?.attributes['w:val'])).toEqual(order.map((kind) => String(30 + kind)));
  });

  it('finds a child of a repeat without building the others, and finds none it does not have', () => {
    const properties = runs(source).map((run) => firstChild(run, 'w:rPr')!);
    expect(firstChild(properties[2], 'w:vanish')).toBeUndefined();
    expect(firstChild(properties[2], 'w:rFonts')?.attributes['w:eastAsia']).toBe('仿宋_GB2312');
  });

  it('keeps the namespace bindings in force at the repeat', () => {
    const other = `<x:document xmlns:x="${W}"><x:body><x:p>${['甲', '乙'].map((t) => `<x:r><x:rPr><x:b/></x:rPr><x:t>${t}</x:t></x:r>`).join('')}</x:p></x:body></x:document>`;
    const properties = runs(other).map((run) => firstChild(run, 'w:rPr')!);
    expect(properties.map((element) => element.children.map((child) => (child as XmlElement).name))).toEqual([['w:b'], ['w:b']]);
  });

  it('reads a repeat that only looks alike up to an end tag inside it (a formatting change) in full', () => {
    const changed = '<w:rPr><w:b/><w:rPrChange w:id="1" w:author="张三"><w:rPr><w:i/></w:rPr></w:rPrChange></w:rPr>';
    const twice = `<w:document xmlns:w="${W}"><w:body><w:p><w:r>${changed}<w:t>甲</w:t></w:r><w:r>${changed}<w:t>乙</w:t></w:r></w:p></w:body></w:document>`;
    for (const run of runs(twice)) {
      const change = firstChild(firstChild(run, 'w:rPr')!, 'w:rPrChange')!;
      expect(change.attributes['w:author']).toBe('张三');
      expect(firstChild(firstChild(change, 'w:rPr')!, 'w:i')).toBeDefined();
    }
  });

  it('still refuses malformed content in a later run property that differs from the earlier', () => {
    const broken = `<w:document xmlns:w="${W}"><w:body><w:p><w:r>${FONT}</w:r><w:r><w:rPr><w:b></w:rPr></w:r></w:p></w:body></w:document>`;
    expect(() => parseXml(broken, 'word/document.xml')).toThrowError(/不是格式正确的 XML/);
  });

  it('refuses a part of countless repeated run properties', () => {
    const repeats = Math.ceil(MAX_XML_NODES / 4) + 1;
    const bomb = `<w:document xmlns:w="${W}"><w:body><w:p>${`<w:r>${FONT}</w:r>`.repeat(repeats)}</w:p></w:body></w:document>`;
    expect(() => parseXml(bomb, 'word/document.xml')).toThrowError(DocxError);
    expect(() => parseXml(bomb, 'word/document.xml')).toThrowError(/元素超过/);
  });

  it('checks the nesting of a repeat against the depth limit', () => {
    const depth = MAX_XML_DEPTH - 3;
    const deep = (inner: string): string => '<a>'.repeat(depth) + inner + '</a>'.repeat(depth);
    const properties = '<w:rPr><w:b/></w:rPr>';
    // The first run property is within the limit; the same content, a level deeper, is not.
    const source = `<w:document xmlns:w="${W}">${deep(`${properties}<a>${properties}</a>`)}</w:document>`;
    expect(() => parseXml(source, 'p')).toThrowError(/嵌套超过/);
  });
});
