import type { TFinding } from "@/lib/schemas/findings";
import {
  contextLocation,
  contextsExposing,
  daysBetween,
  edgeLine,
  identitiesOf,
  isCiJob,
  isCloudIdentity,
  isLongLived,
  isPublishIdentity,
  makeFinding,
  plural,
  quote,
  secretsOf,
  STALE_AFTER_DAYS,
} from "../rule-helpers";
import type { PostureRule } from "./posture-rule";

// Rules about how credentials are issued and used. Sources: OWASP NHI Top 10 (2025) NHI7 Long-Lived
// Secrets; the npm and PyPI trusted-publishing guidance that motivated it; GitHub's OIDC hardening guide.

export const longLivedPublishTokenInCi: PostureRule = {
  id: "BM-NHI-001",
  title: "Long-lived publish token used in CI",
  severity: "critical",
  description:
    "A registry token that can publish packages, with no expiry, is readable by a CI job. Whoever runs code in that job (a compromised dependency, a poisoned action) can publish new versions until someone revokes the token — the path of the Shai-Hulud and Nx worms.",
  remediation:
    "Publish through OIDC trusted publishing (npm, PyPI) so no stored token is needed; until then use a granular token that expires, is limited to the packages this job publishes, and is only available in a protected release environment.",
  evaluate(index) {
    const findings: TFinding[] = [];
    for (const identity of index.nodesOf("identity")) {
      if (!isLongLived(identity) || !isPublishIdentity(index, identity)) continue;
      const packages = index.out(identity.id, "CAN_PUBLISH").length;
      for (const secret of secretsOf(index, identity)) {
        for (const { context, edge } of contextsExposing(index, secret)) {
          if (!isCiJob(context)) continue;
          findings.push(
            makeFinding(this, {
              reason: `${quote(identity)} is a long-lived publish token${packages ? ` that can publish ${plural(packages, "package")}` : ""}; its secret ${quote(secret)} is readable in CI job ${quote(context)}, so any code running there can publish until the token is revoked.`,
              entities: [identity, secret, context],
              location: contextLocation(context, edgeLine(edge)),
              worst: identity,
            }),
          );
        }
      }
    }
    return findings;
  },
};

export const secretNotRotated: PostureRule = {
  id: "BM-NHI-007",
  title: `Secret not rotated for ${STALE_AFTER_DAYS} days`,
  severity: "medium",
  description: `A stored secret whose value has not changed for more than ${STALE_AFTER_DAYS} days: any copy leaked since then (logs, caches, a laptop, a past compromise) still works.`,
  remediation: "Rotate the secret now and on a schedule (or replace it with a short-lived credential); record the rotation date so Blastmap can track it.",
  evaluate(index, now) {
    const findings: TFinding[] = [];
    for (const secret of index.nodesOf("secret")) {
      const detail = secret.secret;
      const since = detail?.lastRotatedAt ?? detail?.createdAt ?? null;
      if (!since) continue; // unknown age: not guessed
      const age = daysBetween(since, now);
      if (age <= STALE_AFTER_DAYS) continue;
      findings.push(
        makeFinding(this, {
          reason: `${quote(secret)} was last ${detail?.lastRotatedAt ? "rotated" : "created"} ${age} days ago (${since.toISOString().slice(0, 10)}), more than ${STALE_AFTER_DAYS} days.`,
          entities: [secret, ...identitiesOf(index, secret)],
          worst: secret,
        }),
      );
    }
    return findings;
  },
};

export const longLivedCloudKeyDespiteOidc: PostureRule = {
  id: "BM-NHI-011",
  title: "Long-lived cloud key used where OIDC is available",
  severity: "high",
  description:
    "The job can mint an OIDC token (id-token: write) and so could assume a cloud role for minutes, yet it reads a long-lived cloud access key. The stored key works from anywhere, for as long as it exists.",
  remediation:
    "Configure the cloud provider to trust the CI's OIDC issuer for this repository and job (aws-actions/configure-aws-credentials with role-to-assume, google-github-actions/auth with workload identity federation), then delete the stored key.",
  evaluate(index) {
    const findings: TFinding[] = [];
    for (const context of index.nodesOf("context")) {
      if (!context.context?.canMintOidc) continue;
      for (const edge of index.out(context.id, "EXPOSES")) {
        const secret = index.node(edge.toId);
        for (const identity of identitiesOf(index, secret)) {
          if (!isLongLived(identity) || !isCloudIdentity(index, identity)) continue;
          findings.push(
            makeFinding(this, {
              reason: `CI job ${quote(context)} can mint OIDC tokens (id-token: write) but reads the long-lived cloud key ${quote(secret)} of ${quote(identity)}.`,
              entities: [context, secret, identity],
              location: contextLocation(context, edgeLine(edge)),
              worst: identity,
            }),
          );
        }
      }
    }
    return findings;
  },
};

export const humanTokenUsedByAutomation: PostureRule = {
  id: "BM-NHI-012",
  title: "A person's token used by automation",
  severity: "high",
  description:
    "Automation authenticates with a credential that belongs to a person (a maintainer's personal npm or GitHub token). It carries all of that person's rights, survives no offboarding, and blurs who did what in the audit trail.",
  remediation:
    "Replace it with a machine identity scoped to the job (a GitHub App installation token, a granular automation token, OIDC trusted publishing) owned by a team; then revoke the personal token.",
  evaluate(index) {
    const findings: TFinding[] = [];
    for (const identity of index.nodesOf("identity")) {
      if (!identity.identity?.humanAccount) continue;
      const uses = secretsOf(index, identity).flatMap((secret) =>
        contextsExposing(index, secret)
          .filter(({ context }) => isCiJob(context))
          .map((use) => ({ ...use, secret })),
      );
      for (const { context, edge, secret } of uses) {
        findings.push(
          makeFinding(this, {
            reason: `${quote(identity)} is a personal credential${identity.identity.owner ? ` of ${identity.identity.owner}` : ""}, yet CI job ${quote(context)} reads it through ${quote(secret)}.`,
            entities: [identity, secret, context],
            location: contextLocation(context, edgeLine(edge)),
            worst: identity,
          }),
        );
      }
      for (const edge of index.out(identity.id, "TRIGGERS")) {
        const context = index.node(edge.toId);
        if (!isCiJob(context)) continue;
        findings.push(
          makeFinding(this, {
            reason: `${quote(identity)} is a personal credential, yet automation uses it to start CI job ${quote(context)}.`,
            entities: [identity, context],
            location: contextLocation(context, null),
            worst: identity,
          }),
        );
      }
    }
    return findings;
  },
};
