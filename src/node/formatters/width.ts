/**
 * string-width, once loaded. Loading it builds an Intl.Segmenter and Unicode-property patterns, some 25 ms,
 * more than the rest of a run over one clean draft: a report that shows no finding never needs it.
 */
let stringWidth: ((text: string) => number) | undefined;

export async function loadDisplayWidth(): Promise<void> {
  stringWidth ??= (await import('string-width')).default;
}

/**
 * Code points of width 1 in string-width (ambiguous ones count as narrow, its default): ASCII, Latin, “”‘’…—,
 * spaces of set widths, and the symbols drafts number and mark with: Roman numerals, arrows, ∶ and other
 * mathematical signs, ① ⑵, box drawing, ○ ▲ ■ (not U+25FD–U+25FF). Any other character sends the text to
 * string-width, whose emoji patterns take tens of milliseconds to compile on first use. Inclusive ranges.
 */
const NARROW: readonly (readonly [number, number])[] = [
  [0x20, 0x7e],
  // Not the soft hyphen U+00AD.
  [0xa1, 0xac],
  [0xae, 0x2ff],
  [0x2000, 0x200a],
  [0x2010, 0x2027],
  [0x2030, 0x205e],
  [0x2100, 0x22ff],
  [0x2460, 0x25fc],
];

/** East Asian Wide and Fullwidth blocks that Chinese text uses: CJK punctuation, ideographs, full-width forms. */
const WIDE: readonly (readonly [number, number])[] = [
  [0x3000, 0x3029],
  // U+302A–U+302D are combining tone marks, of width 0.
  [0x302e, 0x303e],
  [0x3041, 0x3096],
  [0x30a0, 0x30ff],
  // Parenthesised and circled ideographs and numbers (㈠ ㊀), but not U+321F and U+3248–U+324F.
  [0x3200, 0x321e],
  [0x3220, 0x3247],
  [0x3250, 0x32ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xf900, 0xfaff],
  // Vertical forms, then small forms (﹒ ﹔), less the unassigned U+FE53 and U+FE67.
  [0xfe10, 0xfe19],
  [0xfe30, 0xfe52],
  [0xfe54, 0xfe66],
  [0xfe68, 0xfe6b],
  [0xff01, 0xff60],
  [0xffe0, 0xffe6],
];

/** What the width table holds for a code unit whose width only string-width knows. */
export const UNKNOWN_WIDTH = 0xff;

/**
 * The width of every UTF-16 code unit, UNKNOWN_WIDTH where it is not fixed: one read per character, where the
 * ranges took up to two dozen comparisons for an ideograph, hundreds of thousands of times in a report of
 * a draft full of findings. Filled range by range on first use (64 KiB).
 */
let widths: Uint8Array | undefined;

export function widthTable(): Uint8Array {
  if (widths !== undefined) return widths;
  const table = new Uint8Array(0x10000).fill(UNKNOWN_WIDTH);
  for (const [first, last] of NARROW) table.fill(1, first, last + 1);
  for (const [first, last] of WIDE) table.fill(2, first, last + 1);
  widths = table;
  return table;
}

/**
 * The number of terminal columns a text takes, as string-width counts it. string-width segments graphemes
 * and is slow (tens of microseconds a call); Chinese prose is nearly all ideographs, full-width marks and
 * ASCII, whose widths are fixed, so those are counted directly and anything else goes to string-width
 * (loadDisplayWidth first).
 */
export function displayWidth(text: string): number {
  const table = widthTable();
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const codeWidth = table[text.charCodeAt(i)];
    if (codeWidth !== UNKNOWN_WIDTH) width += codeWidth;
    else if (stringWidth === undefined) throw new Error('string-width is not loaded: await loadDisplayWidth() first');
    else return stringWidth(text);
  }
  return width;
}
