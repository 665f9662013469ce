import { describe, expect, it } from 'vitest';
import { isTraditionalScript } from '../../src/core/text/script.js';

describe('isTraditionalScript', () => {
  it('tells traditional text from simplified by its frequent characters', () => {
    expect(isTraditionalScript([{ text: '我們的財政是人民的財政，這是國家的根本。' }])).toBe(true);
    expect(isTraditionalScript([{ text: '我们的财政是人民的财政，这是国家的根本。' }])).toBe(false);
  });

  it('counts over all texts, so a paragraph without such characters follows the document', () => {
    expect(isTraditionalScript([{ text: '」和「' }, { text: '國會對這個問題進行了討論。' }])).toBe(true);
    expect(isTraditionalScript([{ text: '」和「' }])).toBe(false);
  });
});
