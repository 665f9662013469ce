/**
 * The language server (`gongwen-lint --lsp`, `gongwen-lint-lsp`): Language Server Protocol over stdio, with
 * vscode-languageserver. Diagnostics are the CLI's findings (same positions, messages, severities, and the
 * same `.gongwenrc` cascade); code actions apply a fix or a suggestion, insert a disable-next-line comment,
 * or fix the whole document. Loaded only by those two entry points, so the CLI's start-up does not pay for it.
 */
import { basename, extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CodeActionKind,
  createConnection,
  DiagnosticSeverity,
  DidChangeWatchedFilesNotification,
  ProposedFeatures,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type CodeActionParams,
  type Connection,
  type Diagnostic,
  type Range,
  type TextEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { rules, rulesById } from '../../../rules/index.js';
import { resolveRules, type ResolvedRules } from '../../core/config/resolve-rules.js';
import { countMessages, errorMessage, problemMessage } from '../../core/results.js';
import { fixText } from '../../core/fix.js';
import { formatForPath, lintSource, loadMarkdownParser, type LintMessage, type LintResult, type SourceFix } from '../../core/linter.js';
import { loadWordTable } from '../../core/text/segmenter.js';
import type { DocumentFormat } from '../../core/document.js';
import { ruleDocsUrl } from '../../core/rule-docs.js';
import { CONFIG_FILE_NAMES, ConfigResolver } from '../config/load.js';

/**
 * A change is linted at once when the document was last linted longer ago than this; changes inside the
 * window are gathered and linted once when it ends. Typing stays responsive without a lint per keystroke.
 */
export const CHANGE_INTERVAL_MS = 100;

/** The code action kind of "fix everything in this document", for `editor.codeActionsOnSave`. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.gongwen-lint`;

const SOURCE = 'gongwen-lint';

/** Language ids the server lints (`text` is what Neovim and Emacs send for plain text); other documents are left alone. */
const LANGUAGE_FORMATS: Readonly<Record<string, DocumentFormat>> = { markdown: 'markdown', plaintext: 'text', text: 'text' };
const FILE_EXTENSIONS = new Set(['.md', '.markdown', '.txt']);

interface Linted {
  version: number;
  result: LintResult;
}

function filePathOf(uri: string): string | undefined {
  return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
}

function formatOf(document: TextDocument): DocumentFormat | undefined {
  const byLanguage = LANGUAGE_FORMATS[document.languageId];
  if (byLanguage) return byLanguage;
  const filePath = filePathOf(document.uri);
  if (filePath !== undefined && FILE_EXTENSIONS.has(extname(filePath).toLowerCase())) return formatForPath(filePath);
  return undefined;
}

function rangeOf(message: LintMessage): Range {
  return {
    start: { line: message.line - 1, character: message.column - 1 },
    end: { line: message.endLine - 1, character: message.endColumn - 1 },
  };
}

function toDiagnostic(message: LintMessage): Diagnostic {
  const diagnostic: Diagnostic = {
    range: rangeOf(message),
    severity: message.severity === 2 ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    source: SOURCE,
    message: message.message,
  };
  if (message.ruleId !== null) {
    diagnostic.code = message.ruleId;
    diagnostic.codeDescription = { href: ruleDocsUrl(message.ruleId) };
  }
  return diagnostic;
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

function textEdit(document: TextDocument, fix: SourceFix): TextEdit {
  return { range: { start: document.positionAt(fix.range[0]), end: document.positionAt(fix.range[1]) }, newText: fix.text };
}

/** One edit covering only what changed between two texts: the editor keeps the cursor and folds elsewhere. */
function minimalEdit(document: TextDocument, before: string, after: string): TextEdit {
  let prefix = 0;
  const shorter = Math.min(before.length, after.length);
  while (prefix < shorter && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < shorter - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  return textEdit(document, { range: [prefix, before.length - suffix], text: after.slice(prefix, after.length - suffix) });
}

/** The edit that puts `<!-- gongwen-lint-disable-next-line rule -->` on its own line above the finding. */
function disableNextLineEdit(document: TextDocument, line: number, ruleId: string): TextEdit {
  const text = document.getText();
  const lineStart = document.offsetAt({ line, character: 0 });
  const indent = /^[ \t]*/.exec(text.slice(lineStart, lineStart + 200))![0];
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}<!-- gongwen-lint-disable-next-line ${ruleId} -->${eol}` };
}

export class GongwenLanguageServer {
  private readonly documents = new TextDocuments(TextDocument);
  private readonly linted = new Map<string, Linted>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly lastLinted = new Map<string, number>();
  private resolver: ConfigResolver | undefined;
  private readonly defaultRules: ResolvedRules = resolveRules(rules, []);

  constructor(private readonly connection: Connection) {}

  listen(): void {
    const { connection, documents } = this;
    let canWatchFiles = false;
    connection.onInitialize(async (params) => {
      canWatchFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
      await Promise.all([loadMarkdownParser(), loadWordTable()]);
      return {
        capabilities: {
          textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
          codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        },
        serverInfo: { name: SOURCE },
      };
    });
    connection.onInitialized(() => {
      // Config files are watched where the client can watch them; saving one in the editor also counts.
      if (!canWatchFiles) return;
      const watched = `**/{${CONFIG_FILE_NAMES.join(',')}}`;
      connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: watched }] }).catch(() => undefined);
    });
    // Opening a document fires this too, and an unlinted document is linted at once.
    documents.onDidChangeContent(({ document }) => this.schedule(document.uri));
    documents.onDidSave(({ document }) => {
      if (this.isConfigFile(document.uri)) this.reloadConfig();
    });
    documents.onDidClose(({ document }) => {
      clearTimeout(this.timers.get(document.uri));
      this.timers.delete(document.uri);
      this.linted.delete(document.uri);
      this.lastLinted.delete(document.uri);
      connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
    });
    connection.onDidChangeWatchedFiles(({ changes }) => {
      if (changes.some((change) => this.isConfigFile(change.uri))) this.reloadConfig();
    });
    connection.onCodeAction((params) => this.codeActions(params));
    documents.listen(connection);
    connection.listen();
  }

  private isConfigFile(uri: string): boolean {
    return (CONFIG_FILE_NAMES as readonly string[]).includes(basename(filePathOf(uri) ?? ''));
  }

  private reloadConfig(): void {
    this.resolver = undefined;
    this.linted.clear();
    for (const document of this.documents.all()) this.lintNow(document.uri);
  }

  /** Lints now if the document was not linted within the interval, else once when the interval ends. */
  private schedule(uri: string): void {
    if (this.timers.has(uri)) return;
    const wait = Math.max(0, (this.lastLinted.get(uri) ?? -Infinity) + CHANGE_INTERVAL_MS - performance.now());
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        this.lintNow(uri);
      }, wait),
    );
  }

  private lintNow(uri: string): void {
    const document = this.documents.get(uri);
    if (!document || formatOf(document) === undefined) return;
    this.lastLinted.set(uri, performance.now());
    const result = this.lint(document);
    this.connection.sendDiagnostics({ uri, version: document.version, diagnostics: result.messages.map(toDiagnostic) });
  }

  /**
   * The document's findings, linted once per version. A config error, or a rule that fails on this text,
   * becomes a finding on the first line: the server goes on serving the other documents.
   */
  private lint(document: TextDocument): LintResult {
    const cached = this.linted.get(document.uri);
    if (cached && cached.version === document.version) return cached.result;
    const filePath = filePathOf(document.uri);
    let result: LintResult;
    try {
      const rulesForFile = this.rulesFor(filePath);
      result = rulesForFile === null ? countMessages(document.uri, []) : this.lintText(document, document.getText(), rulesForFile);
    } catch (error) {
      result = countMessages(document.uri, [problemMessage(errorMessage(error))]);
    }
    this.linted.set(document.uri, { version: document.version, result });
    return result;
  }

  private lintText(document: TextDocument, text: string, rulesForFile: ResolvedRules): LintResult {
    const filePath = filePathOf(document.uri) ?? document.uri;
    return lintSource(text, { filePath, format: formatOf(document) ?? 'text', rules: rulesForFile }, rulesById);
  }

  /** The rules for a file from its config cascade; null when its config ignores it; defaults for unsaved documents. */
  private rulesFor(filePath: string | undefined): ResolvedRules | null {
    if (filePath === undefined) return this.defaultRules;
    this.resolver ??= new ConfigResolver({ cwd: process.cwd() });
    if (this.resolver.ignoredBy(filePath) !== undefined) return null;
    return this.resolver.rulesFor(filePath);
  }

  private codeActions(params: CodeActionParams): CodeAction[] {
    const document = this.documents.get(params.textDocument.uri);
    if (!document || formatOf(document) === undefined) return [];
    const result = this.lint(document);
    const only = params.context.only;
    const wants = (kind: string): boolean => only === undefined || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
    const actions: CodeAction[] = [];
    const uri = document.uri;
    if (wants(CodeActionKind.QuickFix)) {
      for (const diagnostic of params.context.diagnostics) {
        if (diagnostic.source !== SOURCE) continue;
        const message = result.messages.find(
          (candidate) => candidate.ruleId === (diagnostic.code ?? null) && candidate.message === diagnostic.message && sameRange(rangeOf(candidate), diagnostic.range),
        );
        if (!message || message.ruleId === null) continue;
        if (message.fix) {
          actions.push({
            title: `修正：${message.message}`,
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            isPreferred: true,
            edit: { changes: { [uri]: [textEdit(document, message.fix)] } },
          });
        }
        for (const suggestion of message.suggestions ?? []) {
          actions.push({ title: suggestion.desc, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: { changes: { [uri]: [textEdit(document, suggestion.fix)] } } });
        }
        actions.push({
          title: `在上一行加注释，屏蔽此处的 ${message.ruleId}`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          edit: { changes: { [uri]: [disableNextLineEdit(document, message.line - 1, message.ruleId)] } },
        });
      }
    }
    if (wants(FIX_ALL_KIND) && result.messages.some((message) => message.fix)) {
      const before = document.getText();
      const rulesForFile = this.rulesFor(filePathOf(uri));
      if (rulesForFile !== null) {
        const { output } = fixText(before, (text) => this.lintText(document, text, rulesForFile));
        if (output !== before) {
          actions.push({ title: '修正全部可自动修正的问题（gongwen-lint）', kind: FIX_ALL_KIND, edit: { changes: { [uri]: [minimalEdit(document, before, output)] } } });
        }
      }
    }
    return actions;
  }
}

/** Speaks LSP on stdin/stdout until the client says exit. Arguments such as `--stdio` are accepted and ignored. */
export function startLanguageServer(): void {
  const connection = createConnection(ProposedFeatures.all, new StreamMessageReader(process.stdin), new StreamMessageWriter(process.stdout));
  new GongwenLanguageServer(connection).listen();
}
