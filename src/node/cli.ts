#!/usr/bin/env node
/**
 * The command line: arguments in, lintFiles out, a formatter, an exit code. Only Node built-ins are imported
 * up front; the linter, the rules and the one formatter a run needs are loaded when the run needs them, so
 * that `--help`, `--version` and usage errors answer at once.
 */
import { closeSync, existsSync, openSync, write } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ResolvedRules, RulesConfig } from '../core/config/resolve-rules.js';
import type { FormatName, FormatterOutput } from './formatters/index.js';
import type { FormatterContext, ReportWriter, RuleMeta } from './formatters/types.js';
import type { LintMessage, LintResult } from '../core/linter.js';
import type { GwDocument } from '../core/document.js';
import type { Shard } from './shard.js';
import type { LintFilesOptions } from './lint-files.js';
import type { StreamedReport } from './report-stream.js';
import type { ViewLine } from '../view/lines.js';
import { packageVersion } from './version.js';

const EXIT_OK = 0;
const EXIT_PROBLEMS = 1;
const EXIT_FATAL = 2;

const HELP = `用法：gongwen-lint [选项] <文件|目录|通配符>...
      gongwen-lint [选项] --stdin [--stdin-filename <文件名>]

检查公文草稿中遗留的模板占位符、错误标点和断号的层次序号。
目录按其中的 .md、.markdown、.txt、.docx 文件检查；通配符请加引号，如 "docs/**/*.md"。

输入：
  -, --stdin                    从标准输入读取文本
  --stdin-filename <文件名>     为标准输入命名：扩展名决定解析方式（.md 按 Markdown，.docx 按 Word，否则按纯文本），
                                也用于查找配置文件
  --encoding <编码>             按指定编码读取（如 utf-8、gb18030、utf-16le），不自动识别

输出：
  -f, --format <格式>           stylish（默认）、json、sarif、github、compact、html
  -o, --output-file <路径>      把结果写入文件而不是标准输出
  --quiet                       只报告错误，不报告警告
  --max-warnings <数量>         警告多于此数时以退出码 1 结束
  --verbose                     在标准错误输出中报告检查了多少文件、用时多少

配置：
  -c, --config <路径>           只使用此配置文件，不再查找 .gongwenrc.* 和 package.json
  --rule <设置>                 调整规则，可重复，如 --rule 'no-placeholder: off'
  --ignore-pattern <模式>       不检查匹配的文件，可重复
  --no-ignore                   不使用配置文件中的 ignores 和 --ignore-pattern
  --report-unused-disable-directives
                                报告没有屏蔽任何问题的 gongwen-lint-disable 注释
  --print-config <文件>         打印对该文件生效的配置（JSON）后退出
  --list-rules                  列出全部规则：编号、说明、默认级别、能否自动修正

修正：
  --fix                         自动修正能确定的问题，并写回原文件（保持原编码和换行符）；
                                读标准输入时把修正后的全文写到标准输出，剩余问题写到标准错误
  --fix-dry-run                 只显示修正会带来的改动（统一差异格式；Word 文档为各段文字的差异），不写文件；
                                与 --format json 同用时，结果中带有修正后的全文 output
  --fix-as <revisions|direct>   Word 文档（.docx）的修正方式：revisions（默认）作为修订（作者 gongwen-lint）写入，
                                可在 Word/WPS 中逐条接受或拒绝；direct 直接改写文字。配置文件中为 "fixAs"
  --annotate                    为每份 Word 文档另存一份带批注的副本（请示.docx → 请示.检查.docx），
                                每个问题一条批注，原文件不变；Markdown 和文本文件照常检查
  --annotate-dir <目录>         批注副本写到此目录（默认与原文件同目录）

屏蔽已有问题（逐步清理存量草稿）：
  --suppress-all                把现有的全部错误按文件和规则计数，记入 gongwen-lint-suppressions.json，
                                以后只报告超出记录的部分
  --suppress-rule <规则>        只记录这条规则的错误，可重复
  --prune-suppressions          从记录中删去已经改正的部分
  --suppressions-location <路径>
                                屏蔽记录的位置（默认当前目录下的 gongwen-lint-suppressions.json）
  --pass-on-unpruned-suppressions
                                记录中有已改正的问题时不以退出码 2 结束

缓存与分片：
  --cache                       只重新检查改动过的文件
  --cache-location <路径>       缓存文件的位置（默认 .gongwenlintcache）
  --shard <序号/总数>           只检查全部文件中的一份，如 --shard 1/4，用于并行的 CI 任务
  --concurrency <数量|auto>     检查用的线程数（默认 auto：文件足够多时用 CPU 数减一个线程）

编辑器：
  --lsp                         作为语言服务器（LSP）经标准输入输出运行，供编辑器调用

  -h, --help                    显示本帮助
  -v, --version                 显示版本号

退出码：0 没有错误（可以有警告）；1 有错误，或警告多于 --max-warnings；
        2 参数、配置有误，或有文件不存在、无法读取（其他文件的结果照常输出）。
`;

/** A problem with how the command was called: reported on one line of stderr, exit code 2. */
class UsageError extends Error {
  override name = 'UsageError';
}

type FixMode = boolean | 'dry-run';

interface CliOptions {
  patterns: string[];
  stdin: boolean;
  stdinFilename?: string;
  format: FormatName;
  outputFile?: string;
  quiet: boolean;
  maxWarnings?: number;
  configFile?: string;
  cliRules?: RulesConfig;
  ignore: boolean;
  ignorePatterns: string[];
  reportUnusedDisableDirectives: boolean;
  fix: FixMode;
  fixAs?: 'revisions' | 'direct';
  /** `--annotate`: where the commented copies of Word drafts go (undefined: beside each draft). */
  annotate?: { directory?: string };
  encoding?: string;
  cache: boolean;
  cacheLocation?: string;
  shard?: Shard;
  /** Threads that lint; undefined: chosen from the CPU count and the number of files. */
  concurrency?: number;
  verbose: boolean;
  /** Bulk suppressions: record every rule's errors (`--suppress-all`) or these rules' (`--suppress-rule`). */
  suppressAll: boolean;
  suppressRules: string[];
  pruneSuppressions: boolean;
  suppressionsLocation?: string;
  passOnUnprunedSuppressions: boolean;
}

type Command =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'list-rules' }
  | { kind: 'print-config'; filePath: string; options: CliOptions }
  | { kind: 'lint'; options: CliOptions };

const OPTIONS = {
  stdin: { type: 'boolean' },
  'stdin-filename': { type: 'string' },
  format: { type: 'string', short: 'f' },
  'output-file': { type: 'string', short: 'o' },
  quiet: { type: 'boolean' },
  'max-warnings': { type: 'string' },
  config: { type: 'string', short: 'c' },
  rule: { type: 'string', multiple: true },
  'ignore-pattern': { type: 'string', multiple: true },
  'no-ignore': { type: 'boolean' },
  'report-unused-disable-directives': { type: 'boolean' },
  'list-rules': { type: 'boolean' },
  'print-config': { type: 'string' },
  fix: { type: 'boolean' },
  'fix-dry-run': { type: 'boolean' },
  'fix-as': { type: 'string' },
  annotate: { type: 'boolean' },
  'annotate-dir': { type: 'string' },
  encoding: { type: 'string' },
  cache: { type: 'boolean' },
  'cache-location': { type: 'string' },
  shard: { type: 'string' },
  concurrency: { type: 'string' },
  verbose: { type: 'boolean' },
  'suppress-all': { type: 'boolean' },
  'suppress-rule': { type: 'string', multiple: true },
  'prune-suppressions': { type: 'boolean' },
  'suppressions-location': { type: 'string' },
  'pass-on-unpruned-suppressions': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

/** parseArgs reports in English; this names the option in a Chinese sentence. */
function translateParseError(error: unknown): UsageError {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  // Node quotes the option as '--bogus', or as '-f, --format <value>' when it has a short form.
  const option = /'(?:-\w, )?(-{1,2}[^',\s]+)/.exec(message)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    return new UsageError(`未知选项 ${option}（用 --help 查看全部选项；以 - 开头的文件名请写在 -- 之后）`);
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return /does not take an argument/.test(message)
      ? new UsageError(`选项 ${option} 不接受取值`)
      : new UsageError(`选项 ${option} 缺少取值`);
  }
  return new UsageError(`无法解析命令行参数：${message}`);
}

async function parseRuleFlags(values: readonly string[]): Promise<RulesConfig | undefined> {
  if (values.length === 0) return undefined;
  const { parseRuleFlag } = await import('../core/config/rule-flag.js');
  const merged: Record<string, RulesConfig[string]> = {};
  for (const value of values) Object.assign(merged, parseRuleFlag(value));
  return merged;
}

async function parseCommandLine(argv: readonly string[]): Promise<Command> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw translateParseError(error);
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };
  if (values['list-rules']) return { kind: 'list-rules' };

  const { FORMAT_NAMES, isFormatName } = await import('./formatters/index.js');
  const format = values.format ?? 'stylish';
  if (!isFormatName(format)) throw new UsageError(`--format 的值“${format}”无效，可选：${FORMAT_NAMES.join('、')}`);

  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    const text = values['max-warnings'];
    if (!/^\d+$/.test(text)) throw new UsageError(`--max-warnings 的值“${text}”无效，应为非负整数，如 --max-warnings 0`);
    maxWarnings = Number(text);
  }

  let shard: Shard | undefined;
  if (values.shard !== undefined) {
    const { parseShard } = await import('./shard.js');
    const parsedShard = parseShard(values.shard);
    if (typeof parsedShard === 'string') throw new UsageError(parsedShard);
    shard = parsedShard;
  }

  let concurrency: number | undefined;
  if (values.concurrency !== undefined && values.concurrency !== 'auto') {
    if (!/^[1-9]\d*$/.test(values.concurrency)) {
      throw new UsageError(`--concurrency 的值“${values.concurrency}”无效，应为正整数或 auto，如 --concurrency 2`);
    }
    concurrency = Number(values.concurrency);
  }

  if (values.encoding !== undefined) {
    // iconv-lite is CommonJS typed as a namespace; under ESM its API is the default export.
    const { default: iconv } = (await import('iconv-lite')) as unknown as { default: typeof import('iconv-lite') };
    if (!iconv.encodingExists(values.encoding)) {
      throw new UsageError(`--encoding 的值“${values.encoding}”不是已知的编码，可用如 utf-8、gb18030、gbk、utf-16le`);
    }
  }
  if (values['cache-location'] === '') throw new UsageError('--cache-location 的值不能为空');
  if (values.fix && values['fix-dry-run']) throw new UsageError('--fix 与 --fix-dry-run 不能同时使用：前者写回文件，后者只显示改动');
  const fixAs = values['fix-as'];
  if (fixAs !== undefined && fixAs !== 'revisions' && fixAs !== 'direct') {
    throw new UsageError(`--fix-as 的值“${fixAs}”无效，可选：revisions（作为修订写入）、direct（直接改写）`);
  }
  if (values['annotate-dir'] === '') throw new UsageError('--annotate-dir 的值不能为空');
  const annotate = values.annotate === true || values['annotate-dir'] !== undefined;

  const dashIndex = positionals.indexOf('-');
  const stdin = values.stdin === true || dashIndex !== -1;
  const patterns = positionals.filter((positional) => positional !== '-');
  if (stdin && patterns.length > 0) throw new UsageError(`从标准输入读取时不能再指定文件（收到“${patterns[0]}”）`);
  if (values['stdin-filename'] !== undefined && !stdin) throw new UsageError('--stdin-filename 只能与 --stdin 或 - 一起使用');
  const suppressRules = values['suppress-rule'] ?? [];
  if (values['suppress-all'] && suppressRules.length > 0) throw new UsageError('--suppress-all 与 --suppress-rule 不能同时使用：前者已包括全部规则');
  if (stdin && (values['suppress-all'] || suppressRules.length > 0 || values['prune-suppressions'])) {
    throw new UsageError('屏蔽记录按文件计数，不能用于标准输入：请检查文件');
  }
  if (suppressRules.length > 0) {
    const { rulesById } = await import('./cli-modules.js');
    const unknown = suppressRules.find((id) => !rulesById.has(id));
    if (unknown !== undefined) throw new UsageError(`--suppress-rule 指向不存在的规则“${unknown}”（用 --list-rules 查看全部规则）`);
  }
  if (values['suppressions-location'] === '') throw new UsageError('--suppressions-location 的值不能为空');
  if (annotate && stdin) throw new UsageError('--annotate 要在原文件旁写副本，不能用于标准输入；请直接给出 .docx 文件');

  const options: CliOptions = {
    patterns,
    stdin,
    stdinFilename: values['stdin-filename'],
    format,
    outputFile: values['output-file'],
    quiet: values.quiet === true,
    maxWarnings,
    configFile: values.config,
    cliRules: await parseRuleFlags(values.rule ?? []),
    ignore: values['no-ignore'] !== true,
    ignorePatterns: values['ignore-pattern'] ?? [],
    reportUnusedDisableDirectives: values['report-unused-disable-directives'] === true,
    fix: values['fix-dry-run'] ? 'dry-run' : values.fix === true,
    fixAs,
    annotate: annotate ? { directory: values['annotate-dir'] === undefined ? undefined : resolve(values['annotate-dir']) } : undefined,
    encoding: values.encoding,
    cache: values.cache === true,
    cacheLocation: values['cache-location'],
    shard,
    concurrency,
    verbose: values.verbose === true,
    suppressAll: values['suppress-all'] === true,
    suppressRules,
    pruneSuppressions: values['prune-suppressions'] === true,
    suppressionsLocation: values['suppressions-location'],
    passOnUnprunedSuppressions: values['pass-on-unpruned-suppressions'] === true,
  };
  if (values['print-config'] !== undefined) return { kind: 'print-config', filePath: values['print-config'], options };
  if (!stdin && patterns.length === 0) {
    throw new UsageError('没有指定要检查的文件：请给出文件、目录或通配符，如 gongwen-lint 草稿.md（用 --help 查看用法）');
  }
  return { kind: 'lint', options };
}

async function listRules(): Promise<string> {
  const { rules, displayWidth, loadDisplayWidth } = await import('./cli-modules.js');
  await loadDisplayWidth();
  const header = ['规则', '默认级别', '可修正', '说明'];
  const rows = rules.map((rule) => [rule.id, rule.severity === 'error' ? '错误' : rule.severity === 'warn' ? '警告' : '关闭', rule.fixable ? '是' : '', rule.description]);
  const widths = header.slice(0, 3).map((title, column) => Math.max(displayWidth(title), ...rows.map((row) => displayWidth(row[column]))));
  const pad = (text: string, width: number): string => text + ' '.repeat(width - displayWidth(text));
  return `${[header, ...rows].map((row) => `${row.slice(0, 3).map((cell, column) => pad(cell, widths[column])).join('  ')}  ${row[3]}`).join('\n')}\n`;
}

async function printConfig(filePath: string, options: CliOptions): Promise<string> {
  const { calculateConfigForFile } = await import('./cli-modules.js');
  const config = calculateConfigForFile(filePath, { cwd: process.cwd(), configFile: options.configFile, cliRules: options.cliRules });
  return `${JSON.stringify(config, null, 2)}\n`;
}

async function readStandardInput(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** A lint result with the text it was linted from, so that a dry run can show what would change (and the HTML report its lines). */
type ResultWithSource = LintResult & { source?: string; lines?: ViewLine[]; annotated?: { path: string; comments: number; skipped: number } };

/** Standard input linted, and with `--fix` its fixed text as bytes in the input's own encoding. */
interface StandardInputResult {
  result: ResultWithSource;
  fixedBytes?: Buffer;
}

/** Lints standard input under the configuration that a file of that name in the working directory would get. */
async function lintStandardInput(options: CliOptions): Promise<StandardInputResult> {
  const { decodeDraft, encodeDraft, ConfigResolver, rulesById, linter, fixText, loadWordTable } = await import('./cli-modules.js');
  // One text, linted in several places below: the word table is loaded up front rather than on demand.
  await loadWordTable();
  const cwd = process.cwd();
  const filePath = options.stdinFilename === undefined ? '<stdin>' : resolve(cwd, options.stdinFilename);
  const input = await readStandardInput();
  const resolver = new ConfigResolver({ cwd, configFile: options.configFile, cliRules: options.cliRules });
  const rules = resolver.rulesFor(options.stdinFilename === undefined ? resolve(cwd, 'stdin') : filePath);
  const format = linter.formatForPath(options.stdinFilename);
  if (format === 'docx') return lintStandardInputAsWord(input, filePath, rules, resolver.fixAsFor(filePath), options);
  const draft = decodeDraft(input, { encoding: options.encoding, filePath });
  if (format === 'markdown') await linter.loadMarkdownParser();
  const lintOnce = (text: string): LintResult =>
    linter.lintSource(text, { filePath, format, rules, reportUnusedDisableDirectives: options.reportUnusedDisableDirectives }, rulesById);
  // The HTML report shows the text: its lines go with the result.
  const withLines = async <R extends LintResult>(result: R, text: string): Promise<R> => {
    if (options.format !== 'html') return result;
    const { documentLines } = await import('./cli-modules.js');
    return { ...result, lines: documentLines(linter.parseDocument(text, format)) };
  };
  if (!options.fix) return { result: await withLines(lintOnce(draft.text), draft.text) };
  const fixed = fixText(draft.text, lintOnce);
  if (options.fix === true) return { result: fixed.result, fixedBytes: encodeDraft(fixed.output, draft) };
  const result: ResultWithSource = { ...(await withLines(fixed.result, fixed.output)), source: draft.text };
  if (fixed.output !== draft.text) result.output = fixed.output;
  return { result };
}

/**
 * A .docx on standard input; a package that cannot be read is one fatal problem, as for a file. With `--fix`
 * the fixed package goes to standard output (the input itself when nothing was fixed).
 */
async function lintStandardInputAsWord(
  bytes: Uint8Array,
  filePath: string,
  rules: ResolvedRules,
  configFixAs: 'revisions' | 'direct' | undefined,
  options: CliOptions,
): Promise<StandardInputResult> {
  const [{ rulesById, linter, countMessages, problemMessage, wordFixAsRevisions, refusalNote, loadWordSupport }, { DocxError }, { fixDocx }] = await Promise.all([
    import('./cli-modules.js'),
    import('../core/docx/errors.js'),
    import('../core/docx/fix-docx.js'),
  ]);
  await loadWordSupport();
  const lint = (document: GwDocument): LintResult =>
    linter.lintDocument(document, { filePath, format: 'docx', rules, reportUnusedDisableDirectives: options.reportUnusedDisableDirectives }, rulesById);
  try {
    if (!options.fix) {
      const document = linter.parseDocument(bytes, 'docx');
      if (options.format !== 'html') return { result: lint(document) };
      const { documentLines } = await import('./cli-modules.js');
      return { result: { ...lint(document), lines: documentLines(document) } };
    }
    const fixed = fixDocx(bytes, { parse: (input) => linter.parseDocument(input, 'docx'), lint, revisions: wordFixAsRevisions(options.fixAs, configFixAs) });
    if (options.verbose) for (const refusal of fixed.refused) process.stderr.write(`gongwen-lint：${refusalNote(refusal)}\n`);
    if (options.fix === true) return { result: fixed.result, fixedBytes: Buffer.from(fixed.bytes) };
    const result: ResultWithSource = { ...fixed.result, source: fixed.original.source };
    if (fixed.document.source !== fixed.original.source) result.output = fixed.document.source;
    return { result };
  } catch (error) {
    if (!(error instanceof DocxError)) throw error;
    const result = countMessages(filePath, [problemMessage(`${filePath}：${error.message}`)]);
    return options.fix === true ? { result, fixedBytes: Buffer.from(bytes) } : { result };
  }
}

async function lintPatterns(options: CliOptions, stream?: LintFilesOptions['stream']): Promise<ResultWithSource[]> {
  const { lintFiles } = await import('./cli-modules.js');
  return lintFiles(options.patterns, {
    stream,
    cwd: process.cwd(),
    configFile: options.configFile,
    cliRules: options.cliRules,
    ignore: options.ignore,
    ignorePatterns: options.ignorePatterns,
    reportUnusedDisableDirectives: options.reportUnusedDisableDirectives,
    encoding: options.encoding,
    fix: options.fix,
    view: options.format === 'html',
    // Only stylish shows the sentence of each finding.
    excerpts: options.format === 'stylish',
    fixAs: options.fixAs,
    annotate: options.annotate,
    cache: options.cache,
    cacheLocation: options.cacheLocation,
    shard: options.shard,
    concurrency: options.concurrency,
    onNote: options.verbose ? (note) => process.stderr.write(`gongwen-lint：${note}\n`) : undefined,
  });
}

/** Whether a result has findings, from its counts: every finding is an error or a warning. */
function hasFindings(result: LintResult): boolean {
  return result.errorCount + result.warningCount > 0;
}

/**
 * The result as lintFiles documents it, for the formatter: without the text kept for the diff. A result
 * with nothing to leave out is passed as it is: copying one replayed from the cache would parse its findings.
 */
function asDocumented(result: ResultWithSource): LintResult {
  if (!('source' in result) && !('annotated' in result)) return result;
  const { source: _source, annotated: _annotated, ...documented } = result;
  return documented;
}

/** Keeps only errors (`--quiet`), recounting; fatal problems are errors and always stay. */
function errorsOnly(result: ResultWithSource): ResultWithSource {
  const messages: LintMessage[] = result.messages.filter((message) => message.severity === 2);
  return { ...result, messages, warningCount: 0, fixableWarningCount: 0 };
}

/** Unified diffs of what `--fix` would change, one per changed file. */
async function dryRunDiffs(results: readonly ResultWithSource[], cwd: string): Promise<string> {
  const changed = results.filter(
    (result): result is ResultWithSource & { source: string; output: string } => result.output !== undefined && result.source !== undefined,
  );
  if (changed.length === 0) return '';
  const [{ unifiedDiff }, { displayPath }] = await Promise.all([import('./formatters/unified-diff.js'), import('./cli-modules.js')]);
  return changed.map((result) => unifiedDiff(displayPath(result.filePath, cwd), result.source, result.output)).join('');
}

function describeWriteError(error: unknown): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case 'EEXIST':
    case 'ENOTDIR':
      return '路径中的某一级是文件而不是目录';
    case 'EISDIR':
      return '这是一个目录';
    case 'EACCES':
    case 'EPERM':
      return '没有写入权限';
    case 'ENOSPC':
      return '磁盘空间不足';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

function useColor(options: CliOptions): boolean {
  if (options.outputFile !== undefined) return false;
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  const force = process.env.FORCE_COLOR;
  if (force !== undefined && force !== '' && force !== '0' && force !== 'false') return true;
  return process.stdout.isTTY === true;
}

/** Pieces are gathered into writes of about this many characters: one write per file's result was slow. */
const WRITE_CHUNK = 64 * 1024;

/** The pieces of a report, ending it with a line break unless it is empty or ends with one. */
function* reportPieces(output: FormatterOutput): Generator<string | Uint8Array> {
  let endsWithLineBreak = true;
  for (const piece of typeof output === 'string' ? [output] : output) {
    if (piece.length === 0) continue;
    yield piece;
    endsWithLineBreak = typeof piece === 'string' ? piece.endsWith('\n') : piece[piece.length - 1] === 10;
  }
  if (!endsWithLineBreak) yield '\n';
}

/** Writes a report to a stream in chunks (see reportPieces). */
function writeReport(output: FormatterOutput, write: (text: string | Uint8Array) => void): void {
  let pending = '';
  for (const piece of reportPieces(output)) {
    if (typeof piece !== 'string') {
      // Bytes are written after the text before them, as a copy: a stream may still hold them when the
      // formatter writes the next piece over them (FormatterOutput).
      if (pending !== '') write(pending);
      pending = '';
      write(Buffer.from(piece));
      continue;
    }
    pending += piece;
    if (pending.length >= WRITE_CHUNK) {
      write(pending);
      pending = '';
    }
  }
  if (pending !== '') write(pending);
}

/** One `fs.write` as a promise of the bytes written. */
function writeSome(file: number, bytes: Uint8Array, offset: number): Promise<number> {
  return new Promise((resolveWrite, rejectWrite) => {
    write(file, bytes, offset, bytes.length - offset, null, (error, written) => (error ? rejectWrite(error) : resolveWrite(written)));
  });
}

/** A write may take less than asked (a full disk, a signal); this goes on until all is written or it fails. */
async function writeAll(file: number, bytes: Uint8Array): Promise<void> {
  let written = 0;
  while (written < bytes.length) written += await writeSome(file, bytes, written);
}

/** The two buffers a report file is written through. */
const FILE_BUFFER = 1024 * 1024;

/**
 * Writes a report to a file through two buffers, each piece encoded straight into one (see reportPieces)
 * while the other is written by libuv's thread pool: the copy into the file (0.5 s of a SARIF report of
 * 146 MB) runs on another core beside the formatter instead of after each megabyte. Joining the pieces into
 * chunks and encoding each chunk into a buffer of its own took twice the time on a report of 48 MB: every
 * chunk was copied once more to flatten it, and allocated.
 */
async function writeReportToFile(output: FormatterOutput, file: number): Promise<void> {
  let buffer = Buffer.allocUnsafeSlow(FILE_BUFFER);
  let spare = Buffer.allocUnsafeSlow(FILE_BUFFER);
  let used = 0;
  // The write of the buffer filled before, if one is under way; awaited before its buffer is filled again.
  let writing: Promise<void> | undefined;
  const flush = async (): Promise<void> => {
    if (writing) await writing;
    writing = used > 0 ? writeAll(file, buffer.subarray(0, used)) : undefined;
    [buffer, spare] = [spare, buffer];
    used = 0;
  };
  try {
    for (const piece of reportPieces(output)) {
      // A UTF-16 code unit takes at most three bytes of UTF-8.
      const mostBytes = typeof piece === 'string' ? piece.length * 3 : piece.length;
      if (mostBytes > FILE_BUFFER - used) {
        await flush();
        if (mostBytes > FILE_BUFFER) {
          await flush();
          // Written before the next piece is asked for, which may be written over lent bytes.
          await writeAll(file, typeof piece === 'string' ? Buffer.from(piece) : piece);
          continue;
        }
      }
      if (typeof piece === 'string') {
        used += buffer.write(piece, used);
      } else {
        buffer.set(piece, used);
        used += piece.length;
      }
    }
    await flush();
    await flush();
  } catch (error) {
    // The file is closed once this returns: no write of it may still be under way (nor fail unheard).
    await writing?.catch(() => undefined);
    throw error;
  }
}

function writeStdout(output: FormatterOutput): void {
  writeReport(output, (text) => process.stdout.write(text));
}

/** What a formatter is told about the run: the rules described from the registry, the version for SARIF only. */
function formatterContext(options: CliOptions, cwd: string, color: boolean, rules: readonly RuleMeta[]): FormatterContext {
  return {
    cwd,
    color,
    rules: rules.map(({ id, description, severity, fixable }) => ({ id, description, severity, fixable })),
    version: options.format === 'sarif' ? packageVersion() : '',
  };
}

/** Formats the results and writes the report (to stderr: the findings left after `--fix` of standard input). */
async function writeFormatted(options: CliOptions, results: ResultWithSource[], cwd: string, reportToStderr: boolean): Promise<void> {
  const { loadFormatter, rules, loadDisplayWidth } = await import('./cli-modules.js');
  const formatter = await loadFormatter(options.format);
  const shown = options.quiet ? results.map(errorsOnly) : results;
  // stylish measures its columns with string-width, slow to load: only a report with findings shows columns.
  if (options.format === 'stylish' && shown.some(hasFindings)) await loadDisplayWidth();
  // The source text is only for the diff; the formatters print results as lintFiles documents them.
  const report = formatter(
    shown.map(asDocumented),
    formatterContext(options, cwd, !reportToStderr && useColor(options), rules),
  );
  if (reportToStderr) {
    writeReport(report, (text) => process.stderr.write(text));
  } else if (options.outputFile === undefined) {
    writeStdout(report);
  } else {
    const target = resolve(cwd, options.outputFile);
    try {
      await mkdir(dirname(target), { recursive: true });
      const file = openSync(target, 'w');
      try {
        await writeReportToFile(report, file);
      } finally {
        closeSync(file);
      }
    } catch (error) {
      throw new UsageError(`无法写入 --output-file ${options.outputFile}（${describeWriteError(error)}）`);
    }
  }
}

/**
 * Runs of fewer files report as before: their report is small, and streaming would load the formatter and
 * string-width before linting, for a run that may find nothing (a pre-commit hook's few drafts).
 */
const FILES_TO_STREAM = 100;

/**
 * The results a run expects before linting: those known (missing paths, broken configs) and one without findings
 * for each file to lint, in path order (both lists are).
 */
function expectedResults(filePaths: readonly string[], known: readonly LintResult[]): LintResult[] {
  const expected: LintResult[] = [];
  let next = 0;
  for (const filePath of filePaths) {
    while (next < known.length && known[next].filePath <= filePath) expected.push(known[next++]);
    expected.push({ filePath, messages: [], errorCount: 0, warningCount: 0, fixableErrorCount: 0, fixableWarningCount: 0, fatalErrorCount: 0 });
  }
  while (next < known.length) expected.push(known[next++]);
  return expected;
}

/** What a run whose report is streamed has counted of the results it did not keep. */
interface StreamTotals {
  errors: number;
  warnings: number;
  fatal: boolean;
  files: number;
  withProblems: number;
}

/**
 * The streamed report's part of a run (report-stream.ts), for the runs whose report can be written as the
 * results arrive: stylish, and SARIF to an --output-file (its start may have to be written again, see
 * sarifReport), of files neither fixed nor annotated, without --cache (a replay holds its findings as JSON text,
 * parsed only when read) nor a bulk suppressions file (applied to all the results at once). undefined for the
 * others; JSON is written at the end (see report-stream.ts for why).
 */
async function reportStream(
  options: CliOptions,
  cwd: string,
): Promise<{ stream: NonNullable<LintFilesOptions['stream']>; totals: StreamTotals; report: () => StreamedReport | undefined } | undefined> {
  const format = options.format;
  if (format !== 'stylish' && (format !== 'sarif' || options.outputFile === undefined)) return undefined;
  if (options.fix !== false || options.annotate || options.cache) return undefined;
  if (options.suppressAll || options.suppressRules.length > 0 || options.pruneSuppressions) return undefined;
  const { rules, suppressions } = await import('./cli-modules.js');
  if (existsSync(resolve(cwd, options.suppressionsLocation ?? suppressions.DEFAULT_SUPPRESSIONS_FILE))) return undefined;
  const outputFile = options.outputFile === undefined ? undefined : resolve(cwd, options.outputFile);
  const totals: StreamTotals = { errors: 0, warnings: 0, fatal: false, files: 0, withProblems: 0 };
  let report: StreamedReport | undefined;
  const stream = async (filePaths: readonly string[], known: readonly ResultWithSource[]): Promise<((results: ResultWithSource[]) => void) | undefined> => {
    if (filePaths.length < FILES_TO_STREAM) return undefined;
    // The report file must not be truncated before it is read as a draft of the run.
    if (outputFile !== undefined && filePaths.includes(outputFile)) return undefined;
    const { StreamedReport } = await import('./report-stream.js');
    const context = formatterContext(options, cwd, useColor(options), rules);
    let writer: ReportWriter;
    if (format === 'sarif') {
      const { sarifReport } = await import('./formatters/sarif.js');
      writer = sarifReport(context, expectedResults(filePaths, options.quiet ? known.map(errorsOnly) : known));
    } else {
      const [{ stylishReport }, { loadDisplayWidth }] = await Promise.all([import('./formatters/stylish.js'), import('./formatters/width.js')]);
      await loadDisplayWidth();
      writer = stylishReport(context);
    }
    const streamed = new StreamedReport(writer, outputFile);
    report = streamed;
    return (results) => {
      for (const result of results) {
        totals.errors += result.errorCount;
        totals.warnings += result.warningCount;
        if (result.fatalErrorCount > 0) totals.fatal = true;
        if (hasFindings(result)) totals.withProblems++;
      }
      totals.files += results.length;
      streamed.add(options.quiet ? results.map(errorsOnly) : results);
    };
  };
  return { stream, totals, report: () => report };
}

/**
 * Applies the bulk suppressions file to the results, first recording (`--suppress-all`, `--suppress-rule`)
 * or pruning (`--prune-suppressions`) when asked. Returns the results left to report and how many recorded
 * entries no longer occur.
 */
async function applyBulkSuppressions(results: ResultWithSource[], options: CliOptions, cwd: string): Promise<{ results: ResultWithSource[]; unusedEntries: number }> {
  const { suppressions } = await import('./cli-modules.js');
  const location = resolve(cwd, options.suppressionsLocation ?? suppressions.DEFAULT_SUPPRESSIONS_FILE);
  let counts = suppressions.readSuppressions(location);
  const recording = options.suppressAll || options.suppressRules.length > 0;
  // Nothing recorded and nothing to record: the results stay as they are (and those replayed from the cache unparsed).
  if (!recording && !options.pruneSuppressions && Object.keys(counts).length === 0) return { results, unusedEntries: 0 };
  if (recording) counts = suppressions.recordSuppressions(counts, results, cwd, options.suppressAll ? undefined : options.suppressRules);
  const applied = suppressions.applySuppressions(results, counts, cwd);
  let unusedEntries = suppressions.countEntries(applied.unused);
  if (options.pruneSuppressions) {
    counts = suppressions.pruneSuppressions(counts, applied.unused, cwd);
    unusedEntries = 0;
  }
  if (recording || options.pruneSuppressions) {
    try {
      await suppressions.writeSuppressions(location, counts);
    } catch (error) {
      throw new UsageError(`无法写入屏蔽记录 ${location}（${describeWriteError(error)}）`);
    }
  }
  if (applied.suppressedCount > 0) {
    process.stderr.write(`gongwen-lint：${applied.suppressedCount} 个已有的错误按 ${relative(cwd, location) || location} 的记录未报告\n`);
  }
  return { results: applied.results, unusedEntries };
}

async function runLint(options: CliOptions): Promise<number> {
  const started = performance.now();
  const cwd = process.cwd();
  const standardInput = options.stdin ? await lintStandardInput(options) : undefined;
  const streamed = standardInput ? undefined : await reportStream(options, cwd);
  let results = standardInput ? [standardInput.result] : await lintPatterns(options, streamed?.stream);
  // Not streamed (too few files, or not in path order): lintFiles handed every result over, reported as usual.
  const streamedReport = streamed?.report();
  if (options.annotate) {
    const { displayPath } = await import('./cli-modules.js');
    for (const { annotated } of results) {
      if (!annotated) continue;
      const skipped = annotated.skipped > 0 ? `；页眉、页脚、脚注、尾注、文本框和内容控件中的 ${annotated.skipped} 个问题未加批注` : '';
      process.stderr.write(`gongwen-lint：已写入批注副本 ${displayPath(annotated.path, cwd)}（${annotated.comments} 条批注${skipped}）\n`);
    }
    const others = results.filter((result) => !/\.docx$/i.test(result.filePath) && !result.messages.some((message) => message.fatal)).length;
    if (others > 0) process.stderr.write(`gongwen-lint：--annotate 只为 Word 文档（.docx）写批注副本，另有 ${others} 个 Markdown 或文本文件照常检查，未写副本\n`);
  }
  let unusedSuppressions = 0;
  if (!standardInput) ({ results, unusedEntries: unusedSuppressions } = await applyBulkSuppressions(results, options, cwd));
  // `--fix` on standard input: the fixed text is the output, so the findings that remain go to stderr.
  const reportToStderr = standardInput?.fixedBytes !== undefined && options.outputFile === undefined;
  if (standardInput?.fixedBytes) process.stdout.write(standardInput.fixedBytes);

  let { errors, warnings, fatal, files, withProblems } = streamed?.totals ?? { errors: 0, warnings: 0, fatal: false, files: 0, withProblems: 0 };
  for (const result of results) {
    errors += result.errorCount;
    warnings += result.warningCount;
    // Counted, not looked up: a result replayed from the cache parses its findings only when they are read.
    if (result.fatalErrorCount > 0) fatal = true;
  }

  const machineReadable = options.format === 'json' || options.format === 'sarif' || options.format === 'github';
  if (options.fix === 'dry-run' && !machineReadable) writeStdout(await dryRunDiffs(results, cwd));

  if (streamedReport) {
    try {
      await streamedReport.finish();
    } catch (error) {
      if ((error as Error).name !== 'ReportWriteError') throw error;
      throw new UsageError(`无法写入 --output-file ${options.outputFile}（${describeWriteError(error)}）`);
    }
  } else await writeFormatted(options, results, cwd, reportToStderr);

  if (options.verbose) {
    files += results.length;
    withProblems += results.filter(hasFindings).length;
    const elapsed = Math.round(performance.now() - started);
    process.stderr.write(`gongwen-lint：检查了 ${files} 个文件，${withProblems} 个有问题，用时 ${elapsed} 毫秒\n`);
  }

  if (fatal) return EXIT_FATAL;
  if (unusedSuppressions > 0 && !options.passOnUnprunedSuppressions) {
    process.stderr.write(
      `gongwen-lint：屏蔽记录中有 ${unusedSuppressions} 项的问题已改正或减少：请加 --prune-suppressions 更新记录，或加 --pass-on-unpruned-suppressions 不因此失败\n`,
    );
    return EXIT_FATAL;
  }
  if (errors > 0) return EXIT_PROBLEMS;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    process.stderr.write(`gongwen-lint：发现 ${warnings} 个警告，超过 --max-warnings 允许的 ${options.maxWarnings} 个\n`);
    return EXIT_PROBLEMS;
  }
  return EXIT_OK;
}

async function main(argv: readonly string[]): Promise<number> {
  // Before the usual parsing: editors add arguments of their own (`--stdio`), and the server loads only here.
  if (argv.includes('--lsp')) {
    const { startLanguageServer } = await import('./lsp/server.js');
    startLanguageServer();
    return EXIT_OK;
  }
  const command = await parseCommandLine(argv);
  switch (command.kind) {
    case 'help':
      writeStdout(HELP);
      return EXIT_OK;
    case 'version':
      writeStdout(packageVersion());
      return EXIT_OK;
    case 'list-rules':
      writeStdout(await listRules());
      return EXIT_OK;
    case 'print-config':
      writeStdout(await printConfig(command.filePath, command.options));
      return EXIT_OK;
    case 'lint':
      return runLint(command.options);
  }
}

/** Errors whose message is written for the user (names the file or flag, says what to do). */
const EXPECTED_ERRORS = new Set(['UsageError', 'ConfigError', 'SuppressionsError', 'DraftReadError', 'BinaryFileError', 'DraftWriteError']);

/** Usage and configuration errors are one line naming the problem; anything else is a bug and keeps its stack. */
function reportFailure(error: unknown): void {
  const expected = error instanceof Error && EXPECTED_ERRORS.has(error.name);
  const text = expected ? (error as Error).message : error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`gongwen-lint：${expected ? text.replace(/\s*\n\s*/g, ' ') : text}\n`);
}

// `gongwen-lint … | head` closes the pipe early: that is the reader's choice, not a failure worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? EXIT_OK);
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    reportFailure(error);
    process.exitCode = EXIT_FATAL;
  },
);
