import type { LintMessage, LintResult, LintSuggestion, SourceFix } from '../../core/linter.js';
import type { Formatter } from './types.js';
import { ByteBuilder, utf8Bytes } from './bytes.js';
import { TextCache } from './text-cache.js';

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

/**
 * One result as this formatter writes it; --cache stores it so (src/node/cache.ts). The definition of the
 * format: the formatter writes the same bytes without building these objects, and the tests hold it to this.
 */
export function resultJson(result: LintResult): string {
  return JSON.stringify(toJsonResult(result));
}

/** A result replayed from --cache carries the JSON this formatter wrote for it: copied, not built again. */
export interface StoredJson {
  readonly storedJson?: string;
  /** The same as UTF-8, as the cache file holds it: copied without being decoded and encoded again. */
  readonly storedJsonBytes?: Uint8Array;
}

/** The fixed text between a result's values, as UTF-8. */
const RESULTS_OPEN = utf8Bytes('[');
const RESULTS_CLOSE = utf8Bytes(']');
const RESULT_SEPARATOR = utf8Bytes(',');
const NOTHING = utf8Bytes('');
const FILE_PATH = utf8Bytes('{"filePath":');
const MESSAGES_OPEN = utf8Bytes(',"messages":[');
const ERROR_COUNT = utf8Bytes('],"errorCount":');
const FATAL_ERROR_COUNT = utf8Bytes(',"fatalErrorCount":');
const WARNING_COUNT = utf8Bytes(',"warningCount":');
const FIXABLE_ERROR_COUNT = utf8Bytes(',"fixableErrorCount":');
const FIXABLE_WARNING_COUNT = utf8Bytes(',"fixableWarningCount":');
const OUTPUT = utf8Bytes(',"output":');
const COLUMN = utf8Bytes(',"column":');
const END_LINE = utf8Bytes(',"endLine":');
const END_COLUMN = utf8Bytes(',"endColumn":');
const PART = utf8Bytes(',"part":');
const FIX = utf8Bytes(',"fix":');
const SUGGESTIONS = utf8Bytes(',"suggestions":[');
const FATAL = utf8Bytes(',"fatal":true');
const RANGE = utf8Bytes('{"range":[');
const FIX_TEXT = utf8Bytes('],"text":');
const DESC = utf8Bytes('{"desc":');
const SUGGESTION_MESSAGE_ID = utf8Bytes(',"messageId":');
const SUGGESTION_FIX = utf8Bytes(',"fix":');
const COMMA = 0x2c;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;

/** JSON strings as UTF-8, each distinct text quoted and encoded once per run (fix texts, suggestion descriptions, parts). */
class EncodedStrings {
  private readonly encoded = new TextCache<Uint8Array>();

  get(text: string): Uint8Array {
    // JSON.stringify escapes lone surrogates, so its text is well-formed and encodes to UTF-8 exactly.
    return this.encoded.get(text) ?? this.encoded.set(text, utf8Bytes(JSON.stringify(text)));
  }
}

/** A message's bytes from its opening brace to its line's value: the same for every finding with its text, rule, severity and id. */
interface MessageHead {
  ruleId: string | null;
  severity: 1 | 2;
  messageId: string | undefined;
  bytes: Uint8Array;
}

function messageHead(message: LintMessage): MessageHead {
  const { ruleId, severity, messageId } = message;
  const id = messageId === undefined ? '' : `,"messageId":${JSON.stringify(messageId)}`;
  const head = `{"ruleId":${JSON.stringify(ruleId)},"severity":${JSON.stringify(severity)},"message":${JSON.stringify(message.message)}${id},"line":`;
  return { ruleId, severity, messageId, bytes: utf8Bytes(head) };
}

/**
 * Writes results as resultJson does, straight into UTF-8 bytes: a message's head (rule, severity, text, id)
 * encoded once per run, positions as digits, fix texts and descriptions encoded once per distinct text.
 */
class JsonWriter {
  readonly output = new ByteBuilder();
  private readonly heads = new TextCache<MessageHead>();
  private readonly strings = new EncodedStrings();

  result(result: LintResult): void {
    const output = this.output;
    output.add(FILE_PATH);
    output.addText(JSON.stringify(result.filePath));
    output.add(MESSAGES_OPEN);
    const { messages } = result;
    for (let i = 0; i < messages.length; i++) {
      if (i > 0) output.addByte(COMMA);
      this.message(messages[i]);
    }
    output.add(ERROR_COUNT);
    output.addInteger(result.errorCount);
    output.add(FATAL_ERROR_COUNT);
    output.addInteger(result.fatalErrorCount);
    output.add(WARNING_COUNT);
    output.addInteger(result.warningCount);
    output.add(FIXABLE_ERROR_COUNT);
    output.addInteger(result.fixableErrorCount);
    output.add(FIXABLE_WARNING_COUNT);
    output.addInteger(result.fixableWarningCount);
    if (result.output !== undefined) {
      output.add(OUTPUT);
      output.addText(JSON.stringify(result.output));
    }
    output.addByte(CLOSE_BRACE);
  }

  private message(message: LintMessage): void {
    const output = this.output;
    let head = this.heads.get(message.message);
    if (head === undefined || head.ruleId !== message.ruleId || head.severity !== message.severity || head.messageId !== message.messageId) {
      head = this.heads.set(message.message, messageHead(message));
    }
    output.add(head.bytes);
    output.addInteger(message.line);
    output.add(COLUMN);
    output.addInteger(message.column);
    output.add(END_LINE);
    output.addInteger(message.endLine);
    output.add(END_COLUMN);
    output.addInteger(message.endColumn);
    if (message.part !== undefined) {
      output.add(PART);
      output.add(this.strings.get(message.part));
    }
    if (message.fix) {
      output.add(FIX);
      this.fix(message.fix);
    }
    const { suggestions } = message;
    if (suggestions && suggestions.length > 0) {
      output.add(SUGGESTIONS);
      for (let i = 0; i < suggestions.length; i++) {
        if (i > 0) output.addByte(COMMA);
        this.suggestion(suggestions[i]);
      }
      output.addByte(CLOSE_BRACKET);
    }
    if (message.fatal) output.add(FATAL);
    output.addByte(CLOSE_BRACE);
  }

  private fix(fix: SourceFix): void {
    const output = this.output;
    output.add(RANGE);
    output.addInteger(fix.range[0]);
    output.addByte(COMMA);
    output.addInteger(fix.range[1]);
    output.add(FIX_TEXT);
    output.add(this.strings.get(fix.text));
    output.addByte(CLOSE_BRACE);
  }

  private suggestion(suggestion: LintSuggestion): void {
    const output = this.output;
    output.add(DESC);
    output.add(this.strings.get(suggestion.desc));
    if (suggestion.messageId !== undefined) {
      output.add(SUGGESTION_MESSAGE_ID);
      output.add(this.strings.get(suggestion.messageId));
    }
    output.add(SUGGESTION_FIX);
    this.fix(suggestion.fix);
    output.addByte(CLOSE_BRACE);
  }
}

/**
 * ESLint-compatible JSON: an array of results, one line, so tools can read it as ESLint's. Yielded a
 * result at a time as UTF-8 bytes (a result replayed from --cache as the text it stored); joined, the
 * pieces are exactly `JSON.stringify` of the whole array.
 */
const json: Formatter = function* (results) {
  if (results.length === 0) {
    yield '[]';
    return;
  }
  const writer = new JsonWriter();
  const { output } = writer;
  const last = results.length - 1;
  for (let i = 0; i < results.length; i++) {
    output.add(i === 0 ? RESULTS_OPEN : RESULT_SEPARATOR);
    const stored = results[i] as StoredJson;
    const storedBytes = stored.storedJsonBytes;
    if (storedBytes !== undefined) output.add(storedBytes);
    else if (stored.storedJson !== undefined) output.addText(stored.storedJson);
    else writer.result(results[i]);
    // The closing bracket in the last piece: every piece is then the builder's, and no code first runs at the end,
    // after the loop has been optimised (a comparison or a piece of another kind there threw the code away).
    output.add(i === last ? RESULTS_CLOSE : NOTHING);
    yield output.lend();
  }
};

export default json;
