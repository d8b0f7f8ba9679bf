import { describe, expect, it } from "vitest";
import { generateChecklist } from "./generate-checklist";
import { radiusOf } from "./incident-test-graph.test-helper";

describe("generateChecklist", () => {
  const checklist = generateChecklist(radiusOf(), {
    publishers: [{ key: "publisher:npm/evil-maintainer", name: "evil-maintainer" }],
    longLivedCredentialJobs: [{ key: "context:acme/web/ci.yml/build", name: "build" }],
  });

  it("covers publisher, ownership, diff, rotation, CI and observers, in that order", () => {
    expect([...new Set(checklist.map((item) => item.category))]).toEqual(["publisher", "ownership", "diff", "rotation", "ci", "observers"]);
    expect(checklist.every((item) => !item.done && item.doneBy === null)).toBe(true);
    expect(checklist.find((item) => item.id === "publisher-account")?.text).toContain("2FA enforcement and recent account-recovery events for evil-maintainer");
    expect(checklist.find((item) => item.id === "diff-review")?.text).toMatch(/secret exfiltration, environment inspection and outbound callbacks/);
    expect(checklist.find((item) => item.id === "ci-long-lived")?.refs).toEqual(["context:acme/web/ci.yml/build"]);
  });

  it("has one rotation item per rotation-plan entry, in the plan's order", () => {
    const rotations = checklist.filter((item) => item.category === "rotation");
    const plan = radiusOf().rotationPlan;
    expect(plan.length).toBeGreaterThan(0);
    expect(rotations.map((item) => item.refs[0])).toEqual(plan.map((entry) => entry.key));
    expect(rotations[0].text.startsWith("1. ")).toBe(true);
  });

  it("names the jobs that executed the artifact for the observers step", () => {
    expect(checklist.find((item) => item.id === "observers")?.refs).toContain("context:acme/web/ci.yml/build");
  });
});
