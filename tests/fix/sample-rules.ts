/**
 * Small fixable rules for testing the fix machinery through the real engine (parser, offset mapping,
 * lintDocument), independent of which production rules exist yet. Each one is certain about its fix and
 * changes only punctuation, so the fix properties must hold for them.
 */
import * as z from 'zod';
import type { DocumentFormat } from '../../src/core/document.js';
import { lintDocument, parseDocument, type LintResult } from '../../src/core/linter.js';
import { defineRule, type Rule } from '../../src/core/rule.js';

const HAN = /\p{Script=Han}/u;

/** `,` between two Han characters → `，`. */
export const sampleHalfWidthComma = defineRule({
  id: 'sample-half-width-comma',
  description: '汉字之间的半角逗号应为全角',
  severity: 'error',
  fixable: true,
  messages: { halfWidth: '“,”应为“，”' },
  options: z.object({}),
  check(document, report) {
    for (const block of document.blocks) {
      const { text } = block;
      for (let i = text.indexOf(','); i !== -1; i = text.indexOf(',', i + 1)) {
        if (HAN.test(text.charAt(i - 1)) && HAN.test(text.charAt(i + 1))) {
          report({ block, start: i, end: i + 1, messageId: 'halfWidth', fix: { start: i, end: i + 1, text: '，' } });
        }
      }
    }
  },
});

/**
 * Every adjacent pair `。。` is reported with a fix deleting its second mark, so a run of n marks gives n-1
 * touching fixes: the fixer must defer the touching ones and converge over passes, not delete them all.
 */
export const sampleDoubledStop = defineRule({
  id: 'sample-doubled-stop',
  description: '句号不应连用',
  severity: 'error',
  fixable: true,
  messages: { doubled: '“。。”应只保留一个句号' },
  options: z.object({}),
  check(document, report) {
    for (const block of document.blocks) {
      const { text } = block;
      for (let i = text.indexOf('。。'); i !== -1; i = text.indexOf('。。', i + 1)) {
        report({ block, start: i, end: i + 2, messageId: 'doubled', fix: { start: i + 1, end: i + 2, text: '' } });
      }
    }
  },
});

/** `(一)` → `（一）` as one fix of two edits, leaving the numeral between them untouched. */
export const sampleMarkerBrackets = defineRule({
  id: 'sample-marker-brackets',
  description: '层次序号应使用全角括号',
  severity: 'warn',
  fixable: true,
  messages: { brackets: '“{{found}}”应使用全角括号' },
  options: z.object({}),
  check(document, report) {
    const marker = /\(([一二三四五六七八九十]+)\)/g;
    for (const block of document.blocks) {
      for (const match of block.text.matchAll(marker)) {
        const start = match.index;
        const end = start + match[0].length;
        report({
          block,
          start,
          end,
          messageId: 'brackets',
          data: { found: match[0] },
          fix: [
            { start, end: start + 1, text: '（' },
            { start: end - 1, end, text: '）' },
          ],
        });
      }
    }
  },
});

/** A fix whose text equals what it replaces: it must neither loop nor block the fixes beside it. */
export const sampleNoOpFix = defineRule({
  id: 'sample-no-op-fix',
  description: '报告全角分号并给出不改变文字的修复',
  severity: 'warn',
  fixable: true,
  messages: { noOp: '“；”（不改变文字的修复）' },
  options: z.object({}),
  check(document, report) {
    for (const block of document.blocks) {
      const { text } = block;
      for (let i = text.indexOf('；'); i !== -1; i = text.indexOf('；', i + 1)) {
        report({ block, start: i, end: i + 1, messageId: 'noOp', fix: { start: i, end: i + 1, text: '；' } });
      }
    }
  },
});

export const sampleRules: readonly Rule[] = [sampleHalfWidthComma, sampleDoubledStop, sampleMarkerBrackets, sampleNoOpFix];

/** A lint function over the given rules at their default severity, as lintText is over the registry. */
export function linterFor(rules: readonly Rule[], format: DocumentFormat): (text: string) => LintResult {
  const byId = new Map(rules.map((rule) => [rule.id, rule]));
  const resolved = new Map(rules.map((rule) => [rule.id, { severity: rule.severity, options: {} }]));
  return (text) => lintDocument(parseDocument(text, format), { filePath: format === 'markdown' ? 'sample.md' : 'sample.txt', format, rules: resolved }, byId);
}
