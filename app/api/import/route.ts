// POST /api/import — import uploaded files (multipart, .zip included) or JSON {files:[{path,content}]}
import { authorizeRequest } from "@/lib/auth/guard";
import { importSources } from "@/lib/data/import/import-sources";
import { getDb } from "@/lib/db";
import { readImportRequest } from "@/lib/files/read-import-request";

export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  const actor = await authorizeRequest(request, "import:write");
  if (actor instanceof Response) return actor;
  const input = await readImportRequest(request);
  if (!input.ok) return Response.json(input.result, { status: input.status });
  const result = await importSources(await getDb(), input.files, {
    actor: actor.name,
    auditActor: actor,
    dryRun: input.dryRun,
    repo: input.repo,
    repoNames: input.repoNames,
    readErrors: input.readErrors,
  });
  return Response.json(result, { status: result.ok ? 200 : 400, headers: { "cache-control": "no-store" } });
}
