// TanStack Query key factories, one object per resource. Keys start with the resource name so
// `invalidateQueries({ queryKey: radiusKeys.all })` refreshes everything of that resource.
// Append new resources here; don't reorder or rename existing ones.

export const radiusKeys = {
  all: ["blast-radius"] as const,
  radius: (query: string) => [...radiusKeys.all, query] as const,
};

export const pathKeys = {
  all: ["path"] as const,
  path: (from: string, to: string, k: number) => [...pathKeys.all, from, to, k] as const,
};

export const nodeSearchKeys = {
  all: ["node-search"] as const,
  search: (q: string, kinds: readonly string[]) => [...nodeSearchKeys.all, q, kinds.join(",")] as const,
};

export const assumedCompromisedKeys = {
  all: ["assumed-compromised"] as const,
  list: () => [...assumedCompromisedKeys.all, "list"] as const,
};

export const inventoryKeys = {
  all: ["inventory"] as const,
  /** `search` is the canonical query string (inventoryQueryToParams), so equal views share a cache entry */
  list: (kind: string, search: string) => [...inventoryKeys.all, kind, search] as const,
};

export const graphKeys = {
  all: ["graph"] as const,
  neighbourhood: (focus: number, depth: number, kinds: readonly string[], exposure: readonly string[], limit: number) =>
    [...graphKeys.all, "neighbourhood", focus, depth, kinds.join(","), exposure.join(","), limit] as const,
  node: (id: number) => [...graphKeys.all, "node", id] as const,
};

export const whatIfEffectsKeys = {
  all: ["what-if-effects"] as const,
  /** `question` is the radius' API query (applied controls included); `controls` one batch of candidates */
  batch: (graphVersion: number, question: string, controls: readonly string[]) => [...whatIfEffectsKeys.all, graphVersion, question, ...controls] as const,
};

export const fixesKeys = {
  all: ["fixes"] as const,
  radius: (graphVersion: number, question: string, top: number) => [...fixesKeys.all, "radius", graphVersion, question, top] as const,
};
