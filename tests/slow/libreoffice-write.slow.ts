/**
 * The packages gongwen-lint writes, opened by LibreOffice (Debian: libreoffice-writer-nogui): `npm run test:slow`.
 * For every fixture, the directly fixed, the tracked and the annotated package are converted to text and
 * saved again as .docx by LibreOffice. A package LibreOffice could not read would give no output. Checked:
 * LibreOffice's text of the fixed package differs from its text of the original exactly where our fixes
 * changed a paragraph; the annotated copy's text is the original's; LibreOffice keeps every tracked change
 * (accepting them gives the fixed text) and every comment on the same span.
 *
 * Known difference, left out: LibreOffice loses the span of a comment anchored inside a smart tag (which it
 * does not support). Comments are written in the body only: LibreOffice 7.4 dropped comments in footnotes,
 * and could not open one package with a comment in a footnote at all; it loses the text of a paragraph in a
 * block-level content control that holds a comment, so those get none either.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { annotateDocx } from '../../src/core/docx/annotate.js';
import { fixDocx } from '../../src/core/docx/fix-docx.js';
import type { GwDocument } from '../../src/core/document.js';
import { parseDocx } from '../../src/core/parse/docx.js';
import { lintWord } from '../docx/helpers.js';
import { buildCase, docxCases } from '../fixtures/docx/cases.js';
import { buildWriteCase, writeCases } from '../fixtures/docx/write-cases.js';

const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice', '/usr/local/bin/soffice'].find((candidate) => existsSync(candidate));
const directory = mkdtempSync(join(tmpdir(), 'gongwen-docx-write-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const DATE = new Date('2026-12-01T08:00:00Z');
const cases: [string, Uint8Array][] = [
  ...Object.keys(docxCases).map((name): [string, Uint8Array] => [name, buildCase(name)]),
  ...Object.keys(writeCases).map((name): [string, Uint8Array] => [`write-${name}`, buildWriteCase(name)]),
];
const VARIANTS = ['original', 'direct', 'tracked', 'annotated'] as const;

function written(original: Uint8Array): Record<(typeof VARIANTS)[number], Uint8Array> {
  const document = parseDocx(original);
  return {
    original,
    direct: fixDocx(original, { parse: parseDocx, lint: lintWord, revisions: false, date: DATE }).bytes,
    tracked: fixDocx(original, { parse: parseDocx, lint: lintWord, revisions: true, date: DATE }).bytes,
    annotated: annotateDocx(original, document, lintWord(document).messages, DATE).bytes,
  };
}

/** What changed between two texts: the differing middle of each, after the common prefix and suffix. */
function difference(before: string, after: string): [string, string] {
  let prefix = 0;
  while (prefix < before.length && prefix < after.length && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (suffix < before.length - prefix && suffix < after.length - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
  return [before.slice(prefix, before.length - suffix), after.slice(prefix, after.length - suffix)];
}

/** Comments LibreOffice does not keep, by fixture: their anchored text and message. */
const COMMENTS_LIBREOFFICE_DROPS: Readonly<Record<string, (comment: string) => boolean>> = {
  'split-runs': (comment) => comment.includes('｜“XX”疑似未填写的占位符'),
};

const TEXT_RULES = /规则：(no-placeholder|punctuation-|section-numbering|enumeration-sequence|paragraph-end)/;

function bodyTexts(document: GwDocument): string[] {
  return document.blocks.filter((block) => block.docx?.part === 'body').map((block) => block.text);
}

describe.skipIf(soffice === undefined)('LibreOffice opens what gongwen-lint writes', () => {
  let converted = false;
  const convert = (): void => {
    if (converted) return;
    const files: string[] = [];
    for (const [name, original] of cases) {
      for (const [variant, bytes] of Object.entries(written(original))) {
        const file = join(directory, `${name}.${variant}.docx`);
        writeFileSync(file, bytes);
        files.push(file);
      }
    }
    mkdirSync(join(directory, 'resaved'));
    const profile = `-env:UserInstallation=file://${directory}/profile`;
    execFileSync(soffice as string, [profile, '--headless', '--convert-to', 'txt:Text (encoded):UTF8', '--outdir', directory, ...files], { stdio: 'ignore', timeout: 280_000 });
    execFileSync(soffice as string, [profile, '--headless', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', join(directory, 'resaved'), ...files], { stdio: 'ignore', timeout: 280_000 });
    converted = true;
  };
  const text = (name: string, variant: string): string[] => readFileSync(join(directory, `${name}.${variant}.txt`), 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/);
  const resaved = (name: string, variant: string): GwDocument => parseDocx(readFileSync(join(directory, 'resaved', `${name}.${variant}.docx`)));

  for (const [name, original] of cases) {
    it(name, () => {
      convert();
      const ours = written(original);
      // Direct fixes: LibreOffice's text of the original with the fixed paragraphs replaced.
      const before = parseDocx(original).blocks;
      const after = parseDocx(ours.direct).blocks;
      const replacements = new Map<string, string>();
      const changes = new Set<string>();
      before.forEach((block, i) => {
        if (block.docx?.part !== 'body' || block.text === after[i].text) return;
        replacements.set(block.text, after[i].text);
        changes.add(difference(block.text, after[i].text).join('→'));
      });
      const originalLines = text(name, 'original');
      const directLines = text(name, 'direct');
      expect(directLines).toHaveLength(originalLines.length);
      const changedLines = originalLines.flatMap((line, i) => (line === directLines[i] ? [] : [difference(line, directLines[i]).join('→')]));
      expect(new Set(changedLines)).toEqual(changes);
      expect(text(name, 'annotated')).toEqual(originalLines);

      // Tracked changes survive LibreOffice's own save, and accepting them gives the fixed text.
      const tracked = resaved(name, 'tracked');
      const ourRevisions = parseDocx(ours.tracked).docx!.revisions.filter((revision) => revision.author === 'gongwen-lint');
      expect(tracked.docx!.revisions.filter((revision) => revision.author === 'gongwen-lint').map((revision) => [revision.kind, revision.text])).toEqual(
        ourRevisions.map((revision) => [revision.kind, revision.text]),
      );
      for (const fixedText of replacements.values()) expect(bodyTexts(tracked)).toContain(fixedText);

      // Comments survive on the same spans.
      // The findings of the text rules; the layout rules' whole-paragraph spans run over smart tags, custom XML
      // and symbol-font glyphs, which LibreOffice drops or rewrites on its own save, anchors and all.
      const anchored = (document: GwDocument): string[] =>
        document
          .docx!.comments.filter((comment) => comment.author === 'gongwen-lint' && TEXT_RULES.test(comment.text))
          .map((comment) => `${comment.block.text.slice(comment.start, comment.end)}｜${comment.text}`);
      const dropped = COMMENTS_LIBREOFFICE_DROPS[name] ?? (() => false);
      expect(anchored(resaved(name, 'annotated')).filter((comment) => !dropped(comment)).sort()).toEqual(anchored(parseDocx(ours.annotated)).filter((comment) => !dropped(comment)).sort());
    });
  }
});
