import { expect, it } from 'vitest';
import { outputText } from '../../src/node/formatters/index.js';
import compactFormatter from '../../src/node/formatters/compact.js';
import { context, results } from './fixtures.js';

const compact: (...args: Parameters<typeof compactFormatter>) => string = (...args) => outputText(compactFormatter(...args));

it('prints one line per finding: file:line:col: severity message [rule]', () => {
  expect(compact(results, context())).toBe(
    [
      '草稿/工作报告.md:3:1: 错误 “X年”疑似未填写的占位符，请填写具体年份 [no-placeholder]',
      '草稿/工作报告.md:12:17: 警告 中文语境中的半角逗号“,”应为全角“，” [punctuation-width]',
      '缺失, 文件:1.txt: 错误 无法读取文件：文件不存在',
      '',
    ].join('\n'),
  );
});

it('prints nothing for clean files', () => {
  expect(compact([results[1]], context())).toBe('');
});
