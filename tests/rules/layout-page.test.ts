import { describe, expect, it } from 'vitest';
import rule from '../../rules/layout-page.js';
import { STANDARD_PAGE, standardDraft } from '../fixtures/docx/layout.js';
import { lintWithRule } from '../helpers/rule-tester.js';

const page = (margins: string, grid = '<w:docGrid w:type="linesAndChars" w:linePitch="579" w:charSpace="-849"/>', size = '<w:pgSz w:w="11906" w:h="16838"/>'): string =>
  `${size}<w:pgMar ${margins} w:header="851" w:footer="1304"/>${grid}`;
const STANDARD_MARGINS = 'w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:gutter="0"';

function findings(sectionProperties: string, options?: Record<string, unknown>): string[] {
  return lintWithRule(rule, standardDraft((spec) => (spec.sectionProperties = sectionProperties)), 'docx', options).map(
    (message) => `${message.line}:${message.column} ${message.messageId} ${message.message}`,
  );
}

describe('layout-page', () => {
  it('accepts A4 with the GB/T 9704 margins and a 22 × 28 grid, within ±1 mm', () => {
    expect(findings(STANDARD_PAGE)).toEqual([]);
    // 37.9 mm top and 27.2 mm left are inside the tolerance.
    expect(findings(page('w:top="2150" w:right="1474" w:bottom="1984" w:left="1540" w:gutter="0"', ''))).toEqual([]);
    // A grid of one type only fixes the lines.
    expect(findings(page(STANDARD_MARGINS, '<w:docGrid w:type="lines" w:linePitch="579"/>'))).toEqual([]);
    // Without a grid, lines and characters are free.
    expect(findings(page(STANDARD_MARGINS, ''))).toEqual([]);
    // Landscape A4 is still A4.
    expect(findings(page(STANDARD_MARGINS, '', '<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>'))).toEqual([]);
  });

  it('reports other paper, each margin out of tolerance, and a grid of other lines and characters, on the first paragraph', () => {
    expect(findings(page(STANDARD_MARGINS, '', '<w:pgSz w:w="12240" w:h="15840"/>'))).toEqual([
      '1:1 paper 纸张为 215.9 × 279.4 毫米，应为 A4（210 × 297 毫米，GB/T 9704-2012 5.2.1）',
    ]);
    // Word's own defaults: 2.54 cm top and bottom, 3.18 cm left and right.
    expect(findings(page('w:top="1440" w:right="1800" w:bottom="1440" w:left="1800" w:gutter="0"', ''))).toEqual([
      '1:1 margin 上页边距为 25.4 毫米，应为 37 毫米（允许误差 ±1 毫米；GB/T 9704-2012《党政机关公文格式》）',
      '1:1 margin 下页边距为 25.4 毫米，应为 35 毫米（允许误差 ±1 毫米；GB/T 9704-2012《党政机关公文格式》）',
      '1:1 margin 左页边距为 31.7 毫米，应为 28 毫米（允许误差 ±1 毫米；GB/T 9704-2012《党政机关公文格式》）',
      '1:1 margin 右页边距为 31.7 毫米，应为 26 毫米（允许误差 ±1 毫米；GB/T 9704-2012《党政机关公文格式》）',
    ]);
    expect(findings(page(STANDARD_MARGINS, '<w:docGrid w:type="linesAndChars" w:linePitch="638" w:charSpace="0"/>'))).toEqual([
      '1:1 grid 文档网格为每页 19 行、每行 27 字，应为每页 22 行、每行 28 字（GB/T 9704-2012 5.2.4）',
    ]);
  });

  it('counts the gutter into the binding margin', () => {
    expect(findings(page('w:top="2098" w:right="1474" w:bottom="1984" w:left="1020" w:gutter="567"', ''))).toEqual([]);
    expect(findings(page('w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:gutter="567"', ''))[0]).toMatch(/^1:1 margin 左页边距为 38 毫米/);
  });

  it('checks against another profile, and against overrides of any value', () => {
    const zznu = page('w:top="1984" w:right="1531" w:bottom="1871" w:left="1531" w:gutter="0"', '');
    expect(findings(zznu, { profile: 'zznu' })).toEqual([]);
    // Left and right differ by 1 mm only: within the tolerance.
    expect(findings(zznu).map((line) => line.slice(0, 15))).toEqual(['1:1 margin 上页边距', '1:1 margin 下页边距']);
    expect(findings(STANDARD_PAGE, { profile: 'zznu' }).map((line) => line.slice(0, 15))).toEqual(['1:1 margin 上页边距', '1:1 margin 下页边距']);
    expect(findings(page('w:top="1440" w:right="1474" w:bottom="1984" w:left="1588" w:gutter="0"', ''), { page: { marginTopMm: 25.4 } })).toEqual([]);
  });

  it('leaves Markdown and plain text alone', () => {
    expect(lintWithRule(rule, '# 关于做好农村公路养护工作的通知\n\n各乡镇人民政府：', 'md')).toEqual([]);
    expect(lintWithRule(rule, '关于做好农村公路养护工作的通知', 'txt')).toEqual([]);
  });
});
