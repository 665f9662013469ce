import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeDraft } from '../../src/node/io.js';
import { fixtures } from '../fixtures/encodings/generate.mjs';

/** The built binary: `npm test` builds before running the tests. */
const CLI = resolve('dist/bin/cli.js');
const fixtureDirectory = resolve('tests/fixtures/encodings');

let project: string;

beforeEach(() => {
  project = mkdtempSync(join(tmpdir(), 'gongwen-fix-'));
  // A root config, so that no config file above the temporary directory leaks in.
  writeFileSync(join(project, '.gongwenrc.json'), '{ "root": true }');
});

afterEach(() => {
  rmSync(project, { recursive: true, force: true });
});

function runCli(args: readonly string[]): { status: number | null; stdout: string; stderr: string } {
  const env = { ...process.env };
  delete env.FORCE_COLOR;
  const run = spawnSync(process.execPath, [CLI, ...args], { cwd: project, env, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** The fixture's text with its planted defects corrected, in its own bytes (made by the fixture script, not by src/io.ts). */
function expectedFixedBytes(fixture: (typeof fixtures)[number]): Buffer {
  let text = fixture.text;
  for (const [wrong, right] of fixture.defects) {
    expect(text.split(wrong)).toHaveLength(2);
    text = text.replace(wrong, right);
  }
  return fixture.encode(text);
}

describe('gongwen-lint --fix on files in their own encodings', () => {
  it('fixes a copy of each fixture to exactly the expected bytes', () => {
    for (const fixture of fixtures) copyFileSync(join(fixtureDirectory, fixture.file), join(project, fixture.file));
    chmodSync(join(project, 'request.utf16le-bom.txt'), 0o600);
    runCli(['--fix', '.']);
    for (const fixture of fixtures) {
      const written = readFileSync(join(project, fixture.file));
      expect(written.equals(expectedFixedBytes(fixture)), fixture.file).toBe(true);
      const original = decodeDraft(readFileSync(join(fixtureDirectory, fixture.file)));
      const fixed = decodeDraft(written);
      expect({ encoding: fixed.encoding, bom: fixed.bom }).toEqual({ encoding: original.encoding, bom: original.bom });
    }
    expect(statSync(join(project, 'request.utf16le-bom.txt')).mode & 0o777).toBe(0o600);
  });

  it('writes nothing with --fix-dry-run and shows the change as a diff', () => {
    const fixture = fixtures.find((candidate) => candidate.file === 'notice.gb18030.txt')!;
    copyFileSync(join(fixtureDirectory, fixture.file), join(project, fixture.file));
    const run = runCli(['--fix-dry-run', fixture.file]);
    expect(readFileSync(join(project, fixture.file)).equals(readFileSync(join(fixtureDirectory, fixture.file)))).toBe(true);
    expect(run.stdout).toContain('-为切实做好岁末年初安全生产工作,有效防范');
    expect(run.stdout).toContain('+为切实做好岁末年初安全生产工作，有效防范');
  });

  it('reports a read-only file in Chinese, exits 2, and still fixes the other files', () => {
    const [locked, open] = fixtures;
    copyFileSync(join(fixtureDirectory, locked.file), join(project, locked.file));
    copyFileSync(join(fixtureDirectory, open.file), join(project, open.file));
    chmodSync(join(project, locked.file), 0o444);
    const run = runCli(['--fix', locked.file, open.file]);
    expect(run.status).toBe(2);
    expect(run.stdout + run.stderr).toContain('无法写回修复结果（文件为只读，请先取消只读属性），原文件未改动');
    expect(readFileSync(join(project, locked.file)).equals(readFileSync(join(fixtureDirectory, locked.file)))).toBe(true);
    expect(readFileSync(join(project, open.file)).equals(expectedFixedBytes(open))).toBe(true);
  });

  it('calls a named binary file binary, in Chinese, with exit code 2', () => {
    writeFileSync(join(project, 'scan.md'), Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x00, 0x0a, 0xe2, 0xe3]));
    const run = runCli(['scan.md']);
    expect(run.status).toBe(2);
    expect(run.stdout + run.stderr).toContain('不是文本文件（含有 NUL 字节）');
  });
});
