import "server-only";
import type { Db } from "@/lib/db";
import { toSarif, type SarifOptions } from "@/lib/findings/to-sarif";
import type { TFindingsReport } from "@/lib/schemas/findings";
import { getEntitySourceFiles } from "@/lib/data/findings/get-entity-source-files";

/** A findings report as SARIF, each finding without a workflow line placed on the file its entity came from. */
export async function getFindingsSarif(db: Db, report: TFindingsReport, options: Omit<SarifOptions, "sourceFiles"> = {}) {
  const unplaced = report.findings.filter((finding) => !finding.location).flatMap((finding) => finding.entities.map((entity) => entity.id));
  const sourceFiles = await getEntitySourceFiles(db, unplaced);
  return toSarif(report, { ...options, sourceFiles });
}
