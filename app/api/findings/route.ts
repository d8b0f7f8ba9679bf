// GET /api/findings — posture findings over the current graph, filterable by severity, rule and entity kind
import { authorizeRequest } from "@/lib/auth/guard";
import { getFindingsReport } from "@/lib/data/findings/get-findings-report";
import { getDb } from "@/lib/db";
import { filterFindings, ZFindingsQuery } from "@/lib/schemas/findings";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const actor = await authorizeRequest(request, "findings:read");
  if (actor instanceof Response) return actor;
  const query = ZFindingsQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) {
    return Response.json({ errors: query.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message })) }, { status: 400 });
  }
  const report = await getFindingsReport(await getDb());
  return Response.json({ ...report, findings: filterFindings(report.findings, query.data) }, { headers: { "cache-control": "no-store" } });
}
