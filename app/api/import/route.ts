// POST /api/import — import uploaded files (multipart, .zip included) or JSON {files:[{path,content}]}
import { withPermission } from "@/lib/http/with-permission";
import { importParsedSources } from "@/lib/data/import/import-parsed-sources";
import { getDatabase } from "@/lib/db";
import { readImportRequest } from "@/lib/files/read-import-request";

export const dynamic = "force-dynamic";

// No input schema: the body is streamed to a worker thread that reads and parses it (bounded in
// time and memory), and a refusal is an import result (ZImportResult) listing each file's problems.
export const POST = withPermission("import:write", null, async ({ actor, request }) => {
  const input = await readImportRequest(request);
  if (!input.ok) return Response.json(input.result, { status: input.status });
  const result = await importParsedSources((await getDatabase()).prisma, input.sources, {
    actor: actor.name,
    auditActor: actor,
    dryRun: input.dryRun,
    readErrors: input.readErrors,
  });
  return Response.json(result, { status: result.ok ? 200 : 400, headers: { "cache-control": "no-store" } });
});
