import { DOCX_PART_LABELS, LineIndex, toSourceOffset, type Block, type Directive, type DocumentFormat, type DocxPart, type GwDocument, type Position } from './document.js';
import { parseMarkdown } from './parse/markdown.js';

export { loadMarkdownParser } from './parse/markdown.js';
import { parseText } from './parse/text.js';
import { formatMessage, type Report, type Rule, type Suggestion, type TextEdit } from './rule.js';
import type { ResolvedRules } from './config/resolve-rules.js';
import { countMessages } from './results.js';
import { Finding } from './finding.js';
import { mergeFindings } from './merge-findings.js';
import { onDemandPart, PartNotLoadedError } from './on-demand.js';

export { countMessages };

/** A fix in source offsets, as ESLint writes it: `text` replaces `[range[0], range[1])`. */
export interface SourceFix {
  range: [number, number];
  text: string;
}

export interface LintSuggestion {
  desc: string;
  messageId?: string;
  fix: SourceFix;
}

/** A short window of the block text around a finding; `start`/`end` locate the finding inside `text`. */
export interface Excerpt {
  text: string;
  start: number;
  end: number;
}

export interface LintMessage {
  ruleId: string | null;
  /** 1 = warning, 2 = error. */
  severity: 1 | 2;
  message: string;
  messageId?: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fix?: SourceFix;
  suggestions?: LintSuggestion[];
  excerpt?: Excerpt;
  /** Word only: the part the finding is in, when it is not the body (its `line` counts that part's paragraphs). */
  part?: Exclude<DocxPart, 'body'>;
  /** A problem with the file itself (unreadable, binary), not a finding in it. */
  fatal?: boolean;
}

export interface LintResult {
  filePath: string;
  messages: LintMessage[];
  errorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  fatalErrorCount: number;
  /** The fixed text, present only when fixing changed something. */
  output?: string;
}

export interface LintSourceOptions {
  filePath: string;
  format: DocumentFormat;
  rules: ResolvedRules;
  /** Report suppression comments that suppressed nothing. */
  reportUnusedDisableDirectives?: boolean;
  /**
   * Attach an excerpt to each finding (the default). false when the output shows none (JSON, SARIF): a
   * string and an object fewer per finding, which a draft full of findings has by the hundred thousand.
   */
  excerpts?: boolean;
}

/** Picks the parser from the file name: Markdown for `.md`/`.markdown`, Word for `.docx`, plain text otherwise. */
export function formatForPath(filePath: string | undefined): DocumentFormat {
  if (filePath === undefined) return 'text';
  if (/\.(md|markdown)$/i.test(filePath)) return 'markdown';
  return /\.docx$/i.test(filePath) ? 'docx' : 'text';
}

/**
 * The Word reader, loaded on demand. It brings fflate and the XML reader, which a run over Markdown and text
 * never needs: the asynchronous entry points load it when they meet a .docx (loadDocxReader); the page imports
 * parse/docx.ts up front and gives it over (useDocxReader).
 */
const docxReader = onDemandPart('the Word reader', 'loadDocxReader', () => import('./parse/docx.js'), (loaded: typeof import('./parse/docx.js')) => loaded.parseDocx);

export const { load: loadDocxReader, use: useDocxReader } = docxReader;

/**
 * Parses a document: Markdown and plain text from their decoded text, Word from the file's bytes (load the
 * Word reader first). A Word file that cannot be read throws DocxError, whose message is for the user.
 */
export function parseDocument(source: string | Uint8Array, format: DocumentFormat): GwDocument {
  if (format === 'docx') {
    if (typeof source === 'string') throw new TypeError('a .docx document is read from its bytes, not from decoded text');
    return docxReader.get()(source);
  }
  if (typeof source !== 'string') throw new TypeError(`a ${format} document is read from decoded text, not from bytes`);
  return format === 'markdown' ? parseMarkdown(source) : parseText(source);
}


const EXCERPT_CONTEXT = 20;

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * A window of about EXCERPT_CONTEXT code units either side of the span, never splitting a surrogate pair.
 * `hasLineBreak` false says the text has none, when the caller knows: nothing to look for then. `textIsDetached`
 * says the text is a short copy of its own (DocumentLint.excerptSourceOf): the excerpt is then a plain slice of it, which
 * keeps only that copy alive, not the document.
 */
export function makeExcerpt(text: string, start: number, end: number, hasLineBreak = true, textIsDetached = false): Excerpt {
  let from = Math.max(0, start - EXCERPT_CONTEXT);
  let to = Math.min(text.length, end + EXCERPT_CONTEXT);
  if (from > 0 && isLowSurrogate(text.charCodeAt(from))) from--;
  if (to < text.length && isLowSurrogate(text.charCodeAt(to))) to++;
  if (hasLineBreak) {
    // Search for line breaks only inside the window: an unbounded search is quadratic over a long line with many findings.
    for (let i = start - 1; i >= from; i--) {
      if (text.charCodeAt(i) === 10) {
        from = i + 1;
        break;
      }
    }
    for (let i = end; i < to; i++) {
      if (text.charCodeAt(i) === 10) {
        to = i;
        break;
      }
    }
  }
  return { text: textIsDetached ? text.slice(from, to) : detachedSlice(text, from, to), start: start - from, end: Math.min(end, to) - from };
}

/**
 * `text.slice(from, to)` as a string of its own. V8 makes a longer slice a view that keeps the whole
 * parent alive, and a result outlives its block text: kept views held every linted paragraph in memory.
 * Prefixing makes a cons string; slicing that flattens it into a fresh copy first.
 */
function detachedSlice(text: string, from: number, to: number): string {
  return ` ${text.slice(from, to)}`.slice(1);
}

/**
 * Up to this length a block's text is copied once for its excerpts, which are then views of the copy: the copy
 * is about the size of a few excerpts. A longer block's excerpts are copied one by one, so that one finding in
 * a long paragraph does not keep the whole paragraph alive.
 */
const DETACHED_BLOCK_MAX_LENGTH = 200;

/** What the excerpts of one block are cut from (see DocumentLint.excerptSourceOf). */
class ExcerptSource {
  constructor(
    /** A short block's text as a copy of its own (detachedSlice), a long block's text as it is. */
    readonly text: string,
    readonly isDetached: boolean,
    readonly hasLineBreak: boolean,
  ) {}
}

/** Turns the edits of one fix into a single source range, copying the source between them unchanged. */
function editsToSourceFix(block: Block, source: string, edits: TextEdit | readonly TextEdit[]): SourceFix {
  // Most fixes are one edit: no list to build and sort.
  const single = Array.isArray(edits) ? (edits.length === 1 ? (edits as readonly TextEdit[])[0] : undefined) : (edits as TextEdit);
  if (single !== undefined) {
    const start = toSourceOffset(block, single.start, 'start');
    return { range: [start, single.end > single.start ? toSourceOffset(block, single.end, 'end') : toSourceOffset(block, single.end, 'start')], text: single.text };
  }
  // Several edits: in source order, each placed by insertion (a fix has a handful).
  const list = edits as readonly TextEdit[];
  if (list.length === 0) throw new RangeError('a fix needs at least one edit');
  const starts: number[] = [];
  const ends: number[] = [];
  const texts: string[] = [];
  for (let i = 0; i < list.length; i++) {
    const edit = list[i];
    const start = toSourceOffset(block, edit.start, 'start');
    let at = starts.length;
    while (at > 0 && starts[at - 1] > start) at--;
    starts.splice(at, 0, start);
    ends.splice(at, 0, toSourceOffset(block, edit.end, edit.end > edit.start ? 'end' : 'start'));
    texts.splice(at, 0, edit.text);
  }
  let text = '';
  for (let i = 0; i < starts.length; i++) {
    if (i > 0) text += source.slice(ends[i - 1], starts[i]);
    text += texts[i];
  }
  return { range: [starts[0], ends[ends.length - 1]], text };
}

interface ActiveDirective {
  directive: Directive;
  line: number;
  endLine: number;
  used: Set<string>;
}

/** Whether a directive names `ruleId` (a directive without ids names every rule). */
function directiveNames(directive: Directive, ruleId: string): boolean {
  return directive.ruleIds.length === 0 || directive.ruleIds.includes(ruleId);
}

/**
 * Applies suppression comments: block comments (`disable`/`enable`) by source order, line comments by line.
 * Returns the kept findings and, when asked, a finding for each directive (or rule id in it) that suppressed nothing.
 */
function applyDirectives(findings: Finding[], directives: readonly Directive[], lines: { position(offset: number): Position }, reportUnused: boolean): Finding[] {
  if (directives.length === 0) return findings;
  const sorted = [...directives].sort((a, b) => a.sourceStart - b.sourceStart);
  const active: ActiveDirective[] = sorted.map((directive) => ({
    directive,
    line: lines.position(directive.sourceStart).line,
    endLine: lines.position(Math.max(directive.sourceStart, directive.sourceEnd - 1)).line,
    used: new Set<string>(),
  }));
  const kept: Finding[] = [];
  for (const finding of findings) {
    const ruleId = finding.ruleId;
    if (ruleId === null) {
      kept.push(finding);
      continue;
    }
    const line = finding.line;
    let lineSuppressor: ActiveDirective | undefined;
    let blockSuppressor: ActiveDirective | undefined;
    for (const entry of active) {
      const { directive } = entry;
      if (!directiveNames(directive, ruleId)) continue;
      if (directive.kind === 'disable-line') {
        if (entry.line === line) lineSuppressor ??= entry;
      } else if (directive.kind === 'disable-next-line') {
        if (entry.endLine + 1 === line) lineSuppressor ??= entry;
      } else if (directive.sourceEnd <= finding.sourceStart) {
        blockSuppressor = directive.kind === 'disable' ? entry : undefined;
      }
    }
    const suppressor = lineSuppressor ?? blockSuppressor;
    if (suppressor) suppressor.used.add(ruleId);
    else kept.push(finding);
  }
  if (reportUnused) {
    for (const entry of active) {
      if (entry.directive.kind === 'enable') continue;
      const unused =
        entry.directive.ruleIds.length === 0
          ? entry.used.size === 0
            ? ['']
            : []
          : entry.directive.ruleIds.filter((id) => !entry.used.has(id));
      for (const id of unused) {
        const start = lines.position(entry.directive.sourceStart);
        const end = lines.position(entry.directive.sourceEnd);
        const message = id
          ? `未使用的 gongwen-lint-${entry.directive.kind} 指令：规则“${id}”在此处没有可屏蔽的问题，请删除`
          : `未使用的 gongwen-lint-${entry.directive.kind} 指令：此处没有可屏蔽的问题，请删除`;
        kept.push(new Finding(null, 2, message, undefined, start.line, start.column, end.line, end.column, undefined, undefined, undefined, undefined, entry.directive.sourceStart));
      }
    }
  }
  return kept;
}

/** Outside Word, the order of source offsets: a line and a column there stand for one offset, and the reverse. */
function comparePositions(a: Finding, b: Finding): number {
  return a.line - b.line || a.column - b.column;
}

function compareFindings(a: Finding, b: Finding): number {
  return a.line - b.line || a.column - b.column || (a.ruleId ?? '').localeCompare(b.ruleId ?? '');
}

/** Word's order: by source offset, then as elsewhere. */
function compareWordFindings(a: Finding, b: Finding): number {
  return a.sourceStart - b.sourceStart || compareFindings(a, b);
}

/**
 * Where a finding in a Word document ends. The offset just past a paragraph's last character is also where the
 * next paragraph starts, so the end is placed one column after the finding's last character instead.
 */
function wordEndPosition(locate: (offset: number) => Position, sourceStart: number, sourceEnd: number): Position {
  if (sourceEnd <= sourceStart) return locate(sourceEnd);
  const last = locate(sourceEnd - 1);
  return { ...last, column: last.column + 1 };
}

/** The lint of one document while its rules run: what `report` turns each rule's reports into. */
class DocumentLint {
  readonly findings: Finding[] = [];
  /** The rule running now: its id, its severity as configured, its messages and whether it may fix (read from the rule once, not per finding). */
  ruleId = '';
  severity: 1 | 2 = 2;
  messages: Readonly<Record<string, string>> = {};
  fixable = false;
  private readonly document: GwDocument;
  /** Outside Word, the line starts; Word documents place findings by paragraph (`locate`), where counting lines of their joined text would be wrong. */
  private readonly lineIndex: LineIndex | undefined;
  private readonly withExcerpts: boolean;
  /**
   * Each block's excerpt source, made when the block's first finding needs one: every rule goes through the
   * blocks again, so a block seen before is looked up here; the last one is kept aside, as a block's findings
   * from one rule come one after another.
   */
  private readonly excerptSources = new Map<Block, ExcerptSource>();
  private lastExcerptBlock: Block | undefined = undefined;
  private lastExcerptSource: ExcerptSource | undefined = undefined;
  /** Findings on Word's automatic numbers already reported for a numbering level (by rule and message). */
  private readonly reportedNumbering = new Set<string>();

  constructor(document: GwDocument, lineIndex: LineIndex | undefined, withExcerpts: boolean) {
    this.document = document;
    this.lineIndex = lineIndex;
    this.withExcerpts = withExcerpts;
  }

  add(found: Report<string>): void {
    const { block, start: foundStart, end: foundEnd, messageId } = found;
    const lineIndex = this.lineIndex;
    // Only Word blocks have an origin: outside Word, no read of a key most blocks lack.
    if (lineIndex === undefined && this.isRepeatedNumbering(block, foundStart, messageId)) return;
    const sourceStart = toSourceOffset(block, foundStart, 'start');
    const sourceEnd = foundEnd > foundStart ? toSourceOffset(block, foundEnd, 'end') : sourceStart;
    const text = formatMessage(this.messages[messageId], found.data);
    // Numbers rather than two Position objects outside Word: a draft full of findings makes hundreds of thousands.
    let line: number, column: number, endLine: number, endColumn: number;
    let part: Position['part'];
    if (lineIndex !== undefined) {
      line = lineIndex.lineOf(sourceStart);
      endLine = line < lineIndex.lineCount && sourceEnd >= lineIndex.lineStart(line + 1) ? lineIndex.lineOf(sourceEnd) : line;
      column = sourceStart - lineIndex.lineStart(line) + 1;
      endColumn = sourceEnd - lineIndex.lineStart(endLine) + 1;
    } else {
      const locate = this.document.locate!;
      const startPosition = locate(sourceStart);
      const endPosition = wordEndPosition(locate, sourceStart, sourceEnd);
      ({ line, column, part } = startPosition);
      ({ line: endLine, column: endColumn } = endPosition);
    }
    const foundFix = found.fix;
    const fix = foundFix !== undefined && this.fixable ? editsToSourceFix(block, this.document.source, foundFix) : undefined;
    const foundSuggestions = found.suggestions;
    const suggestions = foundSuggestions !== undefined ? this.suggestionsOf(block, foundSuggestions) : undefined;
    let excerpt: Excerpt | undefined;
    if (this.withExcerpts) {
      const source = block === this.lastExcerptBlock ? this.lastExcerptSource! : this.excerptSourceOf(block);
      excerpt = makeExcerpt(source.text, foundStart, foundEnd, source.hasLineBreak, source.isDetached);
    }
    this.findings.push(
      new Finding(
        this.ruleId,
        found.severity === 'warn' ? 1 : this.severity,
        part ? `${DOCX_PART_LABELS[part]}：${text}` : text,
        messageId,
        line,
        column,
        endLine,
        endColumn,
        part,
        fix,
        suggestions,
        excerpt,
        sourceStart,
      ),
    );
  }

  /** The block's excerpt source, made once per block and document. */
  private excerptSourceOf(block: Block): ExcerptSource {
    let source = this.excerptSources.get(block);
    if (source === undefined) {
      const text = block.text;
      const isDetached = text.length <= DETACHED_BLOCK_MAX_LENGTH;
      source = new ExcerptSource(isDetached ? detachedSlice(text, 0, text.length) : text, isDetached, text.includes('\n'));
      this.excerptSources.set(block, source);
    }
    this.lastExcerptBlock = block;
    this.lastExcerptSource = source;
    return source;
  }

  /**
   * Whether a finding is on a Word automatic number already reported for its numbering level: the number comes
   * from one definition in numbering.xml, so its form is one problem, shown where it first appears.
   */
  private isRepeatedNumbering(block: Block, start: number, messageId: string): boolean {
    const origin = block.docx;
    if (origin?.numbering === undefined || start >= origin.numbering.length) return false;
    const key = `${this.ruleId}\u0000${messageId}\u0000${origin.numberingLevel ?? ''}`;
    if (this.reportedNumbering.has(key)) return true;
    this.reportedNumbering.add(key);
    return false;
  }

  /**
   * The suggestions in source offsets; undefined for none. Only here is a rule's list itself read: rules give
   * lists of several kinds (array literals, and `map`'s holey arrays), and a kind first met after optimisation
   * throws the optimised code away, better this small function's than `add`'s.
   */
  private suggestionsOf(block: Block, suggestions: readonly Suggestion<string>[]): LintSuggestion[] | undefined {
    if (suggestions.length === 0) return undefined;
    const result: LintSuggestion[] = [];
    for (let i = 0; i < suggestions.length; i++) {
      const suggestion = suggestions[i];
      result.push({
        desc: formatMessage(this.messages[suggestion.messageId], suggestion.data),
        messageId: suggestion.messageId,
        fix: editsToSourceFix(block, this.document.source, suggestion.fix),
      });
    }
    return result;
  }
}

/** The document whose rules are running (lintDocument is not re-entered while they run, but it is restored). */
let activeLint: DocumentLint | undefined;

/**
 * The one report function every rule gets, for every document: with a closure per rule and document, each rule's
 * call site met a new function every time (a deoptimisation, "wrong call target").
 */
function report(found: Report<string>): void {
  activeLint!.add(found);
}

/** Runs every enabled rule over a parsed document; returns its findings with positions, sorted. */
export function lintDocument(document: GwDocument, options: LintSourceOptions, rulesById: ReadonlyMap<string, Rule>): LintResult {
  const { locate } = document;
  const lineIndex = locate ? undefined : new LineIndex(document.source);
  const lint = new DocumentLint(document, lineIndex, options.excerpts !== false);
  const outer = activeLint;
  activeLint = lint;
  try {
    for (const [ruleId, setting] of options.rules) {
      const rule = rulesById.get(ruleId);
      if (!rule) continue;
      lint.ruleId = ruleId;
      lint.severity = setting.severity === 'error' ? 2 : 1;
      lint.messages = rule.messages;
      lint.fixable = rule.fixable;
      try {
        rule.check(document, report, setting.options);
      } catch (error) {
        // A part loaded on demand (the word table) is missing: the caller loads it and lints again.
        if (error instanceof PartNotLoadedError) throw error;
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(`规则 ${ruleId} 在检查 ${options.filePath} 时出错：${reason}`, { cause: error });
      }
    }
  } finally {
    activeLint = outer;
  }
  const collected = lint.findings;
  // Stable: findings at one offset stay in the order of the rules.
  collected.sort(locate ? compareWordFindings : comparePositions);
  // Merged only after suppression, so that suppressing the rule whose finding would be kept shows the other's.
  const findings = mergeFindings(applyDirectives(collected, document.directives, lineIndex ?? { position: locate! }, options.reportUnusedDisableDirectives ?? false));
  // A Word document's lines restart in each part: its findings stay in source order (body, then headers, footers, notes).
  if (!locate) findings.sort(compareFindings);
  return resultOf(options.filePath, findings);
}

/**
 * The result in ESLint's shape (as countMessages gives it), counted from the findings before they become messages:
 * the counting then reads one shape of object. The engine's findings are never fatal.
 */
function resultOf(filePath: string, findings: readonly Finding[]): LintResult {
  const messages: LintMessage[] = [];
  let errorCount = 0;
  let warningCount = 0;
  let fixableErrorCount = 0;
  let fixableWarningCount = 0;
  for (let i = 0; i < findings.length; i++) {
    const finding = findings[i];
    messages.push(finding.toMessage());
    // Sums, not branches: every operation runs from the first finding on, none first met in optimised code.
    const isError = finding.severity - 1;
    const isFixable = finding.fix === undefined ? 0 : 1;
    errorCount += isError;
    warningCount += 1 - isError;
    fixableErrorCount += isFixable * isError;
    fixableWarningCount += isFixable * (1 - isError);
  }
  return { filePath, messages, errorCount, warningCount, fixableErrorCount, fixableWarningCount, fatalErrorCount: 0 };
}

/** Parses a text in the format the options name and lints it: what every entry point does per text. */
export function lintSource(text: string, options: LintSourceOptions, rulesById: ReadonlyMap<string, Rule>): LintResult {
  return lintDocument(parseDocument(text, options.format), options, rulesById);
}

/**
 * Lints a file from its bytes: a Word document (format `docx`). Throws DocxError, whose message is for the
 * user, when the bytes are not a readable .docx.
 */
export function lintBytes(bytes: Uint8Array, options: LintSourceOptions, rulesById: ReadonlyMap<string, Rule>): LintResult {
  return lintDocument(parseDocument(bytes, options.format), options, rulesById);
}
