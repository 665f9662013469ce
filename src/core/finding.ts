import type { DocxPart } from './document.js';
import type { Excerpt, LintMessage, LintSuggestion, SourceFix } from './linter.js';

/**
 * A finding on its way through the engine (suppression, merging, sorting, counting), before it becomes the
 * LintMessage a caller sees. Every finding has every field, in one order: the functions that handle hundreds of
 * thousands of them then meet one object shape only. A LintMessage has only the keys that apply (no `fix:
 * undefined`), so its shapes vary with them, and each shape first met after a function had been optimised threw
 * the optimised code away (a "wrong map" deoptimisation, then a compile again).
 */
export class Finding {
  // Declared, not defined as class fields: the constructor assigns each once, in this order (a field definition
  // would first set every one to undefined, per finding, in code not yet optimised).
  declare readonly ruleId: string | null;
  declare readonly severity: 1 | 2;
  declare readonly message: string;
  /** Undefined only for the engine's own findings (an unused suppression comment). */
  declare readonly messageId: string | undefined;
  declare readonly line: number;
  declare readonly column: number;
  declare readonly endLine: number;
  declare readonly endColumn: number;
  declare readonly part: Exclude<DocxPart, 'body'> | undefined;
  declare readonly fix: SourceFix | undefined;
  declare readonly suggestions: LintSuggestion[] | undefined;
  declare readonly excerpt: Excerpt | undefined;
  /** The source offset of the start: Word's positions do not give it back. */
  declare readonly sourceStart: number;

  constructor(
    ruleId: string | null,
    severity: 1 | 2,
    message: string,
    messageId: string | undefined,
    line: number,
    column: number,
    endLine: number,
    endColumn: number,
    part: Exclude<DocxPart, 'body'> | undefined,
    fix: SourceFix | undefined,
    suggestions: LintSuggestion[] | undefined,
    excerpt: Excerpt | undefined,
    sourceStart: number,
  ) {
    this.ruleId = ruleId;
    this.severity = severity;
    this.message = message;
    this.messageId = messageId;
    this.line = line;
    this.column = column;
    this.endLine = endLine;
    this.endColumn = endColumn;
    this.part = part;
    this.fix = fix;
    this.suggestions = suggestions;
    this.excerpt = excerpt;
    this.sourceStart = sourceStart;
  }

  /** This finding with another fix and suggestions (a merge of two findings on one problem). */
  withChoices(fix: SourceFix | undefined, suggestions: LintSuggestion[] | undefined): Finding {
    return new Finding(
      this.ruleId,
      this.severity,
      this.message,
      this.messageId,
      this.line,
      this.column,
      this.endLine,
      this.endColumn,
      this.part,
      fix,
      suggestions,
      this.excerpt,
      this.sourceStart,
    );
  }

  /** The finding as the public LintMessage: its keys in the order the JSON report and earlier versions give them, absent ones left out. */
  toMessage(): LintMessage {
    const message: LintMessage =
      this.messageId === undefined
        ? { ruleId: this.ruleId, severity: this.severity, message: this.message, line: this.line, column: this.column, endLine: this.endLine, endColumn: this.endColumn }
        : {
            ruleId: this.ruleId,
            severity: this.severity,
            message: this.message,
            messageId: this.messageId,
            line: this.line,
            column: this.column,
            endLine: this.endLine,
            endColumn: this.endColumn,
          };
    if (this.part !== undefined) message.part = this.part;
    if (this.fix !== undefined) message.fix = this.fix;
    if (this.suggestions !== undefined) message.suggestions = this.suggestions;
    if (this.excerpt !== undefined) message.excerpt = this.excerpt;
    return message;
  }
}
