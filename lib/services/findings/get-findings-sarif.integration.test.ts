import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { seedDemoOrganisation } from "@/lib/services/demo/seed-demo-organisation";
import { testDatabaseKinds, useTestDatabase } from "@/test/test-database";
import { getFindingsReport } from "./get-findings-report";
import { getFindingsSarif } from "./get-findings-sarif";

// GitHub code scanning refuses SARIF its ingestion rules reject (a result without a location, a
// rule without fullDescription or help). Microsoft's SARIF Multitool runs those rules ("Ghas");
// the demo organisation fires every posture rule, with and without workflow lines.
const multitool: string = createRequire(import.meta.url)("@microsoft/sarif-multitool");
const workDir = mkdtempSync(path.join(tmpdir(), "blastmap-sarif-"));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

interface SarifResult {
  ruleId: string;
  level: string;
  message: { text?: string; id?: string; arguments?: string[] };
  locations?: { physicalLocation: { artifactLocation: { uri: string } } }[];
}

/** The multitool's own findings about `file`, read from the SARIF log it writes. */
function validate(file: string): SarifResult[] {
  const output = `${file}.validation.sarif`;
  // --rule-kind takes a ;-separated list and its parser refuses a one-item list, hence "Ghas;Ghas".
  const run = spawnSync(multitool, ["validate", "--rule-kind", "Ghas;Ghas", "--output", output, file], {
    encoding: "utf8",
    // The self-contained .NET binary needs libicu unless told to run without culture data.
    env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: "1", DOTNET_CLI_TELEMETRY_OPTOUT: "1" },
  });
  expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
  const log = JSON.parse(readFileSync(output, "utf8")) as { runs: { results?: SarifResult[] }[] };
  return log.runs.flatMap((run) => run.results ?? []);
}

describe.each(testDatabaseKinds())("SARIF export of the demo organisation (%s)", (kind) => {
  const database = useTestDatabase(kind);

  it("passes the SARIF Multitool's GitHub ingestion rules with no error or warning", async () => {
    await seedDemoOrganisation(database.current.db);
    const sarif = await getFindingsSarif(database.current.db, await getFindingsReport(database.current.db));
    const file = path.join(workDir, `demo-${kind}.sarif`);
    writeFileSync(file, JSON.stringify(sarif, null, 2));
    const problems = validate(file).filter((result) => result.level === "error" || result.level === "warning");
    expect(problems.map((result) => `${result.ruleId} ${result.message.id ?? ""}: ${result.message.text ?? result.message.arguments?.join(" | ")}`)).toEqual(
      [],
    );
  });

  it("places every finding: on its workflow line, on the inventory that declares its entity, or on the entity's pseudo-path", async () => {
    const report = await getFindingsReport(database.current.db);
    const results = (await getFindingsSarif(database.current.db, report)).runs[0].results;
    expect(results).toHaveLength(report.findings.length);
    const uris = results.map((result) => result.locations[0].physicalLocation.artifactLocation.uri);
    expect(uris.some((uri) => uri.startsWith(".github/workflows/"))).toBe(true);
    expect(uris).toContain("inventory.json");
    for (const uri of uris) expect(uri).toMatch(/^(?!\/)[^:]+$/);
  });

  it("gives every rule a full description, help and a GitHub security severity", async () => {
    const rules = (await getFindingsSarif(database.current.db, await getFindingsReport(database.current.db))).runs[0].tool.driver.rules;
    for (const rule of rules) {
      expect(rule.fullDescription.text.length, rule.id).toBeGreaterThan(20);
      expect(rule.help.markdown, rule.id).toContain("**Remediation:**");
      expect(Number(rule.properties["security-severity"]), rule.id).toBeGreaterThan(0);
      expect(rule, rule.id).not.toHaveProperty("helpUri");
    }
  });
});
