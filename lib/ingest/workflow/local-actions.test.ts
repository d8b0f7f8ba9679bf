import { describe, expect, it } from "vitest";
import { parseSources } from "@/lib/ingest/parse-sources";
import { isLocalActionFile, localActionDirectory } from "./local-actions";

describe("local actions", () => {
  it("are keyed by their directory without `./`, and only action.yml files with `runs:` are actions", () => {
    expect(localActionDirectory("./.github/actions/setup/")).toBe(".github/actions/setup");
    expect(localActionDirectory("$/.github/actions/ci-setup")).toBe(".github/actions/ci-setup");
    expect(isLocalActionFile({ path: ".github/actions/setup/action.yml", content: "runs:\n  using: composite\n  steps: []\n" })).toBe(true);
    expect(isLocalActionFile({ path: ".github/actions/setup/other.yml", content: "runs:\n  using: composite\n" })).toBe(false);
    expect(isLocalActionFile({ path: "action.yaml", content: "name: x\n" })).toBe(false);
  });

  it("an imported action.yml is read by the workflow that uses it, not parsed as a workflow", () => {
    const parsed = parseSources(
      [
        {
          path: "web/.github/workflows/ci.yml",
          content: "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: ./.github/actions/setup\n",
        },
        { path: "web/.github/actions/setup/action.yml", content: "runs:\n  using: composite\n  steps:\n    - run: cd app && npm ci\n      shell: bash\n" },
      ],
      { repo: "acme/web" },
    );
    expect(parsed.errors).toEqual([]);
    const context = parsed.documents.flatMap((document) => document.nodes).find((node) => node.kind === "context");
    expect(context?.kind === "context" && context.attrs.installSteps).toMatchObject([{ command: "npm ci", installs: "lockfile", directory: "app", line: 4 }]);
  });
});
