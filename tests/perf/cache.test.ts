import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lintFiles, type FileLintResult, type LintFilesOptions } from '../../src/node/lint-files.js';
import { FORMAT_NAMES, loadFormatter, outputText } from '../../src/node/formatters/index.js';
import { loadDisplayWidth } from '../../src/node/formatters/width.js';
import type { StoredJson } from '../../src/node/formatters/json.js';
import { packageVersion } from '../../src/node/version.js';

await loadDisplayWidth();

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

const cachePath = (): string => join(directory, '.cache', 'lint.json');

/** The cache file's lines after its header, by the file each is for. */
function cacheEntries(): Record<string, string> {
  const [, ...lines] = readFileSync(cachePath(), 'utf8').split('\n').filter((line) => line !== '');
  return Object.fromEntries(lines.map((line) => [JSON.parse(line.slice(0, line.indexOf('\t'))) as string, line]));
}

/** Rewrites the first finding's message stored for a.txt: only a run that replays the cache can return it. */
function plantMarker(): void {
  const text = readFileSync(cachePath(), 'utf8');
  const line = cacheEntries()[join(directory, 'a.txt')];
  writeFileSync(cachePath(), text.replace(line, line.replace(/"message":"(?:[^"\\]|\\.)*"/, '"message":"FROM-CACHE"')));
}

describe('--cache', () => {
  it('returns the same findings as a cold run, from the cache on the second run', async () => {
    const cold = await lintFiles(['.'], options({ cache: false }));
    const first = await lintFiles(['.'], options());
    expect(summary(first)).toEqual(summary(cold));
    expect(summary(cold).length).toBeGreaterThan(0);
    plantMarker();
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
    plantMarker();
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
    plantMarker();
    const text = readFileSync(cachePath(), 'utf8');
    const header = text.slice(0, text.indexOf('\n'));
    expect(header).toContain(`"version":"${packageVersion()}"`);
    writeFileSync(cachePath(), text.replace(header, header.replace(packageVersion(), '0.0.0-other')));
    const results = await lintFiles(['.'], options());
    expect(results.flatMap((r) => r.messages.map((m) => m.message))).not.toContain('FROM-CACHE');
  });

  it('ignores a cache in the format of earlier releases (one JSON object), and replaces it', async () => {
    const earlier = {
      version: packageVersion(),
      entries: Object.fromEntries(
        ['a.txt', 'b.txt'].map((name) => {
          const info = statSync(join(directory, name));
          const messages = [{ ruleId: 'no-placeholder', severity: 2, message: 'FROM-CACHE', line: 1, column: 1, endLine: 1, endColumn: 2 }];
          return [join(directory, name), { size: info.size, mtimeMs: info.mtimeMs, contentHash: 'x', configKey: 'x', messages }];
        }),
      ),
    };
    mkdirSync(join(directory, '.cache'));
    writeFileSync(cachePath(), JSON.stringify(earlier));
    const results = await lintFiles(['.'], options());
    expect(results.flatMap((r) => r.messages.map((m) => m.message))).not.toContain('FROM-CACHE');
    expect(summary(results)).toEqual(summary(await lintFiles(['.'], options({ cache: false }))));
    expect(Object.keys(cacheEntries()).sort()).toEqual([join(directory, 'a.txt'), join(directory, 'b.txt')]);
  });

  it('lints again the file whose line is damaged, and replays the others', async () => {
    await lintFiles(['.'], options());
    const text = readFileSync(cachePath(), 'utf8');
    const line = cacheEntries()[join(directory, 'a.txt')];
    writeFileSync(cachePath(), text.replace(line, line.slice(0, -10)));
    await lintFiles(['.'], options());
    expect(cacheEntries()[join(directory, 'a.txt')]).toBe(line);
    plantMarker();
    const results = await lintFiles(['.'], options());
    // a.txt was linted again and stored anew, so this second marker is replayed.
    expect(results.flatMap((r) => r.messages.map((m) => m.message))).toContain('FROM-CACHE');
    expect(summary(results)).toEqual(summary(await lintFiles(['.'], options({ cache: false }))));
  });

  it('replays results that every formatter writes exactly as from a cold run', async () => {
    writeFileSync(join(directory, 'c.md'), '# 关于X年度工作的通知\n\n各单位,现将“有关事项通知如下。。\n\n二、工作要求\n');
    const cold = await lintFiles(['.'], options({ cache: false }));
    await lintFiles(['.'], options());
    const replayed = await lintFiles(['.'], options());
    expect(replayed.every((result) => (result as StoredJson).storedJson !== undefined)).toBe(true);
    expect(replayed.every((result) => (result as StoredJson).storedJsonBytes !== undefined)).toBe(true);
    const context = { cwd: directory, color: false, rules: [], version: '0.0.0' };
    for (const name of FORMAT_NAMES.filter((format) => format !== 'html')) {
      const formatter = await loadFormatter(name);
      expect(outputText(formatter(replayed, context)), name).toBe(outputText(formatter(cold, context)));
    }
    // A copy whose findings are changed (--quiet, suppressions) is written from its findings, not from the stored JSON.
    const errorsOnly = replayed.map((result) => ({ ...result, messages: result.messages.filter((message) => message.severity === 2) }));
    const json = await loadFormatter('json');
    expect(outputText(json(errorsOnly, context))).toBe(outputText(json(cold.map((result) => ({ ...result, messages: result.messages.filter((message) => message.severity === 2) })), context)));
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
