import * as z from 'zod';
import { defineRule } from '../src/core/rule.js';
import { segment, wordFrequency, wordFrequencyAt } from '../src/core/text/segmenter.js';
import { blockTriggers, nextDoubled } from '../src/core/text/trigger-scan.js';

const MAX_UNIT = 4;
/** Characters of context on each side that the segmenter sees around a repeat. */
const CONTEXT = 8;

/**
 * A single character is reported doubled only when it is a frequent word on its own (的 了 是 在 和 对 我 这 有 …,
 * each counted over 40,000 times in jieba's dictionary). Rarer characters doubled are mostly two words that share a
 * character (`出库库点`, `聚醚醚酮`), names (`莫莫格`), or traditional characters the dictionary barely knows (`我國國民`).
 */
const MIN_SINGLE_FREQUENCY = 40_000;

/**
 * Common surnames (the most frequent hundred or so): a run of three characters, a surname and a doubled character,
 * between punctuation or spaces is a name in a list (`副主任：杨元元`, `王明明、李娜娜`).
 */
const SURNAMES = new Set(
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split(''),
);

/** Whether the Han run `run` of `text`, with a character doubled at `at`, is such a name. */
function isDoubledName(text: string, run: { start: number; end: number }, at: number): boolean {
  return run.end - run.start === 3 && at - run.start === 1 && SURNAMES.has(text[run.start]);
}

/** Chinese numerals: `二〇二二年`, `一九九九年` and `十一` repeat digits by nature. */
const NUMERALS = new Set('〇零一二三四五六七八九十百千万亿两'.split(''));

/**
 * Nouns and measure words whose doubling means “every” (`年年`, `村村通`, `户户`) and verbs that double to soften
 * (`说说`, `想想`): legitimate, and some are too rare in jieba's dictionary to be cut as one word.
 */
const DOUBLING_CHARACTERS = new Set('年月日天周时代家户村乡镇县市省国人个位名条件项样处事步层次句字声排行队片批届期种类门说想听问试走等'.split(''));
/** Per UTF-16 code, 1 for the characters of NUMERALS and DOUBLING_CHARACTERS: units of one character that double by form. */
const DOUBLES_BY_FORM = new Uint8Array(0x10000);
for (const character of [...NUMERALS, ...DOUBLING_CHARACTERS]) DOUBLES_BY_FORM[character.charCodeAt(0)] = 1;

/** Two-character verbs doubled as ABAB to mean “a little” (`研究研究`, `讨论讨论`): the spoken reduplication. */
const ABAB_VERBS = new Set([
  '研究', '讨论', '学习', '考虑', '商量', '调查', '了解', '休息', '活动', '锻炼', '整理', '检查', '交流', '思考',
  '琢磨', '比较', '介绍', '准备', '收拾', '清理', '放松', '体验', '尝试', '帮助', '指导', '打听', '熟悉', '总结',
]);

function isHan(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || code === 0x3007;
}

function allNumerals(text: string): boolean {
  for (const character of text) if (!NUMERALS.has(character)) return false;
  return true;
}

/** Repeats of two to four characters that are a reduplication by their form, whatever the segmenter says. */
function isReduplicationByForm(unit: string): boolean {
  if (allNumerals(unit)) return true;
  // `一个一个`, `一步一步`, `三年三年`: a numeral with its measure word, counted out.
  if (unit.length === 2 && NUMERALS.has(unit[0])) return true;
  return unit.length === 2 && ABAB_VERBS.has(unit);
}

/** Whether `at` lies inside `open`…`close` in `text` (the nearest opening mark before it is not closed yet). */
function isInside(text: string, at: number, open: string, close: string): boolean {
  const opened = text.lastIndexOf(open, at);
  return opened !== -1 && text.lastIndexOf(close, at) < opened;
}

/**
 * The run of Han characters around the repeat of a unit of `length` at `at`, where it starts and ends, read no further
 * than CONTEXT characters either side of the repeat: the segmenter sees no more, and a run cut short there is longer
 * than the three characters of a doubled name either way. Runs between two marks can be whole clauses.
 */
function hanRun(text: string, at: number, length: number): { start: number; end: number } {
  const lowest = Math.max(0, at - CONTEXT);
  let start = at;
  while (start > lowest && isHan(text.charCodeAt(start - 1))) start--;
  const highest = Math.min(text.length, at + 2 * length + CONTEXT);
  let end = at;
  while (end < highest && isHan(text.charCodeAt(end))) end++;
  return { start, end };
}

/**
 * Whether the segmenter cuts `text[start, start + 2·length)` as the same word(s) twice, looking at up to CONTEXT
 * characters of the surrounding Han run. A repeat that it joins to its neighbours (`工作作风`: 工作|作风, `现在在`:
 * 现在|在) or reads as one word (`常常`, `实实在在`) is no slip.
 */
function cutAsTwoCopies(text: string, run: { start: number; end: number }, start: number, length: number): boolean {
  const from = Math.max(run.start, start - CONTEXT);
  const to = Math.min(run.end, start + 2 * length + CONTEXT);
  // isCut[offset - from] is 1 where a word of the cut starts or ends, offsets from `from` to `to`.
  const isCut = new Uint8Array(to - from + 1);
  isCut[0] = 1;
  for (const cut of segment(text.slice(from, to))) isCut[cut] = 1;
  const cutAt = (offset: number): boolean => isCut[offset - from] === 1;
  const middle = start + length;
  if (!cutAt(start) || !cutAt(middle) || !cutAt(middle + length)) return false;
  let wordStart = start;
  for (let offset = 1; offset <= length; offset++) {
    const cut = cutAt(start + offset);
    if (offset < length && cut !== cutAt(middle + offset)) return false;
    if (!cut) continue;
    // Each word of the copy must be one the dictionary knows: a character it does not know is no evidence.
    if (wordFrequency(text.slice(wordStart, start + offset)) === 0) return false;
    wordStart = start + offset;
  }
  return true;
}

/** Whether `text[at, at + length)` is all Han and repeated right after itself. */
function isRepeatAt(text: string, at: number, length: number): boolean {
  if (at + 2 * length > text.length) return false;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(at + i);
    if (!isHan(code) || code !== text.charCodeAt(at + length + i)) return false;
  }
  return true;
}

/** The length of the accidental repeat that starts at `at` (a Han character), or 0. */
function repeatAt(text: string, at: number): number {
  const first = text.charCodeAt(at);
  // Never past the end of the text: the first out-of-bounds read would throw the optimised code away.
  for (let length = 1; length <= MAX_UNIT && at + 2 * length <= text.length; length++) {
    // Most characters differ from the next few: one comparison each turns them away.
    if (text.charCodeAt(at + length) !== first || !isRepeatAt(text, at, length)) continue;
    if (length === 1) {
      // By code, not by a one-character string: `某某` alone, a placeholder, comes here thousands of times in a draft
      // fresh from its template. A numeral or a character that doubles by nature (the reduplications by form), then
      // the frequency, which turns most doubled characters away before the run around them is measured.
      if (DOUBLES_BY_FORM[first] === 1 || wordFrequencyAt(text, at, 1) < MIN_SINGLE_FREQUENCY) continue;
    } else if (isReduplicationByForm(text.slice(at, at + length))) continue;
    const run = hanRun(text, at, length);
    if (length === 1 && isDoubledName(text, run, at)) continue;
    if (!cutAsTwoCopies(text, run, at, length)) continue;
    if (isInside(text, at, '《', '》') || isInside(text, at, '“', '”')) continue;
    return length;
  }
  return 0;
}

export default defineRule({
  id: 'no-repeated-word',
  description: '无意中重复的字词（的的、我们我们、进一步进一步）',
  severity: 'error',
  fixable: false,
  messages: {
    repeated: '“{{repeated}}”中的“{{word}}”重复了，疑为误写：请删去一个“{{word}}”',
    removeRepeat: '删去重复的“{{word}}”',
  },
  options: z.object({}).strict(),
  check(document, report) {
    // The scan shared with the other format rules found each block's first doubled unit; most blocks have none.
    const { firstDoubled, lastDoubled } = blockTriggers(document);
    const { blocks } = document;
    for (let index = 0; index < blocks.length; index++) {
      const first = firstDoubled[index];
      if (first === -1) continue;
      const block = blocks[index];
      const text = block.text;
      const last = lastDoubled[index];
      for (let at = first; at !== -1; ) {
        const length = repeatAt(text, at);
        if (length === 0) {
          at = at + 1 > last ? -1 : nextDoubled(text, at + 1);
          continue;
        }
        const word = text.slice(at, at + length);
        report({
          block,
          start: at,
          end: at + 2 * length,
          messageId: 'repeated',
          data: { repeated: word + word, word },
          suggestions: [{ messageId: 'removeRepeat', data: { word }, fix: { start: at + length, end: at + 2 * length, text: '' } }],
        });
        at = at + 2 * length > last ? -1 : nextDoubled(text, at + 2 * length);
      }
    }
  },
});
