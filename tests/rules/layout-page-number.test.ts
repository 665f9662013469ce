import { describe, expect, it } from 'vitest';
import rule from '../../rules/layout-page-number.js';
import { pageNumberFooter, styledParagraph, standardDraft } from '../fixtures/docx/layout.js';
import { lintWithRule } from '../helpers/rule-tester.js';

type Spec = Parameters<Parameters<typeof standardDraft>[0]>[0];

function findings(change: (spec: Spec) => void): string[] {
  return lintWithRule(rule, standardDraft(change), 'docx').map((message) => `${message.part ?? 'body'} ${message.line}:${message.column} ${message.messageId} ${message.message}`);
}

describe('layout-page-number', () => {
  it('accepts — 1 — in 四号宋体, and odd pages on the right and even on the left with different odd and even footers', () => {
    expect(findings(() => {})).toEqual([]);
    expect(
      findings((spec) => {
        spec.footers = [pageNumberFooter({ alignment: 'right' }), pageNumberFooter({ alignment: 'left' })];
        spec.settings = '<w:evenAndOddHeaders/>';
      }),
    ).toEqual([]);
  });

  it('lets a one-page draft go without page numbers, and reports a longer one without', () => {
    expect(findings((spec) => ((spec.footers = undefined), (spec.paragraphs = spec.paragraphs.slice(0, 5))))).toEqual([]);
    expect(findings((spec) => (spec.footers = undefined))).toEqual(['body 1:1 missing 文档约有 2 页，页脚中没有页码（GB/T 9704-2012 7.5：页码编排在版心下边缘之下）']);
    // A footer with text but no PAGE field has no page number either.
    expect(findings((spec) => (spec.footers = [styledParagraph('GwPlain', ['县交通运输局'])]))).toHaveLength(1);
  });

  it('reports page numbers without 一字线 on both sides, in the footer part', () => {
    expect(findings((spec) => (spec.footers = [pageNumberFooter({ dash: '-' })]))).toEqual([
      'footer 1:1 dashes 页脚：页码应写作“— 1 —”：数字左右各放一条一字线（GB/T 9704-2012 7.5），此处为“- 1 -”',
    ]);
    expect(findings((spec) => (spec.footers = [pageNumberFooter({ dash: '' })]))[0]).toContain('此处为“1”');
  });

  it('reports page numbers in another face or size', () => {
    expect(findings((spec) => (spec.footers = [pageNumberFooter({ font: '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/><w:sz w:val="21"/>' })]))).toEqual([
      'footer 1:3 face 页脚：页码应为四号（14 磅）半角宋体阿拉伯数字（GB/T 9704-2012 7.5），此处为五号（10.5 磅）Times New Roman',
    ]);
  });

  it('reports odd and even footers on the wrong side when the draft has both', () => {
    expect(
      findings((spec) => {
        spec.footers = [pageNumberFooter(), pageNumberFooter()];
        spec.settings = '<w:evenAndOddHeaders/>';
      }),
    ).toEqual([
      'footer 1:1 side 页脚：奇偶页页脚不同时，单（奇数）页码应居右（GB/T 9704-2012 7.5：单页码居右空一字，双页码居左空一字），此处为居中',
      'footer 1:1 side 页脚：奇偶页页脚不同时，双（偶数）页码应居左（GB/T 9704-2012 7.5：单页码居右空一字，双页码居左空一字），此处为居中',
    ]);
  });
});
