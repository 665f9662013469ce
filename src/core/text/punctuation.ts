/**
 * Character classes for punctuation rules (GB/T 15834-2011): what counts as Chinese text around a mark,
 * which marks are 点号, their full-width forms, and the URL/e-mail spans where half-width marks belong.
 * Kept small and stable: other rules import it.
 */
import { isAsciiLetter } from '../parse/characters.js';

const ASCII_LETTER = /[A-Za-z]/;

/** Whether a code point is a Han character (CJK Unified Ideographs, extensions A–H, compatibility). */
export function isHan(codePoint: number): boolean {
  return (
    (codePoint >= 0x4e00 && codePoint <= 0x9fff) ||
    (codePoint >= 0x3400 && codePoint <= 0x4dbf) ||
    (codePoint >= 0xf900 && codePoint <= 0xfaff) ||
    (codePoint >= 0x20000 && codePoint <= 0x3134f) ||
    codePoint === 0x3007
  );
}

/**
 * Whether a code point belongs to Chinese text: a Han character, a full-width form (`，` `（` `Ｘ` `％`),
 * CJK punctuation (`、` `。` `《` `〔`), curly quotes `“”‘’`, `…` or `—`. A half-width mark beside one of
 * these is in Chinese text.
 */
export function isChineseTextChar(codePoint: number): boolean {
  return (
    isHan(codePoint) ||
    (codePoint >= 0x3000 && codePoint <= 0x303f) ||
    (codePoint >= 0xff01 && codePoint <= 0xff65) ||
    (codePoint >= 0xffe0 && codePoint <= 0xffee) ||
    codePoint === 0x2018 ||
    codePoint === 0x2019 ||
    codePoint === 0x201c ||
    codePoint === 0x201d ||
    codePoint === 0x2026 ||
    codePoint === 0x2014
  );
}

/** The code point that ends just before `offset` (a whole surrogate pair when there is one), or -1 at the start. */
export function codePointBefore(text: string, offset: number): number {
  if (offset <= 0) return -1;
  const low = text.charCodeAt(offset - 1);
  if (low >= 0xdc00 && low <= 0xdfff && offset >= 2) {
    const high = text.charCodeAt(offset - 2);
    if (high >= 0xd800 && high <= 0xdbff) return (high - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
  }
  return low;
}

/**
 * The UTF-16 code at `at`, or -1 outside the text. For loops that look at neighbours: an out-of-bounds
 * `charCodeAt` (NaN) throws away the calling function's optimised code, to be compiled again, which a short lint
 * run pays in full.
 */
export function codeAt(text: string, at: number): number {
  return at >= 0 && at < text.length ? text.charCodeAt(at) : -1;
}

/** The code point that starts at `offset`, or -1 at the end. */
export function codePointAfter(text: string, offset: number): number {
  return offset < text.length ? text.codePointAt(offset)! : -1;
}

/** Whether the character at a UTF-16 code unit is a space or tab (not U+3000, which is Chinese text itself). */
export function isAsciiSpace(code: number): boolean {
  return code === 0x20 || code === 0x09;
}

/** 点号 of Chinese text, full-width: 逗号 顿号 分号 冒号 句号 问号 叹号. */
export const FULL_WIDTH_POINT_MARKS = '，、；：。？！';

/** Half-width marks that stand for 点号 when typed in Chinese text, and the full-width mark each should be. */
export const FULL_WIDTH_OF: Readonly<Record<string, string>> = {
  ',': '，',
  ';': '；',
  ':': '：',
  '?': '？',
  '!': '！',
  '(': '（',
  ')': '）',
};

/**
 * FULL_WIDTH_OF as a Map: `FULL_WIDTH_OF[mark]` with a different mark each time is a property read by a name that
 * changes, which compiled code guards by the one name it has seen (and is thrown away at the next).
 */
const FULL_WIDTH_MAP: ReadonlyMap<string, string> = new Map(Object.entries(FULL_WIDTH_OF));

/** A 点号 as Chinese text writes it: the full-width form of a half-width mark, a full-width mark unchanged. */
export function toFullWidthMark(mark: string): string {
  // Most marks are full-width already: one code comparison answers for them.
  return mark.charCodeAt(0) < 0x80 ? (FULL_WIDTH_MAP.get(mark) ?? mark) : mark;
}

export interface Span {
  readonly start: number;
  /** Exclusive. */
  readonly end: number;
}

/**
 * URLs (`https://…`, `ftp://…`, `www.…`), ASCII only. Trailing sentence punctuation and an unbalanced `)`
 * are not part of a URL, as GFM autolinks read them.
 */
const URL = /(?:https?|ftp):\/\/[!-~]+|www\.[A-Za-z0-9-]+\.[!-~]+/g;
const URL_TRAILING = new Set(['.', ',', ';', ':', '!', '?', "'", '"', '*', '_', '~']);
const EMAIL_LOCAL = /[A-Za-z0-9._%+-]/;
const EMAIL_DOMAIN = /[A-Za-z0-9.-]/;

function countChar(text: string, char: string): number {
  let count = 0;
  for (let at = text.indexOf(char); at !== -1; at = text.indexOf(char, at + 1)) count++;
  return count;
}

function trimUrl(url: string): string {
  for (;;) {
    const last = url[url.length - 1];
    if (URL_TRAILING.has(last)) url = url.slice(0, -1);
    else if (last === ')' && countChar(url, '(') < countChar(url, ')')) url = url.slice(0, -1);
    else return url;
  }
}

/**
 * E-mail addresses, found from each `@` outwards rather than by a regex that would start over at every
 * letter of a long Latin run.
 */
function findEmailSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > 0 && EMAIL_LOCAL.test(text[start - 1])) start--;
    let end = at + 1;
    while (end < text.length && EMAIL_DOMAIN.test(text[end])) end++;
    while (end > at + 1 && text[end - 1] === '.') end--;
    const domain = text.slice(at + 1, end);
    if (start < at && domain.includes('.') && !domain.startsWith('.')) spans.push({ start, end });
  }
  return spans;
}

/** Larger than any offset in a text (V8 strings stay shorter), and still a small integer to V8, as offsets are. */
const PAST_EVERY_OFFSET = 2 ** 30 - 1;

/** Stands after the last span of a list, so that code walking the spans reads one more, always a span. */
const NO_SPAN: Span = { start: PAST_EVERY_OFFSET, end: PAST_EVERY_OFFSET };

/**
 * The spans of a text without URLs, most texts. Sliced from a list holding a span: an empty `[]` is, to V8, a list
 * of small integers, a shape of its own, and code compiled while every list of spans it met was empty was thrown
 * away at the first that held one. This list has the shape of every list of spans.
 */
const NO_SPANS: readonly Span[] = [NO_SPAN].slice(0, 0);

/** The URL and e-mail spans of a text, sorted, none inside another. */
export function findUrlSpans(text: string): readonly Span[] {
  const spans: Span[] = [];
  URL.lastIndex = 0;
  for (let match = URL.exec(text); match !== null; match = URL.exec(text)) {
    spans.push({ start: match.index, end: match.index + trimUrl(match[0]).length });
  }
  if (text.includes('@')) {
    const insideUrl = new SpanCursor(spans.length === 0 ? NO_SPANS : [...spans]);
    for (const email of findEmailSpans(text)) {
      if (!insideUrl.contains(email.start)) spans.push(email);
    }
    spans.sort((a, b) => a.start - b.start);
  }
  return spans.length === 0 ? NO_SPANS : spans;
}

/** Answers "is this offset inside one of the spans?" for offsets asked in increasing order, in linear time overall. */
export class SpanCursor {
  private next = 0;

  constructor(private readonly spans: readonly Span[]) {}

  contains(offset: number): boolean {
    // Every step runs on every call (at least one span read, NO_SPAN past the last): a step that only a text with
    // a URL took would first run after this was compiled into its caller, and throw that code away.
    let index = this.next - 1;
    let span: Span;
    do span = this.spans[++index] ?? NO_SPAN;
    while (span.end <= offset);
    this.next = index;
    return span.start <= offset;
  }
}

/** `#` and ASCII letters and digits, what an entity name is made of; by code, with no string made for the character. */
function isEntityNameCode(code: number): boolean {
  return code === 0x23 || (code >= 0x30 && code <= 0x39) || isAsciiLetter(code);
}
/** Longest entity name looked back over (`&thetasym;`, `&#x1F600;`). */
const MAX_ENTITY_NAME = 10;

/** Whether the `;` at `at` ends an HTML character reference left in the text (`&nbsp;`, `&#9826;`, a mangled `&9826;`). */
export function isEntitySemicolon(text: string, at: number): boolean {
  let start = at;
  while (start > 0 && at - start < MAX_ENTITY_NAME && isEntityNameCode(text.charCodeAt(start - 1))) start--;
  return start < at && start > 0 && text.charCodeAt(start - 1) === 0x26;
}

/**
 * Whether a paragraph is written mainly in a Latin-script language: more than twice as many ASCII letters
 * outside URLs and e-mail addresses as Han characters (a Chinese sentence with an English term, such as
 * `人工智能 (Artificial Intelligence, AI) 是…`, stays near 1). English prose that quotes Chinese (`the title ("关于…的通知"), …`)
 * keeps its own half-width marks and single `…`; URLs are left out so that a short Chinese sentence
 * with a long link still counts as Chinese.
 */
export function isMostlyLatin(text: string, urlSpans: readonly Span[]): boolean {
  // Without an ASCII letter the answer is no; one native search spares the loop for nearly every paragraph.
  if (!ASCII_LETTER.test(text)) return false;
  let latin = 0;
  let han = 0;
  // The text between the spans, gap by gap; the last gap ends at NO_SPAN. Every statement runs for every text, and
  // the answer is always given by the last line: a step only rare texts take would first run after this function
  // was compiled, and throw its code away.
  let from = 0;
  let spanIndex = 0;
  let more = true;
  scan: while (more) {
    const span = urlSpans[spanIndex++] ?? NO_SPAN;
    more = span !== NO_SPAN;
    const to = Math.min(span.start, text.length);
    const next = span.end;
    for (let i = from; i < to; i++) {
      const code = text.charCodeAt(i);
      if (isAsciiLetter(code)) latin++;
      else if (isHan(code)) {
        han++;
        // Decided once even every character left being a letter could not outnumber the Han ones: in Chinese prose,
        // a third of the way in (and then `latin > 2 * han` below is false).
        if (latin + (text.length - 1 - i) <= 2 * han) break scan;
      }
    }
    from = next;
  }
  return latin > 2 * han;
}
