import pc from 'picocolors';
import type { Excerpt, LintMessage } from '../../core/linter.js';
import { severityLabel } from './labels.js';
import { displayPath } from './paths.js';
import type { Formatter } from './types.js';
import { displayWidth } from './width.js';
import { DOCX_PART_LABELS } from '../../core/document.js';

/** Control characters (tabs included) would break the alignment of the marker line; each becomes one space. */
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/g;

/** The same characters, asked about without replacing: most excerpts have none. */
const HAS_CONTROL_CHARACTER = new RegExp(CONTROL_CHARACTERS.source);

/** Runs of spaces by length: every line of the report is padded, mostly by a few columns. */
const spaceRuns: string[] = [];

function spaces(count: number): string {
  if (count <= 0) return '';
  return (spaceRuns[count] ??= ' '.repeat(count));
}

function padToWidth(text: string, width: number, textWidth = displayWidth(text)): string {
  return text + spaces(width - textWidth);
}

/**
 * The excerpt's first line with the finding coloured (on a TTY), and a line of `^` under the finding,
 * offset by the display width of the text before it so that full-width characters stay aligned.
 */
function renderExcerpt(excerpt: Excerpt, paint: (text: string) => string, color: boolean): [string, string] {
  const lineEnd = excerpt.text.indexOf('\n', excerpt.start);
  let text = lineEnd === -1 ? excerpt.text : excerpt.text.slice(0, lineEnd);
  if (HAS_CONTROL_CHARACTER.test(text)) text = text.replace(CONTROL_CHARACTERS, ' ');
  const start = Math.min(excerpt.start, text.length);
  const end = Math.min(Math.max(excerpt.end, start), text.length);
  const before = text.slice(0, start);
  const span = text.slice(start, end);
  const marker = spaces(displayWidth(before)) + paint('^'.repeat(Math.max(1, displayWidth(span))));
  return [color ? before + paint(span) + text.slice(end) : text, marker];
}

/**
 * `line:column`; in a Word document a line is a paragraph, so `第 N 段:column`, with the part named when it
 * is not the body (`页脚 第 1 段:3`).
 */
function position(message: LintMessage, word: boolean): string {
  if (message.line <= 0) return '';
  if (!word || message.ruleId === null) return `${message.line}:${message.column}`;
  const part = message.part === undefined ? '' : `${DOCX_PART_LABELS[message.part]} `;
  return `${part}第 ${message.line} 段:${message.column}`;
}

function isWordFile(filePath: string): boolean {
  return /\.docx$/i.test(filePath);
}

/**
 * The default, human-readable format: findings grouped by file, each with the sentence it was found in.
 * Yielded a file at a time, then the summary.
 */
const stylish: Formatter = function* (results, context) {
  const colors = pc.createColors(context.color);
  let errors = 0;
  let warnings = 0;
  let fixableErrors = 0;
  let fixableWarnings = 0;
  // A draft full of findings repeats a few thousand messages.
  const messageWidthCache = new Map<string, number>();
  for (const result of results) {
    if (result.messages.length === 0) continue;
    errors += result.errorCount;
    warnings += result.warningCount;
    fixableErrors += result.fixableErrorCount;
    fixableWarnings += result.fixableWarningCount;
    const output = [colors.underline(displayPath(result.filePath, context.cwd))];
    const word = isWordFile(result.filePath);
    // Positions and widths, worked out once for the columns and again for each line, are kept between the two loops.
    const positions: string[] = [];
    const positionWidths: number[] = [];
    const messageWidths: number[] = [];
    // A loop, not Math.max(...list): a draft can have more findings than a call can take arguments.
    let positionWidth = 0;
    let messageWidth = 0;
    for (const message of result.messages) {
      const shown = position(message, word);
      // Outside Word a position is digits and a colon.
      const width = word ? displayWidth(shown) : shown.length;
      positions.push(shown);
      positionWidths.push(width);
      positionWidth = Math.max(positionWidth, width);
      let textWidth = messageWidthCache.get(message.message);
      if (textWidth === undefined) {
        textWidth = displayWidth(message.message);
        if (messageWidthCache.size >= 10_000) messageWidthCache.clear();
        messageWidthCache.set(message.message, textWidth);
      }
      messageWidths.push(textWidth);
      messageWidth = Math.max(messageWidth, textWidth);
    }
    const indent = spaces(2 + positionWidth + 2 + displayWidth(severityLabel(2)) + 2);
    result.messages.forEach((message, i) => {
      const paint = message.severity === 2 ? colors.red : colors.yellow;
      const rule = message.ruleId === null ? '' : `  ${colors.dim(message.ruleId)}`;
      const text = message.ruleId === null ? message.message : padToWidth(message.message, messageWidth, messageWidths[i]);
      output.push(`  ${colors.dim(padToWidth(positions[i], positionWidth, positionWidths[i]))}  ${paint(severityLabel(message.severity))}  ${text}${rule}`);
      if (message.excerpt && message.excerpt.text.length > 0) {
        const [excerptLine, markerLine] = renderExcerpt(message.excerpt, paint, context.color);
        output.push(indent + excerptLine, indent + markerLine);
      }
    });
    // Each file's findings end with an empty line: joined in, not appended after (a copy more to flatten).
    output.push('', '');
    yield output.join('\n');
  }
  const total = errors + warnings;
  if (total === 0) return;
  const summaryColor = errors > 0 ? colors.red : colors.yellow;
  const summary = [summaryColor(colors.bold(`✖ 共 ${total} 个问题（${errors} 个错误，${warnings} 个警告）`))];
  const fixable = [
    ...(fixableErrors > 0 ? [`${fixableErrors} 个错误`] : []),
    ...(fixableWarnings > 0 ? [`${fixableWarnings} 个警告`] : []),
  ];
  if (fixable.length > 0) summary.push(summaryColor(`  其中 ${fixable.join('、')}可用 --fix 自动修正。`));
  yield `${summary.join('\n')}\n`;
};

export default stylish;
