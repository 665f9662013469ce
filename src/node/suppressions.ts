/**
 * Bulk suppressions, as ESLint 9 has them: a file records, per file and rule, how many errors the drafts
 * already had when the check was turned on. Later runs report a rule's errors in a file only when there are
 * more than recorded, so old drafts can be cleaned up over time while new errors fail at once. Counts, not
 * positions: text added above an old finding does not bring it back.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, relative, resolve, sep } from 'node:path';
import type { LintMessage, LintResult } from '../core/linter.js';
import { countMessages } from '../core/results.js';

export const DEFAULT_SUPPRESSIONS_FILE = 'gongwen-lint-suppressions.json';

/** File path (relative to the working directory, with `/`) → rule id → how many of its errors are suppressed. */
export type SuppressionCounts = Record<string, Record<string, { count: number }>>;

/** A suppressions file that cannot be read as such; the message names it and says what to do. */
export class SuppressionsError extends Error {
  override name = 'SuppressionsError';
}

function isCounts(data: unknown): data is SuppressionCounts {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return false;
  return Object.values(data).every(
    (byRule) =>
      byRule !== null &&
      typeof byRule === 'object' &&
      !Array.isArray(byRule) &&
      Object.values(byRule as object).every((entry: unknown) => Number.isInteger((entry as { count?: unknown } | null)?.count)),
  );
}

/** The recorded counts; a missing file records nothing. */
export function readSuppressions(filePath: string): SuppressionCounts {
  let text: string;
  try {
    text = readFileSync(filePath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new SuppressionsError(`无法读取屏蔽记录 ${filePath}：${(error as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    data = undefined;
  }
  if (!isCounts(data)) {
    throw new SuppressionsError(`屏蔽记录 ${filePath} 的格式不对，应为 {"文件": {"规则": {"count": 数量}}}；可删除后用 --suppress-all 重新生成`);
  }
  return data;
}

/** Writes the counts with files and rules in sorted order, so that the file diffs well in version control. */
export async function writeSuppressions(filePath: string, counts: SuppressionCounts): Promise<void> {
  const sorted: SuppressionCounts = {};
  for (const file of Object.keys(counts).sort()) {
    const byRule: Record<string, { count: number }> = {};
    for (const ruleId of Object.keys(counts[file]).sort()) byRule[ruleId] = { count: counts[file][ruleId].count };
    if (Object.keys(byRule).length > 0) sorted[file] = byRule;
  }
  await mkdir(dirname(filePath), { recursive: true });
  // Loaded here: every run reads the suppressions file, few write it.
  // CommonJS typed as `export =`; under ESM its function is the default export.
  const { default: writeFileAtomic } = (await import('write-file-atomic')) as unknown as { default: typeof import('write-file-atomic') };
  await writeFileAtomic(filePath, `${JSON.stringify(sorted, null, 2)}\n`);
}

/** How a result's file is named in the suppressions file. */
export function suppressionKey(filePath: string, cwd: string): string {
  const path = relative(cwd, filePath);
  return sep === '/' ? path : path.split(sep).join('/');
}

/** Only errors are suppressed, as in ESLint: a warning never fails a run anyway. */
function isSuppressible(message: LintMessage): message is LintMessage & { ruleId: string } {
  return message.severity === 2 && message.ruleId !== null && message.fatal !== true;
}

function errorCounts(messages: readonly LintMessage[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const message of messages) if (isSuppressible(message)) counts.set(message.ruleId, (counts.get(message.ruleId) ?? 0) + 1);
  return counts;
}

/**
 * Records the current errors of the linted files: every rule's (`--suppress-all`) or only the given rules'
 * (`--suppress-rule`). A recorded rule with no errors left in a linted file is dropped; other files keep
 * their entries.
 */
export function recordSuppressions(
  previous: SuppressionCounts,
  results: readonly LintResult[],
  cwd: string,
  onlyRules?: readonly string[],
): SuppressionCounts {
  const next: SuppressionCounts = structuredClone(previous);
  const chosen = (ruleId: string): boolean => onlyRules === undefined || onlyRules.includes(ruleId);
  for (const result of results) {
    const key = suppressionKey(result.filePath, cwd);
    const byRule = { ...next[key] };
    for (const ruleId of Object.keys(byRule)) if (chosen(ruleId)) delete byRule[ruleId];
    for (const [ruleId, count] of errorCounts(result.messages)) if (chosen(ruleId)) byRule[ruleId] = { count };
    if (Object.keys(byRule).length > 0) next[key] = byRule;
    else delete next[key];
  }
  return next;
}

export interface AppliedSuppressions<R extends LintResult> {
  results: R[];
  /** Errors not reported because the file records them. */
  suppressedCount: number;
  /** Entries that record more errors than a linted file still has: the recorded count is lowered to this. */
  unused: SuppressionCounts;
}

/**
 * Leaves out a rule's errors in a file when there are no more of them than recorded. When there are more,
 * all of them are reported (which ones are new cannot be told without positions), as in ESLint.
 */
export function applySuppressions<R extends LintResult>(results: readonly R[], counts: SuppressionCounts, cwd: string): AppliedSuppressions<R> {
  let suppressedCount = 0;
  const unused: SuppressionCounts = {};
  const applied = results.map((result) => {
    const recorded = counts[suppressionKey(result.filePath, cwd)];
    if (!recorded) return result;
    const found = errorCounts(result.messages);
    const suppressedRules = new Set<string>();
    for (const [ruleId, { count }] of Object.entries(recorded)) {
      const current = found.get(ruleId) ?? 0;
      if (current <= count && current > 0) {
        suppressedRules.add(ruleId);
        suppressedCount += current;
      }
      if (current < count) (unused[suppressionKey(result.filePath, cwd)] ??= {})[ruleId] = { count: current };
    }
    if (suppressedRules.size === 0) return result;
    const kept = result.messages.filter((message) => !(isSuppressible(message) && suppressedRules.has(message.ruleId)));
    return { ...result, ...countMessages(result.filePath, kept) };
  });
  return { results: applied, suppressedCount, unused };
}

/**
 * `--prune-suppressions`: lowers each unused entry to what the file still has (dropping it at zero), and
 * drops the entries of files that no longer exist.
 */
export function pruneSuppressions(counts: SuppressionCounts, unused: SuppressionCounts, cwd: string): SuppressionCounts {
  const next: SuppressionCounts = {};
  for (const [file, byRule] of Object.entries(counts)) {
    if (!existsSync(resolve(cwd, file))) continue;
    const kept: Record<string, { count: number }> = {};
    for (const [ruleId, entry] of Object.entries(byRule)) {
      const lowered = unused[file]?.[ruleId]?.count ?? entry.count;
      if (lowered > 0) kept[ruleId] = { count: lowered };
    }
    if (Object.keys(kept).length > 0) next[file] = kept;
  }
  return next;
}

/** How many entries `unused` holds. */
export function countEntries(counts: SuppressionCounts): number {
  let entries = 0;
  for (const byRule of Object.values(counts)) entries += Object.keys(byRule).length;
  return entries;
}
