/** What duplicate detection needs of a document. */
export interface Fingerprint {
  /** sha1 of the lower-cased words: equal for exact copies, whatever the spacing and punctuation. */
  exact: string;
  /** MinHash signature of the word 3-shingles; empty for short texts. */
  minhash: Uint32Array;
}
