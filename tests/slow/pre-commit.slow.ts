/**
 * The pre-commit framework itself (Debian's `pre-commit`, or pip's) installing and running the hook from
 * .pre-commit-hooks.yaml in a temporary repository. The hook repository is this package as npm packs it
 * (built files included, as on a release tag) with the hook file beside it and its dependencies bundled, so
 * that npm installs offline.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve('.');
const work = mkdtempSync(join(tmpdir(), 'gongwen-pre-commit-'));
const hookRepo = join(work, 'hook');
const project = join(work, 'project');
const env = {
  ...process.env,
  PRE_COMMIT_HOME: join(work, 'cache'),
  npm_config_offline: 'true',
  GIT_AUTHOR_NAME: '测试',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: '测试',
  GIT_COMMITTER_EMAIL: 'test@example.com',
};

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env, encoding: 'utf8' });
}

function commit(message: string): { status: number; output: string } {
  const child = spawnSync('git', ['commit', '-m', message], { cwd: project, env, encoding: 'utf8' });
  return { status: child.status ?? -1, output: child.stdout + child.stderr };
}

beforeAll(() => {
  mkdirSync(hookRepo);
  const tarball = execFileSync('npm', ['pack', '--pack-destination', work, '--ignore-scripts'], { cwd: root, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim().split('\n').pop()!;
  execFileSync('tar', ['xzf', join(work, tarball), '-C', hookRepo, '--strip-components=1']);
  copyFileSync(join(root, '.pre-commit-hooks.yaml'), join(hookRepo, '.pre-commit-hooks.yaml'));
  // pre-commit runs `npm install --dev` in the hook repository, packs it and installs the pack. Offline, the
  // package's own dependencies come from this checkout's node_modules, bundled; its dev tools are not wanted.
  const manifest = JSON.parse(readFileSync(join(hookRepo, 'package.json'), 'utf8')) as Record<string, unknown>;
  delete manifest.devDependencies;
  delete manifest.scripts;
  manifest.bundleDependencies = true;
  writeFileSync(join(hookRepo, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const dependencyDirectories = execFileSync('npm', ['ls', '--omit=dev', '--parseable', '--all'], { cwd: root, env, encoding: 'utf8' })
    .trim()
    .split('\n')
    .filter((directory) => directory !== root);
  for (const directory of dependencyDirectories) cpSync(directory, join(hookRepo, relative(root, directory)), { recursive: true });
  // npm reinstalls a package whose bin links are missing, so the links of the copied packages come too.
  const bin = join(root, 'node_modules/.bin');
  mkdirSync(join(hookRepo, 'node_modules/.bin'), { recursive: true });
  for (const name of readdirSync(bin)) {
    const target = realpathSync(join(bin, name));
    if (dependencyDirectories.some((directory) => target.startsWith(`${directory}/`))) {
      cpSync(join(bin, name), join(hookRepo, 'node_modules/.bin', name), { verbatimSymlinks: true });
    }
  }
  git(hookRepo, 'init', '-q');
  git(hookRepo, 'add', '-A');
  git(hookRepo, 'commit', '-q', '-m', 'hook');
  const rev = git(hookRepo, 'rev-parse', 'HEAD').trim();

  mkdirSync(project);
  git(project, 'init', '-q');
  writeFileSync(join(project, '.pre-commit-config.yaml'), `repos:\n  - repo: ${hookRepo}\n    rev: ${rev}\n    hooks:\n      - id: gongwen-lint\n`);
  writeFileSync(join(project, '.gongwenrc.json'), '{ "root": true }\n');
  execFileSync('pre-commit', ['install'], { cwd: project, env });
  git(project, 'add', '.pre-commit-config.yaml', '.gongwenrc.json');
}, 300_000);

// The pre-commit environment holds a Node installation and the bundled dependencies: removing it takes a while.
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
}, 300_000);

describe('pre-commit with the gongwen-lint hook', () => {
  it('refuses a commit with a blank left in a draft', () => {
    mkdirSync(join(project, '通知'), { recursive: true });
    writeFileSync(join(project, '通知/安全检查.md'), '# 关于开展安全检查的通知\n\n请各单位于X月X日前报送检查情况。\n');
    git(project, 'add', '通知/安全检查.md');
    const refused = commit('通知初稿');
    expect(refused.status).not.toBe(0);
    expect(refused.output).toMatch(/gongwen-lint.*Failed/);
    expect(refused.output).toContain('“X月X日”疑似未填写的占位符');
  });

  it('accepts it once the blank is filled; files of other types are not passed to the hook', () => {
    writeFileSync(join(project, '通知/安全检查.md'), '# 关于开展安全检查的通知\n\n请各单位于12月20日前报送检查情况。\n');
    writeFileSync(join(project, '数据.json'), '{ "说明": "占位,待填" }\n');
    git(project, 'add', '通知/安全检查.md', '数据.json');
    const accepted = commit('通知定稿');
    expect(accepted.output).toMatch(/gongwen-lint.*Passed/);
    expect(accepted.status).toBe(0);
  });
});
