import { OverviewPage } from "@/components/overview/overview-page";
import { requirePagePermission } from "@/lib/auth/guard";
import { getGraphStats } from "@/lib/data/graph/get-graph-stats";
import { getDatabase } from "@/lib/db";

export const dynamic = "force-dynamic";

export default async function Page() {
  await requirePagePermission("graph:read");
  const stats = await getGraphStats(await getDatabase());
  return <OverviewPage stats={stats} />;
}
