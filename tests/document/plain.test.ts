import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { gfmWithoutAutolinkLiterals } from '../../src/core/parse/gfm.js';
import { readPlainGroups } from '../../src/core/parse/markdown-plain.js';
import { parseMarkdown } from '../../src/core/parse/markdown.js';
import { corpusFiles, readCorpusFile } from '../helpers/corpus.js';
import { draftText } from '../properties/arbitraries.js';

const processor = unified().use(remarkParse).use(gfmWithoutAutolinkLiterals).use(remarkFrontmatter, ['yaml', 'toml']).freeze();

/** The texts the plain path handed to remark. */
function givenToRemark(source: string): string[] {
  const given: string[] = [];
  const ignore = (): void => undefined;
  readPlainGroups(
    source,
    (text) => {
      given.push(text);
      return processor.parse(text);
    },
    { markdown: ignore, heading: ignore, paragraph: ignore },
  );
  return given;
}

function expectSameAsRemark(source: string): void {
  expect(parseMarkdown(source)).toEqual(parseMarkdown(source, { remarkOnly: true }));
}

const DRAFT = ['# 关于做好2024年安全生产工作的通知', '', '各乡镇人民政府，县直各单位：', '', '## 一、总体要求', '', '（一）提高思想认识。各单位要高度重视，', '切实加强领导。', '', '2024年5月10日', ''].join('\n');

describe('plain groups', () => {
  it('reads a draft of headings and prose without remark', () => {
    expect(givenToRemark(DRAFT)).toEqual([]);
    const blocks = parseMarkdown(DRAFT).blocks.map((block) => [block.kind, block.depth, block.text]);
    expect(blocks).toEqual([
      ['heading', 1, '关于做好2024年安全生产工作的通知'],
      ['paragraph', undefined, '各乡镇人民政府，县直各单位：'],
      ['heading', 2, '一、总体要求'],
      ['paragraph', undefined, '（一）提高思想认识。各单位要高度重视，\n切实加强领导。'],
      ['paragraph', undefined, '2024年5月10日'],
    ]);
    expectSameAsRemark(DRAFT);
  });

  it('gives remark only the groups that need it, neighbouring ones as one piece', () => {
    const source = ['一段正文。', '', '- 列表项', '', '> 引文', '', '又一段正文。', '', '含*强调*的一段。', ''].join('\n');
    expect(givenToRemark(source)).toEqual(['- 列表项\n\n> 引文', '含*强调*的一段。']);
    expectSameAsRemark(source);
  });

  it.each([
    ['an ordered list marker', '1. 第一项'],
    ['an ordered list marker with a parenthesis', '2) 第二项'],
    ['a marker at the line end', '3.'],
    ['indentation (from the blank line before, see startsSection)', '    缩进的代码'],
    ['a setext underline', '标题\n==='],
    ['a table', '| 项目 | 金额 |\n| --- | --- |\n| 甲 | 1 |'],
    ['a heading with a closing sequence', '## 标题 ##'],
    ['a heading without its space', '##标题'],
    ['seven hashes', '####### 不是标题'],
    ['a character reference', '甲&amp;乙'],
    ['a thematic break (from the blank line before: `---` would open front matter)', '---'],
    ['a block quote', '> 引文'],
    ['a strikethrough', '~~删除~~'],
    ['NUL', '甲\0乙'],
    ['an underscore that could open emphasis', '甲，_乙_。'],
    ['a single star', '甲*乙*丙'],
    ['a run of three stars', '甲***乙***丙'],
    ['a star pair that cannot open (text before, punctuation after)', '甲**，乙**丙'],
    ['a star pair that cannot close (punctuation before, text after)', '甲**乙，**丙'],
    ['an unpaired star pair', '甲**乙丙'],
    ['a star pair across two lines', '甲**乙\n丙**丁'],
    ['a star pair beside a hexagram symbol (a symbol to micromark)', '甲**\u4dc0乙**丙'],
    ['an underscore beside a hexagram symbol', '\u4dc0_甲乙_\u4dc0'],
    ['a tab at the line end', '第一行，\t\n第二行。'],
  ])('sends %s to remark', (name, text) => {
    const piece = name.includes('blank line before') ? `\n${text}` : text;
    expect(givenToRemark(`正文。\n\n${text}\n\n正文。\n`)).toEqual([piece]);
    expectSameAsRemark(`正文。\n\n${text}\n\n正文。\n`);
  });

  it.each([
    ['an underscore inside a word', 'PM_2.5年均浓度下降'],
    ['an ampersand that starts no reference', '&9826;电视　R与D之外'],
    ['a bar and a greater-than sign inside a line', '甲|乙，丙>丁'],
    ['an ampersand before a word with no semicolon', 'R&D经费投入'],
    ['trailing spaces, which Markdown drops', '第一行， \n第二行。  '],
    ['a heading with trailing spaces', '## 三、主要任务  '],
    ['a hard break of two trailing spaces', '第一行，  \n第二行。'],
    ['a date', '2024年5月10日'],
    ['a decimal', '1.5亿元'],
    ['a time', '8:30开会'],
    ['full-width indentation', '\u3000\u3000为切实加强领导，现通知如下。'],
    ['a URL', '详见https://www.gov.cn/zhengce/'],
    ['half-width marks', '第一阶段(2024-2025年),重点推进。'],
    ['strong emphasis inside a sentence', '你局《关于广**待补充**东的请示》收悉。'],
    ['strong emphasis after punctuation and before a space', '现就有关事项答复如下:**待补充**　经研究，同意。'],
    ['strong emphasis after a comma and before a full stop', '围绕上述目标,**待补充**。'],
    ['a bold line', '**一、总体要求**'],
    ['a bold heading', '## **一、总体要求**'],
    ['two strong pairs in a row', '甲**乙**丙**丁**'],
    ['strong emphasis in the second line of a paragraph', '第一行，\n第二行**待补充**。'],
  ])('keeps %s on the plain path', (_name, text) => {
    expect(givenToRemark(`${text}\n`)).toEqual([]);
    expectSameAsRemark(`${text}\n`);
  });

  it('drops trailing spaces and reads two or more before a line ending as a hard break', () => {
    const source = '## 一、总体要求  \n\n第一行， \n第二行，  \n第三行。  \n';
    expect(givenToRemark(source)).toEqual([]);
    expect(parseMarkdown(source).blocks.map((block) => [block.text, block.segments])).toEqual([
      ['一、总体要求', [{ textStart: 0, sourceStart: 3 }]],
      [
        '第一行，\n第二行，\n第三行。',
        [
          { textStart: 0, sourceStart: 13 },
          { textStart: 4, sourceStart: 18 },
          { textStart: 9, sourceStart: 25 },
          { textStart: 10, sourceStart: 26 },
        ],
      ],
    ]);
    expectSameAsRemark(source);
  });

  it('leaves strong emphasis delimiters out of the text and maps the rest to the source', () => {
    const source = '**一、总体要求**\n\n第一行**待补充**，\n第二行。\n';
    expect(givenToRemark(source)).toEqual([]);
    expect(parseMarkdown(source).blocks.map((block) => [block.text, block.segments])).toEqual([
      ['一、总体要求', [{ textStart: 0, sourceStart: 2 }]],
      [
        '第一行待补充，\n第二行。',
        [
          { textStart: 0, sourceStart: 12 },
          { textStart: 3, sourceStart: 17 },
          { textStart: 6, sourceStart: 22 },
        ],
      ],
    ]);
    expectSameAsRemark(source);
  });

  it('follows fences, HTML blocks and front matter over blank lines', () => {
    const source = ['---', 'title: 通知', '', 'draft: true', '---', '', '正文。', '', '```', '代码', '', '仍是代码', '```', '', '<!--', '注释', '', '-->', '', '结尾。'].join('\n');
    expect(givenToRemark(source)).toEqual(['---\ntitle: 通知\n\ndraft: true\n---', '```\n代码\n\n仍是代码\n```\n\n<!--\n注释\n\n-->']);
    expectSameAsRemark(source);
  });

  it('gives the rest to remark once an opener could belong to a list item or to HTML', () => {
    const indented = '正文。\n\n  ```\n代码\n\n正文二。\n\n正文三。\n';
    expect(givenToRemark(indented)).toEqual(['\n  ```\n代码\n\n正文二。\n\n正文三。']);
    expectSameAsRemark(indented);
    // In a `<div>` block, ``` is HTML; the fence that follows the blank line runs to the end.
    const inHtml = '<div>\n```\n \n```\n\n一、\n';
    expect(givenToRemark(inHtml)).toEqual(['<div>\n```\n \n```\n\n一、']);
    expectSameAsRemark(inHtml);
  });

  it('parses a document with link definitions by remark whole', () => {
    const source = '正文[甲]。\n\n另一段。\n\n[甲]: https://example.gov.cn/\n';
    expect(givenToRemark(source)).toEqual([source]);
  });

  it('keeps positions with a byte order mark and CRLF line endings', () => {
    const source = '\ufeff# 标题\r\n\r\n第一行，\r\n第二行。\r\n\r\n- 列表\r\n\r\n结尾。';
    expectSameAsRemark(source);
    const blocks = parseMarkdown(source).blocks;
    expect(blocks[1].segments).toEqual([
      { textStart: 0, sourceStart: 9 },
      { textStart: 5, sourceStart: 15 },
    ]);
  });
});

describe('plain groups give the blocks a parse by remark alone gives', () => {
  it('on every published document in the shared corpus, read as Markdown', () => {
    const files = corpusFiles();
    expect(files.length).toBeGreaterThan(100);
    let plainFiles = 0;
    for (const name of files) {
      const source = readCorpusFile(name);
      expectSameAsRemark(source);
      if (givenToRemark(source).length === 0) plainFiles++;
    }
    // The fast path must actually be taken on real documents, or this comparison proves nothing.
    expect(plainFiles).toBeGreaterThan(files.length / 3);
  });

  it('on the bundled examples', () => {
    const examples = new URL('../../examples/', import.meta.url);
    for (const name of readdirSync(examples).filter((file) => /\.(md|txt)$/.test(file))) {
      expectSameAsRemark(readFileSync(new URL(name, examples), 'utf8'));
    }
  });

  /** Lines built to sit on the border between plain and Markdown. */
  const LINE_STARTS = ['', '', '', '# ', '## ', '###### ', '####### ', '#', '1. ', '1.5', '2) ', '10.', '- ', '+ ', '* ', '> ', '    ', '\t', ' ', '=', '---', ':', '|', '```', '~~~', '````', '  ```', '``` a`b', '<!--', '   <!--', '<?', '<script>', '<![CDATA[', '<!A', '<div>', '<span>', '&amp;', '\u3000\u3000', '\u00a0', '\f', '\v'];
  const LINE_ENDS = ['', '', '', ' ', '  ', '\t', ' #', '#', '\\', '|', '-->', '?>', ']]>', '>', '</script>', '```'];
  /** Characters the plain reader lets through in some places and not in others. */
  const INLINE = ['PM_2.5', '中_文', 'a_b', '_x', 'x_', '__', 'a__b', '_', '&9826;', '&#38;', '&amp;', '&Amp', '& ', '&', '5&6', 'R&D', 'A|B', '|', 'a>b', '>', '*', '~', '**', '**', '***', '\u4dc0', '\u3000'];
  const inlineText = fc.array(fc.oneof(draftText(3), fc.constantFrom(...INLINE)), { maxLength: 6 }).map((parts) => parts.join('').replace(/[\r\n]/g, ''));
  const line = fc.tuple(fc.constantFrom(...LINE_STARTS), inlineText, fc.constantFrom(...LINE_ENDS)).map((parts) => parts.join(''));
  const ending = fc.constantFrom('\n', '\n', '\n\n', '\r\n', '\r\n\r\n', '\r', '\n \n');
  const document = fc.array(fc.tuple(line, ending).map(([text, end]) => text + end), { maxLength: 14 }).map((parts) => parts.join(''));

  /** Mostly plain lines, so that the plain reader's own paths (trailing spaces, breaks, headings) are what is compared. */
  const plainishLine = fc
    .tuple(
      fc.constantFrom('', '', '', '# ', '## ', '\u3000\u3000', '#'),
      fc.array(fc.constantFrom(...'关于做好通知工作，。；、“”（）《》', 'PM_2.5', 'R&D', '&9826;', '甲|乙', 'a>b', '_'), { minLength: 1, maxLength: 8 }).map((parts) => parts.join('')),
      fc.constantFrom('', '', '', ' ', '  ', '   ', '\t', ' #'),
    )
    .map((parts) => parts.join(''));
  const plainishDocument = fc.array(fc.tuple(plainishLine, ending).map(([text, end]) => text + end), { maxLength: 10 }).map((parts) => parts.join(''));

  it('on generated documents of mostly plain lines', () => {
    let plain = 0;
    fc.assert(
      fc.property(plainishDocument, (source) => {
        expectSameAsRemark(source);
        if (givenToRemark(source).length === 0) plain++;
      }),
      { numRuns: 1500 },
    );
    expect(plain).toBeGreaterThan(300);
  });

  /** Lines with `**` among text, punctuation, spaces and symbols: pairs micromark reads as strong emphasis, and some it does not. */
  const starredLine = fc
    .tuple(
      fc.constantFrom('', '', '# ', '## '),
      fc.array(fc.constantFrom(...'通知工作a1，。、“”（）,.: \u3000', '**', '**', '**', '*', '\u4dc0', '😀', 'PM_2.5', '&9826;'), { minLength: 1, maxLength: 10 }).map((parts) => parts.join('')),
      fc.constantFrom('', '', ' ', '  '),
    )
    .map((parts) => parts.join(''));
  const starredDocument = fc.array(fc.tuple(starredLine, ending).map(([text, end]) => text + end), { maxLength: 8 }).map((parts) => parts.join(''));

  it('on generated documents with strong emphasis', () => {
    let plainWithStrong = 0;
    fc.assert(
      fc.property(starredDocument, (source) => {
        expectSameAsRemark(source);
        const pairs = (text: string): number => text.split('**').length - 1;
        if (pairs(givenToRemark(source).join('\n')) < pairs(source)) plainWithStrong++;
      }),
      { numRuns: 2000 },
    );
    // The pairs must really be read on the plain path, or this comparison proves nothing about them.
    expect(plainWithStrong).toBeGreaterThan(50);
  });

  it('on generated documents', () => {
    fc.assert(
      fc.property(fc.constantFrom('', '', '\ufeff', '---\n', '+++\n'), document, (start, body) => {
        expectSameAsRemark(start + body);
      }),
      { numRuns: 1500 },
    );
  });
});
