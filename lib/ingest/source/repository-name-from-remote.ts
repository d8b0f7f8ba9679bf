/** owner/name from a git remote URL (https, ssh or scp-like), or null when it has no such path. */
export function repositoryNameFromRemote(url: string): string | null {
  const trimmed = url
    .trim()
    .replace(/\/+$/, "")
    .replace(/\.git$/, "");
  const path =
    /^[\w.-]+@[\w.-]+:(.+)$/.exec(trimmed)?.[1] ??
    (() => {
      try {
        return new URL(trimmed).pathname;
      } catch {
        return null;
      }
    })();
  if (!path) return null;
  const segments = path.split("/").filter(Boolean);
  return segments.length >= 2 ? `${segments[segments.length - 2]}/${segments[segments.length - 1]}` : null;
}
