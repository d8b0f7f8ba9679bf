// A directory that contains .github/workflows/ is one repository. In a flat list of paths that
// means: the prefix before ".github/workflows/" of any workflow path is a repository root, and
// every file under it (other than inside a nested root) belongs to that repository.

export interface RepositoryRoot {
  /** "" for the import root itself, else "dir/sub/" with a trailing slash */
  root: string;
  name: string;
}

export function workflowRoot(path: string): string | null {
  const match = /^(.*?)\.github\/workflows\/[^/]+$/i.exec(path);
  return match ? match[1] : null;
}

const lastSegment = (root: string) => root.replace(/\/$/, "").split("/").pop() ?? "";

/**
 * Repository roots among the paths, each with its name: `names[root]` (a git remote found by the
 * caller), else `repo` when there is exactly one root, else the directory's name.
 */
export function findRepositoryRoots(paths: string[], options: { repo?: string; names?: Record<string, string> }): RepositoryRoot[] {
  const roots = new Set<string>();
  for (const path of paths) {
    const root = workflowRoot(path);
    if (root !== null) roots.add(root);
  }
  // `--repo` for a lockfile or SBOM imported on its own: the whole input belongs to that repository.
  if (roots.size === 0 && options.repo) roots.add("");
  const single = roots.size === 1;
  return [...roots]
    .sort((a, b) => b.length - a.length)
    .map((root) => ({
      root,
      name: (single ? options.repo : undefined) ?? options.names?.[root] ?? (lastSegment(root) || "repository"),
    }));
}

/**
 * The repository a file belongs to — the longest root its path starts with — as a lookup built once
 * per import: scanning every root for every file was quadratic (14,000 repositories, 50,000 files).
 * A root is any prefix of a path (usually a directory, but `x.github/workflows/` gives root "x"), so
 * the path's prefixes are looked up at each length some root has, longest first.
 */
export function repositoryFinder(roots: RepositoryRoot[]): (path: string) => RepositoryRoot | null {
  const byRoot = new Map(roots.map((root) => [root.root, root]));
  const lengths = [...new Set(roots.map((root) => root.root.length))].sort((a, b) => b - a);
  return (path) => {
    for (const length of lengths) {
      if (length > path.length) continue;
      const root = byRoot.get(path.slice(0, length));
      if (root) return root;
    }
    return null;
  };
}
