import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { applyFixes, fixText, MAX_FIX_PASSES } from '../../src/core/fix.js';
import type { LintMessage, LintResult } from '../../src/core/linter.js';
import { defineRule } from '../../src/core/rule.js';
import { linterFor, sampleDoubledStop, sampleHalfWidthComma, sampleMarkerBrackets, sampleNoOpFix, sampleRules } from './sample-rules.js';

/** A finding with just what applyFixes reads. */
function finding(start: number, end: number, text: string, ruleId = 'r'): LintMessage {
  return { ruleId, severity: 2, message: '', line: 1, column: start + 1, endLine: 1, endColumn: end + 1, fix: { range: [start, end], text } };
}

describe('applyFixes', () => {
  it('applies fixes from the end backwards so that earlier offsets stay valid', () => {
    const applied = applyFixes('甲,乙,丙', [finding(1, 2, '，'), finding(3, 4, '，')]);
    expect(applied.output).toBe('甲，乙，丙');
    expect(applied.fixed).toHaveLength(2);
  });

  it('defers a fix that overlaps one already taken', () => {
    const later = finding(2, 5, 'x');
    const applied = applyFixes('0123456', [finding(4, 6, 'y'), later]);
    expect(applied.output).toBe('0123y6');
    expect(applied.deferred).toEqual([later]);
  });

  it('defers a fix that touches one already taken, rather than losing both marks of `，；`', () => {
    const dropComma = finding(1, 2, '');
    const applied = applyFixes('甲，；乙', [dropComma, finding(2, 3, '')]);
    expect(applied.output).toBe('甲，乙');
    expect(applied.deferred).toEqual([dropComma]);
  });

  it('takes one of two insertions at the same place and defers the other', () => {
    const applied = applyFixes('甲乙', [finding(1, 1, '，'), finding(1, 1, '、')]);
    expect(applied.fixed).toHaveLength(1);
    expect(applied.deferred).toHaveLength(1);
    expect(applied.output.length).toBe(3);
  });

  it('sets aside a fix that would change nothing, so it neither counts as progress nor blocks its neighbour', () => {
    const noOp = finding(1, 2, '；');
    const applied = applyFixes('甲；,乙', [noOp, finding(2, 3, '，')]);
    expect(applied.output).toBe('甲；，乙');
    expect(applied.ineffective).toEqual([noOp]);
    expect(applied.fixed).toHaveLength(1);
  });

  it('sets aside a fix whose range is reversed or outside the text', () => {
    const reversed = finding(3, 1, 'x');
    const outside = finding(2, 9, 'x');
    const applied = applyFixes('甲乙丙', [reversed, outside]);
    expect(applied.output).toBe('甲乙丙');
    expect(applied.ineffective).toEqual([reversed, outside]);
  });

  it('leaves messages without a fix alone', () => {
    const plain: LintMessage = { ruleId: 'r', severity: 1, message: '', line: 1, column: 1, endLine: 1, endColumn: 2 };
    expect(applyFixes('甲', [plain])).toEqual({ output: '甲', fixed: [], deferred: [], ineffective: [] });
  });
});

describe('fixText', () => {
  const lintMarkdown = linterFor(sampleRules, 'markdown');
  const lintPlain = linterFor(sampleRules, 'text');

  it('fixes every finding it can and returns the findings that remain', () => {
    const source = '（一）加强领导,压实责任；细化分工。。\n(二)强化督查。';
    const { output, result, fixed } = fixText(source, lintPlain);
    expect(output).toBe('（一）加强领导，压实责任；细化分工。\n（二）强化督查。');
    expect(fixed.map((message) => message.ruleId).sort()).toEqual(['sample-doubled-stop', 'sample-half-width-comma', 'sample-marker-brackets']);
    // Only the no-op fix's finding is left: it is reported, never applied.
    expect(result.messages.map((message) => message.ruleId)).toEqual(['sample-no-op-fix']);
  });

  it('resolves a run of touching fixes over several passes instead of deleting the whole run', () => {
    const { output } = fixText('现将有关事项通知如下。。。。。。。。', lintPlain);
    expect(output).toBe('现将有关事项通知如下。');
  });

  it('keeps line endings, the final newline and the Markdown syntax around fixes byte for byte', () => {
    const source = '# 关于做好防汛工作的通知\r\n\r\n> 各乡镇,各部门：\r\n\n- 加强值守。。\r不得脱岗\n';
    const { output } = fixText(source, lintMarkdown);
    expect(output).toBe('# 关于做好防汛工作的通知\r\n\r\n> 各乡镇，各部门：\r\n\n- 加强值守。\r不得脱岗\n');
  });

  it('is idempotent', () => {
    const once = fixText('甲,乙。。。丙(三)', lintPlain).output;
    expect(fixText(once, lintPlain).output).toBe(once);
  });

  it('does not loop on a fix whose text equals what it replaces', () => {
    let lints = 0;
    const counting = (text: string): LintResult => {
      lints++;
      return linterFor([sampleNoOpFix], 'text')(text);
    };
    const { output, fixed } = fixText('甲；乙；丙', counting);
    expect(output).toBe('甲；乙；丙');
    expect(fixed).toEqual([]);
    expect(lints).toBe(1);
  });

  it('stops when rules undo each other, on a state where fixing again changes nothing', () => {
    const toFullWidth = defineRule({
      id: 'to-full-width',
      description: '半角括号改全角',
      severity: 'error',
      fixable: true,
      messages: { m: '改全角' },
      options: z.object({}),
      check(document, report) {
        for (const block of document.blocks) {
          const at = block.text.indexOf('(');
          if (at !== -1) report({ block, start: at, end: at + 1, messageId: 'm', fix: { start: at, end: at + 1, text: '（' } });
        }
      },
    });
    const toHalfWidth = defineRule({
      id: 'to-half-width',
      description: '全角括号改半角',
      severity: 'error',
      fixable: true,
      messages: { m: '改半角' },
      options: z.object({}),
      check(document, report) {
        for (const block of document.blocks) {
          const at = block.text.indexOf('（');
          if (at !== -1) report({ block, start: at, end: at + 1, messageId: 'm', fix: { start: at, end: at + 1, text: '(' } });
        }
      },
    });
    let lints = 0;
    const quarrelling = linterFor([toFullWidth, toHalfWidth], 'text');
    const counting = (text: string): LintResult => {
      lints++;
      return quarrelling(text);
    };
    const { output } = fixText('(一)', counting);
    expect(lints).toBeLessThan(MAX_FIX_PASSES);
    expect(fixText(output, quarrelling).output).toBe(output);
  });

  it('stops after the pass limit even if fixes keep coming', () => {
    const growing = defineRule({
      id: 'growing',
      description: '每次修复都会产生新的问题',
      severity: 'error',
      fixable: true,
      messages: { m: '追加' },
      options: z.object({}),
      check(document, report) {
        const block = document.blocks[0];
        if (block) report({ block, start: 0, end: 1, messageId: 'm', fix: { start: 0, end: 1, text: block.text.charAt(0) + '。' } });
      },
    });
    const { output } = fixText('甲', linterFor([growing], 'text'));
    expect(output).toBe('甲' + '。'.repeat(MAX_FIX_PASSES));
  });

  it('applies a two-edit fix without touching the text between its edits', () => {
    const { output } = fixText('(十二)各单位,要', linterFor([sampleMarkerBrackets, sampleHalfWidthComma], 'text'));
    expect(output).toBe('（十二）各单位，要');
  });

  it('fixes a long run linearly enough: 100,000 `。` collapse within the pass limit or are left for the next run', () => {
    const source = '通知如下' + '。'.repeat(100_000);
    const started = performance.now();
    const { output } = fixText(source, linterFor([sampleDoubledStop], 'text'));
    expect(performance.now() - started).toBeLessThan(20_000);
    // Each pass at least halves the run; ten passes leave ⌈100000 / 2^10⌉ marks at most.
    expect(output.length - 4).toBeLessThanOrEqual(Math.ceil(100_000 / 2 ** MAX_FIX_PASSES));
  });
});
