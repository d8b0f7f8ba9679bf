import { mapNpmScope, recentVersions, hasInstallScript } from "@/lib/ingest/connectors/npm/map-npm-scope";
import {
  SLSA_PROVENANCE_PREFIX,
  ZNpmAttestations,
  ZNpmOrgMembers,
  ZNpmOrgTeams,
  ZNpmPackagePermissions,
  ZNpmPackument,
  ZNpmSearchPage,
  ZNpmTeamMembers,
  ZNpmTokenUser,
  type TNpmCollectedVersion,
  type TNpmOrgSnapshot,
  type TNpmPackument,
  type TNpmScopeSnapshot,
} from "@/lib/schemas/connectors/npm";
import type { Connector } from "../connector";
import { ConnectorError } from "../connector-error";
import { registryClient, type RegistryGet } from "./registry-client";

// `blastmap connect npm --scope @acme`: the scope's packages, their maintainers, recent versions
// (publish time, provenance, trusted publishing, install scripts) and, with a token that may read
// them, the organisation's members and teams. Collects only; the caller imports what it returns.

export const NPM_PUBLIC_REGISTRY = "https://registry.npmjs.org";
export const MEMBERS_PERMISSION = "a token with read access to the org's members";

export interface NpmConnectorOptions {
  /** "@acme" (the leading @ may be left out) */
  scope: string;
  registryUrl?: string;
  /** the token itself, read by the caller from the environment; never stored */
  token?: string;
  /** otherwise, the environment variable holding it (NPM_TOKEN unless named) */
  tokenEnv?: string;
  /** where tokenEnv is read from: the process environment unless a test says otherwise */
  env?: Record<string, string | undefined>;
  /** skip the organisation's members and teams (then no token is needed) */
  publicOnly?: boolean;
  /** versions recorded per package, newest first */
  recentVersionCount?: number;
  /** packages per search page */
  pageSize?: number;
  retries?: number;
  maxRetryAfterSeconds?: number;
}

// a few requests at once: a large scope is read in reasonable time without tripping the rate limit
const PARALLEL_REQUESTS = 4;

const PUBLIC = { needs: "no token (a public read)" };
const ORG_READ = { needs: MEMBERS_PERMISSION };
const PRIVATE_PACKAGES = { needs: "a token with read access to the scope's packages" };

/** "@scope/name" as the registry's path segment, as npm-package-arg's escapedName spells it: the slash as %2f. */
export const escapedPackageName = (name: string) => encodeURIComponent(name).replace(/^%40/, "@").replace("%2F", "%2f");

export function normaliseScope(scope: string): string {
  const bare = scope.trim().replace(/^@/, "");
  if (!/^[a-z0-9][a-z0-9._-]*$/i.test(bare)) throw new ConnectorError(`"${scope}" is not an npm scope`, "pass --scope @your-org");
  return `@${bare.toLowerCase()}`;
}

export function npmConnector(options: NpmConnectorOptions): Connector {
  const scope = normaliseScope(options.scope);
  return {
    kind: "npm",
    target: scope,
    async collect(progress) {
      const tokenEnv = options.tokenEnv ?? "NPM_TOKEN";
      const token = options.token ?? ((options.env ?? process.env)[tokenEnv]?.trim() || undefined);
      if (!token && !options.publicOnly) {
        throw new ConnectorError(
          `no npm token: $${tokenEnv} is not set, and reading ${scope}'s members and teams needs ${MEMBERS_PERMISSION}`,
          `export ${tokenEnv} with ${MEMBERS_PERMISSION} (or name another variable with --token-env), or pass --public-only to read public packages only`,
        );
      }
      const { get } = registryClient({
        registryUrl: options.registryUrl ?? NPM_PUBLIC_REGISTRY,
        token,
        retries: options.retries,
        maxRetryAfterSeconds: options.maxRetryAfterSeconds,
        progress,
      });
      // First, so an expired or revoked token is named as such rather than as a missing permission.
      const tokenUser = token ? await get("/-/npm/v1/user", ZNpmTokenUser, { needs: "a valid npm token" }) : null;
      const names = await listPackages(get, scope, { ...options, token }, progress);
      progress(`${scope}: ${names.length} packages`);
      let done = 0;
      const collected = await mapWithLimit(names, PARALLEL_REQUESTS, async (name) => {
        const packument = await get(`/${escapedPackageName(name)}`, ZNpmPackument, PRIVATE_PACKAGES);
        done += 1;
        if (done % 25 === 0) progress(`${scope}: read ${done} of ${names.length} packages`);
        if (!packument) {
          progress(`${name}: not in the registry (unpublished?), skipped`);
          return null;
        }
        return { packument, versions: await collectVersions(get, packument, options.recentVersionCount ?? 5) };
      });
      const packages = collected.filter((entry) => entry !== null);
      const org = options.publicOnly ? null : await collectOrg(get, scope, progress);
      const snapshot: TNpmScopeSnapshot = { scope, packages, org, tokenUser };
      return { sources: mapNpmScope(snapshot), counts: countsOf(snapshot) };
    },
  };
}

async function listPackages(get: RegistryGet, scope: string, options: NpmConnectorOptions, progress: (line: string) => void): Promise<string[]> {
  const names = new Set<string>();
  const size = options.pageSize ?? 250;
  let searchable = true;
  for (let from = 0; ; from += size) {
    const text = encodeURIComponent(`scope:${scope.slice(1)}`);
    const page = await get(`/-/v1/search?text=${text}&size=${size}&from=${from}`, ZNpmSearchPage, PUBLIC);
    if (!page) {
      searchable = false;
      break;
    }
    // search matches text too: keep the scope's own packages
    page.objects.forEach(({ package: pkg }) => pkg.name.startsWith(`${scope}/`) && names.add(pkg.name));
    if (page.objects.length < size || from + size >= page.total) break;
    progress(`${scope}: listed ${from + page.objects.length} of ${page.total} packages`);
  }
  // Private packages are not in search: the org's own list has them, when the token may read it.
  // Some registries (GitHub Packages, proxies) have no search at all; the org's list is then the only one.
  const owned = options.token && !options.publicOnly ? await get(`/-/org/${scope.slice(1)}/package`, ZNpmPackagePermissions, PRIVATE_PACKAGES) : null;
  Object.keys(owned ?? {}).forEach((name) => names.add(name));
  if (!searchable && !owned) {
    throw new ConnectorError(
      `the registry at ${options.registryUrl ?? NPM_PUBLIC_REGISTRY} lists no packages for ${scope}: it has no search endpoint (/-/v1/search) and no organisation package list (/-/org/${scope.slice(1)}/package)`,
      "use --registry with a full npm registry, or a token of an org member so the org's own list can be read",
    );
  }
  if (!searchable) progress(`${scope}: the registry has no search; listed the org's own packages`);
  return [...names].sort();
}

async function collectVersions(get: RegistryGet, packument: TNpmPackument, count: number): Promise<TNpmCollectedVersion[]> {
  const collected: TNpmCollectedVersion[] = [];
  for (const version of recentVersions(packument, count)) {
    const manifest = packument.versions[version]!;
    const attestations = manifest.dist.attestations;
    let hasProvenance = false;
    if (attestations) {
      // The bundles themselves say which kinds of attestation the version carries; the packument's
      // summary stands in when a registry does not serve them.
      const bundles = await get(`/-/npm/v1/attestations/${escapedPackageName(packument.name)}@${encodeURIComponent(version)}`, ZNpmAttestations, PUBLIC);
      const kinds = bundles ? bundles.attestations.map((bundle) => bundle.predicateType) : [attestations.provenance?.predicateType ?? ""];
      hasProvenance = kinds.some((kind) => kind.startsWith(SLSA_PROVENANCE_PREFIX));
    }
    collected.push({ version, hasProvenance });
  }
  return collected;
}

async function collectOrg(get: RegistryGet, scope: string, progress: (line: string) => void): Promise<TNpmOrgSnapshot | null> {
  const org = scope.slice(1);
  const members = await get(`/-/org/${org}/user`, ZNpmOrgMembers, ORG_READ);
  if (!members) {
    progress(`${scope} is not an npm organisation (a user's scope): no members or teams`);
    return null;
  }
  const teamNames = (await get(`/-/org/${org}/team`, ZNpmOrgTeams, ORG_READ)) ?? [];
  const teams = [];
  for (const qualified of teamNames) {
    const team = qualified.slice(qualified.indexOf(":") + 1);
    const path = `/-/team/${org}/${encodeURIComponent(team)}`;
    const teamMembers = (await get(`${path}/user`, ZNpmTeamMembers, ORG_READ)) ?? [];
    const packages = (await get(`${path}/package`, ZNpmPackagePermissions, ORG_READ)) ?? {};
    teams.push({ name: team, members: teamMembers, packages });
  }
  return { members, teams };
}

function countsOf(snapshot: TNpmScopeSnapshot): Record<string, number> {
  const versions = snapshot.packages.flatMap(({ packument, versions }) => versions.map((entry) => ({ entry, manifest: packument.versions[entry.version]! })));
  const maintainers = new Set(snapshot.packages.flatMap(({ packument }) => (packument.maintainers ?? []).map((m) => m.name)));
  return {
    packages: snapshot.packages.length,
    versions: versions.length,
    maintainers: maintainers.size,
    withProvenance: versions.filter(({ entry }) => entry.hasProvenance).length,
    withInstallScripts: versions.filter(({ manifest }) => hasInstallScript(manifest)).length,
    members: Object.keys(snapshot.org?.members ?? {}).length,
    teams: snapshot.org?.teams.length ?? 0,
  };
}

/** fn over items, at most `limit` at a time, answers in the items' order; the first failure stops the rest. */
async function mapWithLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (next < items.length && !failed) {
      const index = next++;
      try {
        results[index] = await fn(items[index]!);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
