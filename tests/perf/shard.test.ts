import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseShard, selectShard } from '../../src/node/shard.js';

describe('parseShard', () => {
  it('reads i/n', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    expect(parseShard(' 1 / 1 ')).toEqual({ index: 1, count: 1 });
  });
  it.each(['0/4', '5/4', '1/0', 'a/b', '1-4', '', '1/'])('rejects %j with a Chinese message', (text) => {
    const parsed = parseShard(text);
    expect(typeof parsed).toBe('string');
    expect(parsed).toMatch(/--shard/);
  });
});

describe('selectShard', () => {
  it('splits any file list into disjoint parts that cover every file', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 1 }), { maxLength: 200 }), fc.integer({ min: 1, max: 9 }), (paths, count) => {
        const parts = Array.from({ length: count }, (_, i) => selectShard(paths, { index: i + 1, count }, (p) => p));
        const all = parts.flat();
        expect(all.length).toBe(paths.length);
        expect(new Set(all)).toEqual(new Set(paths));
      }),
    );
  });

  it('keeps a file in the same shard when other files are added', () => {
    const before = Array.from({ length: 300 }, (_, i) => `docs/通知-${i}.md`);
    const after = [...before, ...Array.from({ length: 50 }, (_, i) => `docs/新增-${i}.md`)];
    for (let index = 1; index <= 3; index++) {
      const shard = { index, count: 3 };
      const kept = new Set(selectShard(after, shard, (p) => p));
      for (const path of selectShard(before, shard, (p) => p)) expect(kept.has(path)).toBe(true);
    }
  });

  it('spreads a realistic repository roughly evenly', () => {
    const paths = Array.from({ length: 2000 }, (_, i) => `docs/${2020 + (i % 5)}/draft-${i}.md`);
    for (let index = 1; index <= 4; index++) {
      const size = selectShard(paths, { index, count: 4 }, (p) => p).length;
      expect(size).toBeGreaterThan(400);
      expect(size).toBeLessThan(600);
    }
  });

  it('treats Windows separators like POSIX ones', () => {
    for (let index = 1; index <= 3; index++) {
      const shard = { index, count: 3 };
      expect(selectShard(['docs\\a\\b.md'], shard, (p) => p).length).toBe(selectShard(['docs/a/b.md'], shard, (p) => p).length);
    }
  });
});
