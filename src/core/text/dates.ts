/**
 * Calendar dates as 公文 write them: `2024年5月8日`, `二〇二四年五月八日`, `5月8日（星期三）`. Finds them in a text,
 * reads their numbers, and answers whether a date exists and which weekday it falls on.
 */
import { numeralValue, parseChineseNumeral, parseDigits } from './chinese-numerals.js';
import { codeAt } from './punctuation.js';

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

const YEAR = 0x5e74; // 年
const DAY = 0x65e5; // 日

/** 一 … 九 and 十, the characters of a Chinese-numeral month or day. */
function isMonthNumeral(code: number): boolean {
  const value = numeralValue(code);
  return value >= 1 && value <= 10;
}

function isChineseYearDigit(char: string | undefined): boolean {
  return char !== undefined && Object.prototype.hasOwnProperty.call(CHINESE_YEAR_DIGITS, char);
}

/** Where the run of characters passing `test` that ends at `end` starts, looking back at most `max` characters. */
function runStart(text: string, end: number, max: number, test: (code: number) => boolean): number {
  let start = end;
  while (start > 0 && end - start < max && test(text.charCodeAt(start - 1))) start--;
  return start;
}

/** Where the run of characters passing `test` from `start` ends, at most `max` characters on. */
function runEnd(text: string, start: number, max: number, test: (code: number) => boolean): number {
  let end = start;
  while (end < text.length && end - start < max && test(text.charCodeAt(end))) end++;
  return end;
}

/**
 * Every date with a month in `text`, Arabic and Chinese-numeral ones, in order of position. Each `月` is found by
 * native search and the date read outwards from it: a regex would be tried at every character of every paragraph.
 */
export function findDates(text: string): DateMention[] {
  const found: DateMention[] = [];
  for (let at = text.indexOf('月'); at !== -1; at = text.indexOf('月', at + 1)) {
    const date = dateAround(text, at);
    if (date) found.push(date);
  }
  return found;
}

function dateAround(text: string, monthEnd: number): DateMention | undefined {
  let monthStart = runStart(text, monthEnd, 2, isDigitCode);
  const numerals: Numerals = monthStart < monthEnd ? 'arabic' : 'chinese';
  if (numerals === 'chinese') monthStart = runStart(text, monthEnd, 3, isMonthNumeral);
  if (monthStart === monthEnd) return undefined;
  const monthText = text.slice(monthStart, monthEnd);
  const read = numerals === 'arabic' ? parseDigits : parseChineseNumeral;
  const month = part(read(monthText), monthStart, monthText);
  if (!month) return undefined;
  let start = monthStart;
  let year: DatePart | undefined;
  if (codeAt(text, monthStart - 1) === YEAR) {
    const yearEnd = monthStart - 1;
    if (numerals === 'arabic') {
      const yearStart = runStart(text, yearEnd, 4, isDigitCode);
      if (yearEnd - yearStart >= 2) {
        year = part(parseDigits(text.slice(yearStart, yearEnd)), yearStart, text.slice(yearStart, yearEnd));
        start = yearStart;
      }
    } else if (yearEnd >= 4 && [...text.slice(yearEnd - 4, yearEnd)].every(isChineseYearDigit) && !isChineseYearDigit(text[yearEnd - 5])) {
      const written = text.slice(yearEnd - 4, yearEnd);
      year = part(parseChineseYear(written), yearEnd - 4, written);
      start = yearEnd - 4;
    }
  }
  const before = codeAt(text, start - 1);
  // `12024年` or `2.5月`: the digits belong to a longer number.
  if (numerals === 'arabic' && (isDigitCode(before) || before === 0x2e || before === 0xff0e)) return undefined;
  const dayEnd = runEnd(text, monthEnd + 1, numerals === 'arabic' ? 2 : 3, numerals === 'arabic' ? isDigitCode : isMonthNumeral);
  let day: DatePart | undefined;
  if (dayEnd > monthEnd + 1 && codeAt(text, dayEnd) === DAY) {
    const dayText = text.slice(monthEnd + 1, dayEnd);
    day = part(read(dayText), monthEnd + 1, dayText);
    if (!day) return undefined;
  }
  const end = day ? day.end + 1 : monthEnd + 1;
  // One object shape for every date, absent parts undefined: spreading optional parts costs an allocation each.
  return {
    numerals,
    start,
    end,
    month,
    year,
    day,
    yearUnreadable: !year && codeAt(text, monthStart - 1) === YEAR,
    weekday: day ? readWeekday(text, end) : undefined,
  };
}

