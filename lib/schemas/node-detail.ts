import { z } from "zod";
import { ZEdgeKind, ZExposure, ZNodeKind, ZPrivilege } from "./graph-facts";

// One entity's detail page: its attributes, where it came from and its neighbours by edge kind.

export const ZNodeAttribute = z.object({
  name: z.string(),
  /** scalars as is, dates as ISO strings, lists and JSON as JSON */
  value: z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]),
  json: z.boolean(),
});
export type TNodeAttribute = z.infer<typeof ZNodeAttribute>;

export const ZNeighbour = z.object({
  edgeId: z.number().int(),
  id: z.number().int(),
  kind: ZNodeKind,
  key: z.string(),
  name: z.string(),
  exposure: ZExposure.nullable(),
  privilege: ZPrivilege.nullable(),
});
export type TNeighbour = z.infer<typeof ZNeighbour>;

export const ZNeighbourGroup = z.object({
  edgeKind: ZEdgeKind,
  /** outgoing: this node → neighbour (compromise flows to them); incoming: neighbour → this node */
  direction: z.enum(["outgoing", "incoming"]),
  total: z.number().int(),
  neighbours: z.array(ZNeighbour),
});
export type TNeighbourGroup = z.infer<typeof ZNeighbourGroup>;

export const ZImportRef = z.object({ id: z.number().int(), startedAt: z.string(), actor: z.string() });

export const ZNodeDetail = z.object({
  id: z.number().int(),
  kind: ZNodeKind,
  key: z.string(),
  name: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  compromised: z.boolean(),
  assumedCompromise: z.object({ markedBy: z.string(), markedAt: z.string(), note: z.string().nullable() }).nullable(),
  attributes: z.array(ZNodeAttribute),
  provenance: z.object({
    firstImport: ZImportRef.nullable(),
    lastImport: ZImportRef.nullable(),
    documents: z.array(z.object({ key: z.string(), format: z.string(), importedAt: z.string() })),
  }),
  neighbourGroups: z.array(ZNeighbourGroup),
});
export type TNodeDetail = z.infer<typeof ZNodeDetail>;
