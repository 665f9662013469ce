import stringWidth from 'string-width';
import { expect, it, vi } from 'vitest';
import { displayWidth, loadDisplayWidth } from '../../src/node/formatters/width.js';

await loadDisplayWidth();

it('agrees with string-width on every BMP code point', () => {
  const disagreements: string[] = [];
  for (let code = 0; code <= 0xffff; code++) {
    if (code >= 0xd800 && code <= 0xdfff) continue;
    const character = String.fromCharCode(code);
    if (displayWidth(character) !== stringWidth(character)) disagreements.push(code.toString(16));
  }
  expect(disagreements).toEqual([]);
});

it('agrees with string-width on mixed Chinese text, emoji and combining marks', () => {
  for (const text of ['关于2023年度“两个责任”落实情况（一）、', 'Windows XP，x86……——', '👍完成', 'e\u0301', '\t缩进', '', '㈠①Ⅱ○▲∶﹒\u2002完成', '↔\ufe0f方向', '○\u20dd', '■\u0301']) {
    expect(displayWidth(text)).toBe(stringWidth(text));
  }
});

it('asks for string-width to be loaded only when a text needs it', async () => {
  vi.resetModules();
  const fresh = await import('../../src/node/formatters/width.js');
  expect(fresh.displayWidth('关于2023年度工作的通知')).toBe(22);
  expect(() => fresh.displayWidth('👍完成')).toThrow(/loadDisplayWidth/);
});
