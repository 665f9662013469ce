/**
 * What several layout rules derive from one document, derived once. The linter runs every rule over one
 * document before it reads the next, so remembering the last document is enough. A WeakMap keyed by the
 * document did the same job but kept each value (the formatting resolver, and through it the package and its
 * XML trees) alive until a full collection: the trees of every draft outlived the young generation, and
 * garbage collection cost 1.5 s more over 2,000 .docx drafts per layout rule enabled (measured).
 */
import type { GwDocument } from '../document.js';

/** `derive` memoised for the last document it was called with. */
export function memoiseForLastDocument<T>(derive: (document: GwDocument) => T): (document: GwDocument) => T {
  let lastDocument: GwDocument | undefined;
  let lastValue: T | undefined;
  return (document) => {
    if (document !== lastDocument) {
      lastValue = derive(document);
      lastDocument = document;
    }
    return lastValue as T;
  };
}
