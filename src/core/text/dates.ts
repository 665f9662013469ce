/**
 * Calendar dates as 公文 write them: `2024年5月8日`, `二〇二四年五月八日`, `5月8日（星期三）`. Finds them in a text,
 * reads their numbers, and answers whether a date exists and which weekday it falls on.
 */
import { parseChineseNumeral, parseDigits } from './chinese-numerals.js';

export type Numerals = 'arabic' | 'chinese';

/** One number of a date (year, month or day) with its span in the text it was read from. */
export interface DatePart {
  readonly value: number;
  readonly start: number;
  /** Exclusive; the unit character (`年` `月` `日`) follows at `end`. */
  readonly end: number;
  readonly written: string;
}

export interface Weekday {
  /** 0 for Sunday … 6 for Saturday, as `Date.prototype.getUTCDay` counts. */
  readonly value: number;
  /** Span of the weekday word (`星期四`, `周四`), brackets excluded. */
  readonly start: number;
  readonly end: number;
  readonly written: string;
}

export interface DateMention {
  readonly numerals: Numerals;
  /** Span of the whole date, from the year (or month) to the unit after the last part. */
  readonly start: number;
  readonly end: number;
  readonly year?: DatePart;
  readonly month: DatePart;
  readonly day?: DatePart;
  /** True when `年` stands right before the month but no year could be read (`XX年5月8日`, `去年5月`). */
  readonly yearUnreadable: boolean;
  readonly weekday?: Weekday;
}

const ARABIC_DATE = /(?:([0-9０-９]{2,4})年)?([0-9０-９]{1,2})月(?:([0-9０-９]{1,2})日)?/g;
const CHINESE_DATE = /(?:([〇○零OＯ0０一二三四五六七八九]{4})年)?([一二三四五六七八九十]{1,3})月(?:([一二三四五六七八九十]{1,3})日)?/g;
/** A weekday right after a date: `（星期三）` `(周三)` `星期三`, with at most one space before it. */
const WEEKDAY = /[ \u3000]?[（(]?(星期|礼拜|周)([一二三四五六日天])/y;
const WEEKDAY_VALUES: Readonly<Record<string, number>> = { 日: 0, 天: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6 };
export const WEEKDAY_NAMES = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'] as const;

const CHINESE_YEAR_DIGITS: Readonly<Record<string, number>> = {
  '〇': 0, '○': 0, 零: 0, O: 0, 'Ｏ': 0, '0': 0, '０': 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

function isDigitCode(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0xff10 && code <= 0xff19);
}

/** Reads a year written digit by digit in Chinese numerals (`二〇二四`, and the wrong `二O二四`). */
export function parseChineseYear(text: string): number {
  let value = 0;
  for (const char of text) value = value * 10 + CHINESE_YEAR_DIGITS[char];
  return value;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month; February counts 29 when the year is not known. */
export function daysInMonth(month: number, year?: number): number {
  if (month === 2) return year === undefined || isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The weekday of a Gregorian date, 0 for Sunday. */
export function weekdayOf(year: number, month: number, day: number): number {
  const date = new Date(Date.UTC(2000, month - 1, day));
  // setUTCFullYear keeps years below 100 from being read as 19xx.
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCDay();
}

function part(value: number | undefined, start: number, written: string): DatePart | undefined {
  return value === undefined ? undefined : { value, start, end: start + written.length, written };
}

function readWeekday(text: string, at: number): Weekday | undefined {
  WEEKDAY.lastIndex = at;
  const found = WEEKDAY.exec(text);
  if (!found) return undefined;
  const start = at + found[0].length - found[1].length - found[2].length;
  return { value: WEEKDAY_VALUES[found[2]], start, end: at + found[0].length, written: found[1] + found[2] };
}

/** Every date with a month in `text`, Arabic and Chinese-numeral ones, in order of position. */
export function findDates(text: string): DateMention[] {
  const found: DateMention[] = [];
  if (text.includes('月')) {
    collect(text, ARABIC_DATE, 'arabic', found);
    collect(text, CHINESE_DATE, 'chinese', found);
    found.sort((a, b) => a.start - b.start);
  }
  return found;
}

function collect(text: string, pattern: RegExp, numerals: Numerals, into: DateMention[]): void {
  pattern.lastIndex = 0;
  const read = numerals === 'arabic' ? (written: string) => parseDigits(written) : (written: string) => parseChineseNumeral(written);
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const start = match.index;
    const before = text.charCodeAt(start - 1);
    // `12024年` or `2.5月`: the digits belong to a longer number.
    if (numerals === 'arabic' && (isDigitCode(before) || before === 0x2e || before === 0xff0e)) continue;
    const [whole, yearText, monthText, dayText] = match;
    const yearStart = start;
    const monthStart = start + (yearText === undefined ? 0 : yearText.length + 1);
    const month = part(read(monthText), monthStart, monthText);
    if (!month) continue;
    const year =
      yearText === undefined ? undefined : part(numerals === 'arabic' ? parseDigits(yearText) : parseChineseYear(yearText), yearStart, yearText);
    const day = dayText === undefined ? undefined : part(read(dayText), monthStart + monthText.length + 1, dayText);
    if (dayText !== undefined && !day) continue;
    const end = start + whole.length;
    into.push({
      numerals,
      start,
      end,
      month,
      ...(year ? { year } : {}),
      ...(day ? { day } : {}),
      yearUnreadable: !year && text.charCodeAt(start - 1) === 0x5e74, // 年
      ...(day ? weekdayField(text, end) : {}),
    });
  }
}

function weekdayField(text: string, end: number): { weekday?: Weekday } {
  const weekday = readWeekday(text, end);
  return weekday ? { weekday } : {};
}
