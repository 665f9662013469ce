/**
 * A dictionary segmenter for short stretches of Chinese text, the way jieba cuts without its HMM: of all ways to
 * cut the stretch into dictionary words (or single characters), take the one whose words are jointly most
 * probable. Words and frequencies come from jieba's dictionary (word-frequencies.ts, derived by
 * scripts/build-word-table.mjs), looked up by binary search in the table's sorted strings: nothing is built at
 * start-up, which a linter run over a few files would pay for in full.
 *
 * The table (0.6 MB of source) is loaded on demand, like remark: compiling it was a tenth of a run over one
 * draft, and most drafts have no repeated word to look up. loadWordTable loads it; useWordTable gives it to
 * synchronous entry points that import it up front.
 */
import { onDemandPart } from '../on-demand.js';
import type * as WordTable from './word-frequencies.js';

/** The table and what is derived from it, once loaded. */
interface LoadedTable {
  words: readonly string[];
  classes: readonly string[];
  classBase: number;
  classesPerDoubling: number;
  /** The longest word in the table, in characters. */
  maxWordLength: number;
  logTotal: number;
  /** A character the table does not know weighs as if seen half as often as the rarest kept word. */
  unknownLogProbability: number;
  /** The words of each length opening with each basic Han character, found when first asked for (firstCharRange). */
  firstCharRanges: Int32Array;
}

/** The table holds words of basic Han characters only (U+4E00–U+9FFF). */
const FIRST_HAN = 0x4e00;
const HAN_COUNT = 0x9fff - FIRST_HAN + 1;

const wordTable = onDemandPart('the word table', 'loadWordTable', () => import('./word-frequencies.js'), (loaded: typeof WordTable): LoadedTable => {
  const logTotal = Math.log(loaded.TOTAL_FREQUENCY);
  return {
    words: loaded.WORDS_BY_LENGTH,
    classes: loaded.CLASSES_BY_LENGTH,
    classBase: loaded.CLASS_BASE,
    classesPerDoubling: loaded.CLASSES_PER_DOUBLING,
    maxWordLength: loaded.WORDS_BY_LENGTH.length,
    logTotal,
    unknownLogProbability: Math.log(loaded.MIN_FREQUENCY / 2) - logTotal,
    firstCharRanges: new Int32Array(2 * HAN_COUNT * loaded.WORDS_BY_LENGTH.length),
  };
});

export const { use: useWordTable, load: loadWordTable } = wordTable;
const loadedTable = wordTable.get;

/** Compares `text[start, start + length)` with the `index`-th word of that length in the table, by code unit. */
function compareWithWord(text: string, start: number, length: number, words: string, index: number): number {
  const offset = index * length;
  for (let i = 0; i < length; i++) {
    const difference = text.charCodeAt(start + i) - words.charCodeAt(offset + i);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** The first index in `words` (of `count` words of `length` characters) whose first character is `code` or above. */
function firstIndexFrom(words: string, length: number, count: number, code: number): number {
  let low = 0;
  let high = count;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (words.charCodeAt(middle * length) < code) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Where the words of `length` characters that open with the basic Han character `han` (its offset from U+4E00) lie
 * among the words of that length: `ranges[slot]` is the first index, `ranges[slot + 1]` the last index + 2 (0 until
 * found), with `slot` the index returned. Most stretches the segmenter tries open with a character no word of that
 * length opens with, or a few: the search then takes a step or none instead of the sixteen of a search through all
 * the words of that length. The ranges of one character's lengths lie side by side, in one cache line: the table is
 * too large to stay in the cache between the few stretches a draft asks about.
 */
function firstCharRange(table: LoadedTable, length: number, han: number): number {
  const ranges = table.firstCharRanges;
  const slot = 2 * (han * table.maxWordLength + length - 1);
  if (ranges[slot + 1] === 0) {
    const words = table.words[length - 1];
    const count = table.classes[length - 1].length;
    const code = FIRST_HAN + han;
    ranges[slot] = firstIndexFrom(words, length, count, code);
    ranges[slot + 1] = firstIndexFrom(words, length, count, code + 1) + 1;
  }
  return slot;
}

/** The frequency class of `text[start, start + length)`, or -1 when the table does not hold it. */
function frequencyClass(table: LoadedTable, text: string, start: number, length: number): number {
  if (length < 1 || length > table.maxWordLength) return -1;
  const han = text.charCodeAt(start) - FIRST_HAN;
  if (!(han >= 0 && han < HAN_COUNT)) return -1;
  const words = table.words[length - 1];
  const classes = table.classes[length - 1];
  const slot = firstCharRange(table, length, han);
  let low = table.firstCharRanges[slot];
  let high = table.firstCharRanges[slot + 1] - 2;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const order = compareWithWord(text, start, length, words, middle);
    if (order === 0) return classes.charCodeAt(middle) - table.classBase;
    if (order < 0) high = middle - 1;
    else low = middle + 1;
  }
  return -1;
}

function logProbabilityOfClass(table: LoadedTable, wordClass: number): number {
  return (wordClass / table.classesPerDoubling) * Math.LN2 - table.logTotal;
}

/** About how often jieba's dictionary counts `word` (to a fifth), or 0 for a word the table does not hold. */
export function wordFrequency(word: string): number {
  return wordFrequencyAt(word, 0, word.length);
}

/** wordFrequency of `text[start, start + length)`, without slicing it out. */
export function wordFrequencyAt(text: string, start: number, length: number): number {
  const table = loadedTable();
  const wordClass = frequencyClass(table, text, start, length);
  return wordClass < 0 ? 0 : 2 ** (wordClass / table.classesPerDoubling);
}

/**
 * segment's working arrays, kept from call to call and grown for a longer text: a typed array of more than 64 bytes
 * is allocated outside the heap, at a cost above that of cutting a short stretch.
 */
let bestScratch = new Float64Array(64);
let nextScratch = new Int32Array(64);

/**
 * Cuts `text` into words, the most probable cut (jieba's dynamic programme over the DAG of dictionary words, from
 * the end). Returns the cut points: offsets where a word ends, the last being `text.length`.
 */
export function segment(text: string): number[] {
  const table = loadedTable();
  const length = text.length;
  if (bestScratch.length <= length) {
    bestScratch = new Float64Array(2 * (length + 1));
    nextScratch = new Int32Array(2 * (length + 1));
  }
  // best[i]: log probability of the best cut of text[i..]; next[i]: where the first word of that cut ends. Each
  // entry below `length` is written before it is read.
  const best = bestScratch;
  const next = nextScratch;
  best[length] = 0;
  for (let start = length - 1; start >= 0; start--) {
    let bestScore = -Infinity;
    let bestEnd = start + 1;
    const limit = Math.min(length, start + table.maxWordLength);
    for (let end = start + 1; end <= limit; end++) {
      const wordClass = frequencyClass(table, text, start, end - start);
      if (wordClass < 0 && end > start + 1) continue;
      const score = (wordClass < 0 ? table.unknownLogProbability : logProbabilityOfClass(table, wordClass)) + best[end];
      // On a tie the longer word wins, as in jieba.
      if (score >= bestScore) {
        bestScore = score;
        bestEnd = end;
      }
    }
    best[start] = bestScore;
    next[start] = bestEnd;
  }
  const cuts: number[] = [];
  for (let at = 0; at < length; at = next[at]) cuts.push(next[at]);
  return cuts;
}
