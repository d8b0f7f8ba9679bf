import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

// Test support: lays the real public fixtures (../shared/fixtures/real, see SOURCES.md) out as
// repository checkouts in a temporary directory — .github/workflows/, lockfile and package.json at
// the root, a git remote naming the upstream repository — so imports see them as a user's
// checkout would look. The fixtures are read by path, never copied into this repository.

/**
 * The real public samples: BLASTMAP_REAL_FIXTURES, else ../shared/fixtures/real beside the
 * repository (there on the build machine and in CI, not in a user's clone).
 */
export const REAL_FIXTURES = path.resolve(process.env.BLASTMAP_REAL_FIXTURES ?? path.resolve(import.meta.dirname, "../../shared/fixtures/real"));
export const HAVE_REAL_FIXTURES = existsSync(REAL_FIXTURES);

let absenceNoted = false;
/** True (and says so once per test file) when the real samples are absent: their tests skip. */
export function realFixturesAbsent(): boolean {
  if (HAVE_REAL_FIXTURES) return false;
  if (!absenceNoted) console.warn(`skipped: tests over the real public samples (${REAL_FIXTURES} is absent; set BLASTMAP_REAL_FIXTURES to run them)`);
  absenceNoted = true;
  return true;
}

interface FixtureRepo {
  directory: string;
  remote: string | null;
  workflows: string[];
  lockfileDirectory?: string;
}

export const FIXTURE_REPOS: FixtureRepo[] = [
  { directory: "next.js", remote: "https://github.com/vercel/next.js.git", workflows: ["vercel__next.js/build_and_deploy.yml"] },
  { directory: "nx", remote: "git@github.com:nrwl/nx.git", workflows: ["nrwl__nx/publish.yml"] },
  { directory: "TypeScript", remote: "https://github.com/microsoft/TypeScript", workflows: ["microsoft__TypeScript/nightly.yaml"] },
  {
    directory: "react",
    remote: "https://github.com/facebook/react.git",
    workflows: ["facebook__react/runtime_prereleases.yml", "facebook__react/runtime_prereleases_nightly.yml"],
  },
  {
    directory: "prisma",
    remote: "https://github.com/prisma/prisma.git",
    workflows: ["prisma__prisma/publish.yml", "prisma__prisma/pr-code-security.yml"],
    lockfileDirectory: "prisma__prisma",
  },
  { directory: "pnpm", remote: "https://github.com/pnpm/pnpm.git", workflows: ["pnpm__pnpm/update-latest.yml"] },
  {
    directory: "changesets",
    remote: "https://github.com/changesets/changesets.git",
    workflows: ["changesets__changesets/changeset-version.yml", "changesets__changesets/publish.yml"],
  },
  {
    directory: "openai-node",
    remote: "https://github.com/openai/openai-node.git",
    workflows: ["openai__openai-node/publish-npm.yml"],
    lockfileDirectory: "openai__openai-node",
  },
  { directory: "vite", remote: null, workflows: ["vitejs__vite/ci.yml"] },
];

/** A temp directory with one checkout per fixture repository, plus osv/, sbom/ and a loose lockfile. */
export function writeFixtureTree(): string {
  const root = mkdtempSync(path.join(os.tmpdir(), "blastmap-fixtures-"));
  for (const repo of FIXTURE_REPOS) {
    const directory = path.join(root, repo.directory);
    mkdirSync(path.join(directory, ".github", "workflows"), { recursive: true });
    for (const workflow of repo.workflows) {
      copyFileSync(path.join(REAL_FIXTURES, "workflows", workflow), path.join(directory, ".github", "workflows", path.basename(workflow)));
    }
    if (repo.lockfileDirectory) {
      for (const file of ["package-lock.json", "package.json"])
        copyFileSync(path.join(REAL_FIXTURES, "lockfiles", repo.lockfileDirectory, file), path.join(directory, file));
    }
    if (repo.remote) {
      execFileSync("git", ["init", "-q", directory]);
      execFileSync("git", ["-C", directory, "remote", "add", "origin", repo.remote]);
    }
  }
  for (const [folder, files] of [
    [
      "osv",
      [
        "MAL-2025-46969",
        "MAL-2025-46974",
        "MAL-2025-46967",
        "MAL-2025-47141",
        "MAL-2025-41443",
        "MAL-2025-41436",
        "MAL-2025-190647",
        "MAL-2025-190925",
        "GHSA-4x49-vf9v-38px",
      ].map((id) => `${id}.json`),
    ],
    ["sbom", ["cern-lhc-vdm-editor-e564943.json", "demo-package-integrity.bare.bom.1.6.json"]],
  ] as const) {
    mkdirSync(path.join(root, folder));
    for (const file of files) copyFileSync(path.join(REAL_FIXTURES, folder, file), path.join(root, folder, file));
  }
  mkdirSync(path.join(root, "package-integrity"));
  for (const file of ["package-lock.json", "package.json"]) {
    copyFileSync(path.join(REAL_FIXTURES, "lockfiles", "CycloneDX__cyclonedx-node-npm", file), path.join(root, "package-integrity", file));
  }
  return root;
}

/** Writes a file under a directory, creating parents (tests that edit a checkout and re-import). */
export function writeTreeFile(root: string, relative: string, content: string): void {
  mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
  writeFileSync(path.join(root, relative), content);
}
