/**
 * The streamed report (src/node/report-stream.ts) through the built binary: a run over enough drafts writes
 * its stylish report as the results arrive, and the report must be the one written otherwise, at the end. A
 * copy of the bundle whose chunk of report-stream.ts only throws tells which runs stream.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, runCli, type CliRun } from '../helpers/run-cli.js';

/** A run of the binary at `cli` (the build, or the copy with a broken stream) in `cwd`. */
function run(cli: string, args: readonly string[], cwd: string, env: Record<string, string> = {}): CliRun {
  return runCli(args, { cli, cwd, env });
}

const workDirectories: string[] = [];
afterAll(() => {
  for (const directory of workDirectories) rmSync(directory, { recursive: true, force: true });
});

function temporaryDirectory(): string {
  const directory = mkdtempSync(join(tmpdir(), 'gongwen-report-stream-'));
  workDirectories.push(directory);
  return directory;
}

/** A line with 60 half-width commas between Chinese words: 60 punctuation-width findings. */
const DENSE_LINE = Array.from({ length: 60 }, (_, i) => `第${i + 1}项工作已经完成,继续推进`).join('。');

/** A draft with nothing to report. */
const CLEAN_DRAFT = '关于做好年底工作的通知\n\n各单位：\n\n工作已经完成，下一步继续推进。\n';

/**
 * Drafts with a clean one now and then (or only clean ones); `.gongwenrc.json` with root: true. Reports are
 * streamed from 100 drafts on: dense drafts have 60 half-width commas and a few other findings, sparse ones a handful.
 */
function project(drafts: number, density: 'dense' | 'sparse' | 'clean' = 'dense'): string {
  const directory = temporaryDirectory();
  writeFileSync(join(directory, '.gongwenrc.json'), '{ "root": true }');
  mkdirSync(join(directory, '稿件'));
  for (let i = 0; i < drafts; i++) {
    const body = density === 'dense' ? DENSE_LINE : `第${i}项工作已经完成,请于XXXX年X月X日前报送总结。`;
    const text = i % 7 === 0 || density === 'clean' ? CLEAN_DRAFT : `关于做好年底工作的通知\n\n各单位:\n\n${body}\n(一)加强组织领导\n`;
    writeFileSync(join(directory, '稿件', `${String(i).padStart(3, '0')}.${i % 3 === 0 ? 'md' : 'txt'}`), text);
  }
  return directory;
}

/** A copy of `directory` with an empty bulk suppressions file: its report is written at the end, never streamed. */
const copiesWithSuppressions = new Map<string, string>();
function withEmptySuppressions(directory: string): string {
  let copy = copiesWithSuppressions.get(directory);
  if (copy === undefined) {
    copy = temporaryDirectory();
    cpSync(directory, copy, { recursive: true });
    writeFileSync(join(copy, 'gongwen-lint-suppressions.json'), '{}\n');
    copiesWithSuppressions.set(directory, copy);
  }
  return copy;
}

/** The bundle with a streamed report that fails as it loads. */
let brokenCli: string;
beforeAll(() => {
  const copy = temporaryDirectory();
  cpSync(resolve('dist/bin'), join(copy, 'dist/bin'), { recursive: true });
  cpSync(resolve('package.json'), join(copy, 'package.json'));
  const chunks = readdirSync(join(copy, 'dist/bin')).filter((name) => readFileSync(join(copy, 'dist/bin', name), 'utf8').match(/\bStreamedReport = class\b|\bclass StreamedReport\b/) !== null);
  expect(chunks).toHaveLength(1);
  writeFileSync(join(copy, 'dist/bin', chunks[0]), "throw new Error('报告流故障');\n");
  brokenCli = join(copy, 'dist/bin/cli.js');
});

describe('a streamed report', () => {
  const cwd = project(120);
  // A missing path sorts among the drafts and is merged into the report in its place.
  const patterns = ['稿件', '稿件/050-缺失.txt'];
  const cases: [string, string[]][] = [
    ['stylish', []],
    ['errors only', ['--quiet']],
    ['in colour', []],
    // Results from a lint worker arrive out of order and wait for those before them.
    ['linted on two threads', ['--concurrency', '2']],
  ];

  it.each(cases)('is the report written at the end: %s', (name, flags) => {
    const env: Record<string, string> = name === 'in colour' ? { FORCE_COLOR: '1' } : {};
    const streamed = run(CLI, [...patterns, ...flags], cwd, env);
    expect(streamed.status).toBe(2);
    expect(streamed.stdout.length).toBeGreaterThan(100_000);
    // The run streamed: with a broken stream it fails.
    const broken = run(brokenCli, [...patterns, ...flags], cwd, env);
    expect(broken.status).toBe(2);
    expect(broken.stderr).toContain('报告流故障');
    // A bulk suppressions file, even an empty one, has the report written at the end.
    const withSuppressions = withEmptySuppressions(cwd);
    const atTheEnd = run(brokenCli, [...patterns, ...flags], withSuppressions, env);
    expect(atTheEnd.stderr).toBe(streamed.stderr.replaceAll(cwd, withSuppressions));
    expect(atTheEnd.status).toBe(2);
    expect(atTheEnd.stdout).toBe(streamed.stdout.replaceAll(cwd, withSuppressions));
    const written = run(CLI, [...patterns, ...flags, '--output-file', '报告/结果.txt'], cwd, env);
    expect(written.stdout).toBe('');
    // A report file is never in colour.
    if (name !== 'in colour') expect(readFileSync(join(cwd, '报告/结果.txt'), 'utf8')).toBe(streamed.stdout);
  });

  it('is not used for a handful of drafts, nor for JSON, nor for SARIF to stdout', () => {
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

  it('writes SARIF to an --output-file as it goes: the log written at the end, with a missing path among the drafts', () => {
    const streamed = run(CLI, [...patterns, '--format', 'sarif', '--output-file', '报告/结果.sarif'], cwd);
    expect(streamed).toEqual({ status: 2, stdout: '', stderr: '' });
    expect(run(brokenCli, [...patterns, '--format', 'sarif', '--output-file', '报告/坏.sarif'], cwd).stderr).toContain('报告流故障');
    const atTheEnd = run(CLI, [...patterns, '--format', 'sarif'], cwd);
    expect(atTheEnd.stdout).toContain('"toolExecutionNotifications"');
    expect(readFileSync(join(cwd, '报告/结果.sarif'), 'utf8')).toBe(atTheEnd.stdout);
  });

  it('writes the start of a streamed SARIF log again when a draft turns out unreadable or is skipped', () => {
    const directory = project(120);
    // Read only when linted: a Word file that is no zip is a problem of its own, a binary file met in the walk is skipped.
    writeFileSync(join(directory, '稿件', '050-损坏.docx'), '这不是 Word 文档');
    writeFileSync(join(directory, '稿件', '060-二进制.md'), Buffer.from([0x61, 0x00, 0x00, 0x62]));
    const streamed = run(CLI, ['稿件', '--format', 'sarif', '--output-file', '结果.sarif'], directory);
    expect(streamed).toEqual({ status: 2, stdout: '', stderr: '' });
    const atTheEnd = run(CLI, ['稿件', '--format', 'sarif'], directory);
    expect(atTheEnd.stdout).toContain('050-%E6%8D%9F%E5%9D%8F.docx');
    expect(atTheEnd.stdout).not.toContain('060-');
    expect(readFileSync(join(directory, '结果.sarif'), 'utf8')).toBe(atTheEnd.stdout);
    expect(readdirSync(directory).sort()).toEqual(['.gongwenrc.json', '稿件', '结果.sarif']);
  });

  it('is the report written at the end for drafts with few findings, and an empty file for drafts with none', () => {
    const sparse = project(120, 'sparse');
    const expected = run(brokenCli, ['稿件'], withEmptySuppressions(sparse));
    expect(expected.stdout).toContain('placeholder');
    expect(expected.status).toBe(1);
    expect(run(CLI, ['稿件'], sparse)).toEqual(expected);
    const clean = project(120, 'clean');
    expect(run(CLI, ['稿件'], clean)).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(run(CLI, ['稿件', '--output-file', '报告/结果.txt'], clean)).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(existsSync(join(clean, '报告/结果.txt'))).toBe(true);
    expect(readFileSync(join(clean, '报告/结果.txt'), 'utf8')).toBe('');
  });

  it('is not used when the --output-file is one of the drafts: the report is written after that draft is read', () => {
    const directory = project(120);
    writeFileSync(join(directory, '稿件', '报告.txt'), '上次的报告,其中有半角逗号。\n');
    const result = run(brokenCli, ['稿件', '--output-file', '稿件/报告.txt'], directory);
    expect(result).toEqual({ status: 1, stdout: '', stderr: '' });
    const report = readFileSync(join(directory, '稿件', '报告.txt'), 'utf8');
    expect(report).toMatch(/^稿件\/报告\.txt\n {2}1:6 +错误 +中文中的半角标点“,”/m);
  });

  it('reports an --output-file that cannot be written as the report written at the end does: exit 2, one line', () => {
    const directory = project(120);
    writeFileSync(join(directory, '报告'), '这是一个文件，不是目录');
    const result = run(CLI, ['稿件', '--output-file', '报告/结果.txt'], directory);
    expect(result).toEqual({ status: 2, stdout: '', stderr: 'gongwen-lint：无法写入 --output-file 报告/结果.txt（路径中的某一级是文件而不是目录）\n' });
  });

  it('stops quietly when the reader of stdout closes the pipe early', () => {
    const directory = project(120);
    const child = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" 稿件 | head -c 100 >/dev/null`], { cwd: directory, encoding: 'utf8' });
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
  });
});
