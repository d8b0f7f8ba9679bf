import path from "node:path";
import type { Db } from "@/lib/db";
import { importSources } from "@/lib/services/import/import-sources";
import { PROJECT_ROOT } from "@/lib/database/migrations";
import { readSourcesFromPaths } from "@/lib/files/read-sources-from-paths";
import type { TImportResult } from "@/lib/schemas/import";

// The demo organisation is a folder of real files (demo/acme: workflows, lockfiles, package.json,
// OSV advisories, an inventory), imported through the same importer a real organisation uses, in
// one transaction. Importing it again changes nothing.
export const DEMO_DIR = path.join(/*turbopackIgnore: true*/ PROJECT_ROOT, "demo", "acme");
const DEMO_OWNER = "acme";

export class DemoImportError extends Error {}

export async function seedDemoOrganisation(db: Db): Promise<{ message: string; result: TImportResult }> {
  const read = await readSourcesFromPaths(["repos", "advisories", "inventory.json"], { cwd: DEMO_DIR });
  // The demo's repositories sit inside Blastmap's own checkout, so their git remote is Blastmap's:
  // name them after their folder in the demo organisation instead.
  const repoNames = Object.fromEntries(
    Object.keys(read.repoNames).map((root) => [root, `${DEMO_OWNER}/${path.basename(root.replace(/\/$/, ""))}`]),
  );
  const result = await importSources(db, read.files, { actor: "blastmap seed", repoNames, readErrors: read.errors });
  if (!result.ok) {
    const first = result.errors.slice(0, 5).map((e) => `${e.file}${e.line ? `:${e.line}` : ""}: ${e.message}`);
    throw new DemoImportError(`the demo organisation did not import:\n${first.join("\n")}`);
  }
  return { message: `demo organisation: ${result.message}`, result };
}
