import { describe, expect, it } from 'vitest';
import { lintText, type LintMessage } from '../../src/index.js';
import { applyFixes } from '../../src/core/fix.js';
import { Finding } from '../../src/core/finding.js';
import { mergeFindings, RULE_PRECEDENCE } from '../../src/core/merge-findings.js';

function lint(text: string, rules: Record<string, 'off' | 'error'> = {}, filePath = '草稿.md'): LintMessage[] {
  return lintText(text, { filePath, config: { rules } }).messages;
}

function summary(messages: readonly LintMessage[]): string[] {
  return messages.map((m) => `${m.line}:${m.column}-${m.endColumn} ${m.ruleId ?? 'directive'}`);
}

describe('one finding per problem', () => {
  it('`,;` is one finding of punctuation-sequence, with its choices and not the width fix that leaves two marks', () => {
    const messages = lint('各乡镇人民政府,;县直各部门：');
    expect(summary(messages)).toEqual(['1:8-10 punctuation-sequence']);
    expect(messages[0].fix).toBeUndefined();
    expect(messages[0].suggestions?.map((s) => s.fix.text)).toEqual(['，', '；']);
  });

  it('`(一)` is one finding of section-numbering, with the fix both rules agree on', () => {
    const messages = lint('(一)加强组织领导');
    expect(summary(messages)).toEqual(['1:1-4 section-numbering']);
    expect(messages[0].fix).toEqual({ range: [0, 3], text: '（一）' });
  });

  it('a span inside another that starts at the same place merges; three rules on one mark give one finding', () => {
    const messages = lint('（1)落实安全生产责任制。');
    expect(summary(messages)).toEqual(['1:1-4 section-numbering']);
    expect(applyFixes('（1)落实安全生产责任制。', messages).output).toBe('（1）落实安全生产责任制。');
  });

  it('takes the fix of the less specific rule when the kept one offers the same change as a suggestion', () => {
    const messages = lint('会议明确了学历教育（普通高中、中等职业教育)的统计口径。');
    expect(summary(messages)).toEqual(['1:22-23 punctuation-pair']);
    expect(messages[0].fix).toEqual({ range: [21, 22], text: '）' });
  });

  it('keeps findings of different problems that only touch, or hold one another elsewhere than at an end', () => {
    // `某某` and `,` touch; the bracket pair holds `,,` but neither starts nor ends with it.
    expect(summary(lint('联系人：某某,报送人员(含,,借调人员)名单。'))).toEqual([
      '1:5-7 no-placeholder',
      '1:7-8 punctuation-width',
      '1:12-21 punctuation-width',
      '1:14-16 punctuation-sequence',
    ]);
  });

  it('turning the kept rule off shows the other rule’s finding as it was', () => {
    const messages = lint('各乡镇人民政府,;县直各部门：', { 'punctuation-sequence': 'off' });
    expect(summary(messages)).toEqual(['1:8-10 punctuation-width']);
    expect(messages[0].fix).toEqual({ range: [7, 9], text: '，；' });
    expect(summary(lint('(一)加强组织领导', { 'section-numbering': 'off' }))).toEqual(['1:1-4 punctuation-width']);
    expect(summary(lint('(一)加强组织领导', { 'punctuation-width': 'off' }))).toEqual(['1:1-4 section-numbering']);
  });

  it('a suppression comment for the kept rule shows the other; one for the other leaves the kept finding', () => {
    const keptSuppressed = ['<!-- gongwen-lint-disable-next-line punctuation-sequence -->', '各乡镇人民政府,;县直各部门：'].join('\n');
    expect(summary(lint(keptSuppressed))).toEqual(['2:8-10 punctuation-width']);
    const otherSuppressed = ['<!-- gongwen-lint-disable-next-line punctuation-width -->', '各乡镇人民政府,;县直各部门：'].join('\n');
    expect(summary(lint(otherSuppressed))).toEqual(['2:8-10 punctuation-sequence']);
  });

  it('a suppression comment that silences the other rule counts as used', () => {
    const draft = ['<!-- gongwen-lint-disable-next-line punctuation-width -->', '各乡镇人民政府,;县直各部门：'].join('\n');
    const messages = lintText(draft, { filePath: '草稿.md', reportUnusedDisableDirectives: true }).messages;
    expect(summary(messages)).toEqual(['2:8-10 punctuation-sequence']);
  });

  it('keeps the kept rule’s severity and counts one error', () => {
    const result = lintText('各乡镇人民政府,;县直各部门：', { filePath: '草稿.md' });
    expect(result.errorCount).toBe(1);
    expect(result.fixableErrorCount).toBe(0);
  });

  it('never merges a finding of a rule not listed, nor two findings of one rule', () => {
    // A finding of `ruleId` on line 1 from column 1 to `endColumn`.
    const finding = (ruleId: string, message: string, endColumn: number): Finding =>
      new Finding(ruleId, 2, message, 'id', 1, 1, 1, endColumn, undefined, undefined, undefined, undefined, 0);
    const unlisted = mergeFindings([finding('layout-paragraph', '整段的版式', 30), finding('punctuation-width', '宽度', 2)]);
    expect(unlisted.map((m) => m.ruleId).sort()).toEqual(['layout-paragraph', 'punctuation-width']);
    const oneRule = mergeFindings([finding('punctuation-width', '一处', 3), finding('punctuation-width', '另一处', 2)]);
    expect(oneRule).toHaveLength(2);
    expect(RULE_PRECEDENCE.at(-1)).toBe('punctuation-width');
  });
});
