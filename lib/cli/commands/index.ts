import type { Command } from "../command";

/** A command as `blastmap help` lists it; its module (and everything it imports) is loaded only when it runs. */
export interface CommandEntry {
  summary: string;
  load(): Promise<Command>;
}

// Loaded on demand: importing every command's module (Octokit, the engine, the server's start-up)
// cost each run ~0.45 s before it did anything, `blastmap import` included.

/** Every `blastmap <command>`; each command lives in its own file beside this one. */
export const COMMANDS: Record<string, CommandEntry> = {
  import: {
    summary:
      "import workflows, lockfiles (package-lock.json, pnpm-lock.yaml, yarn.lock), package.json, OSV advisories, CycloneDX SBOMs and inventory files (files, directories or .zip)",
    load: async () => (await import("./import")).importCommand,
  },
  connect: {
    summary:
      "read an inventory where it lives and import it: a GitHub organisation (workflows, lockfiles, secret names, runners, deploy keys, Apps, tokens) or an npm scope (packages, maintainers, recent versions, members)",
    load: async () => (await import("./connect")).connectCommand,
  },
  migrate: {
    summary:
      "apply pending database migrations (embedded PGlite, or PostgreSQL with DATABASE_URL); --grant-runtime-role gives the server's own role its privileges",
    load: async () => (await import("./migrate")).migrateCommand,
  },
  seed: {
    summary: "load the demo organisation (deterministic; running it again changes nothing)",
    load: async () => (await import("./seed")).seedCommand,
  },
  stats: {
    summary: "counts of nodes and edges by kind, the database in use and its schema version",
    load: async () => (await import("./stats")).statsCommand,
  },
  radius: {
    summary: "what an attacker reaches from a compromised package, publisher, identity, secret, job, runner, action or pull request",
    load: async () => (await import("./radius")).radiusCommand,
  },
  path: {
    summary: "the shortest chains by which a compromise of one node reaches another (e.g. a package and the production database)",
    load: async () => (await import("./path")).pathCommand,
  },
  fixes: {
    summary: "the single changes that shrink the blast radius most over every possible compromised package and publisher",
    load: async () => (await import("./fixes")).fixesCommand,
  },
  start: {
    summary: "migrate, load the demo on first run, build if needed, and serve the dashboard (npm start)",
    load: async () => (await import("./start")).startCommand,
  },
  token: {
    summary: "create (shown once), list or revoke Blastmap API tokens for CI ingestion and read access",
    load: async () => (await import("./token")).tokenCommand,
  },
  user: {
    summary: "create a local account (headless installs: the first admin) or list accounts",
    load: async () => (await import("./user")).userCommand,
  },
  findings: {
    summary: "posture findings over the graph (SARIF 2.1.0 for code-scanning tools with --sarif)",
    load: async () => (await import("./findings")).findingsCommand,
  },
  compliance: {
    summary: "controls of a framework with their mapped rules, open findings and status",
    load: async () => (await import("./compliance")).complianceCommand,
  },
};
