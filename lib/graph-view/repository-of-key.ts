// Which repository a node belongs to, read from its key (the ref grammar of docs/inventory.md,
// "References"). Only keys that name a repository of the organisation count: a repository's CI
// secret, a CI job and the workflow token of a job. An action's key names the action's own
// repository, which is someone else's code used by many of ours, so it belongs to none.

const REPOSITORY_KEYS: readonly RegExp[] = [
  // secret:<owner>/<repo>:<NAME> (a secret named without a repository has no slash before the colon)
  /^secret:([^/:\s]+\/[^/:\s]+):/,
  // context:<owner>/<repo>/<workflow file>/<job id>; workstations and applications have two segments
  /^context:([^/\s]+\/[^/\s]+)\/[^/\s]+\/[^/\s]+$/,
  // identity:github-token:<owner>/<repo>/<workflow file>/<job id>
  /^identity:github-token:([^/\s]+\/[^/\s]+)\//,
];

/** "owner/repo" of a node key, or null when the key names no repository. */
export function repositoryOfKey(key: string): string | null {
  for (const pattern of REPOSITORY_KEYS) {
    const match = pattern.exec(key);
    if (match) return match[1];
  }
  return null;
}
