import { describe, expect, it } from "vitest";
import { blastRadius } from "@/lib/engine/blast-radius";
import { tinyGraph } from "@/lib/engine/tiny-graph";
import type { TIncident } from "@/lib/schemas/incident";
import type { TRadiusResult } from "@/lib/schemas/radius";
import { generateChecklist } from "./generate-checklist";
import { renderIncidentMarkdown } from "./render-incident-markdown";
import { rotatedNodeKeys, rotationStatus } from "./rotation-status";

// A job that installs the malicious version holds its GITHUB_TOKEN (ephemeral: review, never
// rotate) and two copies of one long-lived npm token (one credential: one row to rotate).
function radiusWithJobToken(): TRadiusResult {
  const graph = tinyGraph(
    [
      ["pkg:npm/evil@1.0.0", { hasInstallScript: true }],
      "pkg:npm/evil",
      ["context:acme/web/ci.yml/build", { repo: "acme/web" }],
      "secret:acme/web:NPM_TOKEN",
      "secret:vault:ci/npm-publish",
      ["identity:npm-bot", { lifetime: "longLived", identityKind: "registryPublishToken", owner: "release-team" }],
      "secret:acme/web:GITHUB_TOKEN@ci.yml/build",
      ["identity:github-token:acme/web/ci.yml/build", { lifetime: "shortLived", identityKind: "githubToken" }],
      ["system:github:acme", { criticality: "critical" }],
      "pkg:npm/web-lib",
    ],
    [
      ["VERSION_OF", "pkg:npm/evil@1.0.0", "pkg:npm/evil"],
      ["INSTALLED_IN", "pkg:npm/evil@1.0.0", "context:acme/web/ci.yml/build"],
      ["EXPOSES", "context:acme/web/ci.yml/build", "secret:acme/web:NPM_TOKEN", { exposure: "install" }],
      ["EXPOSES", "context:acme/web/ci.yml/build", "secret:acme/web:GITHUB_TOKEN@ci.yml/build", { exposure: "install" }],
      ["AUTHENTICATES_AS", "secret:acme/web:NPM_TOKEN", "identity:npm-bot"],
      ["AUTHENTICATES_AS", "secret:vault:ci/npm-publish", "identity:npm-bot"],
      ["AUTHENTICATES_AS", "secret:acme/web:GITHUB_TOKEN@ci.yml/build", "identity:github-token:acme/web/ci.yml/build"],
      ["CAN_ACCESS", "identity:github-token:acme/web/ci.yml/build", "system:github:acme", { privilege: "write" }],
      ["CAN_PUBLISH", "identity:npm-bot", "pkg:npm/web-lib"],
    ],
  );
  const answer = blastRadius(graph, { refs: ["pkg:npm/evil@1.0.0"], advisories: [], maxHops: null, exposures: [], whatIf: [], timings: [] });
  if (!answer.ok) throw new Error(answer.errors.map((error) => error.message).join("; "));
  return answer.result;
}

const context = { publishers: [], longLivedCredentialJobs: [] };

function incidentOf(radius: TRadiusResult, rotations: TIncident["rotations"] = [], checklist = generateChecklist(radius, context)): TIncident {
  return {
    id: 7,
    title: "evil@1.0.0",
    sourceRefs: ["pkg:npm/evil@1.0.0"],
    advisoryIds: [],
    windowStart: "2026-01-01T00:00:00.000Z",
    windowEnd: null,
    commander: "ic@example.com",
    severity: "critical",
    status: "open",
    graphVersionAtOpen: 1,
    createdBy: "ic@example.com",
    createdAt: "2026-01-01T00:00:00.000Z",
    updatedAt: "2026-01-01T00:00:00.000Z",
    snapshot: radius,
    checklist,
    rotations,
    events: [],
  };
}

describe("rotation rows with an ephemeral job token", () => {
  const radius = radiusWithJobToken();
  const review = radius.rotationPlan.find((row) => row.action === "review");
  const rotate = radius.rotationPlan.find((row) => row.action === "rotate");

  it("the engine's plan has a review row for the GITHUB_TOKEN, last, and one rotate row for the npm token's copies", () => {
    expect(review?.key).toContain("GITHUB_TOKEN");
    expect(radius.rotationPlan.at(-1)?.action).toBe("review");
    expect(rotate?.identities.map((identity) => identity.key)).toEqual(["identity:npm-bot"]);
  });

  it("the checklist asks to review what the job token did during the window, not to rotate it", () => {
    const items = generateChecklist(radius, context).filter((item) => item.category === "rotation");
    const reviewItem = items.find((item) => item.refs[0] === review!.key)!;
    expect(reviewItem.id).toBe(`review:${review!.key}`);
    expect(reviewItem.text).toMatch(/^\d+\. Review what .*GITHUB_TOKEN.* did during the window — it expired at job end, so there is nothing to rotate/);
    expect(reviewItem.text).not.toMatch(/rotate (it|and)|Revoke/);
    const rotateItem = items.find((item) => item.refs[0] === rotate!.key)!;
    expect(rotateItem.id).toBe(`rotate:${rotate!.key}`);
    expect(rotateItem.text).toMatch(/Revoke and rotate/);
    // every copy of the credential is named on its one item
    expect(rotateItem.refs).toEqual(expect.arrayContaining(["identity:npm-bot", ...rotate!.secrets.map((secret) => secret.key)]));
  });

  it("the Markdown report lists each row's action; a ticked review item reads as reviewed", () => {
    const checklist = generateChecklist(radius, context).map((item) =>
      item.id === `review:${review!.key}` ? { ...item, done: true, doneBy: "ic@example.com", doneAt: "2026-01-02T10:00:00.000Z" } : item,
    );
    const markdown = renderIncidentMarkdown(incidentOf(radius, [], checklist), null, new Date("2026-01-03T00:00:00Z"));
    expect(markdown).toContain("| # | Credential | Action | Timing | Reason | Status | By | When | Note |");
    const reviewLine = markdown.split("\n").find((line) => line.includes(`(${review!.key})`))!;
    expect(reviewLine).toContain("| review: expired at job end | now |");
    expect(reviewLine).toContain("| reviewed | ic@example.com | 2026-01-02 10:00 UTC |");
    const rotateLine = markdown.split("\n").find((line) => line.includes(`(${rotate!.key})`))!;
    expect(rotateLine).toContain("| rotate | now |");
    expect(rotateLine).toContain("| pending |");
    expect(markdown).toContain("1 of them are ephemeral job tokens that expired at job end — to review, not rotate (1 reviewed).");
  });

  it("marking a row rotated keys on the row's key, and takes every secret and identity it merges out of the residual", () => {
    const rotation = {
      nodeKey: rotate!.key,
      nodeKind: rotate!.kind,
      nodeName: rotate!.name,
      action: "rotated" as const,
      by: "ic@example.com",
      at: "2026-01-02T00:00:00.000Z",
      note: null,
    };
    const incident = incidentOf(radius, [rotation]);
    const rows = rotationStatus(incident);
    expect(rows.find((row) => row.key === rotate!.key)?.rotation).toEqual(rotation);
    expect(rows.find((row) => row.key === review!.key)).toMatchObject({ action: "review", rotation: null });
    expect(rotatedNodeKeys(incident).sort()).toEqual([...new Set([rotate!.key, ...rotate!.secrets.map((secret) => secret.key), "identity:npm-bot"])].sort());
  });
});
