import { expect, it } from 'vitest';
import type { LintMessage } from '../../src/core/linter.js';
import { packMessages, unpackMessages } from '../../src/node/packed-messages.js';

const halfWidthComma: LintMessage = {
  ruleId: 'punctuation-width',
  severity: 1,
  message: '中文语境中的半角逗号“,”应为全角“，”',
  messageId: 'halfWidth',
  line: 3,
  column: 4,
  endLine: 3,
  endColumn: 5,
  fix: { range: [40, 41], text: '，' },
  excerpt: { text: '各单位,请于X月X日前报送', start: 3, end: 4 },
};

const lists: LintMessage[][] = [
  [
    halfWidthComma,
    { ruleId: 'no-placeholder', severity: 2, message: '“X月”疑似未填写的占位符，请填写具体月份', messageId: 'placeholder', line: 3, column: 7, endLine: 3, endColumn: 9 },
    {
      ruleId: 'punctuation-pair',
      severity: 2,
      message: '左引号“缺少配对的右引号',
      messageId: 'unpaired',
      line: 5,
      column: 1,
      endLine: 5,
      endColumn: 2,
      suggestions: [{ desc: '删除这个引号', messageId: 'remove', fix: { range: [80, 81], text: '' } }],
    },
  ],
  [],
  [
    { ruleId: null, severity: 2, message: '无法读取文件', line: 1, column: 1, endLine: 1, endColumn: 1, fatal: true },
    { ...halfWidthComma, message: '页脚：中文语境中的半角逗号“,”应为全角“，”', part: 'footer' },
    { ...halfWidthComma, line: 9, fix: undefined, excerpt: undefined },
  ],
];

it('gives back every finding as it was packed, findings of other shapes included, with a run of one message stored once', () => {
  const packed = packMessages(lists);
  expect(packed.others.map((other) => other.index)).toEqual([2, 3, 4]);
  const repeated = packMessages([[halfWidthComma, { ...halfWidthComma, line: 4, column: 2, endLine: 4, endColumn: 3 }]]);
  expect(repeated.text.split(halfWidthComma.message)).toHaveLength(2);
  expect(unpackMessages(repeated)[0][1].message).toBe(halfWidthComma.message);
  expect(unpackMessages(structuredClone(packed))).toEqual(lists);
  const [first] = unpackMessages(packed)[0];
  expect(Object.keys(first)).toEqual(Object.keys(halfWidthComma));
});
