import type { OpenDatabase } from "@/lib/database/open-database";

// The same reachability as the engine's radius walk (every exposure level, no hop limit),
// computed by PostgreSQL alone with a recursive CTE over the stored graph: the yardstick the
// radius benchmark compares the engine against, and a cross-check of the engine's rules (an
// integration test asserts both agree on the demo organisation). Each branch below is one rule
// of docs/MODEL.md / lib/engine/steps.ts.
//
// State: (node, kind, w). w = 1 for a system held with write or admin (it yields its stored
// secrets), w = 2 for a version the attacker published into a package it can publish (the
// worm's republication: it reaches the installs of that package but is not itself reached).
// Timing does not change what is reached, only when: the count covers now and next-resolve alike.

const EXACT_VERSION = `'^=?v?[0-9]+[.][0-9]+[.][0-9]+(-[0-9A-Za-z.-]+)?([+][0-9A-Za-z.-]+)?$'`;
const EXACT_PIN = `(COALESCE(e.attributes->>'range', '') ~ ${EXACT_VERSION} OR COALESCE(e.attributes->>'spec', '') ~ ${EXACT_VERSION})`;

// \`npx <bin>\` runs the job's own copy when its lockfile installs a version of the package
const RESOLVED_LOCALLY = `(COALESCE(e.attributes->>'mayResolveLocally', 'false') = 'true' AND EXISTS (
  SELECT 1 FROM "Edge" local JOIN "Edge" vo ON vo."fromId" = local."fromId" AND vo.kind = 'VERSION_OF' AND vo."toId" = r.id
  WHERE local."toId" = e."toId" AND local.kind = 'INSTALLED_IN'))`;

const REACHABLE_SQL = `
WITH RECURSIVE reach(id, kind, w) AS (
  SELECT n.id, n.kind, CASE WHEN n.kind = 'system' THEN 1 ELSE 0 END FROM "Node" n WHERE n.id = ANY($1::int[])
  UNION
  SELECT s.id, s.kind, s.w FROM reach r CROSS JOIN LATERAL (
    SELECT t.id, t.kind, CASE WHEN e.kind = 'CAN_ACCESS' AND e.privilege IN ('write', 'admin') THEN 1 ELSE 0 END AS w
    FROM "Edge" e
    JOIN "Node" t ON t.id = e."toId"
    LEFT JOIN "Runner" runner ON runner."nodeId" = t.id
    WHERE e."fromId" = r.id AND r.w < 2 AND (
      (r.kind = 'packageVersion' AND e.kind = 'INSTALLED_IN') OR
      (r.kind = 'context' AND (e.kind = 'EXPOSES' OR (e.kind = 'TRIGGERS' AND t.kind = 'context') OR (e.kind = 'RUNS_ON' AND runner.persistent) OR (e.kind = 'CAN_PUBLISH' AND t.kind = 'package'))) OR
      (r.kind = 'runner' AND e.kind IN ('EXPOSES', 'STORES')) OR
      (r.kind = 'secret' AND (e.kind = 'AUTHENTICATES_AS' OR (e.kind = 'CAN_PUBLISH' AND t.kind = 'package'))) OR
      (r.kind = 'identity' AND (e.kind IN ('CAN_ACCESS', 'CAN_PUBLISH', 'ACTS_AS') OR (e.kind = 'TRIGGERS' AND t.kind = 'context'))) OR
      (r.kind = 'publisher' AND e.kind IN ('MAINTAINS', 'CAN_PUBLISH')) OR
      (r.kind = 'system' AND e.kind = 'STORES' AND r.w = 1) OR
      (r.kind = 'action' AND e.kind = 'USED_IN' AND COALESCE(e.attributes->>'pinned', 'false') <> 'true') OR
      (r.kind = 'advisory' AND e.kind = 'AFFECTS') OR
      -- a package resolved afresh: every install of it when the package is the compromise, and
      -- the republished version's when it is a stolen publish right (never an exact pin)
      (r.kind = 'package' AND e.kind = 'INSTALLED_IN' AND (r.id = ANY($1::int[]) OR NOT ${EXACT_PIN}) AND NOT ${RESOLVED_LOCALLY})
    )
    UNION ALL
    -- a republished version installs wherever the package's versions are installed, except exact pins
    SELECT t.id, t.kind, 0 FROM "Edge" e JOIN "Node" t ON t.id = e."toId"
    WHERE r.w = 2 AND e."fromId" = r.id AND e.kind = 'INSTALLED_IN' AND NOT ${EXACT_PIN}
    UNION ALL
    -- every job that runs on a runner the attacker holds
    SELECT t.id, t.kind, 0 FROM "Edge" e JOIN "Node" t ON t.id = e."fromId"
    WHERE r.kind = 'runner' AND e."toId" = r.id AND e.kind = 'RUNS_ON'
    UNION ALL
    -- a publish right (not the compromised package itself) is republished through its versions
    SELECT e."fromId", 'packageVersion'::"NodeKind", 2 FROM "Edge" e
    WHERE r.kind = 'package' AND r.id <> ALL($1::int[]) AND e."toId" = r.id AND e.kind = 'VERSION_OF'
    UNION ALL
    -- ranges that admit a compromised version (decided by npm semver, given as pairs)
    SELECT t.id, t.kind, 0 FROM unnest($2::int[], $3::int[]) AS pair(f, g) JOIN "Node" t ON t.id = pair.g
    WHERE pair.f = r.id AND r.w < 2
  ) s
)
SELECT count(DISTINCT id)::int AS reached FROM reach WHERE w < 2`;

/**
 * How many nodes (sources included) the compromise of the given nodes reaches. `semverPairs` are
 * the steps npm semver decides (lib/engine/steps.ts semverStepPairs): SQL walks them, it does not
 * evaluate ranges.
 */
export async function countReachableBySql(
  connection: OpenDatabase,
  nodeIds: readonly number[],
  semverPairs: { from: number[]; to: number[] } = { from: [], to: [] },
): Promise<number> {
  const [row] = await connection.query<{ reached: number }>(REACHABLE_SQL, [nodeIds, semverPairs.from, semverPairs.to]);
  return row.reached;
}
