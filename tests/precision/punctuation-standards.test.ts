import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/index.js';

/**
 * Paragraphs in the manner of national standards and regulations (GB/T 1.1 list items, formulas, Latin abbreviations
 * and units), written for this test. The punctuation rules must find nothing in the correct ones and exactly the
 * planted mistake in the others.
 */
const config = { rules: Object.fromEntries(['enumeration-sequence', 'no-placeholder', 'paragraph-end', 'section-numbering'].map((id) => [id, 'off'])) };

function findings(text: string): string[] {
  return lintText(text, { filePath: '标准.md', config }).messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.messageId}`);
}

const CORRECT = [
  '4.2 检测报告应包括下列内容：',
  'a) 样品名称、型号和生产单位；',
  'b) 检测依据的标准编号，如GB/T 9704-2012；',
  'c) 检测结果及结论。',
  '双耳平均听阈(≥91dB HL)的，评定为一级听力残疾；采用连续时间分批处理(CTPB)工艺的，按附录B执行。',
  '应纳税额＝(销售额－允许扣除的项目金额)×适用税率。',
  '综合得分按下式计算：S=(a+b)/2，其中a为初评得分，b为复评得分。',
  '本标准由全国信息技术标准化技术委员会(SAC/TC 28)归口。',
  '数据接口应符合RESTful规范，返回JSON格式，例如{"code":0,"msg":"ok"}。',
  '屏幕尺寸分为15"和17"两种规格，分辨率不低于1920×1080。',
  '参与单位包括Yahoo!中国研究院等机构。',
  '从n个元素中取出全部元素的排列数为n!。',
  '附件格式为《申报表》.xlsx，请勿改动表头。',
  '第十二条　有下列情形之一的，不予受理：',
  '（一）申请材料不齐全的；',
  '（二）不属于本机关职责范围的。',
].join('\n\n');

describe('punctuation rules on standards and regulations', () => {
  it('find nothing in correct paragraphs', () => {
    expect(findings(CORRECT)).toEqual([]);
  });

  it('find each planted mistake once, at its place', () => {
    const draft = [
      '检测结果应记入原始记录(见附录A',
      '检测结果经复核无误后签字确认.',
      '推行「一网通办」改革，做到"最多跑一次"。',
      '全年目标任务圆满完成。.',
      '各乡镇人民政府,;县直各部门：',
    ].join('\n\n');
    expect(findings(draft)).toEqual([
      '1:12 punctuation-width halfWidthUnpaired',
      '3:15 punctuation-width fullStop',
      '5:3 punctuation-form cornerQuotes',
      '5:14 punctuation-width straightQuotes',
      '7:11 punctuation-sequence doubled',
      '9:8 punctuation-sequence mixed',
    ]);
  });
});
