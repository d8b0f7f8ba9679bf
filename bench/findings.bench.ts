// Posture rules over a large synthetic organisation: how long evaluatePosture and the SARIF
// conversion take as the graph grows (pure functions, no database: load time is import's bench).
import { evaluatePosture } from "@/lib/findings/evaluate-posture";
import type { PostureEdge, PostureNode, PostureSnapshot } from "@/lib/findings/posture-snapshot";
import { toSarif } from "@/lib/findings/to-sarif";

const NOW = new Date("2026-11-01T00:00:00Z");
const OLD = new Date("2026-01-01T00:00:00Z");

function organisation(repos: number): PostureSnapshot {
  const nodes: PostureNode[] = [];
  const edges: PostureEdge[] = [];
  let id = 0;
  const add = (node: Omit<PostureNode, "id">) => {
    const full = { ...node, id: ++id } as PostureNode;
    nodes.push(full);
    return full;
  };
  const edge = (
    kind: PostureEdge["kind"],
    from: PostureNode,
    to: PostureNode,
    attributes: Record<string, unknown> = {},
    exposure: PostureEdge["exposure"] = null,
  ) => edges.push({ kind, fromId: from.id, toId: to.id, exposure, privilege: kind === "CAN_ACCESS" ? "admin" : null, attributes });
  const cloud = add({ kind: "system", key: "system:aws", name: "aws", system: { systemKind: "cloudAccount", criticality: "critical" } });
  const runners = Array.from({ length: Math.max(1, repos / 50) }, (_, r) =>
    add({ kind: "runner", key: `runner:r${r}`, name: `r${r}`, runner: { hosting: "selfHosted", persistent: true, shared: true } }),
  );
  const actions = Array.from({ length: 200 }, (_, a) =>
    add({ kind: "action", key: `action:vendor${a}/act`, name: `vendor${a}/act`, action: { slug: `vendor${a}/act`, owner: `vendor${a}` } }),
  );
  for (let r = 0; r < repos; r++) {
    const repo = `org/repo${r}`;
    const publish = add({
      kind: "identity",
      key: `identity:npm-${r}`,
      name: `npm-${r}`,
      identity: {
        identityKind: "registryPublishToken",
        owner: r % 3 ? "team" : null,
        humanAccount: r % 17 === 0,
        lastUsedAt: r % 5 ? NOW : OLD,
        issuedAt: OLD,
        lifetime: "longLived",
        scopes: r % 7 ? [] : ["*"],
        provider: "npm",
      },
    });
    const deploy = add({
      kind: "identity",
      key: `identity:aws-${r}`,
      name: `aws-${r}`,
      identity: {
        identityKind: "cloudRole",
        owner: "platform",
        humanAccount: false,
        lastUsedAt: NOW,
        issuedAt: OLD,
        lifetime: "longLived",
        scopes: [],
        provider: "aws",
      },
    });
    edge("CAN_ACCESS", deploy, cloud);
    const secrets = [publish, deploy].map((identity, s) => {
      const secret = add({
        kind: "secret",
        key: `secret:${repo}:S${s}`,
        name: `S${s}`,
        secret: {
          secretName: `S${s}`,
          secretType: "token",
          storedIn: "ciSecret",
          location: repo,
          fingerprint: `fp${r % 400}-${s}`,
          createdAt: OLD,
          lastRotatedAt: r % 2 ? NOW : null,
        },
      });
      edge("AUTHENTICATES_AS", secret, identity);
      return secret;
    });
    for (let j = 0; j < 5; j++) {
      const job = add({
        kind: "context",
        key: `context:${repo}/ci.yml/j${j}`,
        name: `${repo} j${j}`,
        context: {
          contextKind: "ciJob",
          repo,
          workflow: "ci.yml",
          job: `j${j}`,
          file: ".github/workflows/ci.yml",
          line: 10 + j * 20,
          canMintOidc: j === 4,
          ignoresScripts: false,
          installSteps: [{ line: 12 + j * 20, command: "npm ci", ignoreScripts: false }],
          owner: null,
        },
      });
      edge("EXPOSES", job, secrets[j % 2], { line: 14 + j * 20 }, j < 2 ? "install" : "job");
      if (j === 4) edge("EXPOSES", job, secrets[1], { line: 15 + j * 20 }, "job");
      edge("USED_IN", actions[(r * 5 + j) % actions.length], job, { ref: j % 2 ? "v1" : "a".repeat(40), line: 11 + j * 20 });
      if (j === 0) edges.push({ kind: "RUNS_ON", fromId: job.id, toId: runners[r % runners.length].id, exposure: null, privilege: null, attributes: {} });
    }
  }
  return { graphVersion: 1, nodes, edges };
}

function time<T>(work: () => T): [T, number] {
  const started = performance.now();
  const result = work();
  return [result, performance.now() - started];
}

export async function run(): Promise<Record<string, unknown>> {
  const figures: Record<string, unknown> = {};
  for (const repos of [200, 2_000, 10_000]) {
    const snapshot = organisation(repos);
    evaluatePosture(snapshot, NOW); // warm-up
    const [report, evaluateMs] = time(() => evaluatePosture(snapshot, NOW));
    const [, sarifMs] = time(() => JSON.stringify(toSarif(report)));
    const row = {
      nodes: snapshot.nodes.length,
      edges: snapshot.edges.length,
      findings: report.counts.total,
      evaluateMs: Math.round(evaluateMs),
      sarifMs: Math.round(sarifMs),
    };
    console.log(`${repos} repos: ${row.nodes} nodes, ${row.edges} edges → ${row.findings} findings in ${row.evaluateMs} ms; SARIF ${row.sarifMs} ms`);
    figures[`repos${repos}`] = row;
  }
  return figures;
}
