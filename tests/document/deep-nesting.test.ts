import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/core/parse/markdown.js';
import { lintText } from '../../src/index.js';
import { mappingMismatches, texts } from './mapping.js';

// remark-parse takes time quadratic in nesting depth (10,000 nested lists: about two minutes) and
// overflows its call stack on these inputs.
describe('nesting too deep for remark', () => {
  it.each([
    ['10,000 nested block quotes', `${'>'.repeat(10_000)} 深层引文，；内容。`],
    ['10,000 nested bullet lists', `${'- '.repeat(10_000)}深层列表，；内容。`],
    ['10,000 nested ordered lists', `${'1. '.repeat(10_000)}深层列表，；内容。`],
    ['5,000 quotes and lists in turn', `${'> - '.repeat(5_000)}交替嵌套，；内容。`],
  ])('reads %s as plain text instead of overflowing', (_name, source) => {
    const document = parseMarkdown(source);
    expect(document.format).toBe('markdown');
    expect(texts(document)).toEqual([source]);
    expect(mappingMismatches(document)).toEqual([]);
  });

  it('still lints such a document end to end', () => {
    const source = `${'>'.repeat(10_000)} 深层引文，；内容。`;
    const result = lintText(source, { filePath: '深层.md' });
    expect(result.messages.some((message) => message.ruleId === 'punctuation-sequence')).toBe(true);
  });

  it('parses ordinary Markdown normally after a fallback', () => {
    parseMarkdown(`${'>'.repeat(10_000)} 深层引文。`);
    expect(parseMarkdown('> 引文。').blocks.map((block) => [block.text, block.quoteDepth])).toEqual([['引文。', 1]]);
  });
});

describe('nesting remark can read', () => {
  it('reads 100 container markers on a line as Markdown, 101 as plain text', () => {
    const lists = parseMarkdown(`${'> - '.repeat(50)}深层列表。`);
    expect(lists.blocks.map((block) => [block.kind, block.text, block.listDepth, block.quoteDepth])).toEqual([
      ['list-item', '深层列表。', 50, 50],
    ]);
    const tooDeep = `${'> - '.repeat(50)}1. 深层列表。`;
    expect(texts(parseMarkdown(tooDeep))).toEqual([tooDeep]);
  });

  it('walks 1,000 nested emphases without recursion', () => {
    expect(texts(parseMarkdown(`${'*'.repeat(1000)}强调内容${'*'.repeat(1000)}`))).toEqual(['强调内容']);
  });
});
