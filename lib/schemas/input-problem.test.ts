import { describe, expect, it } from "vitest";
import { ZRecordId } from "./record-id";
import { describeIssues, describeProblem, problemsFromIssues, ZProblemBody } from "./input-problem";

describe("input problems", () => {
  it("name the file and line (file:line), the file and JSON path, the field, or nothing when about the whole input", () => {
    expect(describeProblem({ file: "inventory.json", line: 4, message: "looks like a live token" })).toBe("inventory.json:4: looks like a live token");
    expect(describeProblem({ file: "bom.json", path: "$.components[0].purl", message: "not a purl" })).toBe("bom.json $.components[0].purl: not a purl");
    expect(describeProblem({ path: "maxHops", message: "max hops must be at least 1" })).toBe("maxHops: max hops must be at least 1");
    expect(describeProblem({ message: "no node pkg:npm/chalkk in the graph" })).toBe("no node pkg:npm/chalkk in the graph");
  });

  it("come from Zod issues with their field, or the name of the whole input for an issue about no field", () => {
    const id = ZRecordId.safeParse("abc");
    expect(id.success).toBe(false);
    expect(problemsFromIssues([...id.error!.issues, { path: ["exposures", 1], message: "unknown exposure" }], "id")).toEqual([
      { path: "id", message: "must be a positive whole number" },
      { path: "exposures.1", message: "unknown exposure" },
    ]);
    expect(problemsFromIssues([{ path: [], message: "give at least one ref" }])).toEqual([{ message: "give at least one ref" }]);
    expect(
      describeIssues(
        [
          { path: ["limit"], message: "limit must be at least 1" },
          { path: [], message: "not JSON" },
        ],
        "body",
      ),
    ).toEqual(["limit: limit must be at least 1", "body: not JSON"]);
  });

  it("keep a ref problem's candidates when a refusal is read back, and read a bare { error } as no problems", () => {
    const refused = ZProblemBody.parse({
      error: "no node pkg:npm/chalkk",
      errors: [
        { ref: "pkg:npm/chalkk", reason: "unknown", message: "no node pkg:npm/chalkk", candidates: ["pkg:npm/chalk"] },
        { path: "k", message: "k must be at least 1" },
      ],
    });
    expect(refused.errors[0]).toEqual({ ref: "pkg:npm/chalkk", reason: "unknown", message: "no node pkg:npm/chalkk", candidates: ["pkg:npm/chalk"] });
    expect(refused.errors[1]).toEqual({ path: "k", message: "k must be at least 1" });
    expect(ZProblemBody.parse({ error: "sign in or send an API token" }).errors).toEqual([]);
  });
});
