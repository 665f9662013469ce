import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { lintDocument, parseDocument } from '../../src/core/linter.js';
import { defineRule, type Rule } from '../../src/core/rule.js';

/** A rule outside the merge precedence (its findings never merge) that reports the given spans of the last block. */
function spanRule(id: string, spans: readonly [number, number][]): Rule {
  return defineRule({
    id,
    description: '测试用规则',
    severity: 'error',
    fixable: false,
    messages: { found: '{{id}} 在此处发现问题' },
    options: z.object({}),
    check(document, report) {
      const block = document.blocks[document.blocks.length - 1];
      for (const [start, end] of spans) report({ block, start, end, messageId: 'found', data: { id } });
    },
  });
}

function lintWith(text: string, rules: readonly Rule[]): string[] {
  const rulesById = new Map(rules.map((rule) => [rule.id, rule]));
  const settings = new Map(rules.map((rule) => [rule.id, { severity: 'error' as const, options: {} }]));
  const result = lintDocument(parseDocument(text, 'markdown'), { filePath: '通知.md', format: 'markdown', rules: settings }, rulesById);
  return result.messages.map((message) => `${message.line}:${message.column}-${message.endColumn} ${message.ruleId}`);
}

describe('the order of findings', () => {
  it('sorts by position, then by rule id at one position, whatever order the rules ran in', () => {
    const text = '关于做好2026年春节期间安全生产工作的通知\n\n各乡镇人民政府,县直各部门：';
    const messages = lintWith(text, [spanRule('zeta-check', [[7, 8], [0, 2]]), spanRule('alpha-check', [[7, 9]])]);
    expect(messages).toEqual(['3:1-3 zeta-check', '3:8-10 alpha-check', '3:8-9 zeta-check']);
  });

  it('keeps one rule’s findings at one position in the order it reported them', () => {
    const text = '各乡镇人民政府,县直各部门：';
    expect(lintWith(text, [spanRule('beta-check', [[7, 9], [7, 8], [7, 10]])])).toEqual(['1:8-10 beta-check', '1:8-9 beta-check', '1:8-11 beta-check']);
  });
});
