/**
 * A dictionary segmenter for short stretches of Chinese text, the way jieba cuts without its HMM: of all ways to
 * cut the stretch into dictionary words (or single characters), take the one whose words are jointly most
 * probable. Words and frequencies come from jieba's dictionary (word-frequencies.ts, derived by
 * scripts/build-word-table.mjs), looked up by binary search in the table's sorted strings: nothing is built at
 * start-up, which a linter run over a few files would pay for in full.
 */
import { CLASS_BASE, CLASSES_BY_LENGTH, CLASSES_PER_DOUBLING, MIN_FREQUENCY, TOTAL_FREQUENCY, WORDS_BY_LENGTH } from './word-frequencies.js';

/** The longest word in the table, in characters. */
const MAX_WORD_LENGTH = WORDS_BY_LENGTH.length;

const LOG_TOTAL = Math.log(TOTAL_FREQUENCY);
/** A character the table does not know weighs as if seen half as often as the rarest kept word. */
const UNKNOWN_LOG_PROBABILITY = Math.log(MIN_FREQUENCY / 2) - LOG_TOTAL;

/** Compares `text[start, start + length)` with the `index`-th word of that length in the table, by code unit. */
function compareWithWord(text: string, start: number, length: number, words: string, index: number): number {
  const offset = index * length;
  for (let i = 0; i < length; i++) {
    const difference = text.charCodeAt(start + i) - words.charCodeAt(offset + i);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** The frequency class of `text[start, start + length)`, or -1 when the table does not hold it. */
function frequencyClass(text: string, start: number, length: number): number {
  if (length < 1 || length > MAX_WORD_LENGTH) return -1;
  const words = WORDS_BY_LENGTH[length - 1];
  const classes = CLASSES_BY_LENGTH[length - 1];
  let low = 0;
  let high = classes.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const order = compareWithWord(text, start, length, words, middle);
    if (order === 0) return classes.charCodeAt(middle) - CLASS_BASE;
    if (order < 0) high = middle - 1;
    else low = middle + 1;
  }
  return -1;
}

function logProbabilityOfClass(wordClass: number): number {
  return (wordClass / CLASSES_PER_DOUBLING) * Math.LN2 - LOG_TOTAL;
}

/** About how often jieba's dictionary counts `word` (to a fifth), or 0 for a word the table does not hold. */
export function wordFrequency(word: string): number {
  const wordClass = frequencyClass(word, 0, word.length);
  return wordClass < 0 ? 0 : 2 ** (wordClass / CLASSES_PER_DOUBLING);
}

/**
 * Cuts `text` into words, the most probable cut (jieba's dynamic programme over the DAG of dictionary words, from
 * the end). Returns the cut points: offsets where a word ends, the last being `text.length`.
 */
export function segment(text: string): number[] {
  const length = text.length;
  // best[i]: log probability of the best cut of text[i..]; next[i]: where the first word of that cut ends.
  const best = new Float64Array(length + 1);
  const next = new Int32Array(length + 1);
  for (let start = length - 1; start >= 0; start--) {
    let bestScore = -Infinity;
    let bestEnd = start + 1;
    const limit = Math.min(length, start + MAX_WORD_LENGTH);
    for (let end = start + 1; end <= limit; end++) {
      const wordClass = frequencyClass(text, start, end - start);
      if (wordClass < 0 && end > start + 1) continue;
      const score = (wordClass < 0 ? UNKNOWN_LOG_PROBABILITY : logProbabilityOfClass(wordClass)) + best[end];
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
