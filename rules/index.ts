import type { Rule } from '../src/core/rule.js';
import attachmentNote from './attachment-note.js';
import dateFormat from './date-format.js';
import documentElements from './document-elements.js';
import documentNumber from './document-number.js';
import enumerationSequence from './enumeration-sequence.js';
import headingPunctuation from './heading-punctuation.js';
import layoutFonts from './layout-fonts.js';
import layoutPageNumber from './layout-page-number.js';
import layoutPage from './layout-page.js';
import layoutParagraph from './layout-paragraph.js';
import noComments from './no-comments.js';
import noPlaceholder from './no-placeholder.js';
import noRepeatedWord from './no-repeated-word.js';
import noTrackedChanges from './no-tracked-changes.js';
import numberUsage from './number-usage.js';
import paragraphEnd from './paragraph-end.js';
import punctuationForm from './punctuation-form.js';
import punctuationPair from './punctuation-pair.js';
import punctuationSequence from './punctuation-sequence.js';
import punctuationWidth from './punctuation-width.js';
import sectionNumbering from './section-numbering.js';
import terminology from './terminology.js';

/** Every rule, sorted by id. Adding a rule is adding a file here and a test in tests/rules/. */
export const rules: readonly Rule[] = [
  attachmentNote,
  dateFormat,
  documentElements,
  documentNumber,
  enumerationSequence,
  headingPunctuation,
  layoutFonts,
  layoutPage,
  layoutPageNumber,
  layoutParagraph,
  noComments,
  noPlaceholder,
  noRepeatedWord,
  noTrackedChanges,
  numberUsage,
  paragraphEnd,
  punctuationForm,
  punctuationPair,
  punctuationSequence,
  punctuationWidth,
  sectionNumbering,
  terminology,
];

export const rulesById: ReadonlyMap<string, Rule> = new Map(rules.map((rule) => [rule.id, rule]));
