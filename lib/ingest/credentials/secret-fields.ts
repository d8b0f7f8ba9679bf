import { isPlaceholder } from "./credential-patterns";
import { shannonEntropy } from "./shannon-entropy";

// A secret without a published format is found by where it sits: a field whose NAME says it holds a
// credential (`"token": …`, `password=…`, `NPM_TOKEN: …`, `{ name: DB_PASSWORD, value: … }`) and a
// VALUE that is long and random-looking. Names are read as words, so `GIT_AUTHOR_EMAIL` (author) or
// `tokenizer` are not taken for `auth` or `token`, and a bare `value` or `key` says nothing.

const MIN_SECRET_LENGTH = 24;
const MIN_ENTROPY = 3.9;

/** A word that is a credential on its own, or that a credential's name ends with (`npmtoken`, `apikey`). */
const SECRET_WORD_ENDINGS = /(?:token|secret|secrets|password|passwd|passphrase|credential|credentials|apikey|secretkey|privatekey|accesskey)$/;
const SECRET_WORDS = new Set(["auth", "authorization", "pwd", "pat", "bearer", "cookie"]);
/** `<qualifier> key` names a secret key; a bare `key` (a public key, a map key, a cache key) does not. */
const KEY_QUALIFIERS = new Set([
  "api",
  "access",
  "secret",
  "private",
  "signing",
  "client",
  "master",
  "encryption",
  "account",
  "session",
  "deploy",
  "ssh",
  "license",
]);

const wordsOf = (name: string) =>
  name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

/** Words after the credential word that make the field describe it rather than hold it: `token_type`, `secret_name`, `password_url`. */
const DESCRIPTOR_WORDS = new Set([
  "type",
  "types",
  "kind",
  "name",
  "names",
  "id",
  "ids",
  "url",
  "urls",
  "uri",
  "endpoint",
  "path",
  "file",
  "files",
  "env",
  "var",
  "expires",
  "expiry",
  "expiration",
  "expired",
  "at",
  "date",
  "time",
  "ttl",
  "age",
  "length",
  "count",
  "policy",
  "scope",
  "scopes",
  "hint",
  "prefix",
  "suffix",
  "header",
  "format",
  "label",
  "description",
  "version",
  "status",
  "enabled",
  "required",
  "scanning",
  "manager",
  "provider",
  "store",
  "service",
  "location",
  "field",
  "fields",
  "hash",
  "digest",
  "fingerprint",
  "last4",
  "rotation",
  "pattern",
]);

const secretNames = new Map<string, boolean>();
const MAY_NAME_SECRET = /tok|secr|pass|pwd|auth|cred|key|pat|bearer|cookie/i;

/** Whether a field, variable or property of this name holds a credential. */
export function isSecretFieldName(name: string): boolean {
  // most names (package names in a lockfile's dependency maps) hold none of the words at all
  if (!MAY_NAME_SECRET.test(name)) return false;
  const known = secretNames.get(name);
  if (known !== undefined) return known;
  const words = wordsOf(name);
  let last = -1;
  words.forEach((word, i) => {
    if (SECRET_WORD_ENDINGS.test(word) || SECRET_WORDS.has(word) || (word === "key" && i > 0 && KEY_QUALIFIERS.has(words[i - 1]))) last = i;
  });
  const secret = last !== -1 && !words.slice(last + 1).some((word) => DESCRIPTOR_WORDS.has(word));
  if (secretNames.size < 10_000) secretNames.set(name, secret);
  return secret;
}

// Long, random-looking values that are public all the same: integrity hashes, commit SHAs and other
// hex digests, purls and URLs, expressions that name a secret rather than hold it, e-mail addresses
// and file paths made of names.
export function isKnownPublicValue(value: string): boolean {
  return (
    /^(?:sha1|sha256|sha384|sha512|md5)[-:]/i.test(value) ||
    /^[0-9a-f]+$/i.test(value) ||
    /^[a-z][a-z0-9+.-]*:/i.test(value) ||
    value.includes("${") ||
    value.startsWith("$") ||
    /^[^\s@]+@[\w-]+(?:\.[\w-]+)+$/.test(value) ||
    // an identifier made of words (`GITHUB_PERSONAL_ACCESS_TOKEN`, `read-write-admin`), no digits
    /^[A-Z]+(?:_[A-Z]+)+$/.test(value) ||
    /^[a-z]+(?:[_-][a-z]+)+$/.test(value) ||
    isPathOfNames(value)
  );
}

// `node_modules/@scope/pkg`, `./dist/index.js`, `/usr/local/bin`: a path whose segments are names,
// not a base64 value that happens to contain `/` (an AWS secret access key does, several times).
function isPathOfNames(value: string): boolean {
  if (/^(?:\/|\.\.?\/|~\/)/.test(value)) return true;
  if (!/^[\w.@+-]+(?:\/[\w.@+-]+)+\/?$/.test(value)) return false;
  return value
    .split("/")
    .filter(Boolean)
    .every((segment) => /^[a-z0-9._@-]+$/.test(segment) || /\.[A-Za-z0-9]{1,8}$/.test(segment) || /^[A-Z]?[a-z]+(?:[A-Z][a-z]+)*$/.test(segment));
}

/** A value that, in a field whose name says credential, is taken for a live one. */
export function looksLikeSecretValue(value: string): boolean {
  return value.length >= MIN_SECRET_LENGTH && !/\s/.test(value) && !isKnownPublicValue(value) && shannonEntropy(value) > MIN_ENTROPY && !isPlaceholder(value);
}

// In text that is not parsed (.npmrc, yarn.lock, a shell line inside a workflow): `name = value`,
// `name: value`, `"name": "value"`.
const ASSIGNMENT = /(?<![A-Za-z0-9_.-])([A-Za-z0-9_.-]+)["'`]?[ \t]*[:=][ \t]*["'`]?([^\s"'`,;}]+)/g;

export interface FieldSecret {
  field: string;
  index: number;
  value: string;
}

/** Secrets assigned to credential-named fields in a piece of text. */
export function findAssignedSecrets(text: string): FieldSecret[] {
  const found: FieldSecret[] = [];
  for (const match of text.matchAll(ASSIGNMENT)) {
    const [whole, field, value] = match;
    if (!isSecretFieldName(field) || !looksLikeSecretValue(value)) continue;
    found.push({ field, index: match.index + whole.lastIndexOf(value), value });
  }
  return found;
}
