import { createHash } from "node:crypto";
import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ZGraphDocument, type TApplySummary, type TChangeCounts, type TGraphDocument, type TNodeFact, type TNodeKind } from "@/lib/schemas/graph-facts";
import { describeProblem, type TFileProblem } from "@/lib/schemas/input-problem";
import { analyzeAfterLoad, reportTableChangesAtCommit } from "./analyze-after-load";
import { deleteWhereIn, insertRows, selectWhereIn, selectWhereMatches, updateRows, yieldToEventLoop } from "./bulk-sql";
import { openBulkLoadWindow } from "./bulk-load-window";
import type { Lap } from "./phase-laps";

type Tx = Prisma.TransactionClient;

export interface ApplyOptions {
  actor: string;
  dryRun?: boolean;
  /** marks the end of each phase (the import benchmark's timings) */
  lap?: Lap;
}

/** Thrown when the documents are inconsistent; the transaction is rolled back, nothing is written. */
export class GraphApplyError extends Error {
  constructor(readonly errors: TFileProblem[]) {
    super(errors.map(describeProblem).join("\n"));
  }
}

const DETAIL_TABLE: Record<TNodeKind, string> = {
  publisher: "Publisher",
  package: "Package",
  packageVersion: "PackageVersion",
  identity: "Identity",
  secret: "Secret",
  context: "ExecutionContext",
  runner: "Runner",
  system: "System",
  action: "Action",
  advisory: "Advisory",
};

const zeroCounts = (): TChangeCounts => ({ created: 0, updated: 0, unchanged: 0, removed: 0 });

export function documentDigest(document: TGraphDocument): string {
  return createHash("sha256").update(JSON.stringify(document)).digest("hex");
}

/**
 * Stores graph documents in one transaction. A document whose digest is unchanged is skipped;
 * a changed one replaces what it contributed before: its nodes and edges are upserted, and what
 * it alone contributed and no longer mentions is removed. With dryRun the same work is done and
 * counted, then rolled back.
 */
export async function applyGraphDocuments(db: Db, input: TGraphDocument[], options: ApplyOptions): Promise<TApplySummary> {
  const documents = input.map((doc) => ZGraphDocument.parse(doc));
  const rollback = Symbol("dry-run");
  let summary: TApplySummary | undefined;
  try {
    await db.$transaction(
      async (tx) => {
        summary = await applyInTransaction(tx, documents, options);
        if (options.dryRun) throw rollback;
      },
      { timeout: 30 * 60 * 1000, maxWait: 60 * 1000 },
    );
  } catch (error) {
    if (error !== rollback) throw error;
  }
  await analyzeAfterLoad(db, summary!);
  return summary!;
}

/**
 * The body of applyGraphDocuments for callers that hold the transaction themselves (an import that
 * also links advisories and checks references in the same transaction). Documents must already
 * be parsed with ZGraphDocument.
 */
export async function applyInTransaction(tx: Tx, documents: TGraphDocument[], options: ApplyOptions): Promise<TApplySummary> {
  const summary: TApplySummary = {
    importId: null,
    dryRun: Boolean(options.dryRun),
    graphVersion: null,
    byFormat: {},
    unchangedDocuments: 0,
  };
  const formatOf = (doc: TGraphDocument) => (summary.byFormat[doc.format] ??= { files: 0, nodes: zeroCounts(), edges: zeroCounts() });
  for (const doc of documents) formatOf(doc).files += 1;

  // Sets, not scans of the list: a million-edge import is tens of thousands of documents.
  const keys = new Set<string>();
  const duplicate = documents.find((doc) => keys.size === keys.add(doc.key).size);
  if (duplicate) throw new GraphApplyError([{ file: duplicate.key, message: "the same document was given twice" }]);

  const digests = new Map(documents.map((doc) => [doc.key, documentDigest(doc)]));
  const stored = await selectWhereIn<{ id: number; key: string; digest: string }>(tx, "SourceDocument", "key", [...digests.keys()], ["id", "key", "digest"]);
  const storedByKey = new Map(stored.map((row) => [row.key, row]));
  const changed = documents.filter((doc) => storedByKey.get(doc.key)?.digest !== digests.get(doc.key));
  const changedSet = new Set(changed);
  summary.unchangedDocuments = documents.length - changed.length;
  for (const doc of documents) {
    if (changedSet.has(doc)) continue;
    formatOf(doc).nodes.unchanged += doc.nodes.length;
    formatOf(doc).edges.unchanged += doc.edges.length;
  }
  const lap = options.lap ?? (() => {});
  lap("digests");
  if (changed.length === 0) return summary;

  const importRow = await tx.import.create({ data: { actor: options.actor } });
  summary.importId = importRow.id;

  // Two documents describing one node merge: each attribute takes the later document's value when
  // it gives one (a lockfile knows the install script, an advisory that the version is compromised).
  // A mere reference never overrides a description.
  const nodeFacts = new Map<string, { fact: TNodeFact; doc: TGraphDocument }>();
  for (const doc of changed) {
    for (const fact of doc.nodes) {
      const seen = nodeFacts.get(fact.key);
      if (!seen) nodeFacts.set(fact.key, { fact, doc });
      else if (seen.fact.reference && !fact.reference && seen.fact.kind === fact.kind) {
        // the mention's attributes remain as defaults for what the description leaves out
        const attrs = { ...seen.fact.attrs, ...definedOnly(fact.attrs as Record<string, unknown>) };
        nodeFacts.set(fact.key, { fact: { ...fact, attrs } as TNodeFact, doc });
      } else if (!fact.reference && seen.fact.kind === fact.kind) {
        const attrs = { ...seen.fact.attrs, ...definedOnly(fact.attrs as Record<string, unknown>) };
        nodeFacts.set(fact.key, { fact: { ...fact, attrs } as TNodeFact, doc: seen.doc });
      }
    }
  }

  lap("mergeNodeFacts");
  const closeBulkLoad = await openBulkLoadWindow(tx, nodeFacts.size + changed.reduce((sum, doc) => sum + doc.edges.length, 0));
  lap("bulkLoad.open");
  const { ids: nodeIds, fresh: freshNodeIds } = await upsertNodes(tx, nodeFacts, importRow.id, formatOf, lap);
  const edgeIds = await upsertEdges(tx, changed, nodeIds, freshNodeIds, importRow.id, formatOf, lap);
  const previously = await replaceOrigins(tx, changed, storedByKey, digests, nodeIds, edgeIds, importRow.id, lap);
  if (closeBulkLoad) {
    await closeBulkLoad();
    lap("bulkLoad.close");
  }
  await removeOrphans(tx, previously, formatOf);
  lap("orphans");

  const state = await tx.graphState.upsert({
    where: { id: 1 },
    create: { id: 1, version: 1 },
    update: { version: { increment: 1 } },
  });
  summary.graphVersion = state.version;
  await tx.import.update({ where: { id: importRow.id }, data: { finishedAt: new Date(), summary } });
  await reportTableChangesAtCommit(tx);
  lap("graphState");
  return summary;
}

async function upsertNodes(
  tx: Tx,
  nodeFacts: Map<string, { fact: TNodeFact; doc: TGraphDocument }>,
  importId: number,
  formatOf: (doc: TGraphDocument) => TApplySummary["byFormat"][string],
  lap: Lap,
): Promise<{ ids: Map<string, number>; fresh: Set<number> }> {
  const existing = new Map<string, { id: number; kind: string; name: string }>();
  for (const row of await selectWhereIn<{ id: number; key: string; kind: string; name: string }>(
    tx,
    "Node",
    "key",
    [...nodeFacts.keys()],
    ["id", "key", "kind", "name"],
  )) {
    existing.set(row.key, row);
  }
  const kindClash = [...nodeFacts.values()].find(({ fact }) => existing.has(fact.key) && existing.get(fact.key)!.kind !== fact.kind);
  if (kindClash) {
    throw new GraphApplyError([
      {
        file: kindClash.doc.key,
        message: `${kindClash.fact.key} is already stored as a ${existing.get(kindClash.fact.key)!.kind}, not a ${kindClash.fact.kind}`,
      },
    ]);
  }

  lap("nodes.read");
  const fresh = [...nodeFacts.values()].filter(({ fact }) => !existing.has(fact.key));
  const ids = new Map<string, number>();
  for (const [key, row] of existing) ids.set(key, row.id);
  const inserted = await insertRows<{ id: number; key: string }>(
    tx,
    "Node",
    fresh.map(({ fact }) => ({ kind: fact.kind, key: fact.key, name: fact.name, firstImportId: importId, lastImportId: importId })),
    ["id", "key"],
  );
  for (const row of inserted) ids.set(row.key, row.id);
  for (const { doc } of fresh) formatOf(doc).nodes.created += 1;
  lap("nodes.insert");

  // Package versions point at their package row, which must exist first.
  const order: TNodeKind[] = ["package", ...(Object.keys(DETAIL_TABLE) as TNodeKind[]).filter((k) => k !== "package")];
  const renamedNodes: Record<string, unknown>[] = [];
  for (const kind of order) {
    const ofKind = [...nodeFacts.values()].filter(({ fact }) => fact.kind === kind);
    if (ofKind.length === 0) continue;
    const table = DETAIL_TABLE[kind];
    const rows = ofKind.map(({ fact, doc }) => ({ fact, doc, row: detailRow(fact, ids, doc) }));
    await insertRows(
      tx,
      table,
      rows.filter(({ fact }) => !existing.has(fact.key)).map(({ row }) => row),
    );

    const old = rows.filter(({ fact }) => existing.has(fact.key) && !fact.reference);
    for (const { fact, doc } of rows) if (existing.has(fact.key) && fact.reference) formatOf(doc).nodes.unchanged += 1;
    // read through Prisma so stored values come back typed as the facts are (dates, enums, arrays)
    const delegate = (tx as unknown as Record<string, DetailReader>)[table[0].toLowerCase() + table.slice(1)];
    const current = new Map<number, Record<string, unknown>>();
    for (let i = 0; i < old.length; i += READ_CHUNK) {
      const part = old.slice(i, i + READ_CHUNK).map(({ row }) => row.nodeId as number);
      for (const row of await delegate.findMany({ where: { nodeId: { in: part } } })) current.set(row.nodeId as number, row);
      await yieldToEventLoop();
    }
    const updates: Record<string, unknown>[] = [];
    const missing: Record<string, unknown>[] = [];
    for (const { fact, doc, row } of old) {
      const nodeId = row.nodeId as number;
      const before = current.get(nodeId);
      const changes = before ? changedFields(before, row) : row;
      const renamed = existing.get(fact.key)!.name !== fact.name;
      if (Object.keys(changes).length === 0 && !renamed && before) {
        formatOf(doc).nodes.unchanged += 1;
        continue;
      }
      if (!before) missing.push(row);
      else if (Object.keys(changes).length > 0) updates.push({ ...changes, nodeId });
      renamedNodes.push({ id: nodeId, name: fact.name, lastImportId: importId });
      formatOf(doc).nodes.updated += 1;
    }
    await insertRows(tx, table, missing);
    await updateRows(tx, table, ["nodeId"], updates);
  }
  await updateRows(tx, "Node", ["id"], renamedNodes);
  lap("nodes.details");
  return { ids, fresh: new Set(inserted.map((row) => row.id)) };
}

interface DetailReader {
  findMany(args: { where: { nodeId: { in: number[] } } }): Promise<Record<string, unknown>[]>;
}

const READ_CHUNK = 5000;

function detailRow(fact: TNodeFact, ids: Map<string, number>, doc: TGraphDocument): Record<string, unknown> {
  const nodeId = ids.get(fact.key)!;
  if (fact.kind === "packageVersion") {
    const { packageKey, ...rest } = fact.attrs;
    const packageNodeId = ids.get(packageKey);
    if (packageNodeId === undefined) {
      throw new GraphApplyError([{ file: doc.key, message: `${fact.key} names package ${packageKey}, which is not in the import` }]);
    }
    return definedOnly({ nodeId, packageNodeId, ...rest });
  }
  return definedOnly({ nodeId, ...fact.attrs });
}

function definedOnly(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).filter(([, value]) => value !== undefined));
}

const comparable = (value: unknown): string => (value instanceof Date ? value.toISOString() : JSON.stringify(value ?? null));

function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(after).filter(([field, value]) => comparable(before[field]) !== comparable(value)));
}

const edgeKey = (kind: string, fromId: number, toId: number) => `${kind}|${fromId}|${toId}`;

async function upsertEdges(
  tx: Tx,
  changed: TGraphDocument[],
  nodeIds: Map<string, number>,
  freshNodeIds: Set<number>,
  importId: number,
  formatOf: (doc: TGraphDocument) => TApplySummary["byFormat"][string],
  lap: Lap,
): Promise<Map<string, number>> {
  // Edge endpoints may be nodes stored by earlier imports (an inventory naming a system).
  const missing = new Set<string>();
  for (const doc of changed) for (const edge of doc.edges) for (const key of [edge.from, edge.to]) if (!nodeIds.has(key)) missing.add(key);
  for (const row of await selectWhereIn<{ id: number; key: string }>(tx, "Node", "key", [...missing], ["id", "key"])) nodeIds.set(row.key, row.id);
  const errors: TFileProblem[] = [];
  const wanted = new Map<string, { doc: TGraphDocument; data: EdgeRow }>();
  for (const doc of changed) {
    doc.edges.forEach((edge, index) => {
      const fromId = nodeIds.get(edge.from);
      const toId = nodeIds.get(edge.to);
      if (fromId === undefined || toId === undefined) {
        errors.push({ file: doc.key, path: `edges[${index}]`, message: `${edge.kind} refers to unknown node ${fromId === undefined ? edge.from : edge.to}` });
        return;
      }
      wanted.set(edgeKey(edge.kind, fromId, toId), {
        doc,
        data: {
          kind: edge.kind,
          fromId,
          toId,
          exposure: edge.exposure ?? null,
          privilege: edge.privilege ?? null,
          attributes: edge.attributes ?? {},
          firstImportId: importId,
          lastImportId: importId,
        },
      });
    });
  }
  if (errors.length > 0) throw new GraphApplyError(errors.slice(0, 50));

  // Only an edge between two nodes stored before this import can exist already: read exactly those
  // candidates by their unique key (reading every edge of their endpoints grows with the graph).
  const candidates = [...wanted.values()]
    .filter(({ data }) => !freshNodeIds.has(data.fromId) && !freshNodeIds.has(data.toId))
    .map(({ data }) => ({ kind: data.kind, fromId: data.fromId, toId: data.toId }));
  const existing = new Map<string, StoredEdge>();
  for (const row of await selectWhereMatches<StoredEdge & { kind: string; fromId: number; toId: number }>(tx, "Edge", candidates, [
    "id",
    "kind",
    "fromId",
    "toId",
    "exposure",
    "privilege",
    "attributes",
  ])) {
    existing.set(edgeKey(row.kind, row.fromId, row.toId), row);
  }
  lap("edges.read");
  const fresh = [...wanted.entries()].filter(([key]) => !existing.has(key));
  const ids = new Map<string, number>();
  for (const [key, row] of existing) ids.set(key, row.id);
  const inserted = await insertRows<{ id: number; kind: string; fromId: number; toId: number }>(
    tx,
    "Edge",
    fresh.map(([, { data }]) => ({ ...data })),
    ["id", "kind", "fromId", "toId"],
  );
  for (const row of inserted) ids.set(edgeKey(row.kind, row.fromId, row.toId), row.id);
  for (const [, { doc }] of fresh) formatOf(doc).edges.created += 1;

  const updates: Record<string, unknown>[] = [];
  for (const [key, { doc, data }] of wanted) {
    const before = existing.get(key);
    if (!before) continue;
    const same = before.exposure === data.exposure && before.privilege === data.privilege && comparable(before.attributes) === comparable(data.attributes);
    if (same) {
      formatOf(doc).edges.unchanged += 1;
    } else {
      updates.push({ id: before.id, exposure: data.exposure, privilege: data.privilege, attributes: data.attributes, lastImportId: importId });
      formatOf(doc).edges.updated += 1;
    }
  }
  // exposure and privilege may be set back to null: rows carry null explicitly, never undefined
  await updateRows(tx, "Edge", ["id"], updates);
  lap("edges.write");
  return ids;
}

type StoredEdge = {
  id: number;
  exposure: string | null;
  privilege: string | null;
  attributes: unknown;
};

interface EdgeRow {
  kind: string;
  fromId: number;
  toId: number;
  exposure: string | null;
  privilege: string | null;
  attributes: unknown;
  firstImportId: number;
  lastImportId: number;
}

async function replaceOrigins(
  tx: Tx,
  changed: TGraphDocument[],
  storedByKey: Map<string, { id: number }>,
  digests: Map<string, string>,
  nodeIds: Map<string, number>,
  edgeIds: Map<string, number>,
  importId: number,
  lap: Lap,
): Promise<PreviousOrigins> {
  // Batched across documents: an import of a thousand repositories is thousands of documents, and
  // a few queries per document would dominate the whole import.
  const previouslyNodes = new Map<number, TGraphDocument>();
  const previouslyEdges = new Map<number, TGraphDocument>();
  const documentIds = new Map<string, number>();
  const storedChanged = changed.filter((doc) => storedByKey.has(doc.key));
  const docById = new Map<number, TGraphDocument>();
  for (const doc of storedChanged) {
    const id = storedByKey.get(doc.key)!.id;
    docById.set(id, doc);
    documentIds.set(doc.key, id);
  }
  const storedIds = [...docById.keys()];
  for (const row of await selectWhereIn<{ nodeId: number; documentId: number }>(tx, "NodeOrigin", "documentId", storedIds, ["nodeId", "documentId"])) {
    previouslyNodes.set(row.nodeId, docById.get(row.documentId)!);
  }
  for (const row of await selectWhereIn<{ edgeId: number; documentId: number }>(tx, "EdgeOrigin", "documentId", storedIds, ["edgeId", "documentId"])) {
    previouslyEdges.set(row.edgeId, docById.get(row.documentId)!);
  }
  await deleteWhereIn(tx, "NodeOrigin", "documentId", storedIds);
  await deleteWhereIn(tx, "EdgeOrigin", "documentId", storedIds);
  await updateRows(
    tx,
    "SourceDocument",
    ["id"],
    storedChanged.map((doc) => ({
      id: documentIds.get(doc.key)!,
      digest: digests.get(doc.key)!,
      format: doc.format,
      lastImportId: importId,
      importedAt: new Date(),
    })),
  );
  const fresh = changed.filter((doc) => !storedByKey.has(doc.key));
  const inserted = await insertRows<{ id: number; key: string }>(
    tx,
    "SourceDocument",
    fresh.map((doc) => ({ key: doc.key, format: doc.format, digest: digests.get(doc.key)!, lastImportId: importId })),
    ["id", "key"],
  );
  for (const row of inserted) documentIds.set(row.key, row.id);

  const nodeOrigins: { nodeId: number; documentId: number }[] = [];
  const edgeOrigins: { edgeId: number; documentId: number }[] = [];
  for (const doc of changed) {
    const documentId = documentIds.get(doc.key)!;
    for (const nodeId of new Set(doc.nodes.map((fact) => nodeIds.get(fact.key)!))) nodeOrigins.push({ nodeId, documentId });
    const docEdgeIds = new Set(doc.edges.map((edge) => edgeIds.get(edgeKey(edge.kind, nodeIds.get(edge.from)!, nodeIds.get(edge.to)!))!));
    for (const edgeId of docEdgeIds) edgeOrigins.push({ edgeId, documentId });
  }
  lap("origins.replace");
  await insertRows(tx, "NodeOrigin", nodeOrigins);
  lap("origins.nodes");
  await insertRows(tx, "EdgeOrigin", edgeOrigins);
  lap("origins.edges");
  return { nodes: previouslyNodes, edges: previouslyEdges };
}

/** What the changed documents contributed before this import: node and edge ids, each with the document that named it. */
interface PreviousOrigins {
  nodes: Map<number, TGraphDocument>;
  edges: Map<number, TGraphDocument>;
}

/** What a re-imported document no longer mentions, and no other document contributes, goes. */
async function removeOrphans(
  tx: Tx,
  { nodes: previouslyNodes, edges: previouslyEdges }: PreviousOrigins,
  formatOf: (doc: TGraphDocument) => TApplySummary["byFormat"][string],
) {
  const keptEdges = new Set(
    (await selectWhereIn<{ edgeId: number }>(tx, "EdgeOrigin", "edgeId", [...previouslyEdges.keys()], ["edgeId"])).map((row) => row.edgeId),
  );
  const orphanEdges = [...previouslyEdges.keys()].filter((id) => !keptEdges.has(id));
  await deleteWhereIn(tx, "Edge", "id", orphanEdges);
  for (const id of orphanEdges) formatOf(previouslyEdges.get(id)!).edges.removed += 1;

  const keptNodes = new Set(
    (await selectWhereIn<{ nodeId: number }>(tx, "NodeOrigin", "nodeId", [...previouslyNodes.keys()], ["nodeId"])).map((row) => row.nodeId),
  );
  const orphanNodes = [...previouslyNodes.keys()].filter((id) => !keptNodes.has(id));
  await deleteWhereIn(tx, "Node", "id", orphanNodes);
  for (const id of orphanNodes) formatOf(previouslyNodes.get(id)!).nodes.removed += 1;
}
