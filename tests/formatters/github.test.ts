import { expect, it } from 'vitest';
import { outputText } from '../../src/node/formatters/index.js';
import githubFormatter from '../../src/node/formatters/github.js';
import type { LintResult } from '../../src/core/linter.js';
import { context, cwd, results } from './fixtures.js';

const github: (...args: Parameters<typeof githubFormatter>) => string = (...args) => outputText(githubFormatter(...args));

it('prints a workflow command per finding, escaping properties and data', () => {
  expect(github(results, context())).toBe(
    [
      '::error file=草稿/工作报告.md,line=3,col=1,endLine=3,endColumn=3,title=no-placeholder::“X年”疑似未填写的占位符，请填写具体年份',
      '::warning file=草稿/工作报告.md,line=12,col=17,endLine=12,endColumn=18,title=punctuation-width::中文语境中的半角逗号“,”应为全角“，”',
      '::error file=缺失%2C 文件%3A1.txt,title=gongwen-lint::无法读取文件：文件不存在',
      '',
    ].join('\n'),
  );
});

it('escapes %, CR and LF in the message', () => {
  const result: LintResult = {
    filePath: `${cwd}/a.txt`,
    messages: [{ ruleId: 'x', severity: 2, message: '增长50%\r\n第二行', line: 1, column: 1, endLine: 1, endColumn: 2 }],
    errorCount: 1,
    warningCount: 0,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    fatalErrorCount: 0,
  };
  expect(github([result], context())).toBe('::error file=a.txt,line=1,col=1,endLine=1,endColumn=2,title=x::增长50%25%0D%0A第二行\n');
});
