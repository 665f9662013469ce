import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type * as LintFilesModule from '../../src/node/lint-files.js';
import type * as CorpusModule from '../../bench/corpus.js';

// Worker threads load the built dist/src/node/lint-worker.js, so this test uses the built modules (`npm test` builds first).
const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
let directory: string;
let lintFiles: typeof LintFilesModule.lintFiles;

beforeAll(async () => {
  if (!existsSync(join(dist, 'src/node/lint-worker.js'))) throw new Error('run `npm run build` first (npm test does)');
  ({ lintFiles } = (await import(join(dist, 'src/node/lint-files.js'))) as typeof LintFilesModule);
  const { generateCorpus } = (await import(join(dist, 'bench/corpus.js'))) as typeof CorpusModule;
  directory = mkdtempSync(join(tmpdir(), 'gongwen-workers-'));
  generateCorpus({
    directory,
    files: 120,
    bytesPerFile: 3000,
    seed: 7,
    sources: [fileURLToPath(new URL('../../examples', import.meta.url)), fileURLToPath(new URL('../../../shared/corpus/real', import.meta.url))],
  });
});
afterAll(() => rmSync(directory, { recursive: true, force: true }));

it('finds exactly the same, in the same order, on one thread and on several', async () => {
  const options = { cwd: directory, ignore: true, ignorePatterns: [], reportUnusedDisableDirectives: false };
  const single = await lintFiles(['.'], { ...options, concurrency: 1 });
  const several = await lintFiles(['.'], { ...options, concurrency: 3 });
  expect(single.length).toBe(120);
  expect(single.reduce((sum, result) => sum + result.messages.length, 0)).toBeGreaterThan(50);
  expect(several).toEqual(single);
});

it('prints the same JSON from the CLI with --concurrency 1 and 3, and rejects a bad value', async () => {
  const { spawnSync } = await import('node:child_process');
  const run = (...args: string[]) => spawnSync(process.execPath, [join(dist, 'bin/cli.js'), '--format', 'json', ...args, directory], { encoding: 'utf8' });
  const one = run('--concurrency', '1');
  const three = run('--concurrency', '3');
  expect(one.status).toBe(1);
  expect(three.stdout).toBe(one.stdout);
  expect((JSON.parse(one.stdout) as unknown[]).length).toBe(120);
  const bad = run('--concurrency', 'many');
  expect(bad.status).toBe(2);
  expect(bad.stderr).toContain('--concurrency');
});
