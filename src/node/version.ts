import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/**
 * gongwen-lint's own version, from its package.json. Found by walking up from this module, because the
 * module runs both as TypeScript source (src/, under the tests) and built (dist/src/node/).
 */
export function packageVersion(): string {
  if (cached !== undefined) return cached;
  let directory = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    try {
      const manifest = JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (manifest.name === 'gongwen-lint' && manifest.version) return (cached = manifest.version);
    } catch {
      // No package.json here: keep walking up.
    }
    const parent = dirname(directory);
    if (parent === directory) throw new Error('gongwen-lint 的 package.json 未找到');
    directory = parent;
  }
}
