import type { Db } from "@/lib/db";
import { normaliseAddress } from "@/lib/auth/client-address";

// OWASP Authentication Cheat Sheet: lock after repeated failures, for a limited time, per account
// and per source. The failures are read from the audit log, so the lockout survives restarts and
// holds across several app instances sharing one database.
export const LOCKOUT_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_IP = 20;

export const SIGN_IN_FAILED = "auth.sign_in_failed";
export const SIGN_IN_SUCCEEDED = "auth.sign_in";

export interface SignInLockout {
  locked: boolean;
  /** when the oldest counted failure leaves the window */
  retryAfterSeconds: number;
}

/**
 * Whether sign-in for this email or from this address is locked right now. The address is the
 * one lib/auth/request-meta.ts resolved (the socket's peer, not a client-chosen header), compared
 * in the form the audit log stores, so `::ffff:192.0.2.1` and `192.0.2.1` are one address.
 */
export async function getSignInLockout(db: Db, email: string, ip: string | null, now = new Date()): Promise<SignInLockout> {
  const address = normaliseAddress(ip);
  const windowStart = new Date(now.getTime() - LOCKOUT_WINDOW_MS);
  // A successful sign-in resets the account's count.
  const lastSuccess = await db.auditEvent.findFirst({
    where: { action: SIGN_IN_SUCCEEDED, target: email, at: { gt: windowStart } },
    orderBy: { id: "desc" },
    select: { at: true },
  });
  const accountSince = lastSuccess && lastSuccess.at > windowStart ? lastSuccess.at : windowStart;
  const accountFailures = await db.auditEvent.findMany({
    where: { action: SIGN_IN_FAILED, target: email, at: { gt: accountSince } },
    orderBy: { id: "desc" },
    take: MAX_FAILURES_PER_ACCOUNT,
    select: { at: true },
  });
  const ipFailures = address
    ? await db.auditEvent.findMany({
        where: { action: SIGN_IN_FAILED, ip: address, at: { gt: windowStart } },
        orderBy: { id: "desc" },
        take: MAX_FAILURES_PER_IP,
        select: { at: true },
      })
    : [];
  const releases: number[] = [];
  if (accountFailures.length >= MAX_FAILURES_PER_ACCOUNT) releases.push(accountFailures.at(-1)!.at.getTime() + LOCKOUT_WINDOW_MS);
  if (ipFailures.length >= MAX_FAILURES_PER_IP) releases.push(ipFailures.at(-1)!.at.getTime() + LOCKOUT_WINDOW_MS);
  if (releases.length === 0) return { locked: false, retryAfterSeconds: 0 };
  return { locked: true, retryAfterSeconds: Math.max(1, Math.ceil((Math.max(...releases) - now.getTime()) / 1000)) };
}
