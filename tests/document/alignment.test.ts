import { describe, expect, it } from 'vitest';
import { BlockTextBuilder, toSourceOffset, type Block } from '../../src/core/document.js';
import { appendAlignedText, parseMarkdown } from '../../src/core/parse/markdown.js';
import { lintText } from '../../src/index.js';
import { mappingMismatches } from './mapping.js';

function aligned(source: string, value: string, start = 0, end = source.length): Block {
  const builder = new BlockTextBuilder();
  appendAlignedText(builder, source, value, start, end);
  const { text, segments } = builder.build(start);
  return { index: 0, kind: 'paragraph', text, segments, listDepth: 0, quoteDepth: 0 };
}

describe('aligning a text value with its source', () => {
  it('keeps a value that disagrees with its source, mapped to where they part', () => {
    const block = aligned('甲乙丙丁', '甲乙戊己');
    expect(block.text).toBe('甲乙戊己');
    expect([0, 1, 2, 3].map((offset) => toSourceOffset(block, offset))).toEqual([0, 1, 2, 3]);
    const short = aligned('甲乙', '甲乙丙丁');
    expect(short.text).toBe('甲乙丙丁');
    expect(toSourceOffset(short, 2)).toBe(1);
  });

  it('uses one segment per run, not per character', () => {
    const line = '为切实做好岁末年初安全生产工作，有效防范各类事故发生。';
    const source = `> ${line}\n> ${line}\n> ${line}`;
    const document = parseMarkdown(source);
    expect(document.blocks[0].segments).toHaveLength(3);
  });

  it('maps a 250 KB quoted paragraph with escapes and references exactly', () => {
    const line = '> 为切实做好安全生产工作\\*，有效防范&amp;各类事故发生。';
    const source = Array.from({ length: 5_000 }, () => line).join('\n');
    const document = parseMarkdown(source);
    expect(document.blocks).toHaveLength(1);
    expect(document.blocks[0].text).toBe(Array.from({ length: 5_000 }, () => '为切实做好安全生产工作*，有效防范&各类事故发生。').join('\n'));
    expect(mappingMismatches(document)).toEqual([]);
  });
});

describe('end to end', () => {
  it('does not read two marks around inline code as a doubled mark', () => {
    const found = (text: string): number[] =>
      lintText(text, { filePath: '草稿.md' })
        .messages.filter((message) => message.ruleId === 'punctuation-sequence')
        .map((message) => message.column);
    expect(found('运行命令，`gwlint 草稿.md`；再提交。')).toEqual([]);
    expect(found('运行命令，；再提交。')).toEqual([5]);
  });

  it('reports at the right line and column in a quoted list in a CRLF file', () => {
    const source = '# 通知\r\n\r\n> 1. 完成任务，；\r\n>    下一步，，继续。\r\n';
    const messages = lintText(source, { filePath: '草稿.md' }).messages.filter((message) => message.ruleId === 'punctuation-sequence');
    expect(messages.map((message) => [message.line, message.column, message.endLine, message.endColumn])).toEqual([
      [3, 10, 3, 12],
      [4, 9, 4, 11],
    ]);
  });
});
