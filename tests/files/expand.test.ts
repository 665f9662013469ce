import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandPatterns, type ExpandOptions } from '../../src/node/files.js';
import { makeTree } from './make-tree.js';

function options(cwd: string, extra: Partial<ExpandOptions> = {}): ExpandOptions {
  return { cwd, ignore: true, ignorePatterns: [], ...extra };
}

describe('expandPatterns', () => {
  it('walks a directory for .md, .markdown, .txt and .docx, skipping node_modules, .git and Word lock files, sorted and unique', async () => {
    const root = makeTree({
      'docs/b.md': '',
      'docs/a.txt': '',
      'docs/sub/c.markdown': '',
      'docs/sub/README.MD': '',
      'docs/figure.png': '',
      'docs/notes.docx': '',
      'docs/~$notes.docx': '',
      'docs/node_modules/pkg/readme.md': '',
      'docs/.git/description.md': '',
    });
    const { files, problems } = await expandPatterns(['docs', 'docs/b.md', './docs'], options(root));
    expect(problems).toEqual([]);
    expect(files).toEqual(['docs/a.txt', 'docs/b.md', 'docs/notes.docx', 'docs/sub/README.MD', 'docs/sub/c.markdown'].map((path) => join(root, path)));
  });

  it('passes over Word lock files in globs too, but takes one named on the command line', async () => {
    const root = makeTree({ '请示.docx': '', '~$请示.docx': '', 'sub/~$通知.docx': '' });
    expect((await expandPatterns(['*.docx'], options(root))).files).toEqual([join(root, '请示.docx')]);
    expect((await expandPatterns(['**'], options(root))).files).toEqual([join(root, '请示.docx')]);
    expect((await expandPatterns(['~$请示.docx'], options(root))).files).toEqual([join(root, '~$请示.docx')]);
  });

  it('takes an explicitly named file of any extension', async () => {
    const root = makeTree({ '通知.text': '' });
    expect((await expandPatterns(['通知.text'], options(root))).files).toEqual([join(root, '通知.text')]);
  });

  it('expands globs; an extension-less glob takes only lintable files', async () => {
    const root = makeTree({ 'a/x.md': '', 'a/y.txt': '', 'a/z.png': '', 'a/w.text': '', 'a/node_modules/n.md': '' });
    expect((await expandPatterns(['a/**'], options(root))).files).toEqual([join(root, 'a/x.md'), join(root, 'a/y.txt')]);
    expect((await expandPatterns(['a/*.text'], options(root))).files).toEqual([join(root, 'a/w.text')]);
    expect((await expandPatterns(['**/*.md'], options(root))).files).toEqual([join(root, 'a/x.md')]);
  });

  it('reports a missing path, an unmatched glob and an empty directory, and still returns the other files', async () => {
    const root = makeTree({ 'ok.md': '', 'empty/': '', 'images/logo.png': '' });
    const { files, problems } = await expandPatterns(['missing.md', 'drafts/*.md', 'ok.md', 'empty', 'images'], options(root));
    expect(files).toEqual([join(root, 'ok.md')]);
    expect(problems.map(({ kind, filePath, severity }) => ({ kind, filePath, severity }))).toEqual([
      { kind: 'not-found', filePath: join(root, 'missing.md'), severity: 2 },
      { kind: 'no-match', filePath: join(root, 'drafts/*.md'), severity: 2 },
      { kind: 'no-files', filePath: join(root, 'empty'), severity: 2 },
      { kind: 'no-files', filePath: join(root, 'images'), severity: 2 },
    ]);
    expect(problems[0].message).toBe('找不到文件或目录“missing.md”，请检查路径');
    expect(problems[1].message).toBe('没有文件与“drafts/*.md”匹配，请检查模式和当前目录');
    expect(problems[2].message).toBe('目录“empty”中没有可检查的文件（.md、.markdown、.txt、.docx）');
  });
});

describe('ignores', () => {
  const tree = {
    '.git/': '',
    '.gitignore': 'build/\n*.tmp.md\n',
    'docs/.gongwenignore': 'archive\n!archive/keep.md\n',
    'docs/report.md': '',
    'docs/draft.tmp.md': '',
    'docs/archive/2019.md': '',
    'docs/archive/keep.md': '',
    'docs/build/out.md': '',
    'docs/minutes/m.md': '',
  };

  it('honours .gitignore up to the repository root and .gongwenignore in walked directories', async () => {
    const root = makeTree(tree);
    const { files, problems } = await expandPatterns(['docs'], options(root));
    expect(problems).toEqual([]);
    // A file inside an ignored directory cannot be re-included, as in git.
    expect(files).toEqual([join(root, 'docs/minutes/m.md'), join(root, 'docs/report.md')]);
  });

  it('does not read ignore files above the repository root', async () => {
    const root = makeTree({ '.gitignore': 'repo/\n', 'repo/.git/': '', 'repo/a.md': '' });
    expect((await expandPatterns(['.'], options(join(root, 'repo')))).files).toEqual([join(root, 'repo/a.md')]);
  });

  it('adds --ignore-pattern (relative to cwd) and config ignores', async () => {
    const root = makeTree(tree);
    const ignoredByConfig = (path: string): string | undefined => (path.endsWith('report.md') ? join(root, '.gongwenrc.json') : undefined);
    const { files } = await expandPatterns(['docs'], options(root, { ignorePatterns: ['docs/minutes/'], ignoredByConfig }));
    expect(files).toEqual([]);
  });

  it('turns every ignore off with ignore: false, but still skips node_modules when walking', async () => {
    const root = makeTree({ ...tree, 'docs/node_modules/x.md': '' });
    const { files } = await expandPatterns(['docs'], options(root, { ignore: false, ignorePatterns: ['docs/minutes/'] }));
    expect(files.map((file) => file.slice(root.length + 1))).toEqual([
      'docs/archive/2019.md',
      'docs/archive/keep.md',
      'docs/build/out.md',
      'docs/draft.tmp.md',
      'docs/minutes/m.md',
      'docs/report.md',
    ]);
  });

  it('warns about an explicitly named file that is ignored, naming what ignores it', async () => {
    const root = makeTree(tree);
    const { files, problems } = await expandPatterns(['docs/draft.tmp.md', 'docs/minutes/m.md'], options(root, { ignorePatterns: ['minutes'] }));
    expect(files).toEqual([]);
    expect(problems.map(({ kind, severity, message }) => ({ kind, severity, message }))).toEqual([
      {
        kind: 'ignored-file',
        severity: 1,
        message: '文件“docs/draft.tmp.md”被 .gitignore 忽略，未检查；如需检查，请加 --no-ignore',
      },
      {
        kind: 'ignored-file',
        severity: 1,
        message: '文件“docs/minutes/m.md”被 --ignore-pattern 忽略，未检查；如需检查，请加 --no-ignore',
      },
    ]);
  });

  it('reports a directory or glob whose files are all ignored', async () => {
    const root = makeTree(tree);
    const { problems } = await expandPatterns(['docs/archive', 'docs/*.tmp.md', 'docs/build'], options(root));
    expect(problems.map((problem) => problem.kind)).toEqual(['all-ignored', 'all-ignored', 'all-ignored']);
    expect(problems[0].message).toContain('docs/.gongwenignore');
    expect(problems[1].message).toBe(
      '与“docs/*.tmp.md”匹配的文件都被忽略规则（.gitignore、.gongwenignore、配置的 ignores 或 --ignore-pattern）排除，未检查；如需检查，请加 --no-ignore',
    );
  });
});
