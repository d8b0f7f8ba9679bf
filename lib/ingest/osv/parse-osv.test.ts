import { describe, expect, it } from "vitest";
import { parseOsv } from "./parse-osv";
import { inRange, versionAffected } from "./version-affected";

describe("OSV range evaluation", () => {
  it('treats introduced "0" as every version', () => {
    expect(inRange("0.0.1", [{ introduced: "0" }])).toBe(true);
    expect(inRange("99.1.0", [{ introduced: "0" }])).toBe(true);
  });

  it("excludes the fixed version and everything after it", () => {
    const events = [{ introduced: "4.4.2" }, { fixed: "4.4.3" }];
    expect(["4.4.1", "4.4.2", "4.4.3", "5.0.0"].filter((version) => inRange(version, events))).toEqual(["4.4.2"]);
  });

  it("includes last_affected itself", () => {
    const events = [{ introduced: "4.1.1" }, { last_affected: "4.1.2" }];
    expect(["4.1.0", "4.1.1", "4.1.2", "4.1.3"].filter((version) => inRange(version, events))).toEqual(["4.1.1", "4.1.2"]);
  });

  it("matches listed versions even without ranges, and ignores GIT ranges", () => {
    expect(versionAffected({ versions: ["5.6.1"] }, "5.6.1")).toBe(true);
    expect(versionAffected({ ranges: [{ type: "GIT", events: [{ introduced: "0" }] }] }, "1.0.0")).toBe(false);
  });
});

describe("parseOsv", () => {
  const record = {
    id: "MAL-2099-1",
    modified: "2099-01-02T00:00:00Z",
    published: "2099-01-01T00:00:00Z",
    aliases: ["GHSA-xxxx"],
    summary: "Malicious code in @acme/evil (npm)",
    affected: [
      { package: { ecosystem: "npm", name: "@acme/evil" }, versions: ["1.0.1", "1.0.2"], ranges: [{ type: "SEMVER", events: [{ introduced: "0" }] }] },
    ],
  };

  it("keeps the advisory as published and links the versions it lists", () => {
    const parsed = parseOsv("mal.json", record);
    if (!parsed.ok) throw new Error("expected ok");
    const [document] = parsed.documents;
    expect(document.key).toBe("osv:MAL-2099-1");
    const advisory = document.nodes.find((node) => node.kind === "advisory");
    expect(advisory?.attrs).toMatchObject({ advisoryId: "MAL-2099-1", aliases: ["GHSA-xxxx"], malicious: true, affected: record.affected });
    expect(document.edges.filter((edge) => edge.kind === "AFFECTS").map((edge) => edge.to)).toEqual([
      "pkg:npm/%40acme/evil@1.0.1",
      "pkg:npm/%40acme/evil@1.0.2",
    ]);
    expect(document.nodes.find((node) => node.key === "pkg:npm/%40acme/evil@1.0.1")?.attrs).toMatchObject({ compromised: true, advisoryIds: ["MAL-2099-1"] });
  });

  it("reads an array of records as one document each", () => {
    const parsed = parseOsv("batch.json", [record, { ...record, id: "MAL-2099-2" }]);
    expect(parsed.ok && parsed.documents.map((document) => document.key)).toEqual(["osv:MAL-2099-1", "osv:MAL-2099-2"]);
  });

  it("marks a GHSA with CWE-506 as malicious but not an ordinary one", () => {
    const withCwe = parseOsv("g.json", { ...record, id: "GHSA-1", database_specific: { cwe_ids: ["CWE-506"] } });
    const plain = parseOsv("g.json", { ...record, id: "GHSA-2" });
    const malicious = (parsed: typeof plain) => parsed.ok && parsed.documents[0].nodes[0].kind === "advisory" && parsed.documents[0].nodes[0].attrs.malicious;
    expect(malicious(withCwe)).toBe(true);
    expect(malicious(plain)).toBe(false);
  });

  it("names the JSON path of a malformed field", () => {
    expect(parseOsv("bad.json", { ...record, affected: [{ versions: "1.0.0" }] })).toEqual({
      ok: false,
      errors: [expect.objectContaining({ file: "bad.json", path: "$.affected[0].versions" })],
    });
  });
});
