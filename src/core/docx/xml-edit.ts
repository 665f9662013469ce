/**
 * Edits to a part's XML text by splicing at element offsets (see xml.ts): everything outside the edited
 * ranges stays byte for byte as it was, including the declaration, namespace prefixes and whitespace.
 */

/** `text` replaces `[start, end)` of the part's text; `start === end` inserts. */
export interface XmlEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * Applies edits that do not overlap. Insertions at the same offset keep the order they were given in, and
 * come before a replacement that starts there.
 */
export function applyXmlEdits(text: string, edits: readonly XmlEdit[]): string {
  const sorted = edits
    .map((edit, order) => ({ edit, order }))
    .sort((a, b) => a.edit.start - b.edit.start || (a.edit.end - a.edit.start) - (b.edit.end - b.edit.start) || a.order - b.order)
    .map(({ edit }) => edit);
  const pieces: string[] = [];
  let cursor = 0;
  for (const edit of sorted) {
    if (edit.start < cursor || edit.end < edit.start) throw new Error(`applyXmlEdits: overlapping edit at ${edit.start}`);
    pieces.push(text.slice(cursor, edit.start), edit.text);
    cursor = edit.end;
  }
  pieces.push(text.slice(cursor));
  return pieces.join('');
}

/** Escapes text content: `&`, `<`, `>` (the last so that `]]>` never appears). */
export function escapeXmlText(text: string): string {
  return text.replace(/[&<>]/g, (character) => (character === '&' ? '&amp;' : character === '<' ? '&lt;' : '&gt;'));
}

/** Escapes an attribute value written in double quotes; tabs and line breaks as references, so they survive normalisation. */
export function escapeXmlAttribute(text: string): string {
  return text.replace(/[&<>"\t\n\r]/g, (character) => `&#${character.charCodeAt(0)};`);
}

/**
 * Characters XML 1.0 cannot hold even as references (C0 controls but tab and line breaks, lone surrogates,
 * U+FFFE/U+FFFF): a message quoting one would make the part malformed, so they become U+FFFD.
 */
export function xmlSafe(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

/** Whether a `w:t` holding `text` needs `xml:space="preserve"` to keep its spaces (leading, trailing, or doubled). */
export function needsPreserve(text: string): boolean {
  return /^[ \t\n\r]|[ \t\n\r]$|[ \t\n\r]{2}/.test(text);
}

/** A `w:t` (or `w:delText`) element holding `text`, escaped, with `xml:space="preserve"` where spaces need it. */
export function textElement(name: 'w:t' | 'w:delText', text: string): string {
  return `<${name}${needsPreserve(text) ? ' xml:space="preserve"' : ''}>${escapeXmlText(xmlSafe(text))}</${name}>`;
}
