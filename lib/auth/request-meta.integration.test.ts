import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAuditEvent } from "@/lib/data/audit/record-audit-event";
import { getSignInLockout, MAX_FAILURES_PER_IP, SIGN_IN_FAILED } from "@/lib/data/auth/get-sign-in-lockout";
import { testDatabaseKinds, useTestDatabase } from "@/test/test-database";
import { requestMeta } from "./request-meta";
// What `blastmap start` loads into the server process (node --require).
import "@/lib/http/append-socket-address.cjs";

// A real HTTP server, as `next start` runs it: each request records a failed sign-in under the
// address requestMeta resolves, the way lib/actions/sign-in.ts does.
describe.each(testDatabaseKinds())("the address sign-ins are counted and audited under (%s)", (kind) => {
  const database = useTestDatabase(kind);
  let server: Server;
  let port: number;

  const headersOf = (request: IncomingMessage) =>
    new Headers(Object.entries(request.headers).flatMap(([name, value]) => (typeof value === "string" ? [[name, value] as [string, string]] : [])));

  beforeAll(async () => {
    server = createServer((request, response) => {
      const meta = requestMeta(headersOf(request));
      const email = decodeURIComponent(request.url!.slice(1));
      recordAuditEvent(database.current.db, { kind: "anonymous", name: email, ...meta }, { action: SIGN_IN_FAILED, target: email }).then(
        () => response.end(JSON.stringify(meta.ip)),
        (error: unknown) => response.writeHead(500).end(String(error)),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, "::", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => {
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const signInFails = async (host: string, email: string, forwardedFor?: string) => {
    const response = await fetch(`http://${host}:${port}/${encodeURIComponent(email)}`, { headers: forwardedFor ? { "x-forwarded-for": forwardedFor } : {} });
    const body = await response.text();
    if (!response.ok) throw new Error(body);
    return JSON.parse(body) as string | null;
  };

  it("cannot be changed by sending X-Forwarded-For: the per-address lockout still holds", async () => {
    for (let i = 0; i < MAX_FAILURES_PER_IP; i++) {
      expect(await signInFails("127.0.0.1", `spray-${i}@example.test`, `203.0.113.${i}`)).toBe("127.0.0.1");
    }
    expect((await getSignInLockout(database.current.db, "fresh@example.test", "127.0.0.1")).locked).toBe(true);
    expect((await getSignInLockout(database.current.db, "fresh@example.test", "::ffff:127.0.0.1")).locked).toBe(true);
  });

  it("records IPv6 loopback as ::1, and IPv4 reaching a dual-stack socket as IPv4", async () => {
    expect(await signInFails("127.0.0.1", "v4@example.test")).toBe("127.0.0.1");
    expect(await signInFails("[::1]", "v6@example.test")).toBe("::1");
    const event = await database.current.db.auditEvent.findFirst({ where: { target: "v6@example.test" } });
    expect(event?.ip).toBe("::1");
  });

  it("never records markup a client sends as its address", async () => {
    expect(await signInFails("127.0.0.1", "markup@example.test", "<script>alert(1)</script>")).toBe("127.0.0.1");
    const stored = await database.current.db.auditEvent.findMany({ where: { ip: { contains: "<" } } });
    expect(stored).toEqual([]);
  });
});
