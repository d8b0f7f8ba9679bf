// The same text as the program that later reads it may see it. A token can be written so that no
// pattern matches its raw text yet every reader decodes it: a `\u0041` or `\x41` escape (JSON, YAML
// double quotes, .npmrc values in quotes, shell), a `%41` in a path or URL, fullwidth letters that
// NFKC folds to ASCII, or an invisible format character (zero-width space, soft hyphen) between two
// of its characters. Patterns are matched on each of these too.

const ESCAPE = /\\(?:u\{([0-9A-Fa-f]{1,6})\}|u([0-9A-Fa-f]{4})|x([0-9A-Fa-f]{2})|U([0-9A-Fa-f]{8})|(\r?\n[ \t]*)|([^]))/g;
const SIMPLE_ESCAPES: Record<string, string> = {
  n: "\n",
  r: "\r",
  t: "\t",
  b: "\b",
  f: "\f",
  v: "\v",
  "0": "\0",
  e: "\x1b",
  N: "\x85",
  _: "\xa0",
  L: "\u2028",
  P: "\u2029",
};

const fromCodePoint = (hex: string) => {
  const code = Number.parseInt(hex, 16);
  return code <= 0x10ffff ? String.fromCodePoint(code) : "";
};

/** Backslash escapes decoded the way JSON, YAML double quotes and most shells decode them. */
export function decodeBackslashEscapes(text: string): string {
  return text.replace(ESCAPE, (_, braced: string, u4: string, x2: string, u8: string, lineBreak: string, other: string) => {
    const hex = braced ?? u4 ?? x2 ?? u8;
    if (hex !== undefined) return fromCodePoint(hex);
    if (lineBreak !== undefined) return "";
    return SIMPLE_ESCAPES[other] ?? other;
  });
}

/** `%41` → `A`, keeping any sequence that is not valid UTF-8 as it was. */
export function decodePercentEscapes(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run.replace(/%([0-9A-Fa-f]{2})/g, (escape, hex: string) =>
          Number.parseInt(hex, 16) < 0x80 ? String.fromCharCode(Number.parseInt(hex, 16)) : escape,
        );
      }
    });
  }
}

/** NFKC-folded (fullwidth `ｇｈｐ＿` → `ghp_`) and without invisible format characters. */
export function foldUnicode(text: string): string {
  return text.normalize("NFKC").replace(/[\p{Cf}\p{Mn}\u180e]/gu, "");
}

/**
 * Whether a text has anything to decode: false for plain ASCII without escapes, and then for every
 * part of it as well, so a scan can skip decoding its lines one by one.
 */
export function mayDecode(text: string): boolean {
  return text.includes("\\") || /[^\x20-\x7e\t\r\n]/.test(text) || /%[0-9A-Fa-f]{2}/.test(text);
}

/** The decodings of a text that differ from it (none for plain ASCII without escapes). */
export function decodedVariants(text: string): string[] {
  if (!mayDecode(text)) return [];
  const variants = new Set<string>();
  let decoded = text;
  // applied in turn, so that an escape producing a `%41` or a fullwidth letter is decoded as well
  for (let round = 0; round < 3; round += 1) {
    const before = decoded;
    if (decoded.includes("\\")) decoded = decodeBackslashEscapes(decoded);
    if (/%[0-9A-Fa-f]{2}/.test(decoded)) decoded = decodePercentEscapes(decoded);
    if (/[^\x20-\x7e\t\r\n]/.test(decoded)) decoded = foldUnicode(decoded);
    if (decoded !== text) variants.add(decoded);
    if (decoded === before) break;
  }
  return [...variants];
}
