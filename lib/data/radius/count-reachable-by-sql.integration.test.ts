// The recursive CTE is the benchmark's yardstick only if it computes the engine's reachability:
// on the demo organisation (worm generations, a shared runner, vaults, bots, actions) both must
// reach exactly the same number of nodes from every single node, and from a combined source.
import { describe, expect, it } from "vitest";
import { getEngineGraph } from "@/lib/services/graph/get-engine-graph";
import { seedDemoOrganisation } from "@/lib/services/demo/seed-demo-organisation";
import { RadiusWorkspace } from "@/lib/engine/radius";
import { semverStepPairs } from "@/lib/engine/steps";
import { testDatabaseKinds, useTestDatabase } from "@/test/test-database";
import { countReachableBySql } from "./count-reachable-by-sql";

describe.each(testDatabaseKinds())("reachability by recursive CTE (%s)", (kind) => {
  const database = useTestDatabase(kind);

  it("agrees with the engine from every node of the demo organisation", async () => {
    await seedDemoOrganisation(database.current.db);
    const graph = await getEngineGraph(database.current);
    const workspace = new RadiusWorkspace(graph);
    const pairs = semverStepPairs(graph);
    const disagreements: string[] = [];
    let largest = 0;
    for (let v = 0; v < graph.nodeCount; v++) {
      const engine = workspace.walk([v]).count;
      const sql = await countReachableBySql(database.current.connection, [graph.ids[v]], pairs);
      if (sql !== engine) disagreements.push(`${graph.keys[v]}: engine ${engine}, SQL ${sql}`);
      largest = Math.max(largest, engine);
    }
    expect(disagreements).toEqual([]);
    // the demo's worm must actually spread, or this comparison proves little
    expect(largest).toBeGreaterThan(50);

    const wave = ["pkg:npm/chalk@5.6.1", "pkg:npm/debug@4.4.2", "runner:acme-shared-runner"].map((key) => graph.indexOfKey(key)).filter((v) => v !== undefined);
    expect(wave.length).toBeGreaterThan(1);
    expect(
      await countReachableBySql(
        database.current.connection,
        wave.map((v) => graph.ids[v]),
        pairs,
      ),
    ).toBe(workspace.walk(wave).count);
  });
});
