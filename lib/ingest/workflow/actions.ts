// Reading `uses:`. A third-party action runs with the job's environment and token, so each is a
// node the engine can mark compromised (tj-actions/changed-files, March 2025). A full 40-hex
// commit SHA is the only immutable pin; tags and branches can be moved by whoever controls the
// action's repository.

export type UsesTarget =
  | { kind: "local"; path: string }
  | { kind: "docker"; image: string }
  | {
      kind: "remote";
      /** owner/repo: the node key (sub-path actions share their repository's node) */
      slug: string;
      owner: string;
      repo: string;
      /** the sub-path inside the repository, if any (changesets/action/publish → "publish") */
      path: string | null;
      ref: string | null;
      pinned: boolean;
      firstParty: boolean;
      /** a reusable workflow (owner/repo/.github/workflows/x.yml@ref) rather than an action */
      reusableWorkflow: boolean;
    }
  | { kind: "invalid"; uses: string };

const FULL_SHA = /^[0-9a-f]{40}$/i;
const FIRST_PARTY_OWNERS = new Set(["actions", "github"]);

export function parseUses(raw: string): UsesTarget {
  const uses = raw.trim();
  // `$/…` is the self-repository form (changesets/changesets publish.yml): a local action.
  if (uses.startsWith("./") || uses.startsWith("$/") || uses === ".") return { kind: "local", path: uses };
  if (uses.startsWith("docker://")) return { kind: "docker", image: uses.slice("docker://".length) };
  const at = uses.lastIndexOf("@");
  const target = at >= 0 ? uses.slice(0, at) : uses;
  const ref = at >= 0 ? uses.slice(at + 1) : null;
  const [owner, repo, ...path] = target.split("/");
  if (!owner || !repo || /\s/.test(target)) return { kind: "invalid", uses };
  const subPath = path.length > 0 ? path.join("/") : null;
  return {
    kind: "remote",
    slug: `${owner}/${repo}`,
    owner,
    repo,
    path: subPath,
    ref,
    pinned: ref !== null && FULL_SHA.test(ref),
    firstParty: FIRST_PARTY_OWNERS.has(owner.toLowerCase()),
    reusableWorkflow: subPath !== null && /^\.github\/workflows\/[^/]+\.ya?ml$/i.test(subPath),
  };
}
