import { describe, expect, it } from "vitest";
import { testDatabaseKinds, useTestDatabase } from "@/test/test-database";
import { getHealth } from "./get-health";

describe.each(testDatabaseKinds())("health (%s)", (kind) => {
  const database = useTestDatabase(kind);

  it("answers ok with the migrations applied", async () => {
    const health = await getHealth(database.current);
    expect(health).toMatchObject({ status: "ok", database: { kind }, migrations: { pending: [] } });
    expect(health.database.busy).toBeUndefined();
  });
});

// The embedded database only: PostgreSQL answers health on its own connection whatever an import holds.
describe("health of the embedded database", () => {
  const database = useTestDatabase("pglite");

  it("says busy, without waiting for the commit, while an import's transaction holds the embedded database", async () => {
    const { db } = database.current;
    await getHealth(database.current);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    const transaction = db.$transaction(async (tx) => {
      await tx.import.create({ data: { actor: "health-test" } });
      entered();
      await held;
    });
    await inside;
    const started = performance.now();
    const health = await getHealth(database.current, 200);
    const waited = performance.now() - started;
    release();
    await transaction;
    expect(health).toMatchObject({ status: "ok", database: { kind: "pglite", busy: true } });
    expect(waited).toBeLessThan(5000);
    expect((await getHealth(database.current)).database.busy).toBeUndefined();
  });
});
