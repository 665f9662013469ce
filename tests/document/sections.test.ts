import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { parseInSections, sectionBoundaries } from '../../src/core/parse/markdown-sections.js';
import { parseMarkdown } from '../../src/core/parse/markdown.js';
import { gfmWithoutAutolinkLiterals } from '../../src/core/parse/gfm.js';

const processor = unified().use(remarkParse).use(gfmWithoutAutolinkLiterals).use(remarkFrontmatter, ['yaml', 'toml']).freeze();

interface Node {
  type: string;
  value?: string;
  position?: { start: { line: number; column: number; offset?: number }; end: { line: number; column: number; offset?: number } };
  children?: Node[];
}

/** Every leaf (text, code, HTML…) with its value and exact position, in document order. */
function leaves(tree: Node): string[] {
  const out: string[] = [];
  const stack: Node[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.children) {
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
    } else {
      const { start, end } = node.position!;
      out.push(`${node.type} ${start.line}:${start.column}@${start.offset}-${end.line}:${end.column}@${end.offset} ${JSON.stringify(node.value ?? '')}`);
    }
  }
  return out;
}

const SECTION = [
  '## 一、总体要求',
  '',
  '为切实做好岁末年初安全生产工作，有效防范和遏制各类生产安全事故发生，经县政府同意，决定开展**大检查**。',
  '各乡镇、各部门要高度重视，`主要负责同志`要亲自部署，详见[《实施方案》](https://example.gov.cn/a.html)。',
  '',
  '1. 提高思想认识。',
  '2. 压实工作责任，',
  '   做到横向到边、纵向到底。',
  '',
  '   - 重点行业：道路交通、建筑施工。',
  '',
  '> 会议指出，要坚持人民至上，',
  '> 统筹发展和安全。',
  '',
  '```text',
  '代码块里的空行之后',
  '',
  '不是新段落',
  '```',
  '',
  '<!--',
  '注释里的空行',
  '',
  '仍在注释中',
  '-->',
  '',
  '| 序号 | 单位 |',
  '| --- | --- |',
  '| 1 | 县应急局 |',
  '',
  '    缩进代码块',
  '',
  '    仍是代码',
  '',
  '* 列表项一',
  '',
  '  列表项一的第二段',
  '',
  '',
];

function longDocument(lineEnding: string, frontMatter = false): string {
  const body = SECTION.join(lineEnding).repeat(120);
  return frontMatter ? `---${lineEnding}title: 通知${lineEnding}${lineEnding}note: 空行${lineEnding}---${lineEnding}${body}` : body;
}

describe('parsing a long Markdown document in sections', () => {
  it.each([
    ['LF', '\n', false],
    ['CRLF', '\r\n', false],
    ['lone CR', '\r', false],
    ['front matter', '\n', true],
  ] as const)('gives exactly the leaves and positions of a whole parse (%s)', (_name, lineEnding, frontMatter) => {
    const source = longDocument(lineEnding, frontMatter);
    expect(sectionBoundaries(source).length).toBeGreaterThan(5);
    const whole = processor.parse(source) as Node;
    const sectioned = parseInSections(source, (text) => processor.parse(text)) as Node;
    expect(leaves(sectioned)).toEqual(leaves(whole));
  });

  it('cuts only before an unindented line after a blank line, never inside fences, HTML comments or front matter', () => {
    const source = longDocument('\n', true);
    for (const boundary of sectionBoundaries(source)) {
      expect(source.slice(boundary - 2, boundary)).toMatch(/\n\n$/);
      expect(source[boundary]).not.toMatch(/[ \t]/);
      const before = source.slice(0, boundary);
      expect((before.match(/^```/gm) ?? []).length % 2).toBe(0);
      expect((before.match(/<!--/g) ?? []).length).toBe((before.match(/-->/g) ?? []).length);
    }
  });

  it('does not cut a document with link reference definitions, which act across it', () => {
    const source = `${longDocument('\n')}\n[方案]: https://example.gov.cn/plan\n`;
    expect(sectionBoundaries(source)).toEqual([]);
  });

  it('keeps positions exact after a leading byte order mark, which micromark drops', () => {
    const source = '\uFEFF1、总体要求\n\n（一）加强领导。';
    const document = parseMarkdown(source);
    for (const block of document.blocks) expect(source[block.segments[0].sourceStart]).toBe(block.text[0]);
    expect(document.blocks.map((block) => block.segments[0].sourceStart)).toEqual([1, 9]);
  });

  it('does not cut a short document', () => {
    expect(sectionBoundaries(SECTION.join('\n'))).toEqual([]);
  });

  it('keeps the document model the same: every block maps back to its source', () => {
    const source = longDocument('\n');
    const document = parseMarkdown(source);
    expect(document.blocks.length).toBeGreaterThan(1000);
    for (const block of document.blocks) {
      const first = block.segments[0];
      if (block.text.length > 0 && block.text[0] !== '\uFFFC') expect(source[first.sourceStart]).toBe(block.text[0]);
    }
  });

  it('stays linear: ten times the lists and quotes take about ten times as long', () => {
    const unit = '为切实做好岁末年初安全生产工作，有效防范各类事故发生。\n\n> 注：以上数据截至2024年6月30日。\n\n- 道路交通、建筑施工等重点行业领域\n\n';
    const time = (text: string): number => {
      const started = performance.now();
      parseMarkdown(text);
      return performance.now() - started;
    };
    time(unit.repeat(500));
    const small = time(unit.repeat(2_000));
    const large = time(unit.repeat(20_000));
    // Ten times the input; quadratic growth would be a hundred times. Generous for a loaded machine.
    expect(large / small).toBeLessThan(30);
  });
});
