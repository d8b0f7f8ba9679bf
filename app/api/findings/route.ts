// GET /api/findings — posture findings over the current graph, filterable by severity, rule and entity kind, ordered by ?sort=&dir=
import { queryInput } from "@/lib/http/request-input";
import { withPermission } from "@/lib/http/with-permission";
import { getFindingsReport } from "@/lib/services/findings/get-findings-report";
import { getDatabase } from "@/lib/db";
import { sortFindings } from "@/lib/findings/sort-findings";
import { filterFindings, ZFindingsQuery } from "@/lib/schemas/findings";

export const dynamic = "force-dynamic";

export const GET = withPermission("findings:read", queryInput(ZFindingsQuery), async ({ input }) => {
  const report = await getFindingsReport((await getDatabase()).prisma);
  return Response.json({ ...report, findings: sortFindings(filterFindings(report.findings, input), input) }, { headers: { "cache-control": "no-store" } });
});
