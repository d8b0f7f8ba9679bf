import type { TEdgeFact, TGraphDocument, TNodeFact } from "@/lib/schemas/graph-facts";
import type { InstallContext } from "../npm-lockfile/install-contexts";
import { packageKey } from "@/lib/graph-keys/refs";
import type { DeclaredDependency } from "./parse-package-json";

// A package.json with no lockfile beside it pins nothing: it contributes the packages it names,
// and each job that installs in its directory resolves them afresh at every run (a package-level
// INSTALLED_IN with the declared range as spec). Its ranges are also checked against compromised
// versions in the import summary.

export const packageJsonDocumentKey = (repo: string | null, path: string) => `package-json:${repo ?? "-"}:${path}`;

export function packageJsonDocument(repo: string | null, path: string, declared: DeclaredDependency[], installs: InstallContext[] = []): TGraphDocument {
  const registry = declared.filter((dependency) => dependency.semver);
  const nodes: TNodeFact[] = registry.map((dependency) => {
    const key = packageKey("npm", dependency.name);
    return { kind: "package", key, name: dependency.name, attrs: { ecosystem: "npm", name: dependency.name, purl: key } };
  });
  const edges: TEdgeFact[] = registry.flatMap((dependency) =>
    installs.map((context) => ({
      kind: "INSTALLED_IN" as const,
      from: packageKey("npm", dependency.name),
      to: context.key,
      attributes: { resolve: "fresh", spec: dependency.range, manifest: path, dev: dependency.dev, ...(context.ignoresScripts ? { ignoreScripts: true } : {}) },
    })),
  );
  return { key: packageJsonDocumentKey(repo, path), format: "package-json", nodes, edges };
}
