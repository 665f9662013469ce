import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { Root } from 'mdast';
import { remark } from 'remark';
import remarkParse from 'remark-parse';
import remarkPresetLintRecommended from 'remark-preset-lint-recommended';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { reporter } from 'vfile-reporter';
import { describe, expect, it } from 'vitest';
import remarkGongwen from '../../src/remark.js';

const FIXTURES = resolve('tests/fixtures/remark');
const REMARK_CLI = resolve('node_modules/remark-cli/cli.js');

/** remark-cli itself, in the fixture directory, so that it finds the `.remarkrc.mjs` there. */
function remarkCli(args: readonly string[]): { status: number; stderr: string } {
  const child = spawnSync(process.execPath, [REMARK_CLI, ...args, '--no-stdout', '--no-color'], { cwd: FIXTURES, encoding: 'utf8' });
  if (child.status === null) throw new Error(`remark-cli was killed: ${child.stderr}`);
  return { status: child.status, stderr: child.stderr };
}

describe('remark-cli with gongwen-lint/remark in .remarkrc.mjs', () => {
  it('reports each finding with place, severity, message, rule and source, and fails on errors', () => {
    const run = remarkCli(['草稿.md', '定稿.md']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^草稿\.md\n3:8-3:9 +error +中文中的半角标点“,”应改为全角“，” +punctuation-width +gongwen-lint\n5:27-5:30 +error +“X月X日”疑似未填写的占位符，请填写具体日期 +no-placeholder +gongwen-lint\n/m);
    expect(run.stderr).toContain('定稿.md: no issues found');
    expect(run.stderr).toContain('✖ 2 errors');
  });

  it('passes a clean draft, and passes warnings unless --frail', () => {
    expect(remarkCli(['定稿.md']).status).toBe(0);
    const warned = remarkCli(['未完.md']);
    expect(warned.status).toBe(0);
    expect(warned.stderr).toMatch(/3:11-3:12 +warning +段落以 ， 结尾.* +paragraph-end +gongwen-lint/);
    expect(remarkCli(['未完.md', '--frail']).status).toBe(1);
  });
});

const DRAFT = '# 关于报送安全生产工作总结的通知\n\n各乡镇人民政府,县直各单位：请于X月X日前报送。';

describe('the plugin in a unified pipeline', () => {
  it('reports as remark-lint does, beside remark-lint’s own messages', async () => {
    const processor = unified().use(remarkParse).use(remarkPresetLintRecommended).use(remarkGongwen);
    const file = new VFile({ path: '通知.md', value: DRAFT });
    await processor.run(processor.parse(file), file);
    expect(file.messages.map((message) => [message.source, message.ruleId, message.line, message.column])).toEqual([
      ['remark-lint', 'final-newline', 3, 25],
      ['gongwen-lint', 'punctuation-width', 3, 8],
      ['gongwen-lint', 'no-placeholder', 3, 17],
    ]);
    const width = file.messages[1];
    expect(width.place).toEqual({ start: { line: 3, column: 8 }, end: { line: 3, column: 9 } });
    expect(width.fatal).toBe(true);
    expect(width.url).toBe('https://unpkg.com/gongwen-lint/docs/rules/punctuation-width.md');
    expect(width.actual).toBe(',');
    expect(width.expected).toEqual(['，']);
    expect(file.messages[2].expected).toBeUndefined();
    const report = reporter([file], { color: false });
    expect(report).toMatch(/3:8-3:9 +error +中文中的半角标点/);
    expect(report).toMatch(/final-newline/);
  });

  it('takes the rule settings of a .gongwenrc: off, warn, options', async () => {
    const file = await remark()
      .use(remarkGongwen, { rules: { 'no-placeholder': 'off', 'punctuation-width': 'warn' } })
      .process(new VFile({ path: '通知.md', value: DRAFT }));
    expect(file.messages.map((message) => [message.ruleId, message.fatal])).toEqual([['punctuation-width', false]]);
  });

  it('lints the tree the pipeline has, not a parse of its own', async () => {
    const dropHeadingAndParagraphs = () => (tree: Root) => {
      tree.children = tree.children.filter((node) => node.type !== 'paragraph');
    };
    const processor = unified().use(remarkParse).use(dropHeadingAndParagraphs).use(remarkGongwen);
    const file = new VFile({ path: '通知.md', value: DRAFT });
    await processor.run(processor.parse(file), file);
    expect(file.messages).toEqual([]);
  });

  it('honours suppression comments in the tree', async () => {
    const file = await remark()
      .use(remarkGongwen)
      .process('<!-- gongwen-lint-disable-next-line no-placeholder -- 填表说明 -->\n请在“X年X月X日”处填写成文日期。\n');
    expect(file.messages).toEqual([]);
  });

  it('rejects options it cannot honour, naming them', () => {
    expect(() => unified().use(remarkParse).use(remarkGongwen, { rules: { 'no-such-rule': 'error' } }).freeze()).toThrow(/no-such-rule/);
    expect(() => unified().use(remarkParse).use(remarkGongwen, { overrides: [] } as never).freeze()).toThrow(/overrides/);
  });
});
