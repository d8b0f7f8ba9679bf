import type { TNodeKind } from "@/lib/schemas/graph-facts";
import type { TReachedNode } from "@/lib/schemas/radius";
import { repositoryOfKey } from "./repository-of-key";

// What a big band of the blast-radius picture is grouped by (issue 14): nodes that share a
// repository or an owner are the ones an incident commander acts on together ("rotate acme/web-app's
// secrets", "call team-payments"), so beyond a few hundred nodes a band folds them into one counted
// node per repository or owner, not per kind alone. Some nodes are never folded: every critical
// system and every publish right is what the incident is about, and hiding one in "140 systems"
// would hide the answer. Only a radius with more of them than the picture holds (a worm that can
// republish thousands of packages) counts the rest apart: "1,200 packages the attacker can publish".

export type TGroupedNode = Pick<TReachedNode, "kind" | "key"> & Partial<Pick<TReachedNode, "owner" | "criticality">>;

/** What the members of a group share beyond their kind: a repository, an owner, or what they give the attacker. */
export interface TPictureGroup {
  by: "repository" | "owner" | "role";
  name: string;
}

/**
 * The repository of a job, a repository secret or a job's workflow token (read from its key);
 * else the owner the inventory names; else nothing, and the node goes with the rest of its kind.
 */
export function pictureGroupOf(node: TGroupedNode): TPictureGroup | null {
  const repository = repositoryOfKey(node.key);
  if (repository) return { by: "repository", name: repository };
  return node.owner ? { by: "owner", name: node.owner } : null;
}

/** A critical system, or a package the attacker can publish: drawn one by one whatever the radius. */
export function staysDrawn(node: TGroupedNode, isSource: boolean): boolean {
  return importantRole(node, isSource) !== null;
}

/** The group of the nodes that stay drawn, for the rare radius with more of them than the picture holds. */
export function importantRole(node: TGroupedNode, isSource: boolean): TPictureGroup | null {
  if (isSource) return null;
  if (node.kind === "package") return { by: "role", name: "publish" };
  return node.kind === "system" && node.criticality === "critical" ? { by: "role", name: "critical" } : null;
}

const GROUP_PLURALS: Partial<Record<TNodeKind, Partial<Record<TPictureGroup["by"], string>>>> = {
  // a context with a repository in its key is a job of one of that repository's workflows
  context: { repository: "CI jobs" },
  // an identity with a repository in its key is a job's own GITHUB_TOKEN
  identity: { repository: "workflow tokens" },
  package: { role: "packages the attacker can publish" },
  system: { role: "critical systems" },
};

/** "CI jobs", "identities": the plural a group of this kind is counted in. */
export function groupPlural(kind: TNodeKind, group: TPictureGroup | null, kindPlural: string): string {
  return (group && GROUP_PLURALS[kind]?.[group.by]) ?? kindPlural;
}

/** " in acme/web-app", " owned by team-payments", or nothing. */
export function groupWords(group: TPictureGroup | null): string {
  if (!group || group.by === "role") return "";
  return group.by === "repository" ? ` in ${group.name}` : ` owned by ${group.name}`;
}
