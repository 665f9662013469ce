import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigResolver, calculateConfigForFile, loadConfigFile } from '../../src/node/config/load.js';
import { ConfigError } from '../../src/core/config/resolve-rules.js';
import { parseRuleFlag } from '../../src/core/config/rule-flag.js';
import { rules } from '../../rules/index.js';
import { makeTree } from '../files/make-tree.js';

const json = (value: unknown): string => JSON.stringify(value, null, 2);

function severityOf(resolver: ConfigResolver, filePath: string, ruleId: string): string {
  return resolver.settingsFor(filePath).get(ruleId)!.severity;
}

describe('config discovery', () => {
  it('applies every config from the file up to the filesystem root, nearer ones winning', () => {
    const root = makeTree({
      '.gongwenrc.json': json({ rules: { 'punctuation-width': 'warn', 'section-numbering': 'off' } }),
      'dept/.gongwenrc.json': json({ rules: { 'punctuation-width': 'off' } }),
      'dept/notices/a.md': '',
    });
    const resolver = new ConfigResolver({ cwd: root });
    const file = join(root, 'dept/notices/a.md');
    expect(severityOf(resolver, file, 'punctuation-width')).toBe('off');
    expect(severityOf(resolver, file, 'section-numbering')).toBe('off');
    expect(severityOf(resolver, join(root, 'b.md'), 'punctuation-width')).toBe('warn');
    expect(severityOf(resolver, file, 'paragraph-end')).toBe(rules.find((rule) => rule.id === 'paragraph-end')!.severity);
  });

  it('stops at a config with root: true', () => {
    const root = makeTree({
      '.gongwenrc.json': json({ rules: { 'section-numbering': 'off' } }),
      'project/.gongwenrc.json': json({ root: true, rules: { 'punctuation-width': 'warn' } }),
    });
    const resolver = new ConfigResolver({ cwd: root });
    const file = join(root, 'project/sub/a.md');
    expect(severityOf(resolver, file, 'section-numbering')).toBe('error');
    expect(severityOf(resolver, file, 'punctuation-width')).toBe('warn');
  });

  it('reads the "gongwen" key of package.json and skips a package.json without it', () => {
    const root = makeTree({
      'package.json': json({ name: 'docs', gongwen: { rules: { 'punctuation-width': 'warn' } } }),
      'plain/package.json': json({ name: 'plain' }),
    });
    const resolver = new ConfigResolver({ cwd: root });
    expect(severityOf(resolver, join(root, 'plain/a.md'), 'punctuation-width')).toBe('warn');
  });

  it('ignores a broken package.json that does not mention the key', () => {
    const root = makeTree({ 'package.json': '{ "name": ', '.keep/': '' });
    expect(severityOf(new ConfigResolver({ cwd: root }), join(root, 'a.md'), 'punctuation-width')).toBe('error');
  });

  it('reads .gongwenrc.yaml and .gongwenrc.yml, and prefers .gongwenrc.json in the same directory', () => {
    const root = makeTree({
      'a/.gongwenrc.yaml': 'rules:\n  punctuation-width: warn\n',
      'b/.gongwenrc.yml': 'rules:\n  punctuation-width: "off"\n',
      'c/.gongwenrc.json': json({ rules: { 'punctuation-width': 'warn' } }),
      'c/.gongwenrc.yaml': 'rules:\n  punctuation-width: "off"\n',
      'd/.gongwenrc.yaml': '',
    });
    const resolver = new ConfigResolver({ cwd: root });
    expect(severityOf(resolver, join(root, 'a/x.md'), 'punctuation-width')).toBe('warn');
    expect(severityOf(resolver, join(root, 'b/x.md'), 'punctuation-width')).toBe('off');
    expect(severityOf(resolver, join(root, 'c/x.md'), 'punctuation-width')).toBe('warn');
    expect(severityOf(resolver, join(root, 'd/x.md'), 'punctuation-width')).toBe('error');
  });

  it('applies overrides whose globs, relative to the config directory, match the file', () => {
    const root = makeTree({
      '.gongwenrc.json': json({
        rules: { 'punctuation-width': 'warn' },
        overrides: [
          { files: ['*.txt'], rules: { 'punctuation-width': 'off' } },
          { files: ['speeches/**'], rules: { 'section-numbering': 'off' } },
        ],
      }),
    });
    const resolver = new ConfigResolver({ cwd: root });
    expect(severityOf(resolver, join(root, 'deep/in/notes.txt'), 'punctuation-width')).toBe('off');
    expect(severityOf(resolver, join(root, 'report.md'), 'punctuation-width')).toBe('warn');
    expect(severityOf(resolver, join(root, 'speeches/2024/x.md'), 'section-numbering')).toBe('off');
    expect(severityOf(resolver, join(root, 'other/speeches/x.md'), 'section-numbering')).toBe('error');
  });

  it('keeps options set farther away when a nearer config gives only a severity', () => {
    const root = makeTree({
      '.gongwenrc.json': json({ rules: { 'punctuation-width': ['warn', {}] } }),
      'sub/.gongwenrc.json': json({ rules: { 'punctuation-width': ['error'] } }),
    });
    expect(new ConfigResolver({ cwd: root }).settingsFor(join(root, 'sub/a.md')).get('punctuation-width')).toEqual({
      severity: 'error',
      options: rules.find((rule) => rule.id === 'punctuation-width')!.options.parse({}),
    });
  });

  it('resolves each directory once: files in one directory share the resolved rules', () => {
    const root = makeTree({ '.gongwenrc.json': json({ rules: { 'punctuation-width': 'warn' } }) });
    const resolver = new ConfigResolver({ cwd: root });
    expect(resolver.rulesFor(join(root, 'a.md'))).toBe(resolver.rulesFor(join(root, 'b.md')));
  });

  it('shares the resolved rules between directories under the same configs, and only between those', () => {
    const root = makeTree({
      '.gongwenrc.json': json({
        rules: { 'punctuation-width': 'warn' },
        overrides: [{ files: ['**/附件*.md'], rules: { 'paragraph-end': 'off' } }],
      }),
      'dept/.gongwenrc.json': json({ rules: { 'section-numbering': 'off' } }),
      'plain/.gongwenrc.json': json({ root: true, rules: {} }),
    });
    const resolver = new ConfigResolver({ cwd: root });
    const shared = resolver.rulesFor(join(root, 'd000/a.md'));
    // Folders without a config of their own: the rules of the configs above them, one object for all.
    expect(resolver.rulesFor(join(root, 'd001/b.md'))).toBe(shared);
    expect(resolver.rulesFor(join(root, 'd001/sub/c.md'))).toBe(shared);
    expect(resolver.rulesFor(join(root, 'a.md'))).toBe(shared);
    // Another chain of configs, or another set of matching overrides: rules of their own.
    const dept = resolver.rulesFor(join(root, 'dept/a.md'));
    expect(dept).not.toBe(shared);
    expect(dept.has('section-numbering')).toBe(false);
    expect(resolver.rulesFor(join(root, 'dept/x/b.md'))).toBe(dept);
    const attachment = resolver.rulesFor(join(root, 'd001/附件1.md'));
    expect(attachment).not.toBe(shared);
    expect(attachment.has('paragraph-end')).toBe(false);
    expect(resolver.rulesFor(join(root, 'dept/附件2.md'))).not.toBe(attachment);
    expect(resolver.rulesFor(join(root, 'dept/附件2.md')).has('section-numbering')).toBe(false);
    const plain = resolver.rulesFor(join(root, 'plain/a.md'));
    expect(plain.get('punctuation-width')?.severity).toBe(rules.find((rule) => rule.id === 'punctuation-width')!.severity);
    expect(plain).not.toBe(shared);
  });

  it('names the config file that ignores a path, for files below its directory only', () => {
    const root = makeTree({ 'docs/.gongwenrc.json': json({ ignores: ['drafts', 'old/*.md'] }) });
    const resolver = new ConfigResolver({ cwd: root });
    expect(resolver.ignoredBy(join(root, 'docs/drafts/a.md'))).toBe(join(root, 'docs/.gongwenrc.json'));
    expect(resolver.ignoredBy(join(root, 'docs/x/drafts/a.md'))).toBe(join(root, 'docs/.gongwenrc.json'));
    expect(resolver.ignoredBy(join(root, 'docs/old/a.md'))).toBe(join(root, 'docs/.gongwenrc.json'));
    expect(resolver.ignoredBy(join(root, 'docs/old/a.txt'))).toBeUndefined();
    expect(resolver.ignoredBy(join(root, 'docs/report.md'))).toBeUndefined();
  });
});

describe('--config', () => {
  it('uses the given file instead of discovery, with its globs relative to its own directory', () => {
    const root = makeTree({
      '.gongwenrc.json': json({ rules: { 'section-numbering': 'off' } }),
      'shared/strict.yaml': 'rules:\n  punctuation-width: warn\noverrides:\n  - files: ["*.txt"]\n    rules:\n      paragraph-end: "off"\n',
    });
    const resolver = new ConfigResolver({ cwd: root, configFile: 'shared/strict.yaml' });
    expect(severityOf(resolver, join(root, 'a.md'), 'section-numbering')).toBe('error');
    expect(severityOf(resolver, join(root, 'a.md'), 'punctuation-width')).toBe('warn');
    expect(severityOf(resolver, join(root, 'a.txt'), 'paragraph-end')).toBe('off');
  });

  it('throws ConfigError for a missing file', () => {
    const root = makeTree({});
    expect(() => new ConfigResolver({ cwd: root, configFile: 'none.json' })).toThrow(/none\.json：无法读取配置文件：文件不存在/);
  });
});

describe('config errors name the file and the key, in Chinese', () => {
  const cases: [string, Record<string, string>, RegExp][] = [
    ['malformed JSON', { '.gongwenrc.json': '{\n  "rules": {\n    "punctuation-width": "warn",\n  }\n}' }, /\.gongwenrc\.json：不是有效的 JSON（第 4 行第 3 列）/],
    ['malformed YAML', { '.gongwenrc.yaml': 'rules:\n  punctuation-width: [warn\n' }, /\.gongwenrc\.yaml：不是有效的 YAML（第 \d+ 行第 \d+ 列）/],
    ['wrong shape', { '.gongwenrc.json': json({ ignores: 'drafts' }) }, /\.gongwenrc\.json：配置项 ignores 有误：.*期望 数组/],
    ['unknown top-level key', { '.gongwenrc.json': json({ rule: {} }) }, /\.gongwenrc\.json：配置项 rule 不是已知的配置项/],
    ['unknown rule id', { '.gongwenrc.json': json({ rules: { 'punctuation-widht': 'warn' } }) }, /\.gongwenrc\.json：配置项 rules\.punctuation-widht 指向不存在的规则“punctuation-widht”/],
    ['bad severity', { '.gongwenrc.json': json({ rules: { 'punctuation-width': 'warning' } }) }, /配置项 rules\.punctuation-width 的严重程度“warning”无效，应为 "off"、"warn" 或 "error"/],
    ['numeric severity', { '.gongwenrc.yml': 'rules:\n  punctuation-width: 2\n' }, /\.gongwenrc\.yml：配置项 rules\.punctuation-width 应为严重程度/],
    ['invalid options', { '.gongwenrc.json': json({ overrides: [{ files: ['*.md'], rules: { 'paragraph-end': ['warn', { maxLength: 3 }] } }] }) }, /配置项 overrides\[0\]\.rules\.paragraph-end\[1\]\.maxLength 不是规则“paragraph-end”的选项/],
    ['override without files', { '.gongwenrc.json': json({ overrides: [{ rules: {} }] }) }, /配置项 overrides\[0\]\.files 有误/],
    ['package.json key of the wrong type', { 'package.json': json({ gongwen: ['warn'] }) }, /package\.json：配置项 gongwen 应为一个对象/],
    ['package.json rule error', { 'package.json': json({ gongwen: { rules: { nope: 'off' } } }) }, /package\.json：配置项 gongwen\.rules\.nope 指向不存在的规则/],
  ];
  for (const [name, files, expected] of cases) {
    it(name, () => {
      const root = makeTree(files);
      const resolver = new ConfigResolver({ cwd: root });
      let caught: unknown;
      try {
        resolver.rulesFor(join(root, 'a.md'));
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(ConfigError);
      expect((caught as ConfigError).message).toMatch(expected);
      expect((caught as ConfigError).source).toBe(join(root, Object.keys(files)[0]));
    });
  }

  it('reports the error for every file below the broken config, but not for a root config below it', () => {
    const root = makeTree({
      '.gongwenrc.json': '{',
      'independent/.gongwenrc.json': json({ root: true }),
    });
    const resolver = new ConfigResolver({ cwd: root });
    expect(() => resolver.rulesFor(join(root, 'sub/a.md'))).toThrow(ConfigError);
    expect(resolver.rulesFor(join(root, 'independent/a.md')).size).toBeGreaterThan(0);
  });

  it('loadConfigFile validates any file name as JSON unless it ends in .yaml or .yml', () => {
    const root = makeTree({ 'team.conf': 'rules: {}' });
    expect(() => loadConfigFile(join(root, 'team.conf'))).toThrow(/team\.conf：不是有效的 JSON/);
  });
});

describe('parseRuleFlag', () => {
  it('reads "id: severity", YAML flow and JSON forms', () => {
    expect(parseRuleFlag('punctuation-width: off')).toEqual({ 'punctuation-width': 'off' });
    expect(parseRuleFlag('punctuation-width:warn')).toEqual({ 'punctuation-width': 'warn' });
    expect(parseRuleFlag('punctuation-width: [warn, {}]')).toEqual({ 'punctuation-width': ['warn', {}] });
    expect(parseRuleFlag('{"punctuation-width": ["error", {}], "section-numbering": "off"}')).toEqual({
      'punctuation-width': ['error', {}],
      'section-numbering': 'off',
    });
  });

  it('rejects bad syntax, unknown ids, bad severities and options, naming --rule and the key', () => {
    expect(() => parseRuleFlag('punctuation-width')).toThrow(/^--rule：“punctuation-width”应写成/);
    expect(() => parseRuleFlag('{punctuation-width: [warn')).toThrow(/^--rule：.*无法解析/);
    expect(() => parseRuleFlag('no-such-rule: off')).toThrow(/^--rule：配置项 rules\.no-such-rule 指向不存在的规则/);
    expect(() => parseRuleFlag('punctuation-width: on')).toThrow(/^--rule：配置项 rules\.punctuation-width 的严重程度“on”无效/);
    expect(() => parseRuleFlag('punctuation-width: [warn, {level: 2}]')).toThrow(/rules\.punctuation-width\[1\]\.level 不是规则“punctuation-width”的选项/);
  });

  it('is applied last, over every config file', () => {
    const root = makeTree({ '.gongwenrc.json': json({ root: true, rules: { 'punctuation-width': 'off' } }) });
    const resolver = new ConfigResolver({ cwd: root, cliRules: parseRuleFlag('punctuation-width: warn') });
    expect(severityOf(resolver, join(root, 'a.md'), 'punctuation-width')).toBe('warn');
  });
});

describe('calculateConfigForFile', () => {
  it('lists every rule with its effective severity and options, defaults filled in', () => {
    const root = makeTree({
      '.gongwenrc.json': json({ rules: { 'section-numbering': 'off' }, overrides: [{ files: ['*.txt'], rules: { 'paragraph-end': 'warn' } }] }),
    });
    const config = calculateConfigForFile('notes/a.txt', { cwd: root, cliRules: { 'punctuation-width': 'warn' } });
    expect(Object.keys(config.rules)).toEqual(rules.map((rule) => rule.id));
    const defaults = (id: string): unknown => rules.find((rule) => rule.id === id)!.options.parse({});
    expect(config.rules['section-numbering']).toEqual(['off', defaults('section-numbering')]);
    expect(config.rules['paragraph-end']).toEqual(['warn', defaults('paragraph-end')]);
    expect(config.rules['punctuation-width']).toEqual(['warn', defaults('punctuation-width')]);
    const pair = rules.find((rule) => rule.id === 'punctuation-pair')!;
    expect(config.rules['punctuation-pair']).toEqual([pair.severity, defaults('punctuation-pair')]);
  });
});
