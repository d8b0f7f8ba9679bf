import { describe, expect, it } from "vitest";
import { blastRadius } from "@/lib/engine/blast-radius";
import { tinyGraph } from "@/lib/engine/tiny-graph";
import type { TIncident } from "@/lib/schemas/incident";
import { generateChecklist } from "./generate-checklist";
import { markdownText, renderIncidentMarkdown } from "./render-incident-markdown";

// Node names come from imported files: a hostile one must stay text in the report a commander
// pastes into a ticket — no HTML, no extra table cells, no links, no headings.
const HOSTILE = "<img src=x onerror=alert(1)>|pwned| [click](https://evil.example) **bold** `code`\n# Heading\n- item";

function hostileIncident(): TIncident {
  const secret = `secret:acme/web:${HOSTILE}`;
  const graph = tinyGraph(
    [
      ["pkg:npm/evil@1.0.0", { hasInstallScript: true }],
      "pkg:npm/evil",
      ["context:acme/web/ci.yml/build", { repo: "acme/web" }],
      secret,
      ["identity:npm-bot", { lifetime: "longLived", identityKind: "registryPublishToken" }],
    ],
    [
      ["VERSION_OF", "pkg:npm/evil@1.0.0", "pkg:npm/evil"],
      ["INSTALLED_IN", "pkg:npm/evil@1.0.0", "context:acme/web/ci.yml/build"],
      ["EXPOSES", "context:acme/web/ci.yml/build", secret, { exposure: "install" }],
      ["AUTHENTICATES_AS", secret, "identity:npm-bot"],
    ],
  );
  const answer = blastRadius(graph, { refs: ["pkg:npm/evil@1.0.0"], advisories: [], maxHops: null, exposures: [], whatIf: [], timings: [] });
  if (!answer.ok) throw new Error("radius failed");
  return {
    id: 3,
    title: `## ${HOSTILE}`,
    sourceRefs: [secret],
    advisoryIds: [],
    windowStart: "2026-01-01T00:00:00.000Z",
    windowEnd: null,
    commander: "ic@example.com",
    severity: "critical",
    status: "open",
    graphVersionAtOpen: 1,
    createdBy: "ic@example.com",
    createdAt: "2026-01-01T00:00:00.000Z",
    updatedAt: "2026-01-01T00:00:00.000Z",
    snapshot: answer.result,
    checklist: generateChecklist(answer.result, { publishers: [], longLivedCredentialJobs: [] }),
    rotations: [
      { nodeKey: secret, nodeKind: "secret", nodeName: HOSTILE, action: "rotated", by: "ic@example.com", at: "2026-01-02T00:00:00.000Z", note: HOSTILE },
    ],
    events: [{ id: 1, at: "2026-01-02T00:00:00.000Z", type: "rotation", actor: "ic@example.com", details: { summary: HOSTILE } }],
  };
}

/** Pipes that are not backslash-escaped: the cell boundaries a Markdown table sees. */
const cellBreaks = (line: string) => line.match(/(?<!\\)\|/g)?.length ?? 0;

describe("the incident Markdown report", () => {
  const markdown = renderIncidentMarkdown(hostileIncident(), null, new Date("2026-01-03T00:00:00Z"));
  const lines = markdown.split("\n");

  it("keeps hostile node names out of the markup: no HTML, no link, no code span", () => {
    expect(markdown).not.toMatch(/<img|<\/?[a-z]/i);
    expect(markdown).toContain("&lt;img src=x onerror=alert\\(1\\)&gt;");
    expect(markdown).not.toMatch(/(?<!\\)\]\(/);
    expect(markdown).not.toMatch(/(?<!\\)`/);
    expect(markdown).not.toMatch(/(?<!\\)\*\*bold/);
    expect(markdown).not.toContain("https://evil");
  });

  it("keeps every rotation row to the table's nine columns", () => {
    const header = lines.find((line) => line.startsWith("| # | Credential"))!;
    const rows = lines.slice(lines.indexOf(header) + 2).filter((line) => line.startsWith("|"));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(cellBreaks(row)).toBe(cellBreaks(header));
  });

  it("starts no heading or list item of its own", () => {
    expect(lines.filter((line) => line.startsWith("#"))).toEqual([
      expect.stringMatching(/^# Incident #3: \\#\\# /),
      "## Blast radius",
      "## Rotation status",
      "## Response checklist",
      "## Timeline",
    ]);
    expect(lines.filter((line) => /^\s*[-+*] /.test(line)).every((line) => !line.startsWith("- item"))).toBe(true);
  });
});

describe("markdownText", () => {
  it("escapes what would start a block and leaves word-internal underscores readable", () => {
    expect(markdownText("- list")).toBe("\\- list");
    expect(markdownText("1. first")).toBe("1\\. first");
    expect(markdownText("_em_ GITHUB_TOKEN")).toBe("\\_em\\_ GITHUB_TOKEN");
    expect(markdownText("see www.evil.example & a|b")).toBe("see www&#46;evil.example &amp; a\\|b");
  });
});
