import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import { lintWithRule } from '../helpers/rule-tester.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Fenced examples in a rule's doc page: ```text ❌ must produce a finding of the rule, ```text ✅ none.
 * ```xml examples are Word drafts (the inner XML of `w:body`, comments as `w:comment` elements), linted as .docx.
 */
function docExamples(markdown: string): { expectFinding: boolean; code: string; format: 'txt' | 'docx' }[] {
  const examples: { expectFinding: boolean; code: string; format: 'txt' | 'docx' }[] = [];
  const fence = /^```(text|xml) (❌|✅)\n([^]*?)^```$/gm;
  for (const match of markdown.matchAll(fence)) examples.push({ expectFinding: match[2] === '❌', code: match[3], format: match[1] === 'xml' ? 'docx' : 'txt' });
  return examples;
}

describe('rule registry', () => {
  it('is sorted by id and has one entry per file in rules/', () => {
    const ids = rules.map((rule) => rule.id);
    expect(ids).toEqual([...ids].sort());
    const files = readdirSync(`${root}rules`)
      .filter((name) => name.endsWith('.ts') && name !== 'index.ts')
      .map((name) => name.replace(/\.ts$/, ''));
    expect(ids).toEqual(files.sort());
  });

  it('is listed in the README with its description, default severity and fixability', () => {
    const readme = readFileSync(`${root}README.md`, 'utf8');
    for (const rule of rules) {
      const row = `| \`${rule.id}\` | ${rule.description} | ${{ error: '错误', warn: '警告', off: '关闭' }[rule.severity]} |${rule.fixable ? ' 是 ' : ' '}|`;
      expect(readme, rule.id).toContain(row);
    }
  });

  for (const rule of rules) {
    describe(rule.id, () => {
      it('is kebab-case, described in Chinese, and declares messages', () => {
        expect(rule.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
        expect(rule.description).toMatch(/[\u4e00-\u9fff]/);
        expect(Object.keys(rule.messages).length).toBeGreaterThan(0);
        for (const message of Object.values<string>(rule.messages)) expect(message).toMatch(/[\u4e00-\u9fff]/);
      });

      it('accepts an empty options object and fills in defaults', () => {
        expect(rule.options.safeParse({}).success).toBe(true);
      });

      it('has a test file', () => {
        expect(existsSync(`${root}tests/rules/${rule.id}.test.ts`)).toBe(true);
      });

      it('has a doc page whose description matches, with examples that hold', () => {
        const path = `${root}docs/rules/${rule.id}.md`;
        expect(existsSync(path)).toBe(true);
        const page = readFileSync(path, 'utf8');
        expect(page.startsWith(`# ${rule.id}\n`)).toBe(true);
        expect(page).toContain(rule.description);
        const examples = docExamples(page);
        expect(examples.some((example) => example.expectFinding)).toBe(true);
        expect(examples.some((example) => !example.expectFinding)).toBe(true);
        for (const example of examples) {
          const found = lintWithRule(rule, example.code, example.format).map((m) => `${m.line}:${m.column} ${m.message}`);
          if (example.expectFinding) expect(found, example.code).not.toEqual([]);
          else expect(found, example.code).toEqual([]);
        }
      });

      it('runs on empty input and on whitespace without findings', () => {
        for (const code of ['', '\n', '\r\n\r\n', '　　\n']) {
          expect(lintWithRule(rule, code, 'txt')).toEqual([]);
          expect(lintWithRule(rule, code, 'md')).toEqual([]);
        }
      });
    });
  }
});
