/** One part of a sharded run: `index` is 1-based, as in `--shard 2/4`. */
export interface Shard {
  index: number;
  count: number;
}

/** Reads `i/n` with 1 ≤ i ≤ n; returns an error message (Chinese) instead of throwing. */
export function parseShard(text: string): Shard | string {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!match) return `--shard 的值“${text}”无效，应为“序号/总数”，如 --shard 1/4`;
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1 || index < 1 || index > count) return `--shard ${text} 无效：序号应在 1 到 ${count < 1 ? '总数' : count} 之间`;
  return { index, count };
}

/** FNV-1a over UTF-16 code units: cheap, stable across platforms and Node versions. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * Keeps the files of one shard. A file's shard depends only on its path relative to the project (with `/`
 * separators), so every CI job agrees without coordination, the parts are disjoint and together cover all
 * files, and adding a file never moves another one to a different shard.
 */
export function selectShard<T>(items: readonly T[], shard: Shard, relativePath: (item: T) => string): T[] {
  if (shard.count === 1) return [...items];
  return items.filter((item) => fnv1a(relativePath(item).replace(/\\/g, '/')) % shard.count === shard.index - 1);
}
