import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { FrameworkCompliancePage } from "@/components/compliance/framework-compliance-page";
import { actorAllows, requirePagePermission } from "@/lib/auth/guard";
import { getFindingsReport } from "@/lib/services/findings/get-findings-report";
import { getDatabase } from "@/lib/db";
import { summariseCompliance } from "@/lib/findings/summarise-compliance";
import { ZFrameworkId } from "@/lib/schemas/findings";

export const metadata: Metadata = { title: "Compliance" };
export const dynamic = "force-dynamic";

export default async function Page({ params }: { params: Promise<{ framework: string }> }) {
  const actor = await requirePagePermission("findings:read");
  const framework = ZFrameworkId.safeParse((await params).framework);
  if (!framework.success) notFound();
  const report = await getFindingsReport((await getDatabase()).prisma);
  return (
    <FrameworkCompliancePage
      compliance={summariseCompliance(framework.data, report)}
      findings={report.findings}
      canExport={actorAllows(actor, "compliance:export")}
    />
  );
}
