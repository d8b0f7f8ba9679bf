import type { Metadata } from "next";
import { FindingsPage } from "@/components/findings/findings-page";
import { requirePagePermission } from "@/lib/auth/guard";
import { getFindingsReport } from "@/lib/services/findings/get-findings-report";
import { getDatabase } from "@/lib/db";
import { ZFindingsQuery } from "@/lib/schemas/findings";
import { describeIssues } from "@/lib/schemas/input-problem";

export const metadata: Metadata = { title: "Findings" };
export const dynamic = "force-dynamic";

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePagePermission("findings:read");
  const raw = Object.fromEntries(
    Object.entries(await searchParams).filter((entry): entry is [string, string] => typeof entry[1] === "string" && entry[1] !== ""),
  );
  const query = ZFindingsQuery.safeParse(raw);
  const report = await getFindingsReport((await getDatabase()).prisma);
  return <FindingsPage report={report} query={query.success ? query.data : {}} error={query.success ? null : describeIssues(query.error.issues).join("; ")} />;
}
