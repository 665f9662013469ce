import { describe, expect, it } from 'vitest';
import { daysInMonth, findDates, isLeapYear, parseChineseYear, weekdayOf } from '../../src/core/text/dates.js';
import { findDocumentNumbers } from '../../src/core/text/document-numbers.js';

describe('calendar', () => {
  it.each([
    [2024, 5, 8, 3],
    [2019, 2, 2, 6],
    [2000, 1, 1, 6],
    [1949, 10, 1, 6],
    [2100, 3, 1, 1],
  ])('%i-%i-%i falls on weekday %i', (year, month, day, weekday) => {
    expect(weekdayOf(year, month, day)).toBe(weekday);
  });

  it('knows leap years and month lengths', () => {
    expect([1900, 2000, 2023, 2024].map(isLeapYear)).toEqual([false, true, false, true]);
    expect(daysInMonth(2, 2023)).toBe(28);
    expect(daysInMonth(2, 2024)).toBe(29);
    expect(daysInMonth(2)).toBe(29);
    expect([4, 6, 9, 11].map((month) => daysInMonth(month))).toEqual([30, 30, 30, 30]);
    expect(daysInMonth(12)).toBe(31);
  });

  it('reads Chinese-numeral years digit by digit, wrong zeros included', () => {
    expect(parseChineseYear('二〇二四')).toBe(2024);
    expect(parseChineseYear('一九八○')).toBe(1980);
    expect(parseChineseYear('二O二一')).toBe(2021);
    expect(parseChineseYear('二零零八')).toBe(2008);
  });
});

describe('findDates', () => {
  it('reads Arabic dates with their parts and a weekday', () => {
    const [date] = findDates('定于2024年5月8日（星期三）召开');
    expect(date).toMatchObject({
      numerals: 'arabic',
      start: 2,
      end: 11,
      year: { value: 2024, start: 2, end: 6 },
      month: { value: 5, start: 7, end: 8 },
      day: { value: 8, start: 9, end: 10 },
      weekday: { value: 3, written: '星期三', start: 12, end: 15 },
      yearUnreadable: false,
    });
  });

  it('reads Chinese-numeral dates', () => {
    const [date] = findDates('二〇二四年十二月三十一日');
    expect(date).toMatchObject({ numerals: 'chinese', year: { value: 2024 }, month: { value: 12 }, day: { value: 31 } });
  });

  it('marks a month whose year is a blank', () => {
    expect(findDates('20XX年5月8日')[0]).toMatchObject({ yearUnreadable: true, month: { value: 5 } });
    expect(findDates('5月8日')[0]).toMatchObject({ yearUnreadable: false });
  });

  it('skips digits that belong to a longer number, and text without a month', () => {
    expect(findDates('工期缩短2.5月')).toEqual([]);
    expect(findDates('每月31日前')).toEqual([]);
    expect(findDates('2024年全年')).toEqual([]);
  });
});

describe('findDocumentNumbers', () => {
  it('reads the parts of a number', () => {
    const [number] = findDocumentNumbers('（国发[2019]第04 号）');
    expect(number).toMatchObject({
      start: 3,
      end: 14,
      open: { at: 3, char: '[' },
      close: { at: 8, char: ']' },
      year: { digits: '2019' },
      di: 9,
      serial: { digits: '04', start: 10, end: 12 },
      spacesBeforeHao: { start: 12, end: 13 },
    });
  });

  it('needs a 机关代字 before the bracket and only digits inside it', () => {
    expect(findDocumentNumbers('（〔1996〕武司字第82号）')).toEqual([]);
    expect(findDocumentNumbers('见[2019]4号')).toHaveLength(1);
    expect(findDocumentNumbers('x[2019]4号')).toEqual([]);
    expect(findDocumentNumbers('（2024年第3号）')).toEqual([]);
  });
});
