import { defineLayoutRule } from '../src/core/layout/rule.js';
import type { Block } from '../src/core/document.js';
import type { ParagraphFormat } from '../src/core/docx/formatting.js';
import { recogniseElements, type ElementKind } from '../src/core/layout/elements.js';

const messages = {
  indent: '{{element}}首行应缩进 {{expected}} 字（GB/T 9704-2012 7.3.3：每个自然段左空二字），此段{{found}}',
  title: '标题应居中排布（GB/T 9704-2012 7.3.1），此处{{found}}',
  documentNumber: '发文字号应居中排布（上行文与签发人同行时居左空一字；GB/T 9704-2012 7.2.4），此处{{found}}',
  date: '成文日期应居右排布（一般右空四字；GB/T 9704-2012 7.3.5），此处{{found}}',
  siblings: '{{element}}的排布与同级其他标题不一致：此处{{found}}，其他为{{majority}}',
};

const ALIGNMENT_NAMES: Readonly<Record<string, string>> = {
  left: '居左',
  start: '居左',
  center: '居中',
  right: '居右',
  end: '居右',
  both: '两端对齐',
  distribute: '分散对齐',
};

function alignmentName(format: ParagraphFormat): string {
  return ALIGNMENT_NAMES[format.alignment ?? 'left'] ?? format.alignment ?? '居左';
}

function isRight(format: ParagraphFormat): boolean {
  return format.alignment === 'right' || format.alignment === 'end';
}

/** The first-line indent in characters, from `firstLineChars` or from twips at the body size. */
function indentCharacters(format: ParagraphFormat, bodyPoints: number): number {
  if (format.firstLineChars !== undefined) return format.firstLineChars / 100;
  return (format.firstLineTwips ?? 0) / (bodyPoints * 20);
}

/** Spaces typed at the start of the text stand in for an indent: `　　` is two characters. */
function typedIndent(text: string): number {
  let width = 0;
  for (const character of text) {
    if (character === '\u3000') width += 1;
    else if (character === ' ' || character === '\u00a0') width += 0.5;
    else if (character === '\t') width += 2;
    else break;
  }
  return width;
}

function describeIndent(characters: number): string {
  return characters === 0 ? '未缩进' : `缩进 ${Math.round(characters * 10) / 10} 字`;
}

const ELEMENT_NAMES: Readonly<Partial<Record<ElementKind, string>>> = {
  heading1: '一级标题（一、）',
  heading2: '二级标题（（一））',
  heading3: '三级标题（1.）',
  heading4: '四级标题（（1））',
  body: '正文段落',
};

const INDENTED: ReadonlySet<ElementKind> = new Set(['body', 'heading1', 'heading2', 'heading3', 'heading4']);

export default defineLayoutRule({
  id: 'layout-paragraph',
  description: 'Word 文档的段落排布不合版式标准（首行缩进二字、标题居中、成文日期居右等）',
  messages,
  check(document, report, { resolver, profile }) {
    const siblings = new Map<ElementKind, { block: Block; shape: string }[]>();
    for (const { kind, block } of recogniseElements(document).elements) {
      const format = resolver.paragraphFormat(block.docx!.element, block.docx!.partName);
      const at = { block, start: 0, end: block.text.length } as const;
      const indent = indentCharacters(format, profile.sizes.body) + typedIndent(block.text);
      if (INDENTED.has(kind) && block.kind !== 'table-cell') {
        // Centred text is laid out by its centring, not by an indent.
        if (format.alignment !== 'center' && Math.abs(indent - profile.indentCharacters) > 0.25) {
          report({ ...at, messageId: 'indent', data: { element: ELEMENT_NAMES[kind] ?? '正文段落', expected: profile.indentCharacters, found: describeIndent(indent) } });
        }
        if (kind !== 'body') {
          // Alignment only: an indent that differs is already reported above.
          const shape = alignmentName(format);
          const members = siblings.get(kind);
          if (members) members.push({ block, shape });
          else siblings.set(kind, [{ block, shape }]);
        }
      } else if (kind === 'title' && format.alignment !== 'center') {
        report({ ...at, messageId: 'title', data: { found: `为${alignmentName(format)}` } });
      } else if (kind === 'document-number' && format.alignment !== 'center' && !/签发人/.test(block.text)) {
        report({ ...at, messageId: 'documentNumber', data: { found: `为${alignmentName(format)}` } });
      } else if (kind === 'date' && !isRight(format) && indent < 10) {
        report({ ...at, messageId: 'date', data: { found: `为${alignmentName(format)}` } });
      }
    }
    // A heading level is laid out alike: the headings that differ from the rest of their level are reported.
    for (const [kind, members] of siblings) {
      if (members.length < 3) continue;
      const counts = new Map<string, number>();
      for (const member of members) counts.set(member.shape, (counts.get(member.shape) ?? 0) + 1);
      const [majority, majorityCount] = [...counts].sort((a, b) => b[1] - a[1])[0];
      if (majorityCount * 2 <= members.length) continue;
      for (const member of members) {
        if (member.shape === majority) continue;
        report({ block: member.block, start: 0, end: member.block.text.length, messageId: 'siblings', data: { element: ELEMENT_NAMES[kind] ?? '标题', found: member.shape, majority } });
      }
    }
  },
});
