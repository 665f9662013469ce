import { describe, expect, it } from 'vitest';
import { rulesById } from '../../rules/index.js';
import { resolveRules } from '../../src/core/config/resolve-rules.js';
import { lintBytes } from '../../src/core/linter.js';
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

describe('findings on the fixtures, at their paragraph and column', () => {
  const rules = resolveRules([...rulesById.values()], []);
  // The fixtures are bare drafts without page setup or fonts: the layout rules' findings are not what they test.
  const layoutRule = (id: string | null): boolean => id !== null && (id.startsWith('layout-') || id === 'document-elements');
  const findings = (name: string): string[] =>
    lintBytes(buildCase(name), { filePath: `${name}.docx`, format: 'docx', rules }, rulesById).messages.filter((message) => !layoutRule(message.ruleId)).map(
      (message) => `${message.part ?? 'body'} ${message.line}:${message.column}-${message.endLine}:${message.endColumn} ${message.ruleId}`,
    );

  it('checks automatic and typed numbers as one sequence: the typed 四、 after Word’s 一、二、', () => {
    expect(findings('numbering-mixed-with-typed')).toEqual(['body 1:7-1:8 no-placeholder', 'body 5:1-5:3 section-numbering']);
  });

  it('accepts a sequence Word began and the author continued by hand', () => {
    expect(findings('numbering-continued-by-hand')).toEqual([]);
  });

  it('reports a wrong numbering definition once per rule, on the first paragraph showing it, at column 1', () => {
    expect(findings('numbering-wrong-definition')).toEqual(['body 2:1-2:2 section-numbering']);
  });

  it('reports a jump made by a start override on the paragraph Word numbers 五、', () => {
    expect(findings('numbering-restarts-and-overrides')).toEqual(['body 9:1-9:2 section-numbering']);
  });

  it('counts paragraphs per part, separators of notes included, and names the part', () => {
    expect(findings('headers-footers-notes')).toEqual([
      'header 1:1-1:3 no-placeholder',
      'footer 1:1-1:3 no-placeholder',
      'footnote 3:4-3:6 no-placeholder',
      'footnote 3:10-3:11 no-placeholder',
      'endnote 4:5-4:6 no-placeholder',
    ]);
  });

  it('finds a blank split across runs, bookmarks, smart tags and content controls, and a mark split across runs', () => {
    expect(findings('split-runs')).toEqual([
      'body 1:5-1:6 no-placeholder',
      'body 2:8-2:10 punctuation-sequence',
      'body 3:3-3:5 no-placeholder',
      'body 5:6-5:8 no-placeholder',
      'body 6:6-6:8 no-placeholder',
    ]);
  });

  it('counts table and text-box paragraphs among the body’s paragraphs', () => {
    expect(findings('tables-and-text-boxes')).toEqual(['body 5:1-5:3 no-placeholder', 'body 8:1-8:5 no-placeholder', 'body 8:5-8:7 no-placeholder', 'body 10:1-10:3 no-placeholder']);
  });

  it('reports each unresolved revision and comment where it stands', () => {
    expect(findings('tracked-changes')).toEqual([
      'body 1:4-1:4 no-tracked-changes',
      'body 1:7-1:11 no-tracked-changes',
      'body 2:3-2:3 no-tracked-changes',
      'body 2:10-2:16 no-tracked-changes',
      'body 3:1-3:6 no-tracked-changes',
      'body 3:1-3:5 no-tracked-changes',
      'body 3:6-3:6 no-tracked-changes',
    ]);
    expect(findings('comments')).toEqual(['body 1:3-1:11 no-comments', 'body 1:4-1:6 no-placeholder', 'body 1:13-1:14 paragraph-end', 'body 2:10-2:10 no-comments']);
  });
});
