import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DocxError } from '../../src/core/docx/errors.js';
import { parseDocx } from '../../src/core/parse/docx.js';
import { splitAt } from './arbitraries.js';
import { buildDocx, deleted, escapeXml, inserted, paragraph, run } from '../fixtures/docx/build.js';

/** Text of 公文 paragraphs: Chinese, punctuation, placeholders, digits, Latin, spaces and XML-special characters. */
const paragraphText = fc.string({ unit: fc.constantFrom(...'关于做好年度工作的通知，。；、：（）《》“”X某0123 abc&<>"\'　'.split('')), maxLength: 40 });

/** How a piece is wrapped: a plain run, or inside a bookmark, hyperlink, smart tag, content control or insertion. */
const wrappers: readonly ((piece: string) => string)[] = [
  (piece) => run(piece),
  (piece) => `<w:bookmarkStart w:id="1" w:name="b"/>${run(piece)}<w:bookmarkEnd w:id="1"/>`,
  (piece) => `<w:hyperlink w:anchor="a">${run(piece)}</w:hyperlink>`,
  (piece) => `<w:smartTag w:element="place">${run(piece)}</w:smartTag>`,
  (piece) => `<w:sdt><w:sdtContent>${run(piece)}</w:sdtContent></w:sdt>`,
  (piece) => inserted(9, '张三', piece),
  (piece) => `<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">${escapeXml(piece)}</w:t></w:r>`,
];

describe('parseDocx properties', () => {
  it('reads paragraphs split into random runs and wrappers back as their joined text', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ text: paragraphText, cuts: fc.array(fc.nat(), { maxLength: 8 }), wrappers: fc.array(fc.nat({ max: wrappers.length - 1 }), { maxLength: 9 }), deletion: fc.boolean() }), { minLength: 1, maxLength: 6 }),
        (paragraphs) => {
          const body = paragraphs
            .map(({ text, cuts, wrappers: chosen, deletion }) => {
              const pieces = splitAt(text, cuts).map((piece, i) => wrappers[chosen[i] ?? 0](piece));
              // A deletion between the pieces never shows.
              if (deletion) pieces.splice(1, 0, deleted(8, '李四', '原则上'));
              return paragraph(pieces.join(''));
            })
            .join('');
          const document = parseDocx(buildDocx({ body }));
          expect(document.blocks.map((block) => block.text)).toEqual(paragraphs.map(({ text }) => text));
          // Every piece's offsets cover its own text, and positions count paragraphs.
          for (const [i, block] of document.blocks.entries()) {
            expect(block.docx?.paragraph).toBe(i + 1);
            const pieces = block.docx?.pieces ?? [];
            expect(pieces.map((piece) => block.text.slice(piece.textStart, piece.textEnd)).join('')).toBe(block.text);
            if (block.text.length > 0) expect(document.locate?.(block.segments[0].sourceStart + block.text.length - 1)).toEqual({ line: i + 1, column: block.text.length });
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('throws nothing but DocxError on random and mutated bytes', () => {
    const valid = buildDocx({ body: paragraph(run('关于做好X年度工作的通知')) + paragraph(inserted(1, '张三', '各单位：')) });
    const mutated = fc
      .array(fc.record({ at: fc.nat({ max: valid.length - 1 }), value: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 20 })
      .map((changes) => {
        const copy = valid.slice();
        for (const { at, value } of changes) copy[at] = value;
        return copy;
      });
    const truncated = fc.nat({ max: valid.length }).map((length) => valid.subarray(0, length));
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 512 }), mutated, truncated), (bytes) => {
        try {
          parseDocx(bytes);
        } catch (error) {
          expect(error).toBeInstanceOf(DocxError);
        }
      }),
      { numRuns: 400 },
    );
  });
});
