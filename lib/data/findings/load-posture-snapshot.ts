import "server-only";
import type { Db } from "@/lib/db";
import type { ContextDetail, PostureNode, PostureSnapshot } from "@/lib/findings/posture-snapshot";

/** The whole graph as plain rows for the posture rules: one query per table, joined in memory. */
export async function loadPostureSnapshot(db: Db): Promise<PostureSnapshot> {
  const [state, nodes, edges, publishers, packages, versions, identities, secrets, contexts, runners, systems, actions, advisories] = await Promise.all([
    db.graphState.findUnique({ where: { id: 1 } }),
    db.node.findMany({ select: { id: true, key: true, kind: true, name: true }, orderBy: { id: "asc" } }),
    db.edge.findMany({ select: { kind: true, fromId: true, toId: true, exposure: true, privilege: true, attributes: true }, orderBy: { id: "asc" } }),
    db.publisher.findMany(),
    db.package.findMany({ select: { nodeId: true, ecosystem: true, trustedPublishing: true } }),
    db.packageVersion.findMany({ select: { nodeId: true, version: true, compromised: true, hasInstallScript: true, advisoryIds: true } }),
    db.identity.findMany(),
    db.secret.findMany(),
    db.executionContext.findMany(),
    db.runner.findMany(),
    db.system.findMany({ select: { nodeId: true, systemKind: true, criticality: true } }),
    db.action.findMany({ select: { nodeId: true, slug: true, owner: true } }),
    db.advisory.findMany({ select: { nodeId: true, advisoryId: true, malicious: true } }),
  ]);
  const byId = new Map<number, PostureNode>(nodes.map((node) => [node.id, { ...node }]));
  const attach = <T extends { nodeId: number }>(rows: T[], put: (node: PostureNode, row: T) => void) => {
    for (const row of rows) {
      const node = byId.get(row.nodeId);
      if (node) put(node, row);
    }
  };
  attach(publishers, (node, row) => {
    node.publisher = {
      ecosystem: row.ecosystem,
      handle: row.handle,
      twoFactorEnforced: row.twoFactorEnforced,
      isHuman: row.isHuman,
      lastOwnershipChangeAt: row.lastOwnershipChangeAt,
      lastAccountRecoveryAt: row.lastAccountRecoveryAt,
    };
  });
  attach(packages, (node, row) => (node.package = { ecosystem: row.ecosystem, trustedPublishing: row.trustedPublishing }));
  attach(
    versions,
    (node, row) =>
      (node.packageVersion = { version: row.version, compromised: row.compromised, hasInstallScript: row.hasInstallScript, advisoryIds: row.advisoryIds }),
  );
  attach(identities, (node, row) => {
    node.identity = {
      identityKind: row.identityKind,
      owner: row.owner,
      humanAccount: row.humanAccount,
      lastUsedAt: row.lastUsedAt,
      issuedAt: row.issuedAt,
      lifetime: row.lifetime,
      scopes: row.scopes,
      provider: row.provider,
    };
  });
  attach(secrets, (node, row) => {
    node.secret = {
      secretName: row.secretName,
      secretType: row.secretType,
      storedIn: row.storedIn,
      location: row.location,
      fingerprint: row.fingerprint,
      createdAt: row.createdAt,
      lastRotatedAt: row.lastRotatedAt,
    };
  });
  attach(contexts, (node, row) => {
    node.context = {
      contextKind: row.contextKind,
      repo: row.repo,
      workflow: row.workflow,
      job: row.job,
      file: row.file,
      line: row.line,
      canMintOidc: row.canMintOidc,
      ignoresScripts: row.ignoresScripts,
      installSteps: parseInstallSteps(row.installSteps),
      owner: row.owner,
    };
  });
  attach(runners, (node, row) => (node.runner = { hosting: row.hosting, persistent: row.persistent, shared: row.shared }));
  attach(systems, (node, row) => (node.system = { systemKind: row.systemKind, criticality: row.criticality }));
  attach(actions, (node, row) => (node.action = { slug: row.slug, owner: row.owner }));
  attach(advisories, (node, row) => (node.advisory = { advisoryId: row.advisoryId, malicious: row.malicious }));
  return {
    graphVersion: state?.version ?? 0,
    nodes: [...byId.values()],
    edges: edges.map((edge) => ({
      ...edge,
      attributes: edge.attributes && typeof edge.attributes === "object" && !Array.isArray(edge.attributes) ? (edge.attributes as Record<string, unknown>) : {},
    })),
  };
}

// installSteps is JSON written by the workflow importer through ZContextAttrs; read defensively.
function parseInstallSteps(value: unknown): ContextDetail["installSteps"] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((step) => {
    if (!step || typeof step !== "object") return [];
    const { line, command, ignoreScripts, step: label, secrets, installs } = step as Record<string, unknown>;
    return [
      {
        line: typeof line === "number" ? line : null,
        command: typeof command === "string" ? command : "",
        ignoreScripts: ignoreScripts === true,
        step: typeof label === "string" ? label : null,
        secrets: Array.isArray(secrets) ? secrets.filter((name): name is string => typeof name === "string") : [],
        ...(installs === "lockfile" || installs === "fresh" ? { installs } : {}),
      },
    ];
  });
}
