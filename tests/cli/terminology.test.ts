import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const directories: string[] = [];
afterAll(() => {
  for (const directory of directories) rmSync(directory, { recursive: true, force: true });
});

function project(files: Record<string, string>): string {
  const directory = mkdtempSync(join(tmpdir(), 'gongwen-terminology-'));
  directories.push(directory);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(directory, name, '..'), { recursive: true });
    writeFileSync(join(directory, name), content);
  }
  return directory;
}

const CONFIG = JSON.stringify({ root: true, rules: { terminology: ['error', { dictionaries: ['./词典/用语.yml'] }] } });
const DICTIONARY = [
  'version: 1',
  'imports:',
  '  - ./机构.yml',
  'rules:',
  '  - expected: 党的十九大',
  '    pattern: /(?<!党的)十九大/',
  '    prh: 首次出现时写全称',
  '',
].join('\n');
const DRAFT = '关于学习贯彻十九大精神的通知\n各单位要深入学习党的十九大精神，工商局要再接再砺。\n';

describe('terminology through the CLI', () => {
  it('reads the dictionary the config names, reports and fixes', () => {
    const root = project({
      '.gongwenrc.json': CONFIG,
      '词典/用语.yml': DICTIONARY,
      '词典/机构.yml': 'rules:\n  - expected: 市场监管局\n    pattern: 工商局\n',
      '草稿/通知.txt': DRAFT,
    });
    const result = runCli(['--format', 'compact', '草稿'], { cwd: root });
    expect(result.status).toBe(1);
    expect(result.stdout.split('\n').filter((line) => line.includes('[terminology]'))).toEqual([
      `${join('草稿', '通知.txt')}:1:7: 错误 “十九大”应写作“党的十九大”：首次出现时写全称 [terminology]`,
      `${join('草稿', '通知.txt')}:2:17: 错误 “工商局”应写作“市场监管局” [terminology]`,
      `${join('草稿', '通知.txt')}:2:21: 错误 “再接再砺”应写作“再接再厉”：《第一批异形词整理表》（GF 1001—2001）以此为推荐词形 [terminology]`,
    ]);
    const fixed = runCli(['--fix', '--rule', 'terminology: error', '草稿'], { cwd: root });
    expect(fixed.status).toBe(0);
    expect(readFileSync(join(root, '草稿/通知.txt'), 'utf8')).toBe('关于学习贯彻党的十九大精神的通知\n各单位要深入学习党的十九大精神，市场监管局要再接再厉。\n');
  });

  it('gives the same findings on worker threads', () => {
    const files: Record<string, string> = { '.gongwenrc.json': CONFIG, '词典/用语.yml': DICTIONARY, '词典/机构.yml': 'rules: []\n' };
    for (let i = 0; i < 6; i++) files[`草稿/${i}.txt`] = DRAFT;
    const root = project(files);
    const one = runCli(['--format', 'json', '--concurrency', '1', '草稿'], { cwd: root });
    const two = runCli(['--format', 'json', '--concurrency', '2', '草稿'], { cwd: root });
    expect(two.stdout).toBe(one.stdout);
    expect(JSON.parse(one.stdout).reduce((sum: number, file: { errorCount: number }) => sum + file.errorCount, 0)).toBe(6 * 2);
  });

  it('exits with 2 on a broken dictionary, naming the file and the line', () => {
    const root = project({
      '.gongwenrc.json': CONFIG,
      '词典/用语.yml': DICTIONARY,
      '词典/机构.yml': 'rules:\n  - expected: 市场监管局\n    pattern: 工商局\n  - pattern: 质监局\n',
      '草稿.txt': DRAFT,
    });
    const result = runCli(['草稿.txt'], { cwd: root });
    expect(result.status).toBe(2);
    expect(result.stdout).toContain(`${join(root, '词典', '机构.yml')}：第 4 行：规则 2 有误：缺少 expected`);
  });
});
