import { describe, expect, it } from 'vitest';
import rule from '../../rules/layout-paragraph.js';
import { styledParagraph, standardDraft } from '../fixtures/docx/layout.js';
import { lintWithRule } from '../helpers/rule-tester.js';

type Spec = Parameters<Parameters<typeof standardDraft>[0]>[0];

function findings(change: (spec: Spec) => void, options?: Record<string, unknown>): string[] {
  return lintWithRule(rule, standardDraft(change), 'docx', options).map((message) => `${message.line}:${message.column} ${message.messageId} ${message.message}`);
}

const NO_INDENT = '<w:ind w:firstLineChars="0" w:firstLine="0"/>';

describe('layout-paragraph', () => {
  it('accepts body text indented two characters by style, a centred title and a right-aligned date', () => {
    expect(findings(() => {})).toEqual([]);
  });

  it('counts an indent in twips, and two full-width spaces typed at the start, as two characters', () => {
    expect(findings((spec) => (spec.paragraphs[2] = styledParagraph('Normal', ['为做好农村公路养护工作，现通知如下。'], '<w:ind w:firstLine="640"/>')))).toEqual([]);
    expect(findings((spec) => (spec.paragraphs[2] = styledParagraph('Normal', ['\u3000\u3000为做好农村公路养护工作，现通知如下。'], NO_INDENT)))).toEqual([]);
  });

  it('reports body text and headings that are not indented two characters', () => {
    expect(
      findings((spec) => {
        spec.paragraphs[2] = styledParagraph('Normal', ['为做好农村公路养护工作，现通知如下。'], NO_INDENT);
        spec.paragraphs[4] = styledParagraph('Normal', ['根据有关规定，结合我县实际。'], '<w:ind w:firstLineChars="400"/>');
      }),
    ).toEqual([
      '3:1 indent 正文段落首行应缩进 2 字（GB/T 9704-2012 7.3.3：每个自然段左空二字），此段未缩进',
      '5:1 indent 正文段落首行应缩进 2 字（GB/T 9704-2012 7.3.3：每个自然段左空二字），此段缩进 4 字',
    ]);
  });

  it('reports a title not centred, and a date not on the right', () => {
    expect(
      findings((spec) => {
        spec.paragraphs[0] = styledParagraph('GwPlain', ['关于做好农村公路养护工作的通知']);
        spec.paragraphs[11] = styledParagraph('GwPlain', ['2024年5月8日']);
      }),
    ).toEqual(['1:1 title 标题应居中排布（GB/T 9704-2012 7.3.1），此处为两端对齐', '12:1 date 成文日期应居右排布（一般右空四字；GB/T 9704-2012 7.3.5），此处为两端对齐']);
  });

  it('reports a heading laid out unlike the rest of its level', () => {
    expect(
      findings((spec) => {
        spec.paragraphs[6] = styledParagraph('GwHeading2', [['（二）落实乡级责任。', '<w:rStyle w:val="GwKai"/>'], '各乡镇负责乡道。'], '<w:jc w:val="center"/><w:ind w:firstLineChars="0" w:firstLine="0"/>');
      }),
    ).toEqual(['7:1 siblings 二级标题（（一））的排布与同级其他标题不一致：此处居中，其他为两端对齐']);
  });

  it('takes the indent from the options', () => {
    expect(findings(() => {}, { indentCharacters: 0 }).map((line) => line.split(':')[0])).toEqual(['3', '4', '5', '6', '7', '8', '9', '10']);
  });

  it('leaves Markdown and plain text alone', () => {
    expect(lintWithRule(rule, '关于做好农村公路养护工作的通知\n\n为做好农村公路养护工作，现通知如下。', 'txt')).toEqual([]);
  });
});
