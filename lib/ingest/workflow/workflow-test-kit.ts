import { readFileSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import type { RepositoryContext } from "@/lib/ingest/types";
import { ZGraphDocument, type TEdgeFact, type TGraphDocument, type TNodeFact } from "@/lib/schemas/graph-facts";
import { REAL_FIXTURES } from "@/test/fixture-tree";
import { parseWorkflow } from "./parse-workflow";

// Shared by the workflow parser's tests: parse and look facts up by job id and secret name.

/** The real public workflows (see SOURCES.md there); read in place, never copied into the repo. */
export const REAL_WORKFLOWS = path.join(REAL_FIXTURES, "workflows");

export function readRealWorkflow(fixture: string): string {
  return readFileSync(path.join(REAL_WORKFLOWS, fixture), "utf8");
}

export interface ParsedWorkflow {
  document: TGraphDocument;
  repo: string;
  fileName: string;
  node(key: string): TNodeFact | undefined;
  context(job: string): Extract<TNodeFact, { kind: "context" }>;
  contextKeyOf(job: string): string;
  /** EXPOSES context→secret for a repository secret name, or the job's GITHUB_TOKEN with "GITHUB_TOKEN" */
  exposure(job: string, secretName: string): TEdgeFact | undefined;
  edges(kind: TEdgeFact["kind"]): TEdgeFact[];
  secretNames(): string[];
}

export interface ParseOptions {
  repo?: string | null;
  path?: string;
  npmrcIgnoresScripts?: boolean;
  /** local actions by directory (`.github/actions/setup`), as the text of their action.yml */
  localActions?: Record<string, string>;
}

export function parseOk(content: string, options: ParseOptions = {}): ParsedWorkflow {
  const localActions = new Map(
    Object.entries(options.localActions ?? {}).map(([directory, text]) => [directory, { path: `${directory}/action.yml`, content: text }]),
  );
  const repository: RepositoryContext = {
    repo: options.repo === undefined ? "acme/web" : options.repo,
    npmrcIgnoresScripts: options.npmrcIgnoresScripts ?? false,
    localActions,
  };
  const filePath = options.path ?? ".github/workflows/release.yml";
  const result = parseWorkflow({ path: filePath, content }, repository);
  if (!result.ok) throw new Error(`expected the workflow to parse: ${JSON.stringify(result.errors)}`);
  expect(result.documents).toHaveLength(1);
  const document = ZGraphDocument.parse(result.documents[0]);
  const repo = repository.repo ?? "local";
  const fileName = filePath.split("/").pop()!;
  const contextKeyOf = (job: string) => `context:${repo}/${fileName}/${job}`;
  const node = (key: string) => document.nodes.find((candidate) => candidate.key === key);
  return {
    document,
    repo,
    fileName,
    node,
    contextKeyOf,
    context(job) {
      const found = node(contextKeyOf(job));
      if (found?.kind !== "context") throw new Error(`no context for job ${job}`);
      return found;
    },
    exposure(job, secretName) {
      const to = secretName === "GITHUB_TOKEN" ? `secret:${repo}:GITHUB_TOKEN@${fileName}/${job}` : `secret:${repo}:${secretName}`;
      return document.edges.find((edge) => edge.kind === "EXPOSES" && edge.from === contextKeyOf(job) && edge.to === to);
    },
    edges: (kind) => document.edges.filter((edge) => edge.kind === kind),
    secretNames: () =>
      document.nodes
        .filter((candidate) => candidate.kind === "secret" && candidate.attrs.secretType !== "github-token")
        .map((candidate) => (candidate.kind === "secret" ? candidate.attrs.secretName : ""))
        .sort(),
  };
}
