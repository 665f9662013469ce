/**
 * Draws findings in their text as HTML: one file's lines with each finding marked in place (coloured by
 * severity) and a list of its findings grouped by rule, each linked to its mark. The web page draws its
 * view with this, and `--format html` writes whole runs with it, so the two always look alike.
 * Plain strings only (no DOM), so that it runs in Node and in a page.
 */
import type { LintMessage } from '../core/linter.js';
import type { ViewLine } from './lines.js';
import { DOCX_PART_LABELS, type DocxPart } from '../core/document.js';

export interface FileView {
  readonly name: string;
  readonly lines: readonly ViewLine[];
  readonly messages: readonly LintMessage[];
  /** Word documents label lines as paragraphs. */
  readonly word: boolean;
}

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]);
}

/** Text shown in a line: a line break inside a paragraph (Word's `w:br`) becomes `<br>`. */
function textHtml(text: string): string {
  return escapeHtml(text).replace(/\n/g, '<br>');
}

/** An attribute value over several lines (a tooltip naming several findings). */
function attributeHtml(text: string): string {
  return escapeHtml(text).replace(/\n/g, '&#10;');
}

function lineKey(part: string | undefined, line: number): string {
  return `${part ?? 'body'}:${line}`;
}

export function lineLabel(part: Exclude<DocxPart, 'body'> | undefined, line: number, word: boolean): string {
  if (!word) return String(line);
  return `${part ? DOCX_PART_LABELS[part] : ''}第${line}段`;
}

function severityClass(message: LintMessage): string {
  return message.severity === 2 ? 'gw-error' : 'gw-warning';
}

/** One line's text with the findings that fall on it marked; overlapping findings split the text at every edge. */
function renderLine(text: string, marks: readonly { start: number; end: number; id: string; message: LintMessage }[]): string {
  if (marks.length === 0) return textHtml(text);
  const edges = new Set<number>([0, text.length]);
  for (const mark of marks) {
    edges.add(Math.min(mark.start, text.length));
    edges.add(Math.min(mark.end, text.length));
  }
  const sorted = [...edges].sort((a, b) => a - b);
  let html = '';
  // Findings with no width (a missing mark) stand as a caret where the text lacks something.
  const carets = (at: number): string =>
    marks
      .filter((mark) => mark.start === mark.end && Math.min(mark.start, text.length) === at)
      .map((mark) => `<mark class="gw-caret ${severityClass(mark.message)}" id="${mark.id}" data-rule="${escapeHtml(mark.message.ruleId ?? '')}" title="${attributeHtml(mark.message.message)}">‸</mark>`)
      .join('');
  for (let i = 0; i < sorted.length - 1; i++) {
    const from = sorted[i];
    const to = sorted[i + 1];
    html += carets(from);
    if (to <= from) continue;
    const covering = marks.filter((mark) => mark.start <= from && mark.end >= to && mark.end > mark.start);
    const piece = textHtml(text.slice(from, to));
    if (covering.length === 0) {
      html += piece;
      continue;
    }
    const worst = covering.some((mark) => mark.message.severity === 2) ? 'gw-error' : 'gw-warning';
    // The first segment of a finding carries its id, so that the list can scroll to it.
    const first = covering.find((mark) => mark.start === from);
    const rules = [...new Set(covering.map((mark) => mark.message.ruleId ?? ''))].join(' ');
    const title = covering.map((mark) => mark.message.message).join('\n');
    html += `<mark class="${worst}"${first ? ` id="${first.id}"` : ''} data-rule="${escapeHtml(rules)}" title="${attributeHtml(title)}">${piece}</mark>`;
  }
  html += carets(text.length);
  return html;
}

/** A file's text with its findings marked, and the list of its findings grouped by rule. `fileIndex` keeps ids unique on a page. */
export function renderFile(view: FileView, fileIndex: number): string {
  const lineFindings = new Map<string, { start: number; end: number; id: string; message: LintMessage }[]>();
  const listed: { id: string; message: LintMessage }[] = [];
  view.messages.forEach((message, index) => {
    const id = `gw-f${fileIndex}-m${index}`;
    listed.push({ id, message });
    if (message.ruleId === null) return;
    const key = lineKey(message.part, message.line);
    const end = message.endLine === message.line ? message.endColumn - 1 : Number.MAX_SAFE_INTEGER;
    const entry = { start: message.column - 1, end: Math.max(end, message.column - 1), id, message };
    lineFindings.set(key, [...(lineFindings.get(key) ?? []), entry]);
  });
  const lines = view.lines
    .map((line) => {
      const key = lineKey(line.part, line.line);
      const marks = lineFindings.get(key) ?? [];
      const prefix = line.prefix ? `<span class="gw-prefix">${escapeHtml(line.prefix)}</span>` : '';
      const body = renderLine(line.text, marks);
      return `<div class="gw-line${marks.length > 0 ? ' gw-has' : ''}"><span class="gw-no">${escapeHtml(lineLabel(line.part, line.line, view.word))}</span><span class="gw-content">${prefix}${body || '&nbsp;'}</span></div>`;
    })
    .join('\n');
  const byRule = new Map<string, { id: string; message: LintMessage }[]>();
  for (const entry of listed) {
    const rule = entry.message.ruleId ?? '文件问题';
    byRule.set(rule, [...(byRule.get(rule) ?? []), entry]);
  }
  const groups = [...byRule]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([rule, entries]) => {
      const items = entries
        .map(({ id, message }) => {
          const place = message.ruleId === null ? '' : `${lineLabel(message.part, message.line, view.word)}:${message.column}`;
          return `<li class="${severityClass(message)}" data-rule="${escapeHtml(rule)}"><a href="#${id}" data-target="${id}"><span class="gw-severity">${message.severity === 2 ? '错误' : '警告'}</span> <span class="gw-place">${escapeHtml(place)}</span> <span class="gw-message">${escapeHtml(message.message)}</span>${message.fix ? ' <span class="gw-fixable">可自动修正</span>' : ''}</a></li>`;
        })
        .join('');
      return `<details open class="gw-rule" data-rule="${escapeHtml(rule)}"><summary><code>${escapeHtml(rule)}</code>（${entries.length}）</summary><ol>${items}</ol></details>`;
    })
    .join('\n');
  return `<section class="gw-file" data-file="${escapeHtml(view.name)}"><h2>${escapeHtml(view.name)}</h2><div class="gw-columns"><div class="gw-text">${lines}</div><aside class="gw-findings">${groups || '<p class="gw-none">没有发现问题。</p>'}</aside></div></section>`;
}

export interface Counts {
  errors: number;
  warnings: number;
  fixable: number;
}

export function countFindings(messages: readonly LintMessage[]): Counts {
  const counts: Counts = { errors: 0, warnings: 0, fixable: 0 };
  for (const message of messages) {
    if (message.severity === 2) counts.errors++;
    else counts.warnings++;
    if (message.fix) counts.fixable++;
  }
  return counts;
}

/** The styles of the marked text and the findings list, shared by the page and the report. */
export const VIEW_CSS = `
.gw-file{margin:0 0 2em}
.gw-file h2{font-size:1.1em;margin:.5em 0;word-break:break-all}
.gw-columns{display:flex;gap:1em;align-items:flex-start}
.gw-text{flex:3;min-width:0;font-family:"FangSong","仿宋",serif;font-size:16px;line-height:1.9;background:#fff;border:1px solid #ddd;padding:.5em 0;word-break:break-all}
.gw-line{display:flex}
.gw-no{flex:0 0 4.5em;text-align:right;padding-right:.8em;color:#999;font:12px/2.5 sans-serif;user-select:none}
.gw-content{flex:1;min-width:0;padding-right:.5em;white-space:pre-wrap}
.gw-prefix{color:#777}
mark.gw-error{background:#fde2e1;border-bottom:2px solid #d93025;color:inherit}
mark.gw-warning{background:#fef3d6;border-bottom:2px solid #e8a100;color:inherit}
mark.gw-caret{background:none;border:none;font-weight:bold}
mark.gw-caret.gw-error{color:#d93025}
mark.gw-caret.gw-warning{color:#e8a100}
mark.gw-focus{outline:2px solid #1a73e8}
.gw-findings{flex:2;min-width:0;font:14px/1.6 sans-serif;max-height:80vh;overflow:auto}
.gw-findings ol{margin:.2em 0 .6em;padding-left:1.2em}
.gw-findings a{color:inherit;text-decoration:none}
.gw-findings a:hover .gw-message{text-decoration:underline}
.gw-severity{font-size:12px;padding:0 .3em;border-radius:3px;color:#fff}
li.gw-error .gw-severity{background:#d93025}
li.gw-warning .gw-severity{background:#e8a100}
.gw-place{color:#666;font-size:12px}
.gw-fixable{font-size:12px;color:#188038}
.gw-hidden{display:none}
`;
