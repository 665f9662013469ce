import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach } from 'vitest';

const made: string[] = [];

afterEach(() => {
  for (const root of made.splice(0)) rmSync(root, { recursive: true, force: true });
});

/**
 * Creates a directory tree under the system temp directory from `{ 'relative/path': content }` (a path
 * ending in `/` is an empty directory) and returns its real absolute path; removed after each test.
 */
export function makeTree(files: Record<string, string | Uint8Array>): string {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'gongwen-lint-')));
  made.push(root);
  for (const [path, content] of Object.entries(files)) {
    const target = join(root, path);
    if (path.endsWith('/')) {
      mkdirSync(target, { recursive: true });
      continue;
    }
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
  return root;
}

/** A sentence with one half-width comma between Chinese clauses: one `punctuation-width` error, fixable. */
export const COMMA_DRAFT = '会议研究了下半年重点工作,要求各部门抓好落实。\n';

/** A clean sentence. */
export const CLEAN_DRAFT = '会议研究了下半年重点工作，要求各部门抓好落实。\n';
