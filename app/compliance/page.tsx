import type { Metadata } from "next";
import { CompliancePage } from "@/components/compliance/compliance-page";
import { requirePagePermission } from "@/lib/auth/guard";
import { getFindingsReport } from "@/lib/services/findings/get-findings-report";
import { getDatabase } from "@/lib/db";
import { summariseCompliance } from "@/lib/findings/summarise-compliance";
import { FRAMEWORK_IDS } from "@/lib/schemas/findings";

export const metadata: Metadata = { title: "Compliance" };
export const dynamic = "force-dynamic";

export default async function Page() {
  await requirePagePermission("findings:read");
  const report = await getFindingsReport((await getDatabase()).prisma);
  return <CompliancePage frameworks={FRAMEWORK_IDS.map((id) => summariseCompliance(id, report))} />;
}
