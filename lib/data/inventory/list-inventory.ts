import "server-only";
import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  INVENTORY_SPECS,
  STALE_DAYS,
  type TInventoryCell,
  type TInventoryKind,
  type TInventoryPage,
  type TInventoryQuery,
  type TInventoryRow,
  type TRiskFlag,
} from "@/lib/schemas/inventory-query";
import { EXPOSURES, type TExposure } from "@/lib/schemas/graph-facts";

// One list function for every inventory page: the kind's spec (lib/schemas/inventory-query.ts)
// says what may be filtered and sorted; here each becomes a Prisma condition on Node and its 1:1
// detail row, so filtering, sorting, counting and paging all happen in the database and only one
// page of rows is read. Risk flags are SQL conditions; the same rules, in JS, label each row.

type Relation = "identity" | "secret" | "package" | "packageVersion" | "publisher" | "context" | "runner" | "system" | "action" | "advisory";

const RELATION: Record<TInventoryKind, Relation> = {
  identities: "identity",
  secrets: "secret",
  packages: "package",
  versions: "packageVersion",
  publishers: "publisher",
  contexts: "context",
  runners: "runner",
  systems: "system",
  actions: "action",
  advisories: "advisory",
};

/** The detail column the "type" filter selects on. */
const TYPE_FIELD: Partial<Record<TInventoryKind, string>> = {
  identities: "identityKind",
  secrets: "storedIn",
  contexts: "contextKind",
  runners: "hosting",
  systems: "systemKind",
};

// Every include the pages use, so the row type is known; each query includes only its kind's part.
const ALL_INCLUDES = {
  assumedCompromise: { select: { nodeId: true } },
  identity: true,
  secret: true,
  package: { include: { _count: { select: { versions: true } }, versions: { where: { compromised: true }, select: { nodeId: true }, take: 1 } } },
  packageVersion: true,
  publisher: true,
  context: true,
  runner: true,
  system: true,
  action: true,
  advisory: { select: { advisoryId: true, malicious: true, summary: true, publishedAt: true } },
  inEdges: { where: { kind: "EXPOSES" }, select: { exposure: true } },
} satisfies Prisma.NodeInclude;
type NodeRow = Prisma.NodeGetPayload<{ include: typeof ALL_INCLUDES }>;

export interface ListInventoryOptions {
  /** the clock behind the 90-day flags (tests pin it) */
  now?: Date;
}

export async function listInventory(db: Db, kind: TInventoryKind, query: TInventoryQuery, options: ListInventoryOptions = {}): Promise<TInventoryPage> {
  const now = options.now ?? new Date();
  const conditions = inventoryConditions(kind, query, now);
  const where = nodeWhere(kind, conditions);
  const include: Prisma.NodeInclude = { assumedCompromise: ALL_INCLUDES.assumedCompromise, [RELATION[kind]]: ALL_INCLUDES[RELATION[kind]] };
  if (kind === "secrets") include.inEdges = ALL_INCLUDES.inEdges;
  const sort = query.sort ?? INVENTORY_SPECS[kind].defaultSort;
  const skip = (query.page - 1) * query.pageSize;
  const [total, nodes] = await Promise.all([
    db.node.count({ where }),
    sort === "name"
      ? db.node.findMany({ where, include, orderBy: [{ name: query.dir }, { id: query.dir }], skip, take: query.pageSize })
      : pageByDetailColumn(db, kind, conditions, sort, query, include),
  ]);
  // The include above is the kind's slice of ALL_INCLUDES, so the rows have that shape.
  const rows = (nodes as unknown as NodeRow[]).map((node) => toRow(kind, node, now));
  return { kind, rows, total, page: query.page, pageSize: query.pageSize, pageCount: Math.max(1, Math.ceil(total / query.pageSize)) };
}

/** Conditions on the node itself and on its detail row, kept apart so either table can drive the query. */
interface InventoryConditions {
  node: Prisma.NodeWhereInput[];
  detail: Record<string, unknown>[];
}

function nodeWhere(kind: TInventoryKind, conditions: InventoryConditions): Prisma.NodeWhereInput {
  const relation = RELATION[kind];
  return { AND: [{ kind: INVENTORY_SPECS[kind].nodeKind }, ...conditions.node, ...conditions.detail.map((condition) => ({ [relation]: { is: condition } }))] };
}

interface DetailDelegate {
  findMany(args: {
    where: Record<string, unknown>;
    orderBy: Record<string, unknown>[];
    select: { nodeId: true };
    skip: number;
    take: number;
  }): Promise<{ nodeId: number }[]>;
}

/**
 * Sorting by a detail column is driven from the detail table, so the column's b-tree index gives
 * the page without joining and sorting every row (100k identities: a join sort takes ~0.5 s, the
 * index a few ms). Nulls sort as PostgreSQL orders them — last ascending, first descending —
 * because that is the order one ascending index serves in both directions.
 */
async function pageByDetailColumn(
  db: Db,
  kind: TInventoryKind,
  conditions: InventoryConditions,
  sort: string,
  query: TInventoryQuery,
  include: Prisma.NodeInclude,
) {
  // every detail delegate has this findMany shape; the table is chosen by kind at run time
  const delegate = db[RELATION[kind] === "context" ? "executionContext" : RELATION[kind]] as unknown as DetailDelegate;
  const where = { AND: [...conditions.detail, ...(conditions.node.length ? [{ node: { is: { AND: conditions.node } } }] : [])] };
  const page = await delegate.findMany({
    where,
    orderBy: [{ [sort]: query.dir }, { nodeId: query.dir }],
    select: { nodeId: true },
    skip: (query.page - 1) * query.pageSize,
    take: query.pageSize,
  });
  const ids = page.map((row) => row.nodeId);
  const nodes = await db.node.findMany({ where: { id: { in: ids } }, include });
  const position = new Map(ids.map((id, index) => [id, index]));
  return nodes.sort((a, b) => position.get(a.id)! - position.get(b.id)!);
}

const daysAgo = (now: Date, days: number) => new Date(now.getTime() - days * 86_400_000);

export function inventoryConditions(kind: TInventoryKind, query: TInventoryQuery, now: Date): InventoryConditions {
  const node: Prisma.NodeWhereInput[] = [];
  const detail: Record<string, unknown>[] = [];
  if (query.q) node.push({ OR: [{ name: { contains: query.q, mode: "insensitive" } }, { key: { contains: query.q, mode: "insensitive" } }] });
  const typeField = TYPE_FIELD[kind];
  if (query.type && typeField) detail.push({ [typeField]: query.type });
  if (query.owner) detail.push({ owner: { contains: query.owner, mode: "insensitive" } });
  if (query.lifetime) detail.push({ lifetime: query.lifetime });
  if (query.criticality.length) detail.push({ criticality: { in: query.criticality } });
  if (query.exposure.length) node.push({ inEdges: { some: { kind: "EXPOSES", exposure: { in: query.exposure } } } });
  if (query.compromised) {
    const compromised = compromisedWhere(kind);
    node.push(query.compromised === "yes" ? compromised : { NOT: compromised });
  }
  const cutoff = daysAgo(now, STALE_DAYS);
  for (const flag of query.flags) {
    if (flag === "sharedRunner" && kind === "contexts")
      node.push({ outEdges: { some: { kind: "RUNS_ON", to: { runner: { is: { shared: true, persistent: true } } } } } });
    else detail.push(flagCondition(kind, flag, cutoff));
  }
  return { node, detail };
}

function compromisedWhere(kind: TInventoryKind): Prisma.NodeWhereInput {
  const assumed: Prisma.NodeWhereInput = { assumedCompromise: { isNot: null } };
  if (kind === "versions") return { OR: [assumed, { packageVersion: { is: { compromised: true } } }] };
  if (kind === "packages") return { OR: [assumed, { package: { is: { versions: { some: { compromised: true } } } } }] };
  return assumed;
}

/** A risk flag as a condition on the detail row (contexts' shared-runner flag is an edge, above). */
function flagCondition(kind: TInventoryKind, flag: TRiskFlag, cutoff: Date): Record<string, unknown> {
  switch (flag) {
    case "longLived":
      return { lifetime: "longLived" };
    case "noOwner":
      return { owner: null };
    case "unused90":
      // no use recorded for 90 days: last use before the cutoff, or never used and issued before it
      return { OR: [{ lastUsedAt: { lt: cutoff } }, { lastUsedAt: null, issuedAt: { lt: cutoff } }] };
    case "notRotated90":
      if (kind === "identities") return { lifetime: "longLived", issuedAt: { lt: cutoff } };
      return { OR: [{ lastRotatedAt: { lt: cutoff } }, { lastRotatedAt: null, createdAt: { lt: cutoff } }] };
    case "sharedRunner":
      // a persistent runner shared between repositories keeps what one job leaves for the next
      return { shared: true, persistent: true };
  }
}

function cellValue(value: unknown): TInventoryCell {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  return JSON.stringify(value);
}

function toRow(kind: TInventoryKind, node: NodeRow, now: Date): TInventoryRow {
  const spec = INVENTORY_SPECS[kind];
  const detail = (node[RELATION[kind]] ?? {}) as Record<string, unknown>;
  const cells: Record<string, TInventoryCell> = {};
  for (const column of spec.columns) cells[column.id] = column.id === "name" ? node.name : cellValue(detail[column.id]);
  if (kind === "packages" && node.package) cells.versions = node.package._count.versions;
  if (kind === "secrets") cells.exposure = worstExposure(node.inEdges?.map((edge) => edge.exposure) ?? []);
  const compromised = (kind === "versions" && Boolean(node.packageVersion?.compromised)) || (kind === "packages" && (node.package?.versions.length ?? 0) > 0);
  return {
    id: node.id,
    key: node.key,
    name: node.name,
    compromised,
    assumedCompromised: node.assumedCompromise !== null && node.assumedCompromise !== undefined,
    flags: rowFlags(kind, node, daysAgo(now, STALE_DAYS)),
    cells,
  };
}

/** Exposure levels from most to least dangerous (EXPOSURES is declared in that order). */
function worstExposure(levels: (TExposure | null)[]): TExposure | null {
  for (const level of EXPOSURES) if (levels.includes(level)) return level;
  return null;
}

// The same rules as flagWhere, for labelling rows (contexts' shared-runner flag needs the edge,
// which a page does not load, so contexts show it only as a filter).
function rowFlags(kind: TInventoryKind, node: NodeRow, cutoff: Date): TRiskFlag[] {
  const flags: TRiskFlag[] = [];
  const before = (date: Date | null | undefined) => Boolean(date && date < cutoff);
  const identity = node.identity;
  if (kind === "identities" && identity) {
    if (identity.lifetime === "longLived") flags.push("longLived");
    if (identity.owner === null) flags.push("noOwner");
    if (before(identity.lastUsedAt) || (identity.lastUsedAt === null && before(identity.issuedAt))) flags.push("unused90");
    if (identity.lifetime === "longLived" && before(identity.issuedAt)) flags.push("notRotated90");
  }
  if (kind === "secrets" && node.secret) {
    const secret = node.secret;
    if (before(secret.lastRotatedAt) || (secret.lastRotatedAt === null && before(secret.createdAt))) flags.push("notRotated90");
  }
  if (kind === "systems" && node.system?.owner === null) flags.push("noOwner");
  if (kind === "contexts" && node.context?.owner === null) flags.push("noOwner");
  if (kind === "runners" && node.runner?.shared && node.runner.persistent) flags.push("sharedRunner");
  return flags;
}
