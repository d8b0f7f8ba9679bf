import type { TGraphDocument } from "@/lib/schemas/graph-facts";
import type { TFileProblem } from "@/lib/schemas/input-problem";

// Blastmap lists itself and its own API tokens in its inventory (lib/data/tokens/
// publish-token-identities.ts). Those entries are Blastmap's to write: an import that could
// describe them would let a stolen CI token mark itself short-lived and read-only, or drop its
// write access to Blastmap. So no imported document may create or describe these nodes (a mention
// with attributes is a description when the node does not exist yet), say what a Blastmap token
// can reach, or replace Blastmap's own document. Edges that merely point at them stay allowed:
// "this CI secret holds the Blastmap token" and "this deploy key reaches Blastmap" are inventory
// only the importer knows.

/** The node Blastmap writes for itself; keys are built by lib/graph-keys/refs.ts. */
export const RESERVED_NODE_KEYS = new Set(["system:blastmap"]);
/** Blastmap's API tokens and connector tokens as identities, and any secret named for them. */
export const RESERVED_KEY_PREFIXES = ["identity:blastmap-token:", "secret:blastmap-token:", "identity:blastmap:", "secret:blastmap:"];
/** Documents written by Blastmap itself (`blastmap:api-tokens`). */
const RESERVED_DOCUMENT_PREFIX = "blastmap:";

export function isReservedKey(key: string): boolean {
  return RESERVED_NODE_KEYS.has(key) || RESERVED_KEY_PREFIXES.some((prefix) => key.startsWith(prefix));
}

const isTokenIdentity = (key: string) => key.startsWith(RESERVED_KEY_PREFIXES[0]) || key.startsWith(RESERVED_KEY_PREFIXES[2]);

/** Errors for every imported document that touches Blastmap's own entries; [] when none does. */
export function findReservedKeyUses(documents: TGraphDocument[], fileOf: (document: TGraphDocument) => string = (document) => document.key): TFileProblem[] {
  const errors: TFileProblem[] = [];
  for (const document of documents) {
    const file = fileOf(document);
    if (document.key.startsWith(RESERVED_DOCUMENT_PREFIX) || document.format === "blastmap") {
      errors.push({ file, message: `document "${document.key}" is reserved: only Blastmap writes its own inventory` });
    }
    document.nodes.forEach((node, index) => {
      if (!isReservedKey(node.key)) return;
      errors.push({
        file,
        path: `nodes[${index}]`,
        message: `"${node.key}" is reserved for Blastmap's own inventory and cannot be created or described by an import`,
      });
    });
    document.edges.forEach((edge, index) => {
      if (!isTokenIdentity(edge.from)) return;
      errors.push({
        file,
        path: `edges[${index}]`,
        message: `${edge.kind} from "${edge.from}": what Blastmap's own tokens (API and connector) can reach is Blastmap's own inventory, not an import's`,
      });
    });
  }
  return errors;
}
