"use server";

import { revalidatePath } from "next/cache";
import { requireActionPermission } from "@/lib/auth/guard";
import { getDatabase } from "@/lib/db";
import { ZConnectorSyncRequest, type TConnectorRunResult } from "@/lib/schemas/connectors/connector-run";
import { ConnectorError, createConnector } from "@/lib/services/connectors/connector-registry";
import { connectorRequestFromEnv } from "@/lib/services/connectors/connector-settings";
import { runConnector } from "@/lib/services/connectors/run-connector";

export interface ConnectorSyncState {
  error: string | null;
  result: TConnectorRunResult | null;
}

/** Import page → Connectors: run one connector now, with the server's token. */
export async function syncConnectorAction(_state: ConnectorSyncState, form: FormData): Promise<ConnectorSyncState> {
  const actor = await requireActionPermission("connectors:sync");
  const request = ZConnectorSyncRequest.safeParse({ kind: form.get("kind"), target: form.get("target") });
  if (!request.success) return { error: request.error.issues.map((issue) => issue.message).join("; "), result: null };
  const { kind, target } = request.data;
  let connector;
  try {
    connector = createConnector(kind, connectorRequestFromEnv(kind, target));
  } catch (error) {
    if (error instanceof ConnectorError) return { error: error.message, result: null };
    throw error;
  }
  const result = await runConnector((await getDatabase()).prisma, connector, { actor: actor.name, auditActor: actor });
  revalidatePath("/import");
  return { error: null, result };
}
