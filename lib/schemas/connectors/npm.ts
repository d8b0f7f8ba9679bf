import { z } from "zod";

// The npm registry's answers that `blastmap connect npm` reads, with only the fields it uses
// (github.com/npm/registry/blob/main/docs/REGISTRY-API.md, docs.npmjs.com "npm org" / "npm team",
// and the attestations endpoint npm's `audit signatures` reads). Unknown fields are ignored; a
// missing or retyped field the mapping needs fails here, so a change in the registry is an error
// with the endpoint's name rather than a wrong graph. test/fixtures/connectors/npm/ holds
// recorded answers that test/connectors/npm-fixtures.test.ts checks against these schemas.

const ZHandle = z.string().trim().min(1).max(214);

/** GET /-/v1/search?text=scope:<scope>&size=&from= — one page of the scope's public packages. */
export const ZNpmSearchPage = z.object({
  objects: z.array(z.object({ package: z.object({ name: z.string().min(1) }) })),
  total: z.number().int().nonnegative(),
});
export type TNpmSearchPage = z.infer<typeof ZNpmSearchPage>;

/** npm's names for a team's or token's rights on a package, old and new spellings. */
export const ZNpmPackagePermission = z.enum(["read", "write", "read-only", "read-write"]);
export type TNpmPackagePermission = z.infer<typeof ZNpmPackagePermission>;

/** GET /-/org/<scope>/package and /-/team/<scope>/<team>/package — packages and the rights on them. */
export const ZNpmPackagePermissions = z.record(z.string().min(1), ZNpmPackagePermission);

const ZNpmUser = z.object({
  name: ZHandle,
  /**
   * Set when the version was published through OIDC trusted publishing (npm's own record of it,
   * e.g. { id: "github", oidcConfigId: "oidc:…" }); absent for a token or password publish.
   */
  trustedPublisher: z.object({ id: z.string().min(1) }).optional(),
});

export const ZNpmVersionManifest = z.object({
  version: z.string().min(1),
  scripts: z.record(z.string(), z.string()).optional(),
  /** the registry's own flag, set when the tarball's package.json has install scripts or a binding.gyp */
  hasInstallScript: z.boolean().optional(),
  _npmUser: ZNpmUser.optional(),
  dist: z.object({
    tarball: z.string().min(1),
    /** present when the version carries Sigstore attestations (provenance, publish) */
    attestations: z
      .object({
        url: z.string().min(1),
        provenance: z.object({ predicateType: z.string().min(1) }).optional(),
      })
      .optional(),
  }),
});
export type TNpmVersionManifest = z.infer<typeof ZNpmVersionManifest>;

/** GET /<@scope%2fname> — the packument: maintainers, every version's manifest, publish times. */
export const ZNpmPackument = z.object({
  name: z.string().min(1),
  "dist-tags": z.record(z.string(), z.string()).default({}),
  /** the accounts that may publish the package (the registry's answer to `npm owner ls`) */
  maintainers: z.array(z.object({ name: ZHandle })).optional(),
  /** version → ISO publish time, plus "created" and "modified" */
  time: z.record(z.string(), z.string()).default({}),
  versions: z.record(z.string(), ZNpmVersionManifest),
});
export type TNpmPackument = z.infer<typeof ZNpmPackument>;

export const SLSA_PROVENANCE_PREFIX = "https://slsa.dev/provenance/";

/** GET /-/npm/v1/attestations/<name>@<version> — the Sigstore bundles; Blastmap reads their kinds only. */
export const ZNpmAttestations = z.object({
  attestations: z.array(z.object({ predicateType: z.string().min(1), bundle: z.unknown() })),
});
export type TNpmAttestations = z.infer<typeof ZNpmAttestations>;

export const ZNpmOrgRole = z.enum(["owner", "admin", "developer"]);
export type TNpmOrgRole = z.infer<typeof ZNpmOrgRole>;

/** GET /-/org/<scope>/user — member → role (`npm org ls`). */
export const ZNpmOrgMembers = z.record(ZHandle, ZNpmOrgRole);
export type TNpmOrgMembers = z.infer<typeof ZNpmOrgMembers>;

/** GET /-/org/<scope>/team — "<scope>:<team>" names (`npm team ls <scope>`). */
export const ZNpmOrgTeams = z.array(z.string().regex(/^[^:\s]+:[^:\s]+$/, 'a team is named "<scope>:<team>"'));

/** GET /-/team/<scope>/<team>/user — the team's members (`npm team ls <scope>:<team>`). */
export const ZNpmTeamMembers = z.array(ZHandle);

/** GET /-/npm/v1/user — the token's own account; `tfa` is false or its mode. */
export const ZNpmTokenUser = z.object({
  name: ZHandle,
  tfa: z.union([z.literal(false), z.null(), z.object({ mode: z.enum(["auth-only", "auth-and-writes"]) })]).optional(),
});
export type TNpmTokenUser = z.infer<typeof ZNpmTokenUser>;

/** What the npm connector collected for one scope: the input of the pure mapping. */
export interface TNpmScopeSnapshot {
  /** "@acme" */
  scope: string;
  packages: { packument: TNpmPackument; versions: TNpmCollectedVersion[] }[];
  /** null when not read (no token asked for it) or the scope is a user, not an organisation */
  org: TNpmOrgSnapshot | null;
  tokenUser: TNpmTokenUser | null;
}
export interface TNpmCollectedVersion {
  version: string;
  /** an SLSA provenance attestation is among the version's attestations */
  hasProvenance: boolean;
}
export interface TNpmOrgSnapshot {
  members: TNpmOrgMembers;
  teams: { name: string; members: string[]; packages: Record<string, TNpmPackagePermission> }[];
}
