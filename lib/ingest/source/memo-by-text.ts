import { createHash } from "node:crypto";

// What one import works out from a text, kept per distinct text: an organisation repeats the same
// workflow (its CI templates) in thousands of repositories, and reading it once is enough.

export interface TextMemo<T> {
  /** the value kept for this text, else `compute()` (kept while the budget allows) */
  get(text: string, compute: () => T): T;
}

/**
 * A memo for one import. Texts are looked up by digest, not used as keys: V8 hashes a string over
 * 16,383 characters by its length alone, so long texts of one length would share a bucket and each
 * lookup would compare them all. The text is compared as well, since UTF-8 gives a lone surrogate
 * and U+FFFD the same bytes. Only the first `budgetChars` characters of distinct text are kept.
 */
export function memoByText<T>(budgetChars = Number.POSITIVE_INFINITY): TextMemo<T> {
  const byDigest = new Map<string, { text: string; value: T }>();
  let keptChars = 0;
  return {
    get(text, compute) {
      const digest = createHash("sha256").update(text).digest("base64");
      const kept = byDigest.get(digest);
      if (kept?.text === text) return kept.value;
      const value = compute();
      if (!kept && text.length <= budgetChars - keptChars) {
        byDigest.set(digest, { text, value });
        keptChars += text.length;
      }
      return value;
    },
  };
}
