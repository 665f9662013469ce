import { defineRule } from '../src/core/rule.js';
import type { Block } from '../src/core/document.js';
import { recogniseElements, type ElementKind } from '../src/core/layout/elements.js';
import { layoutSettingsSchema, resolveProfile, sizeName, type LayoutProfile } from '../src/core/layout/profile.js';
import { formattedSpans, formattingOf, type FormattedSpan } from '../src/core/layout/word.js';

const messages = {
  face: '{{element}}应为{{expectedSize}}{{expectedFace}}，此处{{found}}（{{clause}}）',
  unknownFace: '字体“{{face}}”不在版式标准的字体中（{{source}}），用于第 {{paragraphs}} 段；请改为标准字体，或在配置的 layout.fonts 中列出',
  color: '{{element}}的文字为彩色（{{color}}），公文文字应为黑色（GB/T 9704-2012 5.2.5）',
};

const ELEMENT_NAMES: Readonly<Record<ElementKind, string>> = {
  'document-number': '发文字号',
  title: '标题',
  addressee: '主送机关',
  heading1: '一级标题（一、）',
  heading2: '二级标题（（一））',
  heading3: '三级标题（1.）',
  heading4: '四级标题（（1））',
  body: '正文',
  'attachment-note': '附件说明',
  signature: '署名',
  date: '成文日期',
  'copy-to': '抄送机关',
  'printed-by': '印发机关和印发日期',
};

interface Expectation {
  faces: readonly string[];
  points: number;
  clause: string;
}

function expectationFor(kind: ElementKind, profile: LayoutProfile): Expectation {
  const { fonts, sizes } = profile;
  switch (kind) {
    case 'title':
      return { faces: fonts.title, points: sizes.title, clause: 'GB/T 9704-2012 7.3.1' };
    case 'heading1':
      return { faces: fonts.heading1, points: sizes.heading, clause: 'GB/T 9704-2012 7.3.3' };
    case 'heading2':
      return { faces: fonts.heading2, points: sizes.heading, clause: 'GB/T 9704-2012 7.3.3' };
    case 'heading3':
      return { faces: fonts.heading3, points: sizes.heading, clause: 'GB/T 9704-2012 7.3.3' };
    case 'heading4':
      return { faces: fonts.heading4, points: sizes.heading, clause: 'GB/T 9704-2012 7.3.3' };
    case 'copy-to':
    case 'printed-by':
      return { faces: fonts.body, points: sizes.colophon, clause: 'GB/T 9704-2012 7.4' };
    default:
      return { faces: fonts.body, points: sizes.body, clause: 'GB/T 9704-2012 5.2.3' };
  }
}

const HAN = /[\u3400-\u9fff]/;
const VISIBLE = /[^\s\u3000]/;

function describe(span: FormattedSpan): string {
  const size = span.format.sizeHalfPoints === undefined ? '' : sizeName(span.format.sizeHalfPoints / 2);
  return `为${size}${span.format.eastAsiaFont ?? '默认字体'}`;
}

export default defineRule({
  id: 'layout-fonts',
  description: 'Word 文档各要素的字体、字号或颜色不合版式标准（正文三号仿宋、标题二号小标宋等）',
  severity: 'warn',
  fixable: false,
  messages,
  options: layoutSettingsSchema,
  optionsFromLayout: true,
  check(document, report, options) {
    const resolver = formattingOf(document);
    if (!resolver) return;
    const profile = resolveProfile(options);
    const known = new Set(Object.values(profile.fonts).flat());
    const unknownFaces = new Map<string, { block: Block; start: number; end: number; paragraphs: number[] }>();
    for (const { kind, block, headingEnd } of recogniseElements(document).elements) {
      const spans = formattedSpans(block, resolver);
      let faceReported = false;
      let colorReported = false;
      for (const span of spans) {
        const text = block.text.slice(span.start, span.end);
        if (!VISIBLE.test(text)) continue;
        // A run-in heading (`（一）加强领导。正文…`) is heading text up to its `。`, body text after it.
        const spanKind: ElementKind = headingEnd !== undefined && span.start >= headingEnd ? 'body' : kind;
        const expected = expectationFor(spanKind, profile);
        const face = span.format.eastAsiaFont;
        if (face !== undefined && HAN.test(text) && !known.has(face)) {
          const entry = unknownFaces.get(face) ?? { block, start: span.start, end: span.end, paragraphs: [] };
          const paragraph = block.docx?.paragraph ?? block.index + 1;
          if (!entry.paragraphs.includes(paragraph)) entry.paragraphs.push(paragraph);
          unknownFaces.set(face, entry);
          continue;
        }
        const wrongFace = face !== undefined && HAN.test(text) && !expected.faces.includes(face);
        const size = span.format.sizeHalfPoints;
        const wrongSize = size !== undefined && size / 2 !== expected.points;
        if (!faceReported && (wrongFace || wrongSize)) {
          faceReported = true;
          report({
            block,
            start: span.start,
            end: span.end,
            messageId: 'face',
            data: { element: ELEMENT_NAMES[spanKind], expectedSize: sizeName(expected.points), expectedFace: expected.faces[0], found: describe(span), clause: expected.clause },
          });
        }
        const { color } = span.format;
        if (!colorReported && color !== undefined && color !== 'auto' && color !== '000000') {
          colorReported = true;
          report({ block, start: span.start, end: span.end, messageId: 'color', data: { element: ELEMENT_NAMES[spanKind], color: `#${color}` } });
        }
      }
    }
    for (const [face, entry] of unknownFaces) {
      report({ block: entry.block, start: entry.start, end: entry.end, messageId: 'unknownFace', data: { face, source: profile.source, paragraphs: entry.paragraphs.join('、') } });
    }
  },
});
