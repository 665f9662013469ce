import { readdirSync, readFileSync } from 'node:fs';
import type { LintMessage } from '../../src/core/linter.js';
import type { Rule } from '../../src/core/rule.js';
import { lintWithRule } from './rule-tester.js';

/** The published documents in ../shared (CI lays it beside the project too). */
const CORPUS = new URL('../../../shared/corpus/real/', import.meta.url);

/** The corpus files, sorted; there are over a hundred, so a test can tell a missing corpus from a clean one. */
export function corpusFiles(): string[] {
  return readdirSync(CORPUS)
    .filter((name) => name.endsWith('.txt'))
    .sort();
}

/**
 * Every finding of the given rules on every corpus file (as plain text), each described by `describe`,
 * in a stable order: file, then line and column (numbers compared as numbers).
 */
export function corpusFindings(rules: readonly Rule[], describe: (file: string, message: LintMessage, rule: Rule) => string): string[] {
  const found: string[] = [];
  for (const name of corpusFiles()) {
    const text = readCorpusFile(name);
    for (const rule of rules) for (const message of lintWithRule(rule, text, 'txt')) found.push(describe(name, message, rule));
  }
  return sortByPlace(found);
}

export function sortByPlace(lines: readonly string[]): string[] {
  return [...lines].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

export function readCorpusFile(name: string): string {
  return readFileSync(new URL(name, CORPUS), 'utf8');
}
