import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { applySuppressions, pruneSuppressions, recordSuppressions } from '../../src/node/suppressions.js';
import { countMessages } from '../../src/core/results.js';
import type { LintMessage } from '../../src/core/linter.js';
import { runCli } from '../helpers/run-cli.js';
import { makeProject } from './make-project.js';

const NOTICE = '请各单位于X月X日前报送材料,;\n\n会议定于X月X日召开。\n';
const CLEAN = '全县干部职工认真学习贯彻会议精神。\n';

let cleanup: (() => void)[] = [];
afterEach(() => {
  for (const remove of cleanup) remove();
  cleanup = [];
});

function project(files: Record<string, string>) {
  const made = makeProject(files, 'gongwen-suppress-');
  cleanup.push(made.remove);
  return made;
}

function recorded(directory: string, name = 'gongwen-lint-suppressions.json'): unknown {
  return JSON.parse(readFileSync(join(directory, name), 'utf8'));
}

describe('bulk suppressions from the command line', () => {
  it('--suppress-all records errors per file and rule, and later runs report none of them', () => {
    const { directory } = project({ 'docs/通知.md': NOTICE, 'docs/学习.md': CLEAN });
    expect(runCli(['docs'], { cwd: directory }).status).toBe(1);
    const suppress = runCli(['docs', '--suppress-all', '--format', 'compact'], { cwd: directory });
    expect(suppress.status).toBe(0);
    expect(suppress.stdout).toBe('');
    expect(recorded(directory)).toEqual({
      // `,;` is one finding (punctuation-sequence), not also a half-width one.
      'docs/通知.md': { 'no-placeholder': { count: 2 }, 'punctuation-sequence': { count: 1 } },
    });
    const later = runCli(['docs', '--format', 'compact'], { cwd: directory });
    expect(later).toMatchObject({ status: 0, stdout: '' });
    expect(later.stderr).toContain('3 个已有的错误按 gongwen-lint-suppressions.json 的记录未报告');
  });

  it('a finding that moved down because text was added above it stays suppressed', () => {
    const { directory, write } = project({ 'docs/通知.md': NOTICE });
    runCli(['docs', '--suppress-all'], { cwd: directory });
    write('docs/通知.md', `# 关于报送年度工作总结的通知\n\n根据工作安排，现将有关事项通知如下。\n\n${NOTICE}`);
    expect(runCli(['docs', '--format', 'compact'], { cwd: directory })).toMatchObject({ status: 0, stdout: '' });
  });

  it('one error more than recorded reports every error of that rule in the file, as ESLint does', () => {
    const { directory, write } = project({ 'docs/通知.md': NOTICE });
    runCli(['docs', '--suppress-all'], { cwd: directory });
    write('docs/通知.md', `${NOTICE}\n联系人：某某，电话：XXXXXXXX。\n`);
    const run = runCli(['docs', '--format', 'compact'], { cwd: directory });
    expect(run.status).toBe(1);
    const rules = run.stdout.trim().split('\n').map((line) => /\[([a-z-]+)\]$/.exec(line)?.[1]);
    expect(rules).toEqual(['no-placeholder', 'no-placeholder', 'no-placeholder', 'no-placeholder']);
    expect(run.stderr).toContain('1 个已有的错误');
  });

  it('--suppress-rule records only the named rules and keeps the others reported', () => {
    const { directory } = project({ 'docs/通知.md': NOTICE });
    expect(runCli(['docs', '--suppress-rule', 'no-placeholder'], { cwd: directory }).status).toBe(1);
    expect(recorded(directory)).toEqual({ 'docs/通知.md': { 'no-placeholder': { count: 2 } } });
    const run = runCli(['docs', '--format', 'compact'], { cwd: directory });
    expect(run.stdout).not.toContain('no-placeholder');
    expect(run.stdout).toContain('[punctuation-sequence]');
    expect(runCli(['docs', '--suppress-rule', 'no-such-rule'], { cwd: directory })).toMatchObject({ status: 2 });
    expect(runCli(['docs', '--suppress-all', '--suppress-rule', 'no-placeholder'], { cwd: directory }).status).toBe(2);
  });

  it('fixed findings make the run fail until --prune-suppressions lowers the counts', () => {
    const { directory, write } = project({ 'docs/通知.md': NOTICE, 'docs/旧稿.md': '定于X月召开。\n' });
    runCli(['docs', '--suppress-all'], { cwd: directory });
    write('docs/通知.md', '请各单位于12月1日前报送材料。\n\n会议定于X月X日召开。\n');
    const stale = runCli(['docs'], { cwd: directory });
    expect(stale.status).toBe(2);
    expect(stale.stderr).toContain('--prune-suppressions');
    expect(runCli(['docs', '--pass-on-unpruned-suppressions'], { cwd: directory }).status).toBe(0);
    expect(runCli(['docs', '--prune-suppressions'], { cwd: directory }).status).toBe(0);
    expect(recorded(directory)).toEqual({ 'docs/旧稿.md': { 'no-placeholder': { count: 1 } }, 'docs/通知.md': { 'no-placeholder': { count: 1 } } });
    expect(runCli(['docs'], { cwd: directory }).status).toBe(0);
  });

  it('--suppressions-location keeps the record elsewhere, and only that one is read', () => {
    const { directory } = project({ 'docs/通知.md': NOTICE });
    runCli(['docs', '--suppress-all', '--suppressions-location', 'config/存量问题.json'], { cwd: directory });
    expect(existsSync(join(directory, 'gongwen-lint-suppressions.json'))).toBe(false);
    expect(recorded(directory, 'config/存量问题.json')).toHaveProperty(['docs/通知.md', 'no-placeholder', 'count'], 2);
    expect(runCli(['docs'], { cwd: directory }).status).toBe(1);
    expect(runCli(['docs', '--suppressions-location', 'config/存量问题.json'], { cwd: directory }).status).toBe(0);
  });

  it('a broken record is a usage error naming the file', () => {
    const { directory } = project({ 'docs/通知.md': NOTICE, 'gongwen-lint-suppressions.json': '{"docs/通知.md": {"no-placeholder": 2}}' });
    const run = runCli(['docs'], { cwd: directory });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('屏蔽记录');
    expect(run.stderr).toContain('gongwen-lint-suppressions.json');
  });

  it('standard input cannot record suppressions', () => {
    const { directory } = project({});
    expect(runCli(['--stdin', '--suppress-all'], { cwd: directory }).status).toBe(2);
  });
});

describe('suppression counting', () => {
  const error = (ruleId: string, line: number, severity: 1 | 2 = 2): LintMessage => ({ ruleId, severity, message: '', line, column: 1, endLine: line, endColumn: 2 });

  it('warnings are neither recorded nor suppressed', () => {
    const results = [countMessages('/repo/a.md', [error('no-placeholder', 1), error('punctuation-form', 2, 1)])];
    const counts = recordSuppressions({}, results, '/repo');
    expect(counts).toEqual({ 'a.md': { 'no-placeholder': { count: 1 } } });
    const applied = applySuppressions(results, counts, '/repo');
    expect(applied.results[0].messages.map((message) => message.ruleId)).toEqual(['punctuation-form']);
    expect(applied.results[0]).toMatchObject({ errorCount: 0, warningCount: 1 });
    expect(applied.suppressedCount).toBe(1);
  });

  it('recording for some files keeps the entries of files not linted this time', () => {
    const counts = recordSuppressions({ 'b.md': { 'no-placeholder': { count: 3 } } }, [countMessages('/repo/a.md', [error('paragraph-end', 4)])], '/repo');
    expect(counts).toEqual({ 'a.md': { 'paragraph-end': { count: 1 } }, 'b.md': { 'no-placeholder': { count: 3 } } });
  });

  it('pruning drops the entries of files that no longer exist', () => {
    expect(pruneSuppressions({ '不存在的草稿.md': { 'no-placeholder': { count: 1 } } }, {}, '/')).toEqual({});
  });
});
