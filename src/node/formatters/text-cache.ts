/** A report repeats a few thousand texts (messages, fix texts, file URIs); a report of unique ones must not keep them all. */
const MOST_KEPT = 10_000;

/**
 * What a formatter works out once per distinct text for a whole report (its quoted form, its encoded bytes, its
 * width), keeping at most MOST_KEPT texts: when full, it is emptied and fills again.
 */
export class TextCache<V> {
  private readonly values = new Map<string, V>();

  get(text: string): V | undefined {
    return this.values.get(text);
  }

  /** Keeps `value` for `text` and gives it back. */
  set(text: string, value: V): V {
    if (this.values.size >= MOST_KEPT) this.values.clear();
    this.values.set(text, value);
    return value;
  }
}
