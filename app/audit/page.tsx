import type { Metadata } from "next";
import { AuditPage } from "@/components/audit/audit-page";
import { requirePagePermission } from "@/lib/auth/guard";
import { listAuditEvents } from "@/lib/data/audit/list-audit-events";
import { getDb } from "@/lib/db";
import { ZAuditQuery } from "@/lib/schemas/audit";

export const metadata: Metadata = { title: "Audit log" };
export const dynamic = "force-dynamic";

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePagePermission("audit:read");
  const raw = Object.fromEntries(Object.entries(await searchParams).filter((entry): entry is [string, string] => typeof entry[1] === "string" && entry[1] !== ""));
  const query = ZAuditQuery.safeParse(raw);
  const filters = query.success ? query.data : ZAuditQuery.parse({});
  const events = await listAuditEvents(await getDb(), filters);
  return <AuditPage events={events} filters={raw} error={query.success ? null : query.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")} />;
}
