import { severityLabel } from './labels.js';
import { displayPath } from './paths.js';
import type { Formatter } from './types.js';

/** One line per finding, `file:line:col: severity message [rule]`, for grep and editors' error parsers. */
const compact: Formatter = function* (results, context) {
  for (const result of results) {
    const file = displayPath(result.filePath, context.cwd);
    for (const message of result.messages) {
      const rule = message.ruleId === null ? '' : ` [${message.ruleId}]`;
      // A problem with the file itself (unreadable) has no position.
      const position = message.line > 0 ? `:${message.line}:${message.column}` : '';
      yield `${file}${position}: ${severityLabel(message.severity)} ${message.message}${rule}\n`;
    }
  }
};

export default compact;
