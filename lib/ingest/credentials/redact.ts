import { findCredentials } from "./credential-patterns";
import { shannonEntropy } from "./shannon-entropy";
import { decodedVariants } from "./decoded-variants";

// What a refusal may repeat of what it refused: a short prefix, enough to recognise which credential
// (`ghp_Zx…`, `AKIAQ…`), never enough to use it. Every message, file name and JSON path that could
// carry part of an input goes through here.

/** Shows at most six characters, and at most a sixth of the value. */
export function redactedPrefix(value: string): string {
  const shown = Math.min(6, Math.max(2, Math.floor(value.length / 6)));
  return `${value.slice(0, shown)}…`;
}

/** The text with every credential in it cut down to its redacted prefix. */
export function redactCredentials(text: string): string {
  let redacted = text;
  for (const variant of decodedVariants(text)) {
    // a credential hidden behind an escape cannot be cut out of the raw text piece by piece
    if (variant !== text && findCredentials(variant).length > 0) return redactedPrefix(text);
  }
  for (const match of findCredentials(text).reverse()) {
    redacted = redacted.slice(0, match.index) + redactedPrefix(match.value) + redacted.slice(match.index + match.value.length);
  }
  return redacted;
}

/**
 * A field name as a message may show it: the name itself when it is a short plain name
 * (`NPM_TOKEN`, `_authToken`), else only its redacted prefix — a name can hold a credential too.
 */
export function shownFieldName(name: string): string {
  const plain = /^[A-Za-z0-9_.:/@-]{1,48}$/.test(name) && !/[A-Za-z0-9]{20,}/.test(name) && !(name.length >= 16 && shannonEntropy(name) > 4.2);
  return plain && redactCredentials(name) === name ? name : redactedPrefix(name);
}
