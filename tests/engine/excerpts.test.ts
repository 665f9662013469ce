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
