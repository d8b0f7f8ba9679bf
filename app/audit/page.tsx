import type { Metadata } from "next";
import { AuditPage } from "@/components/audit/audit-page";
import { requirePagePermission } from "@/lib/auth/guard";
import { listAuditPage } from "@/lib/data/audit/list-audit-events";
import { getDatabase } from "@/lib/db";
import { ZAuditPageQuery } from "@/lib/schemas/audit";
import { describeIssues } from "@/lib/schemas/input-problem";

export const metadata: Metadata = { title: "Audit log" };
export const dynamic = "force-dynamic";

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePagePermission("audit:read");
  const raw = Object.fromEntries(
    Object.entries(await searchParams).filter((entry): entry is [string, string] => typeof entry[1] === "string" && entry[1] !== ""),
  );
  const query = ZAuditPageQuery.safeParse(raw);
  // An invalid filter shows the newest page unfiltered, saying which part was ignored.
  const parsed = query.success ? query.data : ZAuditPageQuery.parse({});
  const page = await listAuditPage((await getDatabase()).prisma, parsed);
  const { before: _before, after: _after, ...filters } = query.success ? raw : {};
  return <AuditPage page={page} filters={filters} pageSize={parsed.limit} error={query.success ? null : describeIssues(query.error.issues).join("; ")} />;
}
