import type { LintMessage, LintResult } from '../../core/linter.js';
import type { Formatter } from './types.js';

const quote = JSON.stringify as (text: string) => string;

/**
 * One message as ESLint's JSON writes it, fields in its order; the excerpt is a display aid and is left
 * out. Written by hand rather than through an object per message for `JSON.stringify`: on a draft full of
 * findings that object was most of the report's cost and garbage. Numbers are integers, so `String` is
 * what `JSON.stringify` writes for them.
 */
function messageJson(message: LintMessage): string {
  let json = `{"ruleId":${message.ruleId === null ? 'null' : quote(message.ruleId)},"severity":${String(message.severity)},"message":${quote(message.message)}`;
  if (message.messageId !== undefined) json += `,"messageId":${quote(message.messageId)}`;
  json += `,"line":${String(message.line)},"column":${String(message.column)},"endLine":${String(message.endLine)},"endColumn":${String(message.endColumn)}`;
  // Word: `line` counts the paragraphs of this part of the document.
  if (message.part !== undefined) json += `,"part":${quote(message.part)}`;
  if (message.fix) json += `,"fix":{"range":[${String(message.fix.range[0])},${String(message.fix.range[1])}],"text":${quote(message.fix.text)}}`;
  if (message.suggestions && message.suggestions.length > 0) json += `,"suggestions":${JSON.stringify(message.suggestions)}`;
  if (message.fatal) json += ',"fatal":true';
  return `${json}}`;
}

function resultJson(result: LintResult): string {
  let json = `{"filePath":${quote(result.filePath)},"messages":[`;
  for (let i = 0; i < result.messages.length; i++) json += (i > 0 ? ',' : '') + messageJson(result.messages[i]);
  json += `],"errorCount":${String(result.errorCount)},"fatalErrorCount":${String(result.fatalErrorCount)},"warningCount":${String(result.warningCount)},"fixableErrorCount":${String(result.fixableErrorCount)},"fixableWarningCount":${String(result.fixableWarningCount)}`;
  if (result.output !== undefined) json += `,"output":${quote(result.output)}`;
  return `${json}}`;
}

/**
 * ESLint-compatible JSON: an array of results, one line, so tools can read it as ESLint's. Yielded a
 * result at a time; joined, the pieces are exactly `JSON.stringify` of the whole array.
 */
const json: Formatter = function* (results) {
  yield '[';
  for (let i = 0; i < results.length; i++) yield `${i > 0 ? ',' : ''}${resultJson(results[i])}`;
  yield ']';
};

export default json;
