import * as z from 'zod';
import type { Block, GwDocument } from '../src/core/document.js';
import { defineRule, type ReportFunction } from '../src/core/rule.js';
import { WEEKDAY_NAMES, daysInMonth, findDates, isLeapYear, weekdayOf, type DateMention } from '../src/core/text/dates.js';
import { codeAt, findUrlSpans, isHan } from '../src/core/text/punctuation.js';
import { blockTriggers, Trigger } from '../src/core/text/trigger-scan.js';
import { isDecimalDigit } from '../src/core/parse/characters.js';

const messages = {
  noSuchMonth: '“{{date}}”不是有效日期：一年只有12个月',
  noSuchDay: '“{{date}}”不是有效日期：{{reason}}，请核对日期',
  wrongWeekday: '“{{date}}”是{{right}}，不是{{written}}：请核对日期或星期',
  wrongWeekdayNearYear: '按上文的{{year}}年，“{{date}}”是{{right}}，不是{{written}}：请核对日期或星期',
  leadingZero: '成文日期“{{date}}”的月、日不编虚位（不加“0”），应写作“{{expected}}”',
  shortYear: '成文日期“{{date}}”的年份应写全四位数字，如“{{expected}}”',
  chineseSigningDate: '成文日期“{{date}}”应使用阿拉伯数字（GB/T 9704-2012 第7.3.5条），应写作“{{expected}}”',
  yearZero: '汉字数字年份“{{found}}”中的零应写作“〇”，应写作“{{expected}}”',
  numericDate: '正文中的日期“{{found}}”应写作“{{expected}}”',
  useDate: '改为“{{expected}}”',
  useWeekday: '星期改为“{{right}}”',
} as const;

type MessageId = keyof typeof messages;

/** GB/T 9704-2012, which asks for Arabic numerals in the 成文日期, took effect on 1 July 2012. */
const ARABIC_SIGNING_DATE_FROM = 20120701;

/** `农历八月三十日`: lunar months have 30 days and no fixed weekday. */
const LUNAR_BEFORE = /(?:农历|阴历|夏历|旧历)[^，。；]{0,2}$/;
const WRONG_ZERO = /[○零OＯ0０]/g;
/** `2024.5.8` `2024-05-08` `2024/5/8`, the separator written the same twice. */
const NUMERIC_DATE = /((?:19|20)[0-9]{2})([.\-/．])([0-9]{1,2})\2([0-9]{1,2})/g;
/** What makes a numeric date a time stamp, a file name or a longer number rather than a date in prose. */
const AFTER_NUMERIC_DATE = /^(?:[0-9A-Za-z_]|[.\-/．][0-9A-Za-z]|[ T\u3000]?[0-9]{1,2}[:：时])/;
const VERSION_BEFORE = /(?:版本|版|[Vv])[ ]?$/;

function dateText(text: string, date: DateMention): string {
  return text.slice(date.start, date.end);
}

/** ASCII letters, digits and `.` `/` `-` `_`: characters that make the text beside them a code, a file name or a number. */
function isTokenChar(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code === 0x2e || code === 0x2f || code === 0x2d || code === 0x5f;
}

function arabicDate(year: number, month: number, day: number): string {
  return `${year}年${month}月${day}日`;
}

interface Context {
  readonly report: ReportFunction<MessageId>;
}

/** A date that does not exist (`2月30日`, `13月`), or whose weekday is wrong. */
function checkDate(block: Block, date: DateMention, nearYear: number | undefined, context: Context): void {
  const { text } = block;
  const { month: monthPart, day: dayPart } = date;
  // Nearly every date is fine and has no weekday: answer that before reading anything more.
  if (monthPart.value >= 1 && monthPart.value <= 12 && (!dayPart || (dayPart.value >= 1 && dayPart.value <= 28)) && !date.weekday) return;
  if (LUNAR_BEFORE.test(text.slice(Math.max(0, date.start - 6), date.start))) return;
  const written = dateText(text, date);
  const year = date.year !== undefined && date.year.written.length === 4 ? date.year.value : undefined;
  const month = date.month.value;
  if (month < 1 || month > 12) {
    if (date.year || date.day) context.report({ block, start: date.start, end: date.end, messageId: 'noSuchMonth', data: { date: written } });
    return;
  }
  if (!date.day) return;
  const day = date.day.value;
  const days = daysInMonth(month, year);
  if (day < 1 || day > days) {
    const reason = month === 2 && year !== undefined && !isLeapYear(year) ? `${year}年不是闰年，2月只有28天` : `${month}月只有${days}天`;
    context.report({ block, start: date.start, end: date.end, messageId: 'noSuchDay', data: { date: written, reason } });
    return;
  }
  const { weekday } = date;
  if (!weekday) return;
  const style = weekday.written.slice(0, weekday.written.length - 1);
  const name = (value: number): string => `${style}${WEEKDAY_NAMES[value].slice(2)}`;
  if (year !== undefined) {
    const right = weekdayOf(year, month, day);
    if (right === weekday.value) return;
    context.report({
      block,
      start: weekday.start,
      end: weekday.end,
      messageId: 'wrongWeekday',
      data: { date: written, right: WEEKDAY_NAMES[right], written: weekday.written },
      suggestions: [{ messageId: 'useWeekday', data: { right: name(right) }, fix: { start: weekday.start, end: weekday.end, text: name(right) } }],
    });
    return;
  }
  // Without a year of its own, a date is read in the year last mentioned; the next year is accepted too, since
  // a notice for next year (a holiday schedule) or one that crosses New Year names dates of both.
  if (date.yearUnreadable || date.year !== undefined || nearYear === undefined) return;
  if ([nearYear, nearYear + 1].some((candidate) => weekdayOf(candidate, month, day) === weekday.value)) return;
  const right = weekdayOf(nearYear, month, day);
  context.report({
    block,
    start: weekday.start,
    end: weekday.end,
    messageId: 'wrongWeekdayNearYear',
    data: { year: nearYear, date: written, right: WEEKDAY_NAMES[right], written: weekday.written },
    suggestions: [{ messageId: 'useWeekday', data: { right: name(right) }, fix: { start: weekday.start, end: weekday.end, text: name(right) } }],
  });
}

/**
 * A line that is only a date is a 成文日期 (under the signature, or the date line of a letter): Arabic numerals,
 * the year in full, no leading zeros. Returns the span it covered, so the year check does not report it again.
 */
function checkDateLine(block: Block, date: DateMention, context: Context): boolean {
  const { text } = block;
  const { year, month, day } = date;
  // A date that does not exist is checkDate's to report; it has no right form to convert to.
  if (!year || !day || month.value < 1 || month.value > 12 || day.value < 1 || day.value > daysInMonth(month.value, year.value)) return false;
  const written = dateText(text, date);
  if (date.numerals === 'chinese') {
    if (year.written.length !== 4 || year.value * 10000 + month.value * 100 + day.value < ARABIC_SIGNING_DATE_FROM) return false;
    const expected = arabicDate(year.value, month.value, day.value);
    context.report({ block, start: date.start, end: date.end, messageId: 'chineseSigningDate', data: { date: written, expected }, fix: { start: date.start, end: date.end, text: expected } });
    return true;
  }
  if (year.written.length === 2) {
    const full = `20${year.written}`;
    context.report({
      block,
      start: year.start,
      end: year.end,
      messageId: 'shortYear',
      data: { date: written, expected: arabicDate(Number(full), month.value, day.value) },
      suggestions: [{ messageId: 'useDate', data: { expected: full }, fix: { start: year.start, end: year.end, text: full } }],
    });
    return false;
  }
  if (year.written.length === 4 && (/^[0０]/.test(month.written) || /^[0０]/.test(day.written))) {
    const expected = arabicDate(year.value, month.value, day.value);
    context.report({
      block,
      start: date.start,
      end: date.end,
      messageId: 'leadingZero',
      data: { date: written, expected },
      fix: [
        { start: month.start, end: month.end, text: String(month.value) },
        { start: day.start, end: day.end, text: String(day.value) },
      ],
    });
  }
  return false;
}

function isPadding(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x3000 || code === 0xa0;
}

/** Whether a date stands alone on its line, padding and brackets aside (`　　2024年5月8日`, `（2024年5月8日）`). */
function isDateLine(text: string, date: DateMention): boolean {
  let before = date.start;
  while (before > 0 && isPadding(text.charCodeAt(before - 1))) before--;
  let after = date.end;
  while (after < text.length && isPadding(text.charCodeAt(after))) after++;
  const bracketed = codeAt(text, before - 1) === 0xff08 && codeAt(text, after) === 0xff09; // （ ）
  if (bracketed) {
    before--;
    after++;
    while (before > 0 && isPadding(text.charCodeAt(before - 1))) before--;
    while (after < text.length && isPadding(text.charCodeAt(after))) after++;
  }
  return (before === 0 || text.charCodeAt(before - 1) === 10) && (after === text.length || text.charCodeAt(after) === 10);
}

const WRONG_ZERO_CHARS = '○零OＯ0０';
const YEAR_DIGITS = '〇○零OＯ0０一二三四五六七八九';

/** A year in Chinese numerals with a wrong zero before the `年` at `yearMark`: `二O二四年` `一九八○年`. */
function checkYearZero(block: Block, yearMark: number, covered: readonly DateMention[], context: Context): void {
  const { text } = block;
  const start = yearMark - 4;
  if (start < 0) return;
  // Most years are written in Arabic digits: the first character turns them away before anything is sliced.
  const first = text.charCodeAt(start);
  if (first !== 0x4e00 && first !== 0x4e8c) return; // 一 二
  const year = text.slice(start, yearMark);
  let digits = 0;
  let wrong = false;
  for (const char of year) {
    if (!YEAR_DIGITS.includes(char)) return;
    if (WRONG_ZERO_CHARS.includes(char)) wrong = true;
    else if (char !== '〇') digits++;
  }
  if (!wrong || digits < 2) return;
  const before = codeAt(text, start - 1);
  if (isTokenChar(before) || YEAR_DIGITS.includes(text[start - 1] ?? '_') || '十百千'.includes(text[start - 1] ?? '_')) return;
  if (covered.some((date) => date.start <= start && start < date.end)) return;
  const expected = year.replace(WRONG_ZERO, '〇');
  context.report({ block, start, end: yearMark, messageId: 'yearZero', data: { found: `${year}年`, expected: `${expected}年` }, fix: { start, end: yearMark, text: expected } });
}

/** Numeric dates in running text, where the shared scan found one may be (`mayHold`). */
function checkNumericDates(block: Block, mayHold: boolean, context: Context): void {
  const { text } = block;
  if (!mayHold || block.kind === 'table-cell') return;
  NUMERIC_DATE.lastIndex = 0;
  let urls: ReturnType<typeof findUrlSpans> | undefined;
  for (let match = NUMERIC_DATE.exec(text); match !== null; match = NUMERIC_DATE.exec(text)) {
    const start = match.index;
    const end = start + match[0].length;
    if (isTokenChar(codeAt(text, start - 1)) || AFTER_NUMERIC_DATE.test(text.slice(end, end + 4))) continue;
    const year = Number(match[1]);
    const month = Number(match[3]);
    const day = Number(match[4]);
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(month, year)) continue;
    // In running text: a Chinese character right before or after; not a version string.
    if (!isHan(codeAt(text, start - 1)) && !isHan(codeAt(text, end))) continue;
    if (VERSION_BEFORE.test(text.slice(Math.max(0, start - 3), start))) continue;
    urls ??= findUrlSpans(text);
    if (urls.some((url) => url.start <= start && start < url.end)) continue;
    const expected = arabicDate(year, month, day);
    context.report({
      block,
      start,
      end,
      messageId: 'numericDate',
      data: { found: match[0], expected },
      severity: 'warn',
      suggestions: [{ messageId: 'useDate', data: { expected }, fix: { start, end, text: expected } }],
    });
  }
}

/** The four-digit year (19xx, 20xx) written before the `年` at `yearMark`, if any. */
function yearBefore(text: string, yearMark: number): number | undefined {
  const start = yearMark - 4;
  if (start < 0 || isDecimalDigit(codeAt(text, start - 1))) return undefined;
  for (let i = start; i < yearMark; i++) if (!isDecimalDigit(text.charCodeAt(i))) return undefined;
  const year = Number(text.slice(start, yearMark));
  return year >= 1900 && year <= 2099 ? year : undefined;
}

const NONE: readonly DateMention[] = [];

/** Offsets of every `年` in a text, found by native search. */
function yearMarks(text: string): number[] {
  const marks: number[] = [];
  for (let at = text.indexOf('年'); at !== -1; at = text.indexOf('年', at + 1)) marks.push(at);
  return marks;
}

/**
 * The four-digit years (19xx, 20xx) written in a document, read in order as far as asked. A date with a weekday and
 * no year of its own is read in the year last written before it; the years are read only up to the last date of the
 * document, from where the last reading stopped, not in every block with a 年. Asked for every date, not only for the
 * few with a weekday: a loop first run after the rule was compiled would throw the compiled rule away.
 */
class YearsWritten {
  /** Where reading stopped: the block, and in it the offset after the last `年` read. */
  private block = 0;
  private from = 0;
  private last: number | undefined;

  constructor(
    private readonly blocks: readonly Block[],
    private readonly masks: Uint16Array,
  ) {}

  /** The last year written before offset `end` of block `index`, at or after the point last asked about. */
  before(index: number, end: number): number | undefined {
    while (this.block <= index) {
      if ((this.masks[this.block] & Trigger.Year) !== 0) {
        const { text } = this.blocks[this.block];
        const limit = this.block === index ? end : text.length;
        for (let mark = text.indexOf('年', this.from); mark !== -1 && mark < limit; mark = text.indexOf('年', mark + 1)) {
          this.last = yearBefore(text, mark) ?? this.last;
          this.from = mark + 1;
        }
      }
      if (this.block === index) break;
      this.block++;
      this.from = 0;
    }
    return this.last;
  }
}

export default defineRule({
  id: 'date-format',
  description: '日期错误：不存在的日期、星期与日期不符、成文日期格式不规范、汉字年份中的“〇”写错',
  severity: 'error',
  fixable: true,
  messages,
  options: z.object({}).strict(),
  check(document: GwDocument, report) {
    const context: Context = { report };
    // Every block with something to check holds a 月 (a date), a year before `.` `-` `/` `．` (a numeric date), or a
    // Chinese numeral before a wrong zero (a year written `二O二四`): the scan shared with the other format rules marks
    // them, and the others are not read at all.
    const { masks } = blockTriggers(document);
    const { blocks } = document;
    const years = new YearsWritten(blocks, masks);
    for (let index = 0; index < blocks.length; index++) {
      const mask = masks[index];
      if ((mask & (Trigger.Month | Trigger.NumericDate | Trigger.YearZero)) === 0) continue;
      const block = blocks[index];
      const { text } = block;
      const dates = (mask & Trigger.Month) === 0 ? NONE : findDates(text);
      for (const date of dates) checkDate(block, date, years.before(index, date.start), context);
      let covered: DateMention[] | undefined;
      for (const date of dates) {
        if (date.year && date.day && block.kind !== 'table-cell' && isDateLine(text, date) && checkDateLine(block, date, context)) (covered ??= []).push(date);
      }
      if ((mask & (Trigger.Year | Trigger.YearZero)) === (Trigger.Year | Trigger.YearZero)) {
        for (const yearMark of yearMarks(text)) checkYearZero(block, yearMark, covered ?? NONE, context);
      }
      // Called for every block read, not only for the few with a numeric date: a call first made after this loop was
      // compiled throws it away.
      checkNumericDates(block, (mask & Trigger.NumericDate) !== 0, context);
    }
  },
});
