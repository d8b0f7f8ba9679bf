import type { Database } from "@/lib/db";
import type { OpenDatabase } from "@/lib/database/open-database";
import { buildEngineGraph, type EngineGraph } from "@/lib/engine/graph";
import { loadGraph, readGraphVersion } from "@/lib/data/graph/load-graph";

// One in-memory graph per process and database, rebuilt when GraphState.version moves. The
// version lives in the database, so every app instance behind a load balancer notices another
// instance's import on its next request (one one-row query per request).

interface CacheEntry {
  version: number;
  graph: Promise<EngineGraph>;
}

const cache = new WeakMap<OpenDatabase, CacheEntry>();

export async function getEngineGraph({ connection }: Pick<Database, "connection">): Promise<EngineGraph> {
  const version = await readGraphVersion(connection);
  const entry = cache.get(connection);
  if (entry && entry.version === version) return entry.graph;
  const graph = loadGraph(connection).then(buildEngineGraph);
  const fresh: CacheEntry = { version, graph };
  cache.set(connection, fresh);
  graph.then(
    (built) => {
      // it may have been read at a newer version than asked for; key it by what it holds
      if (cache.get(connection) === fresh) fresh.version = built.version;
    },
    () => {
      if (cache.get(connection) === fresh) cache.delete(connection);
    },
  );
  return graph;
}
