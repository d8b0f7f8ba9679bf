import { createHash } from "node:crypto";
import { shannonEntropy } from "./shannon-entropy";

// Credential formats published by their issuers. Each pattern starts where the token starts: the
// only thing allowed to stop a match on the left is a letter or digit right before it, which makes
// the prefix part of a longer identifier (`xnpm_…`). Anything else — `_`, `-`, `/`, `=`, quotes,
// `:` — is a separator a token can sit behind (`_authToken=npm_…`, `x_ghp_…`, `"ghp_…"`). The right
// side has no boundary: a token with characters appended is still the token.

export interface CredentialPattern {
  label: string;
  pattern: RegExp;
}

/** Not a letter or digit right before: a separator, or the start of the text. */
const START = String.raw`(?<![A-Za-z0-9])`;
const pattern = (source: string) => new RegExp(START + source, "g");

export const CREDENTIAL_PATTERNS: CredentialPattern[] = [
  // https://github.blog/engineering/platform-security/behind-githubs-new-authentication-token-formats/
  { label: "GitHub token", pattern: pattern(String.raw`gh[pousr]_[A-Za-z0-9]{36,251}`) },
  { label: "GitHub fine-grained token", pattern: pattern(String.raw`github_pat_[A-Za-z0-9_]{22,244}`) },
  // https://github.blog/changelog/2022-12-06-limited-availability-of-npm-granular-access-tokens/
  { label: "npm token", pattern: pattern(String.raw`npm_[A-Za-z0-9]{36,}`) },
  // AWS access key ids (long-term AKIA, temporary ASIA, STS bearer ABIA, context ACCA); a secret access
  // key has no prefix and is found beside one of these (see AWS_SECRET_ACCESS_KEY below).
  { label: "AWS access key id", pattern: pattern(String.raw`(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}`) },
  // https://api.slack.com/authentication/token-types
  { label: "Slack token", pattern: pattern(String.raw`xox[abposre]-[A-Za-z0-9-]{10,}`) },
  { label: "Slack app token", pattern: pattern(String.raw`xapp-\d-[A-Za-z0-9-]{10,}`) },
  { label: "Slack webhook URL", pattern: /hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9_]+\/[A-Za-z0-9_]+\/[A-Za-z0-9_]{16,}/g },
  // PEM (RSA, EC, DSA, OPENSSH, ENCRYPTED, PKCS#8) and OpenPGP private keys; GCP service-account JSON
  // keys carry theirs in "private_key".
  { label: "private key", pattern: /-{5}BEGIN[ A-Z0-9]*PRIVATE KEY(?: BLOCK)?-{5}/g },
  // https://docs.stripe.com/keys — publishable pk_ keys are public and not listed.
  { label: "Stripe secret key", pattern: pattern(String.raw`(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,}`) },
  { label: "Stripe webhook secret", pattern: pattern(String.raw`whsec_[A-Za-z0-9+/]{24,}`) },
  // Anthropic (sk-ant-api03-…, sk-ant-admin01-…) and OpenAI (sk-proj-…, sk-svcacct-…, sk-admin-…, legacy sk-…).
  { label: "Anthropic API key", pattern: pattern(String.raw`sk-ant-[a-z]{2,8}\d{2}-[A-Za-z0-9_-]{32,}`) },
  { label: "OpenAI API key", pattern: pattern(String.raw`sk-(?:proj|svcacct|admin|None)-[A-Za-z0-9_-]{32,}`) },
  { label: "API key (sk-)", pattern: pattern(String.raw`sk-[A-Za-z0-9]{32,}`) },
  // A signed JWT: base64url header and payload that both open a JSON object, then a signature.
  { label: "JSON Web Token", pattern: pattern(String.raw`eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{16,}`) },
  { label: "GitLab token", pattern: pattern(String.raw`gl(?:pat|dt|ptt|rt|oas)-[A-Za-z0-9_-]{20,}`) },
  { label: "Google API key", pattern: pattern(String.raw`AIza[0-9A-Za-z_-]{35}`) },
  { label: "Google OAuth client secret", pattern: pattern(String.raw`GOCSPX-[A-Za-z0-9_-]{24,}`) },
  { label: "PyPI token", pattern: pattern(String.raw`pypi-AgE[A-Za-z0-9_-]{50,}`) },
  { label: "Hugging Face token", pattern: pattern(String.raw`hf_[A-Za-z0-9]{30,}`) },
  { label: "Docker Hub token", pattern: pattern(String.raw`dckr_pat_[A-Za-z0-9_-]{20,}`) },
  { label: "SendGrid API key", pattern: pattern(String.raw`SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}`) },
  { label: "Shopify token", pattern: pattern(String.raw`shp(?:at|ca|pa|ss)_[A-Fa-f0-9]{32}`) },
  { label: "Azure storage account key", pattern: /AccountKey=[A-Za-z0-9+/]{40,}={0,2}/g },
];

/** A cheap first look: a string without any of these cannot match a pattern above. */
const PREFILTER =
  /gh[pousr]_|github_pat_|npm_|A[KSB]IA|ACCA|xox|xapp-|hooks\.slack|-{5}BEGIN|_live_|_test_|whsec_|sk-|eyJ|gl(?:pat|dt|ptt|rt|oas)-|AIza|GOCSPX-|pypi-|hf_|dckr_pat_|SG\.|shp|AccountKey=|:\/\//;

// A URL's userinfo password: `https://user:p4ssw0rd…@host`. Expressions (`${{ … }}`, `$TOKEN`) and
// placeholders name a credential rather than hold one.
const URL_PASSWORD = /:\/\/[^\s/:@"'`]+:([^\s/@"'`]{8,})@/g;

// An AWS secret access key is 40 base64 characters with no prefix: only looked for in a text that
// also holds an access key id, so that a 40-character hash elsewhere is not taken for one.
const AWS_SECRET_ACCESS_KEY = new RegExp(String.raw`(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])`, "g");

export interface CredentialMatch {
  label: string;
  /** where the match starts in the scanned text */
  index: number;
  value: string;
}

/**
 * Documented placeholders, not credentials: AWS's example key pair (an access key id ending in
 * "EXAMPLE", a secret key ending in "EXAMPLEKEY", at their exact lengths), GitHub's example token
 * bodies in its REST API reference, and filler such as a run of x's or zeros. Each test looks at the
 * exact length of the format, so a real token with "EXAMPLE" or a run of x's appended is not one.
 * GitHub's example bodies are kept as SHA-256 digests, so no token-shaped string sits in the source.
 */
const DOCUMENTED_EXAMPLE_DIGESTS = new Set([
  // GitHub REST API reference: installation / user-to-server / refresh token bodies
  "7e498f91828a193cac5ecbe78ab47c6cae601d6d9edc40c59310c0e305db85ea",
  "8c029ad8efa1297909e381a343e6f6b08aa059af034df14dbac41bcd0083cad0",
  // GitHub REST API reference: a repository's temp_clone_token, runner registration / remove tokens
  "58ab891f5503eae682fead7e32aa4db5e0cb54faa17feab88f44f5913aac7a70",
  "64c705a5cf4254bc6bdde74b5203fcd49b73542aae68ec4a2b4540c53fa6839a",
  "708142cdecacc33a54a1d479bf071fb459a2d903912fb62c45b5cbffbeb69353",
]);
const isDocumentedExample = (body: string) => DOCUMENTED_EXAMPLE_DIGESTS.has(createHash("sha256").update(body).digest("hex"));
const TOKEN_PREFIX =
  /^(?:gh[pousr]_|github_pat_|npm_|xox[a-z]-|xapp-|sk-(?:ant-[a-z]+\d+-|proj-|svcacct-|admin-)?|(?:sk|rk)_(?:live|test)_|whsec_|glpat-|hf_|dckr_pat_)/;

export function isPlaceholder(value: string): boolean {
  if (/^(?:AKIA|ASIA)[A-Z0-9]{9}EXAMPLE$/.test(value) || /^[A-Za-z0-9/+]{30}EXAMPLEKEY$/.test(value)) return true;
  const body = value.replace(TOKEN_PREFIX, "");
  if (isDocumentedExample(body)) return true;
  // x-ed out or a run of one or two characters: too regular to be random (judged on the format's
  // own length, so padding appended to a real token does not make it look regular)
  const head = body.slice(0, 36);
  return head.length > 0 && shannonEntropy(head) < 2.5;
}

function isRandomLooking(value: string): boolean {
  return /[0-9]/.test(value) && /[A-Za-z]/.test(value) && shannonEntropy(value) > 3.5;
}

/** Every credential-shaped value in the text, in order; an empty list when there is none. */
export function findCredentials(text: string): CredentialMatch[] {
  if (!PREFILTER.test(text)) return [];
  const matches: CredentialMatch[] = [];
  let awsKeyId = false;
  for (const { label, pattern } of CREDENTIAL_PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      // a PEM header is fixed text, regular by nature: never a placeholder
      if (label !== "private key" && isPlaceholder(match[0])) continue;
      if (label === "API key (sk-)" && !isRandomLooking(match[0].slice(3))) continue;
      if (label === "AWS access key id") awsKeyId = true;
      matches.push({ label, index: match.index, value: match[0] });
    }
  }
  for (const match of text.matchAll(URL_PASSWORD)) {
    const password = match[1];
    if (/[$%<>{}*]/.test(password) || isPlaceholder(password) || shannonEntropy(password) < 3) continue;
    matches.push({ label: "password in a URL", index: match.index + match[0].lastIndexOf(password), value: password });
  }
  if (awsKeyId) matches.push(...findAwsSecretAccessKeys(text));
  return matches.sort((a, b) => a.index - b.index);
}

/** 40-character AWS secret access keys; call it on every text of a file that holds an access key id. */
export function findAwsSecretAccessKeys(text: string): CredentialMatch[] {
  const matches: CredentialMatch[] = [];
  for (const match of text.matchAll(AWS_SECRET_ACCESS_KEY)) {
    const value = match[0];
    if (isPlaceholder(value) || !/[A-Z]/.test(value) || !/[a-z]/.test(value) || shannonEntropy(value) < 4) continue;
    matches.push({ label: "AWS secret access key", index: match.index, value });
  }
  return matches;
}
