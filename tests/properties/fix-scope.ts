/**
 * What a fix is allowed to change, for property 4 ("fixing changes nothing but punctuation and numbering
 * markers"). A fix may change:
 *
 * - punctuation marks of GB/T 15834, full-width or half-width: `，。、；：？！“”‘’（）《》〈〉【】〔〕［］～·…—`
 *   and `, . ; : ? ! ( ) " ' ~`, and the connectors that punctuation-form turns into `—` (`-` `–` `－` `．`), together with the spaces, tabs and full-width spaces right after a mark (`完成, 下一步` may become
 *   `完成，下一步`, and `一. 总体要求` may become `一、 总体要求`);
 * - the numeral of a numbering marker at the start of a line (after indentation and any Markdown `#`, `>`,
 *   `-`, `*` or `1.` prefix): Chinese numerals or digits directly before `、` `.` `．` `）` `)` or directly
 *   inside a leading `（`/`(`, as in `四、` → `三、`.
 *
 * Nothing else: not Han characters, letters, digits elsewhere, Markdown syntax (`#` `-` `*` `>` backticks
 * `[` `]` `|`), spaces not after a mark, line endings, NUL or surrogates. Removing what may change
 * from the text before and after fixing must leave the same string.
 */

const PUNCTUATION = /[，。、；：？！“”‘’（）《》〈〉【】〔〕［］～·…—"'~,.;:?!()\-–－．][ \t\u3000]*/g;

const MARKDOWN_PREFIX = String.raw`[ \t\u3000]*(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+|\d{1,9}[.)][ \t]+)*`;
const NUMERAL = '[〇零一二三四五六七八九十百]+|[0-9０-９]+';
/**
 * Line-initial marker numerals: `（四）`, `(4)`, `四、`, `4.`, `４．`. The numeral is group 2. Before a run of dots or
 * an ellipsis it is taken as a marker's too: `2....` may be a number and an ellipsis (punctuation-form makes it
 * `2……`), or the marker `2.` and an ellipsis (section-numbering makes `2、...` so); the text cannot tell which.
 */
const MARKER_NUMERAL = new RegExp(`(^${MARKDOWN_PREFIX}[（(]?)(${NUMERAL})(?=[、）)…]|[.．])`, 'gm');

/** The text with everything a fix may change removed. */
export function withoutPunctuationAndMarkers(text: string): string {
  return text.replace(MARKER_NUMERAL, '$1').replace(PUNCTUATION, '');
}
