import type { LintResult } from '../../core/linter.js';
import type { ViewLine } from '../../view/lines.js';
import { countFindings, escapeHtml, renderFile, VIEW_CSS } from '../../view/render.js';
import { displayPath } from './paths.js';
import type { Formatter } from './types.js';

/** A result with the text it was linted from, line by line (the CLI asks for it when writing HTML). */
type ResultWithLines = LintResult & { lines?: readonly ViewLine[] };

const REPORT_CSS = `
body{margin:0;padding:1em 2em;background:#f6f7f9;color:#222;font:15px/1.6 sans-serif}
h1{font-size:1.4em;margin:.3em 0}
table{border-collapse:collapse;margin:.5em 1.5em .5em 0;background:#fff;font-size:14px}
th,td{border:1px solid #ddd;padding:.2em .6em;text-align:left}
td.n{text-align:right}
.gw-tables{display:flex;flex-wrap:wrap;align-items:flex-start}
.gw-filters{margin:.8em 0;padding:.5em .8em;background:#fff;border:1px solid #ddd}
.gw-filters label{margin-right:1em;white-space:nowrap}
.gw-off{background:none!important;border-bottom:none!important}
`;

/** Hides the findings of the rules and severities unticked in the filters; marks of hidden rules lose their colour. */
const FILTER_SCRIPT = `
document.querySelector('.gw-filters').addEventListener('change', () => {
  const shown = new Set([...document.querySelectorAll('.gw-filters input[data-rule]:checked')].map((box) => box.dataset.rule));
  const errors = document.querySelector('#gw-show-errors').checked;
  const warnings = document.querySelector('#gw-show-warnings').checked;
  for (const item of document.querySelectorAll('.gw-findings li')) {
    const visible = shown.has(item.dataset.rule) && (item.classList.contains('gw-error') ? errors : warnings);
    item.classList.toggle('gw-hidden', !visible);
  }
  for (const group of document.querySelectorAll('.gw-rule')) group.classList.toggle('gw-hidden', !shown.has(group.dataset.rule));
  for (const mark of document.querySelectorAll('mark[data-rule]')) {
    const visible = mark.dataset.rule.split(' ').some((rule) => shown.has(rule)) && (mark.classList.contains('gw-error') ? errors : warnings);
    mark.classList.toggle('gw-off', !visible);
  }
});
`;

/**
 * One self-contained HTML page for a whole run, for a CI artifact: counts by rule and by file, filters,
 * and every file with its findings marked in its text (drawn by the web page's own rendering code).
 */
const html: Formatter = function* (results, context) {
  const withLines = results as readonly ResultWithLines[];
  const total = countFindings(results.flatMap((result) => result.messages));
  const byRule = new Map<string, number>();
  for (const result of results) for (const message of result.messages) byRule.set(message.ruleId ?? '文件问题', (byRule.get(message.ruleId ?? '文件问题') ?? 0) + 1);
  const ruleRows = [...byRule].sort((a, b) => b[1] - a[1]).map(([rule, count]) => `<tr><td><code>${escapeHtml(rule)}</code></td><td class="n">${count}</td></tr>`).join('');
  const fileRows = results
    .filter((result) => result.messages.length > 0)
    .map((result) => `<tr><td>${escapeHtml(displayPath(result.filePath, context.cwd))}</td><td class="n">${result.errorCount}</td><td class="n">${result.warningCount}</td></tr>`)
    .join('');
  const filters = [...byRule.keys()].sort().map((rule) => `<label><input type="checkbox" checked data-rule="${escapeHtml(rule)}"> ${escapeHtml(rule)}</label>`).join('');
  yield `<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>gongwen-lint 检查报告</title><style>${REPORT_CSS}${VIEW_CSS}</style></head><body>\n`;
  yield `<h1>gongwen-lint 检查报告</h1><p>检查了 ${results.length} 个文件：${total.errors} 个错误，${total.warnings} 个警告，其中 ${total.fixable} 个可用 --fix 自动修正。</p>\n`;
  yield `<div class="gw-tables"><table><thead><tr><th>规则</th><th>问题数</th></tr></thead><tbody>${ruleRows}</tbody></table><table><thead><tr><th>文件</th><th>错误</th><th>警告</th></tr></thead><tbody>${fileRows}</tbody></table></div>\n`;
  yield `<div class="gw-filters"><label><input type="checkbox" id="gw-show-errors" checked> 错误</label><label><input type="checkbox" id="gw-show-warnings" checked> 警告</label> ｜ ${filters}</div>\n`;
  let index = 0;
  for (const result of withLines) {
    if (result.messages.length === 0) continue;
    yield `${renderFile({ name: displayPath(result.filePath, context.cwd), lines: result.lines ?? [], messages: result.messages, word: /\.docx$/i.test(result.filePath) }, index++)}\n`;
  }
  yield `<script>${FILTER_SCRIPT}</script></body></html>\n`;
};

export default html;
