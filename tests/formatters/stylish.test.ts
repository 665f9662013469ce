import { stripVTControlCharacters } from 'node:util';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { outputText } from '../../src/node/formatters/index.js';
import stylishFormatter from '../../src/node/formatters/stylish.js';
import { loadDisplayWidth } from '../../src/node/formatters/width.js';
import type { LintResult } from '../../src/core/linter.js';
import { context, cwd, results } from './fixtures.js';

// The CLI loads string-width only for a report with findings; these call the formatter directly.
await loadDisplayWidth();

const stylish: (...args: Parameters<typeof stylishFormatter>) => string = (...args) => outputText(stylishFormatter(...args));

describe('stylish', () => {
  it('groups findings by file with position, severity, message, rule and a marked excerpt', () => {
    expect(stylish(results, context())).toBe(
      [
        '草稿/工作报告.md',
        '  3:1    错误  “X年”疑似未填写的占位符，请填写具体年份  no-placeholder',
        '               X年以来，在县委、县政府的坚强领导下',
        '               ^^^',
        '  12:17  警告  中文语境中的半角逗号“,”应为全角“，”      punctuation-width',
        '               围绕“守底线、查隐患”的目标,扎实推进',
        '                                         ^',
        '',
        '缺失, 文件:1.txt',
        '    错误  无法读取文件：文件不存在',
        '',
        '✖ 共 3 个问题（2 个错误，1 个警告）',
        '  其中 1 个警告可用 --fix 自动修正。',
        '',
      ].join('\n'),
    );
  });

  it('gives Word findings as paragraphs (第 N 段), naming a part other than the body', () => {
    const word: LintResult = {
      filePath: `${cwd}/请示.docx`,
      messages: [
        { ruleId: 'no-placeholder', severity: 2, message: '“X公里”疑似未填写的占位符', line: 5, column: 18, endLine: 5, endColumn: 19, excerpt: { text: '全县农村公路总里程达到X公里', start: 11, end: 12 } },
        { ruleId: 'no-placeholder', severity: 2, message: '页脚：“XX县”疑似未填写的占位符', line: 1, column: 1, endLine: 1, endColumn: 3, part: 'footer', excerpt: { text: 'XX县交通运输局办公室印发', start: 0, end: 2 } },
      ],
      errorCount: 2,
      warningCount: 0,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
      fatalErrorCount: 0,
    };
    expect(stylish([word], context()).split('\n').slice(0, 7)).toEqual([
      '请示.docx',
      '  第 5 段:18      错误  “X公里”疑似未填写的占位符       no-placeholder',
      '                        全县农村公路总里程达到X公里',
      '                                              ^',
      '  页脚 第 1 段:1  错误  页脚：“XX县”疑似未填写的占位符  no-placeholder',
      '                        XX县交通运输局办公室印发',
      '                        ^^',
    ]);
  });

  it('prints nothing when there is nothing to report', () => {
    expect(stylish([results[1]], context())).toBe('');
    expect(stylish([], context())).toBe('');
  });

  it('uses colour only when asked, and the coloured text reads the same without it', () => {
    const plain = stylish(results, context());
    expect(plain).not.toMatch(/\u001b\[/);
    const coloured = stylish(results, context({ color: true }));
    expect(coloured).toMatch(/\u001b\[31m错误/);
    expect(coloured).toMatch(/\u001b\[33m,\u001b\[39m/);
    expect(stripVTControlCharacters(coloured)).toBe(plain);
  });

  it('puts the marker under full-width text by display width, not by code units', () => {
    const excerptText = '请于２０２４年X月X日前报送';
    const result: LintResult = {
      filePath: `${cwd}/a.txt`,
      messages: [
        {
          ruleId: 'no-placeholder',
          severity: 2,
          message: '占位符',
          line: 1,
          column: 8,
          endLine: 1,
          endColumn: 12,
          excerpt: { text: excerptText, start: 7, end: 11 },
        },
      ],
      errorCount: 1,
      warningCount: 0,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
      fatalErrorCount: 0,
    };
    const lines = stylish([result], context()).split('\n');
    const excerptLine = lines[2];
    const markerLine = lines[3];
    const indent = excerptLine.length - excerptText.length;
    expect(excerptLine.slice(indent)).toBe(excerptText);
    expect(markerLine.slice(0, indent).trim()).toBe('');
    expect(markerLine.slice(indent)).toBe(' '.repeat(stringWidth('请于２０２４年')) + '^^^^^^');
  });

  it('marks a finding that spans lines only up to the end of its first line, and shows an insertion point', () => {
    const result: LintResult = {
      filePath: 'stdin.md',
      messages: [
        {
          ruleId: 'punctuation-pair',
          severity: 1,
          message: '引号未闭合',
          line: 1,
          column: 3,
          endLine: 2,
          endColumn: 2,
          excerpt: { text: '围绕“目标\n推进', start: 2, end: 7 },
        },
        {
          ruleId: 'paragraph-end',
          severity: 1,
          message: '缺少句号',
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 3,
          excerpt: { text: '推进\t工作', start: 5, end: 5 },
        },
      ],
      errorCount: 0,
      warningCount: 2,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
      fatalErrorCount: 0,
    };
    expect(stylish([result], context())).toBe(
      [
        'stdin.md',
        '  1:3  警告  引号未闭合  punctuation-pair',
        '             围绕“目标',
        '                 ^^^^^',
        '  2:3  警告  缺少句号    paragraph-end',
        '             推进 工作',
        '                      ^',
        '',
        '✖ 共 2 个问题（0 个错误，2 个警告）',
        '',
      ].join('\n'),
    );
  });
});

describe('stylish excerpts off the common path', () => {
  // Emoji before and after the finding, a lone surrogate, a finding past the end of its text, a tab, a line break.
  const excerpts = [
    { text: '请于👍前报送X份材料', start: 6, end: 7 },
    { text: '请于前报送X份材料👍，逾期不候', start: 5, end: 6 },
    { text: '报送\ud800X份', start: 3, end: 4 },
    { text: '截至X月', start: 9, end: 12 },
    { text: '第一条\t总则', start: 3, end: 4 },
    { text: '“目标\n推进', start: 0, end: 6 },
  ];
  const result: LintResult = {
    filePath: `${cwd}/通知.md`,
    messages: excerpts.map((excerpt, i) => ({
      ruleId: 'no-placeholder',
      severity: i % 2 === 0 ? 2 : 1,
      message: '疑似未填写的占位符',
      line: i + 1,
      column: 1,
      endLine: i + 1,
      endColumn: 2,
      excerpt,
    })),
    errorCount: 3,
    warningCount: 3,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    fatalErrorCount: 0,
  };

  it('marks them by display width, a lone surrogate written as U+FFFD as a file would hold it', () => {
    expect(stylish([result], context()).split('\n').slice(0, 19)).toEqual([
      '通知.md',
      '  1:1  错误  疑似未填写的占位符  no-placeholder',
      '             请于👍前报送X份材料',
      '                       ^^',
      '  2:1  警告  疑似未填写的占位符  no-placeholder',
      '             请于前报送X份材料👍，逾期不候',
      '                       ^',
      '  3:1  错误  疑似未填写的占位符  no-placeholder',
      '             报送\ufffdX份',
      '                 ^',
      '  4:1  警告  疑似未填写的占位符  no-placeholder',
      '             截至X月',
      '                    ^',
      '  5:1  错误  疑似未填写的占位符  no-placeholder',
      '             第一条 总则',
      '                   ^',
      '  6:1  警告  疑似未填写的占位符  no-placeholder',
      '             “目标',
      '             ^^^^^',
    ]);
  });

  it('colours the finding inside them', () => {
    const lines = stylish([result], context({ color: true })).split('\n');
    expect(lines[2]).toBe('             请于👍前报\u001b[31m送\u001b[39mX份材料');
    expect(lines[5]).toBe('             请于前报送\u001b[33mX\u001b[39m份材料👍，逾期不候');
    expect(lines[8]).toBe('             报送\ufffd\u001b[31mX\u001b[39m份');
    expect(lines[11]).toBe('             截至X月\u001b[33m\u001b[39m');
    expect(lines[14]).toBe('             第一条\u001b[31m \u001b[39m总则');
    expect(stripVTControlCharacters(lines.join('\n'))).toBe(stylish([result], context()));
  });
});

describe('stylish on a very large result', () => {
  it('formats 200,000 findings in one file without exhausting the stack', () => {
    const messages = Array.from({ length: 200_000 }, (_, index) => ({
      ruleId: 'punctuation-width',
      severity: 2 as const,
      message: '中文中的半角标点“,”应改为全角“，”',
      line: 1,
      column: index * 2 + 2,
      endLine: 1,
      endColumn: index * 2 + 3,
    }));
    const result: LintResult = {
      filePath: `${cwd}/大文件.txt`,
      messages,
      errorCount: messages.length,
      warningCount: 0,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
      fatalErrorCount: 0,
    };
    const output = stylish([result], context());
    expect(output.endsWith('✖ 共 200000 个问题（200000 个错误，0 个警告）\n')).toBe(true);
    expect(output.split('\n')).toHaveLength(200_000 + 4);
  });
});
