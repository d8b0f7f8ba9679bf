import { beforeAll, describe, expect, it } from "vitest";
import { applyGraphDocuments } from "@/lib/data/import/apply-graph-documents";
import { packageKey, packageVersionKey, publisherKey, secretKey } from "@/lib/graph-keys/refs";
import { renderIncidentMarkdown } from "@/lib/incidents/render-incident-markdown";
import type { TGraphDocument } from "@/lib/schemas/graph-facts";
import { testDatabaseKinds, useTestDatabase } from "@/test/test-database";
import { computeIncidentRadii } from "@/lib/services/incidents/compute-incident-radii";
import { getIncident } from "./get-incident";
import { listActiveAdvisoryMatches } from "./list-active-advisory-matches";
import { listIncidents } from "./list-incidents";
import { markRotation } from "./mark-rotation";
import { openIncident } from "@/lib/services/incidents/open-incident";
import { setChecklistItem } from "./set-checklist-item";
import { undoRotation } from "./undo-rotation";
import { updateIncidentStatus } from "./update-incident-status";

const evil = packageVersionKey("npm", "evil", "1.0.0");
const npmToken = secretKey("acme/web", "NPM_TOKEN");
const deployKey = secretKey("acme/web", "DEPLOY_KEY");
const job = "context:acme/web/ci.yml/build";
const commander = { kind: "user" as const, id: "u1", name: "ic@example.com" };

const document: TGraphDocument = {
  key: "test:incident",
  format: "test",
  nodes: [
    { kind: "publisher", key: publisherKey("npm", "evil-dev"), name: "evil-dev", attrs: { ecosystem: "npm", handle: "evil-dev", twoFactorEnforced: false } },
    { kind: "package", key: packageKey("npm", "evil"), name: "evil", attrs: { ecosystem: "npm", name: "evil", purl: packageKey("npm", "evil") } },
    {
      kind: "packageVersion",
      key: evil,
      name: "evil@1.0.0",
      attrs: { packageKey: packageKey("npm", "evil"), version: "1.0.0", purl: evil, hasInstallScript: true, compromised: true },
    },
    {
      kind: "advisory",
      key: "advisory:MAL-2026-1",
      name: "MAL-2026-1",
      attrs: { advisoryId: "MAL-2026-1", malicious: true, summary: "Malicious code in evil" },
    },
    { kind: "context", key: job, name: "acme/web ci / build", attrs: { contextKind: "ciJob", repo: "acme/web", file: ".github/workflows/ci.yml", line: 5 } },
    { kind: "secret", key: npmToken, name: "NPM_TOKEN", attrs: { secretName: "NPM_TOKEN", secretType: "npm-token", storedIn: "ciSecret" } },
    { kind: "secret", key: deployKey, name: "DEPLOY_KEY", attrs: { secretName: "DEPLOY_KEY", secretType: "aws-access-key", storedIn: "ciSecret" } },
    { kind: "identity", key: "identity:npm-bot", name: "npm-bot", attrs: { identityKind: "registryPublishToken", lifetime: "longLived", owner: "release" } },
    { kind: "identity", key: "identity:deployer", name: "deployer", attrs: { identityKind: "cloudRole", lifetime: "longLived", owner: "platform" } },
    { kind: "system", key: "system:prod-db", name: "prod-db", attrs: { systemKind: "database", criticality: "critical" } },
  ],
  edges: [
    { kind: "MAINTAINS", from: publisherKey("npm", "evil-dev"), to: packageKey("npm", "evil") },
    { kind: "VERSION_OF", from: evil, to: packageKey("npm", "evil") },
    { kind: "AFFECTS", from: "advisory:MAL-2026-1", to: evil },
    { kind: "INSTALLED_IN", from: evil, to: job },
    { kind: "EXPOSES", from: job, to: npmToken, exposure: "install" },
    { kind: "EXPOSES", from: job, to: deployKey, exposure: "job" },
    { kind: "AUTHENTICATES_AS", from: npmToken, to: "identity:npm-bot" },
    { kind: "AUTHENTICATES_AS", from: deployKey, to: "identity:deployer" },
    { kind: "CAN_ACCESS", from: "identity:deployer", to: "system:prod-db", privilege: "admin" },
  ],
};

describe.each(testDatabaseKinds())("incident lifecycle on %s", (kind) => {
  const database = useTestDatabase(kind);
  const ctx = () => ({ prisma: database.current.db, connection: database.current.connection });

  beforeAll(async () => {
    await applyGraphDocuments(database.current.db, [document], { actor: "test" });
  });

  it("raises a malicious advisory whose affected version is installed", async () => {
    const matches = await listActiveAdvisoryMatches(database.current.db);
    expect(matches).toEqual([
      expect.objectContaining({ advisoryId: "MAL-2026-1", contexts: 1, versions: [{ key: evil, name: "evil@1.0.0", installedIn: 1 }] }),
    ]);
  });

  it("refuses to open an incident on an unknown source and stores nothing", async () => {
    const result = await openIncident(ctx(), commander, {
      title: "Nope",
      refs: ["pkg:npm/nope@9.9.9"],
      advisories: [],
      windowStart: new Date(),
      commander: "ic",
      severity: "high",
    });
    expect(result.ok).toBe(false);
    expect(await database.current.db.incident.count()).toBe(0);
  });

  it("opens an incident from an advisory, rotates two secrets, and the residual radius shrinks", async () => {
    const opened = await openIncident(ctx(), commander, {
      title: "evil@1.0.0 compromise",
      refs: [],
      advisories: ["MAL-2026-1"],
      windowStart: new Date("2026-11-01T10:00:00Z"),
      windowEnd: new Date("2026-11-01T14:00:00Z"),
      commander: "ic@example.com",
      severity: "critical",
    });
    if (!opened.ok) throw new Error(JSON.stringify(opened.errors));
    let incident = (await getIncident(database.current.db, opened.id))!;
    expect(incident.snapshot.summary.total).toBeGreaterThan(5);
    // a compact snapshot: no per-node paths, each node's parent step kept in the edges
    expect(incident.snapshot.nodes.every((node) => node.path === undefined)).toBe(true);
    const reachedIds = new Set(incident.snapshot.nodes.map((node) => node.id));
    expect(incident.snapshot.edges.filter((edge) => reachedIds.has(edge.to))).toHaveLength(incident.snapshot.nodes.filter((node) => node.hops > 0).length);
    expect(incident.checklist.find((item) => item.id === "publisher-account")?.text).toContain("evil-dev");
    expect(incident.checklist.find((item) => item.id === "ci-long-lived")?.refs).toEqual([job]);
    const before = (await computeIncidentRadii(ctx(), incident)).residual!;
    expect(before.summary.total).toBe(incident.snapshot.summary.total);

    expect(
      await markRotation(database.current.db, commander, { incidentId: opened.id, nodeKey: deployKey, action: "rotated", note: "new key in vault" }),
    ).toEqual({ ok: true });
    expect(await markRotation(database.current.db, commander, { incidentId: opened.id, nodeKey: npmToken, action: "revoked", note: null })).toEqual({
      ok: true,
    });
    expect(
      await markRotation(database.current.db, commander, { incidentId: opened.id, nodeKey: "system:prod-db", action: "rotated", note: null }),
    ).toMatchObject({ ok: false });
    incident = (await getIncident(database.current.db, opened.id))!;
    expect(incident.rotations.map((rotation) => [rotation.nodeKey, rotation.action, rotation.by])).toEqual([
      [deployKey, "rotated", "ic@example.com"],
      [npmToken, "revoked", "ic@example.com"],
    ]);
    expect(incident.checklist.find((item) => item.id === `rotate:${deployKey}`)?.done).toBe(true);
    const after = await computeIncidentRadii(ctx(), incident, true);
    expect(after.residual!.summary.total).toBeLessThan(before.summary.total);
    expect(after.residual!.nodes.map((node) => node.key)).not.toContain("system:prod-db");
    expect(after.recomputed).toMatchObject({ added: [], removed: [] });

    expect(await setChecklistItem(database.current.db, commander, opened.id, "diff-review", true)).toBe(true);
    expect(await updateIncidentStatus(database.current.db, commander, opened.id, "contained")).toBe(true);
    incident = (await getIncident(database.current.db, opened.id))!;
    expect(incident.status).toBe("contained");
    expect(incident.events.map((event) => event.type)).toEqual(["opened", "rotated", "revoked", "checked", "status"]);
    const audit = await database.current.db.auditEvent.findMany({ where: { target: `incident:${opened.id}` }, orderBy: { id: "asc" } });
    expect(audit.map((event) => event.action)).toEqual(["incident.open", "incident.rotated", "incident.revoked", "incident.checklist", "incident.status"]);

    const markdown = renderIncidentMarkdown(incident, after.residual, new Date("2026-11-02T00:00:00Z"));
    expect(markdown).toContain(`# Incident #${opened.id}: evil@1.0.0 compromise`);
    expect(markdown).toMatch(/\| Nodes reached \| \d+ \| \d+ \|/);
    expect(markdown).toContain(`2 of ${incident.snapshot.rotationPlan.length} secrets and identities in the rotation plan rotated or revoked.`);
    expect(markdown).toContain("- [x] Scan the compromised versions' diffs");
    expect((await listIncidents(database.current.db)).map((item) => [item.id, item.status, item.rotations])).toEqual([[opened.id, "contained", 2]]);
  });

  it("undoes a rotation marked by mistake: pending again, checklist unticked, the mark and the undo both on the timeline and audited", async () => {
    const opened = await openIncident(ctx(), commander, {
      title: "mistaken mark",
      refs: [],
      advisories: ["MAL-2026-1"],
      windowStart: new Date("2026-11-01T10:00:00Z"),
      commander: "ic@example.com",
      severity: "high",
    });
    if (!opened.ok) throw new Error(JSON.stringify(opened.errors));
    expect(await markRotation(database.current.db, commander, { incidentId: opened.id, nodeKey: deployKey, action: "rotated", note: "wrong key" })).toEqual({
      ok: true,
    });
    const responder = { kind: "user" as const, id: "u2", name: "responder@example.com" };
    expect(await undoRotation(database.current.db, responder, { incidentId: opened.id, nodeKey: deployKey })).toEqual({ ok: true });

    const incident = (await getIncident(database.current.db, opened.id))!;
    expect(incident.rotations).toEqual([]);
    expect(incident.checklist.find((item) => item.id === `rotate:${deployKey}`)).toMatchObject({ done: false, doneBy: null });
    expect(incident.events.map((event) => [event.type, event.actor])).toEqual([
      ["opened", "ic@example.com"],
      ["rotated", "ic@example.com"],
      ["rotation undone", "responder@example.com"],
    ]);
    const audit = await database.current.db.auditEvent.findFirstOrThrow({ where: { target: `incident:${opened.id}`, action: "incident.rotation_undone" } });
    expect(audit).toMatchObject({
      actorName: "responder@example.com",
      before: { nodeKey: deployKey, action: "rotated", by: "ic@example.com", note: "wrong key" },
    });

    expect(await undoRotation(database.current.db, responder, { incidentId: opened.id, nodeKey: deployKey })).toEqual({
      ok: false,
      error: `${deployKey} is not marked rotated or revoked in incident ${opened.id}`,
    });
  });
});
