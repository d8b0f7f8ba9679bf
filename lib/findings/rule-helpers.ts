import type { PostureRule } from "./rules/posture-rule";
import type { TFinding, TFindingEntity, TFindingLocation } from "@/lib/schemas/findings";
import type { PostureEdge, PostureIndex, PostureNode } from "./posture-snapshot";

// Small graph questions several rules ask. Pure, over a PostureIndex.

export const DAY_MS = 86_400_000;
/** The age beyond which a credential counts as stale or unrotated (the 90 days). */
export const STALE_AFTER_DAYS = 90;

export const entityOf = (node: PostureNode): TFindingEntity => ({ id: node.id, key: node.key, kind: node.kind, name: node.name });

export function daysBetween(earlier: Date, later: Date): number {
  return Math.floor((later.getTime() - earlier.getTime()) / DAY_MS);
}

export function edgeLine(edge: PostureEdge | null | undefined): number | null {
  const line = edge?.attributes.line;
  return typeof line === "number" && Number.isInteger(line) && line > 0 ? line : null;
}

/** A workflow location for a CI job, at a given line (or the job's own line). */
export function contextLocation(context: PostureNode, line: number | null): TFindingLocation | null {
  const detail = context.context;
  if (!detail?.file) return null;
  return { repo: detail.repo, file: detail.file, line: line ?? detail.line };
}

export const secretsOf = (index: PostureIndex, identity: PostureNode) =>
  index
    .in(identity.id, "AUTHENTICATES_AS")
    .map((edge) => index.node(edge.fromId))
    .filter((node) => node.kind === "secret");

export const identitiesOf = (index: PostureIndex, secret: PostureNode) =>
  index
    .out(secret.id, "AUTHENTICATES_AS")
    .map((edge) => index.node(edge.toId))
    .filter((node) => node.kind === "identity");

/** CI jobs and workstations where the secret is readable, with the EXPOSES edge (exposure, line). */
export const contextsExposing = (index: PostureIndex, secret: PostureNode) =>
  index
    .in(secret.id, "EXPOSES")
    .map((edge) => ({ context: index.node(edge.fromId), edge }))
    .filter(({ context }) => context.kind === "context");

export const isCiJob = (node: PostureNode) => node.context?.contextKind === "ciJob";

/** A token that carries publish rights: a registry publish token, or anything that can publish or acts as a registry account. */
export function isPublishIdentity(index: PostureIndex, identity: PostureNode): boolean {
  return (
    identity.identity?.identityKind === "registryPublishToken" ||
    index.out(identity.id, "CAN_PUBLISH").length > 0 ||
    index.out(identity.id, "ACTS_AS").length > 0
  );
}

/** A cloud credential: a cloud role, or an identity with access to a cloud account. */
export function isCloudIdentity(index: PostureIndex, identity: PostureNode): boolean {
  if (identity.identity?.identityKind === "cloudRole") return true;
  return index.out(identity.id, "CAN_ACCESS").some((edge) => index.node(edge.toId).system?.systemKind === "cloudAccount");
}

export const isLongLived = (identity: PostureNode) => identity.identity?.lifetime === "longLived";

/** A finding of `rule`: its id, severity, title and remediation come from the rule itself. */
export function makeFinding(
  rule: Pick<PostureRule, "id" | "severity" | "title" | "remediation">,
  details: { reason: string; entities: PostureNode[]; location?: TFindingLocation | null; worst: PostureNode },
): TFinding {
  const unique = [...new Map(details.entities.map((node) => [node.id, node])).values()];
  return {
    id: `${rule.id}:${unique.map((node) => node.key).join("|")}`,
    ruleId: rule.id,
    severity: rule.severity,
    title: rule.title,
    reason: details.reason,
    remediation: rule.remediation,
    entities: unique.map(entityOf),
    location: details.location ?? null,
    worstEntityRef: details.worst.key,
  };
}

export const quote = (node: PostureNode) => `"${node.name}"`;
export const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;
