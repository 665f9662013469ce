/**
 * Round trips over every generated Word fixture of the reader: fix (directly and as tracked changes),
 * re-read, re-lint; annotate and read the comments back. Untouched entries are compared byte for byte.
 */
import { describe, expect, it } from 'vitest';
import { annotateDocx } from '../../src/core/docx/annotate.js';
import { fixDocx } from '../../src/core/docx/fix-docx.js';
import { readZipDirectory } from '../../src/core/docx/zip.js';
import { parseDocx } from '../../src/core/parse/docx.js';
import { buildCase, docxCases } from '../fixtures/docx/cases.js';
import { buildWriteCase, writeCases } from '../fixtures/docx/write-cases.js';
import { allRules, lintWord, rejectAll } from './helpers.js';
import { rulesById } from '../../rules/index.js';
import { lintDocument } from '../../src/core/linter.js';

const DATE = new Date('2026-12-01T08:00:00Z');

function untouchedEntriesEqual(before: Uint8Array, after: Uint8Array, changed: ReadonlySet<string>): void {
  const written = new Map(readZipDirectory(after).entries.map((entry) => [entry.name, entry]));
  for (const entry of readZipDirectory(before).entries) {
    expect(written.has(entry.name), entry.name).toBe(true);
    if (!changed.has(entry.name)) expect(written.get(entry.name)!.localRecord, entry.name).toEqual(entry.localRecord);
  }
}

const cases: [string, Uint8Array][] = [
  ...Object.keys(docxCases).map((name): [string, Uint8Array] => [`reader fixture ${name}`, buildCase(name)]),
  ...Object.keys(writeCases).map((name): [string, Uint8Array] => [`write fixture ${name}`, buildWriteCase(name)]),
];

describe.each(cases)('Word round trip: %s', (name, original) => {
  const direct = fixDocx(original, { parse: parseDocx, lint: lintWord, revisions: false, date: DATE });
  const tracked = fixDocx(original, { parse: parseDocx, lint: lintWord, revisions: true, date: DATE });
  const changedParts = new Set(direct.original.blocks.map((block) => block.docx!.partName));

  it('fixing leaves no fixable finding that could be written', () => {
    if (name.startsWith('write fixture')) expect(direct.fixed.length).toBeGreaterThan(0);
    const refused = new Set(direct.refused.map((refusal) => refusal.message));
    expect(direct.result.messages.filter((message) => message.fix && !refused.has(message))).toEqual([]);
    expect(lintWord(parseDocx(direct.bytes)).messages).toEqual(direct.result.messages);
  });

  it('changes only the parts holding paragraphs; every other entry is byte for byte the same', () => {
    untouchedEntriesEqual(original, direct.bytes, changedParts);
    untouchedEntriesEqual(original, tracked.bytes, changedParts);
  });

  it('tracked changes: accept all gives the fixed text, reject all the original', () => {
    const texts = (bytes: Uint8Array): string[] => parseDocx(bytes).blocks.map((block) => block.text);
    expect(texts(tracked.bytes)).toEqual(texts(direct.bytes));
    expect(texts(rejectAll(tracked.bytes))).toEqual(texts(original));
  });

  it('comments: one per finding on its span, read back and counted by no-comments', () => {
    const document = parseDocx(original);
    const findings = lintWord(document).messages.filter((message) => message.ruleId !== 'no-comments');
    const annotated = annotateDocx(original, document, findings, DATE);
    const reread = parseDocx(annotated.bytes);
    const ours = reread.docx!.comments.filter((comment) => comment.author === 'gongwen-lint');
    expect(ours).toHaveLength(annotated.comments);
    expect(annotated.comments + annotated.skipped).toBe(findings.filter((message) => !message.fatal).length);
    expect(reread.blocks.map((block) => block.text)).toEqual(document.blocks.map((block) => block.text));
    const counted = lintDocument(reread, { filePath: '草稿.docx', format: 'docx', rules: allRules }, rulesById).messages.filter((message) => message.ruleId === 'no-comments');
    expect(counted).toHaveLength(reread.docx!.comments.length);
  });
});
