// The issue asks that the demo organisation produces findings of every severity; the demo is built
// to show a weakness for every rule, so every rule must fire on it.
import { describe, expect, it } from "vitest";
import { seedDemoOrganisation } from "@/lib/services/demo/seed-demo-organisation";
import { summariseCompliance } from "@/lib/findings/summarise-compliance";
import { SEVERITIES } from "@/lib/schemas/findings";
import { testDatabaseKinds, useTestDatabase } from "@/test/test-database";
import { getFindingsReport } from "./get-findings-report";

describe.each(testDatabaseKinds())("findings on the demo organisation (%s)", (kind) => {
  const database = useTestDatabase(kind);

  it("produces findings of every severity and fires every rule", async () => {
    await seedDemoOrganisation(database.current.db);
    const report = await getFindingsReport(database.current.db);
    for (const severity of SEVERITIES) expect(report.counts.bySeverity[severity], severity).toBeGreaterThan(0);
    for (const rule of report.rules) expect(report.counts.byRule[rule.id], rule.id).toBeGreaterThan(0);
    expect(report.findings.some((finding) => finding.location?.file.startsWith(".github/workflows/") && finding.location.line)).toBe(true);
    expect(summariseCompliance("owasp-nhi", report).counts.gap).toBeGreaterThan(0);
  });
});
