import { PackageURL } from "packageurl-js";

// Node keys double as the references users type (`blastmap radius <ref>`), so every importer and
// the engine's ref resolver build them here and nowhere else.

export const packageKey = (ecosystem: string, name: string): string => purlOf(ecosystem, name, undefined);

export const packageVersionKey = (ecosystem: string, name: string, version: string): string => purlOf(ecosystem, name, version);

// Every lockfile of an organisation names mostly the same few thousand versions, and building a
// PackageURL (validation, percent-encoding) was a tenth of parsing one. The last purls built are
// kept, by ecosystem, name and version (nested maps: no key to build per lookup); the memo is
// emptied when full, so a long-running server does not grow it without end.
const MAX_KEPT_PURLS = 50_000;
let keptPurls = new Map<string, Map<string, { purl?: string; versions: Map<string, string> }>>();
let keptCount = 0;

function purlOf(ecosystem: string, name: string, version: string | undefined): string {
  let names = keptPurls.get(ecosystem);
  let kept = names?.get(name);
  const found = version === undefined ? kept?.purl : kept?.versions.get(version);
  if (found !== undefined) return found;
  const purl = new PackageURL(ecosystem, namespaceOf(name), baseName(name), version, undefined, undefined).toString();
  if (keptCount >= MAX_KEPT_PURLS) {
    keptPurls = new Map();
    keptCount = 0;
    names = kept = undefined;
  }
  if (!names) keptPurls.set(ecosystem, (names = new Map()));
  if (!kept) names.set(name, (kept = { versions: new Map() }));
  if (version === undefined) kept.purl = purl;
  else kept.versions.set(version, purl);
  keptCount += 1;
  return purl;
}

/** Splits pkg:npm/%40nx/devkit@21.5.0 into ecosystem, name (@nx/devkit) and version; null if not a purl. */
export function parsePackageRef(ref: string): { ecosystem: string; name: string; version: string | null } | null {
  try {
    const purl = PackageURL.fromString(ref);
    const name = purl.namespace ? `${purl.namespace}/${purl.name}` : purl.name;
    return { ecosystem: purl.type, name, version: purl.version ?? null };
  } catch {
    return null;
  }
}

export const publisherKey = (ecosystem: string, handle: string) => `publisher:${ecosystem}/${handle}`;
export const identityKey = (name: string) => `identity:${name}`;
/** A repository's CI secret is secret:<owner/repo>:<NAME>; any other secret is secret:<name>. */
export const secretKey = (repo: string | null | undefined, name: string) => (repo ? `secret:${repo}:${name}` : `secret:${name}`);
/** A CI job: context:<owner/repo>/<workflow file name>/<job id>. */
export const contextKey = (repo: string, workflowFile: string, job: string) => `context:${repo}/${workflowFile}/${job}`;
export const workstationKey = (name: string) => `context:workstation/${name}`;
export const runnerKey = (name: string) => `runner:${name}`;
export const systemKey = (name: string) => `system:${name}`;
export const actionKey = (slug: string) => `action:${slug}`;
export const advisoryKey = (id: string) => `advisory:${id}`;

// npm scopes are the purl namespace: @nx/devkit -> namespace "@nx", name "devkit".
function namespaceOf(name: string): string | undefined {
  const slash = name.lastIndexOf("/");
  return slash > 0 ? name.slice(0, slash) : undefined;
}
function baseName(name: string): string {
  const slash = name.lastIndexOf("/");
  return slash > 0 ? name.slice(slash + 1) : name;
}

/** The application an SBOM describes, as the context its components run in. */
export const applicationContextKey = (name: string) => `context:application/${name}`;
