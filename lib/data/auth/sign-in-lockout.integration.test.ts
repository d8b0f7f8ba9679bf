import { describe, expect, it } from "vitest";
import { recordAuditEvent } from "@/lib/data/audit/record-audit-event";
import { testDatabaseKinds, useTestDatabase } from "@/test/test-database";
import { getSignInLockout, LOCKOUT_WINDOW_MS, MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_IP, SIGN_IN_FAILED, SIGN_IN_SUCCEEDED } from "./get-sign-in-lockout";

describe.each(testDatabaseKinds())("sign-in lockout (%s)", (kind) => {
  const database = useTestDatabase(kind);
  const fail = (email: string, ip: string, at?: Date) =>
    database.current.db.auditEvent.create({
      data: { actorKind: "anonymous", actorName: email, action: SIGN_IN_FAILED, target: email, ip, ...(at ? { at } : {}) },
    });

  it("locks an account after five failures within fifteen minutes, from any address", async () => {
    const { db } = database.current;
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT - 1; i++) await fail("carol@example.test", `192.0.2.${i}`);
    expect((await getSignInLockout(db, "carol@example.test", "192.0.2.99")).locked).toBe(false);
    await fail("carol@example.test", "192.0.2.50");
    const lockout = await getSignInLockout(db, "carol@example.test", "192.0.2.99");
    expect(lockout.locked).toBe(true);
    expect(lockout.retryAfterSeconds).toBeGreaterThan(14 * 60);
    expect(lockout.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
    expect((await getSignInLockout(db, "someone-else@example.test", "192.0.2.99")).locked).toBe(false);
  });

  it("releases the lock once the failures are older than the window", async () => {
    const later = new Date(Date.now() + LOCKOUT_WINDOW_MS + 1000);
    expect((await getSignInLockout(database.current.db, "carol@example.test", null, later)).locked).toBe(false);
  });

  it("ignores failures from before the window", async () => {
    const old = new Date(Date.now() - LOCKOUT_WINDOW_MS - 60_000);
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) await fail("dave@example.test", "192.0.2.200", old);
    expect((await getSignInLockout(database.current.db, "dave@example.test", "192.0.2.200")).locked).toBe(false);
  });

  it("counts only failures after the account's last successful sign-in", async () => {
    const { db } = database.current;
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT - 1; i++) await fail("erin@example.test", "192.0.2.30");
    await recordAuditEvent(db, { kind: "user", id: "u-erin", name: "erin@example.test" }, { action: SIGN_IN_SUCCEEDED, target: "erin@example.test" });
    await fail("erin@example.test", "192.0.2.30");
    expect((await getSignInLockout(db, "erin@example.test", null)).locked).toBe(false);
  });

  it("locks an address that fails against many accounts", async () => {
    const { db } = database.current;
    for (let i = 0; i < MAX_FAILURES_PER_IP; i++) await fail(`spray-${i}@example.test`, "198.51.100.66");
    expect((await getSignInLockout(db, "fresh@example.test", "198.51.100.66")).locked).toBe(true);
    expect((await getSignInLockout(db, "fresh@example.test", "198.51.100.67")).locked).toBe(false);
  });
});
