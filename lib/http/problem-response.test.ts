import { describe, expect, it } from "vitest";
import { ZProblemBody, type TRefProblem } from "@/lib/schemas/input-problem";
import { problemResponse } from "./problem-response";

describe("problemResponse", () => {
  it("answers with the status asked, each problem, and all of them in one line", async () => {
    const unknownRef: TRefProblem = { ref: "pkg:npm/chalkk", reason: "unknown", message: "no node pkg:npm/chalkk in the graph", candidates: ["pkg:npm/chalk"] };
    const response = problemResponse([{ path: "maxHops", message: "max hops must be at least 1" }, unknownRef], 404);
    expect(response.status).toBe(404);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = ZProblemBody.parse(await response.json());
    expect(body.error).toBe("maxHops: max hops must be at least 1; no node pkg:npm/chalkk in the graph");
    expect(body.errors).toHaveLength(2);
    expect(body.errors[1]).toMatchObject({ ref: "pkg:npm/chalkk", candidates: ["pkg:npm/chalk"] });
  });

  it("answers 400 unless told otherwise", () => {
    expect(problemResponse([{ path: "q", message: "q must not be empty" }]).status).toBe(400);
  });
});
