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

/**
 * When the attacker has a node: "now" (the compromised artifact is installed, or the credential is
 * held), or only "next-resolve" (a range admits a malicious or republished version, but the
 * lockfile pins a clean one; the next `npm install`/`update`/Renovate bump picks it up).
 */
export const TIMINGS = ["now", "next-resolve"] as const;
export const ZTiming = z.enum(TIMINGS);
export type TTiming = z.infer<typeof ZTiming>;

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
  timing: ZTiming,
  /** the path rests on an assumption (e.g. a workflow token assumed write: no `permissions:` block, default unknown) */
  assumed: z.boolean().optional(),
  /** for systems: the highest privilege reached; for identities: long-lived or not, etc. */
  privilege: ZPrivilege.nullable().optional(),
  criticality: ZCriticality.nullable().optional(),
  /** the team or person the inventory names as owner (identities, systems, contexts), so a big picture can group by it */
  owner: z.string().optional(),
});
export type TReachedNode = z.infer<typeof ZReachedNode>;

export const ZRadiusEdge = z.object({
  kind: z.union([ZEdgeKind, z.string()]),
  from: z.number().int(),
  to: z.number().int(),
  exposure: ZExposure.nullable().optional(),
  privilege: ZPrivilege.nullable().optional(),
});

/**
 * One credential to act on: a secret merged with the identity it authenticates as (or an identity
 * reached without a stored secret). "rotate" for anything that outlives the job; "review" for
 * ephemeral job tokens (GITHUB_TOKEN, OIDC), which expired when the job ended.
 */
export const ZRotationItem = z.object({
  rank: z.number().int(),
  /** the secret when there is one, else the identity */
  id: z.number().int(),
  key: z.string(),
  kind: z.enum(["secret", "identity"]),
  name: z.string(),
  /** every secret and identity this row stands for (the row's own key included) */
  secrets: z.array(z.object({ id: z.number().int(), key: z.string(), name: z.string() })).default([]),
  identities: z.array(z.object({ id: z.number().int(), key: z.string(), name: z.string(), identityKind: z.string().nullable() })).default([]),
  action: z.enum(["rotate", "review"]).default("rotate"),
  timing: ZTiming.default("now"),
  /** the strongest exposure over the row's nodes; null for a source */
  exposure: ZExposure.nullable().default(null),
  lifetime: z.enum(["longLived", "shortLived", "unknown"]).default("unknown"),
  reason: z.string(),
  owner: z.string().nullable(),
  unlocks: z.object({
    criticalSystems: z.number().int(),
    systems: z.number().int(),
    publishablePackages: z.number().int(),
    /** highest privilege over the systems it unlocks */
    highestPrivilege: ZPrivilege.nullable().default(null),
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
  /** reached nodes whose timing is "now" (total - now are reached only on the next resolve) */
  now: z.number().int().default(0),
  /** secrets and identities reached now */
  nowCredentials: z.number().int().default(0),
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
    timings: z.array(ZTiming).default([]),
  }),
  graphVersion: z.number().int(),
  summary: ZRadiusSummary,
  nodes: z.array(ZReachedNode),
  edges: z.array(ZRadiusEdge),
  rotationPlan: z.array(ZRotationItem),
  /** uses of a compromised action pinned to a full commit SHA that is not named bad: not reached */
  pinnedNotReached: z.array(z.object({ action: z.string(), context: z.string(), ref: z.string().nullable(), line: z.number().int().nullable() })).default([]),
  /** with --what-if: the same summary before the controls were applied */
  before: ZRadiusSummary.nullable().optional(),
  /** present when the answer was asked for in pages (limit=…): the nodes are a slice, most important first */
  page: z
    .object({
      offset: z.number().int(),
      limit: z.number().int(),
      returned: z.number().int(),
      /** every reached node, sources included (summary.total) */
      total: z.number().int(),
      truncated: z.boolean(),
      /** give it back as cursor=… (same question) for the next nodes; null on the last page */
      nextCursor: z.string().nullable(),
      /** rows in the whole rotation plan; the page carries the first ones */
      rotationPlanTotal: z.number().int(),
    })
    .optional(),
});
export type TRadiusResult = z.infer<typeof ZRadiusResult>;

/**
 * A page of GET /api/blast-radius (limit=…). Nodes carry no `path` unless include=paths: each
 * node's parent step is in `edges`, and the page holds every node's ancestors, so paths can be
 * rebuilt from the page alone. With include=paths a page is a ZRadiusResult.
 */
export const ZRadiusPage = ZRadiusResult.extend({
  nodes: z.array(ZReachedNode.extend({ path: z.array(ZPathStep).optional() })),
  page: ZRadiusResult.shape.page.unwrap(),
});

/**
 * What an incident keeps of the radius it opened with: everything but the per-node paths (an
 * 80,000-node radius spells out ~150 MB of them). Each node's parent step is in `edges`, so a path
 * can still be rebuilt; snapshots stored before this carry their paths and read the same.
 */
export const ZRadiusSnapshot = ZRadiusResult.extend({
  nodes: z.array(ZReachedNode.extend({ path: z.array(ZPathStep).optional() })),
});
export type TRadiusSnapshot = z.infer<typeof ZRadiusSnapshot>;

/** The compact snapshot of a complete answer. */
export function snapshotOf(result: TRadiusResult): TRadiusSnapshot {
  return { ...result, nodes: result.nodes.map(({ path: _path, ...node }) => node) };
}
export type TRadiusPage = z.infer<typeof ZRadiusPage>;

// ---- inputs shared by the CLI, the API query parameters and the dashboard ----

const ZRefList = z.preprocess(
  (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
  z.array(z.string().trim().min(1, "empty ref").max(1000)),
);
const ZExposureList = z.preprocess(
  (value) =>
    value === undefined
      ? []
      : (Array.isArray(value) ? value : [value])
          .flatMap((v) => String(v).split(","))
          .map((v) => v.trim())
          .filter(Boolean),
  z.array(ZExposure),
);
const ZTimingList = z.preprocess(
  (value) =>
    value === undefined
      ? []
      : (Array.isArray(value) ? value : [value])
          .flatMap((v) => String(v).split(","))
          .map((v) => v.trim())
          .filter(Boolean),
  z.array(ZTiming),
);
const ZHops = z.coerce.number().int("max hops must be a whole number").min(1, "max hops must be at least 1").max(1000);

export const ZRadiusInput = z.object({
  refs: ZRefList,
  advisories: ZRefList,
  maxHops: ZHops.nullable().default(null),
  exposures: ZExposureList,
  whatIf: ZRefList,
  /** ["now"] keeps only what the attacker has now; empty = both timings */
  timings: ZTimingList,
});
export type TRadiusInput = z.infer<typeof ZRadiusInput>;

/** The radius question as GET /api/blast-radius and its siblings carry it in the query, ready for ZRadiusInput. */
export function radiusQueryFields(params: URLSearchParams): Record<keyof TRadiusInput, unknown> {
  return {
    refs: params.getAll("ref"),
    advisories: params.getAll("advisory"),
    maxHops: params.get("maxHops") || undefined,
    exposures: params.getAll("exposure"),
    timings: params.getAll("timing"),
    whatIf: params.getAll("whatIf"),
  };
}

/** The reverse: a radius question as that query (the CLI asking a running server). */
export function radiusQueryParams(input: TRadiusInput): URLSearchParams {
  const params = new URLSearchParams();
  for (const ref of input.refs) params.append("ref", ref);
  for (const advisory of input.advisories) params.append("advisory", advisory);
  if (input.maxHops !== null) params.set("maxHops", String(input.maxHops));
  if (input.exposures.length > 0) params.set("exposure", input.exposures.join(","));
  for (const timing of input.timings) params.append("timing", timing);
  for (const control of input.whatIf) params.append("whatIf", control);
  return params;
}

/** Paging of GET /api/blast-radius: without a limit the answer is complete (the CLI's --json). */
export const ZRadiusPaging = z.object({
  limit: z.coerce
    .number()
    .int("limit must be a whole number")
    .min(1, "limit must be at least 1")
    .max(5000, "limit must be at most 5000")
    .nullable()
    .default(null),
  cursor: z.string().trim().min(1).max(200).nullable().default(null),
  includePaths: z.boolean().default(false),
  rotationRows: z.coerce.number().int().min(0).max(5000).default(100),
});
export type TRadiusPaging = z.infer<typeof ZRadiusPaging>;

/** GET /api/blast-radius: the question and its paging in one query string. */
export const ZRadiusRequest = z
  .object({
    ...ZRadiusInput.shape,
    ...ZRadiusPaging.omit({ includePaths: true }).shape,
    include: z.array(z.enum(["paths"], { error: (issue) => `include=${String(issue.input)} is not known; include=paths is` })),
  })
  .refine((request) => request.cursor === null || request.limit !== null, { path: ["cursor"], message: "cursor needs the limit it was given with" });

/** The query string of GET /api/blast-radius, ready for ZRadiusRequest. */
export function radiusRequestFields(params: URLSearchParams): Record<keyof z.input<typeof ZRadiusRequest>, unknown> {
  return {
    ...radiusQueryFields(params),
    limit: params.get("limit") || null,
    cursor: params.get("cursor") || null,
    rotationRows: params.get("rotationRows") || undefined,
    include: params.getAll("include").flatMap((value) => value.split(",")),
  };
}

export const ZPathInput = z.object({
  from: z.string().trim().min(1, "from is required"),
  to: z.string().trim().min(1, "to is required"),
  k: z.coerce.number().int().min(1, "k must be at least 1").max(20, "k must be at most 20").default(3),
});
export type TPathInput = z.infer<typeof ZPathInput>;

export const ZFixesInput = z.object({
  top: z.coerce.number().int().min(1).max(200).default(10),
  exposures: ZExposureList,
});
export type TFixesInput = z.infer<typeof ZFixesInput>;

/** GET /api/fixes with ref=… or advisory=…: the fixes for that one radius (its sources together). */
export const ZRadiusFixesInput = ZFixesInput.extend({ refs: ZRefList, advisories: ZRefList });
export type TRadiusFixesInput = z.infer<typeof ZRadiusFixesInput>;

// ---- path and fixes answers ----

const ZNodeRef = z.object({ id: z.number().int(), key: z.string(), kind: ZNodeKind, name: z.string() });

export const ZPathResult = z.object({
  from: z.array(ZNodeRef),
  to: ZNodeRef,
  graphVersion: z.number().int(),
  found: z.boolean(),
  message: z.string(),
  chains: z.array(z.object({ hops: z.number().int(), nodes: z.array(ZNodeRef), steps: z.array(ZPathStep) })),
});
export type TPathResult = z.infer<typeof ZPathResult>;

export const ZFix = z.object({
  rank: z.number().int(),
  /** in the syntax `--what-if` accepts */
  control: z.string(),
  kind: z.enum(["ignore-scripts", "short-lived", "off-runner", "remove-secret", "drop-publish", "pin-action"]),
  description: z.string(),
  reduction: z.number(),
  reductionPercent: z.number(),
  sourcesAffected: z.number().int(),
});

export const ZFixesResult = z.object({
  graphVersion: z.number().int(),
  metric: z.string(),
  /** the radius the fixes are ranked for (its sources); null: over every possible compromise */
  scope: z.string().nullable().default(null),
  exposures: z.array(ZExposure),
  sources: z.number().int(),
  candidates: z.number().int(),
  evaluated: z.number().int(),
  /** true when no candidate left unevaluated could have ranked in the top N */
  exhaustive: z.boolean(),
  baseline: z.number(),
  fixes: z.array(ZFix),
  seconds: z.number(),
});
export type TFixesResult = z.infer<typeof ZFixesResult>;
