import { chmodSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/core/config/resolve-rules.js';
import { lintFiles, type LintFilesOptions } from '../../src/node/lint-files.js';
import { CLEAN_DRAFT, COMMA_DRAFT, makeTree } from './make-tree.js';

function options(cwd: string, extra: Partial<LintFilesOptions> = {}): LintFilesOptions {
  return { cwd, ignore: true, ignorePatterns: [], reportUnusedDisableDirectives: false, ...extra };
}

const FATAL_AT_START = { ruleId: null, fatal: true, severity: 2, line: 1, column: 1, endLine: 1, endColumn: 1 };

describe('lintFiles', () => {
  it('lints every file with its own config and returns results sorted by path', async () => {
    const root = makeTree({
      'b.md': COMMA_DRAFT,
      'a.txt': COMMA_DRAFT,
      'quiet/.gongwenrc.json': JSON.stringify({ rules: { 'punctuation-width': 'off' } }),
      'quiet/c.md': COMMA_DRAFT,
      'warned/.gongwenrc.yaml': 'rules:\n  punctuation-width: warn\n',
      'warned/d.md': COMMA_DRAFT,
    });
    const results = await lintFiles(['.'], options(root));
    expect(results.map((result) => result.filePath)).toEqual(['a.txt', 'b.md', 'quiet/c.md', 'warned/d.md'].map((path) => join(root, path)));
    const summary = results.map((result) => result.messages.map((message) => `${message.ruleId}:${message.severity}`));
    expect(summary).toEqual([['punctuation-width:2'], ['punctuation-width:2'], [], ['punctuation-width:1']]);
    expect(results[0].messages[0]).toMatchObject({ line: 1, column: 13 });
  });

  it('turns a missing path, an unmatched glob and an empty directory into fatal results, and lints the rest', async () => {
    const root = makeTree({ 'ok.md': COMMA_DRAFT, 'empty/': '' });
    const results = await lintFiles(['ok.md', 'missing.md', 'empty', 'drafts/*.md'], options(root));
    expect(results.map((result) => [result.filePath.slice(root.length + 1), result.errorCount, result.fatalErrorCount])).toEqual([
      ['drafts/*.md', 1, 1],
      ['empty', 1, 1],
      ['missing.md', 1, 1],
      ['ok.md', 1, 0],
    ]);
    expect(results[2].messages).toEqual([{ ...FATAL_AT_START, message: '找不到文件或目录“missing.md”，请检查路径' }]);
  });

  it('reports an ignored file named explicitly as a warning, not a fatal error', async () => {
    const root = makeTree({ '.gongwenignore': 'old.md\n', 'old.md': COMMA_DRAFT });
    const [result] = await lintFiles(['old.md'], options(root));
    expect(result).toMatchObject({ errorCount: 0, warningCount: 1, fatalErrorCount: 0 });
    expect(result.messages[0]).toMatchObject({ ruleId: null, severity: 1 });
    expect(result.messages[0].fatal).toBeUndefined();
    const [linted] = await lintFiles(['old.md'], options(root, { ignore: false }));
    expect(linted.messages.map((message) => message.ruleId)).toEqual(['punctuation-width']);
  });

  it('skips files excluded by a config "ignores" when walking', async () => {
    const root = makeTree({ '.gongwenrc.json': JSON.stringify({ ignores: ['drafts'] }), 'drafts/a.md': COMMA_DRAFT, 'b.md': CLEAN_DRAFT });
    expect((await lintFiles(['.'], options(root))).map((result) => result.filePath)).toEqual([join(root, 'b.md')]);
  });

  it('gives files under a broken config a fatal message naming the config, and lints the others', async () => {
    const root = makeTree({ 'bad/.gongwenrc.json': '{"rules": {"nope": "off"}}', 'bad/a.md': CLEAN_DRAFT, 'good/b.md': COMMA_DRAFT });
    const results = await lintFiles(['.'], options(root));
    expect(results[0].messages).toEqual([
      {
        ...FATAL_AT_START,
        message: `${join(root, 'bad/.gongwenrc.json')}：配置项 rules.nope 指向不存在的规则“nope”（用 --list-rules 查看全部规则）`,
      },
    ]);
    expect(results[1].messages.map((message) => message.ruleId)).toEqual(['punctuation-width']);
  });

  it('turns a named file that is not text into a fatal message', async () => {
    const root = makeTree({ 'scan.md': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0, 0xff, 0xfe, 0]), 'ok.md': CLEAN_DRAFT });
    const results = await lintFiles(['ok.md', 'scan.md'], options(root));
    expect(results.map((result) => result.fatalErrorCount)).toEqual([0, 1]);
    expect(results[1].messages[0].message).toContain('scan.md');
  });

  it('skips a file that is not text met while walking a directory, with a note for --verbose', async () => {
    const root = makeTree({ 'scan.md': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0, 0xff, 0xfe, 0]), 'ok.md': CLEAN_DRAFT });
    const notes: string[] = [];
    const results = await lintFiles(['.'], { ...options(root), onNote: (note) => notes.push(note) });
    expect(results.map((result) => basename(result.filePath))).toEqual(['ok.md']);
    expect(results[0].fatalErrorCount).toBe(0);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toContain('scan.md');
  });

  it('throws ConfigError for an invalid --config file or --rule, which concern every file', async () => {
    const root = makeTree({ 'a.md': CLEAN_DRAFT, 'bad.json': '[]' });
    await expect(lintFiles(['a.md'], options(root, { configFile: 'bad.json' }))).rejects.toThrow(ConfigError);
    await expect(lintFiles(['a.md'], options(root, { cliRules: { nope: 'off' } }))).rejects.toThrow(/^--rule：配置项 rules\.nope/);
  });

  it('applies --config instead of discovery and --rule over it', async () => {
    const root = makeTree({
      '.gongwenrc.json': JSON.stringify({ rules: { 'punctuation-width': 'off' } }),
      'team.json': JSON.stringify({ rules: { 'punctuation-width': 'warn' } }),
      'a.md': COMMA_DRAFT,
    });
    const [withConfig] = await lintFiles(['a.md'], options(root, { configFile: 'team.json' }));
    expect(withConfig.warningCount).toBe(1);
    const [withRule] = await lintFiles(['a.md'], options(root, { configFile: 'team.json', cliRules: { 'punctuation-width': 'error' } }));
    expect(withRule.errorCount).toBe(1);
  });
});

describe('lintFiles with fix', () => {
  it('writes fixes back and reports what remains, with the text before and after', async () => {
    const root = makeTree({ 'a.md': COMMA_DRAFT, 'clean.md': CLEAN_DRAFT });
    const results = await lintFiles(['.'], options(root, { fix: true }));
    expect(readFileSync(join(root, 'a.md'), 'utf8')).toBe(CLEAN_DRAFT);
    expect(results[0]).toMatchObject({ errorCount: 0, output: CLEAN_DRAFT, source: COMMA_DRAFT });
    expect(results[1].output).toBeUndefined();
    expect(results[1].source).toBeUndefined();
  });

  it('in a dry run sets output and source and leaves the file alone', async () => {
    const root = makeTree({ 'a.md': COMMA_DRAFT });
    const [result] = await lintFiles(['a.md'], options(root, { fix: 'dry-run' }));
    expect(result).toMatchObject({ output: CLEAN_DRAFT, source: COMMA_DRAFT, errorCount: 0 });
    expect(readFileSync(join(root, 'a.md'), 'utf8')).toBe(COMMA_DRAFT);
  });

  it('reports a file that cannot be written as fatal, with its findings as on disk, and fixes the others', async () => {
    const root = makeTree({ 'locked.md': COMMA_DRAFT, 'open.md': COMMA_DRAFT });
    chmodSync(join(root, 'locked.md'), 0o444);
    const [locked, open] = await lintFiles(['.'], options(root, { fix: true }));
    expect(readFileSync(join(root, 'locked.md'), 'utf8')).toBe(COMMA_DRAFT);
    expect(locked.output).toBeUndefined();
    expect(locked.messages.map((message) => message.ruleId)).toEqual([null, 'punctuation-width']);
    expect(locked.messages[0]).toMatchObject({ fatal: true, severity: 2 });
    expect(locked.messages[0].message).toContain('locked.md');
    expect(readFileSync(join(root, 'open.md'), 'utf8')).toBe(CLEAN_DRAFT);
    expect(open.output).toBe(CLEAN_DRAFT);
  });
});
