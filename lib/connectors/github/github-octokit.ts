import { Octokit } from "@octokit/core";
import { paginateRest } from "@octokit/plugin-paginate-rest";
import { retry } from "@octokit/plugin-retry";
import { throttling } from "@octokit/plugin-throttling";

// One Octokit with GitHub's own pagination (Link headers), retry (5xx, network) and rate-limit
// throttling (primary: X-RateLimit-Remaining 0 until X-RateLimit-Reset; secondary: 403/429 with
// Retry-After), so this connector never hand-writes HTTP.

const GithubOctokit = Octokit.plugin(paginateRest, retry, throttling);
export type GithubApi = InstanceType<typeof GithubOctokit>;

export interface GithubApiOptions {
  token: string;
  /** https://api.github.com, or https://<host>/api/v3 for GitHub Enterprise Server */
  apiUrl: string;
  /** how many times a rate-limited request is retried before the run gives up */
  rateLimitRetries?: number;
  /** the longest wait (seconds) for a rate limit to lift before giving up */
  maxRateLimitWaitSeconds?: number;
  /** called with a line a person reads while the run waits */
  progress: (line: string) => void;
}

export const DEFAULT_GITHUB_API_URL = "https://api.github.com";

export function createGithubApi(options: GithubApiOptions): GithubApi {
  const retries = options.rateLimitRetries ?? 3;
  const maxWait = options.maxRateLimitWaitSeconds ?? 15 * 60;
  const onLimit = (kind: string) => (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
    if (retryCount >= retries || retryAfter > maxWait) return false;
    options.progress(`github: ${kind} rate limit on ${request.method} ${request.url}; retrying in ${retryAfter}s`);
    return true;
  };
  return new GithubOctokit({
    auth: options.token,
    baseUrl: options.apiUrl.replace(/\/+$/, ""),
    userAgent: "blastmap-connector",
    throttle: { onRateLimit: onLimit("primary"), onSecondaryRateLimit: onLimit("secondary") },
    // 429 is the throttling plugin's (it honours Retry-After); retry handles 5xx and network errors
    retry: { retries: 2, doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451] },
    // Octokit logs warnings to the console by default; the runner reports instead.
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
  });
}
