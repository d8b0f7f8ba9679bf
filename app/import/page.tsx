import type { Metadata } from "next";
import { ConnectorsSection } from "@/components/import/connectors-section";
import { ImportPage } from "@/components/import/import-page";
import { actorAllows, requirePagePermission } from "@/lib/auth/guard";
import { listLatestConnectorRuns } from "@/lib/data/connectors/list-connector-runs";
import { getDatabase } from "@/lib/db";
import { importLimits } from "@/lib/ingest/limits";
import { connectorAvailability } from "@/lib/services/connectors/connector-settings";

export const metadata: Metadata = { title: "Import" };
export const dynamic = "force-dynamic";

export default async function Page() {
  const actor = await requirePagePermission("import:write");
  // Connectors read with the server's token: admins only.
  const runs = actorAllows(actor, "connectors:sync") ? await listLatestConnectorRuns((await getDatabase()).prisma) : null;
  return (
    <>
      <ImportPage maxFileBytes={importLimits().maxFileBytes} />
      {runs ? (
        <ConnectorsSection
          connectors={connectorAvailability()}
          runs={runs.map((run) => ({
            kind: run.kind,
            target: run.target,
            finishedAt: run.finishedAt.toISOString(),
            outcome: run.outcome,
            message: run.message,
            hint: run.hint,
            counts: run.counts,
            changes: run.changes,
          }))}
        />
      ) : null}
    </>
  );
}
