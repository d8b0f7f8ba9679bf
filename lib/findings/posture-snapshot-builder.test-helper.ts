import type { TEdgeKind, TExposure, TPrivilege } from "@/lib/schemas/graph-facts";
import type { ContextDetail, IdentityDetail, PostureEdge, PostureNode, PostureSnapshot, PublisherDetail, RunnerDetail, SecretDetail } from "./posture-snapshot";

// Builds small hand-made posture snapshots for the rule tests: sensible defaults, overridable details.
export function snapshotBuilder() {
  const nodes: PostureNode[] = [];
  const edges: PostureEdge[] = [];
  let nextId = 1;
  const add = (node: Omit<PostureNode, "id">) => {
    const full = { ...node, id: nextId++ } as PostureNode;
    nodes.push(full);
    return full;
  };
  return {
    identity(name: string, detail: Partial<IdentityDetail> = {}) {
      return add({
        kind: "identity",
        key: `identity:${name}`,
        name,
        identity: {
          identityKind: "apiKey",
          owner: "platform-team",
          humanAccount: false,
          lastUsedAt: null,
          issuedAt: null,
          lifetime: "longLived",
          scopes: [],
          provider: null,
          ...detail,
        },
      });
    },
    secret(name: string, detail: Partial<SecretDetail> = {}) {
      return add({
        kind: "secret",
        key: `secret:${name}`,
        name,
        secret: {
          secretName: name,
          secretType: "token",
          storedIn: "ciSecret",
          location: null,
          fingerprint: null,
          createdAt: null,
          lastRotatedAt: null,
          ...detail,
        },
      });
    },
    job(name: string, detail: Partial<ContextDetail> = {}) {
      return add({
        kind: "context",
        key: `context:acme/web/release.yml/${name}`,
        name,
        context: {
          contextKind: "ciJob",
          repo: "acme/web",
          workflow: "release.yml",
          job: name,
          file: ".github/workflows/release.yml",
          line: 10,
          canMintOidc: false,
          ignoresScripts: false,
          installSteps: [],
          owner: null,
          ...detail,
        },
      });
    },
    runner(name: string, detail: Partial<RunnerDetail> = {}) {
      return add({ kind: "runner", key: `runner:${name}`, name, runner: { hosting: "selfHosted", persistent: true, shared: true, ...detail } });
    },
    publisher(handle: string, detail: Partial<PublisherDetail> = {}) {
      return add({
        kind: "publisher",
        key: `publisher:npm/${handle}`,
        name: handle,
        publisher: { ecosystem: "npm", handle, twoFactorEnforced: true, isHuman: true, lastOwnershipChangeAt: null, lastAccountRecoveryAt: null, ...detail },
      });
    },
    pkg(name: string) {
      return add({ kind: "package", key: `pkg:npm/${name}`, name, package: { ecosystem: "npm", trustedPublishing: false } });
    },
    system(name: string, systemKind = "cloudAccount") {
      return add({ kind: "system", key: `system:${name}`, name, system: { systemKind, criticality: "critical" } });
    },
    action(slug: string) {
      return add({ kind: "action", key: `action:${slug}`, name: slug, action: { slug, owner: slug.split("/")[0] } });
    },
    edge(
      kind: TEdgeKind,
      from: PostureNode,
      to: PostureNode,
      extra: { exposure?: TExposure; privilege?: TPrivilege; attributes?: Record<string, unknown> } = {},
    ) {
      edges.push({
        kind,
        fromId: from.id,
        toId: to.id,
        exposure: extra.exposure ?? null,
        privilege: extra.privilege ?? null,
        attributes: extra.attributes ?? {},
      });
    },
    build(): PostureSnapshot {
      return { graphVersion: 1, nodes: [...nodes], edges: [...edges] };
    },
  };
}
