/** The tables that hold the stored graph: what an import writes and what ANALYZE refreshes after a bulk load. */
export const GRAPH_TABLES = [
  "Node",
  "Edge",
  "SourceDocument",
  "Publisher",
  "Package",
  "PackageVersion",
  "Identity",
  "Secret",
  "ExecutionContext",
  "Runner",
  "System",
  "Action",
  "Advisory",
] as const;
