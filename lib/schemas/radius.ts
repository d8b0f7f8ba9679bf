import { z } from "zod";
import { ZCriticality, ZEdgeKind, ZExposure, ZNodeKind, ZPrivilege } from "./graph-facts";

// The blast-radius answer: one schema shared by the engine, `blastmap radius --json`,
// GET /api/blast-radius and the dashboard.

export const ZPathStep = z.object({
  /** edge kind, or a rule name for derived steps (e.g. "WORM_REPUBLISH", "RUNNER_PERSISTENCE") */
  kind: z.string(),
  from: z.number().int(),
  to: z.number().int(),
  exposure: ZExposure.nullable().optional(),
  privilege: ZPrivilege.nullable().optional(),
  attributes: z.record(z.string(), z.unknown()).optional(),
});
export type TPathStep = z.infer<typeof ZPathStep>;

export const ZReachedNode = z.object({
  id: z.number().int(),
  key: z.string(),
  kind: ZNodeKind,
  name: z.string(),
  hops: z.number().int(),
  /** 0 = reached from the original compromise; n = through n worm republications */
  generation: z.number().int(),
  /** the weakest-link exposure on the way here, null for the sources themselves */
  exposure: ZExposure.nullable(),
  /** the shortest chain of edges from a source to this node */
  path: z.array(ZPathStep),
  /** for systems: the highest privilege reached; for identities: long-lived or not, etc. */
  privilege: ZPrivilege.nullable().optional(),
  criticality: ZCriticality.nullable().optional(),
});
export type TReachedNode = z.infer<typeof ZReachedNode>;

export const ZRadiusEdge = z.object({
  kind: z.union([ZEdgeKind, z.string()]),
  from: z.number().int(),
  to: z.number().int(),
  exposure: ZExposure.nullable().optional(),
  privilege: ZPrivilege.nullable().optional(),
});

export const ZRotationItem = z.object({
  rank: z.number().int(),
  id: z.number().int(),
  key: z.string(),
  kind: z.enum(["secret", "identity"]),
  name: z.string(),
  reason: z.string(),
  owner: z.string().nullable(),
  unlocks: z.object({
    criticalSystems: z.number().int(),
    systems: z.number().int(),
    publishablePackages: z.number().int(),
  }),
  shortLivedReplacement: z.string().nullable(),
});
export type TRotationItem = z.infer<typeof ZRotationItem>;

export const ZRadiusSummary = z.object({
  countsByKind: z.record(ZNodeKind, z.number().int()),
  systemsByCriticality: z.record(ZCriticality, z.number().int()),
  republishablePackages: z.array(z.object({ id: z.number().int(), key: z.string(), name: z.string() })),
  longLivedIdentities: z.array(z.object({ id: z.number().int(), key: z.string(), name: z.string() })),
  maxGeneration: z.number().int(),
  total: z.number().int(),
});

export const ZRadiusSource = z.object({
  refs: z.array(z.string()),
  nodes: z.array(z.object({ id: z.number().int(), key: z.string(), kind: ZNodeKind, name: z.string() })),
  description: z.string(),
});

export const ZRadiusResult = z.object({
  source: ZRadiusSource,
  options: z.object({
    maxHops: z.number().int().nullable(),
    exposures: z.array(ZExposure),
    whatIf: z.array(z.string()),
  }),
  graphVersion: z.number().int(),
  summary: ZRadiusSummary,
  nodes: z.array(ZReachedNode),
  edges: z.array(ZRadiusEdge),
  rotationPlan: z.array(ZRotationItem),
  /** with --what-if: the same summary before the controls were applied */
  before: ZRadiusSummary.nullable().optional(),
});
export type TRadiusResult = z.infer<typeof ZRadiusResult>;
