import { describe, expect, it } from 'vitest';
import { parseDocx } from '../../src/core/parse/docx.js';
import { buildDocx, paragraph, run, splitParagraph } from '../fixtures/docx/build.js';

describe('parseDocx: body paragraphs', () => {
  it('joins runs split anywhere into one text per paragraph, and counts empty paragraphs', () => {
    const document = parseDocx(
      buildDocx({
        body: splitParagraph(['关于做好', 'X', '年度安全生产', '工作的通知']) + paragraph('') + splitParagraph(['各县（市、区）人民政府', '，', '；']),
      }),
    );
    expect(document.format).toBe('docx');
    expect(document.blocks.map((block) => block.text)).toEqual(['关于做好X年度安全生产工作的通知', '', '各县（市、区）人民政府，；']);
    expect(document.blocks.map((block) => block.docx?.paragraph)).toEqual([1, 2, 3]);
    const third = document.blocks[2];
    expect(document.locate?.(third.segments[0].sourceStart + 11)).toEqual({ line: 3, column: 12 });
  });

  it('keeps each run as a text piece with its w:t element', () => {
    const document = parseDocx(buildDocx({ body: paragraph(run('请于') + run('XX月XX日') + run('前报送。')) }));
    const pieces = document.blocks[0].docx?.pieces ?? [];
    expect(pieces.map((piece) => [piece.textStart, piece.textEnd, piece.kind, piece.element?.name])).toEqual([
      [0, 2, 'text', 'w:t'],
      [2, 8, 'text', 'w:t'],
      [8, 12, 'text', 'w:t'],
    ]);
  });
});

describe('lintBytes', () => {

  it('places findings by paragraph and names the part of a footer', async () => {
    const { lintBytes } = await import('../../src/core/linter.js');
    const { rulesById } = await import('../../rules/index.js');
    const { resolveRules } = await import('../../src/core/config/resolve-rules.js');
    const rules = resolveRules([...rulesById.values()], []);
    const bytes = buildDocx({
      body: paragraph('') + splitParagraph(['请各单位于', 'X', '月', 'X', '日前报送。']),
      footers: [splitParagraph(['XX县人民政府办公室'])],
    });
    const result = lintBytes(bytes, { filePath: '通知.docx', format: 'docx', rules }, rulesById);
    const placeholders = result.messages.filter((message) => message.ruleId === 'no-placeholder');
    expect(placeholders.map((message) => [message.part, message.line, message.column, message.endLine, message.endColumn])).toEqual([
      [undefined, 2, 6, 2, 9],
      ['footer', 1, 1, 1, 3],
    ]);
    expect(placeholders[1].message).toMatch(/^页脚：/);
  });
});

describe('parseDocx: parts read for numbering', () => {
  // A styles part that is not well-formed shows whether it was parsed.
  const brokenStyles = '<w:style w:type="paragraph" w:styleId="a">';

  it('does not read the styles part of a draft without numbering', () => {
    const document = parseDocx(buildDocx({ body: paragraph(run('各区人民政府：')), styles: brokenStyles }));
    expect(document.blocks.map((block) => block.text)).toEqual(['各区人民政府：']);
  });

  it('reads it when the draft has numbering, since a style may number its paragraphs', () => {
    const numbering = '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>';
    expect(() => parseDocx(buildDocx({ body: paragraph(run('各区人民政府：')), styles: brokenStyles, numbering }))).toThrowError(/styles\.xml/);
  });
});
