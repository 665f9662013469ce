import * as z from 'zod';
import type { Block, GwDocument } from '../src/core/document.js';
import { defineRule, type ReportFunction } from '../src/core/rule.js';
import { numeralValue, parseDigits } from '../src/core/text/chinese-numerals.js';
import { codeAt } from '../src/core/text/punctuation.js';
import { blockTriggers, Trigger } from '../src/core/text/trigger-scan.js';

const messages = {
  doubleApproximation: '“{{found}}”中“{{first}}”和“左右”都表示约数，意思重复：只留一个',
  separator: '数字“{{found}}”中的“{{mark}}”不能用作千位分节号（GB/T 15835-2011 第5.1.1条），应写作“{{expected}}”',
  mixedDigits: '数字“{{found}}”混用了阿拉伯数字和汉字数字（GB/T 15835-2011 第5.3条）：除“万”“亿”外不能混用，{{advice}}',
  removeWord: '删去“{{word}}”',
  useNumber: '改为“{{expected}}”',
} as const;

type MessageId = keyof typeof messages;

/**
 * `约100人左右` `大约三成左右` `约有十三个百分点左右`: 约 and 左右 around one number. The number is digits or
 * Chinese numerals, its unit at most six characters, with no punctuation in between.
 */
const DOUBLE_APPROXIMATION =
  /(大约|约)(?:有|为|占|在|是|需|达)?(?:[0-9０-９]+(?:[.．,，][0-9０-９]+)*[%％]?|[零〇一二两三四五六七八九十百千万亿几半]+)(?:多|余)?[^\s0-9，。；：、！？,.;:!?（）()“”‘’《》]{0,6}?左右(?!为难|逢源|摇摆|开弓|手)/g;
/** Words that end in 约 and are not 约 meaning "about": 节约100万元左右 saves about a million. */
const WORD_ENDING_IN_YUE = /[节制简契条公隐预邀相违履和婚盟特签合集俭赴践守失毁解爽应]$/;

/**
 * `1，000万元` `2、000人`: a full-width comma or 顿号 between digit groups of three. A full-width comma between a
 * short number and three digits is no list in Chinese (lists take 、), so any group counts; with 、 only a group that
 * opens with 0 is certain (`100、200、300` is a list). Tried at the start of each run of digits.
 */
const SEPARATED = /([0-9]{1,3})((?:[，、][0-9]{3})+)(?![0-9])/y;

/**
 * Mixed digits inside one number (GB/T 15835-2011 §5.3), each tried where a run of Arabic digits lets it match:
 * `3千5百` `1百零8` (Arabic digits around 十百千) and `1百万` `9千亿` (Arabic digits, 十百千 and 万亿) from the run's
 * start; `2〇2` (a Chinese zero between Arabic digits) from its last digit; `二0二` `二00八` `二0` (Arabic zeros after
 * a Chinese digit) from the character before; `一百08` (a Chinese number going on in Arabic digits) from two or three
 * before. 万 and 亿 alone after Arabic digits are allowed (`5万元`, `10亿零817万`), and `3千米` `3千瓦` are units.
 */
const ARABIC_UNITS_ARABIC = /[0-9０-９]+[十百千]零?[0-9０-９][0-9０-９十百千零]*/y;
const ARABIC_UNIT_WAN = /[0-9０-９]+[十百千][万亿]/y;
const CHINESE_ZERO_INSIDE = /[0-9０-９][〇零]+[0-9０-９]+/y;
const ARABIC_ZEROS_INSIDE = /[〇零一二三四五六七八九][0０]+[〇零一二三四五六七八九]+/y;
const ARABIC_ZEROS_AFTER = /[一二三四五六七八九][0０]+(?![0-9０-９〇零一二三四五六七八九十百千])/y;
const CHINESE_THEN_ARABIC = /[一二三四五六七八九][十百千]零?[0-9０-９][0-9０-９十百千零]*/y;
/** Characters that make a 一 before digits part of a word (`统一10项`, `周一9时`, `第一10名`), not of the number. */
const WORD_BEFORE_NUMERAL = '第周期初高统唯之逐万划单同专合归均齐不星礼';
const DIGIT_RUN = /[0-9０-９]+/g;
/** A year such as `二0二四年` is date-format's (Chinese-numeral years); not reported here again. */
const CHINESE_YEAR_AFTER = /^[〇零一二三四五六七八九0０]*年/;
const UNIT_VALUES: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

/** `3千5百` → 3500, `1百零8` → 108; undefined when the parts do not add up to a plain number. */
function mixedValue(written: string): number | undefined {
  let total = 0;
  let digits = '';
  for (const char of written) {
    if (char === '零') continue;
    const unit = UNIT_VALUES[char];
    if (unit === undefined) {
      digits += char;
      continue;
    }
    if (digits === '') return undefined;
    total += parseDigits(digits) * unit;
    digits = '';
  }
  return total + (digits === '' ? 0 : parseDigits(digits));
}

/** `约…左右` in a block where the shared scan found a 左 (`mayHold`). */
function reportDoubleApproximations(block: Block, mayHold: boolean, report: ReportFunction<MessageId>): void {
  const { text } = block;
  if (!mayHold || !text.includes('左右')) return;
  DOUBLE_APPROXIMATION.lastIndex = 0;
  for (let match = DOUBLE_APPROXIMATION.exec(text); match !== null; match = DOUBLE_APPROXIMATION.exec(text)) {
    const start = match.index;
    const first = match[1];
    if (first === '约' && WORD_ENDING_IN_YUE.test(text.slice(Math.max(0, start - 1), start))) {
      DOUBLE_APPROXIMATION.lastIndex = start + 1;
      continue;
    }
    const end = start + match[0].length;
    report({
      block,
      start,
      end,
      messageId: 'doubleApproximation',
      data: { found: match[0], first },
      suggestions: [
        { messageId: 'removeWord', data: { word: '左右' }, fix: { start: end - 2, end, text: '' } },
        { messageId: 'removeWord', data: { word: first }, fix: { start, end: start + first.length, text: '' } },
      ],
    });
  }
}

/** `pattern`'s match (a sticky regex) exactly at `at`, or null. */
function matchAt(pattern: RegExp, text: string, at: number): RegExpExecArray | null {
  if (at < 0) return null;
  pattern.lastIndex = at;
  return pattern.exec(text);
}

function isDigitCode(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0xff10 && code <= 0xff19);
}

function reportSeparator(block: Block, match: RegExpExecArray, report: ReportFunction<MessageId>): void {
  const groups = match[2];
  if (groups.includes('、') && !/、0/.test(groups)) return;
  const start = match.index;
  const end = start + match[0].length;
  const expected = match[0].replace(/[，、]/g, '');
  report({
    block,
    start,
    end,
    messageId: 'separator',
    data: { found: match[0], mark: groups[0], expected },
    suggestions: [{ messageId: 'useNumber', data: { expected }, fix: { start, end, text: expected } }],
  });
}

function reportMixed(block: Block, start: number, end: number, report: ReportFunction<MessageId>): void {
  const written = block.text.slice(start, end);
  const arabicHead = /^[0-9０-９]+[十百千]/.test(written);
  const tail = arabicHead && /[万亿]$/.test(written) ? written.slice(-1) : '';
  const value = arabicHead ? mixedValue(tail ? written.slice(0, -1) : written) : undefined;
  const expected = value === undefined ? undefined : `${value}${tail}`;
  report({
    block,
    start,
    end,
    messageId: 'mixedDigits',
    data: { found: written, advice: expected === undefined ? '请统一用阿拉伯数字或汉字数字' : `应写作“${expected}”` },
    ...(expected === undefined ? {} : { suggestions: [{ messageId: 'useNumber', data: { expected }, fix: { start, end, text: expected } }] }),
  });
}

const TEN = 0x5341; // 十
const HUNDRED = 0x767e; // 百
const THOUSAND = 0x5343; // 千
const LING = 0x96f6; // 零
const ZERO = 0x3007; // 〇

function isPlaceUnit(code: number): boolean {
  return code === TEN || code === HUNDRED || code === THOUSAND;
}

/** The mixed number around the run of Arabic digits `[start, end)`, as a span, or undefined. Most runs are turned away by the characters either side. */
function mixedAround(text: string, start: number, end: number): { start: number; end: number } | undefined {
  const before = codeAt(text, start - 1);
  if (numeralValue(before) >= 0 || before === THOUSAND) {
    for (const at of [start - 2, start - 3]) {
      const found = matchAt(CHINESE_THEN_ARABIC, text, at);
      if (found && at + found[0].length > start) return { start: at, end: at + found[0].length };
    }
    const zeros = matchAt(ARABIC_ZEROS_INSIDE, text, start - 1) ?? (WORD_BEFORE_NUMERAL.includes(text[start - 2] ?? '_') ? null : matchAt(ARABIC_ZEROS_AFTER, text, start - 1));
    if (zeros) {
      const spanEnd = start - 1 + zeros[0].length;
      // `二0二四年` is a Chinese-numeral year with a wrong zero: date-format's.
      if (!CHINESE_YEAR_AFTER.test(text.slice(spanEnd, spanEnd + 5))) return { start: start - 1, end: spanEnd };
    }
  }
  const after = codeAt(text, end);
  if (isPlaceUnit(after) && before !== 0x2e && before !== 0xff0e) {
    const units = matchAt(ARABIC_UNITS_ARABIC, text, start) ?? matchAt(ARABIC_UNIT_WAN, text, start);
    if (units) return { start, end: start + units[0].length };
  }
  if (after === LING || after === ZERO) {
    const zero = matchAt(CHINESE_ZERO_INSIDE, text, end - 1);
    if (zero) return { start: end - 1, end: end - 1 + zero[0].length };
  }
  return undefined;
}

/**
 * Separators and mixed digits, both found from the runs of Arabic digits: one native search through the text of a block
 * where the shared scan found a digit beside a numeral, a place unit or a separator (`mayHold`).
 */
function reportNumbers(block: Block, mayHold: boolean, report: ReportFunction<MessageId>): void {
  const { text } = block;
  if (!mayHold) return;
  DIGIT_RUN.lastIndex = 0;
  // `test` builds no match array; the run ends at lastIndex and starts at its first digit from where the search began.
  for (let from = 0; DIGIT_RUN.test(text); from = DIGIT_RUN.lastIndex) {
    const end = DIGIT_RUN.lastIndex;
    let start = end - 1;
    while (start > from && isDigitCode(text.charCodeAt(start - 1))) start--;
    const next = codeAt(text, end);
    const before = codeAt(text, start - 1);
    // ， 、 after at most three digits that follow no number (`.` `．` `，` `、` or a digit).
    if ((next === 0xff0c || next === 0x3001) && end - start <= 3 && before !== 0x2e && before !== 0xff0e && before !== 0xff0c && before !== 0x3001 && !isDigitCode(before)) {
      const separated = matchAt(SEPARATED, text, start);
      if (separated) {
        reportSeparator(block, separated, report);
        DIGIT_RUN.lastIndex = start + separated[0].length;
        continue;
      }
    }
    const mixed = mixedAround(text, start, end);
    if (mixed) {
      reportMixed(block, mixed.start, mixed.end, report);
      DIGIT_RUN.lastIndex = Math.max(DIGIT_RUN.lastIndex, mixed.end);
    }
  }
}

export default defineRule({
  id: 'number-usage',
  description: '数字用法不规范（约数重复、全角逗号或顿号作千位分节、阿拉伯数字与汉字数字混用）',
  severity: 'warn',
  fixable: false,
  messages,
  options: z.object({}).strict(),
  check(document: GwDocument, report) {
    // The scan shared with the other format rules marks the blocks with a 左 and those with a digit beside a Chinese
    // numeral, 十百千 or a ，、: only they can hold what this rule reports.
    const { masks } = blockTriggers(document);
    const { blocks } = document;
    for (let index = 0; index < blocks.length; index++) {
      const mask = masks[index];
      if ((mask & (Trigger.Zuo | Trigger.MixedNumber)) === 0) continue;
      const block = blocks[index];
      // Both called for every block read, the few with a 左 too: a call first made after this loop was compiled
      // throws it away.
      reportDoubleApproximations(block, (mask & Trigger.Zuo) !== 0, report);
      reportNumbers(block, (mask & Trigger.MixedNumber) !== 0, report);
    }
  },
});
