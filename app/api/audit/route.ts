// GET /api/audit — the audit log, filtered and paged (before/after cursors), as JSON (default) or CSV (?format=csv) for export
import { queryInput } from "@/lib/http/request-input";
import { withPermission } from "@/lib/http/with-permission";
import { formatAuditCsv, formatAuditJson } from "@/lib/data/audit/format-audit-export";
import { listAuditPage } from "@/lib/data/audit/list-audit-events";
import { getDatabase } from "@/lib/db";
import { ZAuditExportFormat, ZAuditQuery, type TAuditPage } from "@/lib/schemas/audit";

export const dynamic = "force-dynamic";

const auditQuery = queryInput(ZAuditQuery.safeExtend({ format: ZAuditExportFormat.default("json") }));

export const GET = withPermission("audit:read", auditQuery, async ({ input: { format, ...query }, request }) => {
  const page = await listAuditPage((await getDatabase()).prisma, query);
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const csv = format === "csv";
  return new Response(csv ? formatAuditCsv(page.events) : formatAuditJson(page.events), {
    headers: {
      "content-type": csv ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="blastmap-audit-${stamp}.${format}"`,
      "cache-control": "no-store",
      // The body stays a plain list; the total and the next/previous pages travel as headers (RFC 8288).
      "x-total-count": String(page.total),
      ...pageLinks(request.url, page),
    },
  });
});

function pageLinks(url: string, page: TAuditPage): Record<string, string> {
  const link = (cursor: "before" | "after", id: number, rel: string) => {
    const next = new URL(url);
    next.searchParams.delete("before");
    next.searchParams.delete("after");
    next.searchParams.set(cursor, String(id));
    return `<${next.pathname}${next.search}>; rel="${rel}"`;
  };
  const first = page.events[0];
  const last = page.events.at(-1);
  const links = [...(last && page.older > 0 ? [link("before", last.id, "next")] : []), ...(first && page.newer > 0 ? [link("after", first.id, "prev")] : [])];
  return links.length > 0 ? { link: links.join(", ") } : {};
}
