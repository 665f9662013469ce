import { describe, expect, it } from 'vitest';
import { DocxError } from '../../src/core/docx/errors.js';
import { MAX_XML_DEPTH, parseXml, textContent, type XmlElement, type XmlNode } from '../../src/core/docx/xml.js';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

function walk(node: XmlNode, visit: (node: XmlNode) => void): void {
  visit(node);
  if (node.type === 'element') for (const child of node.children) walk(child, visit);
}

describe('parseXml', () => {
  const source = `<?xml version="1.0" encoding="UTF-8"?>\n<w:document xmlns:w="${W}"><w:body><w:p><w:r><w:t xml:space="preserve">X年&amp;以来，</w:t></w:r><w:r><w:t/></w:r><!-- c --><w:r><w:t><![CDATA[a<b]]></w:t></w:r></w:p></w:body></w:document>`;
  const root = parseXml(source, 'word/document.xml');

  it('keeps each element and text node at its offsets in the source', () => {
    let elements = 0;
    let texts = 0;
    walk(root, (node) => {
      if (node.type === 'element') {
        elements++;
        const raw = source.slice(node.start, node.end);
        expect(raw.startsWith('<')).toBe(true);
        expect(raw.endsWith('>')).toBe(true);
        expect(source.slice(node.start + 1).startsWith(node.name)).toBe(true);
        if (node.contentEnd > node.contentStart) expect(source.slice(node.contentEnd, node.end)).toBe(`</${node.name}>`);
      } else {
        texts++;
        expect(source.slice(node.start, node.end)).toMatch(/^(X年&amp;以来，|<!\[CDATA\[a<b\]\]>)$/);
      }
    });
    expect(elements).toBe(9);
    expect(texts).toBe(2);
  });

  it('decodes entities and CDATA, and names attributes canonically', () => {
    expect(textContent(root)).toBe('X年&以来，a<b');
    const t = (root.children[0] as XmlElement).children[0] as XmlElement;
    expect(t.name).toBe('w:p');
    const firstText = ((t.children[0] as XmlElement).children[0] as XmlElement);
    expect(firstText.attributes).toEqual({ 'xml:space': 'preserve' });
  });

  it('gives a namespace its usual prefix whatever prefix the file binds it to', () => {
    const other = parseXml(`<x:document xmlns:x="${W}"><x:body x:val="1"/></x:document>`, 'p');
    expect(other.name).toBe('w:document');
    expect((other.children[0] as XmlElement).name).toBe('w:body');
    expect((other.children[0] as XmlElement).attributes).toEqual({ 'w:val': '1' });
  });

  it('refuses a DOCTYPE, undefined entities and external entities without resolving them', () => {
    const withEntity = `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY e SYSTEM "file:///etc/passwd">]><d>&e;</d>`;
    expect(() => parseXml(withEntity, 'word/document.xml')).toThrowError(DocxError);
    expect(() => parseXml(withEntity, 'word/document.xml')).toThrowError(/DOCTYPE/);
    expect(() => parseXml('<d>&e;</d>', 'p')).toThrowError(/不是格式正确的 XML/);
  });

  it('refuses malformed and too deeply nested XML', () => {
    expect(() => parseXml('<a><b></a>', 'p')).toThrowError(/不是格式正确的 XML/);
    expect(() => parseXml('', 'p')).toThrowError(DocxError);
    const deep = '<a>'.repeat(MAX_XML_DEPTH + 1) + '</a>'.repeat(MAX_XML_DEPTH + 1);
    expect(() => parseXml(deep, 'p')).toThrowError(/嵌套超过/);
    const allowed = '<a>'.repeat(MAX_XML_DEPTH) + '</a>'.repeat(MAX_XML_DEPTH);
    expect(parseXml(allowed, 'p').name).toBe('a');
  });
});

describe('parseXml well-formedness and normalisation', () => {
  const malformed = [
    ['an unquoted attribute value', `<w:p xmlns:w="${W}" w:val=1/>`],
    ['a duplicate attribute', '<a b="1" b="2"/>'],
    ['attributes without a space between them', '<a b="1"c="2"/>'],
    ['a mismatched end tag', '<a><b></c></a>'],
    ['an end tag without a start tag', '</a>'],
    ['an unclosed element', '<a><b/>'],
    ['text outside the root', 'x<a/>'],
    ['two roots', '<a/><b/>'],
    ['a bare ampersand', '<a>X年&以来</a>'],
    ['a reference to a forbidden character', '<a>&#1;</a>'],
    ['a forbidden control character', '<a>\u0001</a>'],
    ['a < in an attribute value', '<a b="<"/>'],
    ['an unterminated comment', '<a><!-- x </a>'],
    ['an unterminated CDATA section', '<a><![CDATA[x</a>'],
    [']]> in text', '<a>x]]>y</a>'],
    ['a missing name', '<a>< b/></a>'],
  ];
  for (const [name, xml] of malformed) {
    it(`refuses ${name}`, () => {
      expect(() => parseXml(xml, 'word/document.xml')).toThrowError(/word\/document\.xml 不是格式正确的 XML/);
    });
  }

  it('reads character references, line breaks and attribute white space as XML does', () => {
    const root = parseXml('<a b="x\ty\r\nz">&#x4E00;&#20108;\r\n三\r四</a>', 'p');
    expect(root.attributes).toEqual({ b: 'x y z' });
    expect(textContent(root)).toBe('一二\n三\n四');
  });

  it('resolves a namespace declared on an inner element, and keeps unknown prefixes', () => {
    const root = parseXml(`<doc><x:p xmlns:x="${W}" x:rsid="1"><x:r/></x:p><o:q/></doc>`, 'p');
    const [p, q] = root.children as XmlElement[];
    expect([p.name, (p.children[0] as XmlElement).name, q.name]).toEqual(['w:p', 'w:r', 'o:q']);
    expect(p.attributes).toEqual({ 'w:rsid': '1' });
  });
});
