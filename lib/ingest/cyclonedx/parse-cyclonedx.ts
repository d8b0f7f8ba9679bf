import { ZCycloneDxBom, type TCycloneDxComponent } from "@/lib/schemas/cyclonedx";
import type { TEdgeFact, TNodeFact } from "@/lib/schemas/graph-facts";
import { applicationContextKey, packageKey, packageVersionKey, parsePackageRef } from "@/lib/graph-keys/refs";
import { jsonPath } from "../source/parse-json-source";
import type { TFileProblem } from "@/lib/schemas/input-problem";
import type { ParseResult } from "../types";

// A CycloneDX SBOM describes one application (metadata.component) and what it ships. The
// application is modelled as a context of its own — context:application/<name> — where every
// component version with a purl is INSTALLED_IN (phase "runtime": an SBOM does not say whether an
// install script ran). The `dependencies` graph becomes DEPENDS_ON edges, dependent → dependency.

export const cyclonedxDocumentKey = (repo: string | null, path: string) => `sbom:${repo ?? "-"}:${path}`;

function* walk(components: TCycloneDxComponent[] | undefined): Generator<TCycloneDxComponent> {
  for (const component of components ?? []) {
    yield component;
    yield* walk(component.components);
  }
}

const fullName = (component: TCycloneDxComponent) => (component.group ? `${component.group}/${component.name}` : component.name);

export function parseCycloneDx(file: { path: string; repo: string | null }, value: unknown): ParseResult {
  const parsed = ZCycloneDxBom.safeParse(value);
  if (!parsed.success) {
    const errors: TFileProblem[] = parsed.error.issues.slice(0, 20).map((issue) => ({ file: file.path, path: jsonPath(issue.path), message: issue.message }));
    return { ok: false, errors };
  }
  const bom = parsed.data;
  const application = bom.metadata?.component;
  const baseName = file.path.slice(file.path.lastIndexOf("/") + 1).replace(/\.json$/i, "");
  const appName = application ? fullName(application) : (file.repo ?? baseName);
  const context = applicationContextKey(appName);

  const nodes: TNodeFact[] = [
    {
      kind: "context",
      key: context,
      name: `${appName}${application?.version ? `@${application.version}` : ""} (SBOM)`,
      attrs: { contextKind: "workstation", repo: file.repo, file: file.path },
    },
  ];
  const edges: TEdgeFact[] = [];
  const keyByRef = new Map<string, string>();
  const seen = new Set<string>();
  const directRefs = new Set(bom.dependencies?.find((dependency) => dependency.ref === application?.["bom-ref"])?.dependsOn ?? []);

  for (const component of walk(bom.components)) {
    const ref = component.purl ? parsePackageRef(component.purl) : null;
    if (!ref || !ref.version) continue;
    const versionKey = packageVersionKey(ref.ecosystem, ref.name, ref.version);
    if (component["bom-ref"]) keyByRef.set(component["bom-ref"], versionKey);
    if (seen.has(versionKey)) continue;
    seen.add(versionKey);
    const pkg = packageKey(ref.ecosystem, ref.name);
    if (!seen.has(pkg)) {
      seen.add(pkg);
      nodes.push({ kind: "package", key: pkg, name: ref.name, attrs: { ecosystem: ref.ecosystem, name: ref.name, purl: pkg } });
    }
    nodes.push({
      kind: "packageVersion",
      key: versionKey,
      name: `${ref.name}@${ref.version}`,
      attrs: { packageKey: pkg, version: ref.version, purl: versionKey },
    });
    edges.push(
      { kind: "VERSION_OF", from: versionKey, to: pkg },
      {
        kind: "INSTALLED_IN",
        from: versionKey,
        to: context,
        attributes: { phase: "runtime", sbom: file.path, ...(component["bom-ref"] && directRefs.has(component["bom-ref"]) ? { direct: true } : {}) },
      },
    );
  }

  const dependsOn = new Set<string>();
  for (const dependency of bom.dependencies ?? []) {
    const from = keyByRef.get(dependency.ref);
    if (!from) continue;
    for (const target of dependency.dependsOn ?? []) {
      const to = keyByRef.get(target);
      if (!to || to === from || dependsOn.has(`${from} ${to}`)) continue;
      dependsOn.add(`${from} ${to}`);
      edges.push({ kind: "DEPENDS_ON", from, to });
    }
  }
  return { ok: true, documents: [{ key: cyclonedxDocumentKey(file.repo, file.path), format: "cyclonedx", nodes, edges }] };
}
