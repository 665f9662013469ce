import { defineLayoutRule } from '../src/core/layout/rule.js';
import type { Block } from '../src/core/document.js';
import type { XmlElement } from '../src/core/docx/xml.js';
import { sizeName } from '../src/core/layout/profile.js';
import { firstBodyBlock, formattedSpans } from '../src/core/layout/word.js';

const messages = {
  missing: '文档约有 {{pages}} 页，页脚中没有页码（GB/T 9704-2012 7.5：页码编排在版心下边缘之下）',
  dashes: '页码应写作“— {{number}} —”：数字左右各放一条一字线（GB/T 9704-2012 7.5），此处为“{{found}}”',
  face: '页码应为{{expectedSize}}半角{{expectedFace}}阿拉伯数字（GB/T 9704-2012 7.5），此处为{{found}}',
  side: '奇偶页页脚不同时，{{pages}}页码应{{expected}}（GB/T 9704-2012 7.5：单页码居右空一字，双页码居左空一字），此处为{{found}}',
};

/** Whether a paragraph holds a PAGE field, simple (`w:fldSimple`) or complex (`w:instrText`). */
function hasPageField(element: XmlElement): boolean {
  for (const child of element.children) {
    if (child.type !== 'element') continue;
    if (child.name === 'w:fldSimple' && /^\s*PAGE\b/i.test(child.attributes['w:instr'] ?? '')) return true;
    if (child.name === 'w:instrText' && child.children.some((node) => node.type === 'text' && /^\s*PAGE\b/i.test(node.text))) return true;
    if (hasPageField(child)) return true;
  }
  return false;
}

/** GB/T 9704: the 一字线 (U+2014); drafts often type a hyphen or a full-width hyphen-minus instead. */
const PAGE_NUMBER = /^[\s\u3000]*([—－\-–]?)[\s\u3000]*(\d+)[\s\u3000]*([—－\-–]?)[\s\u3000]*$/;

/** A page of GB/T 9704 holds 22 lines of 28 characters. */
const CHARACTERS_PER_PAGE = 22 * 28;

export default defineLayoutRule({
  id: 'layout-page-number',
  description: 'Word 文档的页码缺失或形式不合版式标准（— 1 —，四号半角宋体，奇偶页分居右左）',
  messages,
  check(document, report, { resolver, profile }) {
    const footerBlocks = document.blocks.filter((block) => block.docx?.part === 'footer');
    const numbered = footerBlocks.filter((block) => hasPageField(block.docx!.element));
    if (numbered.length === 0) {
      let characters = 0;
      for (const block of document.blocks) if (block.docx?.part === 'body') characters += block.text.length;
      const pages = Math.ceil(characters / CHARACTERS_PER_PAGE);
      const anchor = firstBodyBlock(document);
      // A one-page 公文 may go without a page number; a longer one may not.
      if (pages > 1 && anchor) report({ block: anchor, start: 0, end: 0, messageId: 'missing', data: { pages } });
      return;
    }
    const dash = profile.pageNumberDash;
    for (const block of numbered) {
      const form = PAGE_NUMBER.exec(block.text);
      if (form && (form[1] !== dash || form[3] !== dash)) {
        report({ block, start: 0, end: block.text.length, messageId: 'dashes', data: { number: form[2], found: block.text.trim() } });
      }
      const digits = formattedSpans(block, resolver).find((span) => /\d/.test(block.text.slice(span.start, span.end)));
      if (digits) {
        const face = digits.format.asciiFont;
        const size = digits.format.sizeHalfPoints;
        const wrongFace = face !== undefined && !profile.fonts.pageNumber.includes(face);
        const wrongSize = size !== undefined && size / 2 !== profile.sizes.pageNumber;
        if (wrongFace || wrongSize) {
          const found = `${size === undefined ? '' : sizeName(size / 2)}${face ?? '默认字体'}`;
          report({ block, start: digits.start, end: digits.end, messageId: 'face', data: { expectedSize: sizeName(profile.sizes.pageNumber), expectedFace: profile.fonts.pageNumber[0], found } });
        }
      }
    }
    if (!resolver.evenAndOddHeaders) return;
    const sides: [string, string, (alignment: string | undefined) => boolean, string][] = [
      ['default', '单（奇数）', (alignment) => alignment === 'right' || alignment === 'end', '居右'],
      ['even', '双（偶数）', (alignment) => alignment === 'left' || alignment === 'start' || alignment === undefined, '居左'],
    ];
    // Sections often share their footers: each footer is judged once.
    const judged = new Set<string>();
    for (const section of resolver.sections()) {
      for (const [type, pages, isExpected, expected] of sides) {
        const partName = section.footers[type];
        const block: Block | undefined = numbered.find((candidate) => candidate.docx!.partName === partName);
        if (!block || judged.has(partName)) continue;
        judged.add(partName);
        const alignment = resolver.paragraphFormat(block.docx!.element, block.docx!.partName).alignment;
        if (!isExpected(alignment)) {
          report({ block, start: 0, end: block.text.length, messageId: 'side', data: { pages, expected, found: alignment === 'center' ? '居中' : alignment === undefined ? '居左' : alignment } });
        }
      }
    }
  },
});
