import { describe, expect, it } from "vitest";
import { githubTokenPrivilege, normalisePermissions, tokenPermissionsInForce } from "./permissions";

describe("GITHUB_TOKEN permissions in force", () => {
  it("the job block replaces the workflow block; no block anywhere is unknown", () => {
    const workflow = { present: true, value: { contents: "write" } };
    expect(tokenPermissionsInForce(workflow, { present: true, value: { issues: "read" } })).toMatchObject({ issues: "read", contents: "none" });
    expect(tokenPermissionsInForce(workflow, { present: false, value: undefined })).toMatchObject({ contents: "write", issues: "none" });
    expect(tokenPermissionsInForce({ present: false, value: undefined }, { present: false, value: undefined })).toBeNull();
  });

  it("an empty `permissions:` (YAML null) is the same as {}", () => {
    expect(Object.values(normalisePermissions(null)).every((level) => level === "none")).toBe(true);
  });

  it("privilege is write when any repository scope is write; id-token alone is not", () => {
    expect(githubTokenPrivilege(normalisePermissions({ "id-token": "write" }))).toEqual({ privilege: "read", assumed: false });
    expect(githubTokenPrivilege(normalisePermissions({ issues: "write" }))).toEqual({ privilege: "write", assumed: false });
    expect(githubTokenPrivilege(null)).toEqual({ privilege: "write", assumed: true });
  });
});
