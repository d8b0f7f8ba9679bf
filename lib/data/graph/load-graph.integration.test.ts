import { describe, expect, it } from "vitest";
import { seedDemoOrganisation } from "@/lib/services/demo/seed-demo-organisation";
import { buildEngineGraph } from "@/lib/engine/graph";
import { testDatabaseKinds, useTestDatabase } from "@/test/test-database";
import { loadGraph } from "./load-graph";

describe.each(testDatabaseKinds())("loading the graph for the engine (%s)", (kind) => {
  const database = useTestDatabase(kind);

  it("reads every edge in id-ordered batches, whatever the batch size", async () => {
    await seedDemoOrganisation(database.current.db);
    const [{ edges }] = await database.current.connection.query<{ edges: number }>(`SELECT count(*)::int AS edges FROM "Edge"`);
    const whole = buildEngineGraph(await loadGraph(database.current.connection, { edgeBatch: 100_000 }));
    // 7 does not divide the edge count, so the last batch is a partial one
    const batched = buildEngineGraph(await loadGraph(database.current.connection, { edgeBatch: 7 }));
    expect(edges % 7).not.toBe(0);
    expect(whole.edgeCount).toBe(edges);
    expect(batched.edgeCount).toBe(edges);
    for (const field of ["edgeFrom", "edgeTo", "edgeKind", "edgeExposure", "edgePrivilege", "edgeFlags"] as const) {
      expect(Array.from(batched[field]), field).toEqual(Array.from(whole[field]));
    }
    const withAttributes = Array.from({ length: edges }, (_, e) => e).filter((e) => whole.attributesOf(e));
    expect(withAttributes.length).toBeGreaterThan(0);
    for (const e of withAttributes) expect(batched.attributesOf(e)).toEqual(whole.attributesOf(e));
  });
});
