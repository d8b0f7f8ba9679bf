// Working directories of steps and commands, relative to the repository root ("" = the root), so
// an install can be matched with the lockfile it reads and a publish with the package it publishes.
// GitHub starts every step in $GITHUB_WORKSPACE, the checkout of the repository.

const WORKSPACE_PREFIX = /^(\$GITHUB_WORKSPACE|\$\{GITHUB_WORKSPACE\}|\$\{\{\s*github\.workspace\s*\}\})(\/|$)/;

/**
 * `next` taken from `base`: a relative path joins, a path from the workspace starts at the root,
 * an absolute path or a home path (`/tmp/x`, `~/x`) is outside the repository and kept as written.
 */
export function joinDirectory(base: string, next: string): string {
  const path = next.trim();
  if (path === "" || path === ".") return normaliseDirectory(base);
  const fromWorkspace = WORKSPACE_PREFIX.exec(path);
  if (fromWorkspace) return normaliseDirectory(path.slice(fromWorkspace[0].length));
  if (path.startsWith("/") || path.startsWith("~")) return path.replace(/\/+$/, "") || "/";
  if (base.startsWith("/") || base.startsWith("~")) return `${base.replace(/\/+$/, "")}/${path}`;
  return normaliseDirectory(base ? `${base}/${path}` : path);
}

/** `./web/`, `web//app/..` → `web`; "" for the root; `..` past the root is kept (outside the repository). */
export function normaliseDirectory(directory: string): string {
  const parts: string[] = [];
  for (const part of directory.trim().split("/")) {
    if (part === "" || part === ".") continue;
    if (part === ".." && parts.length > 0 && parts[parts.length - 1] !== "..") parts.pop();
    else parts.push(part);
  }
  return parts.join("/");
}
