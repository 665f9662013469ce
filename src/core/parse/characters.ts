/** Character-code predicates the Markdown readers, the text scanners and the rules share. */

export function isSpaceOrTab(code: number): boolean {
  return code === 0x20 || code === 0x09;
}

export function isDecimalDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

export function isAsciiLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

export function isAsciiAlphanumeric(code: number): boolean {
  return isDecimalDigit(code) || isAsciiLetter(code);
}
