import type { Rule } from '../src/core/rule.js';
import documentElements from './document-elements.js';
import enumerationSequence from './enumeration-sequence.js';
import layoutFonts from './layout-fonts.js';
import layoutPage from './layout-page.js';
import layoutPageNumber from './layout-page-number.js';
import layoutParagraph from './layout-paragraph.js';
import noComments from './no-comments.js';
import noPlaceholder from './no-placeholder.js';
import noTrackedChanges from './no-tracked-changes.js';
import paragraphEnd from './paragraph-end.js';
import punctuationForm from './punctuation-form.js';
import punctuationPair from './punctuation-pair.js';
import punctuationSequence from './punctuation-sequence.js';
import punctuationWidth from './punctuation-width.js';
import sectionNumbering from './section-numbering.js';

/** Every rule, sorted by id. Adding a rule is adding a file here and a test in tests/rules/. */
export const rules: readonly Rule[] = [
  documentElements,
  enumerationSequence,
  layoutFonts,
  layoutPage,
  layoutPageNumber,
  layoutParagraph,
  noComments,
  noPlaceholder,
  noTrackedChanges,
  paragraphEnd,
  punctuationForm,
  punctuationPair,
  punctuationSequence,
  punctuationWidth,
  sectionNumbering,
];

export const rulesById: ReadonlyMap<string, Rule> = new Map(rules.map((rule) => [rule.id, rule]));
