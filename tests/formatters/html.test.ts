import { describe, expect, it } from 'vitest';
import { outputText } from '../../src/node/formatters/index.js';
import htmlFormatter from '../../src/node/formatters/html.js';
import type { LintResult } from '../../src/core/linter.js';
import { renderFile } from '../../src/view/render.js';
import { context, cwd, results } from './fixtures.js';

const html = (...args: Parameters<typeof htmlFormatter>): string => outputText(htmlFormatter(...args));

const withLines: LintResult & { lines: { line: number; text: string }[] } = {
  ...results[0],
  lines: Array.from({ length: 12 }, (_, i) => ({ line: i + 1, text: i === 2 ? 'X年以来，在县委、县政府的坚强领导下' : i === 11 ? '　　围绕“守底线、查隐患”的目标,扎实推进<b>' : '' })),
};

describe('html', () => {
  it('writes one self-contained page: counts by rule and by file, filters, and each file with its findings marked in its text', () => {
    const page = html([withLines, results[1]], context());
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(page).toContain('检查了 2 个文件：1 个错误，1 个警告，其中 1 个可用 --fix 自动修正。');
    expect(page).toContain('<tr><td><code>no-placeholder</code></td><td class="n">1</td></tr>');
    expect(page).toContain('<tr><td>草稿/工作报告.md</td><td class="n">1</td><td class="n">1</td></tr>');
    expect(page).toContain('<input type="checkbox" checked data-rule="punctuation-width">');
    expect(page).toContain('<mark class="gw-error" id="gw-f0-m0" data-rule="no-placeholder" title="“X年”疑似未填写的占位符，请填写具体年份">X年</mark>以来');
    expect(page).toContain('的目标<mark class="gw-warning" id="gw-f0-m1" data-rule="punctuation-width"');
    // Text is escaped, never markup.
    expect(page).toContain('扎实推进&lt;b&gt;');
    // Nothing is loaded from anywhere: no external scripts, styles, images or links.
    expect(page).not.toMatch(/<(script|link|img)[^>]+(src|href)=/);
    expect(page).not.toMatch(/https?:\/\//);
  });

  it('leaves out files without findings and names Word paragraphs and parts', () => {
    const word = renderFile(
      {
        name: '请示.docx',
        word: true,
        lines: [{ line: 1, text: 'XX县交通运输局办公室印发', part: 'footer' }, { line: 4, text: '明确养护责任', prefix: '一、' }],
        messages: [{ ruleId: 'no-placeholder', severity: 2, message: '页脚：“XX县”疑似未填写的占位符', line: 1, column: 1, endLine: 1, endColumn: 3, part: 'footer' }],
      },
      3,
    );
    expect(word).toContain('<span class="gw-no">页脚第1段</span><span class="gw-content"><mark class="gw-error" id="gw-f3-m0"');
    expect(word).toContain('<span class="gw-place">页脚第1段:1</span>');
    expect(word).toContain('<span class="gw-prefix">一、</span>明确养护责任');
    expect(html([results[1]], context())).not.toContain(`${cwd}`);
  });

  it('marks a finding with no width as a caret, and overlapping findings as one mark per stretch', () => {
    const page = renderFile(
      {
        name: 'a.txt',
        word: false,
        lines: [{ line: 1, text: '完成,；下一步' }],
        messages: [
          { ruleId: 'punctuation-sequence', severity: 2, message: '点号连用', line: 1, column: 3, endLine: 1, endColumn: 5 },
          { ruleId: 'punctuation-width', severity: 1, message: '半角逗号', line: 1, column: 3, endLine: 1, endColumn: 4 },
          { ruleId: 'paragraph-end', severity: 1, message: '缺少句号', line: 1, column: 8, endLine: 1, endColumn: 8 },
        ],
      },
      0,
    );
    expect(page).toContain('完成<mark class="gw-error" id="gw-f0-m0" data-rule="punctuation-sequence punctuation-width" title="点号连用&#10;半角逗号">,</mark><mark class="gw-error" data-rule="punctuation-sequence" title="点号连用">；</mark>下一步');
    expect(page).toContain('<mark class="gw-caret gw-warning" id="gw-f0-m2" data-rule="paragraph-end" title="缺少句号">‸</mark>');
  });
});
