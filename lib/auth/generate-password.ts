import { randomBytes } from "node:crypto";

/** A random 24-character password (144 bits), for demo and admin-created accounts. */
export function generatePassword(): string {
  return randomBytes(18).toString("base64url");
}
