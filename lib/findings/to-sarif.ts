import type { TFinding, TFindingRule, TFindingsReport, TSeverity } from "@/lib/schemas/findings";

// SARIF 2.1.0 (OASIS) so code-scanning tools (GitHub code scanning, IDE viewers) show findings on
// the workflow file and line they concern. GitHub's ingestion refuses a result without a location
// and a rule without fullDescription and help (the SARIF Multitool's GitHub rules, run by
// to-sarif.integration.test.ts), so every result gets a location: the workflow line when the rule
// knows it, else the file the entity was declared in (an inventory, a lockfile), else a stable
// pseudo-path naming the entity, so an alert stays the same alert across runs.
export const SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
const LEVEL: Record<TSeverity, "error" | "warning" | "note"> = { critical: "error", high: "error", medium: "warning", low: "note" };
// GitHub code scanning reads security-severity (0–10) to rank security alerts: 9.0+ critical,
// 7.0–8.9 high, 4.0–6.9 medium, 0.1–3.9 low.
const SECURITY_SEVERITY: Record<TSeverity, string> = { critical: "9.5", high: "8.0", medium: "5.5", low: "3.0" };

export interface SarifOptions {
  /** only findings of this repository (owner/name), or without a repository; SARIF uploads are per repository */
  repo?: string | null;
  toolVersion?: string;
  /** where each rule is documented, `${helpBaseUrl}#bm-nhi-001`; without it rules carry no helpUri (no page is invented) */
  helpBaseUrl?: string;
  /** the file each entity was declared in (entity id → path), for findings the rules place on no workflow line */
  sourceFiles?: ReadonlyMap<number, string>;
}

/** "packageVersion" → "package-version" */
const kebab = (text: string) => text.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();

/** A path segment from an entity key: "pkg:npm/@acme/ui@1.2.0" → "pkg-npm-acme-ui-1.2.0". */
export function keySlug(key: string): string {
  return (
    key
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, "-")
      .replace(/^[-.]+|-+$/g, "") || "entity"
  );
}

/** Where GitHub shows an entity no workflow line stands for: blastmap/entities/<kind>/<key-slug>. */
export const entityPseudoPath = (entity: { kind: string; key: string }) => `blastmap/entities/${kebab(entity.kind)}/${keySlug(entity.key)}`;

function resultLocation(finding: TFinding, sourceFiles: ReadonlyMap<number, string> | undefined) {
  if (finding.location) {
    return {
      physicalLocation: {
        artifactLocation: { uri: relativeUri(finding.location.file), uriBaseId: "%SRCROOT%" },
        region: { startLine: finding.location.line ?? 1 },
      },
    };
  }
  const declared = finding.entities.map((entity) => ({ entity, file: sourceFiles?.get(entity.id) })).find((candidate) => candidate.file);
  const entity = declared?.entity ?? finding.entities[0];
  return {
    physicalLocation: {
      artifactLocation: { uri: relativeUri(declared?.file ?? entityPseudoPath(entity)), uriBaseId: "%SRCROOT%" },
      region: { startLine: 1 },
    },
    // what the location stands for, since line 1 of a file (or a pseudo-path) is not the finding itself
    message: { text: `${entity.name} (${entity.key})` },
  };
}

// A URI reference relative to the repository root: no leading "./" or "/", each segment escaped.
const relativeUri = (file: string) =>
  file
    .replace(/^(\.?\/)+/, "")
    .split("/")
    .map((segment) => encodeURIComponent(segment))
    .join("/");

function ruleDescriptor(rule: TFindingRule, helpBaseUrl: string | undefined) {
  const controls = Object.values(rule.controls).flat();
  return {
    id: rule.id,
    name: rule.title
      .replace(/[^A-Za-z0-9]+/g, " ")
      .trim()
      .replace(/ (\w)/g, (_, c: string) => c.toUpperCase())
      .replace(/^\w/, (c) => c.toUpperCase()),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.description },
    help: {
      text: `${rule.description}\n\nRemediation: ${rule.remediation}${controls.length ? `\n\nFramework controls: ${controls.join(", ")}` : ""}`,
      markdown: `${rule.description}\n\n**Remediation:** ${rule.remediation}${controls.length ? `\n\n**Framework controls:** ${controls.join(", ")}` : ""}`,
    },
    ...(helpBaseUrl ? { helpUri: `${helpBaseUrl}#${rule.id.toLowerCase()}` } : {}),
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: {
      tags: ["security", "non-human-identity", "supply-chain", ...controls],
      "security-severity": SECURITY_SEVERITY[rule.severity],
      "problem.severity": LEVEL[rule.severity] === "note" ? "recommendation" : LEVEL[rule.severity],
      precision: "high",
    },
  };
}

export function toSarif(report: TFindingsReport, options: SarifOptions = {}) {
  const findings = options.repo ? report.findings.filter((finding) => !finding.location?.repo || finding.location.repo === options.repo) : report.findings;
  const rules = report.rules.map((rule) => ruleDescriptor(rule, options.helpBaseUrl));
  const ruleIndex = new Map(rules.map((rule, i) => [rule.id, i]));
  const results = findings.map((finding) => ({
    ruleId: finding.ruleId,
    ruleIndex: ruleIndex.get(finding.ruleId) ?? -1,
    level: LEVEL[finding.severity],
    message: { text: `${finding.reason} ${finding.remediation}` },
    locations: [resultLocation(finding, options.sourceFiles)],
    partialFingerprints: { "blastmapFindingId/v1": finding.id },
    properties: {
      severity: finding.severity,
      entities: finding.entities.map((entity) => entity.key),
      repository: finding.location?.repo ?? null,
      worstEntityRef: finding.worstEntityRef,
    },
  }));
  return {
    $schema: SARIF_SCHEMA,
    version: "2.1.0" as const,
    runs: [
      {
        tool: { driver: { name: "Blastmap", version: options.toolVersion ?? "0.1.0", rules } },
        automationDetails: { id: `blastmap/findings/${options.repo ?? "all"}/` },
        results,
        properties: { evaluatedAt: report.evaluatedAt, graphVersion: report.graphVersion },
      },
    ],
  };
}
