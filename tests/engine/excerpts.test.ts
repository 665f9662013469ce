import { expect, it } from 'vitest';
import { rules, rulesById } from '../../rules/index.js';
import { resolveRules } from '../../src/core/config/resolve-rules.js';
import { lintSource } from '../../src/core/linter.js';

const draft = ['# 关于报送XXXX年工作总结的通知', '', '各单位,请于X月X日前将总结报送办公室。', ''].join('\n');

function lint(excerpts: boolean | undefined) {
  return lintSource(draft, { filePath: '通知.md', format: 'markdown', rules: resolveRules(rules, []), excerpts }, rulesById);
}

it('leaves the excerpts out when asked, and nothing else changes', () => {
  const withExcerpts = lint(undefined);
  const without = lint(false);
  expect(withExcerpts.messages.length).toBeGreaterThan(2);
  expect(withExcerpts.messages.every((message) => message.excerpt !== undefined)).toBe(true);
  expect(without.messages.some((message) => message.excerpt !== undefined)).toBe(false);
  expect(without.messages).toEqual(withExcerpts.messages.map(({ excerpt: _excerpt, ...message }) => message));
  expect(withExcerpts.messages[1].excerpt).toEqual({ text: '各单位,请于X月X日前将总结报送办公室。', start: 3, end: 4 });
});

it('cuts the same window from a long paragraph as from a short one', () => {
  const sentence = '各单位要认真贯彻落实会议精神,结合本地区实际抓好工作部署。';
  const long = sentence.repeat(8);
  expect(long.length).toBeGreaterThan(200);
  const result = lintSource([sentence, '', long, ''].join('\n'), { filePath: '通知.md', format: 'markdown', rules: resolveRules(rules, []) }, rulesById);
  const commas = result.messages.filter((message) => message.ruleId === 'punctuation-width');
  expect(commas).toHaveLength(9);
  expect(commas[0].excerpt).toEqual({ text: sentence, start: 14, end: 15 });
  // In the long paragraph (eight sentences of 29 characters) the window is 20 code units either side of the comma.
  expect(commas[1].excerpt).toEqual({ text: sentence + sentence.slice(0, 6), start: 14, end: 15 });
  expect(commas[8].excerpt).toEqual({ text: sentence.slice(23) + sentence, start: 20, end: 21 });
});
