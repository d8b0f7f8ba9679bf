import { describe, expect, it } from "vitest";
import type { TRadiusResult } from "@/lib/schemas/radius";
import { csvCell, radiusToCsv } from "./radius-csv";

const radius: Pick<TRadiusResult, "nodes" | "source"> = {
  source: { refs: ["pkg:npm/chalk@5.6.1"], description: "chalk", nodes: [{ id: 1, key: "pkg:npm/chalk@5.6.1", kind: "packageVersion", name: "chalk@5.6.1" }] },
  nodes: [
    {
      id: 2,
      key: "context:acme/web/ci.yml/build",
      kind: "context",
      name: "acme/web, ci",
      hops: 1,
      timing: "now",
      generation: 0,
      exposure: "install",
      path: [{ kind: "INSTALLED_IN", from: 1, to: 2, exposure: "install" }],
    },
    {
      id: 3,
      key: "secret:acme/web:NPM_TOKEN",
      kind: "secret",
      name: '=HYPERLINK("http://x")',
      hops: 2,
      timing: "now",
      generation: 0,
      exposure: "install",
      path: [
        { kind: "INSTALLED_IN", from: 1, to: 2, exposure: "install" },
        { kind: "EXPOSES", from: 2, to: 3, exposure: "install" },
      ],
    },
  ],
};

describe("radiusToCsv", () => {
  it("writes a header and one row per reached node with its path in words", () => {
    const lines = radiusToCsv(radius).split("\r\n");
    expect(lines[0]).toBe("kind,key,name,hops,generation,exposure,timing,assumed,path");
    expect(lines[1]).toBe('context,context:acme/web/ci.yml/build,"acme/web, ci",1,0,install,now,,"chalk@5.6.1 is installed in acme/web, ci (install script)"');
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe("");
  });

  it("neutralises a name a spreadsheet would run as a formula", () => {
    const row = radiusToCsv(radius).split("\r\n")[2];
    expect(row).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(row).not.toMatch(/,=/);
  });
});

describe("csvCell", () => {
  it("prefixes cells starting with = + - @ with a quote", () => {
    expect(["=1+1", "+1", "-2", "@SUM(A1)"].map(csvCell)).toEqual(["'=1+1", "'+1", "'-2", "'@SUM(A1)"]);
  });
  it("leaves numbers and plain text alone and quotes embedded quotes and newlines", () => {
    expect(csvCell(3)).toBe("3");
    expect(csvCell("npm-publish-token")).toBe("npm-publish-token");
    expect(csvCell('say "hi"\nbye')).toBe('"say ""hi""\nbye"');
    expect(csvCell(null)).toBe("");
  });
});
