/**
 * The published documents of the corpus, each written as a .docx (one paragraph per line, runs split every
 * few characters): fixing through the package gives, paragraph by paragraph, what fixing the plain text gives.
 * About 25 s on this machine, so it runs with `npm run test:slow` (it needs no LibreOffice).
 */
import { describe, expect, it } from 'vitest';
import { rulesById } from '../../rules/index.js';
import { fixDocx } from '../../src/core/docx/fix-docx.js';
import { fixText } from '../../src/core/fix.js';
import { lintSource } from '../../src/core/linter.js';
import { parseDocx } from '../../src/core/parse/docx.js';
import { buildDocx } from '../../scripts/docx-writer.js';
import { corpusFiles, readCorpusFile } from '../helpers/corpus.js';
import { allRules, lintWord } from '../docx/helpers.js';

describe('fixing the corpus through .docx', () => {
  it('equals fixing it as plain text, with tracked changes as with direct edits', () => {
    const files = corpusFiles();
    expect(files.length).toBeGreaterThan(100);
    let fixedFiles = 0;
    for (const name of files) {
      // Blank lines separate paragraphs in plain text; as Word paragraphs, each non-empty line stands alone.
      const paragraphs = readCorpusFile(name).split(/\r\n|\r|\n/).filter((line) => line.trim() !== '');
      const plain = fixText(paragraphs.join('\n\n'), (text) => lintSource(text, { filePath: name, format: 'text', rules: allRules }, rulesById)).output.split('\n\n');
      const bytes = buildDocx({ paragraphs, splitRunsEvery: 7 });
      const changed = plain.some((text, i) => text !== paragraphs[i]);
      // Tracked changes only where something is fixed: elsewhere both paths write nothing.
      for (const revisions of changed ? [false, true] : [false]) {
        const fixed = fixDocx(bytes, { parse: parseDocx, lint: lintWord, revisions });
        expect(fixed.refused, name).toEqual([]);
        expect(parseDocx(fixed.bytes).blocks.map((block) => block.text), name).toEqual(plain);
      }
      if (changed) fixedFiles++;
    }
    // The corpus has fixable findings in a handful of files (punctuation-width, punctuation-form, section-numbering).
    expect(fixedFiles).toBeGreaterThan(5);
  });
});
