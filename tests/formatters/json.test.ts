import { expect, it } from 'vitest';
import { outputText } from '../../src/node/formatters/index.js';
import jsonFormatter from '../../src/node/formatters/json.js';
import { context, results } from './fixtures.js';

const json: typeof jsonFormatter = (results, context) => outputText(jsonFormatter(results, context));

it('prints ESLint-compatible results without the display excerpt', () => {
  expect(JSON.parse(json(results, context()))).toEqual([
    {
      filePath: '/home/user/公文/草稿/工作报告.md',
      messages: [
        {
          ruleId: 'no-placeholder',
          severity: 2,
          message: '“X年”疑似未填写的占位符，请填写具体年份',
          messageId: 'placeholder',
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 3,
        },
        {
          ruleId: 'punctuation-width',
          severity: 1,
          message: '中文语境中的半角逗号“,”应为全角“，”',
          messageId: 'halfWidth',
          line: 12,
          column: 17,
          endLine: 12,
          endColumn: 18,
          fix: { range: [208, 209], text: '，' },
        },
      ],
      errorCount: 1,
      fatalErrorCount: 0,
      warningCount: 1,
      fixableErrorCount: 0,
      fixableWarningCount: 1,
    },
    {
      filePath: '/home/user/公文/通知.md',
      messages: [],
      errorCount: 0,
      fatalErrorCount: 0,
      warningCount: 0,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
    },
    {
      filePath: '/home/user/公文/缺失, 文件:1.txt',
      messages: [
        { ruleId: null, severity: 2, message: '无法读取文件：文件不存在', line: 0, column: 0, endLine: 0, endColumn: 0, fatal: true },
      ],
      errorCount: 1,
      fatalErrorCount: 1,
      warningCount: 0,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
    },
  ]);
});

it('carries the fixed text when a dry run produced one', () => {
  const [parsed] = JSON.parse(json([{ ...results[0], output: '2023年以来，' }], context()));
  expect(parsed.output).toBe('2023年以来，');
});

it('prints an empty array for no files', () => {
  expect(json([], context())).toBe('[]');
});

it('names the part of a Word document a finding is in when it is not the body', () => {
  const [first] = results[0].messages;
  const [parsed] = JSON.parse(json([{ ...results[0], filePath: '/home/user/公文/请示.docx', messages: [first, { ...first, part: 'footer' }] }], context()));
  expect(parsed.messages.map((message: { part?: string }) => message.part)).toEqual([undefined, 'footer']);
});
