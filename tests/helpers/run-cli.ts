import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

/** The built binary: `npm test` builds before running the tests. */
export const CLI = resolve('dist/bin/cli.js');

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

export interface CliRunOptions {
  cwd?: string;
  /** Standard input: text, or the bytes of a file (a .docx through --stdin). */
  input?: string | Uint8Array;
  env?: Record<string, string>;
  /** Another build of the binary (a copy of the bundle); CLI by default. */
  cli?: string;
}

/**
 * Runs the CLI without a TTY and without colour variables inherited from the test runner. spawnSync rather
 * than execFileSync: it returns stderr and the exit status for every outcome, success included.
 */
export function runCli(args: readonly string[], options: CliRunOptions = {}): CliRun {
  const env: Record<string, string | undefined> = { ...process.env, ...options.env };
  if (!options.env || !('FORCE_COLOR' in options.env)) delete env.FORCE_COLOR;
  if (!options.env || !('NO_COLOR' in options.env)) delete env.NO_COLOR;
  const child = spawnSync(process.execPath, [options.cli ?? CLI, ...args], {
    cwd: options.cwd ?? resolve('.'),
    input: options.input ?? '',
    env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (child.error) throw child.error;
  if (child.status === null) throw new Error(`gongwen-lint was killed by ${child.signal}: ${child.stderr}`);
  return { status: child.status, stdout: child.stdout, stderr: child.stderr };
}
