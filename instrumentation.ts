// Runs once when the Next.js server starts. The connector schedule (`blastmap start --connect …
// --every 6h`, or BLASTMAP_CONNECT / BLASTMAP_CONNECT_EVERY) lives here, in the server process,
// because that process holds the embedded database.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || !process.env.BLASTMAP_CONNECT) return;
  const { connectorScheduleFromEnv, startConnectorSchedule } = await import("@/lib/services/connectors/connector-schedule");
  const { getDatabase } = await import("@/lib/db");
  try {
    const schedule = connectorScheduleFromEnv();
    if (schedule) startConnectorSchedule(schedule, async () => (await getDatabase()).prisma);
  } catch (error) {
    console.error(`blastmap: no connector schedule: ${error instanceof Error ? error.message : String(error)}`);
  }
}
