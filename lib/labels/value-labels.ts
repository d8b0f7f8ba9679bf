// The words people read for the raw values Blastmap stores: enum values ("shortLived",
// "ciServiceAccount") and attribute names ("hasInstallScript"). Every page labels through here,
// so one value reads the same on the inventory, the entity page, filters and the findings.
// Values the schemas do not enumerate (names, keys, repositories) are never rewritten.

/** Enum values of lib/schemas (graph facts, inventory risk flags, compliance) → words, lower case. */
const VALUE_LABELS: Record<string, string> = {
  // identity kinds (ZIdentityKind)
  registryPublishToken: "registry publish token",
  ciServiceAccount: "CI service account",
  githubApp: "GitHub App",
  githubToken: "GitHub token",
  deployKey: "deploy key",
  cloudRole: "cloud role",
  workloadIdentity: "workload identity",
  signingKey: "signing key",
  apiKey: "API key",
  // lifetimes (ZLifetime)
  longLived: "long-lived",
  shortLived: "short-lived",
  // secret stores (ZSecretStore)
  ciSecret: "CI secret",
  ciVariable: "CI variable",
  envFile: ".env file",
  runnerDisk: "runner disk",
  // contexts, runners, systems
  ciJob: "CI job",
  githubHosted: "GitHub-hosted",
  selfHosted: "self-hosted",
  sourceControl: "source control",
  cloudAccount: "cloud account",
  signingService: "signing service",
  ciPlatform: "CI platform",
  // inventory risk flags (RISK_FLAGS)
  noOwner: "no owner",
  unused90: "unused for 90 days",
  notRotated90: "not rotated for 90 days",
  sharedRunner: "shared runner",
  // compliance (ZControlStatus)
  "not-assessed": "not assessed",
};

/** The words for a stored enum value; any other value as it is. */
export function valueLabel(value: string): string {
  return VALUE_LABELS[value] ?? value;
}

/** Whether `value` is an enum value with words of its own (so a table can show it as a label). */
export const hasValueLabel = (value: string) => value in VALUE_LABELS;

/** Attribute names whose words are not their camelCase split. */
const ATTRIBUTE_LABELS: Record<string, string> = {
  twoFactorEnforced: "Two-factor authentication enforced",
  isHuman: "Is a person",
  humanAccount: "Is a person's account",
  purl: "Package URL",
  repo: "Repository",
  canMintOidc: "Can mint OIDC tokens",
  ignoresScripts: "Ignores install scripts",
  untrustedCode: "Runs untrusted code",
};

// Words that are acronyms or brand names once split from camelCase.
const WORD_FORMS: Record<string, string> = { ci: "CI", id: "ID", ids: "IDs", oidc: "OIDC", url: "URL", github: "GitHub", npm: "npm", sha: "SHA" };

/** "hasInstallScript" → "Has install script", "advisoryIds" → "Advisory IDs". */
export function attributeLabel(name: string): string {
  const known = ATTRIBUTE_LABELS[name];
  if (known) return known;
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .split(/[\s_-]+/)
    .filter(Boolean)
    .map((word) => WORD_FORMS[word.toLowerCase()] ?? word.toLowerCase());
  const sentence = words.join(" ");
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}
