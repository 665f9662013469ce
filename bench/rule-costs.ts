/**
 * `npm run bench -- --rules`: the CPU time of each rule alone over a corpus, in this process. Every document is
 * parsed once; then each rule runs over all of them, several rounds, and the fastest round counts (the least
 * disturbed by other work on the machine). Wall-clock runs of the CLI cannot tell one rule from another.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rules, rulesById } from '../rules/index.js';
import { resolveRules, type ResolvedRules } from '../src/core/config/resolve-rules.js';
import type { GwDocument } from '../src/core/document.js';
import { lintDocument, loadMarkdownParser, parseDocument } from '../src/core/linter.js';
import { loadWordTable } from '../src/core/text/segmenter.js';

function markdownFiles(directory: string): string[] {
  return readdirSync(directory, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => join(directory, name));
}

function only(ruleId: string | undefined): ResolvedRules {
  const settings = Object.fromEntries(rules.map((rule) => [rule.id, rule.id === ruleId ? 'error' : 'off'] as const));
  return resolveRules([...rulesById.values()], [{ source: 'bench', rules: settings }]);
}

/** Fastest of `rounds` runs of `config` over the documents, in CPU milliseconds. */
function cpuMilliseconds(documents: readonly GwDocument[], config: ResolvedRules, rounds: number): number {
  let best = Infinity;
  for (let round = 0; round < rounds; round++) {
    const before = process.cpuUsage();
    for (const document of documents) lintDocument(document, { filePath: 'bench.md', format: 'markdown', rules: config }, rulesById);
    const used = process.cpuUsage(before);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

/**
 * A Markdown table of each rule's CPU time over the drafts in `directory`, the cost of the engine without rules
 * taken off. `newRules` (from --new-rules) are summed apart and set against the others.
 */
export async function ruleCosts(directory: string, newRules: ReadonlySet<string>, rounds = 5): Promise<string> {
  await Promise.all([loadMarkdownParser(), loadWordTable()]);
  const documents = markdownFiles(directory).map((path) => parseDocument(readFileSync(path, 'utf8'), 'markdown'));
  const engine = cpuMilliseconds(documents, only(undefined), rounds);
  const lines = ['| rule | CPU ms |', '|---|---|'];
  let existing = 0;
  let added = 0;
  for (const rule of rules) {
    const milliseconds = Math.max(0, cpuMilliseconds(documents, only(rule.id), rounds) - engine);
    if (newRules.has(rule.id)) added += milliseconds;
    else existing += milliseconds;
    lines.push(`| ${rule.id}${newRules.has(rule.id) ? ' (new)' : ''} | ${milliseconds.toFixed(1)} |`);
  }
  lines.push('', `${documents.length} drafts; engine without rules ${engine.toFixed(1)} ms (taken off each rule); all rules ${(existing + added).toFixed(0)} ms.`);
  if (newRules.size > 0 && existing > 0) {
    lines.push(`Rules named by --new-rules ${added.toFixed(0)} ms, the others ${existing.toFixed(0)} ms: ${((100 * added) / existing).toFixed(1)} % of the others' time.`);
  }
  return lines.join('\n');
}
