// GET /api/blast-radius — reach of one or more compromised nodes (?ref=…&ref=…&advisory=…&maxHops=…&exposure=…&timing=now&whatIf=…)
// Paged with limit=N (most important nodes first; cursor=… for the next page; include=paths to spell
// out each node's path); without a limit the complete answer is streamed.
import { authorizeRequest } from "@/lib/auth/guard";
import { invalidInput } from "@/lib/http/invalid-input";
import { computeRadiusJson, computeRadiusPageJson } from "@/lib/services/radius/compute-radius";
import { jsonStream } from "@/lib/http/json-stream";
import { getDatabase } from "@/lib/db";
import { radiusQueryFields, ZRadiusInput, ZRadiusPaging } from "@/lib/schemas/radius";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  const whatIf = params.getAll("whatIf");
  const actor = await authorizeRequest(request, whatIf.length ? "whatif:run" : "radius:read");
  if (actor instanceof Response) return actor;
  const input = ZRadiusInput.safeParse(radiusQueryFields(params));
  if (!input.success) return invalidInput(input.error.issues);
  const includes = params.getAll("include").flatMap((value) => value.split(","));
  const paging = ZRadiusPaging.safeParse({
    limit: params.get("limit") || null,
    cursor: params.get("cursor") || null,
    includePaths: includes.includes("paths"),
    rotationRows: params.get("rotationRows") || undefined,
  });
  if (!paging.success) return invalidInput(paging.error.issues);
  const unknownInclude = includes.find((value) => value !== "paths");
  if (unknownInclude !== undefined) return Response.json({ error: `include=${unknownInclude} is not known; include=paths is` }, { status: 400 });
  if (paging.data.limit === null && paging.data.cursor !== null) return Response.json({ error: "cursor needs the limit it was given with" }, { status: 400 });

  const database = await getDatabase();
  if (paging.data.limit !== null) {
    const page = await computeRadiusPageJson(database, input.data, { ...paging.data, limit: paging.data.limit });
    if (!page.ok && "cursor" in page) return Response.json({ error: page.cursor.message }, { status: page.cursor.stale ? 409 : 400 });
    if (!page.ok) return Response.json({ error: page.errors.map((e) => e.message).join("; "), errors: page.errors }, { status: 400 });
    return new Response(jsonStream(page.result), { headers: { "content-type": "application/json" } });
  }
  const answer = await computeRadiusJson(database, input.data);
  if (!answer.ok) return Response.json({ error: answer.errors.map((e) => e.message).join("; "), errors: answer.errors }, { status: 400 });
  return new Response(jsonStream(answer.result), { headers: { "content-type": "application/json" } });
}
