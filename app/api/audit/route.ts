// GET /api/audit — the audit log, filtered, as JSON (default) or CSV (?format=csv) for export
import { authorizeRequest } from "@/lib/auth/guard";
import { invalidInput } from "@/lib/http/invalid-input";
import { formatAuditCsv, formatAuditJson } from "@/lib/data/audit/format-audit-export";
import { listAuditEvents } from "@/lib/data/audit/list-audit-events";
import { getDb } from "@/lib/db";
import { ZAuditExportFormat, ZAuditQuery } from "@/lib/schemas/audit";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const actor = await authorizeRequest(request, "audit:read");
  if (actor instanceof Response) return actor;
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const query = ZAuditQuery.safeParse(params);
  const format = ZAuditExportFormat.safeParse(params.format ?? "json");
  if (!query.success || !format.success) {
    const issues = [...(query.error?.issues ?? []), ...(format.error?.issues.map((issue) => ({ ...issue, path: ["format"] })) ?? [])];
    return invalidInput(issues);
  }
  const events = await listAuditEvents(await getDb(), query.data);
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const csv = format.data === "csv";
  return new Response(csv ? formatAuditCsv(events) : formatAuditJson(events), {
    headers: {
      "content-type": csv ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="blastmap-audit-${stamp}.${format.data}"`,
      "cache-control": "no-store",
    },
  });
}
