import { AdvisoryAlerts } from "@/components/overview/advisory-alerts";
import { OverviewPage } from "@/components/overview/overview-page";
import { actorAllows, requirePagePermission } from "@/lib/auth/guard";
import { listActiveAdvisoryMatches } from "@/lib/data/incidents/list-active-advisory-matches";
import { getGraphStats } from "@/lib/data/graph/get-graph-stats";
import { getDatabase } from "@/lib/db";

export const dynamic = "force-dynamic";

export default async function Page() {
  const actor = await requirePagePermission("graph:read");
  const database = await getDatabase();
  const [stats, matches] = await Promise.all([getGraphStats(database), listActiveAdvisoryMatches(database.prisma)]);
  // Where the database lives (a path on the server, a host name) is the operators' business only.
  const databaseDescription = actorAllows(actor, "settings:manage") ? stats.database.description : null;
  return (
    <OverviewPage
      stats={stats}
      databaseDescription={databaseDescription}
      alerts={<AdvisoryAlerts matches={matches} canOpenIncident={actorAllows(actor, "incident:write")} />}
    />
  );
}
