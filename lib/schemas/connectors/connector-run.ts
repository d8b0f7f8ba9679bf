import { z } from "zod";
import { ZImportResult } from "../import";

// A connector run as the CLI's --json prints it, the dashboard shows it and the ConnectorRun row
// keeps it: what was collected (counts), what changed since the last run of the same connector and
// target, and the import's own result.

export const CONNECTOR_SNAPSHOT_PARTS = ["secrets", "runners", "identities", "maintainers", "files"] as const;
export type ConnectorSnapshotPart = (typeof CONNECTOR_SNAPSHOT_PARTS)[number];

const ZRefs = z.array(z.string());
const ZDelta = z.object({ added: ZRefs, removed: ZRefs });

/** The refs a run saw, part by part: the next run diffs against it. */
export const ZConnectorSnapshot = z.object({ secrets: ZRefs, runners: ZRefs, identities: ZRefs, maintainers: ZRefs, files: ZRefs });
export type TConnectorSnapshot = z.infer<typeof ZConnectorSnapshot>;

export const ZConnectorChanges = z.object({ secrets: ZDelta, runners: ZDelta, identities: ZDelta, maintainers: ZDelta, files: ZDelta });
export type TConnectorChanges = z.infer<typeof ZConnectorChanges>;

export const ZConnectorOutcome = z.enum(["imported", "unchanged", "dry-run", "refused", "failed"]);
export type TConnectorOutcome = z.infer<typeof ZConnectorOutcome>;

export const ZConnectorRunResult = z.object({
  kind: z.string(),
  target: z.string(),
  ok: z.boolean(),
  outcome: ZConnectorOutcome,
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime(),
  message: z.string(),
  /** what the person must do about a failure (the permission to grant, when to retry) */
  hint: z.string().nullable(),
  counts: z.record(z.string(), z.number()),
  /** null when the run failed before anything was collected */
  changes: ZConnectorChanges.nullable(),
  import: ZImportResult.nullable(),
});
export type TConnectorRunResult = z.infer<typeof ZConnectorRunResult>;

/** The kinds a connector run can be started for, and the target's shape. */
export const ZConnectorKind = z.enum(["github", "npm"]);
export type TConnectorKind = z.infer<typeof ZConnectorKind>;

/** The dashboard's "start a sync": which connector and what to read. The token is the server's, never sent. */
export const ZConnectorSyncRequest = z.object({
  kind: ZConnectorKind,
  target: z
    .string()
    .trim()
    .regex(/^@?[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/, "an organisation (acme) or npm scope (@acme)"),
});
export type TConnectorSyncRequest = z.infer<typeof ZConnectorSyncRequest>;

/** The last run of a connector and target, as the Connectors section shows it. */
export interface TConnectorRunSummary {
  kind: string;
  target: string;
  finishedAt: string;
  outcome: string;
  message: string;
  hint: string | null;
  counts: Record<string, number>;
  changes: TConnectorChanges | null;
}

/** A connector the server can run, and whether its token's environment variable is set (never its value). */
export interface TConnectorAvailability {
  kind: string;
  tokenEnv: string;
  tokenSet: boolean;
  apiUrl: string | null;
}
