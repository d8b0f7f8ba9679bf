import { githubOrgSources } from "@/lib/ingest/connectors/github/github-org-sources";
import type { Connector } from "../connector";
import { ConnectorError } from "../connector-error";
import { collectGithubOrg } from "./collect-github-org";
import { createGithubApi, DEFAULT_GITHUB_API_URL } from "./github-octokit";

export interface GithubConnectorOptions {
  org: string;
  /** the environment variable holding the token; the token itself is never stored */
  tokenEnv?: string;
  /** GitHub Enterprise Server: https://<host>/api/v3 */
  apiUrl?: string;
  skipFineGrainedTokens?: boolean;
  maxFileBytes: number;
  /** where the token is read from: the process environment unless a test says otherwise */
  env?: Record<string, string | undefined>;
  rateLimitRetries?: number;
}

const ORG_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;

export function githubConnector(options: GithubConnectorOptions): Connector {
  const tokenEnv = options.tokenEnv ?? "GITHUB_TOKEN";
  const apiUrl = options.apiUrl ?? DEFAULT_GITHUB_API_URL;
  if (!ORG_NAME.test(options.org)) throw new ConnectorError(`"${options.org}" is not a GitHub organisation name`);
  if (!/^https?:\/\/[^\s/]+/.test(apiUrl))
    throw new ConnectorError(`--api-url must be an http(s) URL such as https://github.example.com/api/v3, got "${apiUrl}"`);
  return {
    kind: "github",
    target: options.org,
    async collect(progress) {
      const token = (options.env ?? process.env)[tokenEnv];
      if (!token) {
        throw new ConnectorError(
          `no GitHub token: $${tokenEnv} is not set`,
          `export ${tokenEnv} with a token that can read the organisation ${options.org} (a GitHub App installation token, or a fine-grained token with the organisation's Administration, Secrets and Self-hosted runners read permissions and Contents, Secrets, Environments and Administration read on its repositories)`,
        );
      }
      const api = createGithubApi({ token, apiUrl, progress, rateLimitRetries: options.rateLimitRetries });
      const collection = await collectGithubOrg(
        api,
        { org: options.org, apiUrl, tokenEnv, skipFineGrainedTokens: options.skipFineGrainedTokens, maxFileBytes: options.maxFileBytes },
        progress,
      );
      return githubOrgSources(collection);
    },
  };
}
