import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// The generator is a plain Node script beside the sources; its functions are what `npm run word-table` runs.
// @ts-expect-error -- a .mjs file without type declarations
import { readJiebaDictionary, renderWordTable, TABLE_PATH } from '../../scripts/build-word-table.mjs';
import { segment, wordFrequency } from '../../src/core/text/segmenter.js';
import { CLASS_BASE, CLASSES_BY_LENGTH, CLASSES_PER_DOUBLING, WORDS_BY_LENGTH } from '../../src/core/text/word-frequencies.js';

describe('word-frequency table', () => {
  it('is what scripts/build-word-table.mjs derives from the installed jieba dictionary', () => {
    const { text, version } = readJiebaDictionary() as { text: string; version: string };
    expect(readFileSync(TABLE_PATH as URL, 'utf8')).toBe(renderWordTable(text, version));
  });
});

describe('segment', () => {
  const words = (text: string): string[] => {
    let start = 0;
    return segment(text).map((end) => text.slice(start, (start = end)));
  };

  it('cuts as jieba does without its HMM', () => {
    expect(words('要切实改进工作作风')).toEqual(['要', '切实', '改进', '工作', '作风']);
    expect(words('完成了了任务')).toEqual(['完成', '了', '了', '任务']);
    expect(words('现在在全国推广')).toEqual(['现在', '在', '全国', '推广']);
    expect(words('常常深入基层')).toEqual(['常常', '深入', '基层']);
  });

  it('cuts a text the same whatever was cut before it, shorter or longer', () => {
    const long = '要切实改进工作作风'.repeat(12);
    expect(words(long)).toEqual(Array.from({ length: 12 }, () => ['要', '切实', '改进', '工作', '作风']).flat());
    expect(words('完成了了任务')).toEqual(['完成', '了', '了', '任务']);
    expect(words(long.slice(0, 9))).toEqual(['要', '切实', '改进', '工作', '作风']);
  });

  it('cuts unknown characters one by one and handles empty text', () => {
    expect(words('醚醚')).toEqual(['醚', '醚']);
    expect(segment('')).toEqual([]);
  });

  it('finds every word of the table with its frequency, and no word the table does not hold', () => {
    const held = new Set<string>();
    WORDS_BY_LENGTH.forEach((words, index) => {
      for (let at = 0; at < words.length; at += index + 1) held.add(words.slice(at, at + index + 1));
    });
    const wrong: string[] = [];
    WORDS_BY_LENGTH.forEach((words, index) => {
      const length = index + 1;
      for (let at = 0, word = 0; at < words.length; at += length, word++) {
        const written = words.slice(at, at + length);
        if (wordFrequency(written) !== 2 ** ((CLASSES_BY_LENGTH[index].charCodeAt(word) - CLASS_BASE) / CLASSES_PER_DOUBLING)) wrong.push(written);
        // The same word with its first or last character one code higher or lower: in the table only if written there.
        for (const changed of [0, length - 1]) {
          for (const step of [-1, 1]) {
            const near = written.slice(0, changed) + String.fromCharCode(written.charCodeAt(changed) + step) + written.slice(changed + 1);
            if (!held.has(near) && wordFrequency(near) !== 0) wrong.push(near);
          }
        }
      }
    });
    expect(held.size).toBeGreaterThan(70_000);
    expect(wrong).toEqual([]);
  });

  it('knows frequent words and not rare ones', () => {
    expect(wordFrequency('的')).toBeGreaterThan(200_000);
    expect(wordFrequency('工作')).toBeGreaterThan(40_000);
    expect(wordFrequency('醚醚')).toBe(0);
  });
});
