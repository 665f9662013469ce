/**
 * A dictionary segmenter for short stretches of Chinese text, the way jieba cuts without its HMM: of all ways to
 * cut the stretch into dictionary words (or single characters), take the one whose words are jointly most
 * probable. Words and frequencies come from jieba's dictionary (word-frequencies.ts, derived by
 * scripts/build-word-table.mjs).
 */
import { CLASSES_PER_DOUBLING, MIN_FREQUENCY, TOTAL_FREQUENCY, WORDS_BY_CLASS } from './word-frequencies.js';

/** The longest word in the table, in characters. */
const MAX_WORD_LENGTH = 4;

let logProbabilities: Map<string, number> | undefined;

/** Word → natural log of its probability; built on first use, since most texts never need it. */
function table(): Map<string, number> {
  if (logProbabilities) return logProbabilities;
  const map = new Map<string, number>();
  const logTotal = Math.log(TOTAL_FREQUENCY);
  WORDS_BY_CLASS.forEach((words, frequencyClass) => {
    if (words.length === 0) return;
    const logProbability = (frequencyClass / CLASSES_PER_DOUBLING) * Math.LN2 - logTotal;
    for (const word of words.split(' ')) map.set(word, logProbability);
  });
  logProbabilities = map;
  return map;
}

/** A character the table does not know weighs as if seen once less than the rarest kept word. */
function unknownLogProbability(): number {
  return Math.log(MIN_FREQUENCY / 2) - Math.log(TOTAL_FREQUENCY);
}

/** About how often jieba's dictionary counts `word` (to a fifth), or 0 for a word the table does not hold. */
export function wordFrequency(word: string): number {
  const logProbability = table().get(word);
  return logProbability === undefined ? 0 : Math.exp(logProbability) * TOTAL_FREQUENCY;
}

/**
 * Cuts `text` into words, most probable cut first found from the end (jieba's dynamic programme over the DAG of
 * dictionary words). Returns the cut points: offsets where a word ends, the last being `text.length`.
 */
export function segment(text: string): number[] {
  const words = table();
  const unknown = unknownLogProbability();
  const length = text.length;
  // best[i]: log probability of the best cut of text[i..]; next[i]: where the first word of that cut ends.
  const best = new Float64Array(length + 1);
  const next = new Int32Array(length + 1);
  for (let start = length - 1; start >= 0; start--) {
    let bestScore = -Infinity;
    let bestEnd = start + 1;
    const limit = Math.min(length, start + MAX_WORD_LENGTH);
    for (let end = start + 1; end <= limit; end++) {
      const logProbability = words.get(text.slice(start, end)) ?? (end === start + 1 ? unknown : undefined);
      if (logProbability === undefined) continue;
      const score = logProbability + best[end];
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
