/** Runs the built CLI in a directory, for the integration tests; `npm test` builds before running them. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const CLI = resolve('dist/bin/cli.js');

export interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

export function runCli(args: readonly string[], cwd: string): Run {
  const env: Record<string, string | undefined> = { ...process.env };
  delete env.FORCE_COLOR;
  const child = spawnSync(process.execPath, [CLI, ...args], { cwd, env, encoding: 'utf8' });
  if (child.error) throw child.error;
  if (child.status === null) throw new Error(`gongwen-lint was killed by ${child.signal}: ${child.stderr}`);
  return { status: child.status, stdout: child.stdout, stderr: child.stderr };
}

/** A temporary directory with the given files (a root `.gongwenrc.json` unless given); `remove()` deletes it. */
export function makeProject(files: Record<string, string>, prefix = 'gongwen-integration-'): { directory: string; write: (name: string, content: string) => void; remove: () => void } {
  const directory = mkdtempSync(join(tmpdir(), prefix));
  const write = (name: string, content: string): void => {
    mkdirSync(join(directory, name, '..'), { recursive: true });
    writeFileSync(join(directory, name), content);
  };
  for (const [name, content] of Object.entries({ '.gongwenrc.json': '{ "root": true }', ...files })) write(name, content);
  return { directory, write, remove: () => rmSync(directory, { recursive: true, force: true }) };
}
