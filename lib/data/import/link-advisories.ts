import { Prisma } from "@/lib/generated/prisma/client";
import type { TGraphDocument, TNodeFact } from "@/lib/schemas/graph-facts";
import { ZOsvAffected, type TOsvAffected } from "@/lib/schemas/osv";
import { advisoryKey, packageKey } from "@/lib/graph-keys/refs";
import { purlTypeOf } from "@/lib/ingest/osv/osv-ecosystems";
import { versionAffected } from "@/lib/ingest/osv/version-affected";

type Tx = Prisma.TransactionClient;
type VersionFact = Extract<TNodeFact, { kind: "packageVersion" }>;

// An advisory's `ranges` match versions Blastmap learns about at any time: versions already stored
// when the advisory arrives, and versions a later lockfile or SBOM brings. Both directions are
// evaluated here, inside the import's transaction, and written into the batch's documents before
// they are applied, so every AFFECTS edge has a document that contributes it:
//   - a batch advisory × (stored or batch) versions → edges in the advisory's document;
//   - a stored advisory × batch versions            → edges in the document that brings the version.
// Every matched version is marked compromised with the union of its advisory ids.

interface AdvisoryInput {
  id: string;
  key: string;
  affected: TOsvAffected[];
  /** the batch document holding it, or null when it is only stored */
  document: TGraphDocument | null;
}

interface VersionInput {
  key: string;
  packageKey: string;
  version: string;
  storedAdvisoryIds: string[];
  /** stored attributes, to declare the node in an advisory document when no batch document has it */
  stored: { purl: string } | null;
  documents: TGraphDocument[];
  /** advisory documents that declare this stored version so they can mark it */
  declaredIn: TGraphDocument[];
}

const affectedPackageKey = (affected: TOsvAffected): string | null => {
  const type = affected.package ? purlTypeOf(affected.package.ecosystem) : null;
  return type && affected.package ? packageKey(type, affected.package.name) : null;
};

function parseAffected(raw: unknown): TOsvAffected[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((entry) => {
    const parsed = ZOsvAffected.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
}

export async function linkAdvisories(tx: Tx, documents: TGraphDocument[]): Promise<void> {
  const advisories = new Map<string, AdvisoryInput>();
  const versions = new Map<string, VersionInput>();
  for (const document of documents) {
    for (const fact of document.nodes) {
      if (fact.kind === "advisory") {
        advisories.set(fact.key, { id: fact.attrs.advisoryId, key: fact.key, affected: parseAffected(fact.attrs.affected), document });
      } else if (fact.kind === "packageVersion") {
        const known = versions.get(fact.key);
        if (known) known.documents.push(document);
        else
          versions.set(fact.key, {
            key: fact.key,
            packageKey: fact.attrs.packageKey,
            version: fact.attrs.version,
            storedAdvisoryIds: [],
            stored: null,
            documents: [document],
            declaredIn: [],
          });
      }
    }
  }

  // Stored versions of every package a batch advisory names.
  const advisoryPackages = new Set<string>();
  for (const advisory of advisories.values())
    for (const affected of advisory.affected) {
      const key = affectedPackageKey(affected);
      if (key) advisoryPackages.add(key);
    }
  if (advisoryPackages.size > 0) {
    const stored = await tx.packageVersion.findMany({
      where: { package: { purl: { in: [...advisoryPackages] } } },
      select: { purl: true, version: true, advisoryIds: true, package: { select: { purl: true } } },
    });
    for (const row of stored) {
      const known = versions.get(row.purl);
      if (known) known.storedAdvisoryIds = row.advisoryIds;
      else
        versions.set(row.purl, {
          key: row.purl,
          packageKey: row.package.purl,
          version: row.version,
          storedAdvisoryIds: row.advisoryIds,
          stored: { purl: row.purl },
          documents: [],
          declaredIn: [],
        });
    }
  }

  // Stored advisories that name a package a batch document brings a version of.
  const batchPackageNames = new Set<string>();
  for (const version of versions.values()) if (version.documents.length > 0) batchPackageNames.add(nameOfPackageKey(version.packageKey));
  if (batchPackageNames.size > 0) {
    const rows = await tx.$queryRaw<{ advisoryId: string; affected: unknown }[]>(Prisma.sql`
      SELECT DISTINCT a."advisoryId", a."affected"
      FROM "Advisory" a, jsonb_array_elements(a."affected") AS entry
      WHERE entry->'package'->>'name' = ANY(${[...batchPackageNames]})`);
    for (const row of rows) {
      const key = advisoryKey(row.advisoryId);
      if (!advisories.has(key)) advisories.set(key, { id: row.advisoryId, key, affected: parseAffected(row.affected), document: null });
    }
    // Their advisory ids already on stored rows of the batch's versions count towards the union.
    const storedRows = await tx.packageVersion.findMany({
      where: { purl: { in: [...versions.values()].filter((v) => v.documents.length > 0).map((v) => v.key) }, compromised: true },
      select: { purl: true, advisoryIds: true },
    });
    for (const row of storedRows) versions.get(row.purl)!.storedAdvisoryIds = row.advisoryIds;
  }
  if (advisories.size === 0) return;

  const versionsByPackage = new Map<string, VersionInput[]>();
  for (const version of versions.values()) {
    const list = versionsByPackage.get(version.packageKey) ?? [];
    list.push(version);
    versionsByPackage.set(version.packageKey, list);
  }

  const matched = new Map<string, Set<string>>();
  for (const advisory of advisories.values()) {
    for (const affected of advisory.affected) {
      const pkg = affectedPackageKey(affected);
      if (!pkg) continue;
      for (const version of versionsByPackage.get(pkg) ?? []) {
        if (!versionAffected(affected, version.version)) continue;
        // A stored advisory meeting a stored version was linked when the later of them arrived.
        if (!advisory.document && version.documents.length === 0) continue;
        (matched.get(version.key) ?? matched.set(version.key, new Set()).get(version.key)!).add(advisory.id);
        const match = affected.versions?.includes(version.version) ? "version" : "range";
        const owner = advisory.document ?? version.documents[0];
        addEdge(owner, { kind: "AFFECTS", from: advisory.key, to: version.key, attributes: { match } });
        if (advisory.document && version.documents.length === 0 && version.stored) declareStoredVersion(advisory.document, version);
      }
    }
  }

  for (const [key, ids] of matched) {
    const version = versions.get(key)!;
    const advisoryIds = [...new Set([...version.storedAdvisoryIds, ...ids])].sort();
    for (const document of new Set([...version.documents, ...version.declaredIn])) {
      for (const fact of document.nodes) {
        if (fact.key === key && fact.kind === "packageVersion") Object.assign(fact.attrs, { compromised: true, advisoryIds });
      }
    }
  }
}

function addEdge(document: TGraphDocument, edge: TGraphDocument["edges"][number]): void {
  const exists = document.edges.some((e) => e.kind === edge.kind && e.from === edge.from && e.to === edge.to);
  if (!exists) document.edges.push(edge);
}

function declareStoredVersion(document: TGraphDocument, version: VersionInput): void {
  if (version.declaredIn.includes(document)) return;
  version.declaredIn.push(document);
  const fact: VersionFact = {
    kind: "packageVersion",
    key: version.key,
    name: `${nameOfPackageKey(version.packageKey)}@${version.version}`,
    attrs: { packageKey: version.packageKey, version: version.version, purl: version.stored!.purl },
  };
  document.nodes.push(fact);
  document.edges.push({ kind: "VERSION_OF", from: version.key, to: version.packageKey });
}

// pkg:npm/%40ctrl/tinycolor → @ctrl/tinycolor (the name OSV uses).
function nameOfPackageKey(key: string): string {
  const path = key.replace(/^pkg:[^/]+\//, "");
  return decodeURIComponent(path);
}
