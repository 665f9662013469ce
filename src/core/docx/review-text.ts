/** How findings about Word's review marks (revisions, comments) quote their text and name their author. */

/** Quoted text stays short enough to read in one line of output. */
const QUOTE_LENGTH = 30;

/** A text to quote in a message: breaks and tabs shown as spaces, cut with `…` past QUOTE_LENGTH. */
export function quoteForMessage(text: string): string {
  const flat = text.replace(/[\t\n]/g, ' ');
  return flat.length > QUOTE_LENGTH ? `${flat.slice(0, QUOTE_LENGTH)}…` : flat;
}

/** The author Word recorded, or a stand-in when it recorded none. */
export function reviewerName(author: string): string {
  return author.trim() === '' ? '未署名的审阅者' : author;
}
