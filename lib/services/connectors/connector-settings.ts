import type { TConnectorAvailability } from "@/lib/schemas/connectors/connector-run";
import { connectorKinds, type ConnectorRequest } from "./connector-registry";

// How the server runs a connector for the dashboard: its token comes from the server's own
// environment (the variable named by BLASTMAP_<KIND>_TOKEN_ENV, GITHUB_TOKEN / NPM_TOKEN by
// default), its API from BLASTMAP_<KIND>_API_URL. Nothing here is typed into a browser or stored.

const DEFAULT_TOKEN_ENV: Record<string, string> = { github: "GITHUB_TOKEN", npm: "NPM_TOKEN" };

const prefix = (kind: string) => `BLASTMAP_${kind.toUpperCase()}`;

export function connectorRequestFromEnv(kind: string, target: string, env: Record<string, string | undefined> = process.env): ConnectorRequest {
  return {
    target,
    tokenEnv: env[`${prefix(kind)}_TOKEN_ENV`] || DEFAULT_TOKEN_ENV[kind],
    apiUrl: env[`${prefix(kind)}_API_URL`] || undefined,
    skipFineGrainedTokens: env[`${prefix(kind)}_SKIP_FINE_GRAINED_TOKENS`] === "1",
    env,
  };
}

export function connectorAvailability(env: Record<string, string | undefined> = process.env): TConnectorAvailability[] {
  return connectorKinds().map((kind) => {
    const request = connectorRequestFromEnv(kind, "-", env);
    const tokenEnv = request.tokenEnv ?? DEFAULT_TOKEN_ENV[kind] ?? `${kind.toUpperCase()}_TOKEN`;
    return { kind, tokenEnv, tokenSet: Boolean(env[tokenEnv]), apiUrl: request.apiUrl ?? null };
  });
}
