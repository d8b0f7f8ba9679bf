// GET /api/audit — the audit log, filtered and paged (before/after cursors), as JSON (default) or CSV (?format=csv) for export
import { authorizeRequest } from "@/lib/auth/guard";
import { invalidInput } from "@/lib/http/invalid-input";
import { formatAuditCsv, formatAuditJson } from "@/lib/data/audit/format-audit-export";
import { listAuditPage } from "@/lib/data/audit/list-audit-events";
import { getDb } from "@/lib/db";
import { ZAuditExportFormat, ZAuditQuery, type TAuditPage } from "@/lib/schemas/audit";

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
  const page = await listAuditPage(await getDb(), query.data);
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const csv = format.data === "csv";
  return new Response(csv ? formatAuditCsv(page.events) : formatAuditJson(page.events), {
    headers: {
      "content-type": csv ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="blastmap-audit-${stamp}.${format.data}"`,
      "cache-control": "no-store",
      // The body stays a plain list; the total and the next/previous pages travel as headers (RFC 8288).
      "x-total-count": String(page.total),
      ...pageLinks(request.url, page),
    },
  });
}

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
