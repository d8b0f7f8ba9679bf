// GET /api/findings — posture findings over the current graph, filterable by severity, rule and entity kind, ordered by ?sort=&dir=
import { authorizeRequest } from "@/lib/auth/guard";
import { invalidInput } from "@/lib/http/invalid-input";
import { getFindingsReport } from "@/lib/services/findings/get-findings-report";
import { getDb } from "@/lib/db";
import { sortFindings } from "@/lib/findings/sort-findings";
import { filterFindings, ZFindingsQuery } from "@/lib/schemas/findings";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const actor = await authorizeRequest(request, "findings:read");
  if (actor instanceof Response) return actor;
  const query = ZFindingsQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return invalidInput(query.error.issues);
  const report = await getFindingsReport(await getDb());
  return Response.json(
    { ...report, findings: sortFindings(filterFindings(report.findings, query.data), query.data) },
    { headers: { "cache-control": "no-store" } },
  );
}
