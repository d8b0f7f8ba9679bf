import { generateOrganisation } from "./bench/radius.bench";
import { buildEngineGraph, type NodeRow, type EdgeRow } from "@/lib/engine/graph";
import { RadiusWorkspace } from "@/lib/engine/radius";
import { summarizeRadius } from "@/lib/engine/radius-result";
import { buildRotationPlan } from "@/lib/engine/rotation";
const org = generateOrganisation(10000);
const byId = new Map<number, NodeRow>();
const nodes: NodeRow[] = org.nodes.id.map((id, i) => { const r = { id, kind: org.nodes.kind[i] as NodeRow["kind"], key: org.nodes.key[i], name: org.nodes.name[i] } as NodeRow; byId.set(id, r); return r; });
for (const [table, cols] of Object.entries(org.details)) { const ids = cols.nodeId as number[]; ids.forEach((id, i) => { const r = byId.get(id)! as unknown as Record<string, unknown>; for (const [c, vals] of Object.entries(cols)) if (c !== "nodeId") r[c] = vals[i]; }); void table; }
const edges: EdgeRow[] = org.edges.kind.map((k, i) => ({ kind: k as EdgeRow["kind"], from: org.edges.from[i], to: org.edges.to[i], exposure: org.edges.exposure[i] as EdgeRow["exposure"], privilege: org.edges.privilege[i] as EdgeRow["privilege"] }));
let t = performance.now();
const g = buildEngineGraph({ version: 1, nodes, edges });
console.log("build", performance.now() - t);
const ws = new RadiusWorkspace(g);
const srcs = org.versionIds.slice(0, 40).map((id) => g.indexOfId(id)!);
let a = 0, b = 0, c = 0;
for (const s of srcs) { t = performance.now(); ws.walk([s]); a += performance.now() - t; t = performance.now(); summarizeRadius(ws); b += performance.now() - t; t = performance.now(); buildRotationPlan(ws); c += performance.now() - t; }
console.log("walk", a / 40, "summary", b / 40, "rotation", c / 40, "reached", ws.count);
