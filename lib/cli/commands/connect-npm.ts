import type { Connector } from "@/lib/connectors/connector";
import { ConnectorError } from "@/lib/connectors/connector-error";
import { NPM_PUBLIC_REGISTRY, npmConnector } from "@/lib/connectors/npm/npm-connector";
import { CliError } from "../cli-error";
import { parseCommandArgs } from "../command";

// `blastmap connect npm`: the arguments, turned into the connector the `connect` runner collects
// and imports. The token is read from the environment variable --token-env names (NPM_TOKEN by
// default) so it never appears in a process list or shell history; it is never stored.

export const connectNpmUsage =
  "blastmap connect npm --scope @org [--token-env NPM_TOKEN] [--registry https://registry.npmjs.org] [--public-only] [--versions 5]";

export const connectNpmSummary = "the scope's packages, maintainers, recent versions (provenance, install scripts), members and teams, from the npm registry";

const options = {
  scope: { type: "string" },
  "token-env": { type: "string" },
  registry: { type: "string" },
  "public-only": { type: "boolean" },
  versions: { type: "string" },
} as const;

export function connectNpmConnector(argv: string[], env: Record<string, string | undefined> = process.env): Connector {
  const { values } = parseCommandArgs(argv, options, connectNpmUsage);
  if (!values.scope) throw new CliError(`--scope is required\nusage: ${connectNpmUsage}`, 2);
  const tokenEnv = values["token-env"] ?? "NPM_TOKEN";
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(tokenEnv)) throw new CliError(`--token-env takes the name of an environment variable, not "${tokenEnv}"`, 2);
  const token = env[tokenEnv]?.trim() || undefined;
  if (values["token-env"] && !token && !values["public-only"]) throw new CliError(`--token-env ${tokenEnv}: that environment variable is not set`, 2);
  const registryUrl = values.registry ?? NPM_PUBLIC_REGISTRY;
  if (!URL.canParse(registryUrl) || !/^https?:$/.test(new URL(registryUrl).protocol))
    throw new CliError(`--registry must be an http(s) URL, not "${registryUrl}"`, 2);
  const versions = values.versions === undefined ? undefined : Number(values.versions);
  if (versions !== undefined && !(Number.isInteger(versions) && versions >= 1 && versions <= 100))
    throw new CliError("--versions takes a whole number from 1 to 100", 2);
  try {
    return npmConnector({ scope: values.scope, registryUrl, token, publicOnly: values["public-only"], recentVersionCount: versions });
  } catch (error) {
    if (error instanceof ConnectorError) throw new CliError(error.message, 2);
    throw error;
  }
}
