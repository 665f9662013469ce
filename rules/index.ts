import type { Rule } from '../src/core/rule.js';
import enumerationSequence from './enumeration-sequence.js';
import headingPunctuation from './heading-punctuation.js';
import noPlaceholder from './no-placeholder.js';
import noRepeatedWord from './no-repeated-word.js';
import paragraphEnd from './paragraph-end.js';
import punctuationForm from './punctuation-form.js';
import punctuationPair from './punctuation-pair.js';
import punctuationSequence from './punctuation-sequence.js';
import punctuationWidth from './punctuation-width.js';
import sectionNumbering from './section-numbering.js';
import terminology from './terminology.js';

/** Every rule, sorted by id. Adding a rule is adding a file here and a test in tests/rules/. */
export const rules: readonly Rule[] = [
  enumerationSequence,
  headingPunctuation,
  noPlaceholder,
  noRepeatedWord,
  paragraphEnd,
  punctuationForm,
  punctuationPair,
  punctuationSequence,
  punctuationWidth,
  sectionNumbering,
  terminology,
];

export const rulesById: ReadonlyMap<string, Rule> = new Map(rules.map((rule) => [rule.id, rule]));
