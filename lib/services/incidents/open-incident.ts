import "server-only";
import type { Database } from "@/lib/db";
import { getEngineGraph } from "@/lib/services/graph/get-engine-graph";
import { recordAuditEvent, type AuditActor } from "@/lib/data/audit/record-audit-event";
import { blastRadius } from "@/lib/engine/blast-radius";
import type { Prisma } from "@/lib/generated/prisma/client";
import { generateChecklist } from "@/lib/incidents/generate-checklist";
import type { TOpenIncidentInput } from "@/lib/schemas/incident";
import type { TRefProblem } from "@/lib/schemas/input-problem";
import { snapshotOf, type TRadiusResult } from "@/lib/schemas/radius";

export type OpenIncidentResult = { ok: true; id: number } | { ok: false; errors: TRefProblem[] };

/** Computes the radius of the sources, snapshots it with a generated checklist, and records who opened it. */
export async function openIncident(database: Database, actor: AuditActor, input: TOpenIncidentInput): Promise<OpenIncidentResult> {
  const graph = await getEngineGraph(database);
  const answer = blastRadius(graph, { refs: input.refs, advisories: input.advisories, maxHops: null, exposures: [], whatIf: [], timings: [] });
  if (!answer.ok) return { ok: false, errors: answer.errors };
  const radius = answer.result;
  const db = database.prisma;
  const checklist = generateChecklist(radius, {
    publishers: await publishersOfSources(db, radius),
    longLivedCredentialJobs: await jobsWithLongLivedCredentials(db, radius),
  });
  const advisoryIds = input.advisories.map((id) => id.replace(/^advisory:/, ""));
  const id = await db.$transaction(async (tx) => {
    const incident = await tx.incident.create({
      data: {
        title: input.title,
        sourceRefs: input.refs,
        advisoryIds,
        windowStart: input.windowStart,
        windowEnd: input.windowEnd ?? null,
        commander: input.commander,
        severity: input.severity,
        snapshot: snapshotOf(radius) as unknown as Prisma.InputJsonValue,
        graphVersionAtOpen: radius.graphVersion,
        checklist: checklist as unknown as Prisma.InputJsonValue,
        createdBy: actor.name,
      },
    });
    const summary = `radius of ${radius.summary.total} nodes, ${radius.rotationPlan.length} secrets and identities to rotate`;
    await tx.incidentEvent.create({
      data: { incidentId: incident.id, type: "opened", actor: actor.name, details: { summary, graphVersion: radius.graphVersion } },
    });
    await recordAuditEvent(tx, actor, {
      action: "incident.open",
      target: `incident:${incident.id}`,
      after: {
        title: input.title,
        sources: [...input.refs, ...advisoryIds],
        severity: input.severity,
        commander: input.commander,
        radius: radius.summary.total,
      },
    });
    return incident.id;
  });
  return { ok: true, id };
}

/** Publishers that maintain the compromised packages (or the packages of the compromised versions). */
async function publishersOfSources(db: Database["prisma"], radius: TRadiusResult) {
  // an advisory source stands for its affected versions, which the walk starts from (hops 0)
  const sourceIds = [...radius.source.nodes, ...radius.nodes.filter((node) => node.hops === 0)].map((node) => node.id);
  const versionOf = await db.edge.findMany({ where: { kind: "VERSION_OF", fromId: { in: sourceIds } }, select: { toId: true } });
  const packageIds = [...sourceIds, ...versionOf.map((edge) => edge.toId)];
  const maintainers = await db.edge.findMany({
    where: { kind: "MAINTAINS", toId: { in: packageIds } },
    select: { from: { select: { key: true, name: true } } },
  });
  return [...new Map(maintainers.map((edge) => [edge.from.key, edge.from])).values()];
}

/** CI jobs in the radius that read a secret of a long-lived identity. */
async function jobsWithLongLivedCredentials(db: Database["prisma"], radius: TRadiusResult) {
  const contextIds = radius.nodes.filter((node) => node.kind === "context").map((node) => node.id);
  if (contextIds.length === 0) return [];
  const exposures = await db.edge.findMany({
    where: {
      kind: "EXPOSES",
      fromId: { in: contextIds },
      from: { context: { contextKind: "ciJob" } },
      to: { outEdges: { some: { kind: "AUTHENTICATES_AS", to: { identity: { lifetime: "longLived" } } } } },
    },
    select: { from: { select: { key: true, name: true } } },
  });
  return [...new Map(exposures.map((edge) => [edge.from.key, edge.from])).values()];
}
