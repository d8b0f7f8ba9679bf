// npm run bench -- import-1m [--edges 1000000] [--pglite]
//
// The million-edge organisation in ONE import (issue 14: 1M edges into PostgreSQL in under a
// minute): bench/import.bench.ts's generated repositories, as many as give about --edges edges
// (~71 each). PostgreSQL when DATABASE_URL is set; PGlite only with --pglite, or without
// DATABASE_URL. Parsing is timed inside the import only (the "parse" phase), not a second time alone.
import { numberOption } from "./bench-kit";
import { generateOrganisationFiles, measureImports, type DatabaseKind } from "./import.bench";

/** Edges one generated repository brings in a large organisation (890,948 for 12,579 repositories; more packages are shared than among 1,000). */
const EDGES_PER_REPOSITORY = 70.8;

export async function run(args: string[]): Promise<Record<string, unknown>> {
  const edges = numberOption(args, "edges", 1_000_000);
  const repos = Math.ceil(edges / EDGES_PER_REPOSITORY);
  const kinds: DatabaseKind[] = [
    ...(args.includes("--pglite") || !process.env.DATABASE_URL ? ["pglite" as const] : []),
    ...(process.env.DATABASE_URL ? ["postgresql" as const] : []),
  ];
  return measureImports(generateOrganisationFiles(repos), repos, kinds, { reimport: false, parseAlone: false });
}
