import "server-only";
import type { Db } from "@/lib/db";
import { evaluatePosture } from "@/lib/findings/evaluate-posture";
import type { TFindingsReport } from "@/lib/schemas/findings";
import { loadPostureSnapshot } from "@/lib/data/findings/load-posture-snapshot";

// Pages, the API and the evidence export all ask for the same report; the graph only changes on
// import (GraphState.version) and the age rules count whole days, so one evaluation per graph
// version and UTC day serves every request in between.
const cache = new WeakMap<Db, { version: number; day: string; report: Promise<TFindingsReport> }>();

/** Findings over the current graph, as of `now` (default: the current time, cached as above). */
export async function getFindingsReport(db: Db, now?: Date): Promise<TFindingsReport> {
  if (now) return evaluatePosture(await loadPostureSnapshot(db), now);
  const at = new Date();
  const day = at.toISOString().slice(0, 10);
  const version = (await db.graphState.findUnique({ where: { id: 1 }, select: { version: true } }))?.version ?? 0;
  const cached = cache.get(db);
  if (cached && cached.version === version && cached.day === day) return cached.report;
  const report = loadPostureSnapshot(db).then((snapshot) => evaluatePosture(snapshot, at));
  cache.set(db, { version, day, report });
  report.catch(() => cache.delete(db));
  return report;
}
