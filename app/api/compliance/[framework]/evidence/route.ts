// GET /api/compliance/[framework]/evidence?format=csv|json — an auditor's evidence file for one framework
import { z } from "zod";
import { authorizeRequest } from "@/lib/auth/guard";
import { recordAuditEvent } from "@/lib/data/audit/record-audit-event";
import { getFindingsReport } from "@/lib/services/findings/get-findings-report";
import { getDb } from "@/lib/db";
import { complianceEvidenceCsv, summariseCompliance } from "@/lib/findings/summarise-compliance";
import { FRAMEWORK_IDS, ZFrameworkId } from "@/lib/schemas/findings";

export const dynamic = "force-dynamic";

const ZFormat = z.enum(["csv", "json"]).default("json");

export async function GET(request: Request, { params }: { params: Promise<{ framework: string }> }) {
  const actor = await authorizeRequest(request, "compliance:export");
  if (actor instanceof Response) return actor;
  const framework = ZFrameworkId.safeParse((await params).framework);
  const format = ZFormat.safeParse(new URL(request.url).searchParams.get("format") ?? undefined);
  const errors = [
    ...(framework.success ? [] : [{ path: "framework", message: `must be one of ${FRAMEWORK_IDS.join(", ")}` }]),
    ...(format.success ? [] : [{ path: "format", message: "must be csv or json" }]),
  ];
  if (!framework.success || !format.success) return Response.json({ errors }, { status: 400 });

  const db = await getDb();
  const report = await getFindingsReport(db);
  const compliance = summariseCompliance(framework.data, report);
  await recordAuditEvent(db, actor, {
    action: "compliance.export",
    target: framework.data,
    after: { format: format.data, graphVersion: report.graphVersion, gaps: compliance.counts.gap },
  });
  const stamp = report.evaluatedAt.slice(0, 10);
  const filename = `blastmap-${framework.data}-evidence-${stamp}.${format.data}`;
  const headers = { "content-disposition": `attachment; filename="${filename}"`, "cache-control": "no-store" };
  if (format.data === "csv") {
    return new Response(complianceEvidenceCsv(compliance, report), { headers: { ...headers, "content-type": "text/csv; charset=utf-8" } });
  }
  const findingIds = new Set(compliance.controls.flatMap((control) => control.findingIds));
  const evidence = { ...compliance, findings: report.findings.filter((finding) => findingIds.has(finding.id)), rules: report.rules };
  return new Response(JSON.stringify(evidence, null, 2), { headers: { ...headers, "content-type": "application/json; charset=utf-8" } });
}
