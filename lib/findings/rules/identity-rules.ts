import type { TFinding } from "@/lib/schemas/findings";
import type { PostureNode } from "../posture-snapshot";
import { contextsExposing, daysBetween, identitiesOf, makeFinding, plural, quote, secretsOf, STALE_AFTER_DAYS } from "../rule-helpers";
import type { PostureRule } from "./posture-rule";

// Rules about identities' ownership, use and privilege, and about the publishers we depend on.
// Sources: OWASP NHI Top 10 (2025) NHI1 Improper Offboarding, NHI3, NHI4, NHI5, NHI9; the
// account takeovers behind the eslint-config-prettier (2025) and chalk/debug (2025) compromises.

export const publisherAccountRisk: PostureRule = {
  id: "BM-NHI-004",
  title: "Publisher account without 2FA or with a recent recovery or ownership change",
  severity: "high",
  description:
    "A registry account that publishes packages we install has no enforced two-factor authentication, or recently went through account recovery or an ownership change — the signs of the phishing takeovers that published malicious chalk, debug and eslint-config-prettier versions.",
  remediation:
    "Ask the maintainer to enforce 2FA (phishing-resistant, WebAuthn) for publishing; review versions published since the recovery or ownership change, and pin to known-good versions until they are verified.",
  evaluate(index, now) {
    const findings: TFinding[] = [];
    for (const publisher of index.nodesOf("publisher")) {
      const detail = publisher.publisher;
      if (!detail) continue;
      const reasons: string[] = [];
      if (detail.twoFactorEnforced === false) reasons.push("does not enforce two-factor authentication");
      const recent = (date: Date | null) => date !== null && daysBetween(date, now) <= STALE_AFTER_DAYS && date.getTime() <= now.getTime();
      if (recent(detail.lastAccountRecoveryAt)) reasons.push(`went through account recovery on ${detail.lastAccountRecoveryAt!.toISOString().slice(0, 10)}`);
      if (recent(detail.lastOwnershipChangeAt)) reasons.push(`changed package ownership on ${detail.lastOwnershipChangeAt!.toISOString().slice(0, 10)}`);
      if (reasons.length === 0) continue;
      const packages = index.out(publisher.id, "MAINTAINS").map((edge) => index.node(edge.toId));
      findings.push(
        makeFinding(this, {
          reason: `Publisher ${quote(publisher)} ${reasons.join(" and ")}${packages.length ? `; it maintains ${packages.slice(0, 5).map(quote).join(", ")}${packages.length > 5 ? ` and ${packages.length - 5} more` : ""}` : ""}.`,
          entities: [publisher, ...packages],
          worst: publisher,
        }),
      );
    }
    return findings;
  },
};

export const identityWithoutOwner: PostureRule = {
  id: "BM-NHI-005",
  title: "Non-human identity without an owner",
  severity: "medium",
  description: "Nobody is recorded as responsible for this identity: nobody will rotate it, review its rights or remove it when its purpose ends.",
  remediation: "Assign an owning team (in the inventory file's owner field), or revoke the identity if nobody claims it.",
  evaluate(index) {
    return (
      index
        .nodesOf("identity")
        // GITHUB_TOKEN is minted per job by the platform and dies with it: there is nothing to own.
        .filter((identity) => identity.identity && identity.identity.identityKind !== "githubToken" && !identity.identity.owner?.trim())
        .map((identity) =>
          makeFinding(this, {
            reason: `${quote(identity)} (${identity.identity!.identityKind}) has no recorded owner.`,
            entities: [identity],
            worst: identity,
          }),
        )
    );
  },
};

export const identityUnused: PostureRule = {
  id: "BM-NHI-006",
  title: `Non-human identity unused for ${STALE_AFTER_DAYS} days`,
  severity: "low",
  description: `The identity has not been used for more than ${STALE_AFTER_DAYS} days. Unused credentials keep their rights, are rarely watched, and are a favourite of attackers.`,
  remediation: "Confirm with the owner and revoke it; if it is needed only occasionally, issue it on demand with an expiry.",
  evaluate(index, now) {
    const findings: TFinding[] = [];
    for (const identity of index.nodesOf("identity")) {
      const lastUsedAt = identity.identity?.lastUsedAt;
      if (!lastUsedAt) continue; // never reported: unknown, not guessed
      const idle = daysBetween(lastUsedAt, now);
      if (idle <= STALE_AFTER_DAYS) continue;
      findings.push(
        makeFinding(this, {
          reason: `${quote(identity)} was last used ${idle} days ago (${lastUsedAt.toISOString().slice(0, 10)}).`,
          entities: [identity, ...secretsOf(index, identity)],
          worst: identity,
        }),
      );
    }
    return findings;
  },
};

// Scopes that grant everything or administration; jobs that build, test, publish or deploy need neither.
const BROAD_SCOPE = /^(\*|.*:\*|admin|.*admin.*|all|owner|root|delete.*|.*:delete|write:org|repo)$/i;

export const overprivilegedIdentity: PostureRule = {
  id: "BM-NHI-008",
  title: "Identity with broader privilege than its jobs use",
  severity: "medium",
  description:
    "An identity used by CI jobs holds administrative or wildcard rights. Build, test, publish and deploy jobs need at most write access to the systems they change; the rest only widens the blast radius when the job is compromised.",
  remediation:
    "Replace it with an identity scoped to what the jobs do (write on the target repository or registry package, a deploy role limited to one environment), and drop admin and wildcard scopes.",
  evaluate(index) {
    const findings: TFinding[] = [];
    for (const identity of index.nodesOf("identity")) {
      const jobs = new Map<number, PostureNode>();
      for (const secret of secretsOf(index, identity)) {
        for (const { context } of contextsExposing(index, secret)) if (context.context?.contextKind === "ciJob") jobs.set(context.id, context);
      }
      if (jobs.size === 0) continue;
      const adminOn = index
        .out(identity.id, "CAN_ACCESS")
        .filter((edge) => edge.privilege === "admin")
        .map((edge) => index.node(edge.toId));
      const broadScopes = (identity.identity?.scopes ?? []).filter((scope) => BROAD_SCOPE.test(scope));
      if (adminOn.length === 0 && broadScopes.length === 0) continue;
      const grants = [
        ...(adminOn.length ? [`admin on ${adminOn.map(quote).join(", ")}`] : []),
        ...(broadScopes.length ? [`the scopes ${broadScopes.join(", ")}`] : []),
      ].join(" and ");
      findings.push(
        makeFinding(this, {
          reason: `${quote(identity)} holds ${grants}, but it is used only by ${plural(jobs.size, "CI job")} (${[...jobs.values()].slice(0, 3).map(quote).join(", ")}), which need at most write access.`,
          entities: [identity, ...adminOn, ...jobs.values()],
          worst: identity,
        }),
      );
    }
    return findings;
  },
};

export const secretReuse: PostureRule = {
  id: "BM-NHI-009",
  title: "The same secret used in several contexts",
  severity: "medium",
  description:
    "One credential is copied to several places (the same value in several stores, one identity behind several secrets, or one secret read by jobs of several repositories). A leak in any of them compromises all, and rotating it means finding every copy.",
  remediation:
    "Issue a separate credential per repository or purpose, each with only the rights that context needs, so one can be revoked without breaking the others.",
  evaluate(index) {
    const findings: TFinding[] = [];
    const seen = new Set<string>();
    const add = (entities: PostureNode[], reason: string, worst: PostureNode) => {
      const finding = makeFinding(this, { reason, entities, worst });
      if (seen.has(finding.id)) return;
      seen.add(finding.id);
      findings.push(finding);
    };
    const byFingerprint = new Map<string, PostureNode[]>();
    for (const secret of index.nodesOf("secret")) {
      const fingerprint = secret.secret?.fingerprint;
      if (fingerprint) byFingerprint.set(fingerprint, [...(byFingerprint.get(fingerprint) ?? []), secret]);
    }
    for (const copies of byFingerprint.values()) {
      if (copies.length < 2) continue;
      add(copies, `${plural(copies.length, "secret")} hold the same value (same fingerprint): ${copies.map(quote).join(", ")}.`, copies[0]);
    }
    for (const identity of index.nodesOf("identity")) {
      const copies = secretsOf(index, identity);
      if (copies.length < 2) continue;
      add([identity, ...copies], `${quote(identity)} is stored as ${plural(copies.length, "secret")}: ${copies.map(quote).join(", ")}.`, identity);
    }
    for (const secret of index.nodesOf("secret")) {
      const uses = contextsExposing(index, secret).map(({ context }) => context);
      const repos = new Set(uses.map((context) => context.context?.repo).filter((repo): repo is string => Boolean(repo)));
      if (repos.size < 2) continue;
      add(
        [secret, ...uses, ...identitiesOf(index, secret)],
        `${quote(secret)} is read by jobs in ${repos.size} repositories: ${[...repos].sort().join(", ")}.`,
        secret,
      );
    }
    return findings;
  },
};
