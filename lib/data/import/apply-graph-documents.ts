import { createHash } from "node:crypto";
import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ZGraphDocument, type TApplySummary, type TChangeCounts, type TGraphDocument, type TNodeFact, type TNodeKind } from "@/lib/schemas/graph-facts";
import { describeProblem, type TFileProblem } from "@/lib/schemas/input-problem";
import { analyzeAfterLoad, reportTableChangesAtCommit } from "./analyze-after-load";
import {
  allocateIds,
  deleteWhereIn,
  insertColumns,
  insertRows,
  reserveIdRange,
  selectWhereIn,
  selectWhereMatches,
  updateRows,
  yieldToEventLoop,
  type Row,
} from "./bulk-sql";
import { ascendingOrder, inOrder } from "./ascending-order";
import { EdgeKeyMap } from "./edge-key-map";
import { openBulkLoadWindow } from "./bulk-load-window";
import type { Lap } from "./phase-laps";
import { WriteBehind } from "./write-behind";

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

/** Node and its detail tables: all written before the edges are matched. */
const NODE_SIDE_TABLES = ["Node", ...Object.values(DETAIL_TABLE)];

/** What the changed documents say about one node, merged; `ownsAttrs` once its attributes are a copy this import may write to. */
interface MergedFact {
  fact: TNodeFact;
  doc: TGraphDocument;
  ownsAttrs: boolean;
}

/** The description's fields win, and so do its attributes where it gives them (a lockfile thousands of repositories share merges thousands of times: one copy, then writes). */
function mergeDescription(seen: MergedFact, fact: TNodeFact): void {
  const attrs = (seen.ownsAttrs ? seen.fact.attrs : { ...seen.fact.attrs }) as Record<string, unknown>;
  const given = fact.attrs as Record<string, unknown>;
  for (const name in given) if (given[name] !== undefined) attrs[name] = given[name];
  seen.fact = { ...fact, attrs } as TNodeFact;
  seen.ownsAttrs = true;
}

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

  const stored = await selectWhereIn<{ id: number; key: string; digest: string }>(tx, "SourceDocument", "key", [...keys], ["id", "key", "digest"]);
  const storedByKey = new Map(stored.map((row) => [row.key, row]));
  // A stored document is compared by digest now. A new one is changed whatever its digest, which is
  // worked out later, while the database writes the nodes and edges (writeNewDocuments): digests
  // are a fifth of the client's work before the first insert.
  const digests = new Map<string, string>();
  for (const doc of documents) if (storedByKey.has(doc.key)) digests.set(doc.key, documentDigest(doc));
  const changed = documents.filter((doc) => !storedByKey.has(doc.key) || storedByKey.get(doc.key)!.digest !== digests.get(doc.key));
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
  const nodeFacts = new Map<string, MergedFact>();
  for (const doc of changed) {
    for (const fact of doc.nodes) {
      const seen = nodeFacts.get(fact.key);
      if (!seen) nodeFacts.set(fact.key, { fact, doc, ownsAttrs: false });
      else if (!fact.reference && seen.fact.kind === fact.kind) {
        // a mention's attributes remain as defaults for what the description leaves out; the node's
        // document is the first that describes it
        if (seen.fact.reference) seen.doc = doc;
        mergeDescription(seen, fact);
      }
    }
  }

  lap("mergeNodeFacts");
  const previously = await takePreviousOrigins(tx, changed, storedByKey);
  lap("origins.previous");
  const describedEdges = changed.reduce((sum, doc) => sum + doc.edges.length, 0);
  const bulkLoad = await openBulkLoadWindow(tx, nodeFacts.size + describedEdges);
  // Inside the window the graph tables are locked: ids are reserved as ranges, the edges' at once
  // for as many as the documents describe (the range's unused end is a gap in the ids), so that
  // nothing the client waits for queues behind the node side's indexes being built again.
  const drawIds = bulkLoad ? reserveIdRange : allocateIds;
  const edgeIds = bulkLoad ? await reserveIdRange(tx, "Edge", describedEdges) : null;
  lap("bulkLoad.open");
  // Inserts run on while the client matches edges and builds origins; all are done before the window closes.
  const behind = new WriteBehind();
  const { ids: nodeIds, fresh: freshNodeIds } = await upsertNodes(tx, nodeFacts, importRow.id, drawIds, formatOf, lap, behind);
  // the server builds the node side's indexes while the client matches edges
  if (bulkLoad) behind.start(() => bulkLoad.restore(NODE_SIDE_TABLES));
  const edgesByDocument = await upsertEdges(tx, changed, nodeIds, freshNodeIds, importRow.id, edgeIds, formatOf, lap, behind);
  const originsOf = async (docs: TGraphDocument[]) => {
    const origins: DocumentOrigins[] = [];
    for (const [n, doc] of docs.entries()) {
      // the inserts started before go on meanwhile
      if (n % YIELD_EVERY_DOCUMENTS === 0) await yieldToEventLoop();
      origins.push({
        nodeIds: distinct(doc.nodes.map((fact) => nodeIds.get(fact.key)!)),
        edgeIds: distinct(edgesByDocument.get(doc)!.map((entry) => entry.id)),
      });
    }
    return origins;
  };
  const storedChanged = changed.filter((doc) => storedByKey.has(doc.key));
  const storedOrigins = await originsOf(storedChanged);
  behind.start(() =>
    updateRows(
      tx,
      "SourceDocument",
      ["id"],
      storedChanged.map((doc, i) => ({
        id: storedByKey.get(doc.key)!.id,
        digest: digests.get(doc.key)!,
        format: doc.format,
        lastImportId: importRow.id,
        importedAt: new Date(),
        ...storedOrigins[i],
      })),
    ),
  );
  const freshDocuments = changed.filter((doc) => !storedByKey.has(doc.key));
  const freshOrigins = await originsOf(freshDocuments);
  lap("origins.documents");
  // The new documents' digests are worked out last, while the database writes the nodes and edges.
  await writeNewDocuments(tx, freshDocuments, freshOrigins, importRow.id, behind);
  lap("documents.new");
  await behind.settle();
  lap("writes.settled");
  if (bulkLoad) {
    await bulkLoad.close();
    lap("bulkLoad.close");
  }
  await removeOrphans(tx, previously, [...storedOrigins, ...freshOrigins], formatOf);
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
  nodeFacts: Map<string, MergedFact>,
  importId: number,
  drawIds: typeof allocateIds,
  formatOf: (doc: TGraphDocument) => TApplySummary["byFormat"][string],
  lap: Lap,
  behind: WriteBehind,
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
  const merged = [...nodeFacts.values()];
  const kindClash = merged.find(({ fact }) => existing.has(fact.key) && existing.get(fact.key)!.kind !== fact.kind);
  if (kindClash) {
    throw new GraphApplyError([
      {
        file: kindClash.doc.key,
        message: `${kindClash.fact.key} is already stored as a ${existing.get(kindClash.fact.key)!.kind}, not a ${kindClash.fact.kind}`,
      },
    ]);
  }

  lap("nodes.read");
  const fresh = merged.filter(({ fact }) => !existing.has(fact.key));
  const ids = new Map<string, number>();
  for (const [key, row] of existing) ids.set(key, row.id);
  // ids drawn before the insert: the rows need no RETURNING, and every later row can name its node at once
  const freshIds = await drawIds(tx, "Node", fresh.length);
  fresh.forEach(({ fact }, i) => ids.set(fact.key, freshIds[i]));
  const nodeColumns = {
    columns: { id: freshIds, kind: fresh.map(({ fact }) => fact.kind), key: fresh.map(({ fact }) => fact.key), name: fresh.map(({ fact }) => fact.name) },
    constants: { firstImportId: importId, lastImportId: importId },
  };
  behind.start(() => insertColumns(tx, "Node", nodeColumns));
  for (const { doc } of fresh) formatOf(doc).nodes.created += 1;
  lap("nodes.insert");

  // Package versions point at their package row, which must exist first.
  const order: TNodeKind[] = ["package", ...(Object.keys(DETAIL_TABLE) as TNodeKind[]).filter((k) => k !== "package")];
  const renamedNodes: Record<string, unknown>[] = [];
  const byKind = new Map<TNodeKind, MergedFact[]>(order.map((kind) => [kind, []]));
  for (const entry of merged) byKind.get(entry.fact.kind)!.push(entry);
  for (const kind of order) {
    const ofKind = byKind.get(kind)!;
    if (ofKind.length === 0) continue;
    const table = DETAIL_TABLE[kind];
    const rows = ofKind.map(({ fact, doc }) => ({ fact, doc, row: detailRow(fact, ids, doc) }));
    const freshRows = rows.filter(({ fact }) => !existing.has(fact.key)).map(({ row }) => row);
    behind.start(() => insertRows(tx, table, freshRows));

    const old = rows.filter(({ fact }) => existing.has(fact.key) && !fact.reference);
    for (const { fact, doc } of rows) if (existing.has(fact.key) && fact.reference) formatOf(doc).nodes.unchanged += 1;
    // read through Prisma so stored values come back typed as the facts are (dates, enums, arrays)
    const delegate = (tx as unknown as Record<string, DetailReader>)[table[0].toLowerCase() + table.slice(1)];
    const current = new Map<number, Record<string, unknown>>();
    for (let i = 0; i < old.length; i += READ_CHUNK) {
      const part = old.slice(i, i + READ_CHUNK).map(({ row }) => row.nodeId as number);
      // rows of nodes stored before this import: the started inserts write other rows
      for (const row of await behind.alongside(() => delegate.findMany({ where: { nodeId: { in: part } } }))) current.set(row.nodeId as number, row);
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
    behind.start(() => insertRows(tx, table, missing));
    behind.start(() => updateRows(tx, table, ["nodeId"], updates));
  }
  behind.start(() => updateRows(tx, "Node", ["id"], renamedNodes));
  lap("nodes.details");
  return { ids, fresh: new Set(freshIds) };
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

/** One edge the changed documents describe (several documents may describe the same edge: the last one's facts win). */
interface WantedEdge {
  /** assigned once the edge is found stored or inserted */
  id: number;
  doc: TGraphDocument;
  kind: string;
  fromId: number;
  toId: number;
  exposure: string | null;
  privilege: string | null;
  attributes: unknown;
}

/** The edges each changed document describes, as entries of the import's wanted edges (the document's origins). */
type EdgesByDocument = Map<TGraphDocument, WantedEdge[]>;

async function upsertEdges(
  tx: Tx,
  changed: TGraphDocument[],
  nodeIds: Map<string, number>,
  freshNodeIds: Set<number>,
  importId: number,
  reservedIds: number[] | null,
  formatOf: (doc: TGraphDocument) => TApplySummary["byFormat"][string],
  lap: Lap,
  behind: WriteBehind,
): Promise<EdgesByDocument> {
  // Edge endpoints may be nodes stored by earlier imports (an inventory naming a system).
  const missing = new Set<string>();
  for (const doc of changed) for (const edge of doc.edges) for (const key of [edge.from, edge.to]) if (!nodeIds.has(key)) missing.add(key);
  // nodes stored before this import: not among the started inserts
  const stored = await behind.alongside(() => selectWhereIn<{ id: number; key: string }>(tx, "Node", "key", [...missing], ["id", "key"]));
  for (const row of stored) nodeIds.set(row.key, row.id);
  const errors: TFileProblem[] = [];
  const wanted = new EdgeKeyMap<WantedEdge>();
  const byDocument: EdgesByDocument = new Map();
  for (const [n, doc] of changed.entries()) {
    // the nodes' inserts go on meanwhile: let them take their next statement now and then
    if (n % YIELD_EVERY_DOCUMENTS === 0) await yieldToEventLoop();
    const described: WantedEdge[] = [];
    byDocument.set(doc, described);
    doc.edges.forEach((edge, index) => {
      const fromId = nodeIds.get(edge.from);
      const toId = nodeIds.get(edge.to);
      if (fromId === undefined || toId === undefined) {
        errors.push({ file: doc.key, path: `edges[${index}]`, message: `${edge.kind} refers to unknown node ${fromId === undefined ? edge.from : edge.to}` });
        return;
      }
      let entry = wanted.get(edge.kind, fromId, toId);
      if (!entry) wanted.set(edge.kind, fromId, toId, (entry = { id: 0, doc, kind: edge.kind, fromId, toId, exposure: null, privilege: null, attributes: {} }));
      entry.doc = doc;
      entry.exposure = edge.exposure ?? null;
      entry.privilege = edge.privilege ?? null;
      entry.attributes = edge.attributes ?? {};
      described.push(entry);
    });
  }
  if (errors.length > 0) throw new GraphApplyError(errors.slice(0, 50));

  // Only an edge between two nodes stored before this import can exist already: read exactly those
  // candidates by their unique key (reading every edge of their endpoints grows with the graph).
  const candidates: Row[] = [];
  for (const entry of wanted.values())
    if (!freshNodeIds.has(entry.fromId) && !freshNodeIds.has(entry.toId)) candidates.push({ kind: entry.kind, fromId: entry.fromId, toId: entry.toId });
  const existing = new EdgeKeyMap<StoredEdge>();
  // edges between nodes stored before this import: none of them is being written
  const storedEdges = await behind.alongside(() =>
    selectWhereMatches<StoredEdge & { kind: string; fromId: number; toId: number }>(tx, "Edge", candidates, [
      "id",
      "kind",
      "fromId",
      "toId",
      "exposure",
      "privilege",
      "attributes",
    ]),
  );
  for (const row of storedEdges) existing.set(row.kind, row.fromId, row.toId, row);
  lap("edges.read");

  const unordered: WantedEdge[] = [];
  const updates: Record<string, unknown>[] = [];
  for (const entry of wanted.values()) {
    const before = existing.get(entry.kind, entry.fromId, entry.toId);
    if (!before) {
      unordered.push(entry);
      formatOf(entry.doc).edges.created += 1;
      continue;
    }
    entry.id = before.id;
    const same = before.exposure === entry.exposure && before.privilege === entry.privilege && comparable(before.attributes) === comparable(entry.attributes);
    if (same) {
      formatOf(entry.doc).edges.unchanged += 1;
    } else {
      // exposure and privilege may be set back to null: rows carry null explicitly, never undefined
      updates.push({ id: before.id, exposure: entry.exposure, privilege: entry.privilege, attributes: entry.attributes, lastImportId: importId });
      formatOf(entry.doc).edges.updated += 1;
    }
  }
  // in the order of the unique key's leading column, ids ascending with it (see ascending-order.ts)
  const fresh = inOrder(unordered, ascendingOrder(unordered.map((entry) => entry.fromId)));
  const freshIds = reservedIds ? reservedIds.slice(0, fresh.length) : await behind.alongside(() => allocateIds(tx, "Edge", fresh.length));
  fresh.forEach((entry, i) => (entry.id = freshIds[i]));
  const edgeColumns = {
    columns: {
      id: freshIds,
      kind: fresh.map((entry) => entry.kind),
      fromId: fresh.map((entry) => entry.fromId),
      toId: fresh.map((entry) => entry.toId),
      exposure: fresh.map((entry) => entry.exposure),
      privilege: fresh.map((entry) => entry.privilege),
      attributes: fresh.map((entry) => entry.attributes),
    },
    constants: { firstImportId: importId, lastImportId: importId },
  };
  behind.start(() => insertColumns(tx, "Edge", edgeColumns));
  behind.start(() => updateRows(tx, "Edge", ["id"], updates));
  lap("edges.write");
  return byDocument;
}

type StoredEdge = {
  id: number;
  exposure: string | null;
  privilege: string | null;
  attributes: unknown;
};

/**
 * What the changed documents that are already stored named before (their origins), each node and
 * edge with the document that named it. Read before a bulk-load window opens; the documents' rows
 * are then written with what they name now.
 */
async function takePreviousOrigins(tx: Tx, changed: TGraphDocument[], storedByKey: Map<string, { id: number }>): Promise<PreviousOrigins> {
  const docById = new Map<number, TGraphDocument>();
  for (const doc of changed) if (storedByKey.has(doc.key)) docById.set(storedByKey.get(doc.key)!.id, doc);
  const nodes = new Map<number, TGraphDocument>();
  const edges = new Map<number, TGraphDocument>();
  const stored = await selectWhereIn<{ id: number; nodeIds: number[] | null; edgeIds: number[] | null }>(
    tx,
    "SourceDocument",
    "id",
    [...docById.keys()],
    ["id", "nodeIds", "edgeIds"],
  );
  for (const row of stored) {
    const doc = docById.get(row.id)!;
    for (const id of row.nodeIds ?? []) nodes.set(id, doc);
    for (const id of row.edgeIds ?? []) edges.set(id, doc);
  }
  return { nodes, edges };
}

/** The node and edge ids a document names (its origins), each once. */
interface DocumentOrigins {
  nodeIds: number[];
  edgeIds: number[];
}

const distinct = (ids: number[]) => [...new Set(ids)];

/** Digests the new documents and starts storing them with their origins, a few at a time so the started inserts keep the database busy meanwhile. */
async function writeNewDocuments(tx: Tx, fresh: TGraphDocument[], origins: DocumentOrigins[], importId: number, behind: WriteBehind): Promise<void> {
  const digests: string[] = [];
  for (const [n, doc] of fresh.entries()) {
    if (n % YIELD_EVERY_DIGESTS === 0) await yieldToEventLoop();
    digests.push(documentDigest(doc));
  }
  // ids from the column's default: nothing else names a document by id
  const columns = {
    columns: {
      key: fresh.map((doc) => doc.key),
      format: fresh.map((doc) => doc.format),
      digest: digests,
      nodeIds: origins.map((origin) => origin.nodeIds),
      edgeIds: origins.map((origin) => origin.edgeIds),
    },
    constants: { lastImportId: importId },
  };
  behind.start(() => insertColumns(tx, "SourceDocument", columns));
}

/** Documents digested between two turns of the event loop (a lockfile's document takes ~0.1 ms). */
const YIELD_EVERY_DIGESTS = 50;

/** How many documents the client works through between two turns of the event loop while inserts run on. */
const YIELD_EVERY_DOCUMENTS = 200;

/** What the changed documents contributed before this import: node and edge ids, each with the document that named it. */
interface PreviousOrigins {
  nodes: Map<number, TGraphDocument>;
  edges: Map<number, TGraphDocument>;
}

/** What a re-imported document no longer mentions, and no other document contributes, goes. */
async function removeOrphans(
  tx: Tx,
  { nodes: previouslyNodes, edges: previouslyEdges }: PreviousOrigins,
  changedOrigins: DocumentOrigins[],
  formatOf: (doc: TGraphDocument) => TApplySummary["byFormat"][string],
) {
  // what the changed documents name now stays; only the rest may be named by no document
  const namedNow = (ids: Iterable<number>, column: "nodeIds" | "edgeIds") => {
    if (previouslyNodes.size + previouslyEdges.size === 0) return [];
    const named = new Set(changedOrigins.flatMap((origins) => origins[column]));
    return [...ids].filter((id) => !named.has(id));
  };
  const edgeCandidates = namedNow(previouslyEdges.keys(), "edgeIds");
  const keptEdges = await stillNamed(tx, "edgeIds", edgeCandidates);
  const orphanEdges = edgeCandidates.filter((id) => !keptEdges.has(id));
  await deleteWhereIn(tx, "Edge", "id", orphanEdges);
  for (const id of orphanEdges) formatOf(previouslyEdges.get(id)!).edges.removed += 1;

  const nodeCandidates = namedNow(previouslyNodes.keys(), "nodeIds");
  const keptNodes = await stillNamed(tx, "nodeIds", nodeCandidates);
  const orphanNodes = nodeCandidates.filter((id) => !keptNodes.has(id));
  await deleteWhereIn(tx, "Node", "id", orphanNodes);
  for (const id of orphanNodes) formatOf(previouslyNodes.get(id)!).nodes.removed += 1;
}

/** Those of `ids` some stored document still names, found through the documents' GIN index. */
async function stillNamed(tx: Tx, column: "nodeIds" | "edgeIds", ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await tx.$queryRawUnsafe<{ id: number }[]>(
    `SELECT DISTINCT n AS id FROM "SourceDocument" d CROSS JOIN LATERAL unnest(d."${column}") AS n
      WHERE d."${column}" && $1::integer[] AND n IN (SELECT unnest($1::integer[]))`,
    `{${ids.join(",")}}`,
  );
  return new Set(rows.map((row) => row.id));
}
