/**
 * One copy of each short string the aggregator keeps per document (its
 * date). Records that come back from worker threads are deserialised with
 * fresh copies of every string, so "2024-11-02" would otherwise be held once
 * per document rather than once per day.
 *
 * @example
 * const pool = new StringPool();
 * pool.intern('2024-11-02') === pool.intern(['2024', '11', '02'].join('-')); // true, and the same object
 */
export class StringPool {
  private readonly strings = new Map<string, string>();

  intern(text: string): string {
    const known = this.strings.get(text);
    if (known !== undefined) return known;
    this.strings.set(text, text);
    return text;
  }
}
