import { describe, expect, it } from 'vitest';
import type { GwDocument } from '../../src/core/document.js';
import { parseDocument } from '../../src/core/linter.js';
import { mayContain } from '../../src/core/text/source-search.js';

describe('mayContain', () => {
  it('answers from the source of Markdown and plain text', () => {
    const markdown = parseDocument('# 关于做好年度考核工作的通知\n\n各单位要按时报送材料。\n', 'markdown');
    expect(mayContain(markdown, '号')).toBe(false);
    expect(mayContain(markdown, '通')).toBe(true);
    expect(mayContain(parseDocument('国办发〔2024〕12号\n', 'text'), '号')).toBe(true);
  });

  it('answers yes where a character reference may write the character into a block', () => {
    const document = parseDocument('国办发〔2024〕12&#21495;\n', 'markdown');
    expect(document.blocks[0].text).toContain('号');
    expect(mayContain(document, '号')).toBe(true);
  });

  it('answers yes for a Word document, whose automatic numbers are in its blocks but not in its source', () => {
    const word: GwDocument = { format: 'docx', source: '', blocks: [], directives: [] };
    expect(mayContain(word, '附')).toBe(true);
  });
});
