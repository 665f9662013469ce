import { describe, expect, it } from 'vitest';
import { findCommentDirectives, parseDirective, parseHtmlCommentDirective } from '../../src/core/directives.js';
import { parseMarkdown } from '../../src/core/parse/markdown.js';
import { lintText } from '../../src/index.js';

describe('directive comments', () => {
  it('reads the kind, rule ids separated by commas or spaces, and drops a justification after --', () => {
    expect(parseDirective(' gongwen-lint-disable no-placeholder, punctuation-pair  punctuation-width ')).toEqual({
      kind: 'disable',
      ruleIds: ['no-placeholder', 'punctuation-pair', 'punctuation-width'],
    });
    expect(parseDirective(' gongwen-lint-disable-line no-placeholder -- 引用原文 ')).toEqual({ kind: 'disable-line', ruleIds: ['no-placeholder'] });
    expect(parseDirective('gongwen-lint-enable')).toEqual({ kind: 'enable', ruleIds: [] });
    expect(parseDirective(' gongwen-lint-disable-next-line -- 整段引用 ')).toEqual({ kind: 'disable-next-line', ruleIds: [] });
  });

  it('ignores other comments and near misses', () => {
    expect(parseDirective(' 待领导审定 ')).toBeNull();
    expect(parseDirective(' gongwen-lint-disabled ')).toBeNull();
    expect(parseDirective(' eslint-disable ')).toBeNull();
    expect(parseHtmlCommentDirective('<!-- gongwen-lint-disable --> 正文')).toBeNull();
    expect(parseHtmlCommentDirective('<!-->')).toBeNull();
    expect(parseHtmlCommentDirective('  <!--gongwen-lint-enable-->\n')).toEqual({ kind: 'enable', ruleIds: [] });
  });

  it('finds every directive in a range with its offsets', () => {
    const html = '<div><!-- gongwen-lint-disable a --><!-- 备注 --><!-- gongwen-lint-enable a --></div>';
    const enableStart = html.indexOf('<!-- gongwen-lint-enable');
    const enableEnd = html.indexOf('</div>');
    expect(findCommentDirectives(html)).toEqual([
      { kind: 'disable', ruleIds: ['a'], start: 5, end: html.indexOf('<!-- 备注') },
      { kind: 'enable', ruleIds: ['a'], start: enableStart, end: enableEnd },
    ]);
    expect(findCommentDirectives(`前缀${html}`, 2 + enableStart - 1)).toEqual([
      { kind: 'enable', ruleIds: ['a'], start: 2 + enableStart, end: 2 + enableEnd },
    ]);
  });

  it('is linear on a long run of spaces inside a directive', () => {
    const started = performance.now();
    expect(parseDirective(` gongwen-lint-disable a${' '.repeat(200_000)}b`)).toEqual({ kind: 'disable', ruleIds: ['a', 'b'] });
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe('directives in Markdown', () => {
  it('reads block and inline HTML comments, in a quote too, with their source offsets', () => {
    const source = [
      '<!-- gongwen-lint-disable no-placeholder -->',
      '',
      '联系人：XXX<!-- gongwen-lint-disable-line punctuation-width -->，电话：XXXX',
      '',
      '> <!-- gongwen-lint-disable-next-line',
      '> punctuation-pair -->',
      '',
      '<!-- 普通注释 -->',
      '',
      '<!-- gongwen-lint-enable -->',
    ].join('\n');
    const document = parseMarkdown(source);
    expect(document.directives.map((directive) => [directive.kind, directive.ruleIds, source.slice(directive.sourceStart, directive.sourceEnd)])).toEqual([
      ['disable', ['no-placeholder'], '<!-- gongwen-lint-disable no-placeholder -->'],
      ['disable-line', ['punctuation-width'], '<!-- gongwen-lint-disable-line punctuation-width -->'],
      ['disable-next-line', ['punctuation-pair'], '<!-- gongwen-lint-disable-next-line\n> punctuation-pair -->'],
      ['enable', [], '<!-- gongwen-lint-enable -->'],
    ]);
    expect(document.blocks.map((block) => block.text)).toEqual(['联系人：XXX\uFFFC，电话：XXXX']);
  });

  it('suppresses findings end to end', () => {
    const draft = '完成任务，；下一步。\n\n完成任务，；<!-- gongwen-lint-disable-line punctuation-sequence -->下一步。\n';
    const lines = lintText(draft, { filePath: '草稿.md' })
      .messages.filter((message) => message.ruleId === 'punctuation-sequence')
      .map((message) => [message.line, message.column]);
    expect(lines).toEqual([[1, 5]]);
  });
});
