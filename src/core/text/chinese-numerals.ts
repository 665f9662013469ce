/**
 * Chinese numerals as written in section numbers and ordinals (`一` … `九十九`, `一百` … `九百九十九`).
 * Only the canonical forms are read: `十一` is 11, `一十一` and `十十` are not numbers.
 */

const DIGITS = '〇一二三四五六七八九';
const TEN = '十'.charCodeAt(0);
const HUNDRED = '百'.charCodeAt(0);

/**
 * The value of each numeral character by UTF-16 code (〇 and 零 0, 一 … 九 1–9, 十 10, 百 100), -1 for any other
 * character. A table, because it is asked about the first character of every line a rule reads a marker from.
 */
const NUMERAL_VALUES = new Int8Array(0x10000).fill(-1);
for (let value = 0; value < DIGITS.length; value++) NUMERAL_VALUES[DIGITS.charCodeAt(value)] = value;
NUMERAL_VALUES['零'.charCodeAt(0)] = 0;
NUMERAL_VALUES[TEN] = 10;
NUMERAL_VALUES[HUNDRED] = 100;

/** The value of the numeral character with UTF-16 code `code` (as `charCodeAt` returns it, NaN past the end), or -1. */
export function numeralValue(code: number): number {
  return code >= 0 && code < NUMERAL_VALUES.length ? NUMERAL_VALUES[code] : -1;
}

/** The value of a digit character 一 … 九 by UTF-16 code, or -1. */
function digitValue(code: number): number {
  const value = numeralValue(code);
  return value >= 1 && value <= 9 ? value : -1;
}

/** Reads a number below 100: `五`, `十`, `十二`, `二十`, `二十三`. Characters are compared as codes: no one-character strings. */
function parseBelowHundred(text: string): number | undefined {
  if (text.length === 1) {
    if (text.charCodeAt(0) === TEN) return 10;
    const value = digitValue(text.charCodeAt(0));
    return value > 0 ? value : undefined;
  }
  if (text.length === 2) {
    if (text.charCodeAt(0) === TEN) {
      const ones = digitValue(text.charCodeAt(1));
      return ones > 0 ? 10 + ones : undefined;
    }
    if (text.charCodeAt(1) === TEN) {
      const tens = digitValue(text.charCodeAt(0));
      return tens >= 2 ? tens * 10 : undefined;
    }
    return undefined;
  }
  if (text.length === 3 && text.charCodeAt(1) === TEN) {
    const tens = digitValue(text.charCodeAt(0));
    const ones = digitValue(text.charCodeAt(2));
    return tens >= 2 && ones > 0 ? tens * 10 + ones : undefined;
  }
  return undefined;
}

/** The value of a canonical Chinese numeral from 1 to 999, or undefined for anything else. */
export function parseChineseNumeral(text: string): number | undefined {
  // 百 can only stand second; a 百 anywhere else also fails `parseBelowHundred`, so there is no need to search. A
  // one-character numeral is not read past its end: the first such read would throw the optimised code away.
  if (text.length < 2 || text.charCodeAt(1) !== HUNDRED) return parseBelowHundred(text);
  const hundreds = digitValue(text.charCodeAt(0));
  if (hundreds <= 0) return undefined;
  const rest = text.slice(2);
  if (rest.length === 0) return hundreds * 100;
  // 一百零五 and 一百〇五 write a zero before a lone unit digit; 一百一十 writes the ten's 一.
  if (rest.length === 2 && (rest[0] === '零' || rest[0] === '〇')) {
    const ones = digitValue(rest.charCodeAt(1));
    return ones > 0 ? hundreds * 100 + ones : undefined;
  }
  if (rest.length >= 2 && rest.charCodeAt(1) === TEN) {
    const tens = digitValue(rest.charCodeAt(0));
    if (tens <= 0) return undefined;
    if (rest.length === 2) return hundreds * 100 + tens * 10;
    const ones = rest.length === 3 ? digitValue(rest.charCodeAt(2)) : -1;
    return ones > 0 ? hundreds * 100 + tens * 10 + ones : undefined;
  }
  return undefined;
}

/** Writes 1–999 as a canonical Chinese numeral (`11` → `十一`, `105` → `一百零五`). */
export function formatChineseNumeral(value: number): string {
  if (!Number.isInteger(value) || value < 1 || value > 999) throw new RangeError(`no Chinese numeral for ${value}`);
  const hundreds = Math.floor(value / 100);
  const tens = Math.floor((value % 100) / 10);
  const ones = value % 10;
  if (hundreds === 0) {
    if (tens === 0) return DIGITS[ones];
    return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
  }
  let text = `${DIGITS[hundreds]}百`;
  if (tens > 0) text += `${DIGITS[tens]}十`;
  else if (ones > 0) text += '零';
  if (ones > 0) text += DIGITS[ones];
  return text;
}

/** Reads ASCII or full-width digits (`12`, `１２`) as a number. */
export function parseDigits(text: string): number {
  let value = 0;
  // By index: the string iterator made a string of each digit.
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    value = value * 10 + (code >= 0xff10 ? code - 0xff10 : code - 0x30);
  }
  return value;
}
