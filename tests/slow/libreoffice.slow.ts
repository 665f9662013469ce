/**
 * Compares the text we read from each Word fixture with LibreOffice's text export of the same file. Runs only
 * where LibreOffice is installed (Debian: libreoffice-writer-nogui): `npm run test:slow`.
 *
 * LibreOffice's export is not Word's view in a few known ways, listed below and left out of the comparison:
 * it recomputes fields (DATE, PAGE) instead of showing the stored result, exports deleted and moved-away
 * text of unaccepted revisions and hidden text, leaves out text boxes, headers, footers and notes, writes a
 * non-breaking hyphen as U+2011, drops objects, and indents numbered paragraphs and writes the number's tab as a space.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OBJECT_REPLACEMENT } from '../../src/core/document.js';
import { parseDocx } from '../../src/core/parse/docx.js';
import { buildCase, docxCases } from '../fixtures/docx/cases.js';

function findSoffice(): string | undefined {
  for (const candidate of ['/usr/bin/soffice', '/usr/bin/libreoffice', '/usr/local/bin/soffice']) if (existsSync(candidate)) return candidate;
  return undefined;
}

/** Blocks LibreOffice does not export (text-box paragraphs), by fixture and block index. */
const NOT_EXPORTED: Readonly<Record<string, readonly number[]>> = {
  'tables-and-text-boxes': [7, 8],
};

/** Blocks whose text differs by design, by fixture and block index, with why. */
const DIFFERENT: Readonly<Record<string, Readonly<Record<number, string>>>> = {
  fields: { 0: 'LibreOffice recomputes DATE', 1: 'LibreOffice recomputes PAGE', 2: 'LibreOffice recomputes the nested PAGE' },
  'numbering-formats': { 18: 'a bullet is not a number: we leave it out', 19: 'LibreOffice 7.4 shows a Word 2010 custom format (一, 二, 三) as 1.' },
  'numbering-restarts-and-overrides': { 4: 'LibreOffice restarts a level whose w:lvlRestart is 0 (never restart)' },
  'symbols-and-hidden': { 1: 'U+2011 for w:noBreakHyphen, the Symbol-font glyph dropped', 2: 'LibreOffice exports hidden text' },
  'tracked-changes': { 0: 'LibreOffice exports deleted text', 1: 'LibreOffice exports moved-away text' },
};

const soffice = findSoffice();
const directory = mkdtempSync(join(tmpdir(), 'gongwen-docx-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe.skipIf(soffice === undefined)('visible text agrees with LibreOffice', () => {
  const names = Object.keys(docxCases);
  let exported: Map<string, string[]> | undefined;
  const exportAll = (): Map<string, string[]> => {
    if (exported) return exported;
    for (const name of names) writeFileSync(join(directory, `${name}.docx`), buildCase(name));
    execFileSync(
      soffice as string,
      [`-env:UserInstallation=file://${directory}/profile`, '--headless', '--convert-to', 'txt:Text (encoded):UTF8', '--outdir', directory, ...names.map((name) => join(directory, `${name}.docx`))],
      { stdio: 'ignore', timeout: 240_000 },
    );
    exported = new Map(names.map((name) => [name, readFileSync(join(directory, `${name}.txt`), 'utf8').replace(/^\uFEFF/, '').replace(/\r?\n$/, '').split(/\r?\n/)]));
    return exported;
  };

  for (const name of names) {
    it(name, () => {
      const document = parseDocx(buildCase(name));
      const skipped = NOT_EXPORTED[name] ?? [];
      const ours = document.blocks.filter((block) => block.docx?.part === 'body' && !skipped.includes(block.index));
      const theirs = (exportAll().get(name) ?? []).map((line) => line.replace(/^ +/, '').replace(/[ \r]+$/, ''));
      const different = DIFFERENT[name] ?? {};
      // A line break inside a paragraph (w:br) is a new line in the export.
      let line = 0;
      for (const block of ours) {
        const number = block.docx?.numbering;
        const rest = (number ? block.text.slice(number.length) : block.text).replaceAll(OBJECT_REPLACEMENT, '');
        const expected = number ? `${number} ${rest}`.trimEnd() : rest;
        const lines = expected.split('\n').length;
        const actual = theirs.slice(line, line + lines).join('\n');
        line += lines;
        if (block.index in different) expect(actual, different[block.index]).not.toBe(expected);
        else expect(actual, `block ${block.index}`).toBe(expected);
      }
      expect(line).toBe(theirs.length);
    });
  }
});
