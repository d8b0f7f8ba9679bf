import type { TGraphDocument, TNodeFact } from "@/lib/schemas/graph-facts";
import { packageKey } from "../refs";
import type { DeclaredDependency } from "./parse-package-json";

// A package.json with no lockfile beside it pins nothing, so it contributes only the packages it
// names; its ranges are checked against compromised versions in the import summary.

export const packageJsonDocumentKey = (repo: string | null, path: string) => `package-json:${repo ?? "-"}:${path}`;

export function packageJsonDocument(repo: string | null, path: string, declared: DeclaredDependency[]): TGraphDocument {
  const nodes: TNodeFact[] = declared
    .filter((dependency) => dependency.semver)
    .map((dependency) => {
      const key = packageKey("npm", dependency.name);
      return { kind: "package", key, name: dependency.name, attrs: { ecosystem: "npm", name: dependency.name, purl: key } };
    });
  return { key: packageJsonDocumentKey(repo, path), format: "package-json", nodes, edges: [] };
}
