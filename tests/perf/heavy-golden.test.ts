import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/corpus.js';
import { lintFiles } from '../../src/node/lint-files.js';

/**
 * Drafts as they come from templates (`npm run bench -- --defects heavy`), a deterministic sample: the work
 * on the cost per finding must leave every finding as it was. The counts were taken with main's code
 * without that work (main at dbf6ebf) and are the same with it. A change in what the rules detect changes them too: check the new counts, then update.
 */
let directory: string;

beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), 'gongwen-heavy-'));
  generateCorpus({
    directory,
    files: 60,
    bytesPerFile: 5000,
    seed: 20261126,
    sources: [fileURLToPath(new URL('../../examples', import.meta.url)), fileURLToPath(new URL('../../../shared/corpus/real', import.meta.url))],
    heavy: true,
  });
});
afterAll(() => rmSync(directory, { recursive: true, force: true }));

it('finds on the heavy sample exactly the counts per rule taken before the per-finding work', async () => {
  const results = await lintFiles(['.'], { cwd: directory, ignore: true, ignorePatterns: [], reportUnusedDisableDirectives: false, concurrency: 1 });
  const counts: Record<string, number> = {};
  for (const result of results) for (const message of result.messages) counts[message.ruleId ?? 'null'] = (counts[message.ruleId ?? 'null'] ?? 0) + 1;
  expect(results.length).toBe(60);
  expect(counts).toEqual(GOLDEN);
});

const GOLDEN = {
  'attachment-note': 60,
  'date-format': 3,
  'enumeration-sequence': 19,
  'heading-punctuation': 47,
  'no-placeholder': 1629,
  'number-usage': 7,
  'paragraph-end': 302,
  'punctuation-form': 10,
  'punctuation-pair': 27,
  'punctuation-sequence': 557,
  'punctuation-width': 3195,
  'section-numbering': 323,
};
