import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lintFiles, type FileLintResult, type LintFilesOptions } from '../../src/node/lint-files.js';

let directory: string;
const draft = '关于X年度工作的通知\n\n各单位,现将有关事项通知如下。。\n';
const clean = '关于2024年度工作的通知\n\n各单位：现将有关事项通知如下。\n';

function options(extra: Partial<LintFilesOptions> = {}): LintFilesOptions {
  return {
    cwd: directory,
    ignore: true,
    ignorePatterns: [],
    reportUnusedDisableDirectives: false,
    cache: true,
    cacheLocation: join(directory, '.cache', 'lint.json'),
    concurrency: 1,
    ...extra,
  };
}

function summary(results: FileLintResult[]): string[] {
  return results.flatMap((result) => result.messages.map((m) => `${result.filePath.slice(directory.length)} ${m.line}:${m.column} ${m.ruleId}`));
}

beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'gongwen-cache-'));
  writeFileSync(join(directory, 'a.txt'), draft);
  writeFileSync(join(directory, 'b.txt'), clean);
});
afterEach(() => rmSync(directory, { recursive: true, force: true }));

function cacheEntries(): Record<string, { messages: unknown[] }> {
  return (JSON.parse(readFileSync(join(directory, '.cache', 'lint.json'), 'utf8')) as { entries: Record<string, { messages: unknown[] }> }).entries;
}

describe('--cache', () => {
  it('returns the same findings as a cold run, from the cache on the second run', async () => {
    const cold = await lintFiles(['.'], options({ cache: false }));
    const first = await lintFiles(['.'], options());
    expect(summary(first)).toEqual(summary(cold));
    expect(summary(cold).length).toBeGreaterThan(0);
    // Plant a marker in the stored findings: only a run that replays the cache can return it.
    const path = join(directory, '.cache', 'lint.json');
    const stored = JSON.parse(readFileSync(path, 'utf8')) as { entries: Record<string, { messages: { message: string }[] }> };
    stored.entries[join(directory, 'a.txt')].messages[0].message = 'FROM-CACHE';
    writeFileSync(path, JSON.stringify(stored));
    const second = await lintFiles(['.'], options());
    expect(second.flatMap((r) => r.messages.map((m) => m.message))).toContain('FROM-CACHE');
  });

  it('notices an edited file', async () => {
    await lintFiles(['.'], options());
    writeFileSync(join(directory, 'b.txt'), draft);
    const results = await lintFiles(['.'], options());
    expect(summary(results).filter((line) => line.startsWith('/b.txt')).length).toBeGreaterThan(0);
  });

  it('reuses findings when only the modification time changed', async () => {
    await lintFiles(['.'], options());
    const path = join(directory, '.cache', 'lint.json');
    const stored = JSON.parse(readFileSync(path, 'utf8')) as { entries: Record<string, { messages: { message: string }[] }> };
    stored.entries[join(directory, 'a.txt')].messages[0].message = 'FROM-CACHE';
    writeFileSync(path, JSON.stringify(stored));
    utimesSync(join(directory, 'a.txt'), new Date(2020, 0, 1), new Date(2020, 0, 1));
    const results = await lintFiles(['.'], options());
    expect(results.flatMap((r) => r.messages.map((m) => m.message))).toContain('FROM-CACHE');
  });

  it('notices an edited config', async () => {
    const first = await lintFiles(['.'], options());
    expect(summary(first).some((line) => line.endsWith('no-placeholder'))).toBe(true);
    writeFileSync(join(directory, '.gongwenrc.json'), JSON.stringify({ rules: { 'no-placeholder': 'off' } }));
    const second = await lintFiles(['.'], options());
    expect(summary(second).some((line) => line.endsWith('no-placeholder'))).toBe(false);
  });

  it('starts afresh from a corrupt cache file', async () => {
    await lintFiles(['.'], options());
    writeFileSync(join(directory, '.cache', 'lint.json'), '{not json');
    const results = await lintFiles(['.'], options());
    expect(summary(results)).toEqual(summary(await lintFiles(['.'], options({ cache: false }))));
    expect(Object.keys(cacheEntries()).length).toBe(2);
  });

  it('discards the cache of another gongwen-lint version', async () => {
    await lintFiles(['.'], options());
    const path = join(directory, '.cache', 'lint.json');
    const stored = JSON.parse(readFileSync(path, 'utf8')) as { version: string; entries: Record<string, { messages: { message: string }[] }> };
    stored.version = '0.0.0-other';
    stored.entries[join(directory, 'a.txt')].messages[0].message = 'FROM-CACHE';
    writeFileSync(path, JSON.stringify(stored));
    const results = await lintFiles(['.'], options());
    expect(results.flatMap((r) => r.messages.map((m) => m.message))).not.toContain('FROM-CACHE');
  });

  it('is not used by a fixing run, which must read the text', async () => {
    await lintFiles(['.'], options());
    await lintFiles(['a.txt'], options({ fix: true }));
    expect(readFileSync(join(directory, 'a.txt'), 'utf8')).not.toBe(draft);
  });
});

describe('--shard', () => {
  it('gives disjoint parts that together are the whole run', async () => {
    for (let i = 0; i < 30; i++) writeFileSync(join(directory, `draft-${i}.txt`), i % 2 ? draft : clean);
    const whole = summary(await lintFiles(['.'], options({ cache: false })));
    const parts = await Promise.all([1, 2, 3].map((index) => lintFiles(['.'], options({ cache: false, shard: { index, count: 3 } }))));
    const files = parts.map((part) => part.map((r) => r.filePath));
    expect(new Set(files.flat()).size).toBe(files.flat().length);
    expect(files.flat().length).toBe(32);
    expect(parts.flatMap(summary).sort()).toEqual([...whole].sort());
  });
});
