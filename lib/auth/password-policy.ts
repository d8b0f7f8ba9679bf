import { COMMON_PASSWORDS } from "./common-passwords";

// NIST SP 800-63B §3.1.1.2: length over composition rules, and a check against passwords known to
// be common, repetitive or sequential. 12 characters is the floor for an account that can read
// every credential relationship in the organisation. Generated passwords (24 random base64url
// characters, lib/auth/generate-password.ts) pass by a wide margin.

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

const COMMON = new Set(COMMON_PASSWORDS);
// Keyboard rows and runs a person types without thinking.
const SEQUENCES = [
  "0123456789012345678901234567890",
  "9876543210987654321098765432109",
  "abcdefghijklmnopqrstuvwxyz",
  "zyxwvutsrqponmlkjihgfedcba",
  "qwertyuiopasdfghjklzxcvbnm",
  "1234567890qwertyuiop",
];

/** Why this password is refused, in words for the person choosing it; null when it is acceptable. */
export function passwordProblem(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `password must be at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > MAX_PASSWORD_LENGTH) return `password must be at most ${MAX_PASSWORD_LENGTH} characters`;
  const lower = password.toLowerCase();
  // One character, or a pattern of up to six, over and over: "aaaaaaaaaaaa", "abcabcabcabc", "Ab1!Ab1!Ab1!".
  if (/^(.{1,6})\1+$/su.test(lower)) return "password must not be one character or a short pattern repeated";
  if (SEQUENCES.some((sequence) => sequence.includes(lower))) return "password must not be a run of keys or digits (123456789012, qwertyuiopas)";
  // A common password with digits and symbols around it is still a common password.
  const word = lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, "");
  if (COMMON.has(lower) || COMMON.has(word)) {
    return "password is too common: it appears in lists of breached passwords — choose a longer phrase of your own";
  }
  return null;
}
