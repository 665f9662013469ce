import { describe, expect, it } from 'vitest';
import { parseDocx } from '../../src/core/parse/docx.js';
import { buildCase, caseText, docxCases } from '../fixtures/docx/cases.js';

describe('parseDocx on the fixtures: the text Word shows, paragraph by paragraph', () => {
  for (const [name, testCase] of Object.entries(docxCases)) {
    it(name, () => {
      const document = parseDocx(buildCase(name));
      expect(document.blocks.map((block, i) => caseText(block, i))).toEqual(testCase.texts);
    });
  }
});
