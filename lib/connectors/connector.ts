import type { SourceFile } from "@/lib/ingest/types";
export interface ConnectorRun {
  /** what to import: real files and one inventory document */
  sources: SourceFile[];
  /** counts a person reads in the summary, e.g. { repositories: 12, secrets: 30 } */
  counts: Record<string, number>;
}
export interface Connector {
  /** "github" | "npm" */
  kind: string;
  /** the organisation or scope, e.g. "acme" or "@acme" */
  target: string;
  collect(progress: (line: string) => void): Promise<ConnectorRun>;
}
