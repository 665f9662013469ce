import { describe, expect, it } from 'vitest';
import { LineIndex, OBJECT_REPLACEMENT, toSourceOffset, type GwDocument } from '../../src/core/document.js';
import { lintText } from '../../src/index.js';
import { parseMarkdown } from '../../src/core/parse/markdown.js';
import { mappingMismatches, sourceAt, texts } from './mapping.js';

/** Parses and checks that every character maps back to itself before any other assertion. */
function parse(source: string): GwDocument {
  const document = parseMarkdown(source);
  expect(mappingMismatches(document)).toEqual([]);
  return document;
}

function summary(document: GwDocument): unknown[] {
  return document.blocks.map((block) => {
    const entry: Record<string, unknown> = { kind: block.kind, text: block.text };
    if (block.depth !== undefined) entry.depth = block.depth;
    if (block.listMarker !== undefined) entry.listMarker = block.listMarker;
    if (block.ordered !== undefined) entry.ordered = block.ordered;
    if (block.listDepth > 0) entry.listDepth = block.listDepth;
    if (block.quoteDepth > 0) entry.quoteDepth = block.quoteDepth;
    if (block.table) entry.table = block.table;
    return entry;
  });
}

describe('headings and paragraphs', () => {
  it('reads ATX and setext headings with their depth, in document order', () => {
    const document = parse(
      '# 关于做好2024年防汛工作的通知\n\n各乡镇人民政府，县政府各部门：\n\n## 一、总体要求\n\n### （一）工作目标\n\n全面落实防汛责任\n制\n===\n',
    );
    expect(summary(document)).toEqual([
      { kind: 'heading', text: '关于做好2024年防汛工作的通知', depth: 1 },
      { kind: 'paragraph', text: '各乡镇人民政府，县政府各部门：' },
      { kind: 'heading', text: '一、总体要求', depth: 2 },
      { kind: 'heading', text: '（一）工作目标', depth: 3 },
      { kind: 'heading', text: '全面落实防汛责任\n制', depth: 1 },
    ]);
    expect(document.blocks.map((block) => block.index)).toEqual([0, 1, 2, 3, 4]);
  });

  it('keeps soft line breaks as \\n, so numbered lines inside one paragraph are line starts', () => {
    const document = parse('一、提高政治站位\n二、压实工作责任   \n三、强化督促检查\n');
    expect(texts(document)).toEqual(['一、提高政治站位\n二、压实工作责任\n三、强化督促检查']);
    const [block] = document.blocks;
    expect(sourceAt(document, block, block.text.indexOf('三'))).toBe('三、强化督促检查\n');
  });

  it('turns a hard break into \\n mapped to the end of its source line', () => {
    const source = '特此通知。  \n县人民政府办公室\\\n2024年6月1日';
    const document = parse(source);
    const [block] = document.blocks;
    expect(block.text).toBe('特此通知。\n县人民政府办公室\n2024年6月1日');
    expect(toSourceOffset(block, 5)).toBe(source.indexOf('\n'));
    expect(toSourceOffset(block, block.text.lastIndexOf('\n'))).toBe(source.lastIndexOf('\n'));
  });

  it('leaves out thematic breaks, definitions, code blocks and HTML blocks', () => {
    const document = parse(
      [
        '第一段。',
        '',
        '---',
        '',
        '```text',
        '代码，；不检查',
        '```',
        '',
        '    缩进代码，；不检查',
        '',
        '<div align="center">居中文字，；</div>',
        '',
        '[方案]: https://example.gov.cn/plan.html "实施方案"',
        '',
        '第二段。',
      ].join('\n'),
    );
    expect(texts(document)).toEqual(['第一段。', '第二段。']);
  });

  it('leaves out YAML and TOML front matter', () => {
    expect(texts(parse('---\ntitle: 关于开展安全检查的通知\n---\n\n正文第一段。\n'))).toEqual(['正文第一段。']);
    expect(texts(parse('+++\ntitle = "工作方案"\n+++\n\n正文第一段。\n'))).toEqual(['正文第一段。']);
  });
});

describe('lists', () => {
  it('gives the first paragraph of each item its marker exactly as written', () => {
    const document = parse('1. 提高思想认识。\n2. 压实工作责任。\n2. 强化督促检查。\n3) 严格考核问责。\n');
    expect(summary(document)).toEqual([
      { kind: 'list-item', text: '提高思想认识。', listMarker: '1.', ordered: true, listDepth: 1 },
      { kind: 'list-item', text: '压实工作责任。', listMarker: '2.', ordered: true, listDepth: 1 },
      { kind: 'list-item', text: '强化督促检查。', listMarker: '2.', ordered: true, listDepth: 1 },
      { kind: 'list-item', text: '严格考核问责。', listMarker: '3)', ordered: true, listDepth: 1 },
    ]);
  });

  it('reads the number from the source, not from the list start', () => {
    const document = parse('5. 第五项工作。\n6. 第六项工作。\n');
    expect(document.blocks.map((block) => block.listMarker)).toEqual(['5.', '6.']);
  });

  it('reads unordered markers and nesting depth; later paragraphs of an item are paragraphs', () => {
    const document = parse(
      ['- 各乡镇：', '  1. 排查隐患；', '     * 重点部位。', '', '       其他部位。', '+ 各部门：'].join('\n'),
    );
    expect(summary(document)).toEqual([
      { kind: 'list-item', text: '各乡镇：', listMarker: '-', ordered: false, listDepth: 1 },
      { kind: 'list-item', text: '排查隐患；', listMarker: '1.', ordered: true, listDepth: 2 },
      { kind: 'list-item', text: '重点部位。', listMarker: '*', ordered: false, listDepth: 3 },
      { kind: 'paragraph', text: '其他部位。', listDepth: 3 },
      { kind: 'list-item', text: '各部门：', listMarker: '+', ordered: false, listDepth: 1 },
    ]);
  });

  it('maps continuation lines past their indentation', () => {
    const source = '1. 加强组织领导，\n   成立工作专班，\n    明确责任分工。\n';
    const document = parse(source);
    const [block] = document.blocks;
    expect(block.text).toBe('加强组织领导，\n成立工作专班，\n明确责任分工。');
    expect(sourceAt(document, block, block.text.indexOf('明'))).toBe('明确责任分工。\n');
  });

  it('reads task items without their check box', () => {
    expect(summary(parse('- [ ] 报送自查报告\n- [x] 召开动员会议\n'))).toEqual([
      { kind: 'list-item', text: '报送自查报告', listMarker: '-', ordered: false, listDepth: 1 },
      { kind: 'list-item', text: '召开动员会议', listMarker: '-', ordered: false, listDepth: 1 },
    ]);
  });

  it('reads a list inside a block quote with both depths', () => {
    expect(summary(parse('> 1. 落实属地责任。\n> 2. 落实部门责任。\n'))).toEqual([
      { kind: 'list-item', text: '落实属地责任。', listMarker: '1.', ordered: true, listDepth: 1, quoteDepth: 1 },
      { kind: 'list-item', text: '落实部门责任。', listMarker: '2.', ordered: true, listDepth: 1, quoteDepth: 1 },
    ]);
  });
});

describe('tables', () => {
  it('gives each cell its row (0 = header) and column; the delimiter row is not text', () => {
    const source = '| 序号 | 单位 | 完成时限 |\n| --- | :-: | --- |\n| 1 | 县应急局 | 6月30日前 |\n| 2 | 县水利局\\|县气象局 | |\n';
    const document = parse(source);
    expect(summary(document)).toEqual([
      { kind: 'table-cell', text: '序号', table: { row: 0, column: 0 } },
      { kind: 'table-cell', text: '单位', table: { row: 0, column: 1 } },
      { kind: 'table-cell', text: '完成时限', table: { row: 0, column: 2 } },
      { kind: 'table-cell', text: '1', table: { row: 1, column: 0 } },
      { kind: 'table-cell', text: '县应急局', table: { row: 1, column: 1 } },
      { kind: 'table-cell', text: '6月30日前', table: { row: 1, column: 2 } },
      { kind: 'table-cell', text: '2', table: { row: 2, column: 0 } },
      { kind: 'table-cell', text: '县水利局|县气象局', table: { row: 2, column: 1 } },
      { kind: 'table-cell', text: '', table: { row: 2, column: 2 } },
    ]);
    const escaped = document.blocks[7];
    expect(toSourceOffset(escaped, 4)).toBe(source.indexOf('\\|') + 1);
  });
});

describe('inline content', () => {
  it('reads emphasis, strong and strikethrough as their text', () => {
    const source = '要*切实*增强**紧迫感**，~~尽快~~按期完成。';
    const document = parse(source);
    expect(texts(document)).toEqual(['要切实增强紧迫感，尽快按期完成。']);
  });

  it('keeps a link text and leaves out its destination and title', () => {
    const source = '详见[《实施方案》](https://example.gov.cn/a.html "实施方案，；")和[通知][1]。\n\n[1]: https://example.gov.cn/b.html';
    const document = parse(source);
    expect(texts(document)).toEqual(['详见《实施方案》和通知。']);
  });

  it('puts one OBJECT_REPLACEMENT for inline code, mapped to its backtick, so marks around it stay apart', () => {
    const source = '执行命令，`npm run lint`；然后提交。';
    const document = parse(source);
    const [block] = document.blocks;
    expect(block.text).toBe(`执行命令，${OBJECT_REPLACEMENT}；然后提交。`);
    expect(sourceAt(document, block, 5).startsWith('`npm')).toBe(true);
  });

  it('replaces images, footnote references and inline HTML by one OBJECT_REPLACEMENT each', () => {
    const source = '见附图![示意图，；](a.png)和注释[^1]，<span>标注</span>完毕。\n\n[^1]: 注释内容。';
    const document = parse(source);
    expect(texts(document)).toEqual([
      `见附图${OBJECT_REPLACEMENT}和注释${OBJECT_REPLACEMENT}，${OBJECT_REPLACEMENT}标注${OBJECT_REPLACEMENT}完毕。`,
      '注释内容。',
    ]);
    const [block] = document.blocks;
    expect(sourceAt(document, block, 3).startsWith('![')).toBe(true);
    expect(sourceAt(document, block, 7).startsWith('[^1]')).toBe(true);
  });

  it('replaces <autolinks> by OBJECT_REPLACEMENT and leaves bare URLs in the text, where the rules treat them as URLs', () => {
    const source = '登录 https://www.example.gov.cn/zwgk，查看 <https://example.gov.cn> 或 www.example.cn。邮箱 office@example.cn';
    const document = parse(source);
    const [block] = document.blocks;
    expect(block.text).toBe(`登录 https://www.example.gov.cn/zwgk，查看 ${OBJECT_REPLACEMENT} 或 www.example.cn。邮箱 office@example.cn`);
    expect(sourceAt(document, block, 3).startsWith('https://www')).toBe(true);
    expect(sourceAt(document, block, 38).startsWith('<https')).toBe(true);
    expect(lintText(source, { filePath: '草稿.md' }).messages).toEqual([]);
  });

  it('replaces a link whose text is its own URL', () => {
    expect(texts(parse('网址：[https://example.gov.cn](https://example.gov.cn)。'))).toEqual([`网址：${OBJECT_REPLACEMENT}。`]);
  });
});

describe('block quotes', () => {
  it('reads quoted paragraphs with their depth and maps past every > prefix', () => {
    const source = '> 会议指出，\n> 要坚持人民至上、\n>生命至上。\n>\n> > 引文第一行，\n> > 引文第二行。\n';
    const document = parse(source);
    expect(summary(document)).toEqual([
      { kind: 'paragraph', text: '会议指出，\n要坚持人民至上、\n生命至上。', quoteDepth: 1 },
      { kind: 'paragraph', text: '引文第一行，\n引文第二行。', quoteDepth: 2 },
    ]);
  });

  it('maps a lazy continuation line and a tab after >', () => {
    const document = parse('>\t会议强调，\n要统筹发展和安全。\n');
    expect(summary(document)).toEqual([{ kind: 'paragraph', text: '会议强调，\n要统筹发展和安全。', quoteDepth: 1 }]);
  });

  it('reads 100 nested quotes', () => {
    const document = parse(`${'> '.repeat(100)}深层引文。`);
    expect(summary(document)).toEqual([{ kind: 'paragraph', text: '深层引文。', quoteDepth: 100 }]);
  });
});

describe('escapes and character references', () => {
  it('maps each escaped character to itself, past its backslash', () => {
    const source = '\\*不是强调\\*，1\\. 不是列表，反斜杠\\\\，字面\\a，\\&amp;不解码。';
    const document = parse(source);
    const [block] = document.blocks;
    expect(block.text).toBe('*不是强调*，1. 不是列表，反斜杠\\，字面\\a，&amp;不解码。');
  });

  it('maps a decoded reference to its &, and the text after it exactly', () => {
    const source = '甲&amp;乙&copy;丙&#x4E00;丁&#131072;戊&NotEqualTilde;己&unknown;庚&#0;辛';
    const document = parse(source);
    const [block] = document.blocks;
    expect(block.text).toBe('甲&乙©丙一丁𠀀戊≂̸己&unknown;庚\uFFFD辛');
    for (const reference of ['&amp;', '&copy;', '&#x4E00;', '&#131072;', '&NotEqualTilde;', '&#0;']) {
      const after = source.indexOf(reference) + reference.length;
      const textIndex = block.text.indexOf(source[after]);
      expect(toSourceOffset(block, textIndex)).toBe(after);
    }
    expect(toSourceOffset(block, block.text.indexOf('𠀀'))).toBe(source.indexOf('&#131072;'));
  });

  it('keeps escapes and references in sync across quote prefixes and lines', () => {
    const source = '> 第一行\\*&amp;\n> 第二行&lt;\\\\\n>   第三行&#x1F600;尾';
    const document = parse(source);
    expect(texts(document)).toEqual(['第一行*&\n第二行<\\\n第三行😀尾']);
    const [block] = document.blocks;
    expect(sourceAt(document, block, block.text.indexOf('尾'))).toBe('尾');
  });
});

describe('line endings and positions', () => {
  it('reads a CRLF file: line breaks become \\n mapped to the \\r, lines and columns stay right', () => {
    const source = '# 标题\r\n\r\n第一行，\r\n第二行。  \r\n第三行\r\n\r\n- 项目\r\n';
    const document = parse(source);
    expect(texts(document)).toEqual(['标题', '第一行，\n第二行。\n第三行', '项目']);
    const lines = new LineIndex(source);
    const paragraph = document.blocks[1];
    expect(lines.position(toSourceOffset(paragraph, paragraph.text.indexOf('第三')))).toEqual({ line: 5, column: 1 });
    expect(lines.position(toSourceOffset(paragraph, paragraph.text.indexOf('\n')))).toEqual({ line: 3, column: 5 });
    expect(lines.position(toSourceOffset(document.blocks[2], 0))).toEqual({ line: 7, column: 3 });
  });

  it('reads a file with lone CR line endings', () => {
    const source = '第一行，\r第二行。\r\r第二段';
    const document = parse(source);
    expect(texts(document)).toEqual(['第一行，\n第二行。', '第二段']);
    expect(new LineIndex(source).position(toSourceOffset(document.blocks[1], 0))).toEqual({ line: 4, column: 1 });
  });

  it('counts columns in UTF-16 code units after astral characters, and a tab or U+3000 as one', () => {
    const source = '## 𠀀𠀁工作😀部署，；\n\n　　缩进\t段落　，。\n';
    const document = parse(source);
    const lines = new LineIndex(source);
    const heading = document.blocks[0];
    const mark = heading.text.indexOf('，；');
    expect(lines.position(toSourceOffset(heading, mark))).toEqual({ line: 1, column: 14 });
    expect(lines.position(toSourceOffset(heading, mark + 2, 'end'))).toEqual({ line: 1, column: 16 });
    const paragraph = document.blocks[1];
    expect(paragraph.text).toBe('　　缩进\t段落　，。');
    expect(lines.position(toSourceOffset(paragraph, paragraph.text.indexOf('，')))).toEqual({ line: 3, column: 9 });
  });
});
