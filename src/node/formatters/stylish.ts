import pc from 'picocolors';
import type { Excerpt, LintMessage, LintResult } from '../../core/linter.js';
import { ByteBuilder, utf8Bytes } from './bytes.js';
import { TextCache } from './text-cache.js';
import { severityLabel } from './labels.js';
import { displayPath } from './paths.js';
import type { Formatter, FormatterContext, ReportWriter } from './types.js';
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

/**
 * The excerpt's first line with the finding coloured (on a TTY), and a line of `^` under the finding,
 * offset by the display width of the text before it so that full-width characters stay aligned. As
 * strings, for the excerpts addExcerpt leaves to it.
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

const LINE_BREAK = 0x0a;
const SPACE = 0x20;
const COLON = 0x3a;
const CARET = 0x5e;

/** A report piece is handed over once it has this many bytes, after a file: fewer pieces through the generators. */
const PIECE_BYTES = 64 * 1024;

/**
 * A colour as the text before and after what it paints ('' and '' without colour): picocolors writes
 * exactly that around a text that does not hold the closing code, as positions, carets and excerpts
 * (control characters replaced) never do.
 */
function paintParts(paint: (text: string) => string): [open: string, close: string] {
  const [open, close] = paint('\u0000').split('\u0000');
  return [open, close];
}

/** A finding's colour around its excerpt and marker, as UTF-8. */
interface PaintBytes {
  open: Uint8Array;
  close: Uint8Array;
}

function paintBytes(paint: (text: string) => string): PaintBytes {
  const [open, close] = paintParts(paint);
  return { open: utf8Bytes(open), close: utf8Bytes(close) };
}

/** A message as written, encoded and measured once however many findings share it. */
interface MessageText {
  /** The severity of the first finding with this message, and the severity column and message for it. */
  severity: 1 | 2;
  bytes: Uint8Array;
  /** The message alone, for a finding of the other severity. */
  message: Uint8Array;
  width: number;
  /** The rule of the first finding with this message, and what ends such a finding's line (see lineEnd). */
  ruleId: string | null;
  lineEnd: Uint8Array;
}

/** Whether a position is `line:column` written from the numbers: outside Word, whole numbers from 1 and 0. */
function isDigitPosition(message: LintMessage, word: boolean): boolean {
  return (
    message.line > 0 &&
    (!word || message.ruleId === null) &&
    Number.isSafeInteger(message.line) &&
    Number.isSafeInteger(message.column) &&
    message.column >= 0
  );
}

/** The number of decimal digits of a whole number from 0. */
function digitCount(value: number): number {
  let digits = 1;
  for (let rest = value; rest >= 10; rest = Math.floor(rest / 10)) digits++;
  return digits;
}

/**
 * Writes the report's files as UTF-8 into one ByteBuilder. A draft full of findings has hundreds of
 * thousands of lines of mostly repeated text, so the fixed parts are encoded once, each distinct message
 * encoded and measured once, padding and positions written as bytes, and an excerpt measured from its text
 * and encoded whole. Methods rather than one long loop in the generator, which TurboFan took 65–70 ms to
 * compile, twice: the report runs once, cold, and spends much of its time waiting for optimised code.
 */
class StylishWriter {
  readonly output = new ByteBuilder();
  private readonly colors: ReturnType<typeof pc.createColors>;
  private readonly color: boolean;
  private readonly cwd: string;
  private readonly lineStart: Uint8Array;
  private readonly errorPaint: PaintBytes;
  private readonly warningPaint: PaintBytes;
  /** From the end of the position's padding to the message. */
  private readonly errorSeverity: Uint8Array;
  private readonly warningSeverity: Uint8Array;
  /** What ends a finding's line after its message, by rule: the rule's name, dimmed, and a line break. */
  private readonly lineEnds = new Map<string, Uint8Array>();
  private readonly lineBreak = utf8Bytes('\n');
  /** A draft full of findings repeats a few thousand messages, a third of the time the one before. */
  private readonly messageTexts = new TextCache<MessageText>();
  private lastMessage = '';
  private lastText: MessageText | undefined;
  /** A file's messages and position widths, worked out for its columns and used again for each line. */
  private readonly shownMessages: MessageText[] = [];
  private readonly positionWidths: number[] = [];
  /** A position written as text ('' for one written as digits or not at all). */
  private readonly positionTexts: string[] = [];
  private positionWidth = 0;
  private messageWidth = 0;
  /** The spaces before an excerpt: under the message column. */
  private indentWidth = 0;

  constructor(color: boolean, cwd: string) {
    this.colors = pc.createColors(color);
    this.color = color;
    this.cwd = cwd;
    const [dimOpen, dimClose] = paintParts(this.colors.dim);
    this.lineStart = utf8Bytes(`  ${dimOpen}`);
    this.errorPaint = paintBytes(this.colors.red);
    this.warningPaint = paintBytes(this.colors.yellow);
    this.errorSeverity = utf8Bytes(`${dimClose}  ${this.colors.red(severityLabel(2))}  `);
    this.warningSeverity = utf8Bytes(`${dimClose}  ${this.colors.yellow(severityLabel(1))}  `);
  }

  /** A file's header, a line per finding with its excerpt, and an empty line. */
  addFile(result: LintResult): void {
    const { output } = this;
    output.addText(this.colors.underline(displayPath(result.filePath, this.cwd)));
    output.addByte(LINE_BREAK);
    const word = isWordFile(result.filePath);
    this.measureColumns(result.messages, word);
    const messages = result.messages;
    for (let i = 0; i < messages.length; i++) this.addFinding(messages[i], i);
    output.addByte(LINE_BREAK);
  }

  /** The widths of the position and message columns: the longest of the file's. */
  private measureColumns(messages: readonly LintMessage[], word: boolean): void {
    const { shownMessages, positionWidths, positionTexts } = this;
    shownMessages.length = 0;
    positionWidths.length = 0;
    positionTexts.length = 0;
    let positionWidth = 0;
    let messageWidth = 0;
    for (let i = 0; i < messages.length; i++) {
      const message = messages[i];
      let width: number;
      if (isDigitPosition(message, word)) {
        width = digitCount(message.line) + 1 + digitCount(message.column);
        positionTexts.push('');
      } else {
        const shown = position(message, word);
        width = displayWidth(shown);
        positionTexts.push(shown);
      }
      positionWidths.push(width);
      if (width > positionWidth) positionWidth = width;
      const text = this.messageText(message);
      shownMessages.push(text);
      if (text.width > messageWidth) messageWidth = text.width;
    }
    this.positionWidth = positionWidth;
    this.messageWidth = messageWidth;
    this.indentWidth = 2 + positionWidth + 2 + displayWidth(severityLabel(2)) + 2;
  }

  private messageText(finding: LintMessage): MessageText {
    const { message, ruleId } = finding;
    if (message === this.lastMessage && this.lastText !== undefined) return this.lastText;
    let text = this.messageTexts.get(message);
    if (text === undefined) {
      const severity = finding.severity === 2 ? 2 : 1;
      const messageBytes = utf8Bytes(message);
      const severityBytes = severity === 2 ? this.errorSeverity : this.warningSeverity;
      const bytes = new Uint8Array(severityBytes.length + messageBytes.length);
      bytes.set(severityBytes);
      bytes.set(messageBytes, severityBytes.length);
      text = this.messageTexts.set(message, { severity, bytes, message: messageBytes, width: displayWidth(message), ruleId, lineEnd: this.lineEnd(ruleId) });
    }
    this.lastMessage = message;
    this.lastText = text;
    return text;
  }

  /** `  position  severity  message  rule`, padded to the columns, then the excerpt's two lines. */
  private addFinding(message: LintMessage, index: number): void {
    const { output } = this;
    const error = message.severity === 2;
    output.add(this.lineStart);
    const positionText = this.positionTexts[index];
    const positionWidth = this.positionWidths[index];
    if (positionText !== '') {
      output.addText(positionText);
    } else if (positionWidth > 0) {
      output.addInteger(message.line);
      output.addByte(COLON);
      output.addInteger(message.column);
    }
    output.addRepeated(SPACE, this.positionWidth - positionWidth);
    const text = this.shownMessages[index];
    if (error === (text.severity === 2)) {
      output.add(text.bytes);
    } else {
      output.add(error ? this.errorSeverity : this.warningSeverity);
      output.add(text.message);
    }
    // A finding without a rule (an unused suppression comment) has its message unpadded.
    if (message.ruleId !== null) output.addRepeated(SPACE, this.messageWidth - text.width);
    output.add(message.ruleId === text.ruleId ? text.lineEnd : this.lineEnd(message.ruleId));
    const excerpt = message.excerpt;
    if (!excerpt || excerpt.text.length === 0) return;
    if (!this.addExcerpt(excerpt, error ? this.errorPaint : this.warningPaint)) {
      const [excerptLine, markerLine] = renderExcerpt(excerpt, error ? this.colors.red : this.colors.yellow, this.color);
      output.addRepeated(SPACE, this.indentWidth);
      output.addText(`${excerptLine}\n`);
      output.addRepeated(SPACE, this.indentWidth);
      output.addText(`${markerLine}\n`);
    }
  }

  private lineEnd(ruleId: string | null): Uint8Array {
    if (ruleId === null) return this.lineBreak;
    let lineEnd = this.lineEnds.get(ruleId);
    if (lineEnd === undefined) {
      lineEnd = utf8Bytes(`  ${this.colors.dim(ruleId)}\n`);
      this.lineEnds.set(ruleId, lineEnd);
    }
    return lineEnd;
  }

  /**
   * The excerpt line and the marker line under it, as renderExcerpt would give them but written straight from
   * the excerpt's text, measured as it is encoded: no slice, no string per finding. false, with nothing written,
   * when renderExcerpt is needed: a character whose width only string-width knows, a control character to
   * replace or a line to cut (makeExcerpt cuts an excerpt at the line breaks around its finding, so these are
   * rare), or a start that is not a whole number from 0.
   */
  private addExcerpt(excerpt: Excerpt, paint: PaintBytes): boolean {
    const { text, start, end } = excerpt;
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0) return false;
    const { output, color } = this;
    const spanStart = Math.min(start, text.length);
    const spanEnd = Math.min(Math.max(end, start), text.length);
    const written = output.length;
    output.addRepeated(SPACE, this.indentWidth);
    const beforeWidth = output.addMeasuredUtf8(text, 0, spanStart);
    if (color) output.add(paint.open);
    const spanWidth = beforeWidth < 0 ? -1 : output.addMeasuredUtf8(text, spanStart, spanEnd);
    if (color) output.add(paint.close);
    if (spanWidth < 0 || output.addMeasuredUtf8(text, spanEnd, text.length) < 0) {
      output.truncate(written);
      return false;
    }
    output.addByte(LINE_BREAK);
    output.addRepeated(SPACE, this.indentWidth + beforeWidth);
    if (color) output.add(paint.open);
    output.addRepeated(CARET, Math.max(1, spanWidth));
    if (color) output.add(paint.close);
    output.addByte(LINE_BREAK);
    return true;
  }
}

/** The counts of the summary line, added up over the results a report has shown. */
interface SummaryCounts {
  errors: number;
  warnings: number;
  fixableErrors: number;
  fixableWarnings: number;
}

function summaryText(counts: SummaryCounts, color: boolean): string {
  const { errors, warnings, fixableErrors, fixableWarnings } = counts;
  const total = errors + warnings;
  if (total === 0) return '';
  const colors = pc.createColors(color);
  const summaryColor = errors > 0 ? colors.red : colors.yellow;
  const summary = [summaryColor(colors.bold(`✖ 共 ${total} 个问题（${errors} 个错误，${warnings} 个警告）`))];
  const fixable = [
    ...(fixableErrors > 0 ? [`${fixableErrors} 个错误`] : []),
    ...(fixableWarnings > 0 ? [`${fixableWarnings} 个警告`] : []),
  ];
  if (fixable.length > 0) summary.push(summaryColor(`  其中 ${fixable.join('、')}可用 --fix 自动修正。`));
  return `${summary.join('\n')}\n`;
}

/**
 * The stylish report as results arrive (see ReportWriter): files with findings as UTF-8 (StylishWriter),
 * handed over in pieces of some 64 KB, and the summary at the end.
 */
export function stylishReport(context: FormatterContext): ReportWriter {
  const writer = new StylishWriter(context.color, context.cwd);
  const counts: SummaryCounts = { errors: 0, warnings: 0, fixableErrors: 0, fixableWarnings: 0 };
  return {
    *add(results) {
      for (const result of results) {
        if (result.messages.length === 0) continue;
        counts.errors += result.errorCount;
        counts.warnings += result.warningCount;
        counts.fixableErrors += result.fixableErrorCount;
        counts.fixableWarnings += result.fixableWarningCount;
        writer.addFile(result);
        if (writer.output.length >= PIECE_BYTES) yield writer.output.lend();
      }
    },
    *finish() {
      if (writer.output.length > 0) yield writer.output.lend();
      const summary = summaryText(counts, context.color);
      if (summary !== '') yield summary;
    },
  };
}

/**
 * The default, human-readable format: findings grouped by file, each with the sentence it was found in,
 * columns padded ESLint's way (each message to the longest of its file), then the summary.
 */
const stylish: Formatter = function* (results, context) {
  const report = stylishReport(context);
  yield* report.add(results);
  yield* report.finish();
};

export default stylish;
