import { describe, expect, it } from "vitest";
import { WriteBehind } from "./write-behind";

const later = <T>(value: T, ms: number) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

describe("WriteBehind", () => {
  it("runs started statements one after another, in the order they were started", async () => {
    const behind = new WriteBehind();
    const log: string[] = [];
    behind.start(async () => {
      log.push("a starts");
      await later(null, 20);
      log.push("a ends");
    });
    behind.start(async () => {
      log.push("b starts");
      await later(null, 1);
      log.push("b ends");
    });
    log.push("caller goes on");
    await behind.settle();
    expect(log).toEqual(["caller goes on", "a starts", "a ends", "b starts", "b ends"]);
  });

  it("stops after a failure and reports it once settled, without an unhandled rejection meanwhile", async () => {
    const behind = new WriteBehind();
    let ranAfter = false;
    behind.start(() => Promise.reject(new Error("duplicate key")));
    behind.start(async () => {
      ranAfter = true;
    });
    await later(null, 10);
    await expect(behind.settle()).rejects.toThrow("duplicate key");
    expect(ranAfter).toBe(false);
  });

  it("a statement run alongside that fails reports a started statement's failure first (the transaction was aborted by it)", async () => {
    const behind = new WriteBehind();
    behind.start(() => later(null, 5).then(() => Promise.reject(new Error("duplicate key value violates unique constraint"))));
    await expect(behind.alongside(() => later(null, 10).then(() => Promise.reject(new Error("current transaction is aborted"))))).rejects.toThrow(
      "duplicate key value",
    );
    const quiet = new WriteBehind();
    await expect(quiet.alongside(() => Promise.reject(new Error("its own error")))).rejects.toThrow("its own error");
    expect(await quiet.alongside(async () => 42)).toBe(42);
  });
});
