import { resolve } from 'node:path';
import { rules as registry, rulesById } from '../rules/index.js';
import { ConfigError, type ResolvedRules, type RulesConfig } from './config/resolve-rules.js';
import { ConfigResolver } from './config/load.js';
import { expandPatterns, type PatternProblem } from './files.js';
import { fixText } from './fix.js';
import { readDraft, writeDraft, type Draft } from './io.js';
import { countMessages, formatForPath, lintDocument, parseDocument, type LintMessage, type LintResult } from './linter.js';

/**
 * A file's lint result. When fixing changed the text, `output` is the fixed text and `source` the text as
 * read, so that a dry run can print a diff; both are absent otherwise.
 */
export interface FileLintResult extends LintResult {
  source?: string;
}

/** What one file needs besides its path: plain data, so that it can be sent to a worker thread. */
export interface FileConfig {
  rules: ResolvedRules;
}

export interface LintOneFileOptions {
  reportUnusedDisableDirectives: boolean;
  /** Overrides encoding detection (`--encoding`). */
  encoding?: string;
  /** true: write fixes back; 'dry-run': compute them into `output` without writing. */
  fix?: boolean | 'dry-run';
}

export interface LintFilesOptions extends LintOneFileOptions {
  cwd: string;
  /** Use this config file instead of looking for `.gongwenrc.*` (see ConfigOptions.configFile). */
  configFile?: string;
  /** `--rule` settings, applied over every config. */
  cliRules?: RulesConfig;
  /** false: `--no-ignore`. */
  ignore: boolean;
  ignorePatterns: readonly string[];
}

/** A problem with a file (or a pattern) rather than a finding in it, in ESLint's shape: fatal when an error. */
export function problemMessage(message: string, severity: 1 | 2 = 2): LintMessage {
  const problem: LintMessage = { ruleId: null, severity, message, line: 1, column: 1, endLine: 1, endColumn: 1 };
  if (severity === 2) problem.fatal = true;
  return problem;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Reads, parses, lints and (if asked) fixes one file. Never throws: a file that cannot be read or written,
 * or a rule that crashes on it, becomes a fatal message on that file.
 */
export async function lintOneFile(filePath: string, config: FileConfig, options: LintOneFileOptions): Promise<FileLintResult> {
  let draft: Draft;
  try {
    draft = await readDraft(filePath, { encoding: options.encoding });
  } catch (error) {
    // readDraft's errors are Chinese and name the file already.
    return countMessages(filePath, [problemMessage(errorMessage(error))]);
  }
  const format = formatForPath(filePath);
  const lintOnce = (text: string): LintResult =>
    lintDocument(
      parseDocument(text, format),
      { filePath, format, rules: config.rules, reportUnusedDisableDirectives: options.reportUnusedDisableDirectives },
      rulesById,
    );
  try {
    if (!options.fix) return lintOnce(draft.text);
    const fixed = fixText(draft.text, lintOnce);
    if (fixed.output === draft.text) return fixed.result;
    if (options.fix === true) {
      try {
        await writeDraft(filePath, fixed.output, draft);
      } catch (error) {
        // Nothing was written, so report the findings of the file as it is on disk.
        const original = lintOnce(draft.text);
        return countMessages(filePath, [problemMessage(errorMessage(error)), ...original.messages]);
      }
    }
    return { ...fixed.result, output: fixed.output, source: draft.text };
  } catch (error) {
    return countMessages(filePath, [problemMessage(errorMessage(error))]);
  }
}

/** Enough files in flight to overlap reading with linting, few enough to stay far from the open-file limit. */
const CONCURRENCY = 16;

function comparePaths(a: FileLintResult, b: FileLintResult): number {
  return a.filePath < b.filePath ? -1 : a.filePath > b.filePath ? 1 : 0;
}

/**
 * Lints the files that the patterns name: discovery (expandPatterns), then each file's config, then
 * lintOneFile. A missing path, a pattern that matches nothing, an unreadable file or a broken config file
 * becomes a result with one fatal message, and the other files are still linted. Throws ConfigError only
 * for what concerns every file: an invalid `configFile` or `cliRules`. Results are sorted by path.
 */
export async function lintFiles(patterns: readonly string[], options: LintFilesOptions): Promise<FileLintResult[]> {
  const cwd = resolve(options.cwd);
  const resolver = new ConfigResolver({ cwd, configFile: options.configFile, cliRules: options.cliRules, registry });
  const expanded = await expandPatterns(patterns, {
    cwd,
    ignore: options.ignore,
    ignorePatterns: options.ignorePatterns,
    ignoredByConfig: (path) => resolver.ignoredBy(path),
  });
  const results: FileLintResult[] = problemResults(expanded.problems);
  const fileOptions: LintOneFileOptions = {
    reportUnusedDisableDirectives: options.reportUnusedDisableDirectives,
    encoding: options.encoding,
    fix: options.fix,
  };
  let next = 0;
  const lintNext = async (): Promise<void> => {
    while (next < expanded.files.length) {
      const filePath = expanded.files[next++];
      let rules: ResolvedRules;
      try {
        rules = resolver.rulesFor(filePath);
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        results.push(countMessages(filePath, [problemMessage(error.message)]));
        continue;
      }
      results.push(await lintOneFile(filePath, { rules }, fileOptions));
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, expanded.files.length) }, lintNext));
  return results.sort(comparePaths);
}

/** One result per problem path; two patterns naming the same missing path report it once. */
function problemResults(problems: readonly PatternProblem[]): FileLintResult[] {
  const messagesByPath = new Map<string, LintMessage[]>();
  for (const problem of problems) {
    const messages = messagesByPath.get(problem.filePath) ?? [];
    if (!messages.some((message) => message.message === problem.message)) messages.push(problemMessage(problem.message, problem.severity));
    messagesByPath.set(problem.filePath, messages);
  }
  return [...messagesByPath].map(([filePath, messages]) => countMessages(filePath, messages));
}
