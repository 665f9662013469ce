import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { GwDocument } from '../../src/core/document.js';
import { parseDocx } from '../../src/core/parse/docx.js';
import { parseMarkdown } from '../../src/core/parse/markdown.js';
import { parseText } from '../../src/core/parse/text.js';
import { buildCase, docxCases } from '../fixtures/docx/cases.js';
import { corpusFiles, readCorpusFile } from '../helpers/corpus.js';

/** The blocks marked verbatim whose text is not the source where their one segment says, and how many are marked. */
function verbatimBlocks(document: GwDocument): { marked: number; wrong: string[] } {
  let marked = 0;
  const wrong: string[] = [];
  for (const block of document.blocks) {
    if (block.verbatim !== true) continue;
    marked++;
    const start = block.segments[0].sourceStart;
    if (block.segments.length !== 1 || document.source.slice(start, start + block.text.length) !== block.text) wrong.push(block.text);
  }
  return { marked, wrong };
}

/** Markdown that makes blocks of every kind, with entities, code, breaks, emphasis and directives between pieces of text. */
const MARKDOWN = [
  '# 关于做好2024年度安全生产工作的通知',
  '',
  '各区县人民政府，市政府各部门：',
  '',
  '现将有关事项**通知**如下，请认真贯彻执行。  ',
  '联系电话：`0371-12345678`，地址见 <https://www.gov.cn>。',
  '',
  '> 一、加强组织领导&amp;压实工作责任。',
  '',
  '1. 明确责任分工；',
  '2. 狠抓工作落实。<!-- gongwen-lint-disable-line no-placeholder -->',
  '',
  '| 序号 | 事项 |',
  '| --- | --- |',
  '| 1 | 排查隐患 |',
  '',
  '附件：1.关于做好年度考核工作的方案',
].join('\n');

describe('Block.verbatim', () => {
  it('is set only where the text is the source from its segment on, in Markdown, plain text and Word', () => {
    const documents: GwDocument[] = [];
    for (const source of [MARKDOWN, MARKDOWN.replaceAll('\n', '\r\n'), ...corpusFiles().map(readCorpusFile)]) {
      documents.push(parseMarkdown(source), parseMarkdown(source, { remarkOnly: true }), parseText(source));
    }
    const examples = new URL('../../examples/', import.meta.url);
    for (const name of readdirSync(examples)) {
      const bytes = readFileSync(new URL(name, examples));
      if (name.endsWith('.docx')) documents.push(parseDocx(bytes));
      else documents.push(parseMarkdown(bytes.toString('utf8')), parseText(bytes.toString('utf8')));
    }
    for (const name of Object.keys(docxCases)) documents.push(parseDocx(buildCase(name)));
    let marked = 0;
    let blocks = 0;
    for (const document of documents) {
      const found = verbatimBlocks(document);
      expect(found.wrong).toEqual([]);
      marked += found.marked;
      blocks += document.blocks.length;
    }
    // Most blocks are one piece of their source; the others hold code, entities, breaks or Word's numbers.
    expect(marked).toBeGreaterThan(blocks * 0.8);
    expect(marked).toBeLessThan(blocks);
  });

  it('is not set where a piece of the text is not the source: an entity, inline code, a directive inside a line', () => {
    const [entity, code] = parseMarkdown('加强组织领导&amp;压实工作责任。\n\n联系电话：`0371-12345678`。').blocks;
    expect([entity.verbatim, code.verbatim]).toEqual([false, false]);
    expect(parseText('压实责任<!-- gongwen-lint-disable-line -->狠抓落实').blocks[0].verbatim).toBe(false);
    expect(parseText('　　压实工作责任，狠抓工作落实。').blocks[0].verbatim).toBe(true);
  });
});
