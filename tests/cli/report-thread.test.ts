/**
 * The report thread (src/node/report-thread.ts) through the built binary: a run over enough drafts writes
 * its stylish report there, and the report must be the one the main thread writes otherwise. A copy
 * of the bundle whose report-worker.js only throws tells which runs use the thread.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CLI = resolve('dist/bin/cli.js');

interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

function run(cli: string, args: readonly string[], cwd: string, env: Record<string, string> = {}): Run {
  const environment: Record<string, string | undefined> = { ...process.env, ...env };
  if (!('FORCE_COLOR' in env)) delete environment.FORCE_COLOR;
  delete environment.NO_COLOR;
  const child = spawnSync(process.execPath, [cli, ...args], { cwd, input: '', env: environment, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (child.error) throw child.error;
  if (child.status === null) throw new Error(`gongwen-lint was killed by ${child.signal}: ${child.stderr}`);
  return { status: child.status, stdout: child.stdout, stderr: child.stderr };
}

const workDirectories: string[] = [];
afterAll(() => {
  for (const directory of workDirectories) rmSync(directory, { recursive: true, force: true });
});

function temporaryDirectory(): string {
  const directory = mkdtempSync(join(tmpdir(), 'gongwen-report-thread-'));
  workDirectories.push(directory);
  return directory;
}

/** A line with 60 half-width commas between Chinese words: 60 punctuation-width findings. */
const DENSE_LINE = Array.from({ length: 60 }, (_, i) => `第${i + 1}项工作已经完成,继续推进`).join('。');

/**
 * Drafts with a clean one now and then; `.gongwenrc.json` with root: true. The report thread starts from 500
 * drafts and is used when the first 16 have 40 findings a draft: dense drafts have 60 half-width commas and a
 * few other findings, sparse ones a handful.
 */
function project(drafts: number, density: 'dense' | 'sparse' = 'dense'): string {
  const directory = temporaryDirectory();
  writeFileSync(join(directory, '.gongwenrc.json'), '{ "root": true }');
  mkdirSync(join(directory, '稿件'));
  for (let i = 0; i < drafts; i++) {
    const body = density === 'dense' ? DENSE_LINE : `第${i}项工作已经完成,请于XXXX年X月X日前报送总结。`;
    const text = i % 7 === 0 ? '关于做好年底工作的通知\n\n各单位：\n\n工作已经完成，下一步继续推进。\n' : `关于做好年底工作的通知\n\n各单位:\n\n${body}\n(一)加强组织领导\n`;
    writeFileSync(join(directory, '稿件', `${String(i).padStart(3, '0')}.${i % 3 === 0 ? 'md' : 'txt'}`), text);
  }
  return directory;
}

/** The bundle with a report thread that fails as it starts. */
let brokenCli: string;
beforeAll(() => {
  const copy = temporaryDirectory();
  cpSync(resolve('dist/bin'), join(copy, 'dist/bin'), { recursive: true });
  cpSync(resolve('package.json'), join(copy, 'package.json'));
  writeFileSync(join(copy, 'dist/bin/report-worker.js'), "throw new Error('报告线程故障');\n");
  brokenCli = join(copy, 'dist/bin/cli.js');
});

describe('a report written on the report thread', () => {
  const cwd = project(520);
  // A missing path sorts among the drafts and is merged into the report in its place.
  const patterns = ['稿件', '稿件/050-缺失.txt'];
  const cases: [string, string[]][] = [
    ['stylish', []],
    ['errors only', ['--quiet']],
    ['in colour', []],
    // Results from a lint worker arrive out of order and wait for those before them.
    ['linted on two threads', ['--concurrency', '2']],
  ];

  it.each(cases)('is the main thread’s report: %s', (name, flags) => {
    const env: Record<string, string> = name === 'in colour' ? { FORCE_COLOR: '1' } : {};
    const streamed = run(CLI, [...patterns, ...flags], cwd, env);
    expect(streamed.status).toBe(2);
    expect(streamed.stdout.length).toBeGreaterThan(100_000);
    // The run used the report thread: with a broken one it fails.
    const broken = run(brokenCli, [...patterns, ...flags], cwd, env);
    expect(broken.status).toBe(2);
    expect(broken.stderr).toContain('报告线程故障');
    // A bulk suppressions file, even an empty one, keeps the report on the main thread.
    const withSuppressions = temporaryDirectory();
    cpSync(cwd, withSuppressions, { recursive: true });
    writeFileSync(join(withSuppressions, 'gongwen-lint-suppressions.json'), '{}\n');
    const onMainThread = run(brokenCli, [...patterns, ...flags], withSuppressions, env);
    expect(onMainThread.stderr).toBe(streamed.stderr.replaceAll(cwd, withSuppressions));
    expect(onMainThread.status).toBe(2);
    expect(onMainThread.stdout).toBe(streamed.stdout.replaceAll(cwd, withSuppressions));
    const written = run(CLI, [...patterns, ...flags, '--output-file', '报告/结果.txt'], cwd, env);
    expect(written.stdout).toBe('');
    // A report file is never in colour.
    if (name !== 'in colour') expect(readFileSync(join(cwd, '报告/结果.txt'), 'utf8')).toBe(streamed.stdout);
  });

  it('is not used for a handful of drafts, nor for JSON and SARIF', () => {
    const small = run(brokenCli, ['稿件'], project(5));
    expect(small.stderr).toBe('');
    expect(small.status).toBe(1);
    expect(small.stdout).toContain('punctuation-width');
    for (const format of ['json', 'sarif']) {
      const result = run(brokenCli, [...patterns, '--format', format], cwd);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(2);
      expect(result.stdout).toContain('punctuation-width');
    }
  });

  it('is stopped unused when the first drafts have few findings', () => {
    const sparse = project(520, 'sparse');
    const expected = run(CLI, ['稿件'], sparse);
    expect(expected.stdout).toContain('placeholder');
    expect(run(brokenCli, ['稿件'], sparse)).toEqual(expected);
    expect(run(brokenCli, ['稿件', '--output-file', '结果.txt'], sparse)).toEqual({ status: 1, stdout: '', stderr: '' });
    expect(readFileSync(join(sparse, '结果.txt'), 'utf8')).toBe(expected.stdout);
  });

  it('is not used when the --output-file is one of the drafts: the report is written after that draft is read', () => {
    const directory = project(520);
    writeFileSync(join(directory, '稿件', '报告.txt'), '上次的报告,其中有半角逗号。\n');
    const result = run(brokenCli, ['稿件', '--output-file', '稿件/报告.txt'], directory);
    expect(result).toEqual({ status: 1, stdout: '', stderr: '' });
    const report = readFileSync(join(directory, '稿件', '报告.txt'), 'utf8');
    expect(report).toMatch(/^稿件\/报告\.txt\n {2}1:6 +错误 +中文中的半角标点“,”/m);
  });

  it('reports an --output-file that cannot be written as the main thread does: exit 2, one line', () => {
    const directory = project(520);
    writeFileSync(join(directory, '报告'), '这是一个文件，不是目录');
    const result = run(CLI, ['稿件', '--output-file', '报告/结果.txt'], directory);
    expect(result).toEqual({ status: 2, stdout: '', stderr: 'gongwen-lint：无法写入 --output-file 报告/结果.txt（路径中的某一级是文件而不是目录）\n' });
  });

  it('fails with the thread’s error, exit 2, when the thread fails', () => {
    const result = run(brokenCli, ['稿件', '--output-file', '结果.txt'], project(520));
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^gongwen-lint：Error: 报告线程故障\n/);
  });

  it('stops quietly when the reader of stdout closes the pipe early', () => {
    const directory = project(520);
    const child = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" 稿件 | head -c 100 >/dev/null`], { cwd: directory, encoding: 'utf8' });
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
  });
});
