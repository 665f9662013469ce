import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, runCli as run } from '../helpers/run-cli.js';
import { rules } from '../../rules/index.js';

const EXAMPLES = resolve('examples');

const workDirectories: string[] = [];
afterAll(() => {
  for (const directory of workDirectories) rmSync(directory, { recursive: true, force: true });
});

/** A temporary project with the given files (`.gongwenrc.json` with root: true unless given, so that nothing above leaks in). */
function project(files: Record<string, string>): string {
  const directory = mkdtempSync(join(tmpdir(), 'gongwen-cli-'));
  workDirectories.push(directory);
  const withRoot = { '.gongwenrc.json': '{ "root": true }', ...files };
  for (const [name, content] of Object.entries(withRoot)) {
    mkdirSync(join(directory, name, '..'), { recursive: true });
    writeFileSync(join(directory, name), content);
  }
  return directory;
}

/** A JSON report's findings as `[file relative to cwd, ['ruleId line:column', …]]`, one entry per file. */
function findingsByFile(stdout: string, cwd: string): [string, string[]][] {
  const entries = JSON.parse(stdout) as { filePath: string; messages: { ruleId: string; line: number; column: number }[] }[];
  return entries.map((entry) => [entry.filePath.slice(cwd.length + 1), entry.messages.map((m) => `${m.ruleId} ${m.line}:${m.column}`)]);
}

/** One half-width comma between Chinese characters, at line 2, column 7: a punctuation-width error by default. */
const DRAFT = '关于做好年底工作的通知\n工作已经完成,下一步继续推进。\n';
const CLEAN = '关于做好年底工作的通知\n工作已经完成，下一步继续推进。\n';
const AS_WARNING = ['--rule', 'punctuation-width: warn'];

describe('exit codes', () => {
  it('is 0 and prints nothing for a clean finished notice', () => {
    const result = run([join(EXAMPLES, '通知-定稿.md')]);
    expect(result).toEqual({ status: 0, stdout: '', stderr: '' });
  });

  it('is 1 when there is an error', () => {
    const cwd = project({ '草稿.txt': DRAFT });
    const result = run(['草稿.txt'], { cwd });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('草稿.txt\n  2:7  错误  ');
    expect(result.stdout).toContain('punctuation-width');
    expect(result.stdout).toContain('✖ 共 1 个问题（1 个错误，0 个警告）');
  });

  it('is 0 with warnings only', () => {
    const cwd = project({ '草稿.txt': DRAFT });
    const result = run(['草稿.txt', ...AS_WARNING], { cwd });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('2:7  警告  ');
  });

  it('is 2 for a missing file, and still reports the other files', () => {
    const cwd = project({ '草稿.txt': DRAFT });
    const result = run(['草稿.txt', '不存在.md', '--format', 'json'], { cwd });
    expect(result.status).toBe(2);
    const results = JSON.parse(result.stdout) as { filePath: string; messages: { ruleId: string | null; fatal?: boolean }[] }[];
    const missing = results.find((entry) => entry.filePath.endsWith('不存在.md'));
    expect(missing?.messages).toEqual([expect.objectContaining({ ruleId: null, fatal: true })]);
    const draft = results.find((entry) => entry.filePath.endsWith('草稿.txt'));
    expect(draft?.messages.map((message) => message.ruleId)).toEqual(['punctuation-width']);
  });

  it.each([
    [['--bogus', 'a.md'], /^gongwen-lint：未知选项 --bogus/],
    [['--format', 'xml', 'a.md'], /^gongwen-lint：--format 的值“xml”无效/],
    [['--max-warnings', 'many', 'a.md'], /^gongwen-lint：--max-warnings 的值“many”无效/],
    [['--shard', '5/4', 'a.md'], /^gongwen-lint：--shard 5\/4 无效/],
    [['--encoding', 'klingon', 'a.md'], /^gongwen-lint：--encoding 的值“klingon”不是已知的编码/],
    [['--fix', '--fix-dry-run', 'a.md'], /^gongwen-lint：--fix 与 --fix-dry-run 不能同时使用/],
    [['--rule', 'no-such-rule: off', 'a.md'], /^gongwen-lint：--rule：配置项 rules\.no-such-rule/],
    [['--format'], /^gongwen-lint：选项 --format 缺少取值/],
    [[], /^gongwen-lint：没有指定要检查的文件/],
  ])('is 2 with a one-line Chinese message for bad arguments %j', (args, message) => {
    const result = run(args);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('is 2 with the file named for a broken config file', () => {
    const cwd = project({ '草稿.txt': DRAFT, 'bad.json': '{ "rules": { "punctuation-width": "loud" } }' });
    const result = run(['草稿.txt', '--config', 'bad.json'], { cwd });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('bad.json');
    expect(result.stderr).toContain('punctuation-width');
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});

describe('problems outside the drafts', () => {
  it('is 2 with one line when standard input is not text', () => {
    const result = run(['--stdin'], { input: 'ab\u0000\u0001cd' });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^gongwen-lint：<stdin>：不是文本文件（含有 NUL 字节）.*\n$/);
  });

  it('is 2 when --output-file cannot be written', () => {
    const cwd = project({ '草稿.txt': DRAFT, 'reports': 'a file where a directory should be' });
    const result = run(['草稿.txt', '--output-file', 'reports/lint.txt'], { cwd });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('gongwen-lint：无法写入 --output-file reports/lint.txt（路径中的某一级是文件而不是目录）\n');
  });

  it('--verbose reports the number of files on stderr, leaving stdout to the report', () => {
    const result = run([join(EXAMPLES, '通知-定稿.md'), '--verbose']);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^gongwen-lint：检查了 1 个文件，0 个有问题，用时 \d+ 毫秒\n$/);
  });
});

describe('formats', () => {
  it('prints valid JSON with exact positions', () => {
    const cwd = project({ '草稿.txt': DRAFT });
    const result = run(['草稿.txt', '--format', 'json'], { cwd });
    expect(result.status).toBe(1);
    const [entry] = JSON.parse(result.stdout);
    expect(entry.filePath).toBe(join(cwd, '草稿.txt'));
    expect(entry.errorCount).toBe(1);
    expect(entry.messages).toHaveLength(1);
    expect(entry.messages[0]).toMatchObject({
      ruleId: 'punctuation-width',
      severity: 2,
      line: 2,
      column: 7,
      endLine: 2,
      endColumn: 8,
      fix: { range: [18, 19], text: '，' },
    });
  });

  it('prints SARIF with a relative, percent-encoded artifact URI', () => {
    const cwd = project({ '草稿.txt': DRAFT });
    const result = run(['草稿.txt', '--format', 'sarif'], { cwd });
    const log = JSON.parse(result.stdout);
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0].tool.driver.version).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
    expect(log.runs[0].tool.driver.rules.map((rule: { id: string }) => rule.id)).toEqual(rules.map((rule) => rule.id));
    expect(log.runs[0].results[0].locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: encodeURIComponent('草稿.txt'), uriBaseId: '%SRCROOT%', index: 0 },
      region: { startLine: 2, startColumn: 7, endLine: 2, endColumn: 8 },
    });
  });

  it('prints GitHub workflow commands and compact lines', () => {
    const cwd = project({ '草稿.txt': DRAFT });
    const github = run(['草稿.txt', '--format', 'github'], { cwd });
    expect(github.stdout).toMatch(/^::error file=草稿\.txt,line=2,col=7,endLine=2,endColumn=8,title=punctuation-width::.+\n$/);
    const compact = run(['草稿.txt', '-f', 'compact'], { cwd });
    expect(compact.stdout).toMatch(/^草稿\.txt:2:7: 错误 .+ \[punctuation-width\]\n$/);
  });

  it('writes the report to --output-file, creating its directory, and nothing to stdout', () => {
    const cwd = project({ '草稿.txt': DRAFT });
    const result = run(['草稿.txt', '--format', 'json', '--output-file', 'reports/lint.json'], { cwd });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    const [entry] = JSON.parse(readFileSync(join(cwd, 'reports/lint.json'), 'utf8'));
    expect(entry.messages[0]).toMatchObject({ ruleId: 'punctuation-width', line: 2, column: 7 });
  });

  it('writes to --output-file exactly what it prints, for reports larger than its write buffer and pieces larger than it', () => {
    // About 6,000 findings in one draft: one result's JSON is a single piece of over a million characters.
    const paragraph = '各单位要高度重视,切实加强领导,确保XXXX年X月底前完成某某任务。';
    const files: Record<string, string> = { '大稿.txt': Array.from({ length: 1500 }, () => paragraph).join('\n') };
    for (let i = 0; i < 40; i++) files[`稿${String(i).padStart(2, '0')}.txt`] = Array.from({ length: 40 }, () => paragraph).join('\n');
    const cwd = project(files);
    for (const format of ['json', 'sarif', 'stylish']) {
      const printed = run(['.', '--format', format], { cwd });
      const written = run(['.', '--format', format, '--output-file', `reports/lint.${format}`], { cwd });
      expect(written.stdout).toBe('');
      const report = readFileSync(join(cwd, `reports/lint.${format}`), 'utf8');
      expect(report.length).toBeGreaterThan(1024 * 1024);
      expect(report).toBe(printed.stdout);
    }
  });

  it('uses colour only when forced and never with NO_COLOR', () => {
    const cwd = project({ '草稿.txt': DRAFT });
    expect(run(['草稿.txt'], { cwd }).stdout).not.toContain('\u001b[');
    expect(run(['草稿.txt'], { cwd, env: { FORCE_COLOR: '1' } }).stdout).toContain('\u001b[31m错误');
    expect(run(['草稿.txt'], { cwd, env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout).not.toContain('\u001b[');
  });
});

describe('Markdown that needs remark', () => {
  // Plain drafts never load remark; these need it, on the main thread and in worker threads alike.
  const MARKDOWN = '# 通知\n\n- 第一项工作已经完成,下一步继续推进。\n- 第二项见`附件`。\n\n正文已经完成。\n';

  it.each([['1'], ['2']])('parses a list and inline code with --concurrency %s', (threads) => {
    const cwd = project({ '甲.md': MARKDOWN, '乙.md': MARKDOWN, '丙.md': '# 通知\n\n正文已经完成。\n' });
    const result = run(['.', '--format', 'json', '--concurrency', threads], { cwd });
    expect(result.stderr).toBe('');
    expect(findingsByFile(result.stdout, cwd)).toEqual([
      ['丙.md', []],
      ['乙.md', ['punctuation-width 3:12']],
      ['甲.md', ['punctuation-width 3:12']],
    ]);
  });
});

describe('a repeated word, which needs the word table', () => {
  // Only drafts with a repeat load the table; on the main thread, in worker threads and on standard input alike.
  const REPEATED = '关于做好年底工作的通知\n会议研究了了下一步工作安排。\n';

  it.each([['1'], ['2']])('reports it with --concurrency %s', (threads) => {
    const cwd = project({ '甲.md': REPEATED, '乙.txt': REPEATED, '丙.md': CLEAN });
    const result = run(['.', '--format', 'json', '--concurrency', threads], { cwd });
    expect(result.stderr).toBe('');
    expect(findingsByFile(result.stdout, cwd)).toEqual([
      ['丙.md', []],
      ['乙.txt', ['no-repeated-word 2:5']],
      ['甲.md', ['no-repeated-word 2:5']],
    ]);
  });

  it('reports it on standard input', () => {
    const result = run(['--stdin', '--format', 'compact'], { input: REPEATED });
    expect(result.stdout).toContain('2:5');
    expect(result.stdout).toContain('no-repeated-word');
  });
});

describe('standard input', () => {
  const codeSpan = '请运行`完成,下一步`命令。\n';

  it('reads plain text without --stdin-filename', () => {
    const result = run(['--stdin', '--format', 'json'], { input: codeSpan });
    const [entry] = JSON.parse(result.stdout);
    expect(entry.filePath).toBe('<stdin>');
    expect(entry.messages).toEqual([expect.objectContaining({ ruleId: 'punctuation-width', line: 1, column: 7 })]);
    expect(result.status).toBe(1);
  });

  it('parses Markdown when --stdin-filename ends in .md: inline code is not prose', () => {
    const result = run(['-', '--stdin-filename', '草稿.md', '--format', 'json'], { input: codeSpan });
    const [entry] = JSON.parse(result.stdout);
    expect(entry.filePath).toBe(resolve('草稿.md'));
    expect(entry.messages).toEqual([]);
    expect(result.status).toBe(0);
    expect(run(['-', '--stdin-filename', '草稿.txt'], { input: codeSpan }).status).toBe(1);
  });

  it('names the text by --stdin-filename, which picks the config that applies', () => {
    const cwd = project({
      '.gongwenrc.json': '{ "root": true, "overrides": [{ "files": ["*.md"], "rules": { "punctuation-width": "off" } }] }',
    });
    const named = run(['-', '--stdin-filename', 'docs/草稿.md', '--format', 'json'], { cwd, input: codeSpan });
    const [entry] = JSON.parse(named.stdout);
    expect(entry.filePath).toBe(join(cwd, 'docs/草稿.md'));
    expect(entry.messages).toEqual([]);
    expect(named.status).toBe(0);
    expect(run(['-'], { cwd, input: codeSpan }).status).toBe(1);
  });

  it('applies the config of the working directory', () => {
    const cwd = project({ '.gongwenrc.json': '{ "root": true, "rules": { "punctuation-width": "off" } }' });
    expect(run(['--stdin'], { cwd, input: DRAFT }).status).toBe(0);
  });

  it('refuses files together with standard input', () => {
    const result = run(['-', 'a.md']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^gongwen-lint：从标准输入读取时不能再指定文件/);
  });
});

describe('warnings and rule settings', () => {
  it('--quiet hides warnings', () => {
    const cwd = project({ '草稿.txt': DRAFT });
    expect(run(['草稿.txt', '--quiet', ...AS_WARNING], { cwd })).toEqual({ status: 0, stdout: '', stderr: '' });
  });

  it('--max-warnings fails the run only when warnings exceed it, even with --quiet', () => {
    const cwd = project({ '草稿.txt': DRAFT });
    expect(run(['草稿.txt', '--max-warnings', '1', ...AS_WARNING], { cwd }).status).toBe(0);
    const over = run(['草稿.txt', '--max-warnings', '0', '--quiet', ...AS_WARNING], { cwd });
    expect(over.status).toBe(1);
    expect(over.stderr).toContain('发现 1 个警告，超过 --max-warnings 允许的 0 个');
  });

  it('--rule turns a rule off', () => {
    const cwd = project({ '草稿.txt': DRAFT });
    expect(run(['草稿.txt', '--rule', 'punctuation-width: off'], { cwd })).toEqual({ status: 0, stdout: '', stderr: '' });
  });

  it('a config file found beside the draft turns a rule off, and --config names one explicitly', () => {
    const cwd = project({
      '.gongwenrc.json': '{ "root": true, "rules": { "punctuation-width": "off" } }',
      '草稿.txt': DRAFT,
      'strict.yaml': 'rules:\n  punctuation-width: error\n',
    });
    expect(run(['草稿.txt'], { cwd }).status).toBe(0);
    expect(run(['草稿.txt', '--config', 'strict.yaml'], { cwd }).status).toBe(1);
  });

  it('--print-config shows the effective settings of a file', () => {
    const cwd = project({ '.gongwenrc.json': '{ "root": true, "rules": { "punctuation-width": "off" } }' });
    const result = run(['--print-config', '草稿.md', '--rule', 'paragraph-end: warn'], { cwd });
    expect(result.status).toBe(0);
    const config = JSON.parse(result.stdout);
    expect(config.rules['punctuation-width'][0]).toBe('off');
    expect(config.rules['paragraph-end'][0]).toBe('warn');
    expect(Object.keys(config.rules).sort()).toEqual(rules.map((rule) => rule.id).sort());
  });

  it('--list-rules lists every rule with its description, default severity and whether it is fixable', () => {
    const result = run(['--list-rules']);
    expect(result.status).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^规则\s+默认级别\s+可修正\s+说明$/);
    expect(lines).toHaveLength(rules.length + 1);
    rules.forEach((rule, index) => {
      const severity = { error: '错误', warn: '警告', off: '关闭' }[rule.severity];
      expect(lines[index + 1]).toMatch(new RegExp(`^${rule.id}\\s+${severity}\\s+${rule.fixable ? '是\\s+' : ''}\\S`));
      expect(lines[index + 1].endsWith(rule.description)).toBe(true);
    });
  });
});

describe('cache and shards', () => {
  it('--cache writes the cache at --cache-location and replays the same findings', () => {
    const cwd = project({ '草稿.txt': DRAFT });
    const args = ['草稿.txt', '--cache', '--cache-location', '.cache/gw', '--format', 'compact'];
    const first = run(args, { cwd });
    expect(first.status).toBe(1);
    expect(first.stdout).toMatch(/^草稿\.txt:2:7: 错误 .+ \[punctuation-width\]\n$/);
    expect(existsSync(join(cwd, '.cache/gw'))).toBe(true);
    expect(run(args, { cwd })).toEqual(first);
  });

  it.each([['stylish'], ['json'], ['sarif']])('--cache replays a report in %s exactly as the run that wrote it', (format) => {
    const cwd = project({ '甲.md': DRAFT, '乙.txt': '关于X年工作的通知\n工作已经完成,下一步继续推进。。\n', '丙.txt': CLEAN });
    for (const extra of [[], ['--quiet', ...AS_WARNING], ['--max-warnings', '0', ...AS_WARNING]]) {
      const args = ['.', '--cache', '--format', format, ...extra];
      const first = run(args, { cwd, env: { FORCE_COLOR: '1' } });
      expect(first.stdout).not.toBe('');
      expect(run(args, { cwd, env: { FORCE_COLOR: '1' } }), extra.join(' ')).toEqual(first);
    }
  });

  it('--shard i/n lints disjoint parts that together cover every file', () => {
    const files = Object.fromEntries(Array.from({ length: 6 }, (_, index) => [`草稿${index}.txt`, DRAFT]));
    const cwd = project(files);
    const linted = [1, 2, 3].map((index) =>
      run(['.', '--shard', `${index}/3`, '--format', 'compact'], { cwd })
        .stdout.split('\n')
        .filter((line) => line !== '')
        .map((line) => line.slice(0, line.indexOf(':'))),
    );
    expect(linted.flat().sort()).toEqual(Object.keys(files).sort());
  });
});

describe('fixing', () => {
  it('--fix-dry-run prints a unified diff and writes nothing', () => {
    const cwd = project({ '草稿.txt': DRAFT });
    const result = run(['草稿.txt', '--fix-dry-run'], { cwd });
    expect(result.stdout).toContain('--- a/草稿.txt\n+++ b/草稿.txt\n@@ -1,2 +1,2 @@\n 关于做好年底工作的通知\n-工作已经完成,下一步继续推进。\n+工作已经完成，下一步继续推进。\n');
    expect(readFileSync(join(cwd, '草稿.txt'), 'utf8')).toBe(DRAFT);
    // What remains after the fix is what decides the exit code.
    expect(result.status).toBe(0);
  });

  it('--fix-dry-run --format json carries the fixed text in output, and no diff', () => {
    const cwd = project({ '草稿.txt': DRAFT });
    const result = run(['草稿.txt', '--fix-dry-run', '--format', 'json'], { cwd });
    const [entry] = JSON.parse(result.stdout);
    expect(entry.output).toBe(CLEAN);
    expect(entry.messages).toEqual([]);
    expect(readFileSync(join(cwd, '草稿.txt'), 'utf8')).toBe(DRAFT);
  });

  it('--fix-dry-run works on standard input', () => {
    const result = run(['--stdin', '--fix-dry-run', '--format', 'json'], { input: DRAFT });
    expect(JSON.parse(result.stdout)[0].output).toBe(CLEAN);
  });

  it('--fix on standard input prints the fixed text, in the input\'s encoding and line endings, and the remaining findings on stderr', () => {
    const input = iconv.encode('各单位,请于X月X日前报送。。\r\n', 'gb18030');
    const child = spawnSync(process.execPath, [CLI, '--stdin', '--fix'], { input, env: { ...process.env, NO_COLOR: '1' } });
    expect(child.status).toBe(1);
    expect(Buffer.compare(child.stdout, iconv.encode('各单位，请于X月X日前报送。\r\n', 'gb18030'))).toBe(0);
    expect(child.stderr.toString()).toContain('no-placeholder');
    expect(child.stderr.toString()).not.toContain('punctuation-width');
  });

  it('--fix on clean standard input prints it unchanged and exits 0', () => {
    const result = run(['--stdin', '--fix'], { input: CLEAN });
    expect(result).toEqual({ status: 0, stdout: CLEAN, stderr: '' });
  });

  it('--fix writes the fixed text back', () => {
    const cwd = project({ '草稿.txt': DRAFT });
    const result = run(['草稿.txt', '--fix'], { cwd });
    expect(result).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(readFileSync(join(cwd, '草稿.txt'), 'utf8')).toBe(CLEAN);
  });
});

describe('help and version', () => {
  it('prints Chinese help', () => {
    const result = run(['--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^用法：gongwen-lint/);
    for (const flag of ['--stdin-filename', '--format', '--output-file', '--max-warnings', '--fix-dry-run', '--print-config', '--shard']) {
      expect(result.stdout).toContain(flag);
    }
  });

  it('prints the version from package.json', () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
    expect(run(['-v'])).toEqual({ status: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('lints the bundled examples: findings in the drafts, none in the finished notice', () => {
    const result = run(['examples/', '--format', 'json']);
    expect(result.status).toBe(1);
    const byName = new Map<string, { errorCount: number; warningCount: number }>(
      JSON.parse(result.stdout).map((entry: { filePath: string; errorCount: number; warningCount: number }) => [
        entry.filePath.slice(EXAMPLES.length + 1),
        entry,
      ]),
    );
    expect([...byName.keys()].sort()).toEqual(['README.md', '草稿-工作报告.md', '讲话稿-模板.txt', '请示-草稿.docx', '通知-定稿.md'].sort());
    expect(byName.get('请示-草稿.docx')!.errorCount).toBeGreaterThan(0);
    expect(byName.get('通知-定稿.md')).toMatchObject({ errorCount: 0, warningCount: 0 });
    expect(byName.get('README.md')).toMatchObject({ errorCount: 0, warningCount: 0 });
    expect(byName.get('草稿-工作报告.md')!.errorCount).toBeGreaterThan(0);
    expect(byName.get('讲话稿-模板.txt')!.errorCount).toBeGreaterThan(0);
    expect(existsSync(join(EXAMPLES, 'README.md'))).toBe(true);
  });
});

describe('one finding per problem', () => {
  it('reports `,;` and `(一)` once each, and the other rule once the kept one is off', () => {
    const input = '(一)各乡镇人民政府,;县直各部门：\n';
    const merged = JSON.parse(run(['--stdin', '--stdin-filename', '草稿.md', '--format', 'json'], { input }).stdout) as { messages: { ruleId: string; column: number }[] }[];
    expect(merged[0].messages.map((m) => `${m.column} ${m.ruleId}`)).toEqual(['1 section-numbering', '11 punctuation-sequence']);
    const args = ['--stdin', '--stdin-filename', '草稿.md', '--format', 'json', '--rule', 'section-numbering: off', '--rule', 'punctuation-sequence: off'];
    const separate = JSON.parse(run(args, { input }).stdout) as { messages: { ruleId: string; column: number }[] }[];
    expect(separate[0].messages.map((m) => `${m.column} ${m.ruleId}`)).toEqual(['1 punctuation-width', '11 punctuation-width']);
  });
});
