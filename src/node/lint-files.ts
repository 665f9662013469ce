import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { relative, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { rules as registry } from '../../rules/index.js';
import { DEFAULT_CACHE_LOCATION, hashConfig, LintCache } from './cache.js';
import { ConfigError, type ResolvedRules, type RulesConfig } from '../core/config/resolve-rules.js';
import { ConfigResolver } from './config/load.js';
import { expandPatterns, type PatternProblem } from './files.js';
import type { LintMessage } from '../core/linter.js';
import type { FileLintResult, LintedFile, LintJob, LintOneFileOptions, WorkerSetup } from './lint-one-file.js';
import { countMessages, problemMessage } from '../core/results.js';
import { selectShard, type Shard } from './shard.js';
import { packageVersion } from './version.js';
import { unpackMessages, type WorkerReply } from './packed-messages.js';

export type { FileLintResult, LintOneFileOptions } from './lint-one-file.js';

export interface LintFilesOptions extends LintOneFileOptions {
  /** `--cache`: reuse the findings of files whose content and configuration are unchanged. */
  cache?: boolean;
  /** Where the cache lives (default `.gongwenlintcache` in cwd). */
  cacheLocation?: string;
  /** `--shard i/n`: lint only that part of the files. */
  shard?: Shard;
  /** Threads that lint (the main thread counts as one); undefined picks one per CPU but one when there are enough files (see threadCount). */
  concurrency?: number;
  /**
   * Asked once the files to lint are known (the paths, in order) with the results known before linting (missing
   * paths, broken configs; sorted): a function that takes all the results in their sorted order as soon as every
   * result before them is known, or undefined to have them returned. When it gives one, lintFiles keeps none of
   * the results and returns none. Asked only when the files are linted in path order, as expandPatterns lists them.
   */
  stream?: (filePaths: readonly string[], known: readonly FileLintResult[]) => Promise<((results: FileLintResult[]) => void) | undefined>;
  /** Receives notes for `--verbose`, e.g. a binary file skipped during a directory walk. */
  onNote?: (note: string) => void;
  cwd: string;
  /** Use this config file instead of looking for `.gongwenrc.*` (see ConfigOptions.configFile). */
  configFile?: string;
  /** `--rule` settings, applied over every config. */
  cliRules?: RulesConfig;
  /** false: `--no-ignore`. */
  ignore: boolean;
  ignorePatterns: readonly string[];
}

/** Below this many files a worker thread costs more to start (it loads the parser and rules) than it saves. */
const FILES_PER_WORKER = 150;
/** Files sent to a worker at once: large enough to keep message overhead small, small enough to balance. */
const WORKER_BATCH = 16;
/** Files in flight on the main thread, to overlap reading with linting. */
const MAIN_THREAD_BATCH = 4;

/**
 * One thread per CPU but one: V8's own threads (concurrent marking, compilers) keep about half a core busy
 * for every thread that lints, so on two CPUs a worker never paid (2,000 drafts: 0.55 s on the main thread
 * alone, 0.66 s with a worker; 10,000: 1.51 s and 1.57 s). On drafts full of findings neither: of 4.6 s of
 * CPU on one thread, V8's threads took 1.9 s (mostly optimising compiles), and a worker compiles all again
 * (6.5 s with one, and 45 MiB more; see docs/benchmarks.md).
 */
function threadCount(files: number, concurrency: number | undefined): number {
  if (concurrency !== undefined) return Math.max(1, Math.min(concurrency, files));
  return Math.max(1, Math.min(availableParallelism() - 1, Math.floor(files / FILES_PER_WORKER)));
}

/**
 * Lints the jobs on `threads` threads: the main thread and `threads - 1` workers take batches from one queue,
 * so a slow file never holds up the rest. Results come back by job index, independent of timing; `onLinted`
 * is told each time some have arrived.
 */
async function runJobs(
  jobs: readonly LintJob[],
  setup: WorkerSetup,
  threads: number,
  onLinted?: (results: (LintedFile | undefined)[]) => void,
): Promise<(LintedFile | undefined)[]> {
  const results: (LintedFile | undefined)[] = new Array(jobs.length);
  let next = 0;
  const take = (size: number): [number, number] => {
    const start = next;
    next = Math.min(jobs.length, next + size);
    return [start, next];
  };
  const lintOnMainThread = async (): Promise<void> => {
    // Loaded only when something must be linted: an unchanged --cache run never loads the parser.
    const { lintOneFile } = await import('./lint-one-file.js');
    while (next < jobs.length) {
      const [start, end] = take(MAIN_THREAD_BATCH);
      const batch = await Promise.all(
        jobs.slice(start, end).map((job) => lintOneFile(job.filePath, { rules: setup.configs[job.configIndex], fixAs: job.fixAs }, setup.options, job.cachedHash)),
      );
      batch.forEach((result, offset) => (results[start + offset] = result));
      onLinted?.(results);
      // Let worker messages in between batches: parsing is synchronous and would otherwise starve them.
      await new Promise((resolveTurn) => setImmediate(resolveTurn));
    }
  };
  const lintOnWorker = (): Promise<void> =>
    new Promise((resolveWorker, rejectWorker) => {
      const worker = new Worker(new URL('./lint-worker.js', import.meta.url), { workerData: setup });
      // Two batches in flight: the worker starts the next while the main thread, busy with its own files, has not yet taken the last reply.
      const inFlight: [number, number][] = [];
      const sendNext = (): void => {
        const range = take(WORKER_BATCH);
        if (range[0] === range[1]) {
          if (inFlight.length === 0) void worker.terminate().then(() => resolveWorker());
          return;
        }
        inFlight.push(range);
        worker.postMessage(jobs.slice(range[0], range[1]));
      };
      worker.on('message', (reply: WorkerReply) => {
        const [start] = inFlight.shift()!;
        const messages = unpackMessages(reply.packed);
        reply.results.forEach((result, offset) => {
          result.messages = messages[offset];
          results[start + offset] = result;
        });
        onLinted?.(results);
        sendNext();
      });
      worker.on('error', rejectWorker);
      sendNext();
      sendNext();
    });
  await Promise.all([lintOnMainThread(), ...Array.from({ length: threads - 1 }, lintOnWorker)]);
  return results;
}

function comparePaths(a: FileLintResult, b: FileLintResult): number {
  return a.filePath < b.filePath ? -1 : a.filePath > b.filePath ? 1 : 0;
}

/** RegExp options (compiled from config strings) must key the cache by their source, not as `{}`. */
function configKey(rules: ResolvedRules, options: LintOneFileOptions): string {
  return hashConfig([[...rules], options.reportUnusedDisableDirectives, options.encoding ?? null], (_key, value: unknown) =>
    value instanceof RegExp ? value.toString() : value,
  );
}

/**
 * Lints the files that the patterns name: discovery (expandPatterns), the shard, each file's config, the
 * cache, then lintOneFile on one or more threads. A missing path, a pattern that matches nothing, an
 * unreadable file or a broken config file becomes a result with one fatal message, and the other files are
 * still linted; a binary file met while walking a directory is skipped with a note. Throws ConfigError only
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
  const files = options.shard ? selectShard(expanded.files, options.shard, (path) => relative(cwd, path)) : expanded.files;
  // The cache replays findings; a fixing or annotating run, and a report that shows the text, must look at the text itself.
  const cache = options.cache && !options.fix && !options.annotate && !options.view ? await LintCache.load(resolve(cwd, options.cacheLocation ?? DEFAULT_CACHE_LOCATION), packageVersion()) : undefined;
  const fileOptions: LintOneFileOptions = {
    reportUnusedDisableDirectives: options.reportUnusedDisableDirectives,
    encoding: options.encoding,
    fix: options.fix,
    view: options.view,
    fixAs: options.fixAs,
    annotate: options.annotate,
    // Stored findings keep their excerpts: the run that replays them may show them.
    excerpts: options.excerpts !== false || cache !== undefined,
  };
  const configIndex = new Map<ResolvedRules, number>();
  const configKeys: string[] = [];
  const jobs: LintJob[] = [];
  const fingerprints = new Map<string, { size: number; mtimeMs: number; configKey: string }>();
  for (const filePath of files) {
    let rules: ResolvedRules;
    try {
      rules = resolver.rulesFor(filePath);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      results.push(countMessages(filePath, [problemMessage(error.message)]));
      continue;
    }
    let index = configIndex.get(rules);
    if (index === undefined) {
      index = configIndex.size;
      configIndex.set(rules, index);
      if (cache) configKeys.push(configKey(rules, fileOptions));
    }
    if (!cache) {
      const fixAs = options.fix ? resolver.fixAsFor(filePath) : undefined;
      jobs.push(fixAs ? { filePath, configIndex: index, fixAs } : { filePath, configIndex: index });
      continue;
    }
    // Synchronous: 2,000 sequential promise round trips were most of an unchanged --cache run.
    const info = statSync(filePath, { throwIfNoEntry: false });
    const key = configKeys[index];
    const stored = info && cache.byMetadata(filePath, info.size, info.mtimeMs, key);
    if (stored) {
      results.push(stored);
      continue;
    }
    if (info) fingerprints.set(filePath, { size: info.size, mtimeMs: info.mtimeMs, configKey: key });
    jobs.push({ filePath, configIndex: index, cachedHash: cache.hashFor(filePath, key) ?? null });
  }
  const explicitFiles = new Set(patterns.map((pattern) => resolve(cwd, pattern)));
  /** A linted file's result as reported (its notes told, the cache updated), or undefined for a binary file skipped. */
  const settle = (result: LintedFile): FileLintResult | undefined => {
    const { contentHash, unchanged, binary, notes, ...plain } = result;
    for (const note of notes ?? []) options.onNote?.(note);
    if (binary && !explicitFiles.has(result.filePath)) {
      options.onNote?.(plain.messages[0]?.message ?? `${result.filePath}：不是文本文件，已跳过`);
      return undefined;
    }
    const fingerprint = fingerprints.get(result.filePath);
    if (cache && unchanged) return cache.refresh(result.filePath, fingerprint) ?? countMessages(result.filePath, []);
    if (cache && fingerprint && contentHash && plain.fatalErrorCount === 0) {
      cache.store(result.filePath, { ...fingerprint, contentHash, result: plain });
    } else cache?.forget(result.filePath);
    return plain;
  };
  const setup: WorkerSetup = { configs: [...configIndex.keys()], options: fileOptions };
  const threads = threadCount(jobs.length, options.concurrency);
  results.sort(comparePaths);
  const sink = inPathOrder(jobs) ? await options.stream?.(jobs.map((job) => job.filePath), results) : undefined;
  if (sink) {
    // The jobs are in path order; the other results (problems, broken configs, cache replays) are merged in.
    const others = results;
    let nextOther = 0;
    let nextJob = 0;
    const emit = (linted: (LintedFile | undefined)[]): void => {
      const ready: FileLintResult[] = [];
      for (; nextJob < linted.length && linted[nextJob] !== undefined; nextJob++) {
        const result = settle(linted[nextJob]!);
        linted[nextJob] = undefined;
        if (!result) continue;
        while (nextOther < others.length && comparePaths(others[nextOther], result) <= 0) ready.push(others[nextOther++]);
        ready.push(result);
      }
      if (nextJob === linted.length) while (nextOther < others.length) ready.push(others[nextOther++]);
      if (ready.length > 0) sink(ready);
    };
    if (jobs.length > 0) await runJobs(jobs, setup, threads, emit);
    else emit([]);
    await cache?.save();
    return [];
  }
  const linted = jobs.length === 0 ? [] : await runJobs(jobs, setup, threads);
  for (const result of linted) {
    const settled = settle(result!);
    if (settled) results.push(settled);
  }
  await cache?.save();
  return results.sort(comparePaths);
}

/** Whether the jobs stand in the order lintFiles sorts its results in (expandPatterns sorts the files so). */
function inPathOrder(jobs: readonly LintJob[]): boolean {
  for (let i = 1; i < jobs.length; i++) if (jobs[i - 1].filePath > jobs[i].filePath) return false;
  return true;
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
