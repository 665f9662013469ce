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

/** The rules named on, every other rule off. */
function only(ruleIds: ReadonlySet<string>): ResolvedRules {
  const settings = Object.fromEntries(rules.map((rule) => [rule.id, ruleIds.has(rule.id) ? 'error' : 'off'] as const));
  return resolveRules([...rulesById.values()], [{ source: 'bench', rules: settings }]);
}

/**
 * Fastest of `rounds` runs of `config` over the documents, in CPU milliseconds. Each round lints a shallow copy of
 * each document: what the rules keep per document (in WeakMaps keyed by it, as the outline and the Word elements
 * are) is then computed again every round, as in a real run, instead of only in the first.
 */
function cpuMilliseconds(documents: readonly GwDocument[], config: ResolvedRules, rounds: number): number {
  let best = Infinity;
  for (let round = 0; round < rounds; round++) {
    const before = process.cpuUsage();
    for (const document of documents) lintDocument({ ...document }, { filePath: 'bench.md', format: 'markdown', rules: config }, rulesById);
    const used = process.cpuUsage(before);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

/**
 * A Markdown table of each rule's CPU time over the drafts in `directory`, the cost of the engine without rules
 * taken off. `newRules` (from --new-rules) are summed apart and set against the others (`oldRules`, from
 * --old-rules, when given; otherwise every rule not named); they are also timed
 * together, on top of the others (rules off by default left out unless named), since rules share what they
 * compute per document (the outline, the text of its blocks), and as a group of their own.
 */
export async function ruleCosts(directory: string, newRules: ReadonlySet<string>, oldRules: ReadonlySet<string> = new Set(), rounds = 5): Promise<string> {
  await Promise.all([loadMarkdownParser(), loadWordTable()]);
  const documents = markdownFiles(directory).map((path) => parseDocument(readFileSync(path, 'utf8'), 'markdown'));
  const engine = cpuMilliseconds(documents, only(new Set()), rounds);
  const lines = ['| rule | CPU ms |', '|---|---|'];
  let existing = 0;
  let added = 0;
  for (const rule of rules) {
    const milliseconds = Math.max(0, cpuMilliseconds(documents, only(new Set([rule.id])), rounds) - engine);
    if (newRules.has(rule.id)) added += milliseconds;
    else if (oldRules.size === 0 || oldRules.has(rule.id)) existing += milliseconds;
    lines.push(`| ${rule.id}${newRules.has(rule.id) ? ' (new)' : ''} | ${milliseconds.toFixed(1)} |`);
  }
  lines.push('', `${documents.length} drafts; engine without rules ${engine.toFixed(1)} ms (taken off each rule); the rules summed below ${(existing + added).toFixed(0)} ms.`);
  if (newRules.size > 0 && existing > 0) {
    // Each rule timed alone pays what the rules share (the trigger scan, the outline) in full, so this sum
    // overstates rules that share work; the two lines "together" below count it once.
    lines.push(
      `Each rule alone, summed (shared work counted once per rule): rules named by --new-rules ${added.toFixed(0)} ms, the others ${existing.toFixed(0)} ms, ${((100 * added) / existing).toFixed(1)} %.`,
    );
    // Without --old-rules, every rule not named that is on by default (terminology is off until configured).
    const others = oldRules.size > 0 ? oldRules : new Set(rules.filter((rule) => !newRules.has(rule.id) && rule.severity !== 'off').map((rule) => rule.id));
    const othersTogether = cpuMilliseconds(documents, only(others), rounds);
    const allTogether = cpuMilliseconds(documents, only(new Set([...others, ...newRules])), rounds);
    // The named rules as a group without the others: what they compute once for each other (a scan they share) counts
    // once, and nothing the others compute (the outline) is shared with them.
    const newTogether = cpuMilliseconds(documents, only(newRules), rounds);
    const othersCost = othersTogether - engine;
    const addedCost = allTogether - othersTogether;
    const groupCost = newTogether - engine;
    lines.push(
      `Together: the others ${othersCost.toFixed(0)} ms; the rules named by --new-rules added to them ${addedCost.toFixed(0)} ms, ${((100 * addedCost) / othersCost).toFixed(1)} % of the others' time.`,
      `The rules named by --new-rules together without the others ${groupCost.toFixed(0)} ms, ${((100 * groupCost) / othersCost).toFixed(1)} % of the others together.`,
    );
  }
  return lines.join('\n');
}
