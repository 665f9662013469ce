import { displayPath } from './paths.js';
import type { Formatter } from './types.js';

/** Escapes a workflow command's message (after `::`). */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a workflow command's property value, where `:` and `,` are separators. */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** GitHub Actions workflow commands: each finding becomes an annotation on the pull request's diff. A line at a time. */
const github: Formatter = function* (results, context) {
  for (const result of results) {
    const file = escapeProperty(displayPath(result.filePath, context.cwd));
    for (const message of result.messages) {
      const command = message.severity === 2 ? 'error' : 'warning';
      const properties = [`file=${file}`];
      if (message.line > 0) {
        properties.push(
          `line=${message.line}`,
          `col=${message.column}`,
          `endLine=${message.endLine}`,
          `endColumn=${message.endColumn}`,
        );
      }
      properties.push(`title=${escapeProperty(message.ruleId ?? 'gongwen-lint')}`);
      yield `::${command} ${properties.join(',')}::${escapeData(message.message)}\n`;
    }
  }
};

export default github;
