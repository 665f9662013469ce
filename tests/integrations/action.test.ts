import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CLI } from '../helpers/run-cli.js';
import { makeProject } from './make-project.js';

interface ActionInput {
  description: string;
  required?: boolean;
  default?: string;
}

interface ActionStep {
  name?: string;
  shell?: string;
  env?: Record<string, string>;
  run?: string;
}

interface Action {
  name: string;
  description: string;
  inputs: Record<string, ActionInput>;
  runs: { using: string; steps: ActionStep[] };
}

const action = parse(readFileSync(resolve('action.yml'), 'utf8')) as Action;

let cleanup: (() => void)[] = [];
afterEach(() => {
  for (const remove of cleanup) remove();
  cleanup = [];
});

/** Fills `${{ inputs.name }}` as the runner does; any other expression would need a runner, so it fails the test. */
function evaluate(value: string, inputs: Record<string, string>): string {
  const filled = value.replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g, (_whole, name: string) => inputs[name] ?? '');
  if (filled.includes('${{')) throw new Error(`expression the test cannot evaluate: ${value}`);
  return filled;
}

/**
 * Runs the action's steps in `directory` as a runner would: inputs with their defaults, each step's env
 * evaluated, its script run by `bash --noprofile --norc -eo pipefail`. `npx` is a stand-in on PATH that logs
 * its arguments and runs the built CLI, so no package is downloaded.
 */
function runAction(
  directory: string,
  given: Record<string, string>,
  machine: { cpus?: number; nodeOptions?: string } = {},
): { status: number; stdout: string; npxCalls: string[][]; nodeOptions: string[] } {
  const inputs: Record<string, string> = {};
  for (const [name, input] of Object.entries(action.inputs)) inputs[name] = given[name] ?? input.default ?? '';
  const bin = join(directory, '.test-bin');
  const log = join(directory, '.npx-calls');
  const optionsLog = join(directory, '.npx-node-options');
  rmSync(log, { force: true });
  rmSync(optionsLog, { force: true });
  mkdirSync(bin, { recursive: true });
  writeFileSync(
    join(bin, 'npx'),
    `#!/usr/bin/env bash\nprintf '%s\\0' "$@" >> '${log}'\nprintf '\\n' >> '${log}'\nprintf '%s\\n' "$NODE_OPTIONS" >> '${optionsLog}'\nshift 2\nexec '${process.execPath}' '${CLI}' "$@"\n`,
  );
  chmodSync(join(bin, 'npx'), 0o755);
  // The runner's CPU count, as the step reads it.
  writeFileSync(join(bin, 'nproc'), `#!/usr/bin/env bash\necho ${machine.cpus ?? 4}\n`);
  chmodSync(join(bin, 'nproc'), 0o755);
  let stdout = '';
  let status = 0;
  for (const step of action.runs.steps) {
    if (step.run === undefined) continue;
    const env: Record<string, string | undefined> = { ...process.env, PATH: `${bin}:${process.env.PATH}`, NODE_OPTIONS: machine.nodeOptions };
    for (const [name, value] of Object.entries(step.env ?? {})) env[name] = evaluate(value, inputs);
    const scriptFile = join(directory, '.step.sh');
    writeFileSync(scriptFile, step.run);
    const child = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', scriptFile], { cwd: directory, env, encoding: 'utf8' });
    stdout += child.stdout;
    status = child.status ?? -1;
    if (status !== 0) break;
  }
  const npxCalls = existsSync(log)
    ? readFileSync(log, 'utf8')
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => line.split('\0').filter((arg) => arg !== ''))
    : [];
  const nodeOptions = existsSync(optionsLog) ? readFileSync(optionsLog, 'utf8').split('\n').slice(0, -1) : [];
  return { status, stdout, npxCalls, nodeOptions };
}

describe('action.yml', () => {
  it('is a composite action with the documented inputs, each passed to the script through INPUT_* variables', () => {
    expect(action.name).toBe('gongwen-lint');
    expect(action.runs.using).toBe('composite');
    expect(Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [name, input.default]))).toEqual({
      files: '.',
      format: 'github',
      args: '',
      sarif: '',
      version: 'latest',
    });
    for (const input of Object.values(action.inputs)) expect(input.description.length).toBeGreaterThan(0);
    const scripted = action.runs.steps.filter((step) => step.run !== undefined);
    expect(scripted.length).toBeGreaterThan(0);
    for (const step of scripted) {
      // A composite action's run step must name its shell; inputs must not be spliced into the script text.
      expect(step.shell).toBe('bash');
      expect(step.run).not.toContain('${{');
    }
    const env = Object.assign({}, ...scripted.map((step) => step.env ?? {}));
    for (const name of Object.keys(action.inputs)) expect(env[`INPUT_${name.toUpperCase()}`]).toBe(`\${{ inputs.${name} }}`);
  });

  it('annotates findings in GitHub’s format, writes SARIF when asked, and fails on errors', () => {
    const project = makeProject({ 'docs/通知.md': '# 关于开展安全检查的通知\n\n各乡镇人民政府,县直各单位：\n' }, 'gongwen-action-');
    cleanup.push(project.remove);
    const run = runAction(project.directory, { files: 'docs', sarif: 'reports/gongwen.sarif', version: '0.1.0', args: '--max-warnings 0' });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('::error file=docs/通知.md,line=3,');
    expect(run.npxCalls).toEqual([
      ['--yes', 'gongwen-lint@0.1.0', 'docs', '--format', 'github', '--max-warnings', '0'],
      ['--yes', 'gongwen-lint@0.1.0', 'docs', '--max-warnings', '0', '--format', 'sarif', '--output-file', 'reports/gongwen.sarif'],
    ]);
    const sarif = JSON.parse(readFileSync(join(project.directory, 'reports/gongwen.sarif'), 'utf8')) as { version: string; runs: { results: unknown[] }[] };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results).toHaveLength(1);
  });

  it('passes clean drafts with the defaults, and hands glob patterns to gongwen-lint unexpanded', () => {
    const project = makeProject({ 'docs/通知.md': '# 关于开展安全检查的通知\n\n各乡镇人民政府，县直各单位：\n' }, 'gongwen-action-');
    cleanup.push(project.remove);
    const defaults = runAction(project.directory, {});
    expect(defaults).toMatchObject({ status: 0, stdout: '' });
    expect(defaults.npxCalls).toEqual([['--yes', 'gongwen-lint@latest', '.', '--format', 'github']]);
    const globbed = runAction(project.directory, { files: 'docs/**/*.md\nREADME.md', version: '1' });
    expect(globbed.npxCalls[0].slice(2, 4)).toEqual(['docs/**/*.md', 'README.md']);
    expect(globbed.status).toBe(2);
  });

  it('runs gongwen-lint with one V8 background thread on two CPUs or fewer, and leaves other machines and the user’s setting alone', () => {
    const project = makeProject({ 'docs/通知.md': '# 关于开展安全检查的通知\n\n各乡镇人民政府，县直各单位：\n' }, 'gongwen-action-');
    cleanup.push(project.remove);
    const inputs = { files: 'docs', sarif: 'report.sarif' };
    expect(runAction(project.directory, inputs, { cpus: 2 }).nodeOptions).toEqual(['--v8-pool-size=1', '--v8-pool-size=1']);
    expect(runAction(project.directory, inputs, { cpus: 1, nodeOptions: '--max-old-space-size=4096' }).nodeOptions).toEqual([
      '--max-old-space-size=4096 --v8-pool-size=1',
      '--max-old-space-size=4096 --v8-pool-size=1',
    ]);
    expect(runAction(project.directory, inputs, { cpus: 4 }).nodeOptions).toEqual(['', '']);
    expect(runAction(project.directory, inputs, { cpus: 2, nodeOptions: '--v8-pool-size=3' }).nodeOptions).toEqual(['--v8-pool-size=3', '--v8-pool-size=3']);
    const clean = runAction(project.directory, inputs, { cpus: 2 });
    expect(clean.status).toBe(0);
  });
});
