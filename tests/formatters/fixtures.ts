import type { RuleMeta, FormatterContext } from '../../src/node/formatters/types.js';
import type { LintResult } from '../../src/core/linter.js';

export const cwd = '/home/user/公文';

export const ruleMetas: RuleMeta[] = [
  { id: 'no-placeholder', description: '模板中遗留的占位符', severity: 'error', fixable: false },
  { id: 'punctuation-width', description: '中文语境中的半角标点应为全角', severity: 'warn', fixable: true },
];

export function context(overrides: Partial<FormatterContext> = {}): FormatterContext {
  return { cwd, color: false, rules: ruleMetas, version: '9.9.9', ...overrides };
}

/** Two findings in a Markdown draft (one fixable), a clean file, and a file that could not be read. */
export const results: LintResult[] = [
  {
    filePath: `${cwd}/草稿/工作报告.md`,
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
        excerpt: { text: 'X年以来，在县委、县政府的坚强领导下', start: 0, end: 2 },
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
        excerpt: { text: '围绕“守底线、查隐患”的目标,扎实推进', start: 14, end: 15 },
      },
    ],
    errorCount: 1,
    warningCount: 1,
    fixableErrorCount: 0,
    fixableWarningCount: 1,
    fatalErrorCount: 0,
  },
  {
    filePath: `${cwd}/通知.md`,
    messages: [],
    errorCount: 0,
    warningCount: 0,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    fatalErrorCount: 0,
  },
  {
    filePath: `${cwd}/缺失, 文件:1.txt`,
    messages: [{ ruleId: null, severity: 2, fatal: true, message: '无法读取文件：文件不存在', line: 0, column: 0, endLine: 0, endColumn: 0 }],
    errorCount: 1,
    warningCount: 0,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    fatalErrorCount: 1,
  },
];
