/**
 * Where a string occurs in one long text, found through a table of the text's runs of GRAM characters rather than
 * by scanning the whole text: anchoring a page's notes looks up the same text for each quote and each piece of an
 * edited quote, thousands of times, and a scan of a long page costs tens of microseconds each time.
 */

/** Needles at least this long are looked up in the table; shorter ones are scanned for. */
const GRAM = 8;
const BUCKETS = 1 << 16;

function bucketOf(text: string, at: number): number {
  let hash = 0;
  for (let i = 0; i < GRAM; i++) hash = (Math.imul(hash, 31) + text.charCodeAt(at + i)) | 0;
  return hash & (BUCKETS - 1);
}

export class Occurrences {
  /** Per bucket, 1 + the first offset whose run falls in it; 0 for none. */
  private readonly heads = new Int32Array(BUCKETS);
  /** Per offset, 1 + the next offset whose run falls in the same bucket; 0 for none. */
  private readonly next: Int32Array;

  constructor(readonly text: string) {
    const runs = Math.max(0, text.length - GRAM + 1);
    this.next = new Int32Array(runs);
    // Backwards, so that each bucket's chain runs forwards through the text.
    for (let at = runs - 1; at >= 0; at--) {
      const bucket = bucketOf(text, at);
      this.next[at] = this.heads[bucket] ?? 0;
      this.heads[bucket] = at + 1;
    }
  }

  /** Where `needle` starts in the text, in order, as `indexOf` would find them; no more than `limit` of them. */
  find(needle: string, limit = Infinity): number[] {
    const found: number[] = [];
    if (needle === '') return found;
    if (needle.length < GRAM) {
      for (
        let at = this.text.indexOf(needle);
        at >= 0 && found.length < limit;
        at = this.text.indexOf(needle, at + 1)
      ) {
        found.push(at);
      }
      return found;
    }
    for (let at = (this.heads[bucketOf(needle, 0)] ?? 0) - 1; at >= 0; at = (this.next[at] ?? 0) - 1) {
      if (!this.text.startsWith(needle, at)) continue;
      found.push(at);
      if (found.length >= limit) break;
    }
    return found;
  }
}
