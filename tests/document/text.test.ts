import { describe, expect, it } from 'vitest';
import { LineIndex, OBJECT_REPLACEMENT, toSourceOffset } from '../../src/core/document.js';
import { parseText } from '../../src/core/parse/text.js';
import { mappingMismatches, texts } from './mapping.js';

function parse(source: string) {
  const document = parseText(source);
  expect(mappingMismatches(document)).toEqual([]);
  return document;
}

describe('plain text', () => {
  it('makes each non-blank line a paragraph without its indentation (spaces, tabs, U+3000) or trailing spaces', () => {
    const source = '关于开展安全生产大检查的通知\n\n    各乡镇人民政府：\n\t\t为切实做好安全生产工作，  \n　　现将有关事项通知如下。　\n \t　\n';
    const document = parse(source);
    expect(texts(document)).toEqual(['关于开展安全生产大检查的通知', '各乡镇人民政府：', '为切实做好安全生产工作，', '现将有关事项通知如下。']);
    expect(document.format).toBe('text');
    expect(document.blocks.map((block) => [block.index, block.kind, block.listDepth, block.quoteDepth])).toEqual([
      [0, 'paragraph', 0, 0],
      [1, 'paragraph', 0, 0],
      [2, 'paragraph', 0, 0],
      [3, 'paragraph', 0, 0],
    ]);
    const lines = new LineIndex(source);
    expect(lines.position(toSourceOffset(document.blocks[3], 0))).toEqual({ line: 5, column: 3 });
  });

  it('keeps Markdown-looking text as it is', () => {
    expect(texts(parse('# 不是标题\n> 不是引文\n1. 不是列表'))).toEqual(['# 不是标题', '> 不是引文', '1. 不是列表']);
  });

  it.each([
    ['CRLF', '第一行，\r\n\r\n第三行。\r\n'],
    ['lone CR', '第一行，\r\r第三行。\r'],
    ['mixed', '第一行，\n\r\n第三行。\r'],
  ])('splits %s lines and keeps line numbers right', (_name, source) => {
    const document = parse(source);
    expect(texts(document)).toEqual(['第一行，', '第三行。']);
    const lines = new LineIndex(source);
    expect(lines.position(toSourceOffset(document.blocks[1], 3))).toEqual({ line: 3, column: 4 });
    expect(lines.position(toSourceOffset(document.blocks[1], 4, 'end'))).toEqual({ line: 3, column: 5 });
  });

  it('reads an empty text and a text of blank lines as no blocks', () => {
    expect(parse('').blocks).toEqual([]);
    expect(parse('\n\r\n  \t\n').blocks).toEqual([]);
  });

  it('reads a directive comment on a line of its own', () => {
    const source = '第一段。\n  <!-- gongwen-lint-disable-next-line no-placeholder -->  \n联系人：XXX\n';
    const document = parse(source);
    expect(texts(document)).toEqual(['第一段。', '联系人：XXX']);
    const start = source.indexOf('<!--');
    expect(document.directives).toEqual([
      { kind: 'disable-next-line', ruleIds: ['no-placeholder'], sourceStart: start, sourceEnd: source.indexOf('-->') + 3 },
    ]);
  });

  it('reads a directive after the text it concerns, and one inside a line as an object', () => {
    const source = '联系电话：XXXXXXXX <!-- gongwen-lint-disable-line no-placeholder -- 待定 -->\n甲，<!-- gongwen-lint-disable -->；乙\n';
    const document = parse(source);
    expect(texts(document)).toEqual(['联系电话：XXXXXXXX', `甲，${OBJECT_REPLACEMENT}；乙`]);
    expect(document.directives.map((directive) => [directive.kind, directive.ruleIds])).toEqual([
      ['disable-line', ['no-placeholder']],
      ['disable', []],
    ]);
    expect(source.slice(document.directives[1].sourceStart, document.directives[1].sourceEnd)).toBe('<!-- gongwen-lint-disable -->');
    expect(toSourceOffset(document.blocks[1], 2)).toBe(document.directives[1].sourceStart);
  });

  it('keeps a comment that is not a directive as text', () => {
    expect(texts(parse('<!-- 备注：待领导审定 -->'))).toEqual(['<!-- 备注：待领导审定 -->']);
  });

  it('is linear on many unclosed comment openings and long runs of spaces', () => {
    const unclosed = '<!-- 未闭合\n'.repeat(50_000);
    const spaces = `正文${' '.repeat(1_000_000)}`;
    const started = performance.now();
    expect(parse(unclosed).blocks).toHaveLength(50_000);
    expect(texts(parse(spaces))).toEqual(['正文']);
    expect(texts(parse(`<!-- gongwen-lint-disable a${' '.repeat(100_000)}b -->`))).toEqual([]);
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});
