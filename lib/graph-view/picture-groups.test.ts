import { describe, expect, it } from "vitest";
import { groupPlural, groupWords, importantRole, pictureGroupOf, staysDrawn } from "./picture-groups";

describe("pictureGroupOf", () => {
  it("groups a job, a repository secret and a job's workflow token by the repository in their key", () => {
    expect(pictureGroupOf({ kind: "context", key: "context:acme/web-app/ci.yml/build" })).toEqual({ by: "repository", name: "acme/web-app" });
    expect(pictureGroupOf({ kind: "secret", key: "secret:acme/web-app:NPM_TOKEN", owner: "team-web" })).toEqual({ by: "repository", name: "acme/web-app" });
    expect(pictureGroupOf({ kind: "identity", key: "identity:github-token:acme/api/release.yml/publish" })).toEqual({ by: "repository", name: "acme/api" });
  });

  it("groups an identity or system by the owner the inventory names, and leaves a node with neither to its kind", () => {
    expect(pictureGroupOf({ kind: "identity", key: "identity:payments-deployer", owner: "team-payments" })).toEqual({ by: "owner", name: "team-payments" });
    expect(pictureGroupOf({ kind: "identity", key: "identity:orphan-bot" })).toBeNull();
    // an action's key names someone else's repository, used by many of ours
    expect(pictureGroupOf({ kind: "action", key: "action:tj-actions/changed-files" })).toBeNull();
  });
});

describe("staysDrawn", () => {
  it("keeps every critical system and every package the attacker can publish out of any group", () => {
    expect(staysDrawn({ kind: "system", key: "system:prod-postgres", criticality: "critical" }, false)).toBe(true);
    expect(staysDrawn({ kind: "package", key: "pkg:npm/%40acme/icons" }, false)).toBe(true);
    expect(staysDrawn({ kind: "system", key: "system:wiki", criticality: "high" }, false)).toBe(false);
    expect(staysDrawn({ kind: "secret", key: "secret:acme/web:NPM_TOKEN" }, false)).toBe(false);
  });
});

describe("group words", () => {
  it("says what a group is in a person's words", () => {
    expect(
      `23 ${groupPlural("context", { by: "repository", name: "acme/web-app" }, "jobs and workstations")}${groupWords({ by: "repository", name: "acme/web-app" })}`,
    ).toBe("23 CI jobs in acme/web-app");
    expect(`140 ${groupPlural("identity", { by: "owner", name: "team-payments" }, "identities")}${groupWords({ by: "owner", name: "team-payments" })}`).toBe(
      "140 identities owned by team-payments",
    );
    expect(groupPlural("identity", { by: "repository", name: "acme/api" }, "identities")).toBe("workflow tokens");
    // the rare excess of what is always drawn is counted by what it gives the attacker
    const publish = importantRole({ kind: "package", key: "pkg:npm/left-pad" }, false);
    expect(`1,200 ${groupPlural("package", publish, "packages")}${groupWords(publish)}`).toBe("1,200 packages the attacker can publish");
    expect(importantRole({ kind: "package", key: "pkg:npm/evil" }, true)).toBeNull();
  });
});
