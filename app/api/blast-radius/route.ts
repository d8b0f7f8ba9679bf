// GET /api/blast-radius — reach of one or more compromised nodes (?ref=…&ref=…&advisory=…&maxHops=…&exposure=…&timing=now&whatIf=…)
// Paged with limit=N (most important nodes first; cursor=… for the next page; include=paths to spell
// out each node's path); without a limit the complete answer is streamed.
import { problemResponse } from "@/lib/http/problem-response";
import { requestInput } from "@/lib/http/request-input";
import { withPermission } from "@/lib/http/with-permission";
import { computeRadiusJson, computeRadiusPageJson } from "@/lib/services/radius/compute-radius";
import { jsonStream } from "@/lib/http/json-stream";
import { getDatabase } from "@/lib/db";
import { radiusRequestFields, ZRadiusRequest } from "@/lib/schemas/radius";

export const dynamic = "force-dynamic";

const whatIfAsked = (request: Request) => new URL(request.url).searchParams.has("whatIf");

export const GET = withPermission(
  (request) => (whatIfAsked(request) ? "whatif:run" : "radius:read"),
  requestInput((parts) => radiusRequestFields(parts.query), ZRadiusRequest, "query"),
  async ({ input: { limit, cursor, rotationRows, include, ...question } }) => {
    const database = await getDatabase();
    if (limit !== null) {
      const page = await computeRadiusPageJson(database, question, { limit, cursor, rotationRows, includePaths: include.includes("paths") });
      if (!page.ok && "cursor" in page) return problemResponse([{ path: "cursor", message: page.cursor.message }], page.cursor.stale ? 409 : 400);
      if (!page.ok) return problemResponse(page.errors);
      return new Response(jsonStream(page.result), { headers: { "content-type": "application/json" } });
    }
    const answer = await computeRadiusJson(database, question);
    if (!answer.ok) return problemResponse(answer.errors);
    return new Response(jsonStream(answer.result), { headers: { "content-type": "application/json" } });
  },
);
