import { describe, expect, it } from 'vitest';
import { rulesById } from '../../rules/index.js';
import { resolveRules } from '../../src/core/config/resolve-rules.js';
import { applyFixes } from '../../src/core/fix.js';
import { lintDocument, parseDocument, type LintMessage } from '../../src/core/linter.js';
import type { Rule } from '../../src/core/rule.js';
import { docxFromXml } from '../fixtures/docx/build.js';

/** `docx`: the code is the inner XML of a Word document's `w:body` (see docxFromXml), linted as a .docx. */
type Format = 'md' | 'txt' | 'docx';

export interface ValidCase {
  code: string;
  format?: Format;
  options?: Record<string, unknown>;
  name?: string;
}

export interface ExpectedError {
  messageId: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  /** Checked key by key: only the keys given must match. */
  data?: Record<string, string | number>;
  /** The message must contain each of these substrings. */
  messageIncludes?: string[];
  /** Texts the suggestions' fixes would write, in order. */
  suggestions?: string[];
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedError[];
  /** The text after applying all fixes in one pass; `null` (the default) means no fix may be offered. */
  output?: string | null;
}

/**
 * Lints `code` with only `rule` enabled (at its default severity) and the given options. A whole Word package
 * (bytes) is linted as .docx; so is `code` with format `docx` (the inner XML of `w:body`).
 */
export function lintWithRule(rule: Rule, code: string | Uint8Array, format: Format = 'txt', options?: Record<string, unknown>): LintMessage[] {
  const rules = resolveRules(
    [...rulesById.values()],
    [{ source: 'test', rules: Object.fromEntries([...rulesById.keys()].map((id) => [id, id === rule.id ? (options ? ['error', options] : 'error') : 'off'])) }],
  );
  const document =
    typeof code !== 'string'
      ? parseDocument(code, 'docx')
      : format === 'docx'
        ? parseDocument(docxFromXml(code), 'docx')
        : parseDocument(code, format === 'md' ? 'markdown' : 'text');
  return lintDocument(document, { filePath: `test.${document.format}`, format: document.format, rules }, rulesById).messages;
}

function caseName(testCase: ValidCase): string {
  return testCase.name ?? `${testCase.format ?? 'txt'}: ${testCase.code.replace(/\n/g, '⏎')}`;
}

/**
 * A table-driven rule test in the manner of ESLint's RuleTester: valid cases must produce nothing; invalid
 * cases must produce exactly the listed findings (message id, positions, data) and the listed fix output.
 * Duplicate cases and unknown message ids fail the table itself.
 */
export function runRuleTests(rule: Rule, cases: { valid: (string | ValidCase)[]; invalid: InvalidCase[] }): void {
  const valid = cases.valid.map((entry) => (typeof entry === 'string' ? { code: entry } : entry));
  describe(rule.id, () => {
    it('has no duplicate cases', () => {
      const keys = [...valid, ...cases.invalid].map((c) => `${c.format ?? 'txt'}\u0000${c.code}\u0000${JSON.stringify(c.options ?? null)}`);
      const duplicates = keys.filter((key, index) => keys.indexOf(key) !== index);
      expect(duplicates.map((key) => key.split('\u0000')[1])).toEqual([]);
    });
    it('names only message ids the rule declares', () => {
      const unknown = cases.invalid.flatMap((c) => c.errors.map((e) => e.messageId)).filter((id) => !(id in rule.messages));
      expect(unknown).toEqual([]);
    });
    describe('valid', () => {
      for (const testCase of valid) {
        it(caseName(testCase), () => {
          const messages = lintWithRule(rule, testCase.code, testCase.format, testCase.options);
          expect(messages.map((m) => `${m.line}:${m.column} ${m.message}`)).toEqual([]);
        });
      }
    });
    describe('invalid', () => {
      for (const testCase of cases.invalid) {
        it(caseName(testCase), () => {
          const messages = lintWithRule(rule, testCase.code, testCase.format, testCase.options);
          const actual = messages.map((m) => ({
            messageId: m.messageId,
            line: m.line,
            column: m.column,
            ...(testCase.errors.some((e) => e.endLine !== undefined || e.endColumn !== undefined)
              ? { endLine: m.endLine, endColumn: m.endColumn }
              : {}),
          }));
          const expected = testCase.errors.map((e) => ({
            messageId: e.messageId,
            line: e.line,
            column: e.column,
            ...(testCase.errors.some((x) => x.endLine !== undefined || x.endColumn !== undefined)
              ? { endLine: e.endLine ?? e.line, endColumn: e.endColumn }
              : {}),
          }));
          expect(actual).toEqual(expected);
          testCase.errors.forEach((error, index) => {
            const message = messages[index];
            if (error.data) {
              const template = rule.messages[error.messageId as keyof typeof rule.messages];
              for (const [key, value] of Object.entries(error.data)) {
                expect(template, `message ${error.messageId} uses {{${key}}}`).toContain(`{{${key}}}`);
                expect(message.message).toContain(String(value));
              }
            }
            for (const part of error.messageIncludes ?? []) expect(message.message).toContain(part);
            if (error.suggestions) {
              const outputs = (message.suggestions ?? []).map((s) => testCase.code.slice(0, s.fix.range[0]) + s.fix.text + testCase.code.slice(s.fix.range[1]));
              expect(outputs).toEqual(error.suggestions);
            }
          });
          const output = testCase.output ?? null;
          if (output === null) {
            expect(messages.filter((m) => m.fix).map((m) => m.message)).toEqual([]);
          } else {
            expect(applyFixes(testCase.code, messages).output).toBe(output);
          }
        });
      }
    });
  });
}
