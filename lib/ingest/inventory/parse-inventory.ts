import { valid as semverValid } from "semver";
import { ZInventory, type TInventory } from "@/lib/schemas/inventory";
import type { TEdgeFact, TGraphDocument, TNodeFact } from "@/lib/schemas/graph-facts";
import {
  identityKey,
  packageKey,
  packageVersionKey,
  parsePackageRef,
  publisherKey,
  runnerKey,
  secretKey,
  systemKey,
  workstationKey,
} from "@/lib/graph-keys/refs";
import { jsonPath } from "../source/parse-json-source";
import type { TFileProblem } from "@/lib/schemas/input-problem";

// The inventory file (docs/inventory.md) states what no workflow, lockfile, advisory or SBOM says.
// Each entry becomes a node; each reference an edge. A reference must name a node of the right
// kind, defined in this file or already stored: the first is checked here, the second inside the
// import's transaction (lib/data/import/check-references.ts), both with the JSON path.

/** A reference to a node this file does not define; it must already be stored. */
export interface ReferenceUse {
  key: string;
  file: string;
  path: string;
}

export type InventoryParse = { ok: true; document: TGraphDocument; references: ReferenceUse[] } | { ok: false; errors: TFileProblem[] };

export const inventoryDocumentKey = (path: string) => `inventory:${path}`;

const when = (value: string | undefined) => (value ? new Date(value) : undefined);

export function parseInventory(file: string, value: unknown): InventoryParse {
  const parsed = ZInventory.safeParse(value);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.slice(0, 50).map((issue) => ({ file, path: jsonPath(issue.path), message: issue.message })),
    };
  }
  return inventoryDocument(file, parsed.data);
}

function inventoryDocument(file: string, inventory: TInventory): InventoryParse {
  const nodes = new Map<string, TNodeFact>();
  const edges: TEdgeFact[] = [];
  const errors: TFileProblem[] = [];
  const pending: ReferenceUse[] = [];
  const add = (fact: TNodeFact) => nodes.set(fact.key, fact);

  // A purl is self-describing, so a package it names is created rather than looked up.
  const packageRef = (purl: string, path: PropertyKey[], withVersion: boolean): string | null => {
    const ref = parsePackageRef(purl);
    if (!ref || (withVersion && !ref.version)) {
      errors.push({
        file,
        path: jsonPath(path),
        message: withVersion ? `"${purl}" must be a package URL with a version (pkg:npm/name@1.2.3)` : `"${purl}" is not a package URL`,
      });
      return null;
    }
    const pkg = packageKey(ref.ecosystem, ref.name);
    if (!nodes.has(pkg)) add({ kind: "package", key: pkg, name: ref.name, attrs: { ecosystem: ref.ecosystem, name: ref.name, purl: pkg } });
    if (!withVersion || !ref.version) return pkg;
    const version = packageVersionKey(ref.ecosystem, ref.name, ref.version);
    if (!nodes.has(version)) {
      add({ kind: "packageVersion", key: version, name: `${ref.name}@${ref.version}`, attrs: { packageKey: pkg, version: ref.version, purl: version } });
      edges.push({ kind: "VERSION_OF", from: version, to: pkg });
    }
    return version;
  };
  // A fresh resolve names a package and a spec: an exact version installs that version, anything
  // else is the package resolved afresh at every run.
  function freshResolves(resolves: { package: string; spec: string; runs: boolean }[], context: string, path: PropertyKey[], ignoresScripts: boolean): void {
    resolves.forEach((resolve, j) => {
      const pkg = packageRef(resolve.package, [...path, j, "package"], false);
      if (pkg === null) return;
      const spec = resolve.spec.trim();
      const exact = semverValid(spec);
      const from = exact ? packageRef(`${pkg}@${exact}`, [...path, j, "spec"], true) : pkg;
      edge("INSTALLED_IN", from, context, {
        attributes: { resolve: "fresh", spec, runs: resolve.runs, source: "inventory", ...(ignoresScripts && !resolve.runs ? { ignoreScripts: true } : {}) },
      });
    });
  }
  // Other references name a node by its key; its prefix says which kind it must be.
  const nodeRef = (ref: string, prefixes: string[], path: PropertyKey[]): string | null => {
    if (!prefixes.some((prefix) => ref.startsWith(prefix))) {
      errors.push({ file, path: jsonPath(path), message: `"${ref}" must be a reference starting with ${prefixes.join(" or ")}` });
      return null;
    }
    pending.push({ key: ref, file, path: jsonPath(path) });
    return ref;
  };
  const edge = (kind: TEdgeFact["kind"], from: string | null, to: string | null, extra: Partial<TEdgeFact> = {}) => {
    if (from && to) edges.push({ kind, from, to, ...extra });
  };

  inventory.systems.forEach((system) =>
    add({
      kind: "system",
      key: systemKey(system.name),
      name: system.name,
      attrs: {
        systemKind: system.kind,
        criticality: system.criticality,
        owner: system.owner ?? null,
        storesSecrets: system.storesSecrets,
        ...(system.defaultTokenPermissions ? { defaultTokenPermissions: system.defaultTokenPermissions } : {}),
        ...(system.actionsCanApprovePullRequests ? { actionsCanApprovePullRequests: system.actionsCanApprovePullRequests } : {}),
      },
    }),
  );
  inventory.runners.forEach((runner) =>
    add({
      kind: "runner",
      key: runnerKey(runner.name),
      name: runner.name,
      attrs: {
        hosting: runner.hosting,
        persistent: runner.persistent,
        shared: runner.shared,
        labels: runner.labels,
        group: runner.group ?? null,
        ...(runner.repositories.length > 0 ? { repositories: runner.repositories } : {}),
      },
    }),
  );
  inventory.publishers.forEach((publisher, i) => {
    const key = publisherKey(publisher.ecosystem, publisher.handle);
    add({
      kind: "publisher",
      key,
      name: publisher.handle,
      // a mention creates the account when missing but never resets what another document said of it
      ...(publisher.mention ? { reference: true } : {}),
      attrs: {
        ecosystem: publisher.ecosystem,
        handle: publisher.handle,
        twoFactorEnforced: publisher.twoFactorEnforced ?? null,
        isHuman: publisher.isHuman,
        lastOwnershipChangeAt: when(publisher.lastOwnershipChangeAt) ?? null,
        lastAccountRecoveryAt: when(publisher.lastAccountRecoveryAt) ?? null,
      },
    });
    publisher.maintains.forEach((purl, j) => edge("MAINTAINS", key, packageRef(purl, ["publishers", i, "maintains", j], false)));
  });
  inventory.packages.forEach((entry, i) => {
    const pkg = packageRef(entry.purl, ["packages", i, "purl"], false);
    if (!pkg) return;
    const ref = parsePackageRef(entry.purl)!;
    const fact = nodes.get(pkg)!;
    if (fact.kind === "package") fact.attrs.trustedPublishing = entry.trustedPublishing;
    entry.versions.forEach((version) => {
      const key = packageVersionKey(ref.ecosystem, ref.name, version.version);
      add({
        kind: "packageVersion",
        key,
        name: `${ref.name}@${version.version}`,
        attrs: {
          packageKey: pkg,
          version: version.version,
          purl: key,
          hasInstallScript: version.hasInstallScript,
          hasProvenance: version.hasProvenance,
          trustedPublishing: version.trustedPublishing,
          publishedAt: when(version.publishedAt),
          publishedBy: version.publishedBy,
        },
      });
      edges.push({ kind: "VERSION_OF", from: key, to: pkg });
    });
  });
  inventory.identities.forEach((identity, i) => {
    const key = identityKey(identity.name);
    add({
      kind: "identity",
      key,
      name: identity.name,
      attrs: {
        identityKind: identity.kind,
        owner: identity.owner ?? null,
        humanAccount: identity.humanAccount,
        issuedAt: when(identity.issuedAt) ?? null,
        lastUsedAt: when(identity.lastUsedAt) ?? null,
        expiresAt: when(identity.expiresAt) ?? null,
        lifetime: identity.lifetime,
        scopes: identity.scopes,
        provider: identity.provider ?? null,
      },
    });
    identity.canAccess.forEach((access, j) =>
      edge("CAN_ACCESS", key, nodeRef(access.system, ["system:"], ["identities", i, "canAccess", j, "system"]), { privilege: access.privilege }),
    );
    identity.canPublish.forEach((purl, j) => edge("CAN_PUBLISH", key, packageRef(purl, ["identities", i, "canPublish", j], false)));
    if (identity.actsAs) edge("ACTS_AS", key, nodeRef(identity.actsAs, ["publisher:"], ["identities", i, "actsAs"]));
    identity.triggers.forEach((ref, j) => edge("TRIGGERS", key, nodeRef(ref, ["context:"], ["identities", i, "triggers", j])));
  });
  inventory.secrets.forEach((secret, i) => {
    const key = secretKey(secret.repo, secret.name);
    add({
      kind: "secret",
      key,
      name: secret.repo ? `${secret.repo}:${secret.name}` : secret.name,
      attrs: {
        secretName: secret.name,
        secretType: secret.type,
        storedIn: secret.storedIn,
        location: secret.location ?? null,
        fingerprint: secret.fingerprint ?? null,
        createdAt: when(secret.createdAt) ?? null,
        lastRotatedAt: when(secret.lastRotatedAt) ?? null,
      },
    });
    if (secret.authenticatesAs) edge("AUTHENTICATES_AS", key, nodeRef(secret.authenticatesAs, ["identity:"], ["secrets", i, "authenticatesAs"]));
    secret.storedBy.forEach((ref, j) => edge("STORES", nodeRef(ref, ["system:", "runner:"], ["secrets", i, "storedBy", j]), key));
  });
  inventory.contexts.forEach((context, i) => {
    if (context.kind !== "workstation") {
      errors.push({ file, path: jsonPath(["contexts", i, "kind"]), message: "CI jobs come from workflow files; an inventory context must be a workstation" });
      return;
    }
    const key = workstationKey(context.name);
    add({
      kind: "context",
      key,
      name: context.name,
      attrs: { contextKind: "workstation", owner: context.owner ?? null, ignoresScripts: context.ignoresScripts },
    });
    context.installs.forEach((purl, j) =>
      edge("INSTALLED_IN", packageRef(purl, ["contexts", i, "installs", j], true), key, {
        attributes: { phase: context.ignoresScripts ? "runtime" : "install", source: "inventory" },
      }),
    );
    freshResolves(context.resolves, key, ["contexts", i, "resolves"], context.ignoresScripts ?? false);
    context.exposes.forEach((exposure, j) =>
      edge("EXPOSES", key, nodeRef(exposure.secret, ["secret:"], ["contexts", i, "exposes", j, "secret"]), { exposure: exposure.exposure }),
    );
    if (context.runsOn) edge("RUNS_ON", key, nodeRef(context.runsOn, ["runner:"], ["contexts", i, "runsOn"]));
  });

  inventory.ciInstalls.forEach((install, i) => {
    const key = nodeRef(install.context, ["context:"], ["ciInstalls", i, "context"]);
    if (key === null) return;
    install.installs.forEach((purl, j) =>
      edge("INSTALLED_IN", packageRef(purl, ["ciInstalls", i, "installs", j], true), key, { attributes: { resolve: "lockfile", source: "inventory" } }),
    );
    freshResolves(install.resolves, key, ["ciInstalls", i, "resolves"], false);
  });

  if (errors.length > 0) return { ok: false, errors };
  const references = pending.filter((use) => !nodes.has(use.key));
  const document: TGraphDocument = { key: inventoryDocumentKey(file), format: "inventory", nodes: [...nodes.values()], edges: dedupeEdges(edges) };
  return { ok: true, document, references };
}

function dedupeEdges(edges: TEdgeFact[]): TEdgeFact[] {
  const byKey = new Map<string, TEdgeFact>();
  for (const edge of edges) byKey.set(`${edge.kind}|${edge.from}|${edge.to}`, edge);
  return [...byKey.values()];
}
