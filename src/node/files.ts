import { existsSync, readFileSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';

/** What a directory walk (and an extension-less glob) picks up. A file named explicitly may have any extension. */
export const LINTABLE_EXTENSIONS: readonly string[] = ['.md', '.markdown', '.txt', '.docx'];

/** Never walked into, even with --no-ignore: dependencies and git's own files are not drafts. */
const ALWAYS_SKIPPED_DIRECTORIES: ReadonlySet<string> = new Set(['node_modules', '.git']);
const ALWAYS_SKIPPED_GLOBS = ['**/node_modules/**', '**/.git/**'];

/** Files in gitignore syntax, read in every directory from the repository root down. */
export const IGNORE_FILE_NAMES: readonly string[] = ['.gitignore', '.gongwenignore'];

export interface ExpandOptions {
  /** Resolves relative patterns; `--ignore-pattern` patterns are relative to it. */
  cwd: string;
  /** false (`--no-ignore`) turns off .gitignore, .gongwenignore, config `ignores` and `ignorePatterns`. */
  ignore: boolean;
  /** `--ignore-pattern` values, in gitignore syntax, relative to `cwd`. */
  ignorePatterns: readonly string[];
  /** The config `ignores`: returns the config file that excludes a path (file or directory), if any. */
  ignoredByConfig?: (path: string) => string | undefined;
}

export type PatternProblemKind = 'not-found' | 'no-match' | 'no-files' | 'all-ignored' | 'ignored-file' | 'unreadable';

/** A pattern that yielded nothing to lint, or an explicitly named file that is ignored. */
export interface PatternProblem {
  pattern: string;
  /** The pattern resolved against cwd (for a directory that could not be read, that directory). */
  filePath: string;
  kind: PatternProblemKind;
  /** 1: a warning (an ignored file named explicitly), 2: an error. */
  severity: 1 | 2;
  /** Chinese, naming the pattern. */
  message: string;
}

export interface ExpandedFiles {
  /** Absolute, unique, sorted. */
  files: string[];
  problems: PatternProblem[];
}

function isLintable(path: string): boolean {
  return LINTABLE_EXTENSIONS.includes(extname(path).toLowerCase()) && !isWordLockFile(path);
}

/**
 * Word and WPS keep `~$草稿.docx` beside an open document: a few bytes naming who has it open, not a draft.
 * Walks and globs pass over them; a lock file named on the command line is still read (and refused).
 */
function isWordLockFile(path: string): boolean {
  return basename(path).startsWith('~$');
}

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

/** `relative(from, to)` in posix form, or undefined when `to` is not inside `from`. */
function relativeInside(from: string, to: string): string | undefined {
  const path = relative(from, to);
  if (path === '' || path === '..' || path.startsWith(`..${sep}`) || isAbsolute(path)) return undefined;
  return toPosix(path);
}

interface IgnoreFile {
  directory: string;
  filePath: string;
  matcher: Ignore;
}

/** gitignore matching is case-sensitive where the filesystem usually is. */
const IGNORE_CASE = process.platform !== 'linux';

/**
 * Answers "is this path ignored, and by what" from .gitignore and .gongwenignore files (from the repository
 * root, or the filesystem root outside a repository, down to the path), then `--ignore-pattern`, then the
 * config's `ignores`. As in git, a file inside an ignored directory cannot be re-included. Every directory's
 * files, chain and verdict are cached, so a walk costs one lookup per directory.
 */
class IgnoreRules {
  private readonly cliMatcher: Ignore | undefined;
  private readonly chains = new Map<string, readonly IgnoreFile[]>();
  private readonly directoryVerdicts = new Map<string, string | undefined>();
  private readonly repositoryRoots = new Map<string, boolean>();

  constructor(
    private readonly cwd: string,
    ignorePatterns: readonly string[],
    private readonly ignoredByConfig: ((path: string) => string | undefined) | undefined,
  ) {
    this.cliMatcher = ignorePatterns.length > 0 ? ignore({ ignorecase: IGNORE_CASE }).add([...ignorePatterns]) : undefined;
  }

  private isRepositoryRoot(directory: string): boolean {
    let answer = this.repositoryRoots.get(directory);
    if (answer === undefined) {
      answer = existsSync(join(directory, '.git'));
      this.repositoryRoots.set(directory, answer);
    }
    return answer;
  }

  private readIgnoreFiles(directory: string): IgnoreFile[] {
    const found: IgnoreFile[] = [];
    for (const name of IGNORE_FILE_NAMES) {
      const filePath = join(directory, name);
      let text: string;
      try {
        text = readFileSync(filePath, 'utf8');
      } catch {
        continue;
      }
      found.push({ directory, filePath, matcher: ignore({ ignorecase: IGNORE_CASE }).add(text) });
    }
    return found;
  }

  /** The ignore files that apply inside `directory`, outermost first; the walk up stops at a `.git`. */
  private chainFor(directory: string): readonly IgnoreFile[] {
    const cached = this.chains.get(directory);
    if (cached) return cached;
    const unknown: string[] = [];
    let base: readonly IgnoreFile[] = [];
    for (let current = directory; ; ) {
      const known = this.chains.get(current);
      if (known) {
        base = known;
        break;
      }
      unknown.push(current);
      const parent = dirname(current);
      if (parent === current || this.isRepositoryRoot(current)) break;
      current = parent;
    }
    for (let i = unknown.length - 1; i >= 0; i--) {
      const own = this.readIgnoreFiles(unknown[i]);
      base = own.length > 0 ? [...base, ...own] : base;
      this.chains.set(unknown[i], base);
    }
    return base;
  }

  /** The verdict on the path itself, not looking at the directories above it. */
  private ownVerdict(path: string, isDirectory: boolean): string | undefined {
    const suffix = isDirectory ? '/' : '';
    let ignoredBy: string | undefined;
    // Ignore files outside a repository do not apply to it, nor to its root directory.
    const chain = isDirectory && this.isRepositoryRoot(path) ? [] : this.chainFor(dirname(path));
    for (const file of chain) {
      const relativePath = relativeInside(file.directory, path);
      if (relativePath === undefined) continue;
      const result = file.matcher.test(relativePath + suffix);
      if (result.ignored) ignoredBy = file.filePath;
      else if (result.unignored) ignoredBy = undefined;
    }
    if (ignoredBy) return ignoredBy;
    if (this.cliMatcher) {
      const relativePath = relativeInside(this.cwd, path);
      if (relativePath !== undefined && this.cliMatcher.ignores(relativePath + suffix)) return '--ignore-pattern';
    }
    return this.ignoredByConfig?.(path);
  }

  /** Whether a directory, or one above it up to the repository root, is ignored. */
  private directoryIgnoredBy(directory: string): string | undefined {
    if (this.directoryVerdicts.has(directory)) return this.directoryVerdicts.get(directory);
    const unknown: string[] = [];
    let verdict: string | undefined;
    for (let current = directory; ; ) {
      if (this.directoryVerdicts.has(current)) {
        verdict = this.directoryVerdicts.get(current);
        break;
      }
      unknown.push(current);
      const parent = dirname(current);
      if (parent === current || this.isRepositoryRoot(current)) break;
      current = parent;
    }
    for (let i = unknown.length - 1; i >= 0; i--) {
      verdict ??= this.ownVerdict(unknown[i], true);
      this.directoryVerdicts.set(unknown[i], verdict);
    }
    return verdict;
  }

  /** What ignores this path (an ignore file's path, `--ignore-pattern`, or a config file), if anything does. */
  ignoredBy(path: string, isDirectory: boolean): string | undefined {
    return this.directoryIgnoredBy(dirname(path)) ?? this.ownVerdict(path, isDirectory);
  }
}

interface WalkOutcome {
  files: string[];
  ignoredCount: number;
  unreadable: { directory: string; reason: string }[];
}

function describeFsError(error: unknown): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case 'ENOENT':
      return '不存在';
    case 'EACCES':
    case 'EPERM':
      return '没有读取权限';
    case 'ENOTDIR':
      return '不是目录';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

/** Collects lintable files under a directory, without recursion (trees can be deep). Symlinked directories are not followed. */
async function walkDirectory(root: string, rules: IgnoreRules | undefined): Promise<WalkOutcome> {
  const outcome: WalkOutcome = { files: [], ignoredCount: 0, unreadable: [] };
  const pending = [root];
  for (let directory = pending.pop(); directory !== undefined; directory = pending.pop()) {
    let entries;
    try {
      entries = await readdir(directory, { withFileTypes: true });
    } catch (error) {
      outcome.unreadable.push({ directory, reason: describeFsError(error) });
      continue;
    }
    for (const entry of entries) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) {
        if (ALWAYS_SKIPPED_DIRECTORIES.has(entry.name)) continue;
        if (rules?.ignoredBy(path, true)) outcome.ignoredCount++;
        else pending.push(path);
        continue;
      }
      if (!isLintable(entry.name)) continue;
      const isFile = entry.isFile() || (entry.isSymbolicLink() && (await stat(path).then((s) => s.isFile(), () => false)));
      if (!isFile) continue;
      if (rules?.ignoredBy(path, false)) outcome.ignoredCount++;
      else outcome.files.push(path);
    }
  }
  return outcome;
}

/**
 * A glob takes every file it matches when its last part ends in a literal extension (`*.docx`: the user
 * chose the type); otherwise (`docs/**`, `*.{md,txt}`) only lintable files, so images are not "linted".
 */
function globNamesExtension(pattern: string): boolean {
  const lastPart = pattern.slice(pattern.lastIndexOf('/') + 1);
  return /\.[\p{L}\p{N}_-]+$/u.test(lastPart);
}

function describeIgnoreSource(source: string, cwd: string): string {
  if (source === '--ignore-pattern') return '--ignore-pattern';
  const shown = relativeInside(cwd, source) ?? source;
  return IGNORE_FILE_NAMES.some((name) => source.endsWith(`${sep}${name}`)) ? shown : `${shown} 的 ignores`;
}

const NO_IGNORE_HINT = '如需检查，请加 --no-ignore';

/**
 * Turns command-line patterns into the files to lint. Each pattern is an existing path first (a file of any
 * extension, or a directory walked for .md/.markdown/.txt/.docx), else a glob. A pattern that yields nothing is a
 * problem; the other patterns still count.
 */
export async function expandPatterns(patterns: readonly string[], options: ExpandOptions): Promise<ExpandedFiles> {
  const rules = options.ignore ? new IgnoreRules(options.cwd, options.ignorePatterns, options.ignoredByConfig) : undefined;
  const files = new Set<string>();
  const problems: PatternProblem[] = [];
  const problem = (pattern: string, kind: PatternProblemKind, message: string, filePath = resolve(options.cwd, pattern)): void => {
    problems.push({ pattern, filePath, kind, severity: kind === 'ignored-file' ? 1 : 2, message });
  };
  for (const pattern of new Set(patterns)) {
    const path = resolve(options.cwd, pattern);
    const stats = await stat(path).catch((error: unknown) => error as NodeJS.ErrnoException);
    if (stats instanceof Error) {
      // tinyglobby (with fdir and picomatch) loads only for a path that does not exist: files and directories never need it.
      if (stats.code === 'ENOENT' && (await import('tinyglobby')).isDynamicPattern(pattern)) {
        await expandGlob(pattern);
      } else if (stats.code === 'ENOENT' || stats.code === 'ENOTDIR') {
        problem(pattern, 'not-found', `找不到文件或目录“${pattern}”，请检查路径`);
      } else {
        problem(pattern, 'unreadable', `无法访问“${pattern}”：${describeFsError(stats)}`);
      }
    } else if (stats.isDirectory()) {
      const ignoredBy = rules?.ignoredBy(path, true);
      if (ignoredBy) {
        problem(pattern, 'all-ignored', `目录“${pattern}”被 ${describeIgnoreSource(ignoredBy, options.cwd)} 忽略，未检查；${NO_IGNORE_HINT}`);
        continue;
      }
      const walked = await walkDirectory(path, rules);
      for (const file of walked.files) files.add(file);
      for (const { directory, reason } of walked.unreadable) {
        problem(pattern, 'unreadable', `无法读取目录“${relativeInside(options.cwd, directory) ?? directory}”：${reason}`, directory);
      }
      if (walked.files.length === 0 && walked.unreadable.length === 0) {
        if (walked.ignoredCount > 0) {
          problem(pattern, 'all-ignored', `目录“${pattern}”中的文件都被忽略规则（.gitignore、.gongwenignore、配置的 ignores 或 --ignore-pattern）排除，未检查；${NO_IGNORE_HINT}`);
        } else {
          problem(pattern, 'no-files', `目录“${pattern}”中没有可检查的文件（${LINTABLE_EXTENSIONS.join('、')}）`);
        }
      }
    } else {
      const ignoredBy = rules?.ignoredBy(path, false);
      if (ignoredBy) {
        problem(pattern, 'ignored-file', `文件“${pattern}”被 ${describeIgnoreSource(ignoredBy, options.cwd)} 忽略，未检查；${NO_IGNORE_HINT}`);
      } else {
        files.add(path);
      }
    }
  }
  return { files: [...files].sort(), problems };

  async function expandGlob(pattern: string): Promise<void> {
    const { glob } = await import('tinyglobby');
    const matched = await glob(pattern, {
      cwd: options.cwd,
      absolute: true,
      onlyFiles: true,
      dot: true,
      ignore: ALWAYS_SKIPPED_GLOBS,
    });
    const takeAll = globNamesExtension(pattern);
    const candidates = matched.map((file) => resolve(file)).filter((file) => (takeAll ? !isWordLockFile(file) : isLintable(file)));
    const kept = rules ? candidates.filter((file) => !rules.ignoredBy(file, false)) : candidates;
    for (const file of kept) files.add(file);
    if (kept.length > 0) return;
    if (candidates.length > 0) {
      problem(pattern, 'all-ignored', `与“${pattern}”匹配的文件都被忽略规则（.gitignore、.gongwenignore、配置的 ignores 或 --ignore-pattern）排除，未检查；${NO_IGNORE_HINT}`);
    } else {
      problem(pattern, 'no-match', `没有文件与“${pattern}”匹配，请检查模式和当前目录`);
    }
  }
}
