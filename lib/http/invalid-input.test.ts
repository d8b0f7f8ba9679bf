import { describe, expect, it } from "vitest";
import { ZRecordId } from "@/lib/schemas/record-id";
import { invalidInput } from "./invalid-input";

describe("invalidInput", () => {
  it("answers 400 naming each field, or the input as a whole when the issue has no field", async () => {
    const id = ZRecordId.safeParse("abc");
    expect(id.success).toBe(false);
    const response = invalidInput([...id.error!.issues, { path: ["maxHops"], message: "max hops must be at least 1" }], "id");
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: "id: must be a positive whole number; maxHops: max hops must be at least 1",
      errors: [
        { path: "id", message: "must be a positive whole number" },
        { path: "maxHops", message: "max hops must be at least 1" },
      ],
    });
  });
});
