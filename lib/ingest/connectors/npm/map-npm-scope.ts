import { packageKey } from "@/lib/graph-keys/refs";
import type { TNpmPackument, TNpmScopeSnapshot, TNpmVersionManifest } from "@/lib/schemas/connectors/npm";
import type { TInventoryInput } from "@/lib/schemas/inventory";
import type { SourceFile } from "../../types";

// What `blastmap connect npm` imports: the registry's answers for one scope, as one inventory
// document (docs/inventory.md) imported like any other file — one transaction, idempotent, with
// provenance, and a re-run replaces exactly what the previous run contributed (a maintainer
// dropped since is an edge removed). The registry has no file a team keeps in a repository, so
// the inventory document is the only source.

/** The lifecycle scripts npm runs on `npm install` of the package (docs.npmjs.com, "scripts"). */
const INSTALL_SCRIPTS = ["preinstall", "install", "postinstall"] as const;

export const npmInventoryPath = (scope: string) => `connectors/npm-${scope.replace(/^@/, "")}.json`;

export function hasInstallScript(manifest: TNpmVersionManifest): boolean {
  return manifest.hasInstallScript === true || INSTALL_SCRIPTS.some((name) => Boolean(manifest.scripts?.[name]));
}

const purlOf = (name: string) => packageKey("npm", name);

// npm's `read-write` (older answers say `write`) is the right to publish.
const canPublish = (permission: string) => permission === "write" || permission === "read-write";

export function mapNpmScope(snapshot: TNpmScopeSnapshot): SourceFile[] {
  const maintains = new Map<string, Set<string>>();
  const grant = (handle: string, purl: string) => {
    const purls = maintains.get(handle) ?? new Set<string>();
    purls.add(purl);
    maintains.set(handle, purls);
  };
  const scopePurls = snapshot.packages.map(({ packument }) => purlOf(packument.name));

  for (const { packument } of snapshot.packages) for (const maintainer of packument.maintainers ?? []) grant(maintainer.name, purlOf(packument.name));
  if (snapshot.org) {
    for (const [handle, role] of Object.entries(snapshot.org.members)) {
      if (!maintains.has(handle)) maintains.set(handle, new Set());
      // Owners and admins manage the org's teams and their package rights (docs.npmjs.com, "roles
      // and permissions"): a hijacked owner account grants itself write on any package of the scope.
      if (role === "owner" || role === "admin") scopePurls.forEach((purl) => grant(handle, purl));
    }
    for (const team of snapshot.org.teams)
      for (const [name, permission] of Object.entries(team.packages)) if (canPublish(permission)) team.members.forEach((handle) => grant(handle, purlOf(name)));
  }

  const twoFactor = (handle: string): boolean | null => {
    const user = snapshot.tokenUser;
    // The registry tells an account's 2FA mode to that account only: known for the token's owner.
    if (!user || user.name !== handle || user.tfa === undefined || user.tfa === null) return null;
    return user.tfa !== false && user.tfa.mode === "auth-and-writes";
  };

  const inventory: TInventoryInput = {
    blastmapInventory: 1,
    organisation: snapshot.scope,
    publishers: [...maintains.entries()]
      // code-unit order, not the locale's: the same scope gives the same bytes (and digest) everywhere
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([handle, purls]) => {
        const twoFactorEnforced = twoFactor(handle);
        // The registry says nothing else of an account: a mention keeps what a person's own
        // inventory recorded about it (2FA off, a bot, a recent account recovery).
        const known = twoFactorEnforced === null ? { mention: true } : { twoFactorEnforced };
        return { ecosystem: "npm", handle, ...known, maintains: [...purls].sort() };
      }),
    packages: snapshot.packages.map(({ packument, versions }) => {
      const manifests = versions.flatMap(({ version, hasProvenance }) => {
        const manifest = packument.versions[version];
        return manifest ? [{ manifest, hasProvenance }] : [];
      });
      return {
        purl: purlOf(packument.name),
        trustedPublishing: latestIsTrusted(packument),
        versions: manifests.map(({ manifest, hasProvenance }) => ({
          version: manifest.version,
          hasInstallScript: hasInstallScript(manifest),
          hasProvenance,
          ...(manifest._npmUser ? { trustedPublishing: manifest._npmUser.trustedPublisher !== undefined } : {}),
          ...publishTime(packument, manifest.version),
          ...(manifest._npmUser ? { publishedBy: manifest._npmUser.name } : {}),
        })),
      };
    }),
  };
  return [{ path: npmInventoryPath(snapshot.scope), content: `${JSON.stringify(inventory, null, 2)}\n` }];
}

/** The versions to record: the newest `count` by publish time (the packument's order otherwise). */
export function recentVersions(packument: TNpmPackument, count: number): string[] {
  const published = (version: string) => Date.parse(packument.time[version] ?? "") || 0;
  return Object.keys(packument.versions)
    .map((version, index) => ({ version, index }))
    .sort((a, b) => published(b.version) - published(a.version) || b.index - a.index)
    .slice(0, count)
    .map(({ version }) => version);
}

// The package as it is published today: its latest version came through OIDC trusted publishing.
function latestIsTrusted(packument: TNpmPackument): boolean | undefined {
  const latest = packument["dist-tags"].latest;
  const manifest = latest ? packument.versions[latest] : undefined;
  if (!manifest?._npmUser) return undefined;
  return manifest._npmUser.trustedPublisher !== undefined;
}

function publishTime(packument: TNpmPackument, version: string): { publishedAt?: string } {
  const time = packument.time[version];
  return time && !Number.isNaN(Date.parse(time)) ? { publishedAt: new Date(time).toISOString() } : {};
}
