/**
 * 发文字号 (GB/T 9704-2012 §7.2.4): 机关代字, the year in 六角括号, the serial number and `号` — `国办发〔2024〕12号`.
 * Recognises them with the common slips (other brackets, a two-digit year, leading zeros, `第`, spaces) wherever
 * they stand: on their own line under the 发文机关标志, or cited in running text.
 */

export interface DocumentNumber {
  /** From the opening bracket to `号` inclusive. */
  readonly start: number;
  readonly end: number;
  readonly open: { readonly at: number; readonly char: string };
  readonly close: { readonly at: number; readonly char: string };
  readonly year: { readonly start: number; readonly end: number; readonly digits: string };
  /** `第` before the serial, when written. */
  readonly di?: number;
  readonly serial: { readonly start: number; readonly end: number; readonly digits: string };
  /** Spaces between the closing bracket and the serial (or `第`), and between the serial and `号`. */
  readonly spacesBeforeSerial: { readonly start: number; readonly end: number };
  readonly spacesBeforeHao: { readonly start: number; readonly end: number };
}

export const CORRECT_OPEN = '〔';
export const CORRECT_CLOSE = '〕';

/**
 * A bracketed year, optional `第`, the serial and `号`. Brackets of any family may be mixed (`〔2024)`); what is
 * inside must be digits only, so `（2024年第3号）` and court numbers `（2024）京01民初12号` are no match.
 */
const NUMBER = /([〔［【[（(])([0-9０-９]{2,4})([〕］】\]）)])([ \u3000]*)(第?)([0-9０-９]{1,6})([ \u3000]*)号/g;
function isHan(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf);
}

/** Every 发文字号 in a text: each needs a 机关代字 (a Chinese character) right before its bracket. */
export function findDocumentNumbers(text: string): DocumentNumber[] {
  const found: DocumentNumber[] = [];
  if (!text.includes('号')) return found;
  NUMBER.lastIndex = 0;
  for (let match = NUMBER.exec(text); match !== null; match = NUMBER.exec(text)) {
    const start = match.index;
    if (!isHan(text.charCodeAt(start - 1))) continue;
    const [whole, open, yearDigits, close, spaces, di, serial, spacesAfter] = match;
    const yearStart = start + 1;
    const closeAt = yearStart + yearDigits.length;
    const serialSpacesStart = closeAt + 1;
    const diAt = serialSpacesStart + spaces.length;
    const serialStart = diAt + di.length;
    const serialEnd = serialStart + serial.length;
    found.push({
      start,
      end: start + whole.length,
      open: { at: start, char: open },
      close: { at: closeAt, char: close },
      year: { start: yearStart, end: closeAt, digits: yearDigits },
      ...(di ? { di: diAt } : {}),
      serial: { start: serialStart, end: serialEnd, digits: serial },
      spacesBeforeSerial: { start: serialSpacesStart, end: diAt },
      spacesBeforeHao: { start: serialEnd, end: serialEnd + spacesAfter.length },
    });
  }
  return found;
}
