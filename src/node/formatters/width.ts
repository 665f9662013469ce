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
 * string-width, whose emoji patterns take tens of milliseconds to compile on first use.
 */
function isNarrow(code: number): boolean {
  return (
    (code >= 0x20 && code <= 0x7e) ||
    (code >= 0xa1 && code <= 0x2ff && code !== 0xad) ||
    (code >= 0x2000 && code <= 0x200a) ||
    (code >= 0x2010 && code <= 0x2027) ||
    (code >= 0x2030 && code <= 0x205e) ||
    (code >= 0x2100 && code <= 0x22ff) ||
    (code >= 0x2460 && code <= 0x25fc)
  );
}

/** East Asian Wide and Fullwidth blocks that Chinese text uses: CJK punctuation, ideographs, full-width forms. */
function isWide(code: number): boolean {
  return (
    (code >= 0x3000 && code <= 0x3029) ||
    // U+302A–U+302D are combining tone marks, of width 0.
    (code >= 0x302e && code <= 0x303e) ||
    (code >= 0x3041 && code <= 0x3096) ||
    (code >= 0x30a0 && code <= 0x30ff) ||
    // Parenthesised and circled ideographs and numbers (㈠ ㊀), but not U+321F and U+3248–U+324F.
    (code >= 0x3200 && code <= 0x321e) ||
    (code >= 0x3220 && code <= 0x3247) ||
    (code >= 0x3250 && code <= 0x32ff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    // Vertical forms, then small forms (﹒ ﹔), less the unassigned U+FE53 and U+FE67.
    (code >= 0xfe10 && code <= 0xfe19) ||
    (code >= 0xfe30 && code <= 0xfe52) ||
    (code >= 0xfe54 && code <= 0xfe66) ||
    (code >= 0xfe68 && code <= 0xfe6b) ||
    (code >= 0xff01 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6)
  );
}

/**
 * The number of terminal columns a text takes, as string-width counts it. string-width segments graphemes
 * and is slow (tens of microseconds a call); Chinese prose is nearly all ideographs, full-width marks and
 * ASCII, whose widths are fixed, so those are counted directly and anything else goes to string-width
 * (loadDisplayWidth first).
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const codeWidth = fixedWidth(text.charCodeAt(i));
    if (codeWidth >= 0) width += codeWidth;
    else if (stringWidth === undefined) throw new Error('string-width is not loaded: await loadDisplayWidth() first');
    else return stringWidth(text);
  }
  return width;
}

/**
 * The columns a UTF-16 code unit takes when its width is fixed whatever stands around it (1 or 2, as
 * displayWidth counts it), or -1: then only string-width can say, for the whole text.
 */
export function fixedWidth(code: number): number {
  if (isNarrow(code)) return 1;
  return isWide(code) ? 2 : -1;
}
