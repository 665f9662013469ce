/** Projects for the integration tests to run the built CLI in (with tests/helpers/run-cli.ts). */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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
