import { blastRadius } from "@/lib/engine/blast-radius";
import { tinyGraph } from "@/lib/engine/tiny-graph";
import type { TRadiusResult } from "@/lib/schemas/radius";

// One CI job installing a malicious version, holding a publish token and a cloud deploy key.
export function incidentGraph() {
  return tinyGraph(
    [
      ["pkg:npm/evil@1.0.0", { hasInstallScript: true }],
      "pkg:npm/evil",
      ["context:acme/web/ci.yml/build", { repo: "acme/web" }],
      "secret:acme/web:NPM_TOKEN",
      "secret:acme/web:DEPLOY_KEY",
      ["identity:npm-bot", { lifetime: "longLived", identityKind: "registryPublishToken", owner: "release-team" }],
      ["identity:deployer", { lifetime: "longLived", identityKind: "cloudRole", owner: "platform" }],
      ["system:prod-db", { criticality: "critical" }],
      "pkg:npm/web-lib",
    ],
    [
      ["VERSION_OF", "pkg:npm/evil@1.0.0", "pkg:npm/evil"],
      ["INSTALLED_IN", "pkg:npm/evil@1.0.0", "context:acme/web/ci.yml/build"],
      ["EXPOSES", "context:acme/web/ci.yml/build", "secret:acme/web:NPM_TOKEN", { exposure: "install" }],
      ["EXPOSES", "context:acme/web/ci.yml/build", "secret:acme/web:DEPLOY_KEY", { exposure: "job" }],
      ["AUTHENTICATES_AS", "secret:acme/web:NPM_TOKEN", "identity:npm-bot"],
      ["AUTHENTICATES_AS", "secret:acme/web:DEPLOY_KEY", "identity:deployer"],
      ["CAN_ACCESS", "identity:deployer", "system:prod-db", { privilege: "admin" }],
      ["CAN_PUBLISH", "identity:npm-bot", "pkg:npm/web-lib"],
    ],
  );
}

export function radiusOf(graph = incidentGraph()): TRadiusResult {
  const answer = blastRadius(graph, { refs: ["pkg:npm/evil@1.0.0"], advisories: [], maxHops: null, exposures: [], whatIf: [], timings: [] });
  if (!answer.ok) throw new Error(answer.errors.map((error) => error.message).join("; "));
  return answer.result;
}
