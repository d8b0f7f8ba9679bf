// A file name part made from free text (a blast radius's source, "pkg:npm/@scope/name@1.2.3 and 3
// more advisories"): only characters every file system and browser keep, shortened at a word
// boundary so a download is never named "…-compromised-pac".

const SEPARATORS = /[-._@]/;

export function fileNameSlug(text: string, options: { max?: number; fallback?: string } = {}): string {
  const max = options.max ?? 60;
  const fallback = options.fallback ?? "export";
  const slug = text.replace(/[^a-zA-Z0-9@._-]+/g, "-").replace(/^[-.]+|[-.]+$/g, "");
  if (slug.length <= max) return slug || fallback;
  // the last separator within max + 1 characters ends the last whole word that fits
  let boundary = -1;
  for (let i = max; i > 0; i--) {
    if (SEPARATORS.test(slug[i])) {
      boundary = i;
      break;
    }
  }
  // one very long word: cutting it is the only way to keep the name short
  const shortened = boundary >= max / 2 ? slug.slice(0, boundary) : slug.slice(0, max);
  return shortened.replace(/[-._@]+$/, "") || fallback;
}
