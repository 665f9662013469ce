import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/core/config/resolve-rules.js';
import type { TermDictionary } from '../../src/core/text/prh.js';
import { ConfigResolver, loadConfigFile } from '../../src/node/config/load.js';
import { makeTree } from '../files/make-tree.js';

const json = (value: unknown): string => JSON.stringify(value, null, 2);
const withDictionaries = (...paths: string[]): string => json({ root: true, rules: { terminology: ['error', { dictionaries: paths }] } });

/** The dictionaries the terminology rule receives for a file. */
function dictionariesFor(resolver: ConfigResolver, file: string): TermDictionary[] {
  const setting = resolver.rulesFor(file).get('terminology');
  return (setting?.options as { dictionaries: TermDictionary[] }).dictionaries;
}

function configError(action: () => unknown): ConfigError {
  try {
    action();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('no ConfigError');
}

describe('terminology dictionaries in a configuration', () => {
  it('are read relative to the config file, with their imports relative to themselves', () => {
    const root = makeTree({
      '.gongwenrc.json': withDictionaries('./词典/用语.yml'),
      '词典/用语.yml': 'version: 1\nimports:\n  - 共用/机构.yml\nrules:\n  - expected: 党的十九大\n    pattern: /(?<!党的)十九大/\n    prh: 首次出现时写全称\n',
      '词典/共用/机构.yml': 'rules:\n  - expected: 市场监管局\n    patterns: [工商局, 质监局]\n  - 微信公众号\n',
      'docs/a.md': '',
    });
    const [dictionary] = dictionariesFor(new ConfigResolver({ cwd: join(root, 'docs') }), join(root, 'docs/a.md'));
    expect(dictionary.source).toBe(join(root, '词典/用语.yml'));
    expect(dictionary.entries.map((entry) => entry.expected)).toEqual(['党的十九大', '市场监管局', '微信公众号']);
    expect(dictionary.entries[0]).toMatchObject({ pattern: '(?<!党的)十九大', flags: 'gmu', note: '首次出现时写全称' });
  });

  it('follow prh: an import does not override a rule of the importing file, disableImports and ignoreRules apply', () => {
    const root = makeTree({
      '.gongwenrc.json': withDictionaries('main.yml'),
      'main.yml': [
        'imports:',
        '  - path: a.yml',
        '    disableImports: true',
        '  - path: c.yml',
        '    ignoreRules:',
        '      - expected: 丙',
        '      - /丁/gmu',
        'rules:',
        '  - expected: 甲',
        '    pattern: 甲甲',
      ].join('\n'),
      'a.yml': 'imports: [b.yml]\nrules:\n  - expected: 甲\n    pattern: 子\n  - expected: 乙\n    pattern: 丑\n',
      'b.yml': 'rules:\n  - expected: 不应读入\n    pattern: 寅\n',
      'c.yml': 'rules:\n  - expected: 丙\n    pattern: 卯\n  - expected: 戊\n    pattern: 丁\n  - expected: 己\n    pattern: 辰\n',
    });
    const [dictionary] = dictionariesFor(new ConfigResolver({ cwd: root }), join(root, 'x.md'));
    expect(dictionary.entries.map((entry) => `${entry.expected}←${entry.pattern}`)).toEqual(['甲←甲甲', '乙←丑', '己←辰']);
  });

  it('in overrides and --rule, relative to the config file and to the working directory', () => {
    const root = makeTree({
      '.gongwenrc.json': json({ root: true, overrides: [{ files: ['通知/**'], rules: { terminology: ['warn', { dictionaries: ['词典.yml'] }] } }] }),
      '词典.yml': 'rules:\n  - expected: 甲\n    pattern: 乙\n',
      'sub/另一个.yml': 'rules:\n  - expected: 丙\n    pattern: 丁\n',
    });
    const resolver = new ConfigResolver({ cwd: root });
    expect(dictionariesFor(resolver, join(root, '通知/a.md'))[0].entries[0].expected).toBe('甲');
    expect(resolver.rulesFor(join(root, '其他/a.md')).has('terminology')).toBe(false);
    const fromFlag = new ConfigResolver({ cwd: join(root, 'sub'), cliRules: { terminology: ['error', { dictionaries: ['另一个.yml'] }] } });
    expect(dictionariesFor(fromFlag, join(root, 'a.md'))[0].entries[0].expected).toBe('丙');
  });

  it('report a rule that does not compile with its file and line', () => {
    const root = makeTree({
      '.gongwenrc.json': withDictionaries('用语.yml'),
      '用语.yml': 'version: 1\nrules:\n  - expected: 甲\n    pattern: 乙\n  - expected: 丙\n    pattern: 丁\n    specs:\n      - from: 丁丁\n        to: 丙\n',
    });
    const error = configError(() => loadConfigFile(join(root, '.gongwenrc.json')));
    expect(error.message).toBe(`${join(root, '用语.yml')}：第 5 行：规则 2 有误：specs 第 1 项没有通过：“丁丁”应改为“丙”，按这条规则却得到“丙丙”（pattern /丁/）`);
  });

  it.each([
    ['invalid YAML', 'rules:\n  - expected: [甲\n', /用语\.yml：第 \d+ 行第 \d+ 列：用语词典不是有效的 YAML/],
    ['a rule without expected', 'rules:\n  - pattern: 乙\n', /用语\.yml：第 2 行：规则 1 有误：缺少 expected/],
    ['rules that are no list', 'rules: 甲\n', /用语\.yml：第 1 行：rules 应为规则的列表/],
    ['a top level that is no object', '- 甲\n', /用语\.yml：用语词典应为 prh 格式/],
    ['an import without a path', 'imports:\n  - disableImports: true\n', /用语\.yml：第 2 行：imports 的每一项应为路径/],
    ['an import of a missing file', 'imports: [没有.yml]\n', /没有\.yml：无法读取用语词典（文件不存在）；它由 .*用语\.yml 引用/],
    ['an import of itself', 'imports: [用语.yml]\n', /用语词典循环引入：.*用语\.yml → .*用语\.yml/],
  ])('report %s as a configuration error', (_name, text, message) => {
    const root = makeTree({ '.gongwenrc.json': withDictionaries('用语.yml'), '用语.yml': text });
    expect(configError(() => loadConfigFile(join(root, '.gongwenrc.json'))).message).toMatch(message);
  });

  it('report a missing dictionary file naming the config that names it', () => {
    const root = makeTree({ '.gongwenrc.json': withDictionaries('没有这个词典.yml') });
    expect(configError(() => loadConfigFile(join(root, '.gongwenrc.json'))).message).toBe(
      `${join(root, '没有这个词典.yml')}：无法读取用语词典（文件不存在）；它由 ${join(root, '.gongwenrc.json')} 的 rules.terminology 引用`,
    );
  });
});
