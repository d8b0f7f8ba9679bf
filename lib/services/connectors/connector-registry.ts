import type { Connector } from "@/lib/connectors/connector";
import { ConnectorError } from "@/lib/connectors/connector-error";
import { githubConnector } from "@/lib/connectors/github/github-connector";
import { npmConnector } from "@/lib/connectors/npm/npm-connector";
import { importLimits } from "@/lib/ingest/limits";

// Every connector by kind. The CLI (`blastmap connect <kind>`), the dashboard's Connectors section
// and `--every` schedules build connectors here and nowhere else.

export interface ConnectorRequest {
  /** the organisation (github) or scope (npm) */
  target: string;
  /** the environment variable holding the token (never the token) */
  tokenEnv?: string;
  /** the API's base URL: GitHub Enterprise Server's https://<host>/api/v3, a private registry */
  apiUrl?: string;
  /** GitHub: leave out the fine-grained token list (GitHub answers it to App tokens only) */
  skipFineGrainedTokens?: boolean;
  /** npm: read public packages only (no token; no members or teams) */
  publicOnly?: boolean;
  /** npm: versions recorded per package, newest first */
  recentVersions?: number;
  /** where tokens are read from: the process environment unless a test says otherwise */
  env?: Record<string, string | undefined>;
}

type ConnectorFactory = (request: ConnectorRequest) => Connector;

export const CONNECTORS: Record<string, ConnectorFactory> = {
  github: (request) =>
    githubConnector({
      org: request.target,
      tokenEnv: request.tokenEnv,
      apiUrl: request.apiUrl,
      skipFineGrainedTokens: request.skipFineGrainedTokens,
      maxFileBytes: importLimits().maxFileBytes,
      env: request.env,
    }),
  npm: (request) =>
    npmConnector({
      scope: request.target,
      tokenEnv: request.tokenEnv,
      registryUrl: request.apiUrl,
      publicOnly: request.publicOnly,
      recentVersionCount: request.recentVersions,
      env: request.env,
    }),
};

export const connectorKinds = () => Object.keys(CONNECTORS).sort();

export function createConnector(kind: string, request: ConnectorRequest): Connector {
  const factory = CONNECTORS[kind];
  if (!factory) throw new ConnectorError(`unknown connector "${kind}"; known: ${connectorKinds().join(", ")}`);
  return factory(request);
}
export { ConnectorError };
