import { z } from "zod";
import { ZNodeKind } from "./graph-facts";
import type { TRefProblem } from "./input-problem";

// The shared "assumed compromised" set (BloodHound's Owned): one schema for the API, the data
// functions and the client hooks.

export const ZAssumedCompromise = z.object({
  nodeId: z.number().int(),
  key: z.string(),
  kind: ZNodeKind,
  name: z.string(),
  markedBy: z.string(),
  /** ISO 8601 */
  markedAt: z.string(),
  note: z.string().nullable(),
});
export type TAssumedCompromise = z.infer<typeof ZAssumedCompromise>;

export const ZAssumedCompromiseList = z.object({ items: z.array(ZAssumedCompromise) });
export type TAssumedCompromiseList = z.infer<typeof ZAssumedCompromiseList>;

/** POST /api/assumed-compromised answer: 201 when newly marked, 200 when it already was. */
export const ZMarkAssumedCompromisedResult = z.object({ item: ZAssumedCompromise, created: z.boolean() });

/** DELETE /api/assumed-compromised answer: false when the node was not marked. */
export const ZUnmarkAssumedCompromisedResult = z.object({ removed: z.boolean() });

/** POST /api/assumed-compromised body. */
export const ZMarkAssumedCompromisedInput = z.object({
  ref: z.string().trim().min(1, "ref must name a node key, e.g. pkg:npm/chalk@5.6.1").max(1000),
  note: z.string().trim().max(500, "note is at most 500 characters").optional(),
});
export type TMarkAssumedCompromisedInput = z.infer<typeof ZMarkAssumedCompromisedInput>;

/** DELETE /api/assumed-compromised?ref=… query. */
export const ZUnmarkAssumedCompromisedInput = z.object({
  ref: z.string().trim().min(1, "ref must name a node key").max(1000),
});

/** A failed mark/unmark: the ref that names no node, with the keys closest to it. */
export type TCompromiseFailure = { ok: false; errors: TRefProblem[] };
