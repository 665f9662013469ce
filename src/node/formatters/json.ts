import type { LintMessage, LintResult } from '../../core/linter.js';
import type { Formatter } from './types.js';

/** The fields of ESLint's JSON output, in its order; the excerpt is a display aid and is left out. */
function toJsonMessage(message: LintMessage): Record<string, unknown> {
  const json: Record<string, unknown> = {
    ruleId: message.ruleId,
    severity: message.severity,
    message: message.message,
  };
  if (message.messageId !== undefined) json.messageId = message.messageId;
  json.line = message.line;
  json.column = message.column;
  json.endLine = message.endLine;
  json.endColumn = message.endColumn;
  // Word: `line` counts the paragraphs of this part of the document.
  if (message.part !== undefined) json.part = message.part;
  if (message.fix) json.fix = message.fix;
  if (message.suggestions && message.suggestions.length > 0) json.suggestions = message.suggestions;
  if (message.fatal) json.fatal = true;
  return json;
}

function toJsonResult(result: LintResult): Record<string, unknown> {
  const json: Record<string, unknown> = {
    filePath: result.filePath,
    messages: result.messages.map(toJsonMessage),
    errorCount: result.errorCount,
    fatalErrorCount: result.fatalErrorCount,
    warningCount: result.warningCount,
    fixableErrorCount: result.fixableErrorCount,
    fixableWarningCount: result.fixableWarningCount,
  };
  if (result.output !== undefined) json.output = result.output;
  return json;
}

/** One result as this formatter writes it; --cache stores it so (src/node/cache.ts). */
export function resultJson(result: LintResult): string {
  return JSON.stringify(toJsonResult(result));
}

/** A result replayed from --cache carries the JSON this formatter wrote for it: copied, not built again. */
export interface StoredJson {
  readonly storedJson?: string;
}

/**
 * ESLint-compatible JSON: an array of results, one line, so tools can read it as ESLint's. Yielded a
 * result at a time; joined, the pieces are exactly `JSON.stringify` of the whole array.
 */
const json: Formatter = function* (results) {
  yield '[';
  for (let i = 0; i < results.length; i++) {
    // The comma a piece of its own: prefixed, a result's JSON would be copied once more to flatten it.
    if (i > 0) yield ',';
    yield (results[i] as StoredJson).storedJson ?? resultJson(results[i]);
  }
  yield ']';
};

export default json;
