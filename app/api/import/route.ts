// POST /api/import — import uploaded files (multipart, .zip included) or JSON {files:[{path,content}]}
import { authorizeRequest } from "@/lib/auth/guard";
import { importParsedSources } from "@/lib/data/import/import-parsed-sources";
import { getDb } from "@/lib/db";
import { readImportRequest } from "@/lib/files/read-import-request";

export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  const actor = await authorizeRequest(request, "import:write");
  if (actor instanceof Response) return actor;
  // Read and parsed in a worker thread (bounded in time and memory); only the transaction runs here.
  const input = await readImportRequest(request);
  if (!input.ok) return Response.json(input.result, { status: input.status });
  const result = await importParsedSources(await getDb(), input.sources, {
    actor: actor.name,
    auditActor: actor,
    dryRun: input.dryRun,
    readErrors: input.readErrors,
  });
  return Response.json(result, { status: result.ok ? 200 : 400, headers: { "cache-control": "no-store" } });
}
