import { expect, it } from 'vitest';
import { lintText, type LintMessage } from '../../src/index.js';

/**
 * The engine carries findings with every field present (src/core/finding.ts); a caller's LintMessage must still
 * have only the keys that apply, in the order of the JSON report: `toStrictEqual` and `Object.keys` see them.
 */
const draft = [
  '<!-- gongwen-lint-disable-next-line no-placeholder -->',
  '各乡镇人民政府,;县直各部门：',
  '',
  '(一)加强组织领导,压实工作责任',
  '',
].join('\n');

function keysOf(messages: readonly LintMessage[]): string[] {
  return messages.map((message) => Object.keys(message).join(' '));
}

it('gives each message only the keys that apply, in the JSON order, none of them undefined', () => {
  const { messages } = lintText(draft, { filePath: '通知.md', reportUnusedDisableDirectives: true });
  const base = 'ruleId severity message messageId line column endLine endColumn';
  expect(keysOf(messages)).toEqual([
    'ruleId severity message line column endLine endColumn',
    `${base} suggestions excerpt`,
    `${base} fix excerpt`,
    `${base} fix excerpt`,
  ]);
  expect(messages.map((message) => `${message.line}:${message.column} ${message.ruleId ?? 'directive'}`)).toEqual([
    '1:1 directive',
    '2:8 punctuation-sequence',
    '4:1 section-numbering',
    '4:10 punctuation-width',
  ]);
  for (const message of messages) expect(Object.values(message)).not.toContain(undefined);
  expect(messages[2]).toStrictEqual({
    ruleId: 'section-numbering',
    severity: 2,
    message: messages[2].message,
    messageId: messages[2].messageId,
    line: 4,
    column: 1,
    endLine: 4,
    endColumn: 4,
    fix: { range: [72, 75], text: '（一）' },
    excerpt: { text: '(一)加强组织领导,压实工作责任', start: 0, end: 3 },
  });
});
