import { NODE_KIND_REGISTRY } from "@/lib/labels/kinds";
import { valueLabel } from "@/lib/labels/value-labels";
import { z } from "zod";
import { CRITICALITIES, EXPOSURES, ZContextKind, ZIdentityKind, ZLifetime, ZRunnerHosting, ZSecretStore, ZSystemKind, type TNodeKind } from "./graph-facts";
import { ZCsvOf } from "./graph-view";
import { problemsFromIssues, type TInputProblem } from "./input-problem";

// The inventory pages' one boundary: which kinds have a page, what each can be sorted and
// filtered by, the query string (shared by the page's URL and GET /api/inventory/[kind], so a
// view can be shared by its link) and the page of rows that comes back.

export const INVENTORY_KINDS = [
  "identities",
  "secrets",
  "packages",
  "versions",
  "publishers",
  "contexts",
  "runners",
  "systems",
  "actions",
  "advisories",
] as const;
export const ZInventoryKind = z.enum(INVENTORY_KINDS);
export type TInventoryKind = z.infer<typeof ZInventoryKind>;

export const RISK_FLAGS = ["longLived", "noOwner", "unused90", "notRotated90", "sharedRunner"] as const;
export type TRiskFlag = (typeof RISK_FLAGS)[number];
/** The age behind "unused / not rotated for 90 days". */
export const STALE_DAYS = 90;

export const PAGE_SIZES = [10, 25, 50, 100] as const;

export interface InventoryColumn {
  id: string;
  label: string;
  /** sortable server-side (an indexed column or the node's name/key) */
  sortable?: boolean;
}

export interface InventorySpec {
  /** the page's title and tab: the kind's plural (lib/labels/kinds.ts) */
  label: string;
  nodeKind: TNodeKind;
  /** values of the kind-specific "type" filter (identity kind, secret store, …) */
  types?: readonly string[];
  typeLabel?: string;
  filters: { owner?: true; lifetime?: true; exposure?: true; criticality?: true; compromised?: true };
  flags: readonly TRiskFlag[];
  columns: readonly InventoryColumn[];
  defaultSort: string;
}

const nameColumn = { id: "name", label: "Name", sortable: true } as const;

const SPECS: Record<TInventoryKind, Omit<InventorySpec, "label">> = {
  identities: {
    nodeKind: "identity",
    types: ZIdentityKind.options,
    typeLabel: "Identity kind",
    filters: { owner: true, lifetime: true, compromised: true },
    flags: ["longLived", "noOwner", "unused90", "notRotated90"],
    columns: [
      nameColumn,
      { id: "identityKind", label: "Kind", sortable: true },
      { id: "owner", label: "Owner", sortable: true },
      { id: "lifetime", label: "Lifetime", sortable: true },
      { id: "lastUsedAt", label: "Last used", sortable: true },
      { id: "expiresAt", label: "Expires", sortable: true },
      { id: "provider", label: "Provider" },
    ],
    defaultSort: "name",
  },
  secrets: {
    nodeKind: "secret",
    types: ZSecretStore.options,
    typeLabel: "Stored in",
    filters: { exposure: true, compromised: true },
    flags: ["notRotated90"],
    columns: [
      nameColumn,
      { id: "secretType", label: "Type", sortable: true },
      { id: "storedIn", label: "Stored in", sortable: true },
      { id: "location", label: "Location", sortable: true },
      { id: "lastRotatedAt", label: "Last rotated", sortable: true },
      { id: "exposure", label: "Worst exposure" },
    ],
    defaultSort: "name",
  },
  packages: {
    nodeKind: "package",
    filters: { compromised: true },
    flags: [],
    columns: [
      nameColumn,
      { id: "ecosystem", label: "Ecosystem", sortable: true },
      { id: "trustedPublishing", label: "Trusted publishing", sortable: true },
      { id: "versions", label: "Versions" },
    ],
    defaultSort: "name",
  },
  versions: {
    nodeKind: "packageVersion",
    filters: { compromised: true },
    flags: [],
    columns: [
      nameColumn,
      { id: "version", label: "Version", sortable: true },
      { id: "hasInstallScript", label: "Install script", sortable: true },
      { id: "hasProvenance", label: "Provenance", sortable: true },
      { id: "publishedAt", label: "Published", sortable: true },
      { id: "publishedBy", label: "Published by", sortable: true },
    ],
    defaultSort: "name",
  },
  publishers: {
    nodeKind: "publisher",
    filters: { compromised: true },
    flags: [],
    columns: [
      nameColumn,
      { id: "ecosystem", label: "Ecosystem", sortable: true },
      { id: "handle", label: "Handle", sortable: true },
      { id: "twoFactorEnforced", label: "2FA enforced", sortable: true },
      { id: "isHuman", label: "Person", sortable: true },
      { id: "lastOwnershipChangeAt", label: "Ownership changed", sortable: true },
    ],
    defaultSort: "name",
  },
  contexts: {
    nodeKind: "context",
    types: ZContextKind.options,
    typeLabel: "Context kind",
    filters: { owner: true, compromised: true },
    flags: ["noOwner", "sharedRunner"],
    columns: [
      nameColumn,
      { id: "contextKind", label: "Kind", sortable: true },
      { id: "repo", label: "Repository", sortable: true },
      { id: "workflow", label: "Workflow", sortable: true },
      { id: "triggers", label: "Triggers" },
      { id: "owner", label: "Owner", sortable: true },
    ],
    defaultSort: "name",
  },
  runners: {
    nodeKind: "runner",
    types: ZRunnerHosting.options,
    typeLabel: "Hosting",
    filters: { compromised: true },
    flags: ["sharedRunner"],
    columns: [
      nameColumn,
      { id: "hosting", label: "Hosting", sortable: true },
      { id: "persistent", label: "Persistent", sortable: true },
      { id: "shared", label: "Shared", sortable: true },
      { id: "labels", label: "Labels" },
      { id: "group", label: "Group", sortable: true },
    ],
    defaultSort: "name",
  },
  systems: {
    nodeKind: "system",
    types: ZSystemKind.options,
    typeLabel: "System kind",
    filters: { owner: true, criticality: true, compromised: true },
    flags: ["noOwner"],
    columns: [
      nameColumn,
      { id: "systemKind", label: "Kind", sortable: true },
      { id: "criticality", label: "Criticality", sortable: true },
      { id: "owner", label: "Owner", sortable: true },
      { id: "storesSecrets", label: "Stores secrets", sortable: true },
    ],
    defaultSort: "name",
  },
  actions: {
    nodeKind: "action",
    filters: { compromised: true },
    flags: [],
    columns: [nameColumn, { id: "slug", label: "Slug", sortable: true }, { id: "owner", label: "Owner", sortable: true }],
    defaultSort: "name",
  },
  advisories: {
    nodeKind: "advisory",
    filters: {},
    flags: [],
    columns: [
      nameColumn,
      { id: "advisoryId", label: "Advisory", sortable: true },
      { id: "malicious", label: "Malicious", sortable: true },
      { id: "summary", label: "Summary" },
      { id: "publishedAt", label: "Published", sortable: true },
    ],
    defaultSort: "name",
  },
};

export const INVENTORY_SPECS = Object.fromEntries(
  INVENTORY_KINDS.map((kind) => [kind, { ...SPECS[kind], label: NODE_KIND_REGISTRY[SPECS[kind].nodeKind].plural }]),
) as Record<TInventoryKind, InventorySpec>;

/** The query string of an inventory page and of GET /api/inventory/[kind]. */
export const ZInventoryQuery = z.object({
  q: z.string().trim().max(200, "q is at most 200 characters").optional(),
  sort: z.string().max(40).optional(),
  dir: z.enum(["asc", "desc"]).default("asc"),
  page: z.coerce.number().int().min(1, "page starts at 1").max(100_000).default(1),
  pageSize: z.coerce
    .number()
    .int()
    .refine((size) => (PAGE_SIZES as readonly number[]).includes(size), `pageSize is one of ${PAGE_SIZES.join(", ")}`)
    .default(25),
  type: z.string().max(40).optional(),
  owner: z.string().trim().max(200).optional(),
  lifetime: ZLifetime.optional(),
  exposure: ZCsvOf(EXPOSURES),
  criticality: ZCsvOf(CRITICALITIES),
  compromised: z.enum(["yes", "no"]).optional(),
  flags: ZCsvOf(RISK_FLAGS),
});
export type TInventoryQuery = z.infer<typeof ZInventoryQuery>;

/**
 * Parses a page's search params for one kind: the shape (ZInventoryQuery) and what this kind
 * supports (its sort columns, type values, filters and risk flags). Empty values count as absent,
 * so a form that submits "type=" means "any type".
 */
export function parseInventoryQuery(
  kind: TInventoryKind,
  params: URLSearchParams | Record<string, string | string[] | undefined>,
): { ok: true; query: TInventoryQuery } | { ok: false; errors: TInputProblem[] } {
  const raw: Record<string, string> = {};
  const entries =
    params instanceof URLSearchParams ? [...params.entries()] : Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v.join(",") : v] as const);
  for (const [key, value] of entries) if (typeof value === "string" && value !== "") raw[key] = value;
  const parsed = ZInventoryQuery.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: problemsFromIssues(parsed.error.issues, "query") };
  const query = parsed.data;
  const spec = INVENTORY_SPECS[kind];
  const errors: TInputProblem[] = [];
  const sortable = spec.columns.filter((column) => column.sortable).map((column) => column.id);
  if (query.sort && !sortable.includes(query.sort)) errors.push({ path: "sort", message: `${spec.label} sort by one of ${sortable.join(", ")}` });
  if (query.type && !spec.types?.includes(query.type))
    errors.push({ path: "type", message: spec.types ? `type is one of ${spec.types.join(", ")}` : `${spec.label} have no type filter` });
  const unsupported = (name: keyof InventorySpec["filters"], present: boolean) => {
    if (present && !spec.filters[name]) errors.push({ path: name, message: `${spec.label} cannot be filtered by ${name}` });
  };
  unsupported("owner", Boolean(query.owner));
  unsupported("lifetime", Boolean(query.lifetime));
  unsupported("exposure", query.exposure.length > 0);
  unsupported("criticality", query.criticality.length > 0);
  unsupported("compromised", Boolean(query.compromised));
  for (const flag of query.flags)
    if (!spec.flags.includes(flag))
      errors.push({ path: "flags", message: `the "${valueLabel(flag)}" flag does not apply to ${NODE_KIND_REGISTRY[spec.nodeKind].count.other}` });
  return errors.length ? { ok: false, errors } : { ok: true, query };
}

/** The search params of a query, without defaults, in a stable order: the shareable URL. */
export function inventoryQueryToParams(query: Partial<TInventoryQuery>): URLSearchParams {
  const params = new URLSearchParams();
  const set = (key: string, value: string | number | undefined) => {
    if (value !== undefined && value !== "") params.set(key, String(value));
  };
  set("q", query.q);
  set("type", query.type);
  set("owner", query.owner);
  set("lifetime", query.lifetime);
  set("exposure", query.exposure?.join(","));
  set("criticality", query.criticality?.join(","));
  set("compromised", query.compromised);
  set("flags", query.flags?.join(","));
  set("sort", query.sort);
  if (query.dir === "desc") set("dir", "desc");
  if (query.page && query.page > 1) set("page", query.page);
  if (query.pageSize && query.pageSize !== 25) set("pageSize", query.pageSize);
  return params;
}

export const ZInventoryCell = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]);
export type TInventoryCell = z.infer<typeof ZInventoryCell>;

export const ZInventoryRow = z.object({
  id: z.number().int(),
  key: z.string(),
  name: z.string(),
  compromised: z.boolean(),
  assumedCompromised: z.boolean(),
  flags: z.array(z.enum(RISK_FLAGS)),
  /** column id → value; dates as ISO strings */
  cells: z.record(z.string(), ZInventoryCell),
});
export type TInventoryRow = z.infer<typeof ZInventoryRow>;

export const ZInventoryPage = z.object({
  kind: ZInventoryKind,
  rows: z.array(ZInventoryRow),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  pageCount: z.number().int(),
});
export type TInventoryPage = z.infer<typeof ZInventoryPage>;
