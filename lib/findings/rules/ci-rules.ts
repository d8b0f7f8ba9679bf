import type { TFinding } from "@/lib/schemas/findings";
import type { PostureNode } from "../posture-snapshot";
import { contextLocation, edgeLine, identitiesOf, isCloudIdentity, isPublishIdentity, makeFinding, plural, quote } from "../rule-helpers";
import type { PostureRule } from "./posture-rule";

// Rules about where CI code runs and what it can read. Sources: OWASP NHI Top 10 (2025) NHI8
// Environment Isolation and NHI3 Vulnerable Third-Party NHI; GitHub's "Security hardening for
// GitHub Actions" (pin actions to a full-length commit SHA; self-hosted runners are not ephemeral).

export const secretInInstallStep: PostureRule = {
  id: "BM-NHI-002",
  title: "Secret in scope of a dependency install step",
  severity: "high",
  description:
    "A secret is in the environment of a step that installs dependencies with lifecycle scripts enabled. Every install script of every dependency reads it directly — how malicious versions of chalk/debug, Nx and the Shai-Hulud worm harvested tokens.",
  remediation:
    "Pass the secret only to the step that needs it (step-level env, not job or workflow env), install with --ignore-scripts (or npm ci --ignore-scripts, pnpm's onlyBuiltDependencies allow-list), and split install and publish into separate jobs.",
  evaluate(index) {
    const findings: TFinding[] = [];
    for (const context of index.nodesOf("context")) {
      const detail = context.context;
      if (!detail || detail.ignoresScripts) continue;
      const scriptedSteps = detail.installSteps.filter((step) => !step.ignoreScripts);
      for (const edge of index.out(context.id, "EXPOSES")) {
        if (edge.exposure !== "install") continue;
        if (detail.installSteps.length > 0 && scriptedSteps.length === 0) continue;
        const secret = index.node(edge.toId);
        // the install whose step holds the secret; a job-wide secret (or data stored before steps
        // listed their secrets) falls back to the job's first install with scripts on
        const name = secret.secret?.secretName ?? secret.name;
        const step = scriptedSteps.find((candidate) => candidate.secrets?.includes(name)) ?? scriptedSteps[0];
        const where = step
          ? `"${step.command}"${step.step ? ` (step "${step.step}"${step.line !== null ? `, line ${step.line}` : ""})` : ""}`
          : "a dependency install";
        findings.push(
          makeFinding(this, {
            reason: `${quote(secret)} is in the environment of ${where} in ${quote(context)}, so every install script of every dependency can read it.`,
            entities: [secret, context, ...identitiesOf(index, secret)],
            location: contextLocation(context, edgeLine(edge) ?? step?.line ?? null),
            worst: secret,
          }),
        );
      }
    }
    return findings;
  },
};

export const sharedRunnerWithSensitiveCredentials: PostureRule = {
  id: "BM-NHI-003",
  title: "Persistent self-hosted runner shared by jobs holding publish or cloud credentials",
  severity: "critical",
  description:
    "A self-hosted runner that is not wiped between jobs runs several jobs, and some of them hold publish or cloud credentials. Code from any job that runs there can persist on the machine and read the credentials of every later job.",
  remediation:
    "Use ephemeral runners (--ephemeral, or autoscaled just-in-time runners) for jobs with secrets; give jobs holding publish or cloud credentials a dedicated runner group that untrusted workflows cannot target.",
  evaluate(index) {
    const findings: TFinding[] = [];
    for (const runner of index.nodesOf("runner")) {
      const detail = runner.runner;
      if (!detail || detail.hosting !== "selfHosted" || !detail.persistent) continue;
      const jobs = index.in(runner.id, "RUNS_ON").map((edge) => index.node(edge.fromId));
      if (!detail.shared && jobs.length < 2) continue;
      const sensitive = new Map<number, PostureNode>();
      const holders = new Map<number, PostureNode>();
      const readers = [runner, ...jobs];
      for (const reader of readers) {
        for (const edge of index.out(reader.id, "EXPOSES")) {
          const secret = index.node(edge.toId);
          if (identitiesOf(index, secret).some((identity) => isPublishIdentity(index, identity) || isCloudIdentity(index, identity))) {
            sensitive.set(secret.id, secret);
            if (reader.kind === "context") holders.set(reader.id, reader);
          }
        }
      }
      for (const edge of index.out(runner.id, "STORES")) {
        const secret = index.node(edge.toId);
        if (identitiesOf(index, secret).some((identity) => isPublishIdentity(index, identity) || isCloudIdentity(index, identity)))
          sensitive.set(secret.id, secret);
      }
      if (sensitive.size === 0) continue;
      const names = [...sensitive.values()].map(quote).join(", ");
      findings.push(
        makeFinding(this, {
          reason: `Self-hosted runner ${quote(runner)} persists between jobs and runs ${plural(jobs.length, "job")}${detail.shared ? " (shared)" : ""}; ${plural(holders.size, "job")} there hold publish or cloud credentials (${names}), which code from any other job on the runner can read.`,
          entities: [runner, ...holders.values(), ...sensitive.values()],
          worst: runner,
        }),
      );
    }
    return findings;
  },
};

// GitHub maintains actions/* and github/*; pinning them still helps, but the rule is about third parties.
const FIRST_PARTY_ACTION_OWNERS = new Set(["actions", "github"]);
const FULL_SHA = /^[0-9a-f]{40}$/i;

export const unpinnedThirdPartyAction: PostureRule = {
  id: "BM-NHI-010",
  title: "Third-party action not pinned to a commit SHA",
  severity: "medium",
  description:
    "A job runs a third-party action by tag or branch. Whoever controls that repository can move the tag to new code, which then runs with the job's secrets and token — the tj-actions/changed-files compromise (CVE-2025-30066).",
  remediation: "Pin the action to a full 40-character commit SHA (keep the tag as a comment) and let Dependabot or Renovate propose updates.",
  evaluate(index) {
    const findings: TFinding[] = [];
    for (const action of index.nodesOf("action")) {
      const owner = action.action?.owner ?? action.name.split("/")[0];
      if (FIRST_PARTY_ACTION_OWNERS.has(owner.toLowerCase())) continue;
      for (const edge of index.out(action.id, "USED_IN")) {
        const ref = typeof edge.attributes.ref === "string" ? edge.attributes.ref : null;
        const pinned = typeof edge.attributes.pinned === "boolean" ? edge.attributes.pinned : ref ? FULL_SHA.test(ref) : null;
        if (pinned !== false) continue; // pinned, or unknown: not guessed
        const context = index.node(edge.toId);
        const secrets = index.out(context.id, "EXPOSES").length;
        findings.push(
          makeFinding(this, {
            reason: `${quote(context)} runs ${action.action?.slug ?? action.name}@${ref ?? "(unpinned)"}, a movable ${ref && /^v?\d/.test(ref) ? "tag" : "reference"}${secrets ? `, in a job that reads ${plural(secrets, "secret")}` : ""}.`,
            entities: [action, context],
            location: contextLocation(context, edgeLine(edge)),
            worst: action,
          }),
        );
      }
    }
    return findings;
  },
};
