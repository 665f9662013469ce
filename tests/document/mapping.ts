import { OBJECT_REPLACEMENT, toSourceOffset, type Block, type GwDocument } from '../../src/core/document.js';

export interface MappingMismatch {
  block: number;
  textOffset: number;
  char: string;
  sourceOffset: number;
  sourceChar: string | undefined;
  problem: string;
}

/**
 * Checks that every character of every block maps to that same character in the source. Allowed
 * exceptions: OBJECT_REPLACEMENT (the tests that place it check where), a `\n` must map to a line ending
 * (`\r` or `\n`), and the characters decoded from a reference map to its `&` (checked separately). A
 * verbatim character's end offset must be one past its start. Returns every mismatch at once.
 */
export function mappingMismatches(document: GwDocument): MappingMismatch[] {
  const mismatches: MappingMismatch[] = [];
  const { source } = document;
  for (const block of document.blocks) {
    let segment = 0;
    for (let i = 0; i < block.text.length; i++) {
      while (segment + 1 < block.segments.length && block.segments[segment + 1].textStart <= i) segment++;
      const { textStart, sourceStart } = block.segments[segment];
      const char = block.text[i];
      if (char === OBJECT_REPLACEMENT) continue;
      // A decoded reference is a piece of its own, mapped to its `&`; `&amp;` decodes to the `&` itself.
      if (source[sourceStart] === '&' && block.text[textStart] !== '&') continue;
      const sourceOffset = toSourceOffset(block, i);
      const sourceChar = source[sourceOffset];
      const report = (problem: string): void => {
        mismatches.push({ block: block.index, textOffset: i, char, sourceOffset, sourceChar, problem });
      };
      if (char === '\n') {
        if (sourceChar !== '\n' && sourceChar !== '\r') report('line break not at a line ending');
      } else if (sourceChar !== char) report('maps to another character');
      else if (toSourceOffset(block, i + 1, 'end') !== sourceOffset + 1) report('end offset not one past start');
    }
  }
  return mismatches;
}

/** Offset in the source of the character at `textOffset`, and the source text from there (for readable asserts). */
export function sourceAt(document: GwDocument, block: Block, textOffset: number): string {
  return document.source.slice(toSourceOffset(block, textOffset));
}

export function texts(document: GwDocument): string[] {
  return document.blocks.map((block) => block.text);
}
