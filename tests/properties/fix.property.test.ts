import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyFixes, fixText } from '../../src/core/fix.js';
import { BinaryFileError, decodeDraft, encodeDraft, type Draft } from '../../src/node/io.js';
import { lintText } from '../../src/index.js';
import type { LintResult } from '../../src/core/linter.js';
import { linterFor, sampleRules } from '../fix/sample-rules.js';
import { draftText, encodableDraftText } from './arbitraries.js';
import { withoutPunctuationAndMarkers } from './fix-scope.js';

/**
 * Every registered rule (whatever rules/index.ts holds when the suite runs) and, so that the fix properties
 * are exercised even while few production rules can fix, the sample fixable rules; each as Markdown and as
 * plain text.
 */
const linters: ReadonlyArray<[string, (text: string) => LintResult]> = [
  ['registry, .md', (text) => lintText(text, { filePath: 'draft.md' })],
  ['registry, .txt', (text) => lintText(text, { filePath: 'draft.txt' })],
  ['sample fixable rules, .md', linterFor(sampleRules, 'markdown')],
  ['sample fixable rules, .txt', linterFor(sampleRules, 'text')],
];

const NUM_RUNS = 120;

/** Line starts as an editor counts them: `\r\n`, `\n` and a lone `\r` each end a line. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (const match of text.matchAll(/\r\n|\n|\r/g)) starts.push(match.index + match[0].length);
  return starts;
}

/** The source offset of a 1-based line and column, or undefined if the point is not inside the text. */
function offsetOf(text: string, starts: number[], line: number, column: number): number | undefined {
  if (!Number.isInteger(line) || !Number.isInteger(column) || line < 1 || column < 1 || line > starts.length) return undefined;
  const lineStart = starts[line - 1];
  const lineEnd = line < starts.length ? starts[line] : text.length;
  const offset = lineStart + column - 1;
  // A column may point at the line break (an end position), but not past it.
  return offset <= lineEnd ? offset : undefined;
}

describe.each(linters)('properties over %s', (_name, lint) => {
  it('1. linting never throws, and every position lies inside the text with start ≤ end', () => {
    fc.assert(
      fc.property(draftText(), (text) => {
        const starts = lineStarts(text);
        for (const message of lint(text).messages) {
          const start = offsetOf(text, starts, message.line, message.column);
          const end = offsetOf(text, starts, message.endLine, message.endColumn);
          expect(start, `start of ${JSON.stringify(message)}`).toBeDefined();
          expect(end, `end of ${JSON.stringify(message)}`).toBeDefined();
          expect(start!).toBeLessThanOrEqual(end!);
          if (message.fix) {
            const [from, to] = message.fix.range;
            expect(0 <= from && from <= to && to <= text.length, `fix range of ${JSON.stringify(message)}`).toBe(true);
          }
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('2. after fixing, the rules that fixed have no fixable finding left', () => {
    fc.assert(
      fc.property(draftText(), (text) => {
        const { output, result, fixed } = fixText(text, lint);
        const fixingRules = new Set(fixed.map((message) => message.ruleId));
        const stillFixable = applyFixes(output, result.messages).fixed.filter((message) => fixingRules.has(message.ruleId));
        expect(stillFixable).toEqual([]);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('3. fixing is idempotent', () => {
    fc.assert(
      fc.property(draftText(), (text) => {
        const once = fixText(text, lint).output;
        expect(fixText(once, lint).output).toBe(once);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('4. fixing changes nothing but punctuation and numbering markers', () => {
    fc.assert(
      fc.property(draftText(), (text) => {
        const { output } = fixText(text, lint);
        expect(withoutPunctuationAndMarkers(output)).toBe(withoutPunctuationAndMarkers(text));
      }),
      // Found by runs: `2....` becomes `2……`, and `1、...` becomes `1....` (the marker `1.` and an ellipsis); `,　，`
      // loses the full-width space between the marks.
      { numRuns: NUM_RUNS, examples: [['2....关'], ['1、...<br>'], [',　，']] },
    );
  });
});

describe('5. decoding then encoding gives back the same bytes', () => {
  /** Either binary, or written back exactly. */
  function roundTrips(bytes: Uint8Array): void {
    let draft: Draft;
    try {
      draft = decodeDraft(bytes);
    } catch (error) {
      expect(error).toBeInstanceOf(BinaryFileError);
      return;
    }
    expect(encodeDraft(draft.text, draft).equals(bytes)).toBe(true);
  }

  it('for arbitrary bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), roundTrips), { numRuns: 1000 });
  });

  it('for drafts saved in each supported encoding, which are never taken for binary', () => {
    const saved = fc.oneof(
      draftText().map((text) => ({ text, exact: true, bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]) })),
      draftText().map((text) => ({ text, exact: true, bytes: Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]) })),
      encodableDraftText().map((text) => ({ text, exact: true, bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]) })),
      encodableDraftText().map((text) => ({ text, exact: text.charCodeAt(0) !== 0xfeff, bytes: Buffer.from(text, 'utf8') })),
      // GB18030 bytes of ASCII-only text are also valid UTF-8 and come back as UTF-8; either way, the same bytes.
      encodableDraftText().map((text) => ({ text, exact: false, bytes: encodeDraft(text, { encoding: 'gb18030', bom: false }) })),
    );
    fc.assert(
      fc.property(saved, ({ text, exact, bytes }) => {
        const draft = decodeDraft(bytes);
        if (exact) expect(draft.text).toBe(text);
        expect(encodeDraft(draft.text, draft).equals(bytes)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
