import { describe, expect, it } from "vitest";
import { hashApiToken } from "@/lib/auth/api-token";
import type { AuditActor } from "@/lib/data/audit/record-audit-event";
import { testDatabaseKinds, useTestDatabase } from "@/test/test-database";
import { createApiToken, TokenNameTakenError } from "./create-api-token";
import { listApiTokens } from "./list-api-tokens";
import { BLASTMAP_SYSTEM_KEY, tokenIdentityKey } from "./publish-token-identities";
import { revokeApiToken } from "./revoke-api-token";
import { verifyApiToken } from "./verify-api-token";

const admin: AuditActor = { kind: "user", id: "u-1", name: "alice@example.test", ip: "203.0.113.9" };
const DAY = 24 * 60 * 60 * 1000;

describe.each(testDatabaseKinds())("API tokens (%s)", (kind) => {
  const database = useTestDatabase(kind);

  it("stores only the token's SHA-256 and a short prefix, never the token", async () => {
    const { db } = database.current;
    const { token, summary } = await createApiToken(db, { name: "ci-ingest", scope: "import" }, admin);
    expect(token).toMatch(/^bm_[A-Za-z0-9_-]{43}$/);
    const row = await db.apiToken.findUniqueOrThrow({ where: { name: "ci-ingest" } });
    expect(row.tokenHash).toBe(hashApiToken(token));
    expect(row.prefix).toBe(token.slice(0, 7));
    const everyStoredValue = JSON.stringify(await db.apiToken.findMany()) + JSON.stringify(await db.auditEvent.findMany());
    expect(everyStoredValue).not.toContain(token);
    expect(summary.status).toBe("active");
  });

  it("expires after 30 days by default and accepts 1 to 365 days only", async () => {
    const { db } = database.current;
    const now = new Date("2026-01-01T00:00:00Z");
    const { summary } = await createApiToken(db, { name: "default-expiry", scope: "read" }, admin, now);
    expect(summary.expiresAt.getTime() - now.getTime()).toBe(30 * DAY);
    const { summary: longest } = await createApiToken(db, { name: "a-year", scope: "read", days: 365 }, admin, now);
    expect(longest.expiresAt.getTime() - now.getTime()).toBe(365 * DAY);
    await expect(createApiToken(db, { name: "too-long", scope: "read", days: 366 }, admin)).rejects.toThrow(/at most 365/);
    await expect(createApiToken(db, { name: "zero", scope: "read", days: 0 }, admin)).rejects.toThrow(/at least 1/);
    await expect(createApiToken(db, { name: "bad scope", scope: "admin" as "read" }, admin)).rejects.toThrow();
    expect(await db.apiToken.count({ where: { name: { in: ["too-long", "zero"] } } })).toBe(0);
  });

  it("refuses a second token with the same name", async () => {
    await expect(createApiToken(database.current.db, { name: "ci-ingest", scope: "read" }, admin)).rejects.toBeInstanceOf(TokenNameTakenError);
  });

  it("verifies an active token, records when it was last used, and rejects wrong, expired and revoked ones", async () => {
    const { db } = database.current;
    const created = new Date();
    const { token } = await createApiToken(db, { name: "verify-me", scope: "import", days: 2 }, admin, created);
    const usedAt = new Date(created.getTime() + 60_000);
    expect(await verifyApiToken(db, token, usedAt)).toMatchObject({ name: "verify-me", scope: "import" });
    expect((await db.apiToken.findUniqueOrThrow({ where: { name: "verify-me" } })).lastUsedAt).toEqual(usedAt);
    const identity = await db.identity.findFirstOrThrow({ where: { node: { key: tokenIdentityKey("verify-me") } } });
    expect(identity.lastUsedAt).toEqual(usedAt);

    expect(await verifyApiToken(db, `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`, usedAt)).toBeNull();
    expect(await verifyApiToken(db, "not-a-token", usedAt)).toBeNull();
    expect(await verifyApiToken(db, token, new Date(created.getTime() + 3 * DAY))).toBeNull();

    expect(await revokeApiToken(db, "verify-me", admin)).toEqual({ revoked: true });
    expect(await verifyApiToken(db, token, usedAt)).toBeNull();
    expect(await revokeApiToken(db, "verify-me", admin)).toEqual({ revoked: false });
    expect((await listApiTokens(db)).find((t) => t.name === "verify-me")?.status).toBe("revoked");
  });

  it("audits a token's use (at the last-used resolution) and every refused use of a revoked or expired token", async () => {
    const { db } = database.current;
    const created = new Date();
    const { token } = await createApiToken(db, { name: "audited-reader", scope: "read", days: 2 }, admin, created);
    const at = (ms: number) => new Date(created.getTime() + ms);
    await verifyApiToken(db, token, at(60_000));
    await verifyApiToken(db, token, at(61_000));
    await verifyApiToken(db, token, at(200_000));
    const uses = await db.auditEvent.findMany({ where: { action: "token.use", target: "audited-reader" } });
    expect(uses).toHaveLength(2);
    expect(uses[0]).toMatchObject({ actorKind: "token", actorName: "token:audited-reader", after: { scope: "read" } });
    await verifyApiToken(db, token, at(3 * DAY));
    await revokeApiToken(db, "audited-reader", admin);
    await verifyApiToken(db, token, at(300_000));
    const refused = await db.auditEvent.findMany({ where: { action: "token.use_refused", target: "audited-reader" }, orderBy: { id: "asc" } });
    expect(refused.map((event) => (event.after as { reason: string }).reason)).toEqual(["expired", "revoked"]);
  });

  it("lists each live token in the inventory as an API-key NHI that can access Blastmap, and drops revoked ones", async () => {
    const { db } = database.current;
    await createApiToken(db, { name: "long-read", scope: "read", days: 200 }, admin);
    const node = await db.node.findUniqueOrThrow({
      where: { key: tokenIdentityKey("long-read") },
      include: { identity: true, outEdges: { include: { to: true } } },
    });
    expect(node.identity).toMatchObject({ identityKind: "apiKey", owner: "alice@example.test", lifetime: "longLived", scopes: ["read"], provider: "blastmap" });
    expect(node.outEdges).toEqual([
      expect.objectContaining({ kind: "CAN_ACCESS", privilege: "read", to: expect.objectContaining({ key: BLASTMAP_SYSTEM_KEY }) }),
    ]);
    const importer = await db.node.findUniqueOrThrow({ where: { key: tokenIdentityKey("ci-ingest") }, include: { identity: true, outEdges: true } });
    expect(importer.identity?.lifetime).toBe("shortLived");
    expect(importer.outEdges[0]?.privilege).toBe("write");
    expect((await db.system.findFirstOrThrow({ where: { node: { key: BLASTMAP_SYSTEM_KEY } } })).criticality).toBe("critical");

    await revokeApiToken(db, "long-read", admin);
    expect(await db.node.findUnique({ where: { key: tokenIdentityKey("long-read") } })).toBeNull();
  });

  it("audits creation and revocation with who, what and from where", async () => {
    const events = await database.current.db.auditEvent.findMany({
      where: { target: "verify-me", action: { startsWith: "token." }, NOT: { action: { startsWith: "token.use" } } },
      orderBy: { id: "asc" },
    });
    expect(events.map((event) => event.action)).toEqual(["token.create", "token.revoke"]);
    expect(events[0]).toMatchObject({ actorKind: "user", actorId: "u-1", actorName: "alice@example.test", ip: "203.0.113.9" });
  });
});
