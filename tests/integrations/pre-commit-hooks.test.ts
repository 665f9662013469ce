import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../helpers/run-cli.js';
import { makeProject } from './make-project.js';

interface Hook {
  id: string;
  name: string;
  entry: string;
  language: string;
  types_or?: string[];
  files?: string;
}

const hooks = parse(readFileSync(resolve('.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
const packageJson = JSON.parse(readFileSync(resolve('package.json'), 'utf8')) as { bin: Record<string, string> };

let cleanup: (() => void)[] = [];
afterEach(() => {
  for (const remove of cleanup) remove();
  cleanup = [];
});

describe('.pre-commit-hooks.yaml', () => {
  it('declares one node hook whose entry is a bin of this package, for Markdown, plain-text and Word files', () => {
    expect(hooks).toHaveLength(1);
    const [hook] = hooks;
    expect(hook).toMatchObject({ id: 'gongwen-lint', entry: 'gongwen-lint', language: 'node' });
    expect(Object.keys(packageJson.bin)).toContain(hook.entry);
    // A file pattern: identify's `text` tag would take every source file, and it has no tag for .docx.
    const pattern = new RegExp(hook.files ?? '$^');
    for (const name of ['通知.md', 'a/b.markdown', '请示.txt', '请示.docx']) expect(pattern.test(name), name).toBe(true);
    for (const name of ['package.json', 'src/index.ts', '请示.doc', 'docx/readme']) expect(pattern.test(name), name).toBe(false);
    expect(hook.name.length).toBeGreaterThan(0);
  });

  it('its entry, given staged file names as pre-commit passes them, refuses a blank and accepts clean drafts', () => {
    const project = makeProject(
      {
        'docs/通知.md': '# 关于开展安全检查的通知\n\n请各单位于X月X日前报送检查情况。\n',
        'docs/请示.txt': '妥否，请批示。\n',
        'docs/纪要.md': '# 会议纪要\n\n会议研究了安全生产工作。\n',
      },
      'gongwen-hook-',
    );
    cleanup.push(project.remove);
    const refused = runCli(['docs/通知.md', 'docs/请示.txt'], { cwd: project.directory });
    expect(refused.status).toBe(1);
    expect(refused.stdout).toContain('docs/通知.md');
    expect(refused.stdout).toContain('no-placeholder');
    expect(runCli(['docs/请示.txt', 'docs/纪要.md'], { cwd: project.directory })).toMatchObject({ status: 0, stdout: '' });
  });
});
