// GET /api/compliance/[framework]/evidence?format=csv|json — an auditor's evidence file for one framework
import { z } from "zod";
import { requestInput } from "@/lib/http/request-input";
import { withPermission } from "@/lib/http/with-permission";
import { recordAuditEvent } from "@/lib/data/audit/record-audit-event";
import { getFindingsReport } from "@/lib/services/findings/get-findings-report";
import { getDatabase } from "@/lib/db";
import { complianceEvidenceCsv, summariseCompliance } from "@/lib/findings/summarise-compliance";
import { FRAMEWORK_IDS } from "@/lib/schemas/findings";

export const dynamic = "force-dynamic";

const evidenceRequest = requestInput(
  ({ params, query }) => ({ framework: params.framework, format: query.get("format") ?? undefined }),
  z.object({
    framework: z.enum(FRAMEWORK_IDS, { error: `must be one of ${FRAMEWORK_IDS.join(", ")}` }),
    format: z.enum(["csv", "json"], { error: "must be csv or json" }).default("json"),
  }),
);

export const GET = withPermission("compliance:export", evidenceRequest, async ({ actor, input: { framework, format } }) => {
  const db = (await getDatabase()).prisma;
  const report = await getFindingsReport(db);
  const compliance = summariseCompliance(framework, report);
  await recordAuditEvent(db, actor, {
    action: "compliance.export",
    target: framework,
    after: { format, graphVersion: report.graphVersion, gaps: compliance.counts.gap },
  });
  const stamp = report.evaluatedAt.slice(0, 10);
  const filename = `blastmap-${framework}-evidence-${stamp}.${format}`;
  const headers = { "content-disposition": `attachment; filename="${filename}"`, "cache-control": "no-store" };
  if (format === "csv") {
    return new Response(complianceEvidenceCsv(compliance, report), { headers: { ...headers, "content-type": "text/csv; charset=utf-8" } });
  }
  const findingIds = new Set(compliance.controls.flatMap((control) => control.findingIds));
  const evidence = { ...compliance, findings: report.findings.filter((finding) => findingIds.has(finding.id)), rules: report.rules };
  return new Response(JSON.stringify(evidence, null, 2), { headers: { ...headers, "content-type": "application/json; charset=utf-8" } });
});
