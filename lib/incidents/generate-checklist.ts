import type { TChecklistItem } from "@/lib/schemas/incident";
import type { TRadiusResult, TReachedNode, TRotationItem } from "@/lib/schemas/radius";

// The response checklist an incident starts with, generated from its blast radius. The steps are
// the ones the 2025 npm compromises (chalk/debug, Nx, Shai-Hulud) taught: confirm how the publisher
// was taken over, look for ownership changes, read the malicious diff, rotate in the plan's order,
// fix the CI jobs that held long-lived credentials, and find every machine that ran the code.

export interface ChecklistContext {
  /** publishers that maintain or published the compromised packages */
  publishers: { key: string; name: string }[];
  /** CI jobs in the radius that read long-lived credentials */
  longLivedCredentialJobs: { key: string; name: string }[];
}

const item = (id: string, category: TChecklistItem["category"], text: string, refs: string[]): TChecklistItem => ({
  id,
  category,
  text,
  refs,
  done: false,
  doneBy: null,
  doneAt: null,
});

const names = (nodes: { name: string }[], max = 6) =>
  nodes.length === 0
    ? ""
    : `${nodes
        .slice(0, max)
        .map((node) => node.name)
        .join(", ")}${nodes.length > max ? ` and ${nodes.length - max} more` : ""}`;

export function generateChecklist(radius: TRadiusResult, context: ChecklistContext): TChecklistItem[] {
  // an advisory source stands for its affected versions, which the walk starts from (hops 0)
  const sources = [...new Map([...radius.source.nodes, ...radius.nodes.filter((node) => node.hops === 0)].map((node) => [node.key, node])).values()];
  const versions = sources.filter((node) => node.kind === "packageVersion");
  const packages = [...radius.summary.republishablePackages, ...sources.filter((node) => node.kind === "package")];
  const items: TChecklistItem[] = [];

  items.push(
    item(
      "publisher-account",
      "publisher",
      context.publishers.length
        ? `Verify publisher ownership, 2FA enforcement and recent account-recovery events for ${names(context.publishers)}.`
        : "Verify publisher ownership, 2FA enforcement and recent account-recovery events for the accounts that published the compromised versions.",
      context.publishers.map((publisher) => publisher.key),
    ),
  );
  items.push(
    item(
      "ownership-changes",
      "ownership",
      `Check for unauthorized package ownership changes (maintainers added or removed, transfers)${packages.length ? ` on ${names(packages)}` : ""}.`,
      packages.map((node) => node.key),
    ),
  );
  items.push(
    item(
      "diff-review",
      "diff",
      `Scan the compromised versions' diffs${versions.length ? ` (${names(versions)})` : ""} for secret exfiltration, environment inspection and outbound callbacks (install scripts, obfuscated code, new network endpoints).`,
      versions.map((node) => node.key),
    ),
  );
  for (const rotation of radius.rotationPlan) items.push(rotationItem(rotation));
  if (radius.rotationPlan.length === 0) {
    items.push(item("rotate:none", "rotation", "Confirm that no secret is reachable from the install or build environment (the rotation plan is empty).", []));
  }
  items.push(
    item(
      "ci-long-lived",
      "ci",
      context.longLivedCredentialJobs.length
        ? `Review CI jobs that used long-lived credentials instead of short-lived workload identity: ${names(context.longLivedCredentialJobs)}.`
        : "Review CI jobs in the radius for long-lived credentials that short-lived workload identity (OIDC) could replace.",
      context.longLivedCredentialJobs.map((job) => job.key),
    ),
  );
  const executed = executors(radius);
  items.push(
    item(
      "observers",
      "observers",
      executed.length
        ? `List which non-human identities observed, downloaded or executed the artifact: check the logs of ${names(executed, 8)} and the identities whose secrets they hold.`
        : "List which non-human identities observed, downloaded or executed the artifact (CI jobs, workstations, mirrors).",
      executed.map((node) => node.key),
    ),
  );
  return items;
}

/** The checklist id of a rotation-plan row: `rotate:<key>` (ticked by marking it rotated), `review:<key>` for a job token. */
export const rotationItemId = (row: Pick<TRotationItem, "key" | "action">): string => `${row.action === "review" ? "review" : "rotate"}:${row.key}`;

/**
 * One item per rotation-plan row. A long-lived credential is revoked and rotated, every copy of
 * it at once; an ephemeral job token (GITHUB_TOKEN, an OIDC token) expired when its job ended,
 * so there is nothing to rotate: what it did during the window is what needs reading.
 */
function rotationItem(row: TRotationItem): TChecklistItem {
  const others = [...row.secrets, ...row.identities].filter((member) => member.key !== row.key);
  const refs = [row.key, ...others.map((member) => member.key)];
  const owner = row.owner ? `; owner ${row.owner}` : "";
  const nextResolve = row.timing === "next-resolve";
  if (row.action === "review") {
    return item(
      rotationItemId(row),
      "rotation",
      `${row.rank}. Review what ${row.name} (${row.key}) did during the window — it expired at job end, so there is nothing to rotate: read the run's logs and the audit log of what it could reach${owner}.${nextResolve ? " It is reached only on the next resolve: there is something to review only if a run resolved the bad version during the window." : ""}`,
      refs,
    );
  }
  const copies = others.length ? `, with ${names(others)},` : "";
  const replacement = row.shortLivedReplacement ? ` Replace it with ${row.shortLivedReplacement}.` : "";
  return item(
    rotationItemId(row),
    "rotation",
    `${row.rank}. ${row.kind === "identity" && row.secrets.length === 0 ? "Revoke" : "Revoke and rotate"} ${row.name} (${row.key})${copies} — ${row.reason}${owner}.${replacement}${nextResolve ? " Rotate it before the next install resolves the bad version." : ""}`,
    refs,
  );
}

/** Contexts that installed the compromised code directly (first step INSTALLED_IN), and identities reached from them. */
function executors(radius: TRadiusResult): TReachedNode[] {
  return radius.nodes.filter(
    (node) =>
      (node.kind === "context" && node.path[0]?.kind === "INSTALLED_IN" && node.generation === 0) ||
      (node.kind === "identity" && node.generation === 0 && node.hops <= 3),
  );
}
